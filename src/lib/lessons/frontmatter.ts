/**
 * Frontmatter of lesson and track `index.md` files: split the YAML block from the body, parse it
 * with `yaml` and validate it with valibot. Every error names the file and the field.
 */
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { VIEW_IDS, isViewId } from '#lib/model/views.ts';

/** A lesson content error, located in its file (`lessons/01-foundations/index.md`). */
export class LessonFormatError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(`${file}: ${message}`);
		this.name = 'LessonFormatError';
	}
}

const expected = (field: string, what: string) => `${field} must be ${what}`;

const text = (field: string) =>
	v.pipe(v.string(expected(field, 'text')), v.trim(), v.nonEmpty(`${field} must not be empty`));

/** Track `index.md`: `title`, `summary`. */
export const TrackFrontmatter = v.object({ title: text('title'), summary: text('summary') });

const PREDICTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const predictionCommon = {
	id: v.pipe(
		v.string(expected('id', 'text')),
		v.regex(PREDICTION_ID, 'id must be kebab-case (a-z, 0-9, -), at most 64 characters')
	),
	prompt: text('prompt'),
	explanation: text('explanation')
};

/** A guess that is a number: `answer` (or `fromRun`, a summary row's label), `unit`, `tolerance`. */
const NumberPrediction = v.pipe(
	v.strictObject(
		{
			...predictionCommon,
			kind: v.literal('number'),
			unit: v.optional(text('unit')),
			answer: v.optional(v.pipe(v.number(expected('answer', 'a number')), v.finite())),
			fromRun: v.optional(text('fromRun')),
			tolerance: v.optional(
				v.pipe(
					v.number(expected('tolerance', 'a number')),
					v.minValue(0, 'tolerance must not be negative')
				),
				0
			)
		},
		'a number prediction has only id, prompt, kind, unit, answer or fromRun, tolerance and explanation'
	),
	v.check(
		(p) => (p.answer === undefined) !== (p.fromRun === undefined),
		'a number prediction needs exactly one of answer (a number) and fromRun (a summary label)'
	)
);

/** A guess that is one of `choices`; `answer` is one of them. */
const ChoicePrediction = v.pipe(
	v.strictObject(
		{
			...predictionCommon,
			kind: v.literal('choice'),
			choices: v.pipe(
				v.array(text('each choice'), expected('choices', 'a list')),
				v.minLength(2, 'choices must list at least two'),
				v.check((c) => new Set(c).size === c.length, 'choices must differ')
			),
			answer: text('answer')
		},
		'a choice prediction has only id, prompt, kind, choices, answer and explanation'
	),
	v.check((p) => p.choices.includes(p.answer), 'answer must be one of the choices')
);

/** One prediction of a lesson's `predictions:` list (see README.md, "Predictions"). */
export const PredictionFrontmatter = v.variant(
	'kind',
	[NumberPrediction, ChoicePrediction],
	'kind must be number or choice'
);

/** Lesson `index.md`: the fields LESSONS.md lists, plus `views` and `predictions`. */
export const LessonFrontmatter = v.object({
	title: text('title'),
	summary: text('summary'),
	focus: text('focus'),
	editable: v.array(text('each editable path'), expected('editable', 'a list of file paths')),
	minutes: v.pipe(
		v.number(expected('minutes', 'a number')),
		v.integer('minutes must be a whole number'),
		v.minValue(1, 'minutes must be at least 1'),
		v.maxValue(60, 'minutes must be at most 60')
	),
	sources: v.array(text('each source'), expected('sources', 'a list (use [] when there are none)')),
	views: v.pipe(
		v.array(
			v.pipe(
				text('each view id'),
				v.check(
					(id: string) => isViewId(id),
					(issue) =>
						`unknown view id "${String(issue.input)}" (known views: ${VIEW_IDS.join(', ')})`
				)
			),
			expected('views', 'a list of view ids')
		),
		v.minLength(1, 'views must name at least one view')
	),
	predictions: v.optional(
		v.pipe(
			v.array(PredictionFrontmatter, expected('predictions', 'a list')),
			v.check(
				(list) => new Set(list.map((p) => p.id)).size === list.length,
				'predictions must have different ids'
			)
		),
		[]
	)
});

export type TrackFrontmatter = v.InferOutput<typeof TrackFrontmatter>;
export type LessonFrontmatter = v.InferOutput<typeof LessonFrontmatter>;
export type PredictionFrontmatter = v.InferOutput<typeof PredictionFrontmatter>;

/**
 * Split `---\n<yaml>\n---\n<body>` into its parts.
 * @throws LessonFormatError when the file has no frontmatter block or the YAML does not parse
 */
export function splitFrontmatter(source: string, file: string): { data: unknown; body: string } {
	const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
	if (!match) throw new LessonFormatError(file, 'must start with a `---` frontmatter block');
	try {
		return { data: parseYaml(match[1]), body: source.slice(match[0].length) };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new LessonFormatError(file, `frontmatter is not valid YAML: ${message}`);
	}
}

/**
 * Parse and validate a frontmatter block against a schema.
 * @returns the typed data and the markdown body
 * @throws LessonFormatError listing every invalid field, e.g. `minutes: minutes must be a number`
 */
export function readFrontmatter<S extends v.GenericSchema>(
	source: string,
	file: string,
	schema: S
): { data: v.InferOutput<S>; body: string } {
	const { data, body } = splitFrontmatter(source, file);
	const result = v.safeParse(schema, data ?? {});
	if (!result.success) {
		const problems = result.issues.map((issue) => {
			const key = v.getDotPath(issue);
			if (key && issue.input === undefined) return `${key}: ${key} is missing`;
			return key ? `${key}: ${issue.message}` : issue.message;
		});
		throw new LessonFormatError(file, `invalid frontmatter: ${problems.join('; ')}`);
	}
	return { data: result.output, body };
}
