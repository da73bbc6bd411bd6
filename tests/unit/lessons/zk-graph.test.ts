/**
 * Graph 3-colouring: the hand-played game carries a cheating prover too. Its rounds open honestly
 * (every commitment matches) but each committed colouring has an edge with two equal colours.
 */
import { describe, expect, test } from 'vitest';
import { open, ZERO_SALT } from '#lib/protocols/commitment.ts';
import { violatedEdges } from '#lib/protocols/graph-coloring.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '04-zero-knowledge/03-graph-coloring';

describe('graph colouring: the cheating prover of the hand-played game', () => {
	test('every cheating round is improper, opens honestly, and is caught about 1/|E| of the time', async () => {
		const { run, result } = await runLesson(ID, 'solution', 3);
		run.dispose();
		expect(result.ok).toBe(true);
		const graph = result.ok ? result.overview.proofs!.graph! : undefined;
		const honest = graph!.rounds!;
		const cheat = graph!.cheatRounds!;
		expect(cheat.length).toBe(honest.length);
		const E = graph!.edges.length;
		let caught = 0;
		for (const r of cheat) {
			r.colors.forEach((c, v) => {
				expect(r.salts[v]).not.toBe(ZERO_SALT);
				expect(open(r.commitments[v], BigInt(c), r.salts[v])).toBe(true);
			});
			const bad = violatedEdges(graph!, r.colors);
			expect(bad.length).toBeGreaterThanOrEqual(1);
			expect(bad.length).toBeLessThan(E);
			caught += bad.length;
		}
		for (const r of honest) expect(violatedEdges(graph!, r.colors)).toEqual([]);
		// a uniform pick catches the cheat bad/|E| of the time: at least 1/|E|, far from always
		const perPick = caught / cheat.length / E;
		expect(perPick).toBeGreaterThanOrEqual(1 / E);
		expect(perPick).toBeLessThan(0.25);
		// the bad edge moves between rounds: remembering one does not catch her every time
		expect(new Set(cheat.map((r) => violatedEdges(graph!, r.colors).join())).size).toBeGreaterThan(
			5
		);
	});

	test('the run’s survival figures are compared with their bounds', async () => {
		const { run, result } = await runLesson(ID, 'solution', 3);
		run.dispose();
		const rows = result.ok ? (result.overview.summary ?? []) : [];
		expect(rows.map((r) => [r.label, r.reference])).toEqual([
			['Cheater accepted per round', 'at most 95.2% (1 - 1/|E|, |E| = 21)'],
			['Cheater survives 20 rounds', 'at most 37.7% ((1 - 1/|E|)^20)']
		]);
	});
});
