/**
 * The Chainlab IndexedDB database (Dexie 4): drafts, progress, inputs (predictions and seed) and
 * settings.
 *
 * The schema is a list of versions. To change it, append a version with its `stores` delta and an
 * optional `upgrade` that rewrites old rows; never edit a version that has shipped.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';

/**
 * The learner's edit of one lesson file. `updatedAt` is unix milliseconds. `starter` is the
 * starter hash (storage/starter.ts: SHA-256 hex of the starter file's text) of the starter the
 * draft was written against, so a page can tell when a new deploy changed that starter. It is
 * optional: rows saved before it existed, kept copies and playground drafts may lack it, and a
 * row without it is treated as matching the current starter. A new optional field needs no
 * schema version (it is not indexed).
 */
export type DraftRow = {
	lessonId: string;
	path: string;
	text: string;
	updatedAt: number;
	starter?: string;
};

export type ProgressStatus = 'not-started' | 'in-progress' | 'solved';

/**
 * Progress on one lesson. `hintsRevealed` maps a check id to how many hint layers are shown;
 * `solvedAt` is when every check first passed (unix ms; absent until then). Schema v1 rows lack
 * `solvedAt`; the v2 upgrade fills it for solved lessons from `updatedAt`.
 */
export type ProgressRow = {
	lessonId: string;
	status: ProgressStatus;
	checksPassed: string[];
	hintsRevealed: Record<string, number>;
	solutionShown: boolean;
	updatedAt: number;
	solvedAt?: number;
};

/**
 * The learner's other inputs to a lesson, saved with its drafts: the guess typed for each
 * prediction (`predictions`: prediction id -> the text typed or the choice picked) and the world
 * seed chosen for the next Run (uint32; absent: the lesson's default). `updatedAt` is unix ms.
 * Added in schema v3.
 */
export type InputRow = {
	lessonId: string;
	predictions: Record<string, string>;
	seed?: number;
	updatedAt: number;
};

/** A setting: any structured-clone-safe value under a key. */
export type SettingRow = { key: string; value: unknown };

/** One schema version: the table specs it changes and an optional data migration. */
export type SchemaVersion = {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void> | void;
};

/** Every schema version, oldest first. Append new versions here. */
export const schemaVersions: SchemaVersion[] = [
	{
		version: 1,
		stores: {
			drafts: '[lessonId+path], lessonId, updatedAt',
			progress: 'lessonId, status, updatedAt',
			settings: 'key'
		}
	},
	{
		// v2: when each lesson was first solved (the catalog orders and dates solved lessons by it)
		version: 2,
		stores: { progress: 'lessonId, status, updatedAt, solvedAt' },
		upgrade: async (tx) => {
			await tx
				.table('progress')
				.toCollection()
				.modify((row: ProgressRow) => {
					if (row.status === 'solved' && row.solvedAt === undefined) row.solvedAt = row.updatedAt;
				});
		}
	},
	{
		// v3: the learner's predictions and seed per lesson (a new table; older rows are untouched)
		version: 3,
		stores: { inputs: 'lessonId, updatedAt' }
	}
];

export type ChainlabDb = Dexie & {
	/** primary key: [lessonId, path] */
	drafts: Table<DraftRow, [string, string]>;
	progress: EntityTable<ProgressRow, 'lessonId'>;
	inputs: EntityTable<InputRow, 'lessonId'>;
	settings: EntityTable<SettingRow, 'key'>;
};

/** Where IndexedDB comes from: the browser's by default, fake-indexeddb in tests. */
export type DbOptions = { name?: string } & Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/**
 * Opens (lazily, on first use) the `chainlab` database with every schema version applied.
 * Never throws here; a missing or blocked IndexedDB surfaces as a rejected table operation.
 */
export function openChainlabDb(options: DbOptions = {}): ChainlabDb {
	const { name = 'chainlab', ...deps } = options;
	const db = new Dexie(name, deps.indexedDB ? deps : undefined) as ChainlabDb;
	for (const v of schemaVersions) {
		const version = db.version(v.version).stores(v.stores);
		if (v.upgrade) version.upgrade(v.upgrade);
	}
	return db;
}
