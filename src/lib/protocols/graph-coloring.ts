/**
 * Zero-knowledge proof of a graph 3-colouring (Goldreich, Micali, Wigderson, "Proofs that yield
 * nothing but their validity", J. ACM 1991), one round at a time.
 *
 * Round: the prover permutes its three colours at random and commits to every vertex's colour
 * with keccak-256 and a fresh 32-byte salt per vertex (commitment.ts: value = the colour as a
 * uint256, 0x-hex commitments); the verifier picks one edge; the prover opens its two endpoints;
 * the verifier accepts iff both openings match and the colours differ. A prover without a valid
 * colouring has at least one bad edge, so it survives a round with probability at most
 * 1 - 1/|E| and R rounds with at most (1 - 1/|E|)^R (GMW 1991).
 *
 * Colours are 0, 1, 2. Randomness comes from a `() => number` in [0, 1) (seeded in Chainlab).
 */
import { commit, open, randomSalt } from './commitment.ts';

/** Undirected graph on vertices 0 .. vertices-1. */
export type Graph = { vertices: number; edges: [number, number][] };
/** `coloring[v]` is vertex v's colour, 0, 1 or 2. */
export type Coloring = number[];
/** What opens one commitment: the colour and its 32-byte salt (0x-hex). */
export type Opening = { color: number; salt: string };
/** A prover's round: public commitments (0x-hex, one per vertex) and the openings it keeps. */
export type ProverRound = { commitments: string[]; openings: Opening[] };
/** A random source returning numbers in [0, 1). */
export type Rng = () => number;

function checkGraph(graph: Graph): void {
	const n = graph?.vertices;
	if (!Number.isInteger(n) || n < 1) throw new RangeError('a graph needs at least one vertex');
	if (!Array.isArray(graph.edges)) throw new TypeError('graph.edges must be an array of pairs');
	for (const [i, [a, b]] of graph.edges.entries()) {
		for (const v of [a, b]) {
			if (!Number.isInteger(v) || v < 0 || v >= n) {
				throw new RangeError(`edge ${i} names vertex ${v}, but vertices run 0..${n - 1}`);
			}
		}
		if (a === b) throw new RangeError(`edge ${i} joins vertex ${a} to itself`);
	}
}

function checkColoring(graph: Graph, coloring: Coloring): void {
	if (!Array.isArray(coloring) || coloring.length !== graph.vertices) {
		throw new RangeError(`a colouring needs one colour per vertex (${graph.vertices})`);
	}
	for (const [v, c] of coloring.entries()) {
		if (c !== 0 && c !== 1 && c !== 2) {
			throw new RangeError(`vertex ${v} has colour ${c}; colours are 0, 1, 2`);
		}
	}
}

function draw(rng: Rng, k: number): number {
	const u = rng();
	if (!(u >= 0 && u < 1)) throw new RangeError(`rng must return a number in [0, 1), got ${u}`);
	return Math.floor(u * k);
}

/**
 * True iff every vertex has a colour in {0, 1, 2} and every edge joins two different colours.
 * Throws a RangeError for a malformed graph or a colouring of the wrong length.
 */
export function isValidColoring(graph: Graph, coloring: Coloring): boolean {
	checkGraph(graph);
	if (!Array.isArray(coloring) || coloring.length !== graph.vertices) {
		throw new RangeError(`a colouring needs one colour per vertex (${graph.vertices})`);
	}
	if (coloring.some((c) => c !== 0 && c !== 1 && c !== 2)) return false;
	return graph.edges.every(([a, b]) => coloring[a] !== coloring[b]);
}

/** Indices of the edges whose endpoints share a colour. Throws as `isValidColoring`. */
export function violatedEdges(graph: Graph, coloring: Coloring): number[] {
	checkGraph(graph);
	checkColoring(graph, coloring);
	return graph.edges.flatMap(([a, b], i) => (coloring[a] === coloring[b] ? [i] : []));
}

/**
 * Renames colours: vertex v gets `permutation[coloring[v]]`. `permutation` must be an ordering
 * of [0, 1, 2]; a valid colouring stays valid. Throws a RangeError otherwise.
 */
export function permuteColoring(coloring: Coloring, permutation: number[]): Coloring {
	const sorted = [...permutation].sort();
	if (permutation.length !== 3 || sorted.some((c, i) => c !== i)) {
		throw new RangeError(`a colour permutation must order [0, 1, 2], got [${permutation}]`);
	}
	return coloring.map((c, v) => {
		if (c !== 0 && c !== 1 && c !== 2) throw new RangeError(`vertex ${v} has colour ${c}`);
		return permutation[c];
	});
}

/** A uniform permutation of [0, 1, 2] (Fisher-Yates). Throws when rng leaves [0, 1). */
export function randomPermutation(rng: Rng): number[] {
	const p = [0, 1, 2];
	for (let i = 2; i > 0; i--) {
		const j = draw(rng, i + 1);
		[p[i], p[j]] = [p[j], p[i]];
	}
	return p;
}

/**
 * Commits to each vertex's colour: `commit(BigInt(color), salt)` with a fresh salt per vertex.
 * Returns the commitments (public) and the openings (kept by the prover). Throws for bad colours.
 */
export function commitColoring(coloring: Coloring, rng: Rng): ProverRound {
	const openings = coloring.map((color) => ({ color, salt: randomSalt(rng) }));
	const commitments = openings.map((o) => commit(BigInt(o.color), o.salt));
	return { commitments, openings };
}

/**
 * Prover's move: permute the colours at random, then commit to every vertex. The colouring is
 * committed as given (an honest prover passes a valid one; see `cheatingProver`).
 * Throws a RangeError for a malformed graph or colouring. Source: GMW 1991, section 2.
 */
export function proverRound(graph: Graph, coloring: Coloring, rng: Rng): ProverRound {
	checkGraph(graph);
	checkColoring(graph, coloring);
	return commitColoring(permuteColoring(coloring, randomPermutation(rng)), rng);
}

/** Verifier's move: a uniformly random edge index in [0, |E|). Throws when there are no edges. */
export function verifierChallenge(graph: Graph, rng: Rng): number {
	checkGraph(graph);
	if (graph.edges.length === 0) throw new RangeError('the graph has no edges to challenge');
	return draw(rng, graph.edges.length);
}

function checkEdge(graph: Graph, edge: number): [number, number] {
	if (!Number.isInteger(edge) || edge < 0 || edge >= graph.edges.length) {
		throw new RangeError(`edge index ${edge} is outside 0..${graph.edges.length - 1}`);
	}
	return graph.edges[edge];
}

/** Prover's answer: the openings of the challenged edge's two endpoints. Throws for a bad index. */
export function openEdge(graph: Graph, openings: Opening[], edge: number): [Opening, Opening] {
	const [a, b] = checkEdge(graph, edge);
	return [openings[a], openings[b]];
}

/**
 * Verifier's check: both openings match the endpoints' commitments and the colours differ.
 * Returns false for a mismatch or a malformed opening; throws a RangeError for a bad edge index.
 */
export function verifyRound(
	graph: Graph,
	commitments: string[],
	edge: number,
	openings: [Opening, Opening]
): boolean {
	const ends = checkEdge(graph, edge);
	try {
		const ok = ends.every((v, i) =>
			open(commitments[v], BigInt(openings[i].color), openings[i].salt)
		);
		const [a, b] = openings.map((o) => o.color);
		return ok && a !== b && [a, b].every((c) => c === 0 || c === 1 || c === 2);
	} catch {
		return false;
	}
}

/**
 * Runs up to `rounds` rounds with fresh randomness; stops at the first rejection.
 * Returns `{ accepted, rounds }` where `rounds` counts rounds played. Throws as `proverRound`.
 */
export function runProtocol(
	graph: Graph,
	coloring: Coloring,
	rounds: number,
	rng: Rng
): { accepted: boolean; rounds: number } {
	for (let i = 1; i <= rounds; i++) {
		const round = proverRound(graph, coloring, rng);
		const edge = verifierChallenge(graph, rng);
		if (!verifyRound(graph, round.commitments, edge, openEdge(graph, round.openings, edge))) {
			return { accepted: false, rounds: i };
		}
	}
	return { accepted: true, rounds };
}

function checkCounts(edges: number, rounds: number): void {
	if (!Number.isInteger(edges) || edges < 1)
		throw new RangeError('edges must be a whole number >= 1');
	if (!Number.isInteger(rounds) || rounds < 0)
		throw new RangeError('rounds must be a whole number >= 0');
}

/**
 * Soundness error: the most a cheating prover survives R rounds with, (1 - 1/|E|)^R. The
 * verifier's confidence is 1 minus this; R = k*|E| rounds bring it below e^-k.
 * Throws a RangeError for edges < 1 or rounds < 0. Source: GMW 1991.
 */
export function soundnessBound(edges: number, rounds: number): number {
	checkCounts(edges, rounds);
	return (1 - 1 / edges) ** rounds;
}

/**
 * A tempting but wrong confidence formula: 1 - (1/|E|)^R. It treats the cheater as
 * surviving only if the verifier misses the bad edge by picking one specific edge every round,
 * when in fact the cheater survives whenever any good edge is picked (chance 1 - 1/|E| each
 * round). It overstates confidence enormously: |E| = 12, R = 2 gives 99.3%, while the real
 * confidence is 1 - (11/12)^2 = 16%. Kept to compare. Throws as `soundnessBound`.
 */
export function wrongConfidenceFormula(edges: number, rounds: number): number {
	checkCounts(edges, rounds);
	return 1 - (1 / edges) ** rounds;
}

/**
 * Cheating strategy for a graph with no valid 3-colouring (e.g. K4): the colouring with the
 * fewest monochromatic edges (exhaustive search, so at most 12 vertices), committed every round
 * with `proverRound`. Returns the colouring, its bad edges and its exact per-round survival
 * 1 - bad/|E| (at most 1 - 1/|E|). Throws an Error when the graph is 3-colourable.
 */
export function cheatingProver(graph: Graph): {
	coloring: Coloring;
	violatedEdges: number[];
	survivalPerRound: number;
} {
	checkGraph(graph);
	if (graph.vertices > 12)
		throw new RangeError('the exhaustive search handles at most 12 vertices');
	let best: { coloring: Coloring; bad: number[] } | null = null;
	for (let code = 0; code < 3 ** graph.vertices; code++) {
		const coloring = Array.from(
			{ length: graph.vertices },
			(_, v) => Math.floor(code / 3 ** v) % 3
		);
		const bad = violatedEdges(graph, coloring);
		if (bad.length === 0) throw new Error('this graph is 3-colourable: an honest prover exists');
		if (!best || bad.length < best.bad.length) best = { coloring, bad };
	}
	const { coloring, bad } = best!;
	return { coloring, violatedEdges: bad, survivalPerRound: 1 - bad.length / graph.edges.length };
}

/**
 * Example graphs. `twelve`: 12 vertices, 18 edges (a 12-cycle plus chords v -- v+4 for even v,
 * which include the triangle 0-4-8), 3-colourable by v mod 3. `k4`: the complete graph on 4
 * vertices (6 edges), which has no valid 3-colouring.
 */
export const exampleGraphs: {
	twelve: { graph: Graph; coloring: Coloring };
	k4: { graph: Graph };
} = {
	twelve: {
		graph: {
			vertices: 12,
			edges: [
				...Array.from({ length: 12 }, (_, v) => [v, (v + 1) % 12] as [number, number]),
				...[0, 2, 4, 6, 8, 10].map((v) => [v, (v + 4) % 12] as [number, number])
			]
		},
		coloring: Array.from({ length: 12 }, (_, v) => v % 3)
	},
	k4: {
		graph: {
			vertices: 4,
			edges: [
				[0, 1],
				[0, 2],
				[0, 3],
				[1, 2],
				[1, 3],
				[2, 3]
			]
		}
	}
};
