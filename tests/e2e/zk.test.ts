// The zero-knowledge track in the browser: the learner fixes a weak Fiat-Shamir hash and passes.
import { expect, test } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const FS = '04-zero-knowledge/05-fiat-shamir';
const GRAPH = '04-zero-knowledge/03-graph-coloring';

test('Fiat-Shamir: the weak verifier fails its check, the learner’s fix passes', async ({
	page
}) => {
	await openLesson(page, FS);
	const checks = page.getByRole('region', { name: 'Checks' });
	const refuses = checks.locator('li').filter({ hasText: 'refuses signatures made without x' });
	const accepts = checks.locator('li').filter({ hasText: 'accepts Alice’s signatures' });

	await button(page, 'Check').click();
	await expect(checks.getByText(/\d+ of \d+ passed/)).toBeVisible({ timeout: 120_000 });
	await expect(refuses).toHaveClass(/fail/);
	await expect(refuses.locator('.message')).toContainText('Put t in the hash');

	await replaceEditorText(page, lessonFile(FS, 'solution/SignatureVerifier.ts'));
	await button(page, 'Check').click();
	await expect(refuses).toHaveClass(/pass/, { timeout: 120_000 });
	await expect(accepts).toHaveClass(/pass/);
});

test('graph colouring: the learner opens three edges as verifier and confidence moves', async ({
	page
}) => {
	await openLesson(page, GRAPH);
	await run(page);
	const view = page.getByRole('figure', { name: 'Graph colouring' });
	const confidence = view.getByTestId('graph-confidence');
	await expect(confidence).toContainText('0% after 0 accepted rounds');
	const seen: string[] = [await confidence.innerText()];
	for (const edge of ['0–1', '4–5', '2–6']) {
		await view.getByRole('button', { name: `Open edge ${edge}`, exact: true }).click();
		await expect(view.locator('.verdict').first()).toContainText(`edge ${edge} opened as colours`);
		const now = await confidence.innerText();
		expect(now).not.toBe(seen[seen.length - 1]);
		seen.push(now);
	}
	await expect(confidence).toContainText('after 3 accepted rounds');
	await expect(confidence).toContainText(`${(100 * (1 - (17 / 18) ** 3)).toFixed(1)}%`);
});
