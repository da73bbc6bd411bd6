/**
 * A draft written against an older starter (the lesson's starter changed in a new deploy): the
 * lesson opens the draft as the learner left it and says so above the editor; Start from the new
 * starter opens the new one and keeps the draft as a copy in Your work; Keep my draft dismisses
 * the notice for good. Nothing is lost either way.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { openLesson } from './helpers.ts';
import { FIRST, FIRST_FILE, editorText, lessonFile, storedDrafts } from './support.ts';

const OLD_DRAFT = '// my draft, written for the old starter\nexport default class Token {}\n';
const NOTICE =
	"This lesson's starter for Token.ts changed since you wrote your draft. Your draft is open as you left it.";

/** Puts a draft row, written against the starter with hash `starter`, into the page's database. */
function seedDraft(page: Page, starter: string): Promise<void> {
	return page.evaluate(
		(row) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('chainlab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('drafts', 'readwrite');
					tx.objectStore('drafts').put(row);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ lessonId: FIRST, path: FIRST_FILE, text: OLD_DRAFT, updatedAt: Date.now() - 60_000, starter }
	);
}

/** The starter hash stored with the lesson file's draft, if any. */
function storedStarter(page: Page): Promise<string | undefined> {
	return page.evaluate(
		({ id, path }) =>
			new Promise<string | undefined>((resolve, reject) => {
				const open = indexedDB.open('chainlab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('drafts').objectStore('drafts').get([id, path]);
					get.onsuccess = () => {
						open.result.close();
						resolve((get.result as { starter?: string } | undefined)?.starter);
					};
					get.onerror = () => reject(get.error);
				};
			}),
		{ id: FIRST, path: FIRST_FILE }
	);
}

/** Opens the lesson with a stale draft in storage (the page creates the database first). */
async function openWithStaleDraft(page: Page): Promise<void> {
	await openLesson(page, FIRST);
	await seedDraft(page, 'a'.repeat(64));
	await page.reload();
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('status').filter({ hasText: 'starter for' })).toHaveText(NOTICE, {
		timeout: 60_000
	});
	await expect.poll(() => editorText(page)).toBe(OLD_DRAFT);
}

test('Start from the new starter opens it and keeps the old draft as a copy in Your work', async ({
	page
}) => {
	const starter = lessonFile(FIRST, 'contracts', 'Token.ts');
	await openWithStaleDraft(page);
	const replace = page.getByRole('button', { name: 'Start from the new starter' });
	await replace.focus();
	await page.keyboard.press('Enter');

	await expect.poll(() => editorText(page)).toBe(starter);
	await expect(page.getByTestId('starter-changed')).toHaveCount(0);
	await expect(page.getByText(/Your old draft is kept as a copy in Your work/)).toBeVisible();
	const stored = await storedDrafts(page, FIRST);
	expect(stored[FIRST_FILE]).toBeUndefined();
	const copies = Object.keys(stored).filter((p) => p.includes('(draft before new starter'));
	expect(copies).toHaveLength(1);
	expect(stored[copies[0]]).toBe(OLD_DRAFT);

	await page.goto('/data');
	const copy = page.locator('details', { hasText: `${FIRST_FILE} (draft before new starter` });
	await expect(copy).toBeVisible({ timeout: 30_000 });
	await copy.locator('summary').click();
	await expect(copy.locator('pre')).toHaveText(OLD_DRAFT);

	await openLesson(page, FIRST);
	await expect.poll(() => editorText(page)).toBe(starter);
	await expect(page.getByTestId('starter-changed')).toHaveCount(0);
});

test('Keep my draft dismisses the notice for good and keeps the draft', async ({ page }) => {
	const starter = lessonFile(FIRST, 'contracts', 'Token.ts');
	await openWithStaleDraft(page);
	await page.getByRole('button', { name: 'Keep my draft' }).click();
	await expect(page.getByTestId('starter-changed')).toHaveCount(0);
	const hash = createHash('sha256').update(starter, 'utf8').digest('hex');
	await expect.poll(() => storedStarter(page)).toBe(hash);

	await page.reload();
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(OLD_DRAFT);
	await expect(page.getByTestId('starter-changed')).toHaveCount(0);
});
