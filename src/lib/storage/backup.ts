/**
 * Backup files: every draft and all progress in one versioned JSON file, and a careful import.
 *
 * File: `{ format: 'chainlab-backup', version: 4, exportedAt: ISO-8601, drafts: DraftRow[],
 * progress: ProgressRow[], inputs: InputRow[] }` (timestamps in unix milliseconds; `inputs` holds
 * each lesson's prediction guesses and seed; a draft may carry `starter`, the starter hash it was
 * written against). Version 3 files, whose drafts have no `starter`, version 2 files, which also
 * have no `inputs`, and version 1 files, whose progress rows also have no `solvedAt`, are still
 * read. Version 4 exists so that a Chainlab older than the `starter` field says "made by a newer
 * Chainlab" instead of calling the file damaged. Import = parseBackup (size cap, JSON,
 * forbidden keys, format, version, valibot schema, duplicates, known lessons; any failure is a
 * BackupError and nothing changes) then planImport, a pure merge that never overwrites silently:
 * per file the newer text wins and the other is kept as a copy beside it, at
 * `<path> (imported copy YYYY-MM-DD HH:MM)` when the file's text loses, or
 * `<path> (copy before import YYYY-MM-DD HH:MM)` when the learner's text loses (UTC import time).
 * Copies are ordinary drafts of the lesson (copies.ts); `isCopyPath` tells them apart from lesson
 * files.
 */
import * as v from 'valibot';
import { baseOf, COPY_SUFFIX, copyPath, isCopyPath, type CopyLabel } from './copies.ts';
import type { ChainlabDb, DraftRow, InputRow, ProgressRow } from './db.ts';
import { STARTER_HASH } from './starter.ts';

export { isCopyPath };

export const BACKUP_FORMAT = 'chainlab-backup';
export const BACKUP_VERSION = 4;
/** Every format version this build reads. */
const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** Largest backup file accepted, in bytes of text. */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;
const DAY_MS = 86_400_000;

export type Backup = {
	format: typeof BACKUP_FORMAT;
	version: 1 | 2 | 3 | 4;
	exportedAt: string;
	drafts: DraftRow[];
	progress: ProgressRow[];
	/** prediction guesses and seeds (empty when read from a version 1 or 2 file) */
	inputs: InputRow[];
};

export type BackupErrorCode =
	| 'too-large'
	| 'not-json'
	| 'format'
	| 'version'
	| 'invalid'
	| 'duplicate'
	| 'unknown-lesson'
	| 'storage';

/** Why a backup could not be read or applied; `message` is for the learner. */
export class BackupError extends Error {
	override name = 'BackupError';
	constructor(
		readonly code: BackupErrorCode,
		message: string
	) {
		super(`${message} Nothing was imported.`);
	}
}

/** A short quoted excerpt of untrusted text: one line, no markup, at most `max` characters. */
function quote(value: unknown, max = 40): string {
	const text = String(value)
		.replace(/\p{Cc}/gu, ' ')
		.replaceAll('<', '‹')
		.replaceAll('>', '›');
	return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}$/;
const FILE = /(?!\.\.?(?:\/|$| \())[A-Za-z0-9_.-]+/.source;
/** A lesson file path, optionally followed by copy suffixes. */
const DRAFT_PATH = new RegExp(`^${FILE}(?:/${FILE}){0,7}(?:${COPY_SUFFIX.source}){0,16}$`);
const CHECK_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

const time = (what: string) =>
	v.pipe(
		v.number(`${what} is not a number`),
		v.integer(`${what} is not a whole number of milliseconds`),
		v.minValue(0, `${what} is before 1970`)
	);
const plainObject = v.custom<Record<string, unknown>>(
	(x) => typeof x === 'object' && x !== null && !Array.isArray(x),
	'not a map of names to values'
);

const draftSchema = v.strictObject({
	lessonId: v.pipe(v.string(), v.regex(LESSON_ID, 'not a lesson id')),
	path: v.pipe(
		v.string(),
		v.maxLength(400, 'path too long'),
		v.regex(DRAFT_PATH, 'not a file path')
	),
	text: v.pipe(v.string(), v.maxLength(1024 * 1024, 'file text longer than 1 MB')),
	updatedAt: time('the edit time'),
	starter: v.optional(
		v.pipe(
			v.string('the record of which starter code a draft was written for is not text'),
			v.regex(
				STARTER_HASH,
				'the record of which starter code a draft was written for is not a starter hash (64 hex digits)'
			)
		)
	)
});

const progressSchema = v.strictObject({
	lessonId: v.pipe(v.string(), v.regex(LESSON_ID, 'not a lesson id')),
	status: v.picklist(['not-started', 'in-progress', 'solved'], 'unknown status'),
	checksPassed: v.pipe(
		v.array(v.pipe(v.string(), v.regex(CHECK_ID, 'not a check id'))),
		v.maxLength(200, 'too many checks'),
		v.check((ids) => new Set(ids).size === ids.length, 'a check is listed twice')
	),
	hintsRevealed: v.pipe(
		plainObject,
		v.record(
			v.pipe(v.string(), v.regex(CHECK_ID, 'not a check id')),
			v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))
		)
	),
	solutionShown: v.boolean(),
	updatedAt: time('the progress time'),
	solvedAt: v.optional(time('the time it was solved'))
});

const PREDICTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const inputSchema = v.strictObject({
	lessonId: v.pipe(v.string(), v.regex(LESSON_ID, 'not a lesson id')),
	predictions: v.pipe(
		plainObject,
		v.record(
			v.pipe(v.string(), v.regex(PREDICTION_ID, 'not a prediction id')),
			v.pipe(v.string(), v.maxLength(200, 'a guess longer than 200 characters'))
		),
		v.check((p) => Object.keys(p).length <= 100, 'too many predictions')
	),
	seed: v.optional(
		v.pipe(
			v.number('the seed is not a number'),
			v.integer('the seed is not a whole number'),
			v.minValue(0, 'the seed is negative'),
			v.maxValue(0xffffffff, 'the seed is too large')
		)
	),
	updatedAt: time('the time of the guesses')
});

const backupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.picklist([1, 2, 3, 4]),
	exportedAt: v.pipe(v.string(), v.isoTimestamp('the export time is not a date')),
	drafts: v.pipe(v.array(draftSchema), v.maxLength(10_000, 'too many drafts')),
	progress: v.pipe(v.array(progressSchema), v.maxLength(5_000, 'too many lessons')),
	inputs: v.optional(v.pipe(v.array(inputSchema), v.maxLength(5_000, 'too many lessons')), [])
});

/** A valibot issue in plain words (our own messages as they are, valibot's defaults rephrased). */
function describeIssue(issue: v.BaseIssue<unknown>): string {
	if (!issue.message.startsWith('Invalid ')) return issue.message;
	if (issue.type === 'strict_object') return 'a field Chainlab does not know';
	if (issue.input === undefined) return 'a required field is missing';
	if (issue.kind === 'schema') return `a value of the wrong kind (expected ${issue.expected})`;
	return 'a value out of range';
}

/** Reading rules: the lessons this build has, and the clock (unix ms) to catch future times. */
export type ParseOptions = { lessonIds: readonly string[]; now?: number };

/**
 * Reads and validates a backup file's text. Pure: it changes nothing.
 * @throws BackupError ('too-large' | 'not-json' | 'format' | 'version' | 'invalid' | 'duplicate' |
 *   'unknown-lesson') with a learner-facing message ending "Nothing was imported."
 */
export function parseBackup(text: string, options: ParseOptions): Backup {
	if (text.length > MAX_BACKUP_BYTES) {
		throw new BackupError(
			'too-large',
			`This file is too large to be a Chainlab backup (${Math.ceil(text.length / 1048576)} MB; the limit is 8 MB).`
		);
	}
	let data: unknown;
	try {
		data = JSON.parse(text, (key, value) => {
			if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
				throw new BackupError(
					'invalid',
					`This backup contains the name ${quote(key)}, which Chainlab refuses for safety.`
				);
			}
			return value;
		});
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError('not-json', 'This file is not a Chainlab backup: it is not JSON text.');
	}
	const tag = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	if (tag.format !== BACKUP_FORMAT) {
		throw new BackupError(
			'format',
			`This file is not a Chainlab backup (it lacks the format mark "${BACKUP_FORMAT}").`
		);
	}
	if (typeof tag.version !== 'number' || !READABLE_VERSIONS.includes(tag.version)) {
		throw new BackupError(
			'version',
			typeof tag.version === 'number' && tag.version > BACKUP_VERSION
				? `This backup was made by a newer Chainlab (format version ${tag.version}). Reload Chainlab to update it, then import again.`
				: `This backup has a format version Chainlab does not read (${quote(tag.version)}).`
		);
	}
	const result = v.safeParse(backupSchema, data);
	if (!result.success) {
		const issue = result.issues[0];
		const where = v.getDotPath(issue);
		throw new BackupError(
			'invalid',
			`This backup is damaged: ${describeIssue(issue)}${where ? ` at ${quote(where, 60)}` : ''}.`
		);
	}
	const backup = result.output as Backup;
	if (backup.version < 3 && result.output.inputs.length > 0) {
		throw new BackupError(
			'invalid',
			`This backup is damaged: format version ${backup.version} has no predictions or seeds, yet it lists some.`
		);
	}
	if (backup.version < 4 && backup.drafts.some((d) => d.starter !== undefined)) {
		throw new BackupError(
			'invalid',
			`This backup is damaged: format version ${backup.version} does not record which starter code a draft was written for, yet it does.`
		);
	}
	checkContent(backup, options);
	return backup;
}

function checkContent(backup: Backup, options: ParseOptions): void {
	// every field that holds a time: exportedAt, each row's updatedAt (drafts, progress, inputs) and solvedAt
	const latest = (options.now ?? Date.now()) + DAY_MS;
	if (Date.parse(backup.exportedAt) > latest)
		throw new BackupError(
			'invalid',
			'This backup says it was exported in the future; its clock is wrong or the file was altered.'
		);
	const rows = [...backup.drafts, ...backup.progress, ...backup.inputs];
	const future = rows.find(
		(r) => r.updatedAt > latest || ('solvedAt' in r && (r.solvedAt ?? 0) > latest)
	);
	if (future) {
		throw new BackupError(
			'invalid',
			`This backup has a time in the future for lesson ${quote(future.lessonId)}; its clock is wrong or the file was altered.`
		);
	}
	const seen = new Set<string>();
	for (const d of backup.drafts) {
		const key = `${d.lessonId}\u0000${d.path}`;
		if (seen.has(key)) {
			throw new BackupError(
				'duplicate',
				`This backup lists the file ${quote(d.path)} of lesson ${quote(d.lessonId)} twice.`
			);
		}
		seen.add(key);
	}
	seen.clear();
	for (const p of backup.progress) {
		if (seen.has(p.lessonId)) {
			throw new BackupError(
				'duplicate',
				`This backup lists the progress of lesson ${quote(p.lessonId)} twice.`
			);
		}
		seen.add(p.lessonId);
	}
	seen.clear();
	for (const p of backup.inputs) {
		if (seen.has(p.lessonId)) {
			throw new BackupError(
				'duplicate',
				`This backup lists the predictions and seed of lesson ${quote(p.lessonId)} twice.`
			);
		}
		seen.add(p.lessonId);
	}
	const known = new Set(options.lessonIds);
	const unknown = [...new Set(rows.map((r) => r.lessonId).filter((id) => !known.has(id)))];
	if (unknown.length > 0) {
		const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
		throw new BackupError(
			'unknown-lesson',
			`This backup has work for lessons this version of Chainlab does not have: ${unknown
				.slice(0, 3)
				.map((id) => quote(id))
				.join(', ')}${more}.`
		);
	}
}

/**
 * Reads a backup from a file the learner picked, refusing oversized files before reading them.
 * @throws BackupError as parseBackup
 */
export async function readBackupFile(file: Blob, options: ParseOptions): Promise<Backup> {
	if (file.size > MAX_BACKUP_BYTES) {
		throw new BackupError(
			'too-large',
			`This file is too large to be a Chainlab backup (${Math.ceil(file.size / 1048576)} MB; the limit is 8 MB).`
		);
	}
	return parseBackup(await file.text(), options);
}

/** A backup of the given rows (copied), stamped with `now` (unix ms). */
export function createBackup(
	data: { drafts: DraftRow[]; progress: ProgressRow[]; inputs?: InputRow[] },
	now = Date.now()
): Backup {
	const byKey =
		<T>(key: (row: T) => string) =>
		(a: T, b: T) =>
			key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date(now).toISOString(),
		drafts: structuredClone(data.drafts).sort(byKey((d) => `${d.lessonId}\u0000${d.path}`)),
		progress: structuredClone(data.progress).sort(byKey((p) => p.lessonId)),
		inputs: structuredClone(data.inputs ?? []).sort(byKey((p) => p.lessonId))
	};
}

/** The file text of a backup (tab-indented JSON, readable in any editor). */
export function serializeBackup(backup: Backup): string {
	return `${JSON.stringify(backup, null, '\t')}\n`;
}

/** A file name like `chainlab-backup-2025-03-12.json` (UTC date). */
export function backupFileName(now = Date.now()): string {
	return `chainlab-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * The backup text of everything in the database. Flush the draft store first
 * (`await storage.drafts.flush()`) so the last keystrokes are in it.
 * @throws BackupError 'storage' when the database cannot be read
 */
export async function exportBackup(db: ChainlabDb, now = Date.now()): Promise<string> {
	try {
		const [drafts, progress, inputs] = await db.transaction(
			'r',
			db.drafts,
			db.progress,
			db.inputs,
			() => Promise.all([db.drafts.toArray(), db.progress.toArray(), db.inputs.toArray()])
		);
		return serializeBackup(createBackup({ drafts, progress, inputs }, now));
	} catch (error) {
		throw storageError(error, 'read your work from browser storage');
	}
}

function storageError(error: unknown, doing: string): BackupError {
	const name = (error as { name?: string } | null)?.name;
	return new BackupError('storage', `Chainlab could not ${doing}${name ? ` (${name})` : ''}.`);
}

/** What an import did, for the learner's message. */
export type ImportSummary = {
	/** files that were new here */
	added: number;
	/** files whose text here was replaced by the file's newer text (the old text kept as a copy) */
	replaced: number;
	/** files whose text in the backup was older (kept as an imported copy) */
	keptAsCopies: number;
	/** files already identical here (or already kept as a copy) */
	unchanged: number;
	/** lessons whose progress changed */
	progressUpdated: number;
	/** lessons whose prediction guesses or seed changed */
	inputsUpdated: number;
	/** paths of the copies made, as `lessonId: path` */
	copies: string[];
};

/** The rows to write (put) for an import, and its summary. */
export type ImportPlan = {
	drafts: DraftRow[];
	progress: ProgressRow[];
	inputs: InputRow[];
	summary: ImportSummary;
};

const RANK = { 'not-started': 0, 'in-progress': 1, solved: 2 } as const;

function mergeProgress(here: ProgressRow, there: ProgressRow): ProgressRow {
	const hints: Record<string, number> = { ...here.hintsRevealed };
	for (const [id, n] of Object.entries(there.hintsRevealed))
		hints[id] = Math.max(hints[id] ?? 0, n);
	const newer = there.updatedAt > here.updatedAt ? there : here;
	const solved = [here.solvedAt, there.solvedAt].filter((t): t is number => t !== undefined);
	const merged: ProgressRow = {
		lessonId: here.lessonId,
		status: RANK[there.status] > RANK[here.status] ? there.status : here.status,
		checksPassed: [...newer.checksPassed],
		hintsRevealed: hints,
		solutionShown: here.solutionShown || there.solutionShown,
		updatedAt: Math.max(here.updatedAt, there.updatedAt)
	};
	if (solved.length > 0) merged.solvedAt = Math.min(...solved);
	return merged;
}

/**
 * Merges a lesson's inputs: every guess of either row, the newer row's guess where both have one;
 * the newer row's seed, else the other's.
 */
function mergeInputs(here: InputRow, there: InputRow): InputRow {
	const [older, newer] = there.updatedAt > here.updatedAt ? [here, there] : [there, here];
	const merged: InputRow = {
		lessonId: here.lessonId,
		predictions: { ...older.predictions, ...newer.predictions },
		updatedAt: newer.updatedAt
	};
	const seed = newer.seed ?? older.seed;
	if (seed !== undefined) merged.seed = seed;
	return merged;
}

/**
 * Plans the merge of a backup into the current rows. Pure; never overwrites silently.
 * Drafts, per (lessonId, path): new -> added; same text -> unchanged; the backup's text is newer
 * (updatedAt greater) -> it replaces ours and ours is kept at `(copy before import …)`; otherwise
 * (ours newer or same time) ours stays and the backup's is kept at `(imported copy …)`, unless
 * that text is already kept for this file (the same backup imported twice makes no new copy).
 * Copies keep their original updatedAt.
 * Progress, per lesson: status and hints only go up, solutionShown is kept if either has it,
 * checksPassed comes from the newer row.
 * Inputs, per lesson: guesses of both are kept, the newer row's where both guessed the same
 * prediction; the newer row's seed.
 * @param now unix ms of the import, used in copy names (UTC)
 */
export function planImport(
	current: { drafts: DraftRow[]; progress: ProgressRow[]; inputs?: InputRow[] },
	incoming: Pick<Backup, 'drafts' | 'progress'> & { inputs?: InputRow[] },
	now: number
): ImportPlan {
	const summary: ImportSummary = {
		added: 0,
		replaced: 0,
		keptAsCopies: 0,
		unchanged: 0,
		progressUpdated: 0,
		inputsUpdated: 0,
		copies: []
	};
	const drafts: DraftRow[] = [];
	const key = (lessonId: string, path: string) => `${lessonId}\u0000${path}`;
	const here = new Map(current.drafts.map((d) => [key(d.lessonId, d.path), d]));
	// every path in use, ours and the backup's, so a new copy never lands on one
	const taken = new Set(
		[...current.drafts, ...incoming.drafts].map((d) => key(d.lessonId, d.path))
	);
	// texts already kept in copies of each lesson file, so the same text is never copied twice
	const kept = new Map<string, Set<string>>();
	const keptOf = (d: DraftRow) => {
		const k = key(d.lessonId, baseOf(d.path));
		if (!kept.has(k)) kept.set(k, new Set());
		return kept.get(k) as Set<string>;
	};
	for (const d of current.drafts) if (isCopyPath(d.path)) keptOf(d).add(d.text);
	/** Keeps `row` beside its file under a free copy name; false if that text is already kept. */
	const keepCopy = (row: DraftRow, label: CopyLabel): boolean => {
		if (keptOf(row).has(row.text)) return false;
		const path = copyPath(row.path, label, now, (p) => taken.has(key(row.lessonId, p)));
		taken.add(key(row.lessonId, path));
		keptOf(row).add(row.text);
		drafts.push({ ...row, path });
		summary.copies.push(`${row.lessonId}: ${path}`);
		return true;
	};
	for (const d of incoming.drafts) {
		const ours = here.get(key(d.lessonId, d.path));
		if (!ours) {
			drafts.push({ ...d });
			if (isCopyPath(d.path)) keptOf(d).add(d.text);
			summary.added++;
		} else if (ours.text === d.text) {
			summary.unchanged++;
		} else if (d.updatedAt > ours.updatedAt) {
			drafts.push({ ...d });
			keepCopy(ours, 'copy before import');
			summary.replaced++;
		} else if (keepCopy(d, 'imported copy')) {
			summary.keptAsCopies++;
		} else {
			summary.unchanged++;
		}
	}
	const progress: ProgressRow[] = [];
	const ownProgress = new Map(current.progress.map((p) => [p.lessonId, p]));
	for (const p of incoming.progress) {
		const ours = ownProgress.get(p.lessonId);
		const merged = ours ? mergeProgress(ours, p) : structuredClone(p);
		if (!ours || JSON.stringify(merged) !== JSON.stringify(ours)) {
			progress.push(merged);
			summary.progressUpdated++;
		}
	}
	const inputs: InputRow[] = [];
	const ownInputs = new Map((current.inputs ?? []).map((p) => [p.lessonId, p]));
	for (const p of incoming.inputs ?? []) {
		const ours = ownInputs.get(p.lessonId);
		const merged = ours ? mergeInputs(ours, p) : structuredClone(p);
		if (!ours || JSON.stringify(merged) !== JSON.stringify(ours)) {
			inputs.push(merged);
			summary.inputsUpdated++;
		}
	}
	return { drafts, progress, inputs, summary };
}

/**
 * Merges a parsed backup into the database in one transaction: all of it lands, or none.
 * Afterwards the draft and progress stores' in-memory copies of the touched lessons are stale;
 * see the wiring notes (reload them, or reload the page).
 * @returns what changed, for a message to the learner
 * @throws BackupError 'storage' when writing fails (the transaction is rolled back)
 */
export async function importBackup(
	db: ChainlabDb,
	backup: Backup,
	now = Date.now()
): Promise<ImportSummary> {
	try {
		return await db.transaction('rw', db.drafts, db.progress, db.inputs, async () => {
			const current = {
				drafts: await db.drafts.toArray(),
				progress: await db.progress.toArray(),
				inputs: await db.inputs.toArray()
			};
			const plan = planImport(current, backup, now);
			await db.drafts.bulkPut(plan.drafts);
			await db.progress.bulkPut(plan.progress);
			await db.inputs.bulkPut(plan.inputs);
			return plan.summary;
		});
	} catch (error) {
		throw storageError(error, 'save the imported work to browser storage');
	}
}
