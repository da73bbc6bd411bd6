// The v0 story, tried as a new learner would, steps 1 to 7: catalog, lesson page, run and step,
// check / hint / solution / reset, hostile code, reload, and the March 2020 replay.
import { expect, test } from '@playwright/test';
import {
	button,
	confirmDialog,
	lessonFile,
	openLesson,
	editorTextNearEnd,
	squash,
	replaceEditorText,
	run,
	runButton,
	visibleEditorText
} from './helpers.ts';

const FIRST = '01-foundations/01-first-transaction';
const BORROW = '02-lending/01-borrow-against-collateral';
const REPLAY = '02-lending/04-march-2020-replay';

test('1. the catalog lists the tracks and their lessons with progress', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Foundations' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Lending, leverage and liquidations' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: /A first contract and transaction/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /March 2020/ })).toBeVisible();
	await expect(page.getByText(/0 of \d+ solved/).first()).toBeVisible();
});

test('2. the lesson page: prose, editor with the contract API, views, console', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Borrow against collateral/i }).click();
	await expect(page).toHaveURL(new RegExp(`/learn/${BORROW}$`));
	await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
	await expect(page.getByRole('region', { name: 'Lesson' })).toContainText(/LTV|loan-to-value/i);
	await expect(page.getByRole('region', { name: 'Code' }).locator('.monaco-editor')).toBeVisible();
	await expect(page.getByRole('region', { name: 'What happened' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Console' })).toBeVisible();

	// completion for the contract API: `msg.` offers `sender`
	const input = page.locator('.monaco-editor textarea').first();
	await input.focus();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('msg.');
	const suggest = page.locator('.suggest-widget');
	await expect(suggest).toBeVisible({ timeout: 30_000 });
	await expect(suggest).toContainText('sender');
	await page.keyboard.press('Escape');

	// a type error is underlined in the editor
	await page.keyboard.type('sender.notAMethod();');
	await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({
		timeout: 30_000
	});
});

test('3. run, then step back, step forward, play and pause; a long run can be cancelled', async ({
	page
}) => {
	await openLesson(page, FIRST);
	await run(page);
	const timeline = page.getByRole('group', { name: 'Timeline' });
	const slider = timeline.getByRole('slider', { name: 'Step' });
	const last = Number(await slider.getAttribute('max'));
	expect(last).toBeGreaterThan(1);
	const console_ = page.locator('section.console');
	const stepLine = console_.locator('.line.step');
	const total = last + 1;

	// a finished run opens at its first step
	await expect(slider).toHaveValue('0');
	await expect(stepLine).toContainText(`Step 1 of ${total}`);
	await button(page, 'Step forward').click();
	await expect(slider).toHaveValue('1');
	await expect(stepLine).toContainText(`Step 2 of ${total}`);
	await button(page, 'Step forward').click();
	await expect(stepLine).toContainText(`Step 3 of ${total}`);
	await button(page, 'Step back').click();
	await expect(slider).toHaveValue('1');
	await expect(stepLine).toContainText(`Step 2 of ${total}`);

	// the receipts of a step are shown with gas used
	await expect(console_.locator('.tx').first()).toContainText(/gas \d/);

	await slider.fill('0');
	await expect(slider).toHaveValue('0');
	await button(page, 'Play').click();
	// Play stops by itself at the last step
	await expect(slider).toHaveValue(String(last), { timeout: 20_000 });
	await expect(button(page, 'Pause')).toBeDisabled();

	// the replay is long enough to show progress; Cancel stops it and the page stays usable
	await openLesson(page, REPLAY);
	await runButton(page).click();
	await expect(page.getByRole('status').filter({ hasText: /Running|Compiling/ })).toBeVisible();
	await button(page, 'Cancel').click();
	await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
	await expect(page.getByText(/cancel/i).first()).toBeVisible();
});

test('4. check, hints in layers, show solution, reset', async ({ page }) => {
	await openLesson(page, FIRST);
	const starter = lessonFile(FIRST, 'contracts/Token.ts');
	await button(page, 'Check').click();
	const checks = page.getByRole('region', { name: 'Checks' });
	await expect(checks.getByText(/\d+ of \d+ passed/)).toBeVisible({ timeout: 120_000 });
	await expect(checks.getByText('Failed:').first()).toBeAttached();
	const failing = checks.locator('li.fail').first();
	await expect(failing.locator('.message')).not.toBeEmpty();

	await button(page, 'Hint').click();
	await expect(failing.getByText('Hint 1')).toBeVisible();
	await button(page, 'Hint').click();
	await expect(failing.getByText('Hint 2')).toBeVisible();

	await button(page, 'Show solution').click();
	await confirmDialog(page, 'Load the solution');
	const solution = lessonFile(FIRST, 'solution/Token.ts');
	const solvedLine = solution
		.split('\n')
		.find((l) => l.includes('require('))!
		.trim();
	await expect.poll(() => editorTextNearEnd(page)).toContain(squash(solvedLine).slice(0, 30));
	await button(page, 'Check').click();
	await expect(checks.getByText(/(\d+) of \1 passed/)).toBeVisible({ timeout: 120_000 });

	await button(page, 'Reset').click();
	await confirmDialog(page, 'Discard my edits');
	const todo = starter
		.split('\n')
		.find((l) => l.includes('TODO'))!
		.trim();
	await expect.poll(() => editorTextNearEnd(page)).toContain(squash(todo).slice(0, 30));
});

test('5. an endless loop runs out of gas on its line; a syntax error is shown in the editor', async ({
	page
}) => {
	await openLesson(page, FIRST);
	const solution = lessonFile(FIRST, 'solution/Token.ts').split('\n');
	const at = solution.findIndex((l) => l.includes('transfer(to: string'));
	expect(at).toBeGreaterThan(0);
	const looping = [...solution.slice(0, at + 1), '\t\twhile (true) {}', ...solution.slice(at + 1)];
	const loopLine = at + 2;
	await replaceEditorText(page, looping.join('\n'));
	await run(page);
	const console_ = page.locator('section.console');
	// find the step whose transfer ran out of gas
	const slider = page
		.getByRole('group', { name: 'Timeline' })
		.getByRole('slider', { name: 'Step' });
	const last = Number(await slider.getAttribute('max'));
	let found = false;
	for (let step = 0; step <= last && !found; step++) {
		await slider.fill(String(step));
		await expect(slider).toHaveValue(String(step));
		found = (await console_.getByText('out of gas').count()) > 0;
	}
	expect(found).toBe(true);
	await expect(console_.getByText(`contracts/Token.ts:${loopLine}`).first()).toBeVisible();
	// the page is responsive and the next run works
	await replaceEditorText(page, solution.join('\n'));
	await run(page);
	await expect(console_.getByText('out of gas')).toHaveCount(0);
	await expect(console_.locator('.tx.success').first()).toBeVisible();

	// a syntax error: marked in the editor, reported in the console, nothing thrown at the page
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const broken = [...solution];
	broken[at] = broken[at].replace('{', '{ const = ;');
	await replaceEditorText(page, broken.join('\n'));
	await runButton(page).click();
	await expect(console_.locator('.line.error')).toContainText('syntax', { timeout: 60_000 });
	await expect(console_.locator('.line.error')).toContainText(`contracts/Token.ts:${at + 1}`);
	// the console's location jumps to the line, which the editor underlines
	await console_
		.locator('.line.error')
		.getByRole('button', { name: `contracts/Token.ts:${at + 1}` })
		.click();
	await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
	await expect(runButton(page)).toBeEnabled();
	expect(errors).toEqual([]);
});

test('6. reloading keeps the edited code, the progress and the hints revealed', async ({
	page
}) => {
	await openLesson(page, FIRST);
	const marker = '// my own note, kept across reloads';
	const starter = lessonFile(FIRST, 'contracts/Token.ts');
	await replaceEditorText(page, `${marker}\n${starter}`);
	await button(page, 'Check').click();
	const checks = page.getByRole('region', { name: 'Checks' });
	await expect(checks.getByText(/\d+ of \d+ passed/)).toBeVisible({ timeout: 120_000 });
	await button(page, 'Hint').click();
	await expect(checks.getByText('Hint 1')).toBeVisible();

	await page.reload();
	await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
	await expect.poll(() => visibleEditorText(page)).toContain(marker);
	await expect(checks.getByText('Hint 1')).toBeVisible();
	await page.goto('/');
	await expect(page.getByText(/in progress/i).first()).toBeVisible();
});

test('7. the March 2020 replay: price path with liquidations, health factors, one breakdown', async ({
	page
}) => {
	test.setTimeout(300_000);
	await openLesson(page, REPLAY);
	await run(page);
	const price = page.getByRole('figure', { name: /price/ });
	await expect(price).toBeVisible();
	await expect(price).toContainText(/synthetic/i);
	const markers = price.locator('circle.marker');
	expect(await markers.count()).toBeGreaterThan(10);
	const health = page.getByRole('figure', { name: 'Health factors' });
	await expect(health).toBeVisible();
	await expect(health.locator('rect').first()).toBeAttached();

	// Play moves through the long run; Pause stops it where it is
	const slider = page
		.getByRole('group', { name: 'Timeline' })
		.getByRole('slider', { name: 'Step' });
	await button(page, 'Play').click();
	await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(3);
	await button(page, 'Pause').click();
	const paused = await slider.inputValue();
	await expect(button(page, 'Play')).toBeEnabled();
	await page.waitForTimeout(600);
	await expect(slider).toHaveValue(paused);

	// markers may overlap: the last one drawn is on top
	await markers.last().click();
	const breakdown = page.getByRole('figure', { name: 'Liquidation breakdown' });
	for (const term of ['Debt repaid', 'Collateral seized', 'Liquidation bonus', 'Protocol fee']) {
		const dt = breakdown.locator('dt', { hasText: term });
		await expect(dt).toBeVisible();
		await expect(dt.locator('xpath=following-sibling::dd[1]')).toContainText(/\d/);
	}
	// every liquidation is reachable, not only the largest of each step
	const nav = page.getByRole('group', { name: 'Liquidations' });
	const position = await nav.locator('.pos').innerText();
	await nav.getByRole('button', { name: 'Previous liquidation' }).click();
	await expect(nav.locator('.pos')).not.toHaveText(position);
});
