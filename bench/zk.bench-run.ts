// (c) graph-colouring rounds: 10,000 rounds on a 12-vertex graph, each a fresh permuted colouring
// committed with keccak-256 and a salt per vertex, one edge challenged, and the opening judged by
// the zero-knowledge lesson's verifier contract running in the sandbox. Target: at most 2 s.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { exampleGraphs, openEdge, proverRound } from '#lib/protocols/graph-coloring.ts';
import { createWorld } from '#lib/sim/index.ts';
import { median, report } from './measure.ts';

const VERIFIER = readFileSync(
	'lessons/04-zero-knowledge/03-graph-coloring/solution/GraphVerifier.ts',
	'utf8'
);
const ROUNDS = 10_000;
const RUNS = 3;

test('graph-colouring rounds', () => {
	const { graph, coloring } = exampleGraphs.twelve;
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const world = createWorld({ seed: run + 1 });
		const chain = world.chain();
		const verifier = chain.deploy(VERIFIER, { from: 'deployer', args: [graph.edges] });
		const rng = () => world.random();
		let accepted = 0;
		const t0 = performance.now();
		for (let i = 0; i < ROUNDS; i++) {
			const round = proverRound(graph, coloring, rng);
			const edge = Math.floor(rng() * graph.edges.length);
			const [a, b] = graph.edges[edge];
			const [oa, ob] = openEdge(graph, round.openings, edge);
			const ok = chain.view(verifier, 'checkOpening', [
				round.commitments[a],
				round.commitments[b],
				oa.color,
				oa.salt,
				ob.color,
				ob.salt
			]);
			if (ok === true) accepted++;
		}
		times.push(performance.now() - t0);
		world.dispose();
		expect(accepted).toBe(ROUNDS);
	}
	const ms = Math.round(median(times));
	report('zk', { zkRoundsMs: ms }, [
		`${ROUNDS} rounds, ${graph.vertices} vertices, ${graph.edges.length} edges; runs: ${times.map((t) => Math.round(t)).join(', ')} ms`
	]);
});
