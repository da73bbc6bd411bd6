// Layout: every view fits its panel at 1280 and 1440 px, every page fits a 390 px phone, and the
// timeline stays reachable while the views scroll (issue 7, items 4 and 9).
import { readdirSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { button, openLesson, run, runButton } from './helpers.ts';

/** `NN-slug`: a track or lesson folder (a track's shared `contracts/` is neither). */
const NUMBERED = /^\d{2}-/;

/** Every lesson on disk, as `track/lesson`. */
const LESSONS = readdirSync('lessons')
	.filter((t) => NUMBERED.test(t) && statSync(`lessons/${t}`).isDirectory())
	.flatMap((t) =>
		readdirSync(`lessons/${t}`)
			.filter((l) => NUMBERED.test(l) && statSync(`lessons/${t}/${l}`).isDirectory())
			.map((l) => `${t}/${l}`)
	)
	.sort();

/** Columns a learner is asked to read: they must be in view without scrolling sideways. */
const KEY_COLUMNS: Record<string, string[]> = {
	Receipts: ['Call', 'Gas used', 'Events or error'],
	'Proof rounds': ['#', 'Verdict', 'Confidence'],
	Balances: ['Account', 'Asset', 'Amount'],
	'Spot price against the TWAP': ['Spot', 'TWAP', "Pool's price"]
};

type Misfit = { where: string; scrollWidth: number; clientWidth: number };

/** Views and tables wider than their panel, and key columns outside the visible box. */
function misfits(page: Page) {
	return page.evaluate((keyColumns) => {
		const wide: Misfit[] = [];
		const hidden: string[] = [];
		const check = (el: Element, where: string) => {
			if (el.scrollWidth > el.clientWidth + 1) {
				wide.push({ where, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
			}
		};
		const views = document.querySelector('.views');
		if (views) check(views, 'views panel');
		for (const figure of document.querySelectorAll('.views figure')) {
			const name = figure.getAttribute('aria-label') ?? '?';
			check(figure, `figure ${name}`);
			const box = figure.getBoundingClientRect();
			for (const table of figure.querySelectorAll('table')) {
				// a table's visible box is the nearest box that clips it
				let clip: Element | null = table.parentElement;
				while (clip && clip !== figure && getComputedStyle(clip).overflowX === 'visible') {
					clip = clip.parentElement;
				}
				const seen = (clip ?? figure).getBoundingClientRect();
				const right = Math.min(seen.right, box.right);
				for (const th of table.querySelectorAll('thead th')) {
					const text = (th.textContent ?? '').trim();
					if (!(keyColumns[name] ?? []).includes(text)) continue;
					const r = th.getBoundingClientRect();
					if (r.right > right + 1 || r.left < seen.left - 1) hidden.push(`${name}: ${text}`);
				}
			}
		}
		return { wide, hidden, page: document.documentElement.scrollWidth };
	}, KEY_COLUMNS);
}

/** Shows a step by the slider's keyboard (Home / End), and waits for its frame. */
async function showStep(page: Page, key: 'Home' | 'End') {
	const slider = page.getByRole('slider', { name: 'Step' });
	await slider.focus();
	await page.keyboard.press(key);
	const max = key === 'End' ? await slider.getAttribute('max') : '0';
	await expect(page.locator('.console .line.step').first()).toContainText(
		`Step ${Number(max) + 1} of`
	);
}

for (const id of LESSONS) {
	test(`${id}: views fit their panel at 1440 and 1280 px, the page fits 390 px`, async ({
		page
	}) => {
		test.setTimeout(300_000);
		await openLesson(page, id);
		await run(page);
		for (const key of ['Home', 'End'] as const) {
			await showStep(page, key);
			for (const width of [1440, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.waitForTimeout(150);
				const found = await misfits(page);
				expect(found.wide, `${id} at ${width} px, step ${key}`).toEqual([]);
				expect(found.hidden, `${id} at ${width} px, step ${key}`).toEqual([]);
				expect(found.page, `page width at ${width} px`).toBeLessThanOrEqual(width);
				// the toolbar over the editor is one row: every control overlaps every other vertically
				const boxes = await page
					.getByRole('toolbar', { name: 'Lesson actions' })
					.locator('button, input')
					.evaluateAll((els) =>
						els.map((el) => {
							const r = el.getBoundingClientRect();
							return { top: r.top, bottom: r.bottom };
						})
					);
				expect(boxes.length, 'toolbar controls').toBeGreaterThanOrEqual(4);
				const lowestTop = Math.max(...boxes.map((b) => b.top));
				const highestBottom = Math.min(...boxes.map((b) => b.bottom));
				expect(lowestTop, `toolbar is one row at ${width} px`).toBeLessThan(highestBottom);
			}
		}
		// the phone: nothing wider than the screen, and the timeline in reach beside the views
		await page.setViewportSize({ width: 390, height: 844 });
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.waitForTimeout(150);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		const run_ = await runButton(page).boundingBox();
		expect(run_ && run_.y + run_.height, 'Run within the first screen').toBeLessThanOrEqual(844);
		await page.locator('.views figure').first().scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollBy(0, 200));
		const forward = await button(page, 'Step forward').boundingBox();
		expect(forward, 'Step forward is drawn').not.toBeNull();
		expect(forward!.y).toBeGreaterThanOrEqual(0);
		expect(forward!.y + forward!.height).toBeLessThanOrEqual(844);
	});
}

test('every page fits a 390 px phone; the top navigation shows all its links', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of ['/', '/playground', '/data', '/about', `/learn/${LESSONS[0]}`]) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(390);
		for (const name of ['Catalog', 'Playground', 'Your work', 'About']) {
			const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
			const box = await link.boundingBox();
			expect(box && box.x + box.width, `${name} on ${path}`).toBeLessThanOrEqual(390);
		}
	}
});

test('the catalog numbers its tracks as listed: 1, 2, 3', async ({ page }) => {
	await page.goto('/');
	const eyebrows = page.locator('.track .eyebrow');
	const count = await eyebrows.count();
	expect(count).toBeGreaterThan(1);
	await expect(eyebrows).toHaveText(Array.from({ length: count }, (_, i) => `Track ${i + 1}`));
});
