/**
 * Input store: per lesson, the learner's guesses for its predictions and the seed chosen for the
 * next Run, saved with the drafts (table `inputs`, schema v3). Updates land in memory first and
 * are written at once (they are a few small values), so the page stays right when storage fails.
 */
import type { ChainlabDb, InputRow } from './db.ts';
import { describeStorageError } from './errors.ts';

export type InputStoreOptions = {
	db: ChainlabDb | null;
	onError?: (message: string | null) => void;
	now?: () => number;
};

/** The inputs of a lesson nobody has touched: no guesses, the default seed. */
export function emptyInputs(lessonId: string): InputRow {
	return { lessonId, predictions: {}, updatedAt: 0 };
}

/** A change to a lesson's inputs: guesses by prediction id ('' removes one), and/or the seed. */
export type InputPatch = { predictions?: Record<string, string>; seed?: number | null };

export class InputStore {
	readonly #db: ChainlabDb | null;
	readonly #onError: (message: string | null) => void;
	readonly #now: () => number;
	readonly #memory = new Map<string, InputRow>();
	/** serialises read-modify-write updates so two quick edits never lose one */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(options: InputStoreOptions) {
		this.#db = options.db;
		this.#onError = options.onError ?? (() => {});
		this.#now = options.now ?? Date.now;
	}

	/** The inputs of one lesson (an empty row if none is stored). Never throws. */
	async get(lessonId: string): Promise<InputRow> {
		const mem = this.#memory.get(lessonId);
		if (mem) return structuredClone(mem);
		if (this.#db) {
			try {
				const row = await this.#db.inputs.get(lessonId);
				if (row) return row;
			} catch (error) {
				this.#onError(describeStorageError(error));
			}
		}
		return emptyInputs(lessonId);
	}

	/**
	 * Applies a patch and saves it: each guess given replaces the stored one (an empty or blank
	 * text removes it); `seed` a uint32 sets the seed, null forgets it. Never throws for storage.
	 * @throws RangeError when `seed` is not a whole number in 0..4294967295
	 * @returns the updated row
	 */
	update(lessonId: string, patch: InputPatch): Promise<InputRow> {
		const seed = patch.seed;
		if (seed !== undefined && seed !== null && !isSeed(seed)) {
			throw new RangeError(`the seed must be a whole number from 0 to 4294967295, not ${seed}`);
		}
		const next = this.#queue.then(async () => {
			const row = await this.get(lessonId);
			for (const [id, text] of Object.entries(patch.predictions ?? {})) {
				if (text.trim() === '') delete row.predictions[id];
				else row.predictions[id] = text;
			}
			if (seed === null) delete row.seed;
			else if (seed !== undefined) row.seed = seed;
			row.updatedAt = this.#now();
			this.#memory.set(lessonId, row);
			if (this.#db) {
				try {
					await this.#db.inputs.put(row);
				} catch (error) {
					this.#onError(describeStorageError(error));
				}
			}
			return structuredClone(row);
		});
		this.#queue = next.catch(() => {});
		return next;
	}

	/** Waits for every update already asked for to be written (or to fail). */
	async settled(): Promise<void> {
		await this.#queue;
	}

	/** The rows held in memory (updated in this tab), copied; for an export when storage fails. */
	rows(): InputRow[] {
		return [...this.#memory.values()].map((row) => structuredClone(row));
	}

	/**
	 * Drops the in-memory rows of these lessons (all when omitted), so the next read comes from
	 * the database: call it after something else wrote there (an import).
	 */
	async forget(lessonIds?: readonly string[]): Promise<void> {
		await this.#queue;
		for (const id of [...this.#memory.keys()]) {
			if (!lessonIds || lessonIds.includes(id)) this.#memory.delete(id);
		}
	}
}

/** Is `n` a world seed: a whole number from 0 to 2^32 - 1? */
export function isSeed(n: number): boolean {
	return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}
