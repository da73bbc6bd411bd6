/**
 * Lesson 08-systems/02 (dependencies and Sealevel batches): the run fills the dependency graph
 * with the reference's edges and batches and the learner's beside them, the prediction's answer is
 * the reference's batch count, the starter fails every check, and each check catches the mistake
 * it is named after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { sealevelBatches } from '#lib/protocols/parallel-execution.ts';
import { LOCKS, MAIN, READERS } from '../../../lessons/08-systems/blocks.ts';

const ID = '08-systems/02-dependencies';
const FILE = 'contracts/Scheduler.ts';

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
	test('the named blocks’ batches, worked by hand', () => {
		// LOCKS: x → y fails (x has 0) but holds y, so y → z waits: [1, 1, 2, 2]
		expect(sealevelBatches(LOCKS.txs)).toEqual([1, 1, 2, 2]);
		// READERS: three readers of p share batch 1, read p,x waits for copy p → x, the increment of p for all
		expect(sealevelBatches(READERS.txs)).toEqual([1, 1, 1, 2, 3]);
		expect(sealevelBatches(MAIN.txs)).toEqual([1, 2, 3, 1, 2, 4, 4, 5]);
	});

	test('the solution passes; the view carries the learner’s edges and batches beside the reference', async () => {
		const { overview, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		const [main, seeded] = overview.parallel!.blocks;
		expect(main.txs.map((t) => t.batch)).toEqual([1, 2, 3, 1, 2, 4, 4, 5]);
		expect(main.txs.map((t) => t.learner?.batch)).toEqual(main.txs.map((t) => t.batch));
		expect(main.learnerEdges).toEqual(main.edges);
		expect(main.edges).toHaveLength(6);
		expect(seeded.txs).toHaveLength(20);
		const row = overview.summary!.find((r) => r.label === 'Sealevel batches for the main block')!;
		expect([row.value, row.reference]).toEqual(['5', '5']);
		const p = getLesson(ID)!.predictions.find((x) => x.id === 'main-batches')!;
		expect('answer' in p && p.answer).toBe(Math.max(...sealevelBatches(MAIN.txs)));
	});

	test('the starter fails every check, naming the transaction', async () => {
		const { failed, checks } = await outcome('starter');
		expect(failed).toEqual(['read-from', 'failed-transfer-locks', 'read-read', 'batches-seeded']);
		expect(checks[0].message).toContain(
			'edge 1 should be "tx 1 reads b from tx 0", yours is missing'
		);
		expect(checks[1].message).toContain('tx 2 (y → z 1) is in your batch 1');
	});

	test.each([
		{
			check: 'read-from',
			name: 'the first writer kept instead of the last',
			from: 'for (const key of writes[i]) lastWriter[key] = i;',
			to: 'for (const key of writes[i]) if (!(key in lastWriter)) lastWriter[key] = i;'
		},
		{
			check: 'failed-transfer-locks',
			name: 'a transfer locking only its sender',
			from: "if (tx.kind === 'transfer') return { reads: [], writes: [tx.from, tx.to] };",
			to: "if (tx.kind === 'transfer') return { reads: [], writes: [tx.from] };"
		},
		{
			check: 'read-read',
			name: 'two reads counted as a conflict',
			from: 'for (const k of b.writes) if (a.reads.includes(k)) return true;',
			to: 'for (const k of b.writes.concat(b.reads)) if (a.reads.includes(k) || a.writes.includes(k)) return true;'
		},
		{
			check: 'batches-seeded',
			name: 'the last conflicting batch instead of the highest',
			from: 'batch = Math.max(batch, out[i] + 1);',
			to: 'batch = out[i] + 1;'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { failed } = await outcome(mutant(from, to));
		expect(failed).toContain(check);
	});
});
