/**
 * Build the lesson catalog from raw `lessons/` files: validate frontmatter, render prose and hints,
 * pair starter and solution files. Pure (a map of raw files in, tracks and lessons out), so tests
 * can feed it small fixtures; `catalog.ts` feeds it the real tree.
 */
import type { Lesson, LessonFile, LessonMeta, Prediction, Track } from './types.ts';
import { findLessonIds, resolveLessonTexts, splitLessonPath, type RawFiles } from './files.ts';
import {
	LessonFormatError,
	LessonFrontmatter,
	type PredictionFrontmatter,
	readFrontmatter,
	TrackFrontmatter
} from './frontmatter.ts';
import { parseHints } from './hints.ts';
import { renderMarkdown } from './markdown.ts';

export type Catalog = { tracks: Track[]; lessons: Map<string, Lesson> };

/** The catalog could not be built: every problem found, each naming its file. */
export class CatalogError extends Error {
	constructor(readonly problems: string[]) {
		super(`lesson catalog has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
		this.name = 'CatalogError';
	}
}

const TRACK_INDEX = /^\/lessons\/((\d\d)-[a-z0-9-]+)\/index\.md$/;
const order = (id: string) => Number(id.split('/').at(-1)!.slice(0, 2));

function buildLesson(raw: RawFiles, id: string, key: string): Lesson {
	const file = key.slice(1);
	const { data, body } = readFrontmatter(raw[key], file, LessonFrontmatter);
	const [track, slug] = id.split('/');
	const texts = resolveLessonTexts(raw, id);
	const paths = Object.keys(texts.starter).sort();
	for (const path of [data.focus, ...data.editable]) {
		if (!paths.includes(path)) {
			throw new LessonFormatError(file, `${path} is not a lesson file (have: ${paths.join(', ')})`);
		}
	}
	for (const path of data.editable) {
		if (texts.shared.includes(path)) {
			throw new LessonFormatError(
				file,
				`${path} is a shared read-only file of the track (lessons/${track}/${path}); put a copy in this lesson's contracts/ to make it editable`
			);
		}
	}
	const files: LessonFile[] = paths.map((path) => ({
		path,
		starter: texts.starter[path],
		solution: texts.solution[path],
		editable: data.editable.includes(path)
	}));
	const hintsKey = `/lessons/${id}/hints.md`;
	const hints = hintsKey in raw ? parseHints(raw[hintsKey], hintsKey.slice(1)) : [];
	const predictions = buildPredictions(data.predictions, body, file);
	const html = renderMarkdown(body, file);
	return {
		id,
		track,
		slug,
		number: order(id),
		title: data.title,
		summary: data.summary,
		minutes: data.minutes,
		sources: data.sources,
		html,
		focus: data.focus,
		files,
		hints,
		views: data.views,
		predictions,
		predictAt: predictOffset(html)
	};
}

/** A `## Predict` or `## Predict first` heading line of a lesson body. */
const PREDICT_HEADING = /^##[ \t]+Predict\b/m;

/**
 * Where the prediction inputs go in the rendered prose: just before the `<h2>` that follows the
 * Predict section's heading (the end of the HTML when the section is last).
 */
function predictOffset(html: string): number {
	const heading = /<h2[^>]*>Predict\b/.exec(html);
	if (!heading) return html.length;
	const next = html.indexOf('<h2', heading.index + heading[0].length);
	return next < 0 ? html.length : next;
}

/**
 * Checks that a lesson's Predict section and its `predictions:` go together, and renders each
 * worked answer.
 * @throws LessonFormatError when a Predict section has no prediction, or predictions no section
 */
function buildPredictions(list: PredictionFrontmatter[], body: string, file: string): Prediction[] {
	const section = PREDICT_HEADING.test(body);
	if (section && list.length === 0) {
		throw new LessonFormatError(
			file,
			'its "## Predict" section has no prediction: add `predictions:` to the frontmatter ' +
				'(see src/lib/lessons/README.md, "Predictions")'
		);
	}
	if (!section && list.length > 0) {
		throw new LessonFormatError(
			file,
			'has `predictions:` but no "## Predict" section for the learner to read them in'
		);
	}
	return list.map(({ explanation, ...p }) => ({
		...p,
		explanationHtml: renderMarkdown(explanation, `${file} (prediction ${p.id})`)
	}));
}

const meta = (lesson: Lesson): LessonMeta => ({
	id: lesson.id,
	track: lesson.track,
	slug: lesson.slug,
	number: lesson.number,
	title: lesson.title,
	summary: lesson.summary,
	minutes: lesson.minutes,
	sources: lesson.sources
});

/**
 * Build tracks and lessons from raw files keyed by project path (`/lessons/...`).
 * @throws CatalogError listing every bad file (frontmatter, math, hints, missing files)
 */
export function buildCatalog(raw: RawFiles): Catalog {
	const problems: string[] = [];
	const lessons = new Map<string, Lesson>();
	const lessonKeys = Object.keys(raw)
		.filter((key) => splitLessonPath(key)?.path === 'index.md')
		.sort();
	for (const key of lessonKeys) {
		const id = splitLessonPath(key)!.lessonId;
		try {
			lessons.set(id, buildLesson(raw, id, key));
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}
	const tracks: Track[] = [];
	for (const key of Object.keys(raw).sort()) {
		const match = TRACK_INDEX.exec(key);
		if (!match) continue;
		try {
			const { data, body } = readFrontmatter(raw[key], key.slice(1), TrackFrontmatter);
			tracks.push({
				id: match[1],
				number: Number(match[2]),
				title: data.title,
				summary: data.summary,
				html: renderMarkdown(body, key.slice(1)),
				lessons: [...lessons.values()].filter((l) => l.track === match[1]).map(meta)
			});
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}
	for (const id of findLessonIds(raw)) {
		if (!lessonKeys.includes(`/lessons/${id}/index.md`)) {
			problems.push(`lessons/${id}/index.md is missing`);
		}
		const track = id.split('/')[0];
		if (!tracks.some((t) => t.id === track)) {
			problems.push(`lessons/${track}/index.md is missing (track of ${id})`);
		}
	}
	if (problems.length) throw new CatalogError([...new Set(problems)]);
	return { tracks, lessons };
}
