/**
 * A lesson's contract files from the raw `lessons/` tree: starters under `contracts/`, solutions
 * under `solution/` paired by name. A lesson without `contracts/` starts from the previous lesson's
 * solution (the Svelte tutorial's rule for a missing `app-a`). Pure functions over a map of raw
 * files, so the catalog (build time) and the worker (fixed files) share them without markdown.
 */
import { LessonFormatError } from './frontmatter.ts';

/** Raw files keyed by absolute project path: `/lessons/01-foundations/01-x/contracts/Token.ts`. */
export type RawFiles = Record<string, string>;

/** Contract texts of one lesson, keyed by lesson path (`contracts/Token.ts`). */
export type LessonTexts = { starter: Record<string, string>; solution: Record<string, string> };

const LESSON_PATH = /^\/lessons\/(\d\d-[a-z0-9-]+)\/(\d\d-[a-z0-9-]+)\/(.+)$/;

/** Split a raw key into lesson id and the path inside the lesson; undefined for track files. */
export function splitLessonPath(key: string): { lessonId: string; path: string } | undefined {
	const match = LESSON_PATH.exec(key);
	return match ? { lessonId: `${match[1]}/${match[2]}`, path: match[3] } : undefined;
}

/** Lesson ids found in the raw files (any file inside a lesson folder), sorted. */
export function findLessonIds(raw: RawFiles): string[] {
	const ids = new Set<string>();
	for (const key of Object.keys(raw)) {
		const split = splitLessonPath(key);
		if (split) ids.add(split.lessonId);
	}
	return [...ids].sort();
}

function ownFiles(raw: RawFiles, lessonId: string, folder: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [key, text] of Object.entries(raw)) {
		const split = splitLessonPath(key);
		if (split?.lessonId === lessonId && split.path.startsWith(`${folder}/`)) {
			files[`contracts/${split.path.slice(folder.length + 1)}`] = text;
		}
	}
	return files;
}

/**
 * Resolve the starter and solution texts of a lesson.
 * @param raw every lesson file, raw
 * @param lessonId `NN-track/NN-lesson`
 * @returns starter and solution maps with the same keys (solution falls back to the starter for
 *   files only the starter has: read-only files)
 * @throws LessonFormatError when a solution file has no starter, or a first lesson has no contracts
 */
export function resolveLessonTexts(raw: RawFiles, lessonId: string): LessonTexts {
	const file = `lessons/${lessonId}/solution`;
	let starter = ownFiles(raw, lessonId, 'contracts');
	const own = ownFiles(raw, lessonId, 'solution');
	if (Object.keys(starter).length === 0) {
		const [track] = lessonId.split('/');
		const previous = findLessonIds(raw)
			.filter((id) => id.startsWith(`${track}/`) && id < lessonId)
			.at(-1);
		if (!previous) {
			throw new LessonFormatError(
				`lessons/${lessonId}`,
				'has no contracts/ folder and no previous lesson in its track to start from'
			);
		}
		starter = resolveLessonTexts(raw, previous).solution;
	}
	for (const path of Object.keys(own)) {
		if (!(path in starter)) {
			throw new LessonFormatError(
				file,
				`${path.replace('contracts/', '')} has no starter in contracts/`
			);
		}
	}
	return { starter, solution: { ...starter, ...own } };
}
