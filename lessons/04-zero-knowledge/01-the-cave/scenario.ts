// Peggy knows the magic word; Mallory does not. Each round: enter, a shout from the chain, exit.
// The cave (where a prover stands, the door, the word) lives in the prover bots, off chain: the
// verifier's view (receipts, events, storage, console, views) holds only the shout and the exit.
import { createPrng } from '#lib/data/prng.ts';
import { keccak256 } from '#lib/sim/index.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ProofRound, SurvivalPoint } from '#lib/model/proof.ts';
import { HiddenCave, SIDES, bluffer, knower, type ProverPlan } from './cave.ts';

const CAVE = 'contracts/Cave.ts';
/** the magic word: known to Peggy's bot only; the cave's door stores its hash, off chain */
const WORD = 'open sesame';
const DOOR = keccak256(WORD);
/** cheating sessions measured for the survival curve */
const SESSIONS = 150;
const MAX_K = 8;

/** One round as the verifier sees it (no entry side: that stays in the cave). */
type Round = { shout: number; exit: number; accepted: boolean };

/** Private coins of the provers, apart from the world's randomness (the chain never sees them). */
export type CaveOptions = { proverSeed?: number };

/**
 * One round on chain: the prover goes in by a side only its bot knows, the verifier shouts from
 * the chain, the prover walks out of the shouted mouth if the cave lets it.
 * @param entries when given, the hidden entry side is pushed here (for tests; never on chain)
 */
function round(
	s: ScenarioContext,
	cave: string,
	who: string,
	plan: ProverPlan,
	entries?: number[]
): Round {
	// the shout a verifier would draw from the block this enter() lands in, fixed before it is sent
	const predicted = Number(s.chain.randomness(s.blockNumber() + 1) % 2n);
	const inside = new HiddenCave(DOOR);
	const side = plan.enterBy(predicted);
	inside.walkIn(side);
	entries?.push(side);
	s.send({ from: who, to: cave, method: 'enter' });
	s.mine(1);
	const shout = s.view(cave, 'challengeOf', [s.address(who)]) as number;
	const exit = inside.walkOut(shout, plan.word);
	const r = s.send({ from: who, to: cave, method: 'exit', args: [exit] });
	return { shout, exit, accepted: r.status === 'success' && r.returnValue === true };
}

/** Peggy with her own private coin. */
const peggy = (seed: number) => knower(WORD, createPrng(seed).next);

/**
 * The cave lesson's scenario.
 * @param options `proverSeed`: Peggy's private coins (default: from the run's seed)
 */
export function caveScenario(options: CaveOptions = {}) {
	return defineScenario({
		*run(s) {
			s.total = 10;
			const proverSeed = options.proverSeed ?? s.seed * 7919 + 1;
			const cave = s.deploy(CAVE, { from: 'deployer' });
			const rounds: ProofRound[] = [];
			s.overview.proofs = { rounds };
			yield 'Deploy the verifier: it will shout, and watch which mouth the prover comes out of';

			const show = (who: string, n: number, r: Round, confidence?: number) =>
				rounds.push({
					step: s.step,
					round: n,
					prover: who,
					commitment: 'in, side hidden',
					challenge: `shout ${SIDES[r.shout]}`,
					response: `out of ${SIDES[r.exit]}`,
					accepted: r.accepted,
					confidence
				});
			const entries: number[] = [];
			const honest = peggy(proverSeed);
			let streak = 0;
			for (let i = 1; i <= 4; i++) {
				const r = round(s, cave, 'peggy', honest, entries);
				streak = r.accepted ? streak + 1 : 0;
				show('Peggy (knows the word)', i, r, 1 - 2 ** -streak);
				yield `Peggy's round ${i}: shout ${SIDES[r.shout]}, out of ${SIDES[r.exit]}`;
			}
			const mallory = bluffer();
			for (let i = 1; i <= 4; i++) {
				const r = round(s, cave, 'mallory', mallory);
				show('Mallory (no word)', 4 + i, r);
				yield `Mallory's round ${i}: shout ${SIDES[r.shout]}, out of ${SIDES[r.exit]}`;
			}

			// measure: cheating sessions, each until its first rejection (capped at MAX_K rounds)
			const lengths: number[] = [];
			for (let k = 0; k < SESSIONS; k++) {
				let passed = 0;
				while (passed < MAX_K && round(s, cave, 'mallory', mallory).accepted) passed++;
				lengths.push(passed);
			}
			const points: SurvivalPoint[] = [];
			for (let k = 0; k <= MAX_K; k++) {
				points.push({
					rounds: k,
					empirical: lengths.filter((n) => n >= k).length / SESSIONS,
					bound: 2 ** -k
				});
			}
			s.overview.proofs.survival = {
				label: `Mallory's survival over ${SESSIONS} cheating sessions`,
				bound: '2^-k',
				points
			};
			const at5 = points[5].empirical;
			s.summary('Cheater survives 5 rounds', `${(at5 * 100).toFixed(1)}%`, {
				reference: `${(2 ** -5 * 100).toFixed(1)}% (2^-5)`,
				note: `${SESSIONS} sessions of Mallory, each until she is first caught`
			});
			s.note(`${SESSIONS} sessions; survived 5 rounds: ${(at5 * 100).toFixed(1)}%, 2^-5 = 3.1%`);
			yield `Mallory tries ${SESSIONS} sessions: how many rounds does she last?`;
			// `entries` is host-side only, for tests: the page gets frames and the overview, not this
			return { cave, lengths, peggyEntries: entries };
		},

		checks: [
			{
				id: 'honest-passes',
				title: 'Peggy, who knows the word, passes every round',
				run(c) {
					const s = c.fresh(11);
					const cave = s.deploy(CAVE, { from: 'deployer' });
					const plan = peggy(11);
					for (let i = 0; i < 16; i++) {
						const r = round(s, cave, 'peggy', plan);
						ensure(
							r.accepted,
							`The verifier shouted ${SIDES[r.shout]} and Peggy, who knows the word, came out of ${SIDES[r.exit]}, but the round was rejected.`
						);
					}
					return c.pass('16 rounds out of 16: someone who knows the word always passes.');
				}
			},
			{
				id: 'cheater-caught',
				title: 'Mallory, without the word, passes only when she guessed the side',
				run(c) {
					const s = c.fresh(12);
					const cave = s.deploy(CAVE, { from: 'deployer' });
					let passed = 0;
					const N = 60;
					for (let i = 0; i < N; i++) if (round(s, cave, 'mallory', bluffer()).accepted) passed++;
					// a fair coin passes 60 rounds about 30 times; 45 or more is 1 in 10,000
					ensure(
						passed < 45,
						`Mallory, who cannot open the door, passed ${passed} of ${N} rounds. She goes in by the side the verifier will shout when she can read it: ` +
							`is the shout drawn from a block that did not exist when she went in, and does she have to come out where it says?`
					);
					ensure(
						passed > 0,
						`Mallory passed none of ${N} rounds; a lucky guess passes about half.`
					);
					return c.pass(`Mallory passed ${passed} of ${N} rounds: only her lucky guesses.`);
				}
			},
			{
				id: 'wrong-side-refused',
				title: 'Coming out of the side that was not shouted fails',
				run(c) {
					const s = c.fresh(13);
					const cave = s.deploy(CAVE, { from: 'deployer' });
					for (let i = 0; i < 6; i++) {
						s.send({ from: 'peggy', to: cave, method: 'enter' });
						s.mine(1);
						const shout = s.view(cave, 'challengeOf', [s.address('peggy')]) as number;
						const r = s.send({ from: 'peggy', to: cave, method: 'exit', args: [1 - shout] });
						ensure(
							!(r.status === 'success' && r.returnValue === true),
							`The verifier shouted ${SIDES[shout]} and the prover came out of ${SIDES[1 - shout]}; the round was accepted.`
						);
					}
					return c.pass('The side that was not shouted is refused.');
				}
			}
		]
	});
}

export default caveScenario();
