/**
 * The learner's work as one file: export everything (even when browser storage fails, from what
 * this tab holds in memory) and import a backup into the stores without stale in-memory copies
 * overwriting it afterwards. See backup.ts for the file format and the merge rules.
 */
import {
	BackupError,
	backupFileName,
	createBackup,
	importBackup,
	readBackupFile,
	serializeBackup,
	type ImportSummary
} from './backup.ts';
import type { DraftRow, InputRow, ProgressRow } from './db.ts';
import type { Storage } from './index.ts';

/** An exported backup: the file's text and name, and whether browser storage could be read. */
export type ExportedWork = {
	text: string;
	fileName: string;
	drafts: number;
	lessons: number;
	/** false when the database could not be read: the file holds what this tab has in memory */
	complete: boolean;
};

/** The newer of two rows by `updatedAt` (the first on a tie). */
const newer = <T extends { updatedAt: number }>(a: T, b: T | undefined): T =>
	b && b.updatedAt > a.updatedAt ? b : a;

/** Everything saved, merged from the database and this tab's memory (see exportWork). */
export type SavedWork = {
	drafts: DraftRow[];
	progress: ProgressRow[];
	inputs: InputRow[];
	complete: boolean;
};

/**
 * Every draft, all progress and all inputs (guesses, seeds): the database's rows, overlaid with the newer rows this tab holds
 * in memory (typed but unsaved, or kept only in memory because storage failed). Never throws for
 * a storage failure; `complete` says whether the database was read.
 */
export async function collectWork(storage: Storage): Promise<SavedWork> {
	await storage.drafts.flush();
	await storage.inputs.settled();
	let stored: { drafts: DraftRow[]; progress: ProgressRow[]; inputs: InputRow[] } = {
		drafts: [],
		progress: [],
		inputs: []
	};
	let complete = storage.db !== null;
	if (storage.db) {
		const db = storage.db;
		try {
			const [drafts, progress, inputs] = await db.transaction(
				'r',
				db.drafts,
				db.progress,
				db.inputs,
				() => Promise.all([db.drafts.toArray(), db.progress.toArray(), db.inputs.toArray()])
			);
			stored = { drafts, progress, inputs };
		} catch {
			complete = false;
		}
	}
	const drafts = new Map(stored.drafts.map((d) => [`${d.lessonId}\u0000${d.path}`, d]));
	for (const row of storage.drafts.rows()) {
		const key = `${row.lessonId}\u0000${row.path}`;
		drafts.set(key, newer(row, drafts.get(key)));
	}
	const progress = new Map(stored.progress.map((p) => [p.lessonId, p]));
	for (const row of storage.progress.rows()) {
		progress.set(row.lessonId, newer(row, progress.get(row.lessonId)));
	}
	const inputs = new Map(stored.inputs.map((p) => [p.lessonId, p]));
	for (const row of storage.inputs.rows()) {
		inputs.set(row.lessonId, newer(row, inputs.get(row.lessonId)));
	}
	return {
		drafts: [...drafts.values()],
		progress: [...progress.values()],
		inputs: [...inputs.values()],
		complete
	};
}

/**
 * Every draft and all progress as backup text (see collectWork); works from memory alone when
 * browser storage fails.
 * @param now unix ms, stamped into the file and its name
 */
export async function exportWork(storage: Storage, now = Date.now()): Promise<ExportedWork> {
	const work = await collectWork(storage);
	const backup = createBackup(work, now);
	return {
		text: serializeBackup(backup),
		fileName: backupFileName(now),
		drafts: backup.drafts.length,
		lessons: new Set(
			[...backup.drafts, ...backup.progress, ...backup.inputs].map((r) => r.lessonId)
		).size,
		complete: work.complete
	};
}

/**
 * Imports a backup file the learner picked: saves pending edits first, validates the file, merges
 * it in one transaction (newer wins per file, the other kept as a copy) and then drops the stores'
 * in-memory copies of the lessons it touched, so pages read the merged rows.
 * @param known every workspace id a backup may name (lesson ids and playground workspaces)
 * @throws BackupError with a learner-facing message; nothing changed when it throws
 */
export async function importWork(
	storage: Storage,
	file: Blob,
	known: readonly string[],
	now = Date.now()
): Promise<ImportSummary> {
	const backup = await readBackupFile(file, { lessonIds: known, now });
	if (!storage.db) {
		throw new BackupError(
			'storage',
			'This browser does not let Chainlab store anything (no IndexedDB), so a backup cannot be imported here.'
		);
	}
	if (!(await storage.drafts.flush())) {
		throw new BackupError(
			'storage',
			'Chainlab could not save your latest edits to browser storage, so it did not import over them.'
		);
	}
	const summary = await importBackup(storage.db, backup, now);
	const touched = [
		...new Set([...backup.drafts, ...backup.progress, ...backup.inputs].map((r) => r.lessonId))
	];
	storage.drafts.forget(touched);
	await storage.progress.forget(touched);
	await storage.inputs.forget(touched);
	return summary;
}

/** Lets the browser save `text` as a file named `fileName` (a download). Browser only. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
