import { describe, expect, test } from 'vitest';
import { ProgressStore } from '#lib/storage/progress.ts';
import { SettingsStore } from '#lib/storage/settings.ts';
import { describeStorageError } from '#lib/storage/errors.ts';
import { freshDb, quotaDb } from './helpers.ts';

const LESSON = '02-lending/03-liquidation-call';

describe('ProgressStore', () => {
	test('a lesson starts not-started and becomes in-progress, then solved', async () => {
		const db = freshDb();
		const progress = new ProgressStore({ db, now: () => 1000 });
		expect((await progress.get(LESSON)).status).toBe('not-started');
		expect((await progress.markStarted(LESSON)).status).toBe('in-progress');

		const partial = await progress.recordChecks(LESSON, [
			{ id: 'close-factor', passed: true },
			{ id: 'bonus', passed: false }
		]);
		expect(partial.status).toBe('in-progress');
		expect(partial.checksPassed).toEqual(['close-factor']);

		const solved = await progress.recordChecks(LESSON, [
			{ id: 'close-factor', passed: true },
			{ id: 'bonus', passed: true }
		]);
		expect(solved.status).toBe('solved');
		expect(solved.updatedAt).toBe(1000);

		// a later failing run keeps the lesson solved but updates the passed list
		const after = await progress.recordChecks(LESSON, [{ id: 'bonus', passed: false }]);
		expect(after.status).toBe('solved');
		expect(after.checksPassed).toEqual([]);

		// stored, not only in memory
		const stored = await db.progress.get(LESSON);
		expect(stored?.status).toBe('solved');
		const fresh = new ProgressStore({ db });
		expect((await fresh.all())[LESSON]?.status).toBe('solved');
	});

	test('hints count up to the number of layers; the solution flag is recorded', async () => {
		const progress = new ProgressStore({ db: freshDb() });
		await progress.revealHint(LESSON, 'bonus', 2);
		await progress.revealHint(LESSON, 'bonus', 2);
		const row = await progress.revealHint(LESSON, 'bonus', 2);
		expect(row.hintsRevealed).toEqual({ bonus: 2 });
		expect(row.status).toBe('in-progress');
		expect((await progress.recordSolutionShown(LESSON)).solutionShown).toBe(true);
	});

	test('concurrent updates are not lost', async () => {
		const progress = new ProgressStore({ db: freshDb() });
		await Promise.all([
			progress.revealHint(LESSON, 'a', 3),
			progress.revealHint(LESSON, 'b', 3),
			progress.recordSolutionShown(LESSON)
		]);
		const row = await progress.get(LESSON);
		expect(row.hintsRevealed).toEqual({ a: 1, b: 1 });
		expect(row.solutionShown).toBe(true);
	});

	test('a failing database keeps progress in memory and reports it', async () => {
		const errors: (string | null)[] = [];
		const progress = new ProgressStore({ db: quotaDb(), onError: (m) => errors.push(m) });
		const row = await progress.recordChecks(LESSON, [{ id: 'x', passed: true }]);
		expect(row.status).toBe('solved');
		expect(errors[0]).toMatch(/no storage space/);
		expect((await progress.get(LESSON)).status).toBe('solved');
	});
});

describe('SettingsStore and messages', () => {
	test('settings round-trip and fall back', async () => {
		const db = freshDb();
		const settings = new SettingsStore({ db });
		expect(await settings.get('fontSize', 14)).toBe(14);
		await settings.set('fontSize', 16);
		expect(await new SettingsStore({ db }).get('fontSize', 14)).toBe(16);
	});

	test('Dexie-wrapped errors are described by their inner cause', () => {
		const wrapped = { name: 'AbortError', inner: new DOMException('x', 'QuotaExceededError') };
		expect(describeStorageError(wrapped)).toMatch(/no storage space/);
		expect(describeStorageError(new Error('weird'))).toMatch(/weird/);
	});
});
