import { expect, test } from '@playwright/test';
import { button, confirmDialog, openLesson, run } from './helpers.ts';

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
	for (const kind of ['starter', 'solution']) {
		test(`shot ${kind} ${size.width}`, async ({ page }) => {
			await page.setViewportSize(size);
			await openLesson(page, '05-bridges/06-ibc-packet');
			if (kind === 'solution') {
				await button(page, 'Show solution').click();
				await confirmDialog(page, 'Load the solution');
			}
			await run(page);
			const slider = page.getByRole('group', { name: 'Timeline' }).getByRole('slider', { name: 'Step' });
			for (let i = 0; i < 6; i++) await button(page, 'Step forward').click();
			await expect(slider).toHaveValue('6');
			const sw = await page.evaluate(() => document.documentElement.scrollWidth);
			console.log(kind, size.width, 'scrollWidth', sw);
			await page.screenshot({ path: `/tmp/ibc-shots/${kind}-${size.width}-top.png` });
			const seq = page.getByRole('figure', { name: 'Transfer sequence' });
			await seq.scrollIntoViewIfNeeded();
			await page.screenshot({ path: `/tmp/ibc-shots/${kind}-${size.width}-seq.png` });
			const risk = page.getByRole('figure', { name: 'Bridge risk card' });
			await risk.scrollIntoViewIfNeeded();
			await page.screenshot({ path: `/tmp/ibc-shots/${kind}-${size.width}-risk.png` });
			await page.screenshot({ path: `/tmp/ibc-shots/${kind}-${size.width}-full.png`, fullPage: true });
		});
	}
}
