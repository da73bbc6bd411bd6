import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreTable } from 'dexie';
import { openChainlabDb, type ChainlabDb } from '#lib/storage/db.ts';

let counter = 0;

/** A fresh database on its own fake IndexedDB. */
export function freshDb(): ChainlabDb {
	return openChainlabDb({
		name: `chainlab-test-${++counter}`,
		indexedDB: new IDBFactory(),
		IDBKeyRange
	});
}

/** A real Dexie whose writes fail like a full disk: every mutate rejects with QuotaExceededError. */
export function quotaDb(): ChainlabDb {
	const db = freshDb();
	db.use({
		stack: 'dbcore',
		name: 'quota',
		create: (down: DBCore): DBCore => ({
			...down,
			table(name: string): DBCoreTable {
				const table = down.table(name);
				return {
					...table,
					mutate: () =>
						Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
				};
			}
		})
	});
	return db;
}

/** A journal (the slice of localStorage DraftStore uses) kept in a Map. */
export function memoryJournal() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
}
