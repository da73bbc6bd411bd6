// The zero-knowledge track in the browser: the learner fixes a weak Fiat-Shamir hash and passes.
import { expect, test } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const FS = '04-zero-knowledge/05-fiat-shamir';
const GRAPH = '04-zero-knowledge/03-graph-coloring';

test('Fiat-Shamir: the weak verifier fails its check, the learner’s fix passes', async ({
	page
}) => {
	await openLesson(page, FS);
	const checks = page.getByRole('region', { name: 'Checks' });
	const refuses = checks.locator('li').filter({ hasText: 'refuses signatures made without x' });
	const accepts = checks.locator('li').filter({ hasText: 'accepts Alice’s signatures' });

	await button(page, 'Check').click();
	await expect(checks.getByText(/\d+ of \d+ passed/)).toBeVisible({ timeout: 120_000 });
	await expect(refuses).toHaveClass(/fail/);
	await expect(refuses.locator('.message')).toContainText('Put t in the hash');

	await replaceEditorText(page, lessonFile(FS, 'solution/SignatureVerifier.ts'));
	await button(page, 'Check').click();
	await expect(refuses).toHaveClass(/pass/, { timeout: 120_000 });
	await expect(accepts).toHaveClass(/pass/);
});

test('graph colouring: the learner opens three edges as verifier and confidence moves', async ({
	page
}) => {
	await openLesson(page, GRAPH);
	await run(page);
	const view = page.getByRole('figure', { name: 'Graph colouring' });
	const confidence = view.getByTestId('graph-confidence');
	await expect(confidence).toContainText('0% after 0 accepted rounds');
	const seen: string[] = [await confidence.innerText()];
	for (const edge of ['0–1', '4–5', '2–6']) {
		await view.getByRole('button', { name: `Open edge ${edge}`, exact: true }).click();
		await expect(view.locator('.verdict').first()).toContainText(`edge ${edge} opened as colours`);
		const now = await confidence.innerText();
		expect(now).not.toBe(seen[seen.length - 1]);
		seen.push(now);
	}
	await expect(confidence).toContainText('after 3 accepted rounds');
	await expect(confidence).toContainText(`${(100 * (1 - (17 / 18) ** 3)).toFixed(1)}%`);
});

test('graph colouring: the learner faces the cheating prover and catches her', async ({ page }) => {
	await openLesson(page, GRAPH);
	await run(page);
	const view = page.getByRole('figure', { name: 'Graph colouring' });
	await view.getByRole('radio', { name: /Cheating prover/ }).check();
	const survival = view.getByTestId('graph-cheat-survival');
	await expect(survival).toContainText('Mallory survived 0 of your 0 picks');
	await expect(survival).toContainText('at most 1 − 1/|E| = 94.4%');
	const edges = view.getByRole('group', { name: 'Open an edge' }).getByRole('button');
	const count = await edges.count();
	let picks = 0;
	let caught = false;
	while (!caught && picks < 40) {
		await edges.nth((picks * 7) % count).click();
		picks++;
		const verdict = view.locator('.verdict').first();
		await expect(verdict).toContainText(`Your round ${picks}:`);
		caught = (await verdict.innerText()).includes('two equal colours');
	}
	expect(caught, 'a cheater with a bad edge every round is caught within 40 picks').toBe(true);
	// the two opened colours are equal, and the tally counts every pick before the catch
	const text = await view.locator('.verdict').first().innerText();
	const [, c1, c2] = text.match(/opened as colours (\d) and (\d)/)!;
	expect(c1).toBe(c2);
	await expect(survival).toContainText(`Mallory survived ${picks - 1} of your ${picks} pick`);
	// the honest game is a separate game, untouched
	await view.getByRole('radio', { name: /Honest prover/ }).check();
	await expect(view.getByTestId('graph-confidence')).toContainText('after 0 accepted rounds');
	await expect(survival).toBeHidden();
});

test('the cave: no step of the run shows the word or the side Peggy went in by', async ({
	page
}) => {
	await openLesson(page, '04-zero-knowledge/01-the-cave');
	await run(page);
	const seen: string[] = [];
	for (let step = 0; step < 10; step++) {
		// what the verifier sees: the views, the timeline and the console (not the lesson's prose)
		seen.push(await page.getByRole('region', { name: 'What happened' }).innerText());
		seen.push(await page.getByRole('region', { name: 'Console output' }).innerText());
		if (step < 9) await button(page, 'Step forward').click();
	}
	const all = seen.join('\n');
	expect(all).toContain("Peggy's round 1: shout");
	expect(all).toMatch(/Cave\.exit\([01]\)/);
	expect(all).not.toContain('open sesame');
	expect(all).not.toMatch(/entered [AB]\b|in by [AB]\b/);
});
