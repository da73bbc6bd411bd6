/**
 * Updates: when a new version is deployed, the page says "Update available" and nothing reloads on
 * its own; accepting saves every draft first (an edit typed a moment before included), then
 * switches to the new version. Served by the test's own server, so a new version can appear.
 */
import { expect, test } from '@playwright/test';
import { serveBuild, type StaticServer } from './static-server.ts';
import { FIRST, editorText, waitForServiceWorker } from './support.ts';

let server: StaticServer;
test.beforeAll(async () => {
	server = await serveBuild();
});
test.afterAll(async () => {
	await server?.close();
});

test('a new version waits for the learner, and accepting it saves the drafts first', async ({
	page
}) => {
	await page.goto(`${server.url}/learn/${FIRST}`);
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({
		timeout: 60_000
	});
	await waitForServiceWorker(page);
	const oldCaches = await page.evaluate(() => caches.keys());
	expect(oldCaches).toHaveLength(1);

	server.deployNextVersion();
	await page.evaluate(() => {
		(window as unknown as { marker: string }).marker = 'the page as it was';
	});
	let navigations = 0;
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) navigations++;
	});
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

	const prompt = page.getByRole('region', { name: 'Update available' });
	await expect(prompt).toBeVisible({ timeout: 60_000 });
	expect(
		await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state
		)
	).toBe('installed');
	// the scenario: the learner keeps working for a while; nothing switches or reloads by itself
	await page.waitForTimeout(2000);
	expect(navigations).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
		'the page as it was'
	);

	// an edit typed just now, inside the draft debounce, then Update now at once
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('\n// typed right before the update');
	const typed = await editorText(page);
	expect(typed).toContain('// typed right before the update');
	await prompt.getByRole('button', { name: 'Update now' }).click();

	await page.waitForFunction(() => !(window as unknown as { marker?: string }).marker, null, {
		timeout: 60_000
	});
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(typed);
	await expect
		.poll(() => page.evaluate(() => caches.keys()))
		.toEqual([expect.stringMatching(/-next$/)]);
	await expect(page.getByRole('region', { name: 'Update available' })).toHaveCount(0);
});
