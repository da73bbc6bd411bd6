/**
 * Reduced motion: with prefers-reduced-motion nothing in the views animates while the timeline
 * plays and their transitions are off; without it they declare real transitions (so the check
 * can tell the two modes apart).
 */
import { expect, test, type Page } from '@playwright/test';
import { openLesson, run } from './helpers.ts';
import { expectStep } from './support.ts';

const REPLAY = '02-lending/04-march-2020-replay';

/**
 * Everything that animated in the views while the timeline played for about a second: every
 * running animation or transition, sampled on each animation frame.
 */
async function motionWhilePlaying(page: Page): Promise<string[]> {
	await page.getByRole('button', { name: 'Play', exact: true }).click();
	const seen = await page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				const found = new Set<string>();
				const started = performance.now();
				const sample = () => {
					for (const a of document.getAnimations()) {
						if (a.playState !== 'running') continue;
						const target = (a.effect as KeyframeEffect | null)?.target as Element | null;
						// the views themselves (the timeline's own buttons are not views)
						if (!target?.closest('.views')) continue;
						found.add(
							`${a.constructor.name} on ${target?.getAttribute('class') ?? target?.tagName}`
						);
					}
					if (performance.now() - started < 1200) requestAnimationFrame(sample);
					else resolve([...found]);
				};
				requestAnimationFrame(sample);
			})
	);
	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	return seen;
}

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
	test(`views ${reducedMotion === 'reduce' ? 'stay still' : 'may animate'} with prefers-reduced-motion: ${reducedMotion}`, async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion });
		await openLesson(page, REPLAY);
		await run(page);
		await expectStep(page, 1);
		const moving = await motionWhilePlaying(page);
		// the timeline did move while sampling
		await expect(
			page.getByRole('group', { name: 'Timeline' }).locator('p.label')
		).not.toContainText('Step 1 of');
		// the longest transition the views declare, in seconds
		const longest = await page.evaluate(() =>
			Math.max(
				0,
				...[...document.querySelectorAll('.views *')].flatMap((el) =>
					getComputedStyle(el)
						.transitionDuration.split(',')
						.map((d) => parseFloat(d))
				)
			)
		);
		if (reducedMotion === 'reduce') {
			expect(moving).toEqual([]);
			expect(longest).toBeLessThan(0.001);
		} else {
			expect(longest).toBeGreaterThanOrEqual(0.1);
		}
	});
}
