/**
 * Offline: after one visit, with the network cut, the catalog and a lesson page reload, and Run,
 * Step, Check, Hint and Show solution all work from the service worker's cache. Also checks the
 * web app manifest that makes Chainlab installable.
 */
import { expect, test } from '@playwright/test';
import { confirmDialog, openLesson, run } from './helpers.ts';
import { FIRST, expectStep, goOffline, waitForServiceWorker } from './support.ts';

test('after one visit, the catalog and a lesson work with the network cut', async ({
	page,
	context
}) => {
	// one visit: the catalog only; the service worker precaches everything else
	await page.goto('/');
	await waitForServiceWorker(page);
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const key of await caches.keys()) {
			for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
		}
		return urls.map((u) => new URL(u).pathname);
	});
	for (const wanted of [
		/^\/$/,
		/^\/learn\/01-foundations\/01-first-transaction$/,
		/^\/playground$/,
		/\/workers\/sim\.worker-.*\.js$/,
		/\/workers\/editor\.worker-.*\.js$/,
		/\/workers\/ts\.worker-.*\.js$/,
		/\.wasm$/,
		/^\/manifest\.webmanifest$/
	]) {
		expect(
			cached.some((u) => wanted.test(u)),
			`precache holds ${wanted}`
		).toBe(true);
	}

	// one simulator worker serves lessons and the playground: the engine is precached once
	expect([
		...new Set(cached.filter((u) => /\/workers\/(?!editor\.|ts\.)[^/]+\.worker-/.test(u)))
	]).toEqual([expect.stringMatching(/\/workers\/sim\.worker-/)]);

	await goOffline(context);
	const failures: string[] = [];
	page.on('requestfailed', (r) => {
		// a request cut short by the page's own navigation (the reload below) is not a network failure
		if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
		failures.push(`${r.url()} ${r.failure()?.errorText}`);
	});

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Learn how blockchains');
	await expect(page.getByRole('link', { name: /A first contract and transaction/ })).toBeVisible();

	await openLesson(page, FIRST);
	await page.reload();
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await run(page);
	await expectStep(page, 1, 4);
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expectStep(page, 2, 4);

	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.getByText(/\d of \d passed/)).toBeVisible({ timeout: 120_000 });
	await page.getByRole('button', { name: 'Hint', exact: true }).click();
	await expect(page.getByText('Hint 1', { exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Show solution', exact: true }).click();
	await confirmDialog(page, 'Load the solution');
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.getByText(/^(\d+) of \1 passed$/)).toBeVisible({ timeout: 120_000 });

	expect(failures, 'no request of ours failed while offline').toEqual([]);
});

test('the web app manifest makes Chainlab installable', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({ display: 'standalone', start_url: expect.any(String) });
	expect(manifest.scope).toBeTruthy();
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const icons = manifest.icons as { src: string; sizes: string; type?: string; purpose?: string }[];
	for (const size of ['192x192', '512x512']) {
		expect(icons.some((i) => i.sizes === size && (i.purpose ?? 'any').includes('any'))).toBe(true);
		expect(icons.some((i) => i.sizes === size && i.purpose?.includes('maskable'))).toBe(true);
	}
	for (const icon of icons) {
		const response = await request.get(new URL(icon.src, page.url()).href);
		expect(response.ok(), icon.src).toBe(true);
		expect(response.headers()['content-type']).toContain(icon.type ?? 'image/png');
	}
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#/);
	const cdp = await page.context().newCDPSession(page);
	const { errors } = await cdp.send('Page.getAppManifest');
	expect(errors).toEqual([]);
});
