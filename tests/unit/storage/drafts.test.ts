import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DraftStore } from '#lib/storage/drafts.ts';
import { freshDb, quotaDb } from './helpers.ts';

const LESSON = '02-lending/03-liquidation-call';
const FILE = 'contracts/LendingPool.ts';

// fake-indexeddb schedules with setImmediate, so only timeouts and the clock are faked
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('DraftStore debounce', () => {
	test('saves 500 ms after the last keystroke, not before', async () => {
		const db = freshDb();
		const drafts = new DraftStore({ db });
		drafts.set(LESSON, FILE, 'a');
		vi.advanceTimersByTime(300);
		drafts.set(LESSON, FILE, 'ab');
		vi.advanceTimersByTime(300);
		drafts.set(LESSON, FILE, 'abc');
		vi.advanceTimersByTime(499);
		expect(await db.drafts.count()).toBe(0);
		expect(drafts.pending).toBe(1);

		vi.advanceTimersByTime(1);
		await vi.waitFor(async () => expect(await db.drafts.count()).toBe(1));
		const row = await db.drafts.get([LESSON, FILE]);
		expect(row?.text).toBe('abc');
		expect(drafts.pending).toBe(0);
	});

	test('one timer covers edits to several files', async () => {
		const db = freshDb();
		const drafts = new DraftStore({ db, delayMs: 200 });
		drafts.set(LESSON, FILE, 'pool');
		drafts.set(LESSON, 'contracts/Oracle.ts', 'oracle');
		vi.advanceTimersByTime(200);
		await vi.waitFor(async () => expect(await db.drafts.count()).toBe(2));
		expect(await drafts.load(LESSON)).toEqual({ [FILE]: 'pool', 'contracts/Oracle.ts': 'oracle' });
	});
});

describe('DraftStore flush', () => {
	test('flush writes at once and cancels the pending timer', async () => {
		const db = freshDb();
		const drafts = new DraftStore({ db });
		drafts.set(LESSON, FILE, 'now');
		expect(await drafts.flush()).toBe(true);
		expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('now');
		expect(vi.getTimerCount()).toBe(0);
	});

	test('pagehide and visibilitychange to hidden flush', async () => {
		const db = freshDb();
		const drafts = new DraftStore({ db });
		const win = new EventTarget() as EventTarget & {
			document: EventTarget & { visibilityState: string };
		};
		win.document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
		const stop = drafts.flushOnHide(win as unknown as Window);

		drafts.set(LESSON, FILE, 'hidden');
		win.document.dispatchEvent(new Event('visibilitychange'));
		await Promise.resolve();
		expect(drafts.pending).toBe(1); // still visible: nothing flushed
		win.document.visibilityState = 'hidden';
		win.document.dispatchEvent(new Event('visibilitychange'));
		await vi.waitFor(async () =>
			expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('hidden')
		);

		drafts.set(LESSON, FILE, 'gone');
		win.dispatchEvent(new Event('pagehide'));
		await vi.waitFor(async () => expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('gone'));

		stop();
		drafts.set(LESSON, FILE, 'after stop');
		win.dispatchEvent(new Event('pagehide'));
		await new Promise((r) => setImmediate(r));
		expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('gone');
	});

	test('a new store reads what an earlier one saved; discard removes it', async () => {
		const db = freshDb();
		const first = new DraftStore({ db });
		first.set(LESSON, FILE, 'persisted');
		await first.flush();
		const second = new DraftStore({ db });
		expect(await second.load(LESSON)).toEqual({ [FILE]: 'persisted' });
		expect(await second.load('01-foundations/01-accounts')).toEqual({});
		await second.discard(LESSON);
		expect(await second.load(LESSON)).toEqual({});
		expect(await db.drafts.count()).toBe(0);
	});
});

describe('DraftStore failure path', () => {
	test('QuotaExceededError keeps the draft in memory, reports it, and retries later', async () => {
		const errors: (string | null)[] = [];
		const db = quotaDb();
		const drafts = new DraftStore({ db, onError: (m) => errors.push(m) });
		drafts.set(LESSON, FILE, 'precious work');
		vi.advanceTimersByTime(500);
		await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
		expect(errors[0]).toMatch(/no storage space left/);
		expect(drafts.pending).toBe(1);
		expect(await drafts.load(LESSON)).toEqual({ [FILE]: 'precious work' });
		expect(await drafts.flush()).toBe(false);
		expect(drafts.pending).toBe(1);
	});

	test('recovers and clears the error once a save succeeds', async () => {
		const errors: (string | null)[] = [];
		const db = freshDb();
		const put = vi
			.spyOn(db.drafts, 'bulkPut')
			.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
		const drafts = new DraftStore({ db, onError: (m) => errors.push(m) });
		drafts.set(LESSON, FILE, 'v1');
		expect(await drafts.flush()).toBe(false);
		put.mockRestore();
		drafts.set(LESSON, FILE, 'v2');
		expect(await drafts.flush()).toBe(true);
		expect(errors.at(-1)).toBeNull();
		expect((await db.drafts.get([LESSON, FILE]))?.text).toBe('v2');
	});

	test('no database at all: drafts live in memory and the learner is told', async () => {
		const errors: (string | null)[] = [];
		const drafts = new DraftStore({ db: null, onError: (m) => errors.push(m) });
		drafts.set(LESSON, FILE, 'memory only');
		expect(await drafts.flush()).toBe(false);
		expect(errors[0]).toMatch(/IndexedDB/);
		expect(await drafts.load(LESSON)).toEqual({ [FILE]: 'memory only' });
	});
});
