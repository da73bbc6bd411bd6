// Issue 7, item 6 and the seed control: a guess per prediction, saved with the draft (it survives
// a reload), the worked answer shown beside it only after a Run; the seed of the next Run is saved
// with the draft and carried by share links.
import { expect, test, type Page } from '@playwright/test';
import { decodeShareToken } from '../../src/lib/share/codec.ts';
import { shareTokenOf } from '../../src/lib/share/link.ts';
import { button, confirmDialog, openLesson, run } from './helpers.ts';

const BORROW = '02-lending/01-borrow-against-collateral';
const REPLAY = '02-lending/04-march-2020-replay';

const predictions = (page: Page) => page.getByRole('region', { name: 'Your predictions' });
const answers = (page: Page) => predictions(page).getByRole('group', { name: /^Worked answer/ });
const seedField = (page: Page) => page.getByRole('textbox', { name: 'Seed' });
const summaryRow = (page: Page, label: string) =>
	page
		.getByRole('region', { name: /^Your run/ })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: label }) });

test('a guess is saved with the draft, and the worked answer appears beside it only after Run', async ({
	page
}) => {
	await openLesson(page, BORROW);
	const lesson = page.getByRole('region', { name: 'Lesson' });
	// the answer is nowhere on the page before the run
	await expect(lesson).not.toContainText('she keeps');
	await expect(lesson).not.toContainText('exactly the 6,000 DAI');
	await expect(answers(page)).toHaveCount(0);

	const held = predictions(page).getByRole('textbox', {
		name: 'Once borrow enforces LTV, how much DAI does Alice hold at the end?'
	});
	await held.fill('lots');
	await expect(predictions(page).getByText('Write a number, such as 1,500 (DAI).')).toBeVisible();
	await held.fill('5,000');
	await expect(predictions(page).getByText(/Write a number/)).toHaveCount(0);
	await predictions(page).getByRole('radio', { name: 'Both' }).check();

	// persists across a reload (IndexedDB)
	await expect
		.poll(() =>
			page.evaluate(
				(id) =>
					new Promise<unknown>((resolve) => {
						const open = indexedDB.open('chainlab');
						open.onsuccess = () => {
							const tx = open.result.transaction('inputs', 'readonly');
							const get = tx.objectStore('inputs').get(id);
							get.onsuccess = () => resolve(get.result?.predictions ?? null);
						};
					}),
				BORROW
			)
		)
		.toEqual({ 'dai-held': '5,000', 'which-borrow-succeeds': 'Both' });
	await page.reload();
	await expect(button(page, 'Run')).toBeEnabled({ timeout: 60_000 });
	await expect(held).toHaveValue('5,000');
	await expect(predictions(page).getByRole('radio', { name: 'Both' })).toBeChecked();
	await expect(answers(page)).toHaveCount(0);

	await run(page);
	await expect(answers(page)).toHaveCount(2);
	const dai = page.getByRole('group', {
		name: 'Worked answer: Once borrow enforces LTV, how much DAI does Alice hold at the end?'
	});
	await expect(dai).toContainText('Your guess 5,000 DAI');
	await expect(dai).toContainText('Answer 6,000 DAI');
	await expect(dai).toContainText('not quite');
	await expect(dai).toContainText('she keeps exactly the 6,000 DAI');
	const which = page.getByRole('group', {
		name: /^Worked answer: Once borrow enforces LTV, which/
	});
	await expect(which).toContainText('Your guess Both');
	await expect(which).toContainText('Answer Only the first (6,000 DAI)');
	// the worked answer sits beside the guess, inside the Predict section, before the Run heading
	const order = await page.evaluate(() => {
		const run = [...document.querySelectorAll('.prose h2')].find((h) => h.textContent === 'Run')!;
		const panel = document.querySelector('[aria-label="Your predictions"]')!;
		return panel.compareDocumentPosition(run) & Node.DOCUMENT_POSITION_FOLLOWING;
	});
	expect(order).toBeTruthy();

	// Reset takes the run away, and the answers with it; the guesses stay
	await button(page, 'Reset').click();
	await confirmDialog(page, 'Discard my edits');
	await expect(answers(page)).toHaveCount(0);
	await expect(held).toHaveValue('5,000');
});

test('the seed is saved with the draft, changes a seeded run, and travels in the share link', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(400_000);
	await openLesson(page, REPLAY);
	await expect(seedField(page)).toHaveValue('42');
	await run(page);
	const at42 = await summaryRow(page, 'Bad debt').getByRole('cell').first().innerText();

	await seedField(page).fill('4294967296');
	await expect(
		page.getByRole('alert').filter({ hasText: 'A seed is a whole number' })
	).toBeVisible();
	await seedField(page).fill('7');
	await expect(page.getByRole('alert').filter({ hasText: 'A seed is a whole number' })).toHaveCount(
		0
	);
	await page.reload();
	await expect(button(page, 'Run')).toBeEnabled({ timeout: 60_000 });
	await expect(seedField(page)).toHaveValue('7');
	await run(page);
	const at7 = await summaryRow(page, 'Bad debt').getByRole('cell').first().innerText();
	// another seed is another synthetic path
	expect(at7).not.toBe(at42);

	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	const token = shareTokenOf(link);
	expect(token).not.toBeNull();
	expect((await decodeShareToken(token!)).seed).toBe(7);

	// a recipient opens the link with seed 7, and it does not become their own seed
	const other = await browser.newContext({ baseURL });
	const b = await other.newPage();
	await b.goto(link);
	await expect(seedField(b)).toHaveValue('7', { timeout: 60_000 });
	await expect(button(b, 'Run')).toBeEnabled({ timeout: 180_000 });
	// the link's own reproduction run shows the summary, but the worked answers wait for a Run
	await expect(b.getByRole('region', { name: /^Your run/ })).toBeVisible();
	await expect(answers(b)).toHaveCount(0);
	await b.getByRole('button', { name: 'Back to my code' }).click();
	await expect(seedField(b)).toHaveValue('42');
	await other.close();
});
