/**
 * Progress store: per lesson, its status, the checks passed, hint layers revealed and whether the
 * solution was shown. Updates land in memory first, so the page stays right when storage fails.
 */
import type { ChainlabDb, ProgressRow } from './db.ts';
import { describeStorageError } from './errors.ts';

export type ProgressStoreOptions = {
	db: ChainlabDb | null;
	onError?: (message: string | null) => void;
	now?: () => number;
};

/** The progress row of a lesson nobody has opened yet. */
export function emptyProgress(lessonId: string): ProgressRow {
	return {
		lessonId,
		status: 'not-started',
		checksPassed: [],
		hintsRevealed: {},
		solutionShown: false,
		updatedAt: 0
	};
}

export class ProgressStore {
	readonly #db: ChainlabDb | null;
	readonly #onError: (message: string | null) => void;
	readonly #now: () => number;
	readonly #memory = new Map<string, ProgressRow>();
	/** serialises read-modify-write updates so two quick clicks never lose one */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(options: ProgressStoreOptions) {
		this.#db = options.db;
		this.#onError = options.onError ?? (() => {});
		this.#now = options.now ?? Date.now;
	}

	/** The progress of one lesson (a not-started row if none is stored). Never throws. */
	async get(lessonId: string): Promise<ProgressRow> {
		const mem = this.#memory.get(lessonId);
		if (mem) return structuredClone(mem);
		if (this.#db) {
			try {
				const row = await this.#db.progress.get(lessonId);
				if (row) return row;
			} catch (error) {
				this.#onError(describeStorageError(error));
			}
		}
		return emptyProgress(lessonId);
	}

	/** Progress of every lesson with any, by lesson id. Never throws. */
	async all(): Promise<Record<string, ProgressRow>> {
		const out: Record<string, ProgressRow> = {};
		if (this.#db) {
			try {
				for (const row of await this.#db.progress.toArray()) out[row.lessonId] = row;
			} catch (error) {
				this.#onError(describeStorageError(error));
			}
		}
		for (const [id, row] of this.#memory) out[id] = structuredClone(row);
		return out;
	}

	/** Marks a lesson in progress (the learner edited or ran it); a solved lesson stays solved. */
	markStarted(lessonId: string): Promise<ProgressRow> {
		return this.#update(lessonId, (row) => {
			if (row.status === 'not-started') row.status = 'in-progress';
		});
	}

	/**
	 * Records a check run: `checksPassed` becomes the ids that passed; the lesson is solved when
	 * every check passed (and stays solved afterwards, even if a later edit breaks it).
	 */
	recordChecks(lessonId: string, results: { id: string; passed: boolean }[]): Promise<ProgressRow> {
		return this.#update(lessonId, (row) => {
			row.checksPassed = results.filter((r) => r.passed).map((r) => r.id);
			if (results.length > 0 && results.every((r) => r.passed)) {
				row.status = 'solved';
				row.solvedAt ??= this.#now();
			} else if (row.status === 'not-started') row.status = 'in-progress';
		});
	}

	/**
	 * Reveals one more hint layer of a check, up to `layers` (the number the check has).
	 * @returns the updated row; `hintsRevealed[checkId]` is the count now shown
	 */
	revealHint(lessonId: string, checkId: string, layers: number): Promise<ProgressRow> {
		return this.#update(lessonId, (row) => {
			const shown = row.hintsRevealed[checkId] ?? 0;
			row.hintsRevealed[checkId] = Math.min(layers, shown + 1);
			if (row.status === 'not-started') row.status = 'in-progress';
		});
	}

	/** Records that the learner loaded the reference solution (recorded, not punished). */
	recordSolutionShown(lessonId: string): Promise<ProgressRow> {
		return this.#update(lessonId, (row) => {
			row.solutionShown = true;
			if (row.status === 'not-started') row.status = 'in-progress';
		});
	}

	/** The rows held in memory (updated in this tab), copied; for an export when storage fails. */
	rows(): ProgressRow[] {
		return [...this.#memory.values()].map((row) => structuredClone(row));
	}

	/**
	 * Drops the in-memory rows of these lessons (all when omitted), so the next read comes from
	 * the database: call it after something else wrote there (an import). Waits for updates
	 * already queued.
	 */
	async forget(lessonIds?: readonly string[]): Promise<void> {
		await this.#queue;
		for (const id of [...this.#memory.keys()]) {
			if (!lessonIds || lessonIds.includes(id)) this.#memory.delete(id);
		}
	}

	#update(lessonId: string, change: (row: ProgressRow) => void): Promise<ProgressRow> {
		const next = this.#queue.then(async () => {
			const row = await this.get(lessonId);
			change(row);
			row.updatedAt = this.#now();
			this.#memory.set(lessonId, row);
			if (this.#db) {
				try {
					await this.#db.progress.put(row);
				} catch (error) {
					this.#onError(describeStorageError(error));
				}
			}
			return structuredClone(row);
		});
		this.#queue = next.catch(() => {});
		return next;
	}
}
