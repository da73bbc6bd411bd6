// Peggy proves a 3-colouring edge by edge; a cheater with no valid colouring plays 1,000 rounds.
import {
	exampleGraphs,
	openEdge,
	proverRound,
	soundnessBound,
	verifyRound,
	violatedEdges,
	wrongConfidenceFormula,
	type Graph
} from '#lib/protocols/graph-coloring.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ProofGraph, ProofRound, SurvivalPoint } from '#lib/model/proof.ts';

const VERIFIER = 'contracts/GraphVerifier.ts';
const CHEATER = 'contracts/Cheater.ts';
const { graph: HONEST, coloring: PEGGY } = exampleGraphs.twelve;
/** The 12-vertex graph plus 0-2, 2-4, 2-8: {0, 2, 4, 8} becomes a K4, so no valid colouring. */
const HARD: Graph = {
	vertices: 12,
	edges: [...HONEST.edges, [0, 2], [2, 4], [2, 8]]
};
const ROUNDS = 1_000;
/** rounds the learner can open by hand in the graph view */
const HAND_ROUNDS = 40;

/**
 * A cheating prover's colouring for one hand-played round: she has no valid colouring, so one
 * vertex, drawn at random each round, carries the colour of one of its neighbours. At least that
 * edge opens with two equal colours.
 */
function improperColoring(rng: () => number): number[] {
	const v = Math.floor(rng() * HONEST.vertices);
	const neighbours = HONEST.edges.flatMap(([a, b]) => (a === v ? [b] : b === v ? [a] : []));
	const u = neighbours[Math.floor(rng() * neighbours.length)];
	const coloring = [...PEGGY];
	coloring[v] = PEGGY[u];
	return coloring;
}

type Played = { edge: number; colors: [number, number]; accepted: boolean };

/** One on-chain round: commit, wait a block for the edge, open its two ends. */
function chainRound(s: ScenarioContext, verifier: string, who: string, coloring: number[]): Played {
	const round = proverRound(HONEST, coloring, () => s.random());
	s.send({ from: who, to: verifier, method: 'commit', args: [round.commitments] });
	s.mine(1);
	const edge = s.view(verifier, 'challengeOf', [s.address(who)]) as number;
	const [a, b] = openEdge(HONEST, round.openings, edge);
	const r = s.send({
		from: who,
		to: verifier,
		method: 'open',
		args: [a.color, a.salt, b.color, b.salt]
	});
	return {
		edge,
		colors: [a.color, b.color],
		accepted: r.status === 'success' && r.returnValue === true
	};
}

/** The learner's cheater for `rounds` rounds, checked by the reference verifier (model). */
function cheat(s: ScenarioContext, cheater: string, rounds: number): boolean[] {
	const out: boolean[] = [];
	const base = s.blockNumber();
	for (let i = 0; i < rounds; i++) {
		const coloring = s.view(cheater, 'coloring', [i]) as number[];
		ensure(
			Array.isArray(coloring) &&
				coloring.length === 12 &&
				coloring.every((c) => c === 0 || c === 1 || c === 2),
			`coloring(${i}) returned ${JSON.stringify(coloring)}; expected 12 colours, each 0, 1 or 2.`
		);
		const round = proverRound(HARD, coloring, () => s.random());
		const edge = Number(s.chain.randomness(base + i) % BigInt(HARD.edges.length));
		out.push(verifyRound(HARD, round.commitments, edge, openEdge(HARD, round.openings, edge)));
	}
	return out;
}

/** Survival after R rounds: the share of R-round windows of `played` with no rejection. */
function survival(played: boolean[], maxR: number): SurvivalPoint[] {
	const points: SurvivalPoint[] = [];
	const e = HARD.edges.length;
	for (let r = 0; r <= maxR; r += 5) {
		let alive = 0;
		const windows = played.length - r + 1;
		for (let i = 0; i < windows; i++) if (played.slice(i, i + r).every(Boolean)) alive++;
		points.push({
			rounds: r,
			empirical: alive / windows,
			bound: soundnessBound(e, r),
			wrong: 1 - wrongConfidenceFormula(e, r)
		});
	}
	return points;
}

export default defineScenario({
	*run(s) {
		s.total = 6;
		const verifier = s.deploy(VERIFIER, { from: 'deployer', args: [HONEST.edges] });
		const cheater = s.deploy(CHEATER, { from: 'mallory' });
		const rounds: ProofRound[] = [];
		const hand = Array.from({ length: HAND_ROUNDS }, () =>
			proverRound(HONEST, PEGGY, () => s.random())
		);
		const cheatHand = Array.from({ length: HAND_ROUNDS }, () => {
			const coloring = improperColoring(() => s.random());
			ensure(violatedEdges(HONEST, coloring).length > 0, 'the cheating colouring must be improper');
			return proverRound(HONEST, coloring, () => s.random());
		});
		const forHand = (r: (typeof hand)[number]) => ({
			commitments: r.commitments,
			colors: r.openings.map((o) => o.color),
			salts: r.openings.map((o) => o.salt)
		});
		const graph: ProofGraph = {
			vertices: HONEST.vertices,
			edges: HONEST.edges,
			openings: [],
			rounds: hand.map(forHand),
			cheatRounds: cheatHand.map(forHand)
		};
		s.overview.proofs = { rounds, graph };
		yield `Deploy the verifier for a graph of ${HONEST.vertices} vertices and ${HONEST.edges.length} edges`;

		const e = HONEST.edges.length;
		for (let i = 1; i <= 3; i++) {
			const p = chainRound(s, verifier, 'peggy', PEGGY);
			const [a, b] = HONEST.edges[p.edge];
			graph.openings.push({ step: s.step, ...p });
			rounds.push({
				step: s.step,
				round: i,
				prover: 'Peggy (valid colouring)',
				commitment: `${HONEST.vertices} commitments`,
				challenge: `edge ${a}–${b}`,
				response: `colours ${p.colors[0]}, ${p.colors[1]}`,
				accepted: p.accepted,
				confidence: 1 - soundnessBound(e, i)
			});
			yield `Peggy's round ${i}: the chain picks edge ${a}–${b}`;
		}

		const played = cheat(s, cheater, ROUNDS);
		const rate = played.filter(Boolean).length / ROUNDS;
		const points = survival(played, 60);
		s.overview.proofs.survival = {
			label: `Your cheater on ${HARD.edges.length} edges, ${ROUNDS} rounds`,
			bound: '(1 - 1/|E|)^R',
			wrong: 'survival implied by the wrong 1 - (1/E)^R',
			points
		};
		s.summary('Cheater accepted per round', `${(rate * 100).toFixed(1)}%`, {
			reference: `at most ${((1 - 1 / HARD.edges.length) * 100).toFixed(1)}% (1 - 1/|E|, |E| = ${HARD.edges.length})`
		});
		const at20 = points.find((p) => p.rounds === 20)!;
		s.summary('Cheater survives 20 rounds', `${(at20.empirical * 100).toFixed(1)}%`, {
			reference: `at most ${(at20.bound * 100).toFixed(1)}% ((1 - 1/|E|)^20)`
		});
		s.note(`Cheater: ${played.filter(Boolean).length} of ${ROUNDS} rounds accepted.`);
		yield `Your cheater plays ${ROUNDS} rounds on a graph with no valid colouring`;

		s.note(
			`After 21 rounds the wrong formula 1 - (1/E)^R claims ${(wrongConfidenceFormula(21, 21) * 100).toFixed(1)}% confidence; ` +
				`the real confidence is 1 - (20/21)^21 = ${((1 - soundnessBound(21, 21)) * 100).toFixed(1)}%.`
		);
		yield 'The wrong formula beside the right one';
		return { verifier, cheater, rate };
	},

	checks: [
		{
			id: 'verifier-accepts-honest',
			title: 'Your verifier accepts Peggy’s honest openings',
			run(c) {
				const s = c.fresh();
				const v = s.deploy(VERIFIER, { from: 'deployer', args: [HONEST.edges] });
				for (let i = 0; i < 6; i++) {
					const p = chainRound(s, v, 'peggy', PEGGY);
					const [a, b] = HONEST.edges[p.edge];
					ensure(
						p.accepted,
						`Peggy opened edge ${a}–${b} honestly (colours ${p.colors.join(' and ')}, matching her commitments) and was rejected.`
					);
				}
				return c.pass('Six honest rounds, six acceptances.');
			}
		},
		{
			id: 'verifier-checks-openings',
			title: 'Your verifier refuses openings that do not match the commitments',
			run(c) {
				const s = c.fresh();
				const v = s.deploy(VERIFIER, { from: 'deployer', args: [HONEST.edges] });
				const r = proverRound(HONEST, PEGGY, () => s.random());
				const [a, b] = openEdge(HONEST, r.openings, 0);
				const [ca, cb] = [r.commitments[0], r.commitments[1]];
				const judge = (x: typeof a, y: typeof b) =>
					s.view(v, 'checkOpening', [ca, cb, x.color, x.salt, y.color, y.salt]);
				ensure(judge(a, b) === true, 'An honest opening of edge 0–1 was refused.');
				const swapped = { color: (a.color + 1) % 3, salt: a.salt };
				const other =
					swapped.color === b.color ? { color: (a.color + 2) % 3, salt: a.salt } : swapped;
				ensure(
					judge(other, b) === false,
					`Vertex 0 was committed as colour ${a.color}; the prover opened it as ${other.color} with the same salt and was accepted. Recompute each commitment from the opening and compare.`
				);
				ensure(
					judge({ color: a.color, salt: b.salt }, b) === false,
					'Vertex 0 was opened with the wrong salt and accepted.'
				);
				ensure(
					judge(b, b) === false,
					'Both ends were opened with the same colour (and the salt of one of them) and accepted.'
				);
				return c.pass(
					'Only openings that match the commitments, with two different colours, pass.'
				);
			}
		},
		{
			id: 'cheater-near-bound',
			title: 'Your cheater survives about 1 - 1/|E| of the rounds',
			run(c) {
				const s = c.fresh(21);
				const cheater = s.deploy(CHEATER, { from: 'mallory' });
				const played = cheat(s, cheater, ROUNDS);
				const rate = played.filter(Boolean).length / ROUNDS;
				const p = 1 - 1 / HARD.edges.length;
				const tolerance = 4 * Math.sqrt((p * (1 - p)) / ROUNDS);
				ensure(
					Math.abs(rate - p) <= tolerance,
					`Your cheater was accepted in ${(rate * 100).toFixed(1)}% of ${ROUNDS} rounds; the best possible is 1 - 1/21 = ${(p * 100).toFixed(1)}% ` +
						`(within ±${(tolerance * 100).toFixed(1)}%). Find a colouring with only one bad edge.`
				);
				return c.pass(
					`Accepted in ${(rate * 100).toFixed(1)}% of rounds, next to the bound ${(p * 100).toFixed(1)}%.`
				);
			}
		}
	]
});
