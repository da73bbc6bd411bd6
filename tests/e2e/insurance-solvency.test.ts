// Lesson 06-insurance/05 in Chromium: 1,000 seeded years of the solution's pool through the
// worker, with a progress bar counting years and a Cancel that keeps the code; the next Run
// completes and draws the capital view.
import { expect, test } from '@playwright/test';
import { button, confirmDialog, openLesson, run, runButton } from './helpers.ts';
import { editorText } from './support.ts';

const LESSON = '06-insurance/05-pricing-solvency';

test('the Monte Carlo shows its years, Cancel stops it and keeps the code, the next Run draws the capital view', async ({
	page
}) => {
	// The run lasts a second or two, so a Cancel pressed by hand could arrive after it ends. While
	// the bar counts years, hold the worker's answers to calls (the run's result among them; the
	// progress reports travel on their own channel), so the run cannot end before Cancel.
	await page.addInitScript(() => {
		const w = window as unknown as { __hold: boolean };
		w.__hold = false;
		// once: the first run that counts years is held, later runs are not
		const watch = new MutationObserver(() => {
			const text =
				document.querySelector('[role="status"] progress')?.parentElement?.textContent ?? '';
			if (!/Running: [\d,]+ of 1,000 years/.test(text)) return;
			w.__hold = true;
			watch.disconnect();
		});
		watch.observe(document, { subtree: true, childList: true, characterData: true });
		const Native = window.Worker;
		window.Worker = class extends Native {
			override addEventListener(
				type: string,
				listener: EventListenerOrEventListenerObject,
				options?: boolean | AddEventListenerOptions
			) {
				if (type !== 'message') return super.addEventListener(type, listener, options);
				const gated = (event: Event) => {
					if (w.__hold) return; // dropped: this worker is about to be cancelled
					if (typeof listener === 'function') listener.call(this, event);
					else listener.handleEvent(event);
				};
				return super.addEventListener(type, gated, options);
			}
		};
	});
	await openLesson(page, LESSON);
	await button(page, 'Show solution').click();
	await confirmDialog(page, 'Load the solution');
	const code = await editorText(page);
	expect(code).toContain('(totalActiveCover * BASIS_PRECISION) / GEARING_FACTOR');

	// Run from the keyboard: focus moves to Cancel while the bar counts the years
	await runButton(page).focus();
	await page.keyboard.press('Enter');
	const status = page.getByRole('status').filter({ hasText: /Running: [\d,]+ of 1,000 years/ });
	await expect(status).toBeVisible({ timeout: 60_000 });
	await expect(status.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
	const cancel = button(page, 'Cancel');
	await expect(cancel).toBeFocused();
	await page.keyboard.press('Enter');

	// cancelled: the bar is gone, the learner is told, the code is the same, Run works again
	await expect(status).toHaveCount(0);
	await expect(page.locator('.console')).toContainText('Run cancelled.');
	await expect(page.getByText('Run cancelled. Your code is kept.')).toBeAttached();
	await expect(runButton(page)).toBeEnabled();
	await expect(runButton(page)).toBeFocused();
	expect(await editorText(page)).toBe(code);
	// the cancelled worker is gone; the fresh one's answers go through
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));

	// the next Run completes and draws the capital view
	await run(page);
	const view = page.getByRole('figure', { name: 'Capital, MCR and MCR ratio' });
	await expect(view).toBeVisible();
	await expect(view.getByTestId('ruin-probability')).toContainText(
		/[\d.]+% ruin probability: \d+ of 1,000 years end with capital\s+below the MCR/
	);
	// each step is one path: the view draws the path at the timeline's step
	await expect(view).toContainText('path 1 (this step)');
	await button(page, 'Step forward').click();
	await expect(view).toContainText('path 2 (this step)');
	// the table alternative lists the ten years
	await view.getByRole('button', { name: 'Table' }).click();
	await expect(view.locator('tbody tr')).toHaveCount(10);
});
