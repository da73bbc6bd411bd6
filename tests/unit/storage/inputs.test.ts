// The learner's predictions and seed per lesson: the input store, the v3 schema migration, and
// backups that carry them (export, import merge, older versions, damaged files).
import { describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
	BackupError,
	createBackup,
	exportBackup,
	importBackup,
	parseBackup,
	planImport,
	serializeBackup
} from '#lib/storage/backup.ts';
import { openChainlabDb, schemaVersions, type InputRow } from '#lib/storage/db.ts';
import { InputStore } from '#lib/storage/inputs.ts';
import { freshDb, quotaDb } from './helpers.ts';

const LESSON = '02-lending/02-health-factor';
const NOW = Date.UTC(2025, 2, 12, 14, 5);
const opts = { lessonIds: [LESSON], now: NOW };
const row = (over: Partial<InputRow> = {}): InputRow => ({
	lessonId: LESSON,
	predictions: {},
	updatedAt: 1000,
	...over
});

describe('input store', () => {
	test('guesses and the seed are saved, read back by a new store, and cleared by a blank text', async () => {
		const db = freshDb();
		let now = 100;
		const store = new InputStore({ db, now: () => now });
		expect(await store.get(LESSON)).toEqual({ lessonId: LESSON, predictions: {}, updatedAt: 0 });
		await store.update(LESSON, { predictions: { 'hf-after-fall': '0.95' } });
		now = 200;
		await store.update(LESSON, { predictions: { 'can-liquidate': 'Yes' }, seed: 7 });
		const again = new InputStore({ db });
		expect(await again.get(LESSON)).toEqual({
			lessonId: LESSON,
			predictions: { 'hf-after-fall': '0.95', 'can-liquidate': 'Yes' },
			seed: 7,
			updatedAt: 200
		});
		await store.update(LESSON, { predictions: { 'hf-after-fall': '  ' }, seed: null });
		expect(await new InputStore({ db }).get(LESSON)).toMatchObject({
			predictions: { 'can-liquidate': 'Yes' }
		});
		expect((await new InputStore({ db }).get(LESSON)).seed).toBeUndefined();
	});

	test('a seed that is not a uint32 is refused in words', () => {
		const store = new InputStore({ db: freshDb() });
		for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
			expect(() => store.update(LESSON, { seed: bad })).toThrow(
				/whole number from 0 to 4294967295/
			);
		}
	});

	test('when storage fails the guess stays in memory and the failure is reported', async () => {
		const errors: (string | null)[] = [];
		const store = new InputStore({ db: quotaDb(), onError: (m) => errors.push(m) });
		await store.update(LESSON, { predictions: { p: '3' } });
		expect((await store.get(LESSON)).predictions).toEqual({ p: '3' });
		expect(store.rows()).toHaveLength(1);
		expect(errors.filter(Boolean)).toHaveLength(1);
	});
});

describe('schema v3', () => {
	test('a v2 database opens at v3 with its rows kept and an empty inputs table', async () => {
		const indexedDB = new IDBFactory();
		const v2 = new Dexie('chainlab', { indexedDB, IDBKeyRange });
		v2.version(1).stores(schemaVersions[0].stores);
		v2.version(2).stores(schemaVersions[1].stores);
		await v2.table('drafts').put({ lessonId: LESSON, path: 'a.ts', text: 'x', updatedAt: 5 });
		v2.close();
		const db = openChainlabDb({ indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.drafts.count()).toBe(1);
		expect(await db.inputs.count()).toBe(0);
		await db.inputs.put(row({ seed: 9 }));
		expect(await db.inputs.where('updatedAt').above(0).count()).toBe(1);
		db.close();
	});
});

describe('backups carry predictions and seeds', () => {
	test('export then import into an empty database brings them back', async () => {
		const from = freshDb();
		await from.inputs.put(row({ predictions: { 'hf-after-fall': '0.97' }, seed: 12 }));
		const text = await exportBackup(from, NOW);
		expect(JSON.parse(text).inputs).toHaveLength(1);
		const to = freshDb();
		const summary = await importBackup(to, parseBackup(text, opts), NOW);
		expect(summary.inputsUpdated).toBe(1);
		expect(await to.inputs.get(LESSON)).toEqual(
			row({ predictions: { 'hf-after-fall': '0.97' }, seed: 12 })
		);
	});

	test('a merge keeps both sides’ guesses, the newer one where both guessed, and the newer seed', () => {
		const ours = row({ predictions: { a: '1', b: 'ours' }, seed: 1, updatedAt: 2000 });
		const theirs = row({ predictions: { b: 'theirs', c: '3' }, seed: 2, updatedAt: 3000 });
		const plan = planImport(
			{ drafts: [], progress: [], inputs: [ours] },
			{
				drafts: [],
				progress: [],
				inputs: [theirs]
			},
			NOW
		);
		expect(plan.inputs).toEqual([
			row({ predictions: { a: '1', b: 'theirs', c: '3' }, seed: 2, updatedAt: 3000 })
		]);
		// the same rows again change nothing
		const same = planImport(
			{ drafts: [], progress: [], inputs: [ours] },
			{
				drafts: [],
				progress: [],
				inputs: [ours]
			},
			NOW
		);
		expect(same.inputs).toEqual([]);
		expect(same.summary.inputsUpdated).toBe(0);
	});

	test('version 2 files (no inputs) are still read; damaged inputs are refused in words', () => {
		const base = JSON.parse(serializeBackup(createBackup({ drafts: [], progress: [] }, NOW)));
		const { inputs: _none, ...v2 } = { ...base, version: 2 };
		void _none;
		expect(parseBackup(JSON.stringify(v2), opts).inputs).toEqual([]);
		const bad = (inputs: unknown, version = 3) => {
			try {
				parseBackup(JSON.stringify({ ...base, version, inputs }), opts);
			} catch (error) {
				expect(error).toBeInstanceOf(BackupError);
				return (error as Error).message;
			}
			throw new Error('accepted');
		};
		expect(bad([row({ seed: -4 })])).toMatch(/the seed is negative/);
		expect(bad([row({ predictions: { 'Not An Id': '1' } })])).toMatch(/not a prediction id/);
		expect(bad([row(), row()])).toMatch(/predictions and seed of lesson .* twice/);
		expect(bad([row({ lessonId: '09-x/01-y' })])).toMatch(/does not have/);
		expect(bad([row()], 2)).toMatch(/format version 2 has no predictions/);
	});
});
