/**
 * Lesson 08-systems/01 (sequential semantics): the run fills the dependency graph from the
 * reference and the learner's statuses, the prediction's answer is the run's figure, the starter
 * fails every check, and each check catches the mistake it is named after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { executeSequential } from '#lib/protocols/parallel-execution.ts';
import { MAIN } from '../../../lessons/08-systems/blocks.ts';

const ID = '08-systems/01-sequential';
const FILE = 'contracts/Executor.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

async function outcome(sources: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, sources, 1);
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const failed = checks.filter((c) => !c.passed).map((c) => c.id);
	return { overview: result.overview, failed, checks };
}

describe(ID, () => {
	test('the solution passes; the view shows the main block with the reference and the learner side by side', async () => {
		const { overview, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		const [main, seeded] = overview.parallel!.blocks;
		expect(main.txs.map((t) => t.status)).toEqual([
			'failed',
			'ok',
			'ok',
			'ok',
			'ok',
			'ok',
			'ok',
			'failed'
		]);
		expect(main.txs.map((t) => t.learner?.status)).toEqual(main.txs.map((t) => t.status));
		expect(main.finalState).toEqual({
			alice: '3',
			bob: '2',
			carol: '10',
			votes: '3',
			snapshot: '10'
		});
		expect(seeded.txs).toHaveLength(20);
		const carol = overview.summary!.find((r) => r.label === "Carol's balance after the block")!;
		expect(carol.value).toBe('10');
		const answer = getLesson(ID)!.predictions.find((p) => p.id === 'carol-final')!;
		expect('answer' in answer && answer.answer).toBe(
			Number(executeSequential(MAIN.state, MAIN.txs).state.carol)
		);
	});

	test('the starter fails every check, with a message in the learner’s terms', async () => {
		const { failed, checks } = await outcome('starter');
		expect(failed).toEqual([
			'reads-see-writes',
			'failed-stays-failed',
			'failed-no-writes',
			'read-sets',
			'seeded-blocks'
		]);
		// reading the pre-state, b is still 0 when b pays c: the throw ends the starter's execute
		expect(checks[0].message).toMatch(/reverted \(.*insufficient balance: b has 0, needs 2\)/);
		expect(checks[0].message).toContain("that transaction is 'failed'");
	});

	test.each([
		{
			check: 'reads-see-writes',
			name: 'reads from the pre-state',
			from: 'const value = key in state ? state[key] : 0;',
			to: 'const value = key in pre ? pre[key] : 0;'
		},
		{
			check: 'failed-stays-failed',
			name: 'a failure swallowed as a success',
			from: "status = 'failed';",
			to: "status = 'ok';"
		},
		{
			check: 'failed-no-writes',
			name: 'a failed transaction’s debit applied',
			from: "if (status === 'ok') {",
			to: "if (status === 'ok' || status === 'failed') {"
		},
		{
			check: 'read-sets',
			name: 'every read said to come from storage',
			from: "from: key in lastWriter ? lastWriter[key] : 'storage'",
			to: "from: 'storage'"
		},
		{
			check: 'seeded-blocks',
			name: 'the first writer kept instead of the last',
			from: 'lastWriter[key] = i;',
			to: 'if (!(key in lastWriter)) lastWriter[key] = i;'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { failed } = await outcome(mutant(from, to));
		expect(failed).toContain(check);
	});
});
