// The systems track in the browser: a Block-STM run steps forward and back with the Gantt view
// following the step (tasks that start after the step's simulated time drawn faint, the caption's
// time moving); the solution's validation and abort then pass every check.
import { expect, test, type Page } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const STM = '08-systems/03-block-stm';

const gantt = (page: Page) => page.getByRole('figure', { name: 'Block-STM threads' });
/** The number of bars drawn in the chart, and of those still to come at the step. */
const bars = async (page: Page) => ({
	all: await gantt(page).locator('svg g.task').count(),
	future: await gantt(page).locator('svg g.task[data-state="future"]').count()
});

test('Block-STM: the Gantt view follows the steps, and the solution passes every check', async ({
	page
}) => {
	await openLesson(page, STM);
	await run(page);
	const slider = page.getByRole('slider', { name: 'Step' });
	await slider.focus();
	await page.keyboard.press('Home');
	await expect(gantt(page).locator('figcaption')).toContainText('at t = 0.0');
	const start = await bars(page);
	expect(start.all).toBeGreaterThan(0);
	expect(start.future).toBe(start.all);

	await button(page, 'Step forward').click();
	await button(page, 'Step forward').click();
	await button(page, 'Step forward').click();
	await expect(gantt(page).locator('figcaption')).not.toContainText('at t = 0.0');
	const later = await bars(page);
	expect(later.future).toBeLessThan(start.future);
	expect(later.future).toBeGreaterThan(0);
	await expect(gantt(page).locator('svg line.cursor')).toHaveCount(1);

	await button(page, 'Step back').click();
	const back = await bars(page);
	expect(back.future).toBeGreaterThan(later.future);
	expect(back.future).toBeLessThan(start.future);

	// the table lists the tasks up to the step, with versions and outcomes
	await gantt(page).getByRole('button', { name: 'Table', exact: true }).click();
	await expect(gantt(page).locator('table').first()).toContainText('incarnation');
	await gantt(page).getByRole('button', { name: 'Chart', exact: true }).click();

	// the learner's validation and abort: every check passes, with aborts in the run
	await replaceEditorText(page, lessonFile(STM, 'solution/MultiVersionMemory.ts'));
	await run(page);
	await slider.focus();
	await page.keyboard.press('End');
	await expect(gantt(page).locator('svg g.task[data-outcome="aborted"]').first()).toBeAttached();
	await expect(gantt(page).locator('figcaption')).toContainText('equals');
	const checks = page.getByRole('region', { name: 'Checks' });
	await button(page, 'Check').click();
	await expect(checks.getByText('4 of 4 passed')).toBeVisible({ timeout: 120_000 });
});
