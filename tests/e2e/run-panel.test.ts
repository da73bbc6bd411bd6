// Issue 7, items 1 and 5: the run summary is on the page after every Run ("yours vs reference"),
// and Show solution, Check, Reset leave nothing of the solution's run or checks behind.
import { expect, test, type Page } from '@playwright/test';
import { button, confirmDialog, openLesson, run } from './helpers.ts';

const FIRST = '01-foundations/01-first-transaction';
const BORROW = '02-lending/01-borrow-against-collateral';
const REPLAY = '02-lending/04-march-2020-replay';

const summary = (page: Page) => page.getByRole('region', { name: /^Your run/ });
// a string names the whole row header ('Bad debt', not 'Bad debt if the liquidator had missed no hour')
const rowOf = (page: Page, label: string | RegExp) =>
	summary(page)
		.getByRole('row')
		.filter({
			has: page.getByRole('rowheader', { name: label, exact: typeof label === 'string' })
		});

test('the summary table appears after Run, with the reference column where the lesson has one', async ({
	page
}) => {
	await openLesson(page, FIRST);
	await expect(summary(page)).toHaveCount(0);
	await run(page);
	const table = summary(page).getByRole('table');
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader')).toHaveText(['Figure', 'Yours']);
	// the starter's transfer only adds to the receiver: TOK is created from nothing
	await expect(rowOf(page, 'TOK held by Alice, Bob and Carol').getByRole('cell')).not.toHaveText(
		/^$/
	);
	await expect(rowOf(page, 'Total supply')).toBeVisible();

	await openLesson(page, REPLAY);
	await run(page);
	await expect(summary(page)).toHaveAccessibleName('Your run vs the reference');
	await expect(summary(page).getByRole('columnheader')).toHaveText([
		'Figure',
		'Yours',
		'Reference'
	]);
	for (const label of ['Bad debt', 'Liquidated volume', 'Liquidator profit']) {
		const cells = rowOf(page, label).getByRole('cell');
		await expect(cells).toHaveCount(2);
		await expect(cells.nth(0)).toHaveText(/\d.*USD/);
		await expect(cells.nth(1)).toHaveText(/\d.*USD/);
	}
	await expect(rowOf(page, /Borrowers liquidated on 12 March/)).toBeVisible();
	// the panel fits the views column: no horizontal overflow at 1440 px
	const box = await summary(page).evaluate((el) => ({
		scroll: el.scrollWidth,
		client: el.clientWidth
	}));
	expect(box.scroll).toBeLessThanOrEqual(box.client);

	// a new Run drops the old summary until the new one arrives
	await button(page, 'Run').click();
	await expect(summary(page)).toHaveCount(0);
	await expect(button(page, 'Run')).toBeEnabled({ timeout: 180_000 });
	await expect(summary(page)).toBeVisible();
});

test('the summary fits its panel on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await openLesson(page, REPLAY);
	await run(page);
	await expect(summary(page)).toBeVisible();
	const box = await summary(page).evaluate((el) => {
		const r = el.getBoundingClientRect();
		return { scroll: el.scrollWidth, client: el.clientWidth, right: r.right };
	});
	expect(box.scroll).toBeLessThanOrEqual(box.client);
	expect(box.right).toBeLessThanOrEqual(390);
});

test('Show solution, Check, Reset: no stale checks, badge, views or console; the badge says the solution was shown', async ({
	page
}) => {
	await openLesson(page, BORROW);
	const checks = page.getByRole('region', { name: 'Checks' });
	const views = page.getByRole('region', { name: 'What happened' });
	const consoleOut = page.getByRole('region', { name: 'Console output' });
	const badge = page.getByRole('heading', { level: 1 }).locator('.badge');

	await button(page, 'Show solution').click();
	await confirmDialog(page, 'Load the solution');
	await button(page, 'Check').click();
	await expect(checks.getByText('3 of 3 passed')).toBeVisible({ timeout: 120_000 });
	await expect(badge).toHaveText(/Solved with the solution shown/);
	await run(page);
	await expect(rowOf(page, 'Alice: DAI held').getByRole('cell')).toHaveText('6,000 DAI');
	await expect(consoleOut.locator('.line.step')).toBeVisible();

	await button(page, 'Reset').click();
	await confirmDialog(page, 'Discard my edits');
	await expect(consoleOut).toContainText('The starter code is back.');
	await expect(checks.getByText(/of 3 passed/)).toHaveCount(0);
	await expect(checks.getByText('Press Check to test your code.')).toBeVisible();
	await expect(views.getByText('Press Run to see what happens.')).toBeVisible();
	await expect(summary(page)).toHaveCount(0);
	await expect(consoleOut.locator('.line.step, .tx, .line.error')).toHaveCount(0);
	// progress stays: solved, and honestly marked as solved with the solution shown
	await expect(badge).toHaveText(/Solved with the solution shown/);

	// the starter's own run now: both borrows "succeed" and Alice receives no DAI
	await run(page);
	await expect(rowOf(page, 'Alice: DAI held').getByRole('cell')).toHaveText('0 DAI');

	await page.goto('/');
	const entry = page.getByRole('link', { name: /Borrow against collateral/ });
	await expect(entry).toContainText('Solved with the solution shown');
	await expect(page.getByRole('link', { name: /A first contract/ })).not.toContainText(
		'solution shown'
	);
});
