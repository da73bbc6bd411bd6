import { describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
	BackupError,
	createBackup,
	parseBackup,
	planImport,
	serializeBackup
} from '#lib/storage/backup.ts';
import { openChainlabDb, schemaVersions, type ProgressRow } from '#lib/storage/db.ts';
import { DraftStore, JOURNAL_KEY } from '#lib/storage/drafts.ts';
import { InputStore } from '#lib/storage/inputs.ts';
import { ProgressStore } from '#lib/storage/progress.ts';
import { SettingsStore } from '#lib/storage/settings.ts';
import type { Storage } from '#lib/storage/index.ts';
import { collectWork, exportWork, importWork } from '#lib/storage/work.ts';
import { freshDb, memoryJournal, quotaDb } from './helpers.ts';

const LESSON = '02-lending/03-liquidation-call';
const OTHER = '01-foundations/01-first-transaction';
const FILE = 'contracts/LendingPool.ts';
const NOW = Date.UTC(2025, 2, 12, 14, 5);

function storageOf(db: ReturnType<typeof freshDb> | null, now = () => NOW): Storage {
	return {
		db,
		drafts: new DraftStore({ db, now, journal: null }),
		progress: new ProgressStore({ db, now }),
		inputs: new InputStore({ db, now }),
		settings: new SettingsStore({ db })
	};
}

describe('schema migration', () => {
	test('a database written by schema v1 opens at v2 with every row kept and solvedAt filled', async () => {
		const indexedDB = new IDBFactory();
		const v1 = new Dexie('chainlab', { indexedDB, IDBKeyRange });
		v1.version(1).stores(schemaVersions[0].stores);
		await v1.table('drafts').bulkPut([
			{ lessonId: LESSON, path: FILE, text: 'pool v1', updatedAt: 10 },
			{ lessonId: OTHER, path: 'contracts/Token.ts', text: 'token v1', updatedAt: 20 }
		]);
		await v1.table('progress').bulkPut([
			{
				lessonId: LESSON,
				status: 'solved',
				checksPassed: ['a'],
				hintsRevealed: { a: 1 },
				solutionShown: false,
				updatedAt: 500
			},
			{
				lessonId: OTHER,
				status: 'in-progress',
				checksPassed: [],
				hintsRevealed: {},
				solutionShown: true,
				updatedAt: 600
			}
		]);
		await v1.table('settings').put({ key: 'fontSize', value: 15 });
		v1.close();

		const db = openChainlabDb({ indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(schemaVersions.at(-1)?.version);
		expect(await db.drafts.count()).toBe(2);
		expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('pool v1');
		const solved = (await db.progress.get(LESSON)) as ProgressRow;
		expect(solved).toMatchObject({ status: 'solved', checksPassed: ['a'], solvedAt: 500 });
		const started = (await db.progress.get(OTHER)) as ProgressRow;
		expect(started.solvedAt).toBeUndefined();
		expect(started.solutionShown).toBe(true);
		expect((await db.settings.get('fontSize'))?.value).toBe(15);
		// the new index works
		expect(await db.progress.where('solvedAt').above(0).count()).toBe(1);
		db.close();
	});

	test('solving records solvedAt once, and a backup merge keeps the earliest', async () => {
		let now = 1000;
		const progress = new ProgressStore({ db: freshDb(), now: () => now });
		await progress.recordChecks(LESSON, [{ id: 'a', passed: true }]);
		now = 2000;
		const again = await progress.recordChecks(LESSON, [{ id: 'a', passed: true }]);
		expect(again.solvedAt).toBe(1000);
		const row = (solvedAt?: number): ProgressRow => ({
			lessonId: LESSON,
			status: 'solved',
			checksPassed: [],
			hintsRevealed: {},
			solutionShown: false,
			updatedAt: 3000,
			...(solvedAt === undefined ? {} : { solvedAt })
		});
		const plan = planImport(
			{ drafts: [], progress: [row(2500)] },
			{ drafts: [], progress: [{ ...row(1500), updatedAt: 4000 }] },
			NOW
		);
		expect(plan.progress[0].solvedAt).toBe(1500);
		expect(
			planImport({ drafts: [], progress: [row()] }, { drafts: [], progress: [row()] }, NOW)
		).toMatchObject({ progress: [] });
	});

	test('version 1 backup files (no solvedAt) are still read', () => {
		const backup = JSON.parse(
			serializeBackup(createBackup({ drafts: [], progress: [] }, NOW))
		) as Record<string, unknown>;
		expect(parseBackup(JSON.stringify({ ...backup, version: 1 }), { lessonIds: [] }).version).toBe(
			1
		);
	});
});

describe('the unsaved-draft journal', () => {
	test('page hide writes unsaved drafts synchronously; the next store recovers and saves them', async () => {
		const db = freshDb();
		const journal = memoryJournal();
		const first = new DraftStore({ db, journal, delayMs: 60_000 });
		first.set(LESSON, FILE, 'typed just before the reload');
		first.journalPending();
		// the database never got it (the page went away first)
		expect(await db.drafts.count()).toBe(0);
		expect(JSON.parse(journal.items.get(JOURNAL_KEY) ?? '[]')).toHaveLength(1);

		const second = new DraftStore({ db, journal });
		expect(await second.load(LESSON)).toEqual({ [FILE]: 'typed just before the reload' });
		await second.flush();
		expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('typed just before the reload');
		expect(journal.items.has(JOURNAL_KEY)).toBe(false);
	});

	test('an export includes drafts still only in the journal', () => {
		const journal = memoryJournal();
		const before = new DraftStore({ db: null, journal, now: () => 5 });
		before.set(OTHER, 'contracts/Token.ts', 'unsaved in an earlier page');
		before.journalPending();
		const after = new DraftStore({ db: null, journal });
		expect(after.rows()).toEqual([
			{
				lessonId: OTHER,
				path: 'contracts/Token.ts',
				text: 'unsaved in an earlier page',
				updatedAt: 5
			}
		]);
	});

	test('an older journal entry never replaces a newer stored draft; bad journals are ignored', async () => {
		const db = freshDb();
		await db.drafts.put({ lessonId: LESSON, path: FILE, text: 'newer', updatedAt: 200 });
		const journal = memoryJournal();
		journal.setItem(
			JOURNAL_KEY,
			JSON.stringify([{ lessonId: LESSON, path: FILE, text: 'older', updatedAt: 100 }])
		);
		expect(await new DraftStore({ db, journal }).load(LESSON)).toEqual({ [FILE]: 'newer' });
		journal.setItem(JOURNAL_KEY, '{not json');
		expect(await new DraftStore({ db, journal }).load(LESSON)).toEqual({ [FILE]: 'newer' });
		journal.setItem(JOURNAL_KEY, JSON.stringify([{ lessonId: LESSON, path: FILE, text: 5 }]));
		expect(await new DraftStore({ db, journal }).load(LESSON)).toEqual({ [FILE]: 'newer' });
	});
});

describe('export and import through the stores', () => {
	test('export works from memory when the database fails', async () => {
		const storage = storageOf(quotaDb());
		storage.drafts.set(LESSON, FILE, 'only in this tab');
		await storage.progress.markStarted(LESSON);
		const out = await exportWork(storage, NOW);
		const backup = parseBackup(out.text, { lessonIds: [LESSON], now: NOW });
		expect(backup.drafts.map((d) => d.text)).toEqual(['only in this tab']);
		expect(backup.progress.map((p) => p.status)).toEqual(['in-progress']);
		expect(out).toMatchObject({
			drafts: 1,
			lessons: 1,
			fileName: 'chainlab-backup-2025-03-12.json'
		});

		const none = storageOf(null);
		none.drafts.set(LESSON, FILE, 'no IndexedDB at all');
		const fromMemory = await exportWork(none, NOW);
		expect(fromMemory.complete).toBe(false);
		expect(fromMemory.text).toContain('no IndexedDB at all');
	});

	test('import merges and the stores forget their stale copies', async () => {
		const db = freshDb();
		const storage = storageOf(db, () => 1000);
		storage.drafts.set(LESSON, FILE, 'mine, older');
		await storage.drafts.flush();
		expect(await storage.drafts.load(LESSON)).toEqual({ [FILE]: 'mine, older' });
		await storage.progress.markStarted(LESSON);

		const file = new Blob([
			serializeBackup(
				createBackup(
					{
						drafts: [{ lessonId: LESSON, path: FILE, text: 'theirs, newer', updatedAt: 5000 }],
						progress: [
							{
								lessonId: LESSON,
								status: 'solved',
								checksPassed: ['a'],
								hintsRevealed: {},
								solutionShown: false,
								updatedAt: 5000,
								solvedAt: 5000
							}
						]
					},
					NOW - 1000
				)
			)
		]);
		const summary = await importWork(storage, file, [LESSON], NOW);
		expect(summary).toMatchObject({ replaced: 1, progressUpdated: 1 });
		const drafts = await storage.drafts.load(LESSON);
		expect(drafts[FILE]).toBe('theirs, newer');
		expect(Object.values(drafts)).toContain('mine, older');
		expect((await storage.progress.get(LESSON)).status).toBe('solved');
		const work = await collectWork(storage);
		expect(work.drafts).toHaveLength(2);
	});

	test('a bad file or a missing database changes nothing', async () => {
		const db = freshDb();
		const storage = storageOf(db);
		storage.drafts.set(LESSON, FILE, 'keep me');
		await expect(importWork(storage, new Blob(['{"format":1}']), [LESSON], NOW)).rejects.toThrow(
			BackupError
		);
		expect(await storage.drafts.load(LESSON)).toEqual({ [FILE]: 'keep me' });
		const good = new Blob([serializeBackup(createBackup({ drafts: [], progress: [] }, NOW))]);
		await expect(importWork(storageOf(null), good, [LESSON], NOW)).rejects.toThrow(
			/cannot be imported here/
		);
	});
});
