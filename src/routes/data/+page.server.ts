import { lessonIds, tracks } from '#lib/lessons/catalog.ts';
import { WORKSPACE_IDS } from '#lib/playground/workspaces.ts';
import type { PageServerLoad } from './$types';

// lesson titles and ids at build time: the page names lessons and validates imports against them
export const load: PageServerLoad = () => ({
	known: [...lessonIds, ...WORKSPACE_IDS],
	titles: Object.fromEntries([
		...tracks.flatMap((t) => t.lessons.map((l) => [l.id, `${t.title}: ${l.title}`])),
		...WORKSPACE_IDS.map((id) => [id, `Playground: ${id.split('/')[1].replace('-', ' ')}`])
	]) as Record<string, string>
});
