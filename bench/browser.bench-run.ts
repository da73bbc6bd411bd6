// (c) The app in headless Chromium, served by a local static server: a lesson page from navigation
// to Run enabled, cold (empty cache, no service worker) and warm (service worker cache), and Step
// forward to updated views on the March 2020 replay. Medians of five. Serves CHAINLAB_BUILD when
// set, else builds the app into a temporary folder first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { test } from 'vitest';
import { serveBuild } from '../tests/e2e/static-server.ts';
import { median, report } from './measure.ts';

const RUNS = 5;
const LESSON = '/learn/01-foundations/01-first-transaction';
const REPLAY = '/learn/02-lending/04-march-2020-replay';
const TARGETS = { lessonColdMs: 3000, lessonWarmMs: 1000, stepViewMs: 16 };

/** The build to serve: CHAINLAB_BUILD, or a fresh one in a temporary folder (removed after). */
function buildToServe(): { dir: string; cleanup: () => void } {
	if (process.env.CHAINLAB_BUILD)
		return { dir: resolve(process.env.CHAINLAB_BUILD), cleanup: () => {} };
	const out = mkdtempSync(join(tmpdir(), 'chainlab-bench-'));
	symlinkSync(resolve('node_modules'), join(out, 'node_modules'));
	const built = spawnSync('npx', ['vite', 'build'], {
		env: { ...process.env, CHAINLAB_OUT: out },
		stdio: 'ignore'
	});
	if (built.status !== 0) throw new Error('vite build failed; run it by hand to see why');
	return { dir: join(out, 'build'), cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

/** Milliseconds from the navigation's start until the Run button is enabled (page clock). */
async function untilRunEnabled(page: Page, url: string): Promise<number> {
	await page.goto(url, { waitUntil: 'commit' });
	const at = await page.waitForFunction(
		() => {
			const run = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === 'Run'
			);
			return run && !run.disabled ? performance.now() : false;
		},
		null,
		{ polling: 'raf', timeout: 120_000 }
	);
	return Number(await at.jsonValue());
}

/** Step forward once; milliseconds from the click to the first frame painted with the new step. */
function stepToViews(page: Page, next: number): Promise<number> {
	return page.evaluate(
		(next) =>
			new Promise<number>((done, fail) => {
				const button = [...document.querySelectorAll('button')].find(
					(b) => b.textContent?.trim() === 'Step forward'
				);
				const line = document.querySelector('.console');
				if (!button || !line) return fail(new Error('no Step forward button or console'));
				const shown = () =>
					document.querySelector('.console .line.step')?.textContent?.includes(`Step ${next} of`);
				const t0 = performance.now();
				const observer = new MutationObserver(() => {
					if (!shown()) return;
					observer.disconnect();
					// the views are updated in the same task; wait for the frame that paints them
					requestAnimationFrame(() => done(performance.now() - t0));
				});
				observer.observe(document.querySelector('main') ?? document.body, {
					subtree: true,
					childList: true,
					characterData: true
				});
				button.click();
			}),
		next
	);
}

async function chromiumBrowser(): Promise<Browser> {
	const system = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
	return chromium.launch({
		headless: true,
		...(existsSync(system)
			? { executablePath: system, args: ['--no-sandbox', '--disable-background-networking'] }
			: {})
	});
}

test('lesson page load, cold and warm, and a step of the March 2020 replay', async () => {
	const build = buildToServe();
	const server = await serveBuild(build.dir);
	const browser = await chromiumBrowser();
	try {
		const cold: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
			cold.push(await untilRunEnabled(await context.newPage(), server.url + LESSON));
			await context.close();
		}

		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await untilRunEnabled(page, server.url + LESSON);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.waitForFunction(() => !!navigator.serviceWorker.controller);
		const warm: number[] = [];
		for (let i = 0; i < RUNS; i++) warm.push(await untilRunEnabled(page, server.url + LESSON));

		await untilRunEnabled(page, server.url + REPLAY);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.locator('.console .line.step').filter({ hasText: 'Step 1 of' }).waitFor({
			timeout: 180_000
		});
		const steps: number[] = [];
		for (let i = 0; i < RUNS; i++) steps.push(await stepToViews(page, i + 2));
		await context.close();

		const figures = {
			lessonColdMs: Math.round(median(cold)),
			lessonWarmMs: Math.round(median(warm)),
			stepViewMs: Math.round(median(steps) * 10) / 10
		};
		const runs = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
		report('browser', figures, [
			`lesson page to Run enabled, cold: ${runs(cold)} ms (target ${TARGETS.lessonColdMs})`,
			`lesson page to Run enabled, warm: ${runs(warm)} ms (target ${TARGETS.lessonWarmMs})`,
			`Step forward to updated views (replay): ${steps.map((x) => x.toFixed(1)).join(', ')} ms (target ${TARGETS.stepViewMs})`
		]);
	} finally {
		await browser.close();
		await server.close();
		build.cleanup();
	}
}, 600_000);
