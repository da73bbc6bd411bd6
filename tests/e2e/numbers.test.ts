// Numbers a person can read (issue 7, items 7 and 10): token amounts in units with the raw
// integer on hover, MAX_UINT256 by name, one step numbering everywhere, step axes for runs whose
// blocks are seconds apart, and offline-unavailable said in words, once, clear of the controls.
import { expect, test, type Page } from '@playwright/test';
import { button, openLesson, run } from './helpers.ts';

const console_ = (page: Page) => page.locator('section.console');

/** Shows the last step with the slider's End key. */
async function lastStep(page: Page): Promise<number> {
	const slider = page.getByRole('slider', { name: 'Step' });
	await slider.focus();
	await page.keyboard.press('End');
	const total = Number(await slider.getAttribute('max')) + 1;
	await expect(console_(page).locator('.line.step')).toContainText(`Step ${total} of ${total}`);
	return total;
}

test('borrow lesson: amounts in DAI and WETH units, no raw wei at any step', async ({ page }) => {
	await openLesson(page, '02-lending/01-borrow-against-collateral');
	await run(page);
	const total = await lastStep(page);
	for (let step = total; step >= 1; step--) {
		if (step < total) await button(page, 'Step back').click();
		await expect(console_(page).locator('.line.step')).toContainText(`Step ${step} of ${total}`);
		// a "Show all" keeps long steps short; open it so every receipt is read
		const all = console_(page).getByRole('button', { name: /^Show all/ });
		if (await all.count()) await all.click();
		const text = await console_(page).innerText();
		expect(text, `step ${step}`).not.toMatch(/\d{16,}/);
	}
	// the mint at the market's opening, in units, with the raw integer as the title
	const minted = console_(page)
		.getByText(/^[\d,]+ DAI$/)
		.first();
	await expect(minted).toBeVisible();
	expect(await minted.getAttribute('title')).toMatch(/^\d{19,}$/);
});

test('liquidation lesson: an unlimited approval says so', async ({ page }) => {
	await openLesson(page, '02-lending/03-liquidation-call');
	await run(page);
	const all = console_(page).getByRole('button', { name: /^Show all/ });
	if (await all.count()) await all.click();
	await expect(console_(page)).toContainText(
		'approve(LendingPool, MAX_UINT256 (unlimited approval))'
	);
	await expect(console_(page)).not.toContainText(
		'115792089237316195423570985008687907853269984665640'
	);
});

test('health-factor lesson: steps read the same in the timeline, the console and the views; the axis counts steps', async ({
	page
}) => {
	await openLesson(page, '02-lending/02-health-factor');
	await run(page);
	const total = await lastStep(page);
	await expect(page.getByRole('group', { name: 'Timeline' }).locator('p.label')).toContainText(
		`Step ${total} of ${total}`
	);
	const health = page.getByRole('figure', { name: 'Health factors' });
	await expect(health.locator('figcaption')).toContainText(`At step ${total}:`);
	const price = page.getByRole('figure', { name: 'ETH price' });
	const ticks = await price
		.locator('svg .axis text')
		.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
	expect(ticks).toContain('Step 1');
	expect(ticks.join(' ')).not.toMatch(/\d\d:\d\d/);
});

test('the replay explains where its percentile band goes after 12 March', async ({ page }) => {
	test.setTimeout(240_000);
	await openLesson(page, '02-lending/04-march-2020-replay');
	await run(page);
	const note = page.getByTestId('zero-p10');
	await expect(note).toBeVisible();
	expect((await note.innerText()).replace(/\s+/g, ' ')).toMatch(
		/^From 2020-03-1[23] the 10th percentile is HF 0: more than a tenth of the borrowers owe debt with no collateral left/
	);
});

test.describe('service workers blocked', () => {
	test.use({ serviceWorkers: 'block' });

	test('offline use unavailable is said in words, once, clear of the timeline', async ({
		page
	}) => {
		await openLesson(page, '01-foundations/01-first-transaction');
		const notice = page.getByRole('status').filter({ hasText: 'Offline use is not available' });
		await expect(notice).toBeVisible();
		await expect(page.locator('body')).not.toContainText('Cannot read properties');
		const [a, b] = [await notice.boundingBox(), await button(page, 'Step forward').boundingBox()];
		expect(a && b).toBeTruthy();
		const overlaps =
			a!.x < b!.x + b!.width &&
			b!.x < a!.x + a!.width &&
			a!.y < b!.y + b!.height &&
			b!.y < a!.y + a!.height;
		expect(overlaps, 'the notice covers Step forward').toBe(false);
		// said once: the next visit does not repeat it
		await page.reload();
		await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
		await page.waitForTimeout(1000);
		await expect(notice).toHaveCount(0);
	});
});
