import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Opens a lesson and waits until Monaco and the worker are ready, so Run is enabled. */
export async function openLesson(page: Page, id: string): Promise<void> {
	await page.goto(`/learn/${id}`);
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect(runButton(page)).toBeEnabled({ timeout: 60_000 });
}

export const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** A lesson file as shipped, read from the repository. */
export function lessonFile(lessonId: string, path: string): string {
	return readFileSync(`lessons/${lessonId}/${path}`, 'utf8');
}

/**
 * Replaces the text of the active editor file as a learner would: select all, then type. Monaco
 * may re-indent inserted lines; line numbers are what the tests rely on, and those stay put.
 */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
	const input = page.locator('.monaco-editor textarea').first();
	await input.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(text);
}

/** The text of the editor's visible lines. */
export async function visibleEditorText(page: Page): Promise<string> {
	return (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(
		/\u00a0/g,
		' '
	);
}

/** Clicks Run and waits for the run to finish (Run enabled again). */
export async function run(page: Page): Promise<void> {
	await runButton(page).click();
	await expect(page.getByRole('status').filter({ hasText: /Running|Compiling/ })).toHaveCount(0, {
		timeout: 180_000
	});
	await expect(runButton(page)).toBeEnabled({ timeout: 180_000 });
}

/** Answers the confirmation dialog (Show solution, Reset) with its confirming button. */
export async function confirmDialog(page: Page, confirm: string): Promise<void> {
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: confirm }).click();
	await expect(dialog).toBeHidden();
}

/** The editor's visible text after moving the cursor to the end of the file (Ctrl+End). */
export async function editorTextNearEnd(page: Page): Promise<string> {
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('ControlOrMeta+End');
	return squash(await visibleEditorText(page));
}

/** Collapses runs of white space, so wrapped editor lines compare with source lines. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
