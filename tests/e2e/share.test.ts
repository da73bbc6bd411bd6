/**
 * Share links: Share copies a link carrying the lesson, the edited sources, the seed and the step;
 * opening it reproduces the same state hash at the same step, as a separate shared copy that never
 * replaces the recipient's own code without asking; bad links get a clear message.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeShareToken, encodeShareToken } from '../../src/lib/share/codec.ts';
import { shareTokenOf } from '../../src/lib/share/link.ts';
import { SCRIPT_FILE, writeScript } from '../../src/lib/playground/script-file.ts';
import { openLesson, run } from './helpers.ts';
import {
	FIRST,
	FIRST_FILE,
	editorText,
	expectStep,
	expectStoredDraft,
	freshGoto,
	lessonFile,
	shownStateHash,
	storedDrafts,
	typeCode
} from './support.ts';

const solution = lessonFile(FIRST, 'solution', 'Token.ts');
const starter = lessonFile(FIRST, 'contracts', 'Token.ts');
const attempt = `${starter}\n// my own attempt\n`;

async function shareLink(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const field = page.getByRole('textbox', { name: 'Share link' });
	await expect(field).toHaveValue(/#share=1\./);
	return field.inputValue();
}

const banner = (page: Page) => page.getByRole('region', { name: 'Shared copy' });
const linkAlert = (page: Page) =>
	page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });

test('a shared link reproduces the state at the step, as a separate copy', async ({
	browser,
	baseURL
}) => {
	// the sender edits, runs, steps to step 3 and shares
	const sender = await browser.newContext({ baseURL });
	await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
	const a = await sender.newPage();
	await openLesson(a, FIRST);
	const sent = await typeCode(a, solution);
	await run(a);
	await a.getByRole('button', { name: 'Step forward' }).click();
	await a.getByRole('button', { name: 'Step forward' }).click();
	await expectStep(a, 3, 4);
	const sentHash = await shownStateHash(a);
	const link = await shareLink(a);
	expect(await a.evaluate(() => navigator.clipboard.readText())).toBe(link);
	expect(new URL(link).pathname).toBe(`/learn/${FIRST}`);
	await sender.close();

	// the recipient has code of their own
	const recipient = await browser.newContext({ baseURL });
	const b = await recipient.newPage();
	await openLesson(b, FIRST);
	const mine = await typeCode(b, attempt);
	await expectStoredDraft(b, FIRST, FIRST_FILE, mine);

	// opening the link shows the sender's code at the sender's step with the same state hash
	await freshGoto(b, link);
	await expect(banner(b)).toBeVisible({ timeout: 60_000 });
	await expect(banner(b)).toContainText('seed 42, step 3');
	await expect(b.getByTestId('share-match')).toContainText('Same state as the sender', {
		timeout: 120_000
	});
	await expectStep(b, 3, 4);
	expect(await shownStateHash(b)).toBe(sentHash);
	await expect.poll(() => editorText(b)).toBe(sent);
	// the recipient's own draft is untouched
	expect((await storedDrafts(b, FIRST))[FIRST_FILE]).toBe(mine);

	// without the link, the recipient's own code is back
	await openLesson(b, FIRST);
	await expect(banner(b)).toHaveCount(0);
	await expect.poll(() => editorText(b)).toBe(mine);

	// keeping the shared copy asks first, because it would replace their draft
	await freshGoto(b, link);
	await expect(banner(b)).toBeVisible({ timeout: 60_000 });
	await banner(b).getByRole('button', { name: 'Keep as my code' }).click();
	const dialog = b.getByRole('dialog', { name: 'Replace your own code?' });
	await expect(dialog).toContainText(FIRST_FILE);
	await dialog.getByRole('button', { name: 'Keep my code' }).click();
	await expect(banner(b)).toBeVisible();
	expect((await storedDrafts(b, FIRST))[FIRST_FILE]).toBe(mine);

	await banner(b).getByRole('button', { name: 'Keep as my code' }).click();
	await dialog.getByRole('button', { name: 'Replace my code' }).click();
	await expect(banner(b)).toHaveCount(0);
	await expectStoredDraft(b, FIRST, FIRST_FILE, sent);
	await expect(b).not.toHaveURL(/#share=/);
	await openLesson(b, FIRST);
	await expect.poll(() => editorText(b)).toBe(sent);
	await recipient.close();
});

test('a share link pasted over the address opens in place, on a lesson and in the playground alike', async ({
	page
}) => {
	// the address changes only in its fragment: the page is not loaded again by the browser
	await openLesson(page, FIRST);
	const lesson = await encodeShareToken({
		lessonId: FIRST,
		sources: { [FIRST_FILE]: solution },
		seed: 9,
		step: 1
	});
	await page.goto(`/learn/${FIRST}#share=${lesson}`);
	await expect(banner(page)).toContainText('seed 9, step 2', { timeout: 60_000 });
	await expectStep(page, 2, 4);

	await page.goto('/playground');
	await expect(page.getByRole('button', { name: 'Run again' })).toBeEnabled({ timeout: 60_000 });
	await expect(banner(page)).toHaveCount(0);
	const mine = { kind: 'mine' as const, chainId: 1, blocks: 2 };
	const playground = await encodeShareToken({
		lessonId: 'playground/one-chain',
		sources: { [SCRIPT_FILE]: writeScript(5, [mine, mine]) },
		seed: 5,
		step: 0
	});
	await page.goto(`/playground#share=${playground}`);
	await expect(banner(page)).toContainText('seed 5, step 1', { timeout: 60_000 });
	await expectStep(page, 1, 2);
});

test('the seed travels in the link, and edits to a shared copy stay in its link', async ({
	page
}) => {
	const token = await encodeShareToken({
		lessonId: FIRST,
		sources: { [FIRST_FILE]: solution },
		seed: 7,
		step: 1
	});
	await freshGoto(page, `/learn/${FIRST}#share=${token}`);
	await expect(banner(page)).toContainText('seed 7, step 2', { timeout: 60_000 });
	await expectStep(page, 2, 4);
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

	// an edit goes into the address, not into the learner's drafts
	const edited = await typeCode(page, `${solution}\n// tried in the shared copy\n`);
	await expect
		.poll(async () => {
			const inAddress = shareTokenOf(page.url());
			return inAddress && (await decodeShareToken(inAddress)).sources[FIRST_FILE];
		})
		.toBe(edited);
	expect(await storedDrafts(page, FIRST)).toEqual({});
	await page.reload();
	await expect(banner(page)).toContainText('seed 7', { timeout: 60_000 });
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(edited);

	// Back to my code: the starter (no draft of their own), and the address loses the link
	await banner(page).getByRole('button', { name: 'Back to my code' }).click();
	await expect(banner(page)).toHaveCount(0);
	await expect.poll(() => editorText(page)).toBe(starter);
	await expect(page).not.toHaveURL(/#share=/);
	expect(await storedDrafts(page, FIRST)).toEqual({});
});

test('malformed, truncated, oversized and foreign links get a clear message', async ({ page }) => {
	await openLesson(page, FIRST);
	const mine = await typeCode(page, attempt);
	await expectStoredDraft(page, FIRST, FIRST_FILE, mine);

	const good = await encodeShareToken({
		lessonId: FIRST,
		sources: { [FIRST_FILE]: solution },
		seed: 42,
		step: 0
	});
	const otherLesson = await encodeShareToken({
		lessonId: '02-lending/01-borrow-against-collateral',
		sources: { [FIRST_FILE]: solution },
		seed: 42,
		step: 0
	});
	const extraFile = await encodeShareToken({
		lessonId: FIRST,
		sources: { 'contracts/Evil.ts': 'x' },
		seed: 42,
		step: 0
	});
	const cases: [string, RegExp][] = [
		['garbage!!', /not a Chainlab share link/],
		['1.%3Cscript%3E', /characters a share link never has/],
		[good.slice(0, Math.floor(good.length / 2)), /incomplete or damaged/],
		[good.slice(0, -3), /incomplete or damaged/],
		[`1.${'A'.repeat(120_000)}`, /too long/],
		[`9.${good.slice(2)}`, /newer version of Chainlab/],
		['', /no shared code/],
		[otherLesson, /belongs to lesson/],
		[extraFile, /file "contracts\/Evil.ts" that this lesson does not have/]
	];
	for (const [token, message] of cases) {
		await freshGoto(page, `/learn/${FIRST}#share=${token}`);
		await expect(linkAlert(page), `link ${token.slice(0, 30)}`).toContainText(message, {
			timeout: 60_000
		});
		await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({
			timeout: 60_000
		});
		await expect(banner(page)).toHaveCount(0);
		await expect.poll(() => editorText(page)).toBe(mine);
		expect((await storedDrafts(page, FIRST))[FIRST_FILE]).toBe(mine);
	}
});
