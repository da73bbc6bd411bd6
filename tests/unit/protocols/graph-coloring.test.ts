import { createPrng } from '#lib/data/prng.ts';
import { describe, expect, test } from 'vitest';
import { open } from '#lib/protocols/commitment.ts';
import {
	cheatingProver,
	exampleGraphs,
	isValidColoring,
	openEdge,
	permuteColoring,
	proverRound,
	randomPermutation,
	runProtocol,
	soundnessBound,
	verifierChallenge,
	verifyRound,
	violatedEdges,
	wrongConfidenceFormula,
	type Graph
} from '#lib/protocols/graph-coloring.ts';

/** the project's seeded generator (mulberry32), as a bare `() => number` */
const mulberry32 = (seed: number): (() => number) => createPrng(seed).next;

/** |observed - n p| within 4 standard deviations of a binomial(n, p). */
function expectBinomial(observed: number, n: number, p: number): void {
	const sd = Math.sqrt(n * p * (1 - p));
	expect(Math.abs(observed - n * p)).toBeLessThanOrEqual(4 * sd);
}

const { twelve, k4 } = exampleGraphs;

describe('colourings', () => {
	test('the example graphs are what they claim', () => {
		expect(twelve.graph.vertices).toBe(12);
		expect(twelve.graph.edges).toHaveLength(18);
		expect(isValidColoring(twelve.graph, twelve.coloring)).toBe(true);
		expect(k4.graph.edges).toHaveLength(6);
		// K4: none of the 3^4 colourings is valid
		for (let code = 0; code < 81; code++) {
			const coloring = [0, 1, 2, 3].map((v) => Math.floor(code / 3 ** v) % 3);
			expect(isValidColoring(k4.graph, coloring)).toBe(false);
		}
	});

	test('isValidColoring spots a monochromatic edge and a colour outside 0..2', () => {
		const bad = [...twelve.coloring];
		bad[1] = bad[0];
		expect(isValidColoring(twelve.graph, bad)).toBe(false);
		expect(violatedEdges(twelve.graph, bad)).toEqual([0]);
		const four = [...twelve.coloring];
		four[5] = 3;
		expect(isValidColoring(twelve.graph, four)).toBe(false);
		expect(() => isValidColoring(twelve.graph, [0, 1])).toThrow(/one colour per vertex/);
		expect(() => isValidColoring({ vertices: 2, edges: [[0, 2]] }, [0, 1])).toThrow(/vertex 2/);
		expect(() => isValidColoring({ vertices: 2, edges: [[1, 1]] }, [0, 1])).toThrow(/itself/);
	});

	test('permuting colours keeps a valid colouring valid; every permutation appears', () => {
		const rng = mulberry32(2);
		const seen = new Set<string>();
		for (let i = 0; i < 300; i++) {
			const perm = randomPermutation(rng);
			seen.add(perm.join(''));
			const permuted = permuteColoring(twelve.coloring, perm);
			expect(isValidColoring(twelve.graph, permuted)).toBe(true);
			expect(permuted[0]).toBe(perm[twelve.coloring[0]]);
		}
		expect(seen.size).toBe(6);
		expect(() => permuteColoring([0, 1], [0, 0, 1])).toThrow(/permutation/);
	});
});

describe('one round of the protocol', () => {
	test('the honest prover is accepted on every edge, every round', () => {
		const rng = mulberry32(42);
		for (let i = 0; i < 50; i++) {
			const { commitments, openings } = proverRound(twelve.graph, twelve.coloring, rng);
			expect(commitments).toHaveLength(12);
			for (let e = 0; e < twelve.graph.edges.length; e++) {
				expect(verifyRound(twelve.graph, commitments, e, openEdge(twelve.graph, openings, e))).toBe(
					true
				);
			}
		}
		expect(runProtocol(twelve.graph, twelve.coloring, 500, rng)).toEqual({
			accepted: true,
			rounds: 500
		});
	});

	test('commitments bind: another colour or another salt is refused', () => {
		const rng = mulberry32(5);
		const { commitments, openings } = proverRound(twelve.graph, twelve.coloring, rng);
		const edge = verifierChallenge(twelve.graph, rng);
		const [a, b] = openEdge(twelve.graph, openings, edge);
		const [u] = twelve.graph.edges[edge];
		const other = (a.color + 1) % 3 === b.color ? (a.color + 2) % 3 : (a.color + 1) % 3;
		expect(open(commitments[u], BigInt(a.color), a.salt)).toBe(true);
		expect(open(commitments[u], BigInt(other), a.salt)).toBe(false);
		expect(verifyRound(twelve.graph, commitments, edge, [{ ...a, color: other }, b])).toBe(false);
		expect(verifyRound(twelve.graph, commitments, edge, [{ ...a, salt: b.salt }, b])).toBe(false);
		expect(verifyRound(twelve.graph, commitments, edge, [a, b])).toBe(true);
	});

	test('a seeded run is reproducible', () => {
		const a = proverRound(twelve.graph, twelve.coloring, mulberry32(9));
		const b = proverRound(twelve.graph, twelve.coloring, mulberry32(9));
		expect(a).toEqual(b);
	});

	test('an opened edge shows a uniformly random pair of distinct colours (nothing else)', () => {
		const rng = mulberry32(17);
		const counts = new Map<string, number>();
		const n = 3000;
		for (let i = 0; i < n; i++) {
			const { openings } = proverRound(twelve.graph, twelve.coloring, rng);
			const [a, b] = openEdge(twelve.graph, openings, 0);
			counts.set(`${a.color}${b.color}`, (counts.get(`${a.color}${b.color}`) ?? 0) + 1);
		}
		expect(counts.size).toBe(6);
		for (const c of counts.values()) expectBinomial(c, n, 1 / 6);
	});

	test('bad challenges get clear errors', () => {
		const empty: Graph = { vertices: 3, edges: [] };
		expect(() => verifierChallenge(empty, mulberry32(1))).toThrow(/no edges/);
		expect(() => openEdge(k4.graph, [], 6)).toThrow(/edge index 6/);
	});
});

describe('soundness', () => {
	test('the best cheater on K4 breaks exactly one edge: survival 5/6 per round', () => {
		const cheat = cheatingProver(k4.graph);
		expect(violatedEdges(k4.graph, cheat.coloring)).toEqual(cheat.violatedEdges);
		expect(cheat.violatedEdges).toHaveLength(1);
		expect(cheat.survivalPerRound).toBeCloseTo(5 / 6, 12);
		expect(cheat.survivalPerRound).toBeLessThanOrEqual(soundnessBound(6, 1) + 1e-12);
		expect(() => cheatingProver(twelve.graph)).toThrow(/3-colourable/);
	});

	test('1,000 independent single rounds: survival matches 1 - 1/|E| within 4 sd', () => {
		const { coloring } = cheatingProver(k4.graph);
		const rng = mulberry32(2024);
		let survived = 0;
		for (let i = 0; i < 1000; i++) {
			const { commitments, openings } = proverRound(k4.graph, coloring, rng);
			const edge = verifierChallenge(k4.graph, rng);
			if (verifyRound(k4.graph, commitments, edge, openEdge(k4.graph, openings, edge))) survived++;
		}
		expectBinomial(survived, 1000, soundnessBound(6, 1));
		expect(survived).toBeLessThan(1000);
	});

	test('1,000 multi-round runs: survival matches (1 - 1/|E|)^R within 4 sd', () => {
		const { coloring } = cheatingProver(k4.graph);
		const rng = mulberry32(7);
		for (const rounds of [4, 18]) {
			let survived = 0;
			for (let i = 0; i < 1000; i++) {
				if (runProtocol(k4.graph, coloring, rounds, rng).accepted) survived++;
			}
			expectBinomial(survived, 1000, soundnessBound(6, rounds));
		}
	});

	test('a cheater on the 12-vertex graph with one recoloured vertex is caught too', () => {
		const cheat = [...twelve.coloring];
		cheat[0] = 1; // clashes with neighbour 1 and with neighbour 4
		const bad = violatedEdges(twelve.graph, cheat).length;
		expect(bad).toBe(2);
		const rng = mulberry32(31);
		let survived = 0;
		for (let i = 0; i < 1000; i++) {
			if (runProtocol(twelve.graph, cheat, 1, rng).accepted) survived++;
		}
		expectBinomial(survived, 1000, 1 - bad / 18);
	});

	test('soundnessBound numbers and the e^-k rule', () => {
		expect(soundnessBound(12, 2)).toBeCloseTo((11 / 12) ** 2, 12);
		expect(1 - soundnessBound(12, 2)).toBeCloseTo(0.1597, 4);
		expect(soundnessBound(6, 0)).toBe(1);
		expect(soundnessBound(1, 1)).toBe(0);
		for (const edges of [3, 6, 12, 100]) {
			for (const k of [1, 2, 5])
				expect(soundnessBound(edges, k * edges)).toBeLessThan(Math.exp(-k));
		}
		expect(() => soundnessBound(0, 1)).toThrow(/edges/);
		expect(() => soundnessBound(6, -1)).toThrow(/rounds/);
	});

	test('the popular formula overstates confidence: 99.3% against 16% for |E| = 12, R = 2', () => {
		expect(wrongConfidenceFormula(12, 2)).toBeCloseTo(1 - 1 / 144, 12);
		expect(wrongConfidenceFormula(12, 2)).toBeGreaterThan(0.993);
		expect(1 - soundnessBound(12, 2)).toBeLessThan(0.17);
		for (const [edges, rounds] of [
			[6, 1],
			[12, 2],
			[18, 10]
		]) {
			expect(wrongConfidenceFormula(edges, rounds)).toBeGreaterThan(
				1 - soundnessBound(edges, rounds)
			);
		}
	});
});
