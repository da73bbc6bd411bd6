// Issue 8, item 7: after Run the timeline marks the steps holding failed transactions, the page
// says how many failed and jumps to the first (by keyboard); the console names contract, method,
// error kind and line.
import { expect, test } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const BORROW = '02-lending/01-borrow-against-collateral';

for (const viewport of [
	{ width: 1440, height: 900 },
	{ width: 390, height: 844 }
]) {
	test(`while (true) in borrow: count, marks and a keyboard jump to the out-of-gas step (${viewport.width}px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await openLesson(page, BORROW);
		const source = lessonFile(BORROW, 'contracts/LendingPool.ts').split('\n');
		const at = source.findIndex((l) => l.includes('borrow(amount: bigint)'));
		expect(at).toBeGreaterThan(0);
		const looping = [...source.slice(0, at + 1), '\t\twhile (true) {}', ...source.slice(at + 1)];
		const loopLine = at + 2;
		await replaceEditorText(page, looping.join('\n'));
		await run(page);

		const timeline = page.getByRole('group', { name: 'Timeline' });
		const failures = timeline.getByRole('group', { name: 'Failed transactions' });
		await expect(failures).toContainText(/\d+ transactions? failed \(in (step \d+|\d+ steps)\)/);
		await expect(timeline.locator('.mark').first()).toBeVisible();
		const slider = timeline.getByRole('slider', { name: 'Step' });
		await expect(slider).toHaveValue('0');

		const jump = failures.getByRole('button', { name: 'Go to the first failure' });
		await jump.focus();
		await page.keyboard.press('Enter');
		await expect(slider).not.toHaveValue('0');
		const console_ = page.locator('section.console');
		await expect(
			console_.getByText(`LendingPool.borrow: out of gas at line ${loopLine}`).first()
		).toBeVisible();
		await expect(console_.getByText(`contracts/LendingPool.ts:${loopLine}`).first()).toBeVisible();
		// the shown step is one the timeline marks
		await expect(timeline.locator('.mark.current')).toHaveCount(1);
		// next and previous failure, by keyboard too
		const first = await slider.inputValue();
		const next = failures.getByRole('button', { name: 'Next failure' });
		await expect(failures.getByRole('button', { name: 'Previous failure' })).toBeDisabled();
		await next.focus();
		await page.keyboard.press('Enter');
		await expect(slider).not.toHaveValue(first);
		await expect(console_.locator('.tx.reverted').first()).toBeVisible();
		await failures.getByRole('button', { name: 'Previous failure' }).press('Enter');
		await expect(slider).toHaveValue(first);
		await expect(button(page, 'Run')).toBeEnabled();
	});
}
