/**
 * Kept copies of drafts: a draft saved beside a lesson file under the file's path plus a copy
 * suffix, so a text that was replaced stays retrievable (Your work lists them). Three kinds:
 * `(imported copy YYYY-MM-DD HH:MM)` and `(copy before import YYYY-MM-DD HH:MM)`, kept by a
 * backup import (backup.ts), and `(draft before new starter YYYY-MM-DD HH:MM)`, kept when the
 * learner leaves a draft written against an older starter for the new one (drafts.ts). Times are
 * UTC minutes; a second copy in the same minute gets ` #2`, ` #3`, ….
 */

export type CopyLabel = 'imported copy' | 'copy before import' | 'draft before new starter';

/** One copy suffix (the labels of CopyLabel, a UTC minute, an optional ` #n`). */
export const COPY_SUFFIX =
	/ \((?:imported copy|copy before import|draft before new starter) \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?: #\d{1,4})?\)/;

/** Is this draft path a kept copy (not a lesson file)? */
export function isCopyPath(path: string): boolean {
	return COPY_SUFFIX.test(path);
}

/** A lesson file's path with any copy suffixes removed. */
export function baseOf(path: string): string {
	return path.replace(new RegExp(`(?:${COPY_SUFFIX.source})+$`), '');
}

/**
 * A free path for a copy of `path`: `<path> (<label> YYYY-MM-DD HH:MM)`, numbered ` #2`, ` #3`, …
 * while `taken` says the name is in use.
 * @param now unix ms (its UTC minute goes in the name)
 */
export function copyPath(
	path: string,
	label: CopyLabel,
	now: number,
	taken: (path: string) => boolean
): string {
	const stamp = new Date(now).toISOString().slice(0, 16).replace('T', ' ');
	let out = `${path} (${label} ${stamp})`;
	for (let n = 2; taken(out); n++) out = `${path} (${label} ${stamp} #${n})`;
	return out;
}
