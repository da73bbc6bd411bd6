/**
 * Your work: export every draft and all progress as one file; import merges it (the newer text
 * wins, the other is kept as a copy) and the open tab shows the merged work at once; malformed or
 * hostile files get a clear message and change nothing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openLesson } from './helpers.ts';
import { FIRST, FIRST_FILE, editorText, storedDrafts, typeCode } from './support.ts';

type Backup = {
	format: string;
	version: number;
	exportedAt: string;
	drafts: { lessonId: string; path: string; text: string; updatedAt: number }[];
	progress: Record<string, unknown>[];
};

async function exportBackup(page: Page): Promise<Backup> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download a backup' }).click()
	]);
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved chainlab-backup-' })
	).toBeVisible();
	return JSON.parse(await readFile(await download.path(), 'utf8'));
}

async function importText(page: Page, name: string, text: string): Promise<void> {
	await page.getByLabel('Choose a backup file…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
}

test('export, then import a newer copy: merged, nothing lost, shown at once', async ({ page }) => {
	await openLesson(page, FIRST);
	const mine = await typeCode(page, '// my version\nexport default class Token {}\n');
	await page.getByRole('link', { name: 'Your work' }).click();
	await expect(page.getByRole('heading', { name: 'Your work', level: 1 })).toBeVisible();
	await expect(page.getByRole('cell', { name: /A first contract/ })).toBeVisible();

	const backup = await exportBackup(page);
	expect(backup).toMatchObject({ format: 'chainlab-backup', version: 4 });
	// the draft carries the hash of the starter it was written against
	expect(backup.drafts).toEqual([
		expect.objectContaining({
			lessonId: FIRST,
			path: FIRST_FILE,
			text: mine,
			starter: expect.stringMatching(/^[0-9a-f]{64}$/)
		})
	]);

	// the same backup, edited elsewhere later and solved there
	const later = structuredClone(backup);
	later.drafts[0].text = '// edited on another computer\nexport default class Token {}\n';
	later.drafts[0].updatedAt = Date.now();
	later.progress = [
		{
			lessonId: FIRST,
			status: 'solved',
			checksPassed: ['transfer-moves-tokens'],
			hintsRevealed: {},
			solutionShown: false,
			updatedAt: Date.now(),
			solvedAt: Date.now()
		}
	];
	await importText(page, 'later.json', JSON.stringify(later));
	await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
		'1 replaced by a newer version'
	);
	await expect(page.getByText(/contracts\/Token\.ts \(copy before import/)).toBeVisible();
	await expect(page.getByRole('row', { name: /A first contract/ })).toContainText('solved');

	// the lesson, opened in the same tab, shows the merged work (no stale copy in memory)
	await page.getByRole('link', { name: /A first contract/ }).click();
	await expect.poll(() => editorText(page), { timeout: 60_000 }).toBe(later.drafts[0].text);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Solved');
	const stored = await storedDrafts(page, FIRST);
	expect(Object.values(stored).sort()).toEqual([later.drafts[0].text, mine].sort());

	// importing the same file again changes nothing
	await page.getByRole('link', { name: 'Your work' }).click();
	await importText(page, 'later.json', JSON.stringify(later));
	await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
		'0 new files; 0 replaced'
	);
	expect(await storedDrafts(page, FIRST)).toEqual(stored);
});

test('malformed and hostile files get a clear message and change nothing', async ({ page }) => {
	await openLesson(page, FIRST);
	const mine = await typeCode(page, '// keep me\n');
	await page.getByRole('link', { name: 'Your work' }).click();
	const good = await exportBackup(page);
	const before = await storedDrafts(page, FIRST);
	expect(before[FIRST_FILE]).toBe(mine);

	const withDraft = (over: Record<string, unknown>) =>
		JSON.stringify({ ...good, drafts: [{ ...good.drafts[0], ...over }] });
	const cases: [string, string, RegExp][] = [
		['zip.json', 'PK\u0003\u0004 not json', /not JSON text/],
		['other.json', JSON.stringify({ ...good, format: 'other-app' }), /not a Chainlab backup/],
		['newer.json', JSON.stringify({ ...good, version: 99 }), /newer Chainlab/],
		['future.json', withDraft({ updatedAt: Date.now() + 30 * 86_400_000 }), /in the future/],
		['unknown.json', withDraft({ lessonId: '99-nope/01-nothing' }), /does not have/],
		['script.json', withDraft({ path: '<img src=x onerror=alert(1)>' }), /damaged/],
		['proto.json', '{"__proto__":{"polluted":1},"format":"chainlab-backup"}', /refuses for safety/],
		['twice.json', JSON.stringify({ ...good, drafts: [good.drafts[0], good.drafts[0]] }), /twice/],
		['extra.json', JSON.stringify({ ...good, extra: true }), /does not know/],
		['huge.json', ' '.repeat(9 * 1024 * 1024), /too large/]
	];
	for (const [name, text, message] of cases) {
		await importText(page, name, text);
		const alert = page.locator('main').getByRole('alert');
		await expect(alert, name).toContainText(message);
		await expect(alert).toContainText('Nothing was imported.');
		// markup in a file is never rendered
		await expect(page.locator('main img')).toHaveCount(0);
		expect(await storedDrafts(page, FIRST), name).toEqual(before);
	}
});
