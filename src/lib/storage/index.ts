/**
 * The browser's storage singletons: one database, one draft store, one progress store, one input
 * store (predictions and seed), one settings store, all reporting failures to `storageStatus`.
 * Call `getStorage()` only in the browser.
 */
import { openChainlabDb, type ChainlabDb } from './db.ts';
import { DraftStore } from './drafts.ts';
import { InputStore } from './inputs.ts';
import { ProgressStore } from './progress.ts';
import { SettingsStore } from './settings.ts';
import { storageStatus } from './status.svelte.ts';

export type Storage = {
	db: ChainlabDb | null;
	drafts: DraftStore;
	progress: ProgressStore;
	inputs: InputStore;
	settings: SettingsStore;
};

let storage: Storage | null = null;

/**
 * The shared stores. When IndexedDB is missing (some private modes) the stores still work, in
 * memory only, and `storageStatus.error` says so.
 */
export function getStorage(): Storage {
	if (storage) return storage;
	const onError = storageStatus.report;
	let db: ChainlabDb | null = null;
	if (typeof indexedDB === 'undefined') {
		onError('This browser does not offer IndexedDB, so your edits are kept only in this tab.');
	} else {
		db = openChainlabDb();
	}
	storage = {
		db,
		drafts: new DraftStore({ db, onError }),
		progress: new ProgressStore({ db, onError }),
		inputs: new InputStore({ db, onError }),
		settings: new SettingsStore({ db, onError })
	};
	return storage;
}

export { storageStatus } from './status.svelte.ts';
export type { DraftRow, InputRow, ProgressRow, ProgressStatus } from './db.ts';
export { emptyProgress } from './progress.ts';
