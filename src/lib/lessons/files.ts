/**
 * A lesson's contract files from the raw `lessons/` tree, resolved in three layers, later ones
 * winning (the Svelte tutorial's `common/` and missing `app-a` rules):
 * 1. the track's shared read-only files, `lessons/NN-track/contracts/*.ts`;
 * 2. the previous lesson's solution (same track), for every file the lesson does not have in its
 *    own `contracts/`: the whole set when the lesson has no `contracts/` folder, else the files
 *    its `solution/` changes without a starter of its own;
 * 3. the lesson's own `contracts/` starters; its `solution/` files replace the starters by name.
 * Pure functions over a map of raw files, so the catalog (build time) and the worker (fixed
 * files) share them without markdown.
 */
import { LessonFormatError } from './frontmatter.ts';

/** Raw files keyed by absolute project path: `/lessons/01-foundations/01-x/contracts/Token.ts`. */
export type RawFiles = Record<string, string>;

/** Contract texts of one lesson, keyed by lesson path (`contracts/Token.ts`). */
export type LessonTexts = {
	starter: Record<string, string>;
	solution: Record<string, string>;
	/** lesson paths that come from the track's shared folder unchanged (read-only) */
	shared: string[];
};

const LESSON_PATH = /^\/lessons\/(\d\d-[a-z0-9-]+)\/(\d\d-[a-z0-9-]+)\/(.+)$/;
const TRACK_FILE = /^\/lessons\/(\d\d-[a-z0-9-]+)\/contracts\/(.+\.ts)$/;

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
 * A track's shared read-only contracts (`lessons/NN-track/contracts/X.ts`), keyed by the lesson
 * path every lesson of the track sees them at (`contracts/X.ts`).
 */
export function trackFiles(raw: RawFiles, track: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [key, text] of Object.entries(raw)) {
		const match = TRACK_FILE.exec(key);
		if (match?.[1] === track) files[`contracts/${match[2]}`] = text;
	}
	return files;
}

/** The lesson before `lessonId` in its track, if any. */
function previousLesson(raw: RawFiles, lessonId: string): string | undefined {
	const [track] = lessonId.split('/');
	return findLessonIds(raw)
		.filter((id) => id.startsWith(`${track}/`) && id < lessonId)
		.at(-1);
}

/**
 * Resolve the starter and solution texts of a lesson (layers as in the file comment).
 * @param raw every lesson file, raw
 * @param lessonId `NN-track/NN-lesson`
 * @returns starter and solution maps with the same keys (solution falls back to the starter for
 *   files only the starter has: read-only files), and which paths are the track's shared files
 * @throws LessonFormatError when a solution file has no starter here or in the previous lesson's
 *   solution, or a first lesson has no contracts
 */
export function resolveLessonTexts(raw: RawFiles, lessonId: string): LessonTexts {
	const [track] = lessonId.split('/');
	const shared = trackFiles(raw, track);
	const own = ownFiles(raw, lessonId, 'contracts');
	const changes = ownFiles(raw, lessonId, 'solution');
	const previousId = previousLesson(raw, lessonId);
	const previous = previousId ? resolveLessonTexts(raw, previousId).solution : undefined;
	let starter: Record<string, string>;
	if (Object.keys(own).length === 0) {
		if (!previous) {
			throw new LessonFormatError(
				`lessons/${lessonId}`,
				'has no contracts/ folder and no previous lesson in its track to start from'
			);
		}
		starter = { ...shared, ...previous };
	} else {
		starter = { ...shared, ...own };
		for (const path of Object.keys(changes)) {
			if (path in starter) continue;
			if (previous?.[path] === undefined) {
				throw new LessonFormatError(
					`lessons/${lessonId}/solution`,
					`${path.replace('contracts/', '')} has no starter in contracts/ nor in the previous lesson's solution`
				);
			}
			starter[path] = previous[path];
		}
	}
	const solution = { ...starter, ...changes };
	const sharedPaths = Object.keys(shared).filter(
		(path) => starter[path] === shared[path] && solution[path] === shared[path]
	);
	return { starter, solution, shared: sharedPaths.sort() };
}
