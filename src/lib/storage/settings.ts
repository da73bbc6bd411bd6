/**
 * Settings store: small values by key (editor font size, last seed, ...), with memory fallback.
 */
import type { ChainlabDb } from './db.ts';
import { describeStorageError } from './errors.ts';

export class SettingsStore {
	readonly #db: ChainlabDb | null;
	readonly #onError: (message: string | null) => void;
	readonly #memory = new Map<string, unknown>();

	constructor(options: { db: ChainlabDb | null; onError?: (message: string | null) => void }) {
		this.#db = options.db;
		this.#onError = options.onError ?? (() => {});
	}

	/** The stored value of `key`, or `fallback` when unset or unreadable. Never throws. */
	async get<T>(key: string, fallback: T): Promise<T> {
		if (this.#memory.has(key)) return this.#memory.get(key) as T;
		if (!this.#db) return fallback;
		try {
			const row = await this.#db.settings.get(key);
			return row ? (row.value as T) : fallback;
		} catch (error) {
			this.#onError(describeStorageError(error));
			return fallback;
		}
	}

	/** Stores a structured-clone-safe value; kept in memory if storage fails. Never throws. */
	async set(key: string, value: unknown): Promise<void> {
		this.#memory.set(key, value);
		if (!this.#db) return;
		try {
			await this.#db.settings.put({ key, value });
		} catch (error) {
			this.#onError(describeStorageError(error));
		}
	}
}
