// Issue 7, item 6: the prediction format (frontmatter `predictions:`), the validator that ties it
// to the Predict section, judging a guess, and the real lessons converted to it.
import { describe, expect, test } from 'vitest';
import { buildCatalog, CatalogError } from '#lib/lessons/loader.ts';
import { getLesson, lessonIds } from '#lib/lessons/catalog.ts';
import { answerText, judge, numberAnswer, parseGuess } from '#lib/lessons/predictions.ts';
import type { Prediction } from '#lib/lessons/types.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const lessonIndex = (predictions: string, body: string) => `---
title: Lesson
summary: A lesson.
focus: contracts/A.ts
editable: [contracts/A.ts]
minutes: 5
sources: []
views: [receipts]
${predictions}---

${body}
`;

const PREDICT_BODY = 'Intro.\n\n## Predict\n\nHow much?\n\n## Run\n\nRun it.\n';
const NUMBER = `predictions:
  - id: how-much
    kind: number
    prompt: How much DAI?
    unit: DAI
    answer: 3000
    tolerance: 10
    explanation: Half of **6,000**, $x$.
`;

function build(index: string) {
	return buildCatalog({
		'/lessons/01-t/index.md': '---\ntitle: Track\nsummary: A track.\n---\n\nIntro.\n',
		'/lessons/01-t/01-a/index.md': index,
		'/lessons/01-t/01-a/contracts/A.ts': 'starter',
		'/lessons/01-t/01-a/solution/A.ts': 'solution'
	}).lessons.get('01-t/01-a')!;
}

function problems(index: string): string {
	try {
		build(index);
	} catch (error) {
		expect(error).toBeInstanceOf(CatalogError);
		return (error as CatalogError).problems.join('\n');
	}
	throw new Error('expected the lesson to be refused');
}

describe('the prediction format', () => {
	test('a valid prediction is read, its worked answer rendered, its inputs placed after Predict', () => {
		const lesson = build(lessonIndex(NUMBER, PREDICT_BODY));
		expect(lesson.predictions).toEqual([
			{
				id: 'how-much',
				kind: 'number',
				prompt: 'How much DAI?',
				unit: 'DAI',
				answer: 3000,
				tolerance: 10,
				explanationHtml: expect.stringContaining('<strong>6,000</strong>')
			}
		]);
		expect(lesson.predictions[0].explanationHtml).toContain('class="katex"');
		// the inputs go between the Predict section and the Run heading, the answer nowhere in the prose
		expect(lesson.html.slice(0, lesson.predictAt)).toMatch(
			/<h2>Predict<\/h2>\s*<p>How much\?<\/p>\s*$/
		);
		expect(lesson.html.slice(lesson.predictAt)).toMatch(/^<h2>Run<\/h2>/);
		expect(lesson.html).not.toContain('6,000');
	});

	test('a Predict section without predictions fails the build, naming the file', () => {
		expect(problems(lessonIndex('', PREDICT_BODY))).toBe(
			'lessons/01-t/01-a/index.md: its "## Predict" section has no prediction: add `predictions:` to the frontmatter (see src/lib/lessons/README.md, "Predictions")'
		);
		expect(problems(lessonIndex('', '## Predict first\n\nGuess.\n'))).toMatch(/no prediction/);
	});

	test('predictions without a Predict section fail too', () => {
		expect(problems(lessonIndex(NUMBER, 'Just prose.\n'))).toMatch(/no "## Predict" section/);
	});

	test('bad predictions are refused field by field', () => {
		const bad = (yaml: string) => problems(lessonIndex(yaml, PREDICT_BODY));
		expect(bad(NUMBER.replace('kind: number', 'kind: guess'))).toMatch(
			/predictions\.0\.kind: kind must be number or choice/
		);
		expect(bad(NUMBER.replace('answer: 3000', 'answer: lots'))).toMatch(/answer must be a number/);
		expect(bad(NUMBER.replace('    answer: 3000\n', ''))).toMatch(/exactly one of answer/);
		expect(bad(NUMBER.replace('answer: 3000', 'answer: 3000\n    fromRun: Total'))).toMatch(
			/exactly one of answer/
		);
		expect(bad(NUMBER.replace('tolerance: 10', 'tolerance: -1'))).toMatch(/must not be negative/);
		expect(bad(NUMBER.replace('id: how-much', 'id: How Much'))).toMatch(/kebab-case/);
		expect(bad(NUMBER.replace('    explanation: Half of **6,000**, $x$.\n', ''))).toMatch(
			/predictions\.0\.explanation is missing/
		);
		expect(bad(NUMBER + NUMBER.replace('predictions:\n', ''))).toMatch(/different ids/);
		const choice = `predictions:
  - id: which
    kind: choice
    prompt: Which?
    choices: [One, Two]
    answer: Three
    explanation: Two.
`;
		expect(bad(choice)).toMatch(/answer must be one of the choices/);
		expect(bad(choice.replace('[One, Two]', '[One]'))).toMatch(/at least two/);
		expect(bad(choice.replace('answer: Three', 'answer: One\n    unit: DAI'))).toMatch(
			/a choice prediction has only/
		);
	});
});

describe('judging a guess', () => {
	const number = (over: Partial<Extract<Prediction, { kind: 'number' }>> = {}): Prediction => ({
		id: 'p',
		kind: 'number',
		prompt: 'How much?',
		unit: 'DAI',
		answer: 6000,
		tolerance: 0,
		explanationHtml: '',
		...over
	});

	test('numbers are read as a person writes them', () => {
		expect(parseGuess('6,000')).toBe(6000);
		expect(parseGuess(' 6000 DAI ', 'DAI')).toBe(6000);
		expect(parseGuess('0.968')).toBe(0.968);
		expect(parseGuess('.5')).toBe(0.5);
		expect(parseGuess('-2')).toBe(-2);
		for (const bad of ['', 'lots', '6,00', '1.2.3', '6000 ETH', ',', '.']) {
			expect(parseGuess(bad, 'DAI'), bad).toBeNull();
		}
	});

	test('a guess is right within the tolerance, and says by how much it missed', () => {
		expect(judge(number(), '6,000')).toMatchObject({ state: 'right', answer: '6,000 DAI' });
		expect(judge(number(), '5000')).toEqual({
			state: 'wrong',
			answer: '6,000 DAI',
			guess: '5,000 DAI',
			off: -1000
		});
		const hf = number({ unit: undefined, answer: 0.968, tolerance: 0.005 });
		expect(judge(hf, '0.973').state).toBe('right');
		expect(judge(hf, '0.963').state).toBe('right');
		expect(judge(hf, '0.974').state).toBe('wrong');
		expect(judge(number(), '')).toEqual({ state: 'none' });
		expect(judge(number(), 'about six')).toEqual({
			state: 'invalid',
			message: 'Write a number, such as 1,500 (DAI).'
		});
	});

	test('a choice is right when it is the answer', () => {
		const p: Prediction = {
			id: 'c',
			kind: 'choice',
			prompt: 'Which?',
			choices: ['Yes', 'No'],
			answer: 'Yes',
			explanationHtml: ''
		};
		expect(judge(p, 'Yes').state).toBe('right');
		expect(judge(p, 'No')).toEqual({ state: 'wrong', answer: 'Yes', guess: 'No' });
	});

	test('an answer from the run is read from its summary row', () => {
		const p = number({
			answer: undefined,
			fromRun: 'Borrowers liquidated',
			unit: undefined,
			tolerance: 50
		});
		const summary = [{ label: 'Borrowers liquidated', value: '1,599 of 2,000' }];
		expect(numberAnswer(p as Extract<Prediction, { kind: 'number' }>, summary)).toBe(1599);
		expect(judge(p, '1,560', summary)).toMatchObject({ state: 'right', answer: '1,599' });
		expect(judge(p, '1,500', summary).state).toBe('wrong');
		expect(judge(p, '1,500', undefined)).toEqual({ state: 'unknown' });
		expect(answerText(p, summary)).toBe('1,599');
		expect(answerText(p, undefined)).toBeNull();
		expect(answerText(number({ answer: 0.968, unit: undefined }))).toBe('0.968');
		expect(answerText(number())).toBe('6,000 DAI');
	});
});

describe('the lessons', () => {
	test('every lesson has predictions, and its Run section does not print a number answer', () => {
		expect(lessonIds.length).toBeGreaterThanOrEqual(10);
		for (const id of lessonIds) {
			const lesson = getLesson(id)!;
			expect(lesson.predictions.length, id).toBeGreaterThan(0);
			const after = lesson.html.slice(lesson.predictAt);
			const run = /^<h2>Run<\/h2>([\s\S]*?)(?=<h2|$)/.exec(after)?.[1] ?? '';
			for (const p of lesson.predictions) {
				if (p.kind !== 'number' || p.answer === undefined) continue;
				const shown = p.answer.toLocaleString('en-US', { maximumFractionDigits: 6 });
				expect(run, `${id}: ${p.id}`).not.toContain(shown);
			}
		}
	});

	test('an answer taken from the run names a summary row that the starter run fills', async () => {
		for (const id of lessonIds) {
			const fromRun = getLesson(id)!.predictions.filter(
				(p): p is Extract<Prediction, { kind: 'number' }> => p.kind === 'number' && !!p.fromRun
			);
			if (fromRun.length === 0) continue;
			const { run, result } = await runLesson(id, 'starter', 42);
			run.dispose();
			expect(result.ok).toBe(true);
			const summary = result.ok ? result.overview.summary : undefined;
			for (const p of fromRun) expect(numberAnswer(p, summary), `${id}: ${p.id}`).not.toBeNull();
		}
	});
});
