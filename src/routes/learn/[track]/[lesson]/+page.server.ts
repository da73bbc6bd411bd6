import { error } from '@sveltejs/kit';
import { getLesson, lessonIds, tracks } from '#lib/lessons/catalog.ts';
import type { PageServerLoad } from './$types';

/** Every lesson is prerendered: one entry per lesson id (`track/lesson`). */
export function entries(): { track: string; lesson: string }[] {
	return lessonIds.map((id) => {
		const [track, lesson] = id.split('/');
		return { track, lesson };
	});
}

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(`${params.track}/${params.lesson}`);
	const track = tracks.find((t) => t.id === params.track);
	if (!lesson || !track) error(404, `There is no lesson ${params.track}/${params.lesson}.`);
	const index = track.lessons.findIndex((l) => l.id === lesson.id);
	return {
		lesson,
		track: { id: track.id, title: track.title, count: track.lessons.length },
		prev: track.lessons[index - 1] ?? null,
		next: track.lessons[index + 1] ?? null
	};
};
