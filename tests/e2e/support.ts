/**
 * Shared steps for the end-to-end tests of offline use, persistence, sharing, the playground and
 * the quality gates (the lesson story's own helpers are in helpers.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { replaceEditorText } from './helpers.ts';

/** The first lesson: small, quick to run, four steps. */
export const FIRST = '01-foundations/01-first-transaction';
export const FIRST_FILE = 'contracts/Token.ts';

/** A lesson file's text as shipped (`kind` is the folder: contracts or solution). */
export function lessonFile(id: string, kind: 'contracts' | 'solution', name: string): string {
	return readFileSync(new URL(`../../lessons/${id}/${kind}/${name}`, import.meta.url), 'utf8');
}

/** The full text of the editor's active file (the editor exposes it for tests). */
export function editorText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const hook = window as unknown as { __chainlabEditorValue?: () => string };
		return hook.__chainlabEditorValue ? hook.__chainlabEditorValue() : '';
	});
}

/**
 * Types `text` over the active file as a learner would and returns what the editor then holds
 * (Monaco may adjust indentation while typing).
 */
export async function typeCode(page: Page, text: string): Promise<string> {
	await replaceEditorText(page, text);
	await expect.poll(() => editorText(page)).toContain(text.trim().split('\n').at(-1) ?? '');
	return editorText(page);
}

/**
 * Loads `url` as a new document (a plain goto to the same page with another `#fragment` would
 * only scroll).
 */
export async function freshGoto(page: Page, url: string): Promise<void> {
	await page.goto('about:blank');
	await page.goto(url);
}

/** The full state hash the console shows for the current step. */
export async function shownStateHash(page: Page): Promise<string> {
	const hash = page.locator('.console code.hash').first();
	await expect(hash).toBeVisible();
	return (await hash.getAttribute('title')) ?? '';
}

/** The timeline label ("Step 3 of 4: …"), once it shows step `n` (1-based). */
export async function expectStep(page: Page, n: number, total?: number): Promise<void> {
	const label = page.getByRole('group', { name: 'Timeline' }).locator('p.label');
	await expect(label).toContainText(`Step ${n} of ${total ?? ''}`);
	// the frame of that step is on screen, not only the slider's position
	await expect(page.locator('.console .line.step').first()).toContainText(`Step ${n} of`);
}

/** Every draft row in the page's IndexedDB for a lesson, by path (read with the raw API). */
export function storedDrafts(page: Page, lessonId: string): Promise<Record<string, string>> {
	return page.evaluate(
		(id) =>
			new Promise<Record<string, string>>((resolve, reject) => {
				const open = indexedDB.open('chainlab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('drafts')) {
						db.close();
						resolve({});
						return;
					}
					const all = db.transaction('drafts').objectStore('drafts').getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						const out: Record<string, string> = {};
						for (const row of all.result as { lessonId: string; path: string; text: string }[]) {
							if (row.lessonId === id) out[row.path] = row.text;
						}
						db.close();
						resolve(out);
					};
				};
			}),
		lessonId
	);
}

/** Waits until the draft of `path` is stored with exactly `text`. */
export async function expectStoredDraft(
	page: Page,
	lessonId: string,
	path: string,
	text: string
): Promise<void> {
	await expect
		.poll(async () => (await storedDrafts(page, lessonId))[path], { timeout: 20_000 })
		.toBe(text);
}

/** Waits for the service worker to control the page with its precache complete. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, {
		timeout: 60_000
	});
}

/**
 * Cuts the network: the browser is offline and every request that would leave localhost is
 * aborted (the local server itself is unreachable while offline).
 */
export async function goOffline(context: BrowserContext): Promise<void> {
	await context.route(
		(url) => !['localhost', '127.0.0.1'].includes(url.hostname),
		(route) => route.abort('internetdisconnected')
	);
	await context.setOffline(true);
}

/** Presses Tab until `target` has focus (at most `max` presses); fails otherwise. */
export async function tabTo(
	page: Page,
	isTarget: () => Promise<boolean>,
	max = 80,
	key = 'Tab'
): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await isTarget()) return;
		await page.keyboard.press(key);
	}
	expect(await isTarget(), `focus never reached the target after ${max} presses`).toBe(true);
}
