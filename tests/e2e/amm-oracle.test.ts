// The price-oracle lesson in Chromium: the starter's spot-priced pool is drained by the
// flash-swap attack (its check fails, the twap view shows the spike the pool priced with); with the
// TWAP solution typed into the editor, the attack unwinds at a loss and every check passes.
import { expect, test } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const LESSON = '03-amms/04-price-oracle';

test('the spot oracle is drained in one transaction; the learner’s TWAP stops the attack and passes', async ({
	page
}) => {
	test.setTimeout(300_000);
	await openLesson(page, LESSON);
	await run(page);
	const figure = page.getByRole('figure', { name: 'Spot price against the TWAP' });
	const slider = page
		.getByRole('group', { name: 'Timeline' })
		.getByRole('slider', { name: 'Step' });
	const checks = page.getByRole('region', { name: 'Checks' });
	const attackCheck = checks
		.locator('li')
		.filter({ hasText: 'The flash-swap attack no longer pays' });
	const twapCheck = checks.locator('li').filter({ hasText: 'update() stores the 24 h average' });

	// the last step: the attack (step 5) is behind it, marked, with the pool pricing at the spike
	await slider.focus();
	await page.keyboard.press('End');
	const inside = figure.getByTestId('twap-attack');
	await expect(inside).toHaveAttribute('data-outcome', 'borrowed');
	await expect(inside).toContainText('spot 8,056.47 DAI, the pool used 8,056.47 DAI');
	await expect(inside).toContainText("Attacker's profit: 481,990.97 DAI");
	await expect(figure.locator('svg .attack')).toHaveCount(1);
	await expect(figure.locator('[data-series="pool"] strong')).toHaveText('8,056.47 DAI');
	await expect(figure.locator('[data-series="twap"] strong')).toHaveText('2,036.26 DAI');

	await button(page, 'Check').click();
	await expect(checks.getByText('0 of 4 passed')).toBeVisible({ timeout: 120_000 });
	await expect(attackCheck).toHaveClass(/fail/);
	await expect(attackCheck.locator('.message')).toContainText(
		'The attacker netted 481,990.97 DAI in one transaction'
	);

	// the learner writes the TWAP (the lesson's solution), runs and checks again
	await replaceEditorText(page, lessonFile(LESSON, 'solution/PriceOracle.ts'));
	await run(page);
	await slider.focus();
	await page.keyboard.press('End');
	await expect(inside).toHaveAttribute('data-outcome', 'unwound');
	await expect(inside).toContainText('spot 8,056.47 DAI, the pool used 2,036.26 DAI');
	await expect(figure.locator('[data-series="pool"] strong')).toHaveText('2,036.26 DAI');

	await button(page, 'Check').click();
	await expect(checks.getByText('4 of 4 passed')).toBeVisible({ timeout: 120_000 });
	await expect(twapCheck).toHaveClass(/pass/);
	await expect(attackCheck).toHaveClass(/pass/);

	// the table lists the attack's step twice: at its end and inside its transaction
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	const insideRow = figure.locator('tbody tr[data-attack="inside"] td');
	await expect(insideRow).toHaveText(['8,056.47', '2,036.26', '2,036.26']);
});
