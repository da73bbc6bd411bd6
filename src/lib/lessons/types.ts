/**
 * The lesson catalog's shapes: what the build-time loader produces from `lessons/` and what the
 * pages render. See LESSONS.md for the on-disk format.
 */

/** One file of a lesson: a starter the learner edits, or a fixed file they only read. */
export type LessonFile = {
	/** path inside the lesson, e.g. `contracts/LendingPool.ts` */
	path: string;
	/** starter text */
	starter: string;
	/** reference solution text (same as starter for read-only files) */
	solution: string;
	editable: boolean;
};

/** A layered hint set for one check: index 0 is a nudge, then the concept, then nearly the answer. */
export type HintSet = { checkId: string; layers: string[] };

export type LessonMeta = {
	/** `NN-track/NN-lesson`, e.g. `02-lending/03-liquidation-call` */
	id: string;
	track: string;
	slug: string;
	/** position in its track, 1-based */
	number: number;
	title: string;
	summary: string;
	minutes: number;
	sources: string[];
};

export type Lesson = LessonMeta & {
	/** prose as HTML (markdown and KaTeX rendered at build time) */
	html: string;
	focus: string;
	files: LessonFile[];
	hints: HintSet[];
	/** view ids the lesson page shows, e.g. ['price', 'health', 'liquidation', 'receipts'] */
	views: string[];
};

export type Track = {
	/** `NN-slug`, e.g. `02-lending` */
	id: string;
	number: number;
	title: string;
	summary: string;
	/** intro as HTML */
	html: string;
	lessons: LessonMeta[];
};
