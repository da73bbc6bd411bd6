/**
 * Pure helpers of the zero-knowledge views: which rounds a step shows, the verifier's confidence
 * line, and the scales of the survival and distribution charts. Data shapes are ProofOverview's
 * (model/proof.ts).
 */
import type { DistributionSet, ProofRound, SurvivalPoint } from '#lib/model/proof.ts';

/** Rounds whose step is at or before `step` (the timeline's current frame), in order. */
export function roundsUpTo(rounds: readonly ProofRound[], step: number): ProofRound[] {
	return rounds.filter((r) => r.step <= step);
}

/** The last round shown at `step` that carries a confidence, or undefined. */
export function latestConfidence(rounds: readonly ProofRound[], step: number): number | undefined {
	const shown = roundsUpTo(rounds, step).filter((r) => r.confidence !== undefined);
	return shown.length ? shown[shown.length - 1].confidence : undefined;
}

/** A probability as a percentage with enough digits to tell 99.9% from 100% ("99.92%"). */
export function formatProbability(p: number): string {
	if (!Number.isFinite(p)) return '—';
	if (p === 0 || p === 1) return `${p * 100}%`;
	if (p < 0.0001) return p.toExponential(1);
	const digits = p > 0.99 ? 2 : p < 0.01 ? 3 : 1;
	return `${(p * 100).toFixed(digits)}%`;
}

/** Largest count over every series of a distribution set (at least 1, for a scale domain). */
export function maxCount(set: DistributionSet): number {
	return Math.max(1, ...set.series.flatMap((s) => s.counts));
}

/** Largest round count of a survival curve (at least 1). */
export function maxRounds(points: readonly SurvivalPoint[]): number {
	return Math.max(1, ...points.map((p) => p.rounds));
}

/**
 * Total variation distance between two count vectors (normalised): half the sum of absolute
 * differences of the frequencies, in [0, 1]. 0 means the same distribution. Throws a RangeError
 * when the lengths differ.
 */
export function totalVariation(a: readonly number[], b: readonly number[]): number {
	if (a.length !== b.length) throw new RangeError('both distributions need the same bins');
	const na = a.reduce((x, y) => x + y, 0) || 1;
	const nb = b.reduce((x, y) => x + y, 0) || 1;
	return a.reduce((sum, v, i) => sum + Math.abs(v / na - b[i] / nb), 0) / 2;
}

/**
 * Verifier confidence after `accepted` rounds of a graph-colouring proof on `edges` edges, when
 * each accepted round is one the cheater survives with chance at most 1 - 1/edges:
 * 1 - (1 - 1/edges)^accepted. Throws a RangeError for edges < 1.
 */
export function graphConfidence(edges: number, accepted: number): number {
	if (!(edges >= 1)) throw new RangeError('a graph proof needs at least one edge');
	return 1 - (1 - 1 / edges) ** accepted;
}

/**
 * Indices of the edges whose two ends carry the same colour in `colors` (one colour per vertex):
 * the edges on which a prover with that colouring is caught. Throws a RangeError when an edge
 * names a vertex that has no colour.
 */
export function monochromeEdges(edges: readonly [number, number][], colors: readonly number[]) {
	return edges.flatMap(([a, b], i) => {
		if (colors[a] === undefined || colors[b] === undefined)
			throw new RangeError(`edge ${a}–${b} names a vertex without a colour`);
		return colors[a] === colors[b] ? [i] : [];
	});
}

/** How a cheating prover fared against the picks played so far, beside what chance would give. */
export type CheatTally = {
	/** rounds played */
	picks: number;
	/** rounds the cheater got through (the opened edge had two different colours) */
	survived: number;
	/** mean over the played rounds of 1 - bad/|E|: the survival a uniformly random pick gives */
	expected: number;
	/** 1 - 1/|E|: the most a prover with at least one bad edge survives a random pick with */
	bound: number;
};

/**
 * Tally a cheating prover's rounds: `played` are the rounds opened so far (accepted or not) and
 * `badCounts[i]` the number of bad edges in round i's committed colouring. Throws a RangeError
 * for edges < 1.
 */
export function cheatTally(
	edges: number,
	played: readonly { accepted: boolean }[],
	badCounts: readonly number[]
): CheatTally {
	if (!(edges >= 1)) throw new RangeError('a graph proof needs at least one edge');
	const picks = played.length;
	const survived = played.filter((p) => p.accepted).length;
	const odds = played.map((_, i) => 1 - (badCounts[i] ?? 0) / edges);
	const expected = picks ? odds.reduce((a, b) => a + b, 0) / picks : 1 - 1 / edges;
	return { picks, survived, expected, bound: 1 - 1 / edges };
}
