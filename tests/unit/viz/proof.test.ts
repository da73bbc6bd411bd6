/** Helpers of the zero-knowledge views: rounds per step, confidence, distances, graph layout. */
import { describe, expect, test } from 'vitest';
import { exampleGraphs, soundnessBound } from '#lib/protocols/graph-coloring.ts';
import { layoutGraph } from '#lib/viz/graph-layout.ts';
import {
	cheatTally,
	formatProbability,
	graphConfidence,
	monochromeEdges,
	latestConfidence,
	maxCount,
	roundsUpTo,
	totalVariation
} from '#lib/viz/proof.ts';
import type { ProofRound } from '#lib/model/proof.ts';

const round = (step: number, confidence?: number): ProofRound => ({
	step,
	round: step,
	prover: 'p',
	commitment: 't',
	challenge: 'c',
	response: 's',
	accepted: true,
	confidence
});

describe('rounds and confidence', () => {
	test('a step shows the rounds up to it and the latest confidence', () => {
		const rounds = [round(1, 0.5), round(2, 0.75), round(3)];
		expect(roundsUpTo(rounds, 2).map((r) => r.step)).toEqual([1, 2]);
		expect(latestConfidence(rounds, 3)).toBe(0.75);
		expect(latestConfidence(rounds, 0)).toBeUndefined();
	});

	test('graph confidence is one minus the soundness bound', () => {
		expect(graphConfidence(18, 0)).toBe(0);
		expect(graphConfidence(18, 3)).toBeCloseTo(1 - soundnessBound(18, 3), 12);
		expect(() => graphConfidence(0, 1)).toThrow(RangeError);
	});

	test('probabilities print with the digits that matter', () => {
		expect(formatProbability(0.5)).toBe('50.0%');
		expect(formatProbability(0.9992)).toBe('99.92%');
		expect(formatProbability(1)).toBe('100%');
		expect(formatProbability(1e-6)).toBe('1.0e-6');
	});
});

describe('distributions', () => {
	test('total variation is 0 for equal shapes and 1 for disjoint ones', () => {
		expect(totalVariation([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
		expect(totalVariation([1, 0], [0, 1])).toBe(1);
		expect(() => totalVariation([1], [1, 2])).toThrow(RangeError);
		expect(maxCount({ label: 'x', bins: ['a'], series: [{ name: 'n', counts: [0] }] })).toBe(1);
	});
});

describe('graph layout', () => {
	test('the same graph lands the same way, inside the box', () => {
		const { graph } = exampleGraphs.twelve;
		const a = layoutGraph(graph.vertices, graph.edges, 360, 260);
		const b = layoutGraph(graph.vertices, graph.edges, 360, 260);
		expect(a).toEqual(b);
		for (const p of a) {
			expect(p.x).toBeGreaterThanOrEqual(17.9);
			expect(p.x).toBeLessThanOrEqual(342.1);
			expect(p.y).toBeGreaterThanOrEqual(17.9);
			expect(p.y).toBeLessThanOrEqual(242.1);
		}
		expect(new Set(a.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)).size).toBe(12);
		expect(() => layoutGraph(2, [[0, 2]], 100, 100)).toThrow(RangeError);
	});
});

describe('the cheating prover in the hand-played graph game', () => {
	const triangle: [number, number][] = [
		[0, 1],
		[1, 2],
		[0, 2]
	];

	test('monochromeEdges finds the edges with two equal colours', () => {
		expect(monochromeEdges(triangle, [0, 1, 2])).toEqual([]);
		expect(monochromeEdges(triangle, [0, 0, 2])).toEqual([0]);
		expect(monochromeEdges(triangle, [1, 1, 1])).toEqual([0, 1, 2]);
		expect(() => monochromeEdges(triangle, [0, 1])).toThrow(/without a colour/);
	});

	test('cheatTally counts survived picks beside the random-pick odds and 1 - 1/|E|', () => {
		const t = cheatTally(
			18,
			[{ accepted: true }, { accepted: false }, { accepted: true }],
			[1, 2, 1]
		);
		expect(t.picks).toBe(3);
		expect(t.survived).toBe(2);
		expect(t.expected).toBeCloseTo((17 / 18 + 16 / 18 + 17 / 18) / 3, 12);
		expect(t.bound).toBeCloseTo(17 / 18, 12);
		expect(cheatTally(18, [], []).expected).toBeCloseTo(17 / 18, 12);
		expect(() => cheatTally(0, [], [])).toThrow(RangeError);
	});
});
