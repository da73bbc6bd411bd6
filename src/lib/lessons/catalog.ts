/**
 * The lesson catalog, built from `lessons/` at build time. Import it from `+page.server.ts` /
 * `+layout.server.ts` loads (and tests), so markdown and KaTeX never ship to the client.
 * Building throws a CatalogError naming every bad file, which fails the build loudly.
 */
import type { Lesson, Track } from './types.ts';
import { contractFiles } from './raw.ts';
import { buildCatalog } from './loader.ts';

const prose = import.meta.glob(
	['/lessons/*/index.md', '/lessons/*/*/index.md', '/lessons/*/*/hints.md'],
	{ query: '?raw', import: 'default', eager: true }
) as Record<string, string>;

const catalog = buildCatalog({ ...prose, ...contractFiles });

/** Every track in order, each with its lessons' metadata in order. */
export const tracks: Track[] = catalog.tracks;

/** Every lesson id (`NN-track/NN-lesson`) in curriculum order. */
export const lessonIds: string[] = [...catalog.lessons.keys()];

/**
 * One lesson with its rendered prose, files and hints.
 * @param id `NN-track/NN-lesson`, e.g. `01-foundations/01-first-transaction`
 * @returns the lesson, or undefined for an unknown id
 */
export function getLesson(id: string): Lesson | undefined {
	return catalog.lessons.get(id);
}
