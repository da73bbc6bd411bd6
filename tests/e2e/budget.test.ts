/**
 * Bundle budget: the catalog page loads at most 100 KB of gzipped JavaScript, and neither Monaco
 * nor QuickJS (they load only with a lesson page, and the simulator only in its worker).
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const BUDGET_BYTES = 100 * 1024;

test('the catalog loads at most 100 KB of gzipped JavaScript and no Monaco or QuickJS', async ({
	page
}) => {
	const scripts = new Map<string, Promise<Buffer>>();
	const other: string[] = [];
	page.on('response', (response) => {
		const url = response.url();
		if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(url)) {
			scripts.set(url, response.body());
		} else {
			other.push(url);
		}
	});
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// progress is read after mount (a lazy import): wait until the page has settled
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(/\d+ of \d+/).first()).toBeVisible();
	await page.waitForLoadState('networkidle');

	let total = 0;
	const sizes: string[] = [];
	for (const [url, body] of scripts) {
		const text = await body;
		const gzipped = gzipSync(text).length;
		total += gzipped;
		sizes.push(`${new URL(url).pathname} ${gzipped}`);
		const source = text.toString('utf8');
		expect(source, `${url} is not Monaco`).not.toMatch(/MonacoEnvironment|monaco-editor/);
		expect(source, `${url} is not QuickJS`).not.toMatch(/quickjs|emscripten/i);
	}
	console.log(
		`catalog JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.size} files`
	);
	expect(total, sizes.join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
	expect(scripts.size).toBeGreaterThan(0);
	for (const url of [...scripts.keys(), ...other]) {
		expect(url).not.toMatch(/\.wasm(\?|$)|editor\.worker|ts\.worker|sim\.worker/);
	}
});
