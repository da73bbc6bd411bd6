/**
 * Never lose work: a draft typed just before a reload survives; a simulator worker killed mid-run
 * is restarted with the page usable and the draft intact; without IndexedDB, or over quota, the
 * learner is told, keeps editing in memory and can still export; a database written by the
 * previous schema version migrates with nothing lost.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openLesson, run } from './helpers.ts';
import { FIRST, FIRST_FILE, editorText, expectStep, storedDrafts } from './support.ts';

const REPLAY = '02-lending/04-march-2020-replay';

/** Adds a line at the end of the active file, typed from the keyboard. */
async function appendLine(page: Page, line: string): Promise<string> {
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(line);
	await expect.poll(() => editorText(page)).toContain(line);
	return editorText(page);
}

/** Clicks the banner's download and returns the backup file's parsed JSON. */
async function downloadBackup(page: Page): Promise<{
	version: number;
	drafts: { lessonId: string; path: string; text: string }[];
}> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('alert').getByRole('button', { name: 'Download a backup' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^chainlab-backup-\d{4}-\d{2}-\d{2}\.json$/);
	return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('a draft typed half a second (or no time at all) before a reload survives', async ({
	page
}) => {
	await openLesson(page, FIRST);
	const typed = await appendLine(page, '// typed half a second before the reload');
	// the scenario under test: the reload comes 500 ms after the last keystroke
	await page.waitForTimeout(500);
	await page.reload();
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(typed);

	const atOnce = await appendLine(page, '// typed right before the reload');
	await page.reload();
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(atOnce);
	await expect.poll(async () => (await storedDrafts(page, FIRST))[FIRST_FILE]).toBe(atOnce);
});

test('a simulator killed mid-run is restarted; the page stays usable and the draft intact', async ({
	page
}) => {
	// record the simulator's Worker objects so the test can kill the one in use
	await page.addInitScript(() => {
		const Native = window.Worker;
		const seen: Worker[] = [];
		(window as unknown as { __simWorkers: Worker[] }).__simWorkers = seen;
		window.Worker = class extends Native {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				if (String(url).includes('sim.worker')) seen.push(this);
			}
		};
	});
	await openLesson(page, REPLAY);
	const draft = await appendLine(page, '// my notes survive a crash');

	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: /Running: step [1-9]/ })).toBeVisible({
		timeout: 60_000
	});
	const killedMidRun = await page.evaluate(() => {
		const running = /Running: step/.test(document.body.innerText);
		const workers = (window as unknown as { __simWorkers: Worker[] }).__simWorkers;
		const worker = workers[workers.length - 1];
		worker.terminate();
		worker.dispatchEvent(new ErrorEvent('error', { message: 'killed by the test' }));
		return running;
	});
	expect(killedMidRun).toBe(true);

	await expect(page.locator('.console')).toContainText('stopped unexpectedly and was restarted');
	const run2 = page.getByRole('button', { name: 'Run', exact: true });
	await expect(run2).toBeEnabled();
	expect(await editorText(page)).toBe(draft);
	expect(
		await page.evaluate(() => (window as unknown as { __simWorkers: Worker[] }).__simWorkers.length)
	).toBe(2);

	// the restarted simulator runs the same code to the end
	await run(page);
	await expectStep(page, 1);
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expectStep(page, 2);
	expect(await editorText(page)).toBe(draft);
});

test('without IndexedDB the learner is told, keeps editing and can still export', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await openLesson(page, FIRST);
	const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
	await expect(banner).toContainText('does not offer IndexedDB');
	const draft = await appendLine(page, '// kept in memory only');
	await run(page);
	await expectStep(page, 1, 4);
	expect(await editorText(page)).toBe(draft);

	const backup = await downloadBackup(page);
	expect(backup.version).toBe(4);
	expect(backup.drafts).toEqual([
		expect.objectContaining({ lessonId: FIRST, path: FIRST_FILE, text: draft })
	]);
});

test('over quota the learner is told, keeps editing and can still export', async ({ page }) => {
	await page.addInitScript(() => {
		const full = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = full;
		IDBObjectStore.prototype.add = full;
	});
	await openLesson(page, FIRST);
	const draft = await appendLine(page, '// written while the disk is full');
	const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
	await expect(banner).toContainText('no storage space left');
	const more = await appendLine(page, '// and still editing');
	expect(more).toContain(draft.trim());
	await run(page);
	await expectStep(page, 1, 4);

	const backup = await downloadBackup(page);
	expect(backup.drafts).toEqual([
		expect.objectContaining({ lessonId: FIRST, path: FIRST_FILE, text: more })
	]);
	// nothing reached the database
	expect(await storedDrafts(page, FIRST)).toEqual({});
});

test('a database written by the previous schema version migrates with nothing lost', async ({
	page
}) => {
	const lending = '02-lending/01-borrow-against-collateral';
	const v1Draft = '// written by Chainlab schema v1\nexport default class Token {}\n';
	// a page that does not open the database yet
	await page.goto('/about');
	await page.evaluate(
		({ first, file, text, lending }) =>
			new Promise<void>((resolve, reject) => {
				// schema v1 exactly as Chainlab created it (Dexie version 1 is IndexedDB version 10)
				const open = indexedDB.open('chainlab', 10);
				open.onupgradeneeded = () => {
					const db = open.result;
					const drafts = db.createObjectStore('drafts', { keyPath: ['lessonId', 'path'] });
					drafts.createIndex('lessonId', 'lessonId');
					drafts.createIndex('updatedAt', 'updatedAt');
					const progress = db.createObjectStore('progress', { keyPath: 'lessonId' });
					progress.createIndex('status', 'status');
					progress.createIndex('updatedAt', 'updatedAt');
					db.createObjectStore('settings', { keyPath: 'key' });
				};
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['drafts', 'progress', 'settings'], 'readwrite');
					tx.objectStore('drafts').put({ lessonId: first, path: file, text, updatedAt: 1000 });
					tx.objectStore('progress').put({
						lessonId: lending,
						status: 'solved',
						checksPassed: ['a', 'b'],
						hintsRevealed: { a: 2 },
						solutionShown: false,
						updatedAt: 2000
					});
					tx.objectStore('progress').put({
						lessonId: first,
						status: 'in-progress',
						checksPassed: [],
						hintsRevealed: {},
						solutionShown: true,
						updatedAt: 3000
					});
					tx.objectStore('settings').put({ key: 'fontSize', value: 15 });
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ first: FIRST, file: FIRST_FILE, text: v1Draft, lending }
	);

	// the catalog reads the migrated progress
	await page.goto('/');
	await expect(
		page.getByRole('link', { name: /Borrow against collateral/i }).getByText('Solved')
	).toBeVisible({ timeout: 30_000 });
	// the lesson shows the draft written by v1
	await openLesson(page, FIRST);
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(v1Draft);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('In progress');

	const after = await page.evaluate(
		() =>
			new Promise<{ version: number; stores: string[]; progress: unknown[]; settings: unknown[] }>(
				(resolve, reject) => {
					const open = indexedDB.open('chainlab');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(['progress', 'settings']);
						const progress = tx.objectStore('progress').getAll();
						const settings = tx.objectStore('settings').getAll();
						tx.oncomplete = () => {
							resolve({
								version: db.version,
								stores: [...db.objectStoreNames],
								progress: progress.result,
								settings: settings.result
							});
							db.close();
						};
					};
				}
			)
	);
	expect(after.version).toBe(30);
	expect(after.stores.sort()).toEqual(['drafts', 'inputs', 'progress', 'settings']);
	expect(after.progress).toEqual(
		expect.arrayContaining([
			expect.objectContaining({
				lessonId: lending,
				status: 'solved',
				checksPassed: ['a', 'b'],
				hintsRevealed: { a: 2 },
				solvedAt: 2000
			}),
			expect.objectContaining({ lessonId: FIRST, status: 'in-progress', solutionShown: true })
		])
	);
	expect(after.settings).toEqual([{ key: 'fontSize', value: 15 }]);
	expect((await storedDrafts(page, FIRST))[FIRST_FILE]).toBe(v1Draft);
});
