/**
 * Draft store: the learner's edits, saved to IndexedDB within `delayMs` of the last keystroke and
 * flushed at once when the page is hidden. Every text also lives in memory, so a failing database
 * (quota, private mode, no IndexedDB) never loses work while the tab is open.
 */
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
};

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

	constructor(options: DraftStoreOptions) {
		this.#db = options.db;
		this.#delayMs = options.delayMs ?? 500;
		this.#onError = options.onError ?? (() => {});
		this.#now = options.now ?? Date.now;
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
		for (const row of this.#memory.values()) {
			if (row.lessonId === lessonId) out[row.path] = row.text;
		}
		return out;
	}

	/** Records an edit in memory at once and schedules a save `delayMs` after the last edit. */
	set(lessonId: string, path: string, text: string): void {
		const key = keyOf(lessonId, path);
		this.#memory.set(key, { lessonId, path, text, updatedAt: this.#now() });
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
			if (doc.visibilityState === 'hidden') void this.flush();
		};
		const onPageHide = () => void this.flush();
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
