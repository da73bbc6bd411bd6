// Drafts remember the starter they were written against (a SHA-256 hash), so a lesson whose
// starter changed in a new deploy can say so; a stale draft set aside for the new starter is kept
// as a copy, never lost; the hash travels through the journal and backups (version 4), older
// backups without it still import, and a malformed hash is refused in words.
import { describe, expect, test } from 'vitest';
import { isCopyPath, parseBackup, planImport, serializeBackup } from '#lib/storage/backup.ts';
import { createBackup, exportBackup, importBackup } from '#lib/storage/backup.ts';
import { DraftStore, JOURNAL_KEY } from '#lib/storage/drafts.ts';
import { starterHash } from '#lib/storage/starter.ts';
import { freshDb, memoryJournal, quotaDb } from './helpers.ts';

const LESSON = '02-lending/03-liquidation-call';
const FILE = 'contracts/LendingPool.ts';
const NOW = Date.UTC(2025, 2, 12, 14, 5);
const OLD = starterHash('// the old starter');
const NEW = starterHash('// the new starter');
const opts = { lessonIds: [LESSON], now: NOW };

describe('starterHash', () => {
	test('is SHA-256 of the UTF-8 text in lowercase hex (FIPS 180-4 test vector)', () => {
		expect(starterHash('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(starterHash('é')).not.toBe(starterHash('e'));
	});
});

describe('DraftStore and starter hashes', () => {
	test('set stores the hash with the row; a later store loads it', async () => {
		const db = freshDb();
		const first = new DraftStore({ db, journal: null, now: () => NOW });
		first.set(LESSON, FILE, 'mine', OLD);
		first.set(LESSON, 'contracts/Oracle.ts', 'no hash');
		await first.flush();
		expect(await db.drafts.get([LESSON, FILE])).toEqual({
			lessonId: LESSON,
			path: FILE,
			text: 'mine',
			updatedAt: NOW,
			starter: OLD
		});
		const rows = await new DraftStore({ db, journal: null }).loadRows(LESSON);
		expect(rows.find((r) => r.path === FILE)?.starter).toBe(OLD);
		expect(rows.find((r) => r.path === 'contracts/Oracle.ts')).not.toHaveProperty('starter');
	});

	test('keepStarter records the new hash and keeps text and edit time', async () => {
		const db = freshDb();
		await db.drafts.put({ lessonId: LESSON, path: FILE, text: 'mine', updatedAt: 7, starter: OLD });
		const drafts = new DraftStore({ db, journal: null });
		await drafts.loadRows(LESSON);
		expect(await drafts.keepStarter(LESSON, FILE, NEW)).toBe(true);
		expect(await db.drafts.get([LESSON, FILE])).toMatchObject({
			text: 'mine',
			updatedAt: 7,
			starter: NEW
		});
		expect(await drafts.keepStarter(LESSON, 'contracts/Missing.ts', NEW)).toBe(false);
	});

	test('setAside keeps the draft as a copy (text, time and hash) and removes the draft', async () => {
		const db = freshDb();
		const old = { lessonId: LESSON, path: FILE, text: 'my old draft', updatedAt: 7, starter: OLD };
		await db.drafts.put(old);
		const drafts = new DraftStore({ db, journal: null });
		await drafts.loadRows(LESSON);
		const copy = await drafts.setAside(LESSON, FILE, NOW);
		expect(copy).toBe(`${FILE} (draft before new starter 2025-03-12 14:05)`);
		expect(isCopyPath(copy ?? '')).toBe(true);
		// the old text is still retrievable, from a fresh store as from the database
		expect(await new DraftStore({ db, journal: null }).load(LESSON)).toEqual({
			[copy ?? '']: 'my old draft'
		});
		expect(await db.drafts.get([LESSON, copy ?? ''])).toEqual({ ...old, path: copy });

		// a second stale draft set aside in the same minute gets its own name
		drafts.set(LESSON, FILE, 'another', OLD);
		expect(await drafts.setAside(LESSON, FILE, NOW)).toBe(
			`${FILE} (draft before new starter 2025-03-12 14:05 #2)`
		);
		expect(await db.drafts.count()).toBe(2);
	});

	test('setAside changes nothing when the copy cannot be stored', async () => {
		const db = quotaDb();
		const errors: (string | null)[] = [];
		const drafts = new DraftStore({ db, journal: null, onError: (m) => errors.push(m) });
		drafts.set(LESSON, FILE, 'my draft', OLD);
		expect(await drafts.setAside(LESSON, FILE, NOW)).toBeNull();
		expect((await drafts.load(LESSON))[FILE]).toBe('my draft');
		expect(errors.at(-1)).toMatch(/full|space|quota/i);
	});

	test('the journal carries the hash; a journal row with a bad hash is ignored', async () => {
		const db = freshDb();
		const journal = memoryJournal();
		const first = new DraftStore({ db, journal, delayMs: 60_000 });
		first.set(LESSON, FILE, 'typed before the reload', OLD);
		first.journalPending();
		expect(JSON.parse(journal.items.get(JOURNAL_KEY) ?? '[]')[0].starter).toBe(OLD);
		const rows = await new DraftStore({ db, journal }).loadRows(LESSON);
		expect(rows[0]).toMatchObject({ text: 'typed before the reload', starter: OLD });

		const bad = memoryJournal();
		bad.setItem(
			JOURNAL_KEY,
			JSON.stringify([{ lessonId: LESSON, path: FILE, text: 'x', updatedAt: 1, starter: 5 }])
		);
		expect(await new DraftStore({ db: null, journal: bad }).load(LESSON)).toEqual({});
	});
});

describe('backups and starter hashes', () => {
	const row = { lessonId: LESSON, path: FILE, text: 'mine', updatedAt: 1000, starter: OLD };

	test('export and import carry the hash (format version 4)', async () => {
		const from = freshDb();
		await from.drafts.put(row);
		const text = await exportBackup(from, NOW);
		expect(JSON.parse(text).version).toBe(4);
		const to = freshDb();
		await importBackup(to, parseBackup(text, opts), NOW);
		expect(await to.drafts.toArray()).toEqual([row]);
	});

	test('older backups without the hash still import, and rows stay without it', async () => {
		const { starter: _none, ...plain } = row;
		for (const version of [3, 4] as const) {
			const data = { ...createBackup({ drafts: [plain], progress: [] }, NOW), version };
			const to = freshDb();
			await importBackup(to, parseBackup(serializeBackup(data), opts), NOW);
			expect(await to.drafts.toArray()).toEqual([plain]);
		}
	});

	test('a malformed hash is refused in the learner’s words', () => {
		const refused = (starter: unknown, version = 4) => {
			const data = { ...createBackup({ drafts: [row], progress: [] }, NOW), version };
			data.drafts[0] = { ...row, starter } as typeof row;
			try {
				parseBackup(JSON.stringify(data), opts);
			} catch (error) {
				return (error as Error).message;
			}
			return 'accepted';
		};
		expect(refused('not a hash')).toBe(
			'This backup is damaged: the record of which starter code a draft was written for is not a starter hash (64 hex digits) at "drafts.0.starter". Nothing was imported.'
		);
		expect(refused(OLD.toUpperCase())).toMatch(/not a starter hash/);
		expect(refused(42)).toMatch(/starter code a draft was written for is not text/);
		expect(refused(OLD, 3)).toMatch(
			/format version 3 does not record which starter code a draft was written for/
		);
		expect(refused(OLD)).toBe('accepted');
	});

	test('copies an import keeps carry their hash', () => {
		const theirs = { ...row, text: 'theirs', updatedAt: 2000, starter: NEW };
		const plan = planImport(
			{ drafts: [row], progress: [] },
			{ drafts: [theirs], progress: [] },
			NOW
		);
		expect(plan.drafts).toEqual([
			theirs,
			{ ...row, path: `${FILE} (copy before import 2025-03-12 14:05)` }
		]);
	});
});
