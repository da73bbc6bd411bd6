/**
 * Lesson 08-systems/03 (Block-STM): the run fills the Gantt view with the learner's executor runs,
 * equal to sequential and to the reference model with the same seed; the starter's validation that
 * ignores versions and abort that forgets ESTIMATE markers are caught, and so is each mistake a
 * check is named after.
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { blockStm } from '#lib/protocols/parallel-execution.ts';
import { BLOCK, INCREMENTS } from '../../../lessons/08-systems/03-block-stm/scenario.ts';

const ID = '08-systems/03-block-stm';
const FILE = 'contracts/MultiVersionMemory.ts';

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
	test('the solution passes every check; its runs are the reference model’s, task for task', async () => {
		const { overview, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		const [main, inc] = overview.blockStm!.runs;
		const ref = blockStm(BLOCK.state, BLOCK.txs, { threads: 4, seed: 1 });
		expect(main.tasks).toEqual(ref.tasks);
		expect(main.matchesSequential).toBe(true);
		// tx 4 (carol sends alice 9 while she holds 6) fails in the block's order
		expect(main.txs[4].status).toBe('failed');
		const incRef = blockStm(INCREMENTS.state, INCREMENTS.txs, { threads: 4, seed: 1 });
		expect([inc.aborts, inc.executions]).toEqual([incRef.aborts, incRef.executions]);
		expect(inc.aborts).toBeGreaterThan(0);
		// incarnations per thread: some transaction ran a second incarnation on some thread
		expect(inc.tasks.some((t) => t.kind === 'execute' && t.incarnation > 0)).toBe(true);
		expect(new Set(inc.tasks.map((t) => t.thread))).toEqual(new Set([0, 1, 2, 3]));
	});

	test('the starter (validation ignores versions, abort forgets ESTIMATE) fails every check', async () => {
		const { failed } = await outcome('starter');
		expect(failed).toEqual([
			'validate-read-set',
			'convert-writes-to-estimates',
			'equals-sequential',
			'counts-match-model'
		]);
	});

	test('a validation that compares the writer but not the incarnation is caught', async () => {
		const { failed } = await outcome(
			mutant('if (r.version.incarnation !== now.version.incarnation) return false;', '')
		);
		expect(failed).toContain('validate-read-set');
		expect(failed).toContain('counts-match-model');
	});

	test('a validation that accepts storage reads after a lower transaction wrote is caught', async () => {
		const { failed } = await outcome(
			mutant('if (r.version === null) return false;', 'if (r.version === null) continue;')
		);
		expect(failed).toContain('validate-read-set');
		expect(failed).toContain('equals-sequential');
	});

	test('a validation that ignores ESTIMATE markers is caught', async () => {
		const { failed } = await outcome(
			mutant("if (now.kind === 'estimate') return false;", "if (now.kind === 'estimate') continue;")
		);
		expect(failed).toContain('validate-read-set');
	});

	test('an abort that leaves the old values instead of ESTIMATE breaks sequential equality', async () => {
		const { failed } = await outcome(mutant("entries[String(txIdx)] = 'ESTIMATE';", ''));
		expect(failed).toContain('convert-writes-to-estimates');
		expect(failed).toContain('equals-sequential');
	});

	test('an abort that deletes the entries instead of marking them is caught', async () => {
		const { failed } = await outcome(
			mutant("entries[String(txIdx)] = 'ESTIMATE';", 'delete entries[String(txIdx)];')
		);
		expect(failed).toContain('convert-writes-to-estimates');
		expect(failed).toContain('equals-sequential');
	});

	test('an abort that marks every transaction’s entries is caught', async () => {
		const { failed, checks } = await outcome(
			mutant(
				"entries[String(txIdx)] = 'ESTIMATE';",
				"for (const j of Object.keys(entries)) entries[j] = 'ESTIMATE';\n\t\t\tentries[String(txIdx)] = 'ESTIMATE';"
			)
		);
		expect(failed).toContain('convert-writes-to-estimates');
		expect(failed).toContain('counts-match-model');
		expect(checks.find((c) => c.id === 'counts-match-model')?.message).toMatch(/seed/);
	});
});
