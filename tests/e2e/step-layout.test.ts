/**
 * Step forward lays the page out once per frame, never in between: no script of the page reads
 * a layout-dependent size (scrollWidth, clientWidth, ...) right after a step changed the DOM,
 * which would force a synchronous layout of its own on every step (the views' figures once did,
 * measuring whether they scroll sideways on each change). Checked in a Chromium trace of five
 * steps of the March 2020 replay, the lesson with the most views.
 */
import { expect, test } from '@playwright/test';
import { openLesson, run } from './helpers.ts';
import { expectStep } from './support.ts';

const REPLAY = '02-lending/04-march-2020-replay';

type StackFrame = { functionName: string; url: string; lineNumber: number };
type TraceEvent = {
	name: string;
	ph: string;
	args?: { beginData?: { stackTrace?: StackFrame[] } };
};

test('Step forward forces no synchronous layout', async ({ page }) => {
	test.setTimeout(180_000);
	await openLesson(page, REPLAY);
	await run(page);
	await expectStep(page, 1);

	const browser = page.context().browser();
	if (!browser) throw new Error('tracing needs the browser of the page');
	await browser.startTracing(page, {
		categories: [
			'devtools.timeline',
			'disabled-by-default-devtools.timeline',
			'disabled-by-default-devtools.timeline.stack'
		]
	});
	const forward = page.getByRole('button', { name: 'Step forward' });
	for (let n = 2; n <= 6; n++) {
		await forward.click();
		await expectStep(page, n);
		// let the step's frames paint, and anything scheduled after them run
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))
		);
	}
	const trace = JSON.parse((await browser.stopTracing()).toString()) as {
		traceEvents: TraceEvent[];
	};
	const layouts = trace.traceEvents.filter((e) => e.name === 'Layout' && e.ph === 'X');
	expect(layouts.length, 'the steps were laid out').toBeGreaterThan(0);
	const forced = layouts
		.map((e) => e.args?.beginData?.stackTrace?.[0])
		// the app's own scripts (Playwright's click measures the button itself)
		.filter((frame): frame is StackFrame => frame !== undefined && frame.url.includes('/_app/'))
		.map((f) => `${f.functionName || '(anonymous)'} ${f.url}:${f.lineNumber}`);
	expect(forced, 'layouts forced by a script during Step forward').toEqual([]);
});
