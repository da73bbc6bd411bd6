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

/**
 * A prediction the learner commits to before the run (frontmatter `predictions:`, see
 * src/lib/lessons/README.md). The worked answer (`explanationHtml`) is shown only after a Run,
 * beside the learner's guess.
 */
export type Prediction = {
	/** kebab-case, unique in the lesson; the key of the saved guess */
	id: string;
	/** the question, plain text */
	prompt: string;
	/** the worked answer, markdown rendered to HTML at build time */
	explanationHtml: string;
} & (
	| {
			kind: 'number';
			/** unit shown after the input and the answer ("DAI", "USD") */
			unit?: string;
			/** the answer; absent when it comes from the run (`fromRun`) */
			answer?: number;
			/** label of the run summary row whose figure is the answer (seeded runs differ) */
			fromRun?: string;
			/** a guess within ±tolerance of the answer counts as right (same unit; 0: exact) */
			tolerance: number;
	  }
	| { kind: 'choice'; choices: string[]; answer: string }
);

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
	/** the predictions of the lesson's Predict section (empty when it has none) */
	predictions: Prediction[];
	/** offset in `html` where the prediction inputs go: the end of the Predict section */
	predictAt: number;
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
