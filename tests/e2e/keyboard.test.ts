/**
 * Keyboard only: open a lesson, edit, run, step and check without the mouse. Tab indents inside
 * the editor; the documented escape (Ctrl+M, shown under the editor) lets Tab leave it.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIRST, editorText, expectStep, tabTo } from './support.ts';

const focusedIs = (page: Page, check: string) =>
	page.evaluate((check) => {
		const el = document.activeElement as HTMLElement | null;
		if (!el) return false;
		if (check === 'editor') return !!el.closest('.monaco-editor');
		return el.tagName === 'BUTTON' && el.textContent?.trim() === check;
	}, check);

test('a lesson can be edited, run, stepped and checked from the keyboard alone', async ({
	page
}) => {
	await page.goto(`/learn/${FIRST}`);
	await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({
		timeout: 60_000
	});
	await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });

	// Tab from the top of the page into the editor, then type at the end of the file
	await tabTo(page, () => focusedIs(page, 'editor'), 120);
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('// edited without a mouse');
	await expect.poll(() => editorText(page)).toContain('// edited without a mouse');

	// the trap: Tab indents and focus stays in the editor
	const before = await editorText(page);
	await page.keyboard.press('Tab');
	expect(await focusedIs(page, 'editor')).toBe(true);
	await expect.poll(() => editorText(page)).not.toBe(before);
	await page.keyboard.press('Backspace');
	await expect.poll(() => editorText(page)).toBe(before);

	// the escape is on screen, and works: Ctrl+M, then Tab leaves the editor
	await expect(page.locator('.editor .hint')).toContainText('Ctrl+M');
	await page.keyboard.press('Control+M');
	await page.keyboard.press('Tab');
	expect(await focusedIs(page, 'editor')).toBe(false);
	expect(await editorText(page)).toBe(before);

	// back to Run and press it
	await tabTo(page, () => focusedIs(page, 'Run'), 60, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expectStep(page, 1, 4);

	// step with the shortcut, then with the timeline's own button
	await page.keyboard.press('Alt+ArrowRight');
	await expectStep(page, 2, 4);
	await tabTo(page, () => focusedIs(page, 'Step forward'), 120);
	await page.keyboard.press('Enter');
	await expectStep(page, 3, 4);
	await page.keyboard.press('Space');
	await expectStep(page, 4, 4);

	// Check from the keyboard shortcut, then Hint from its button
	await page.keyboard.press('Control+Shift+Enter');
	await expect(page.getByText(/\d of \d passed/)).toBeVisible({ timeout: 120_000 });
	await tabTo(page, () => focusedIs(page, 'Hint'), 120, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Hint 1', { exact: true })).toBeVisible();
	expect(await editorText(page)).toBe(before);
});
