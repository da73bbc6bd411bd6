/**
 * Draft store: the learner's edits, saved to IndexedDB within `delayMs` of the last keystroke and
 * flushed at once when the page is hidden. Every text also lives in memory, so a failing database
 * (quota, private mode, no IndexedDB) never loses work while the tab is open.
 *
 * An IndexedDB write started while the page unloads may be cut off, so when the page is hidden
 * the drafts not yet saved are also written, synchronously, to a small journal (localStorage by
 * default). `load` takes journal entries newer than the stored ones and saves them; a successful
 * save clears them from the journal.
 *
 * Each row may carry the starter hash it was written against (DraftRow.starter): `set` stores
 * the one the page passes, `keepStarter` updates it, and `setAside` keeps a draft as a copy
 * before the page opens a new starter for that file.
 */
import { copyPath } from './copies.ts';
import type { ChainlabDb, DraftRow } from './db.ts';
import { describeStorageError } from './errors.ts';

export type DraftStoreOptions = {
	/** the database, or null when storage is unavailable from the start */
	db: ChainlabDb | null;
	/** debounce in milliseconds after the last edit (default 500) */
	delayMs?: number;
	/** called with a learner-facing message on failure, and with null once a save succeeds again */
	onError?: (message: string | null) => void;
	/** clock in unix milliseconds (tests) */
	now?: () => number;
	/** the synchronous journal for unsaved drafts (default: localStorage when available) */
	journal?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
};

/** The journal's key; its value is a JSON array of DraftRow. */
export const JOURNAL_KEY = 'chainlab:unsaved-drafts';

const keyOf = (lessonId: string, path: string) => `${lessonId}\u0000${path}`;

export class DraftStore {
	readonly #db: ChainlabDb | null;
	readonly #delayMs: number;
	readonly #onError: (message: string | null) => void;
	readonly #now: () => number;
	/** every draft seen or typed in this tab: the source of truth while the tab lives */
	readonly #memory = new Map<string, DraftRow>();
	/** keys whose memory text is not yet in the database */
	readonly #dirty = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#writing: Promise<boolean> = Promise.resolve(true);
	#failed = false;
	readonly #journal: DraftStoreOptions['journal'];

	constructor(options: DraftStoreOptions) {
		this.#db = options.db;
		this.#delayMs = options.delayMs ?? 500;
		this.#onError = options.onError ?? (() => {});
		this.#now = options.now ?? Date.now;
		this.#journal =
			options.journal !== undefined
				? options.journal
				: typeof localStorage === 'undefined'
					? null
					: localStorage;
	}

	/** Number of drafts typed but not yet saved. */
	get pending(): number {
		return this.#dirty.size;
	}

	/**
	 * The saved drafts of a lesson by path (texts typed in this tab win over stored ones).
	 * Never throws: on a storage failure it reports the error and returns what memory holds.
	 */
	async load(lessonId: string): Promise<Record<string, string>> {
		const out: Record<string, string> = {};
		for (const row of await this.loadRows(lessonId)) out[row.path] = row.text;
		return out;
	}

	/**
	 * The saved draft rows of a lesson, copied (kept copies included; texts typed in this tab win
	 * over stored ones), with the starter hash each was written against where it has one.
	 * Never throws: on a storage failure it reports the error and returns what memory holds.
	 */
	async loadRows(lessonId: string): Promise<DraftRow[]> {
		if (this.#db) {
			try {
				const rows = await this.#db.drafts.where('lessonId').equals(lessonId).toArray();
				for (const row of rows) {
					const key = keyOf(lessonId, row.path);
					if (!this.#memory.has(key)) this.#memory.set(key, row);
				}
			} catch (error) {
				this.#fail(error);
			}
		}
		this.#recover(lessonId);
		return [...this.#memory.values()]
			.filter((row) => row.lessonId === lessonId)
			.map((row) => ({ ...row }));
	}

	/**
	 * Records that the learner keeps this draft although its starter changed: the row's starter
	 * hash becomes `starter` (text and edit time unchanged), saved at once.
	 * @returns false when there is no such draft, or storage failed (memory has it; retried later)
	 */
	async keepStarter(lessonId: string, path: string, starter: string): Promise<boolean> {
		const key = keyOf(lessonId, path);
		const row = this.#memory.get(key);
		if (!row) return false;
		if (row.starter === starter) return true;
		this.#memory.set(key, { ...row, starter });
		this.#dirty.add(key);
		return this.flush();
	}

	/**
	 * Keeps a draft as a copy beside its file, `<path> (draft before new starter YYYY-MM-DD
	 * HH:MM)` (same text, edit time and starter hash; see copies.ts), then forgets the draft
	 * itself so the page can open the starter. The draft is removed only once the copy is stored.
	 * @param now unix ms, for the copy's name (UTC)
	 * @returns the copy's path; null when there is no such draft or the copy could not be stored
	 *   (then the draft is left as it was)
	 */
	async setAside(lessonId: string, path: string, now = this.#now()): Promise<string | null> {
		const row = this.#memory.get(keyOf(lessonId, path));
		if (!row) return null;
		const copy = copyPath(path, 'draft before new starter', now, (p) =>
			this.#memory.has(keyOf(lessonId, p))
		);
		const key = keyOf(lessonId, copy);
		this.#memory.set(key, { ...row, path: copy });
		this.#dirty.add(key);
		if (!(await this.flush())) return null;
		await this.discard(lessonId, [path]);
		return copy;
	}

	/**
	 * Every draft held in memory (typed or loaded in this tab), and any newer one the journal
	 * still holds (typed before an earlier page closed, not yet saved), copied; for an export.
	 */
	rows(): DraftRow[] {
		const rows = new Map(this.#memory);
		for (const row of this.#readJournal()) {
			const key = keyOf(row.lessonId, row.path);
			const here = rows.get(key);
			if (!here || here.updatedAt < row.updatedAt) rows.set(key, row);
		}
		return [...rows.values()].map((row) => ({ ...row }));
	}

	/**
	 * Drops the in-memory copies of these lessons' drafts (all when omitted), so the next load
	 * reads the database: call it after something else wrote there (an import). Drafts not yet
	 * saved are kept: they are newer than anything stored.
	 */
	forget(lessonIds?: readonly string[]): void {
		for (const [key, row] of [...this.#memory]) {
			if (this.#dirty.has(key)) continue;
			if (!lessonIds || lessonIds.includes(row.lessonId)) this.#memory.delete(key);
		}
	}

	/** Writes the drafts not yet saved to the journal, synchronously (page hide). Never throws. */
	journalPending(): void {
		if (!this.#journal) return;
		const rows = [...this.#dirty].map((k) => this.#memory.get(k)).filter((r): r is DraftRow => !!r);
		const kept = this.#readJournal().filter(
			(old) => !rows.some((r) => r.lessonId === old.lessonId && r.path === old.path)
		);
		this.#writeJournal([...kept, ...rows]);
	}

	/** Takes this lesson's journal entries that are newer than memory, and schedules their save. */
	#recover(lessonId: string): void {
		let recovered = false;
		for (const row of this.#readJournal()) {
			if (row.lessonId !== lessonId) continue;
			const key = keyOf(row.lessonId, row.path);
			const here = this.#memory.get(key);
			if (here && here.updatedAt >= row.updatedAt) continue;
			this.#memory.set(key, row);
			this.#dirty.add(key);
			recovered = true;
		}
		if (recovered) void this.flush();
	}

	#readJournal(): DraftRow[] {
		try {
			const rows: unknown = JSON.parse(this.#journal?.getItem(JOURNAL_KEY) ?? '[]');
			if (!Array.isArray(rows)) return [];
			return rows.filter(
				(r): r is DraftRow =>
					typeof r?.lessonId === 'string' &&
					typeof r.path === 'string' &&
					typeof r.text === 'string' &&
					typeof r.updatedAt === 'number' &&
					(r.starter === undefined || typeof r.starter === 'string')
			);
		} catch {
			return [];
		}
	}

	#writeJournal(rows: DraftRow[]): void {
		try {
			if (rows.length === 0) this.#journal?.removeItem(JOURNAL_KEY);
			else this.#journal?.setItem(JOURNAL_KEY, JSON.stringify(rows));
		} catch {
			// a full or blocked localStorage: IndexedDB and memory still hold the drafts
		}
	}

	/** Removes saved rows from the journal (only entries no newer than what was saved). */
	#clearJournal(saved: DraftRow[]): void {
		if (!this.#journal) return;
		const rows = this.#readJournal();
		const left = rows.filter(
			(old) =>
				!saved.some(
					(r) => r.lessonId === old.lessonId && r.path === old.path && r.updatedAt >= old.updatedAt
				)
		);
		if (left.length !== rows.length) this.#writeJournal(left);
	}

	/**
	 * Records an edit in memory at once and schedules a save `delayMs` after the last edit.
	 * @param starter the starter hash the text was written against (storage/starter.ts); omitted,
	 *   the row has none (treated as matching any starter)
	 */
	set(lessonId: string, path: string, text: string, starter?: string): void {
		const key = keyOf(lessonId, path);
		const row: DraftRow = { lessonId, path, text, updatedAt: this.#now() };
		if (starter !== undefined) row.starter = starter;
		this.#memory.set(key, row);
		this.#dirty.add(key);
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.flush();
		}, this.#delayMs);
	}

	/**
	 * Writes every pending draft now. Resolves true when all are stored, false when storage failed
	 * (the drafts stay in memory and pending, and are retried on the next save). Never rejects.
	 */
	flush(): Promise<boolean> {
		if (this.#timer !== null) {
			clearTimeout(this.#timer);
			this.#timer = null;
		}
		this.#writing = this.#writing.then(() => this.#write());
		return this.#writing;
	}

	/** Forgets the drafts of a lesson (all files, or the given paths), in memory and on disk. */
	async discard(lessonId: string, paths?: string[]): Promise<void> {
		await this.flush();
		const doomed = [...this.#memory.values()].filter(
			(row) => row.lessonId === lessonId && (!paths || paths.includes(row.path))
		);
		for (const row of doomed) {
			const key = keyOf(lessonId, row.path);
			this.#memory.delete(key);
			this.#dirty.delete(key);
		}
		this.#writeJournal(
			this.#readJournal().filter(
				(r) => r.lessonId !== lessonId || (paths !== undefined && !paths.includes(r.path))
			)
		);
		if (!this.#db) return;
		try {
			if (paths) await this.#db.drafts.bulkDelete(paths.map((p) => [lessonId, p]));
			else await this.#db.drafts.where('lessonId').equals(lessonId).delete();
		} catch (error) {
			this.#fail(error);
		}
	}

	/**
	 * Flushes when the page is hidden or unloaded (`visibilitychange` to hidden, `pagehide`).
	 * @returns a function that removes the listeners
	 */
	flushOnHide(win: Window = window): () => void {
		const doc = win.document;
		const onVisibility = () => {
			if (doc.visibilityState !== 'hidden') return;
			this.journalPending();
			void this.flush();
		};
		const onPageHide = () => {
			this.journalPending();
			void this.flush();
		};
		doc.addEventListener('visibilitychange', onVisibility);
		win.addEventListener('pagehide', onPageHide);
		return () => {
			doc.removeEventListener('visibilitychange', onVisibility);
			win.removeEventListener('pagehide', onPageHide);
		};
	}

	async #write(): Promise<boolean> {
		if (this.#dirty.size === 0) return !this.#failed;
		const keys = [...this.#dirty];
		if (!this.#db) {
			this.#fail(Object.assign(new Error('no IndexedDB'), { name: 'MissingAPIError' }));
			return false;
		}
		const rows = keys.map((k) => this.#memory.get(k)).filter((r): r is DraftRow => !!r);
		for (const k of keys) this.#dirty.delete(k);
		try {
			await this.#db.drafts.bulkPut(rows);
			this.#clearJournal(rows);
			if (this.#failed) {
				this.#failed = false;
				this.#onError(null);
			}
			return true;
		} catch (error) {
			// keep them pending: the next save retries with whatever memory holds then
			for (const k of keys) if (this.#memory.has(k)) this.#dirty.add(k);
			this.#fail(error);
			return false;
		}
	}

	#fail(error: unknown): void {
		this.#failed = true;
		this.#onError(describeStorageError(error));
	}
}
