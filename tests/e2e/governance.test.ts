// The governance track in the browser: the flash-loan vote drains the starter's governor in one
// transaction and its check fails; the learner's fix (votes read at the snapshot block) gives the
// borrowed votes no weight, the treasury keeps its funds and every check passes.
import { expect, test, type Page } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const FLASH = '07-governance/03-flash-loan-vote';

/** The "Yours" cell of the summary row labelled `label`. */
const summaryValue = (page: Page, label: string) =>
	page
		.getByRole('region', { name: /^Your run/ })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
		.getByRole('cell')
		.first();

test('flash-loan vote: the attack drains the starter, the fix gives it no weight and passes', async ({
	page
}) => {
	await openLesson(page, FLASH);
	const checks = page.getByRole('region', { name: 'Checks' });
	const weightCheck = checks
		.locator('li')
		.filter({ hasText: 'BEAN deposited after the snapshot block weigh 0' });
	const treasuryCheck = checks
		.locator('li')
		.filter({ hasText: 'The attack transaction executes nothing' });

	// the starter: the attack's vote weighs the whole loan and the treasury is emptied
	await run(page);
	await expect(summaryValue(page, 'Attack vote weight')).toHaveText('120,000,000 BEAN');
	await expect(summaryValue(page, 'USDC left in the treasury')).toHaveText('0 USDC');
	await button(page, 'Check').click();
	await expect(checks.getByText(/\d+ of 5 passed/)).toBeVisible({ timeout: 120_000 });
	await expect(weightCheck).toHaveClass(/fail/);
	await expect(weightCheck.locator('.message')).toContainText(
		'its vote added 120,000,000 BEAN to the proposal'
	);
	await expect(treasuryCheck).toHaveClass(/fail/);

	// the learner's fix: checkpoints, delegation, a voting delay
	await replaceEditorText(page, lessonFile(FLASH, 'solution/Governor.ts'));
	await run(page);
	await expect(summaryValue(page, 'Attack vote weight')).toHaveText('0 BEAN');
	await expect(summaryValue(page, 'USDC left in the treasury')).toHaveText('181,900,000 USDC');
	await expect(summaryValue(page, 'Honest grant')).toHaveText('executed');
	await button(page, 'Check').click();
	await expect(checks.getByText('5 of 5 passed')).toBeVisible({ timeout: 120_000 });
	await expect(weightCheck).toHaveClass(/pass/);
	await expect(treasuryCheck).toHaveClass(/pass/);
});
