// Peggy knows the magic word; Mallory does not. Each round: enter, a shout from the chain, exit.
import { keccak256 } from '#lib/sim/index.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ProofRound, SurvivalPoint } from '#lib/worker/protocol.ts';

const CAVE = 'contracts/Cave.ts';
const WORD = 'open sesame';
const DOOR = keccak256(WORD);
const SIDES = ['A', 'B'];
/** cheating sessions measured for the survival curve */
const SESSIONS = 150;
const MAX_K = 8;

type Round = { entered: number; shout: number; exit: number; accepted: boolean };

/** One round on chain: enter, wait a block for the shout, exit by `choose(entered, shout)`. */
function round(
	s: ScenarioContext,
	cave: string,
	who: string,
	entered: number,
	choose: (shout: number) => { side: number; word: string }
): Round {
	s.send({ from: who, to: cave, method: 'enter', args: [entered] });
	s.mine(1);
	const shout = s.view(cave, 'challengeOf', [s.address(who)]) as number;
	const { side, word } = choose(shout);
	const r = s.send({ from: who, to: cave, method: 'exit', args: [side, word] });
	return { entered, shout, exit: side, accepted: r.status === 'success' && r.returnValue === true };
}

/** Peggy: any side in, out by the shouted side, through the door with the word if she must. */
const honest = (shout: number) => ({ side: shout, word: WORD });
/** Mallory: out by the shouted side, hoping nobody checks the door. */
const bluff = (shout: number) => ({ side: shout, word: 'please?' });

export default defineScenario({
	*run(s) {
		s.total = 10;
		const cave = s.deploy(CAVE, { from: 'deployer', args: [DOOR] });
		const rounds: ProofRound[] = [];
		s.overview.proofs = { rounds };
		const coin = () => (s.random() < 0.5 ? 0 : 1);
		yield 'Deploy the cave: its door opens to a word whose hash is stored';

		const show = (who: string, n: number, r: Round, confidence?: number) =>
			rounds.push({
				step: s.step,
				round: n,
				prover: who,
				commitment: `entered ${SIDES[r.entered]}`,
				challenge: `shout ${SIDES[r.shout]}`,
				response: `out of ${SIDES[r.exit]}`,
				accepted: r.accepted,
				confidence
			});
		for (let i = 1; i <= 4; i++) {
			const r = round(s, cave, 'peggy', coin(), honest);
			show('Peggy (knows the word)', i, r, r.accepted ? 1 - 2 ** -i : 0);
			yield `Peggy's round ${i}: in by ${SIDES[r.entered]}, shout ${SIDES[r.shout]}`;
		}
		for (let i = 1; i <= 4; i++) {
			const r = round(s, cave, 'mallory', coin(), bluff);
			show('Mallory (no word)', 4 + i, r);
			yield `Mallory's round ${i}: in by ${SIDES[r.entered]}, shout ${SIDES[r.shout]}`;
		}

		// measure: cheating sessions, each until its first rejection (capped at MAX_K rounds)
		const lengths: number[] = [];
		for (let k = 0; k < SESSIONS; k++) {
			let passed = 0;
			while (passed < MAX_K && round(s, cave, 'mallory', coin(), bluff).accepted) passed++;
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
		s.summary('Cheater survives 5 rounds', `${(at5 * 100).toFixed(1)}% (bound 3.1%)`);
		s.note(`${SESSIONS} sessions; survived 5 rounds: ${(at5 * 100).toFixed(1)}%, 2^-5 = 3.1%`);
		yield `Mallory tries ${SESSIONS} sessions: how many rounds does she last?`;
		return { cave, lengths };
	},

	checks: [
		{
			id: 'honest-passes',
			title: 'Peggy, who knows the word, passes every round',
			run(c) {
				const s = c.fresh(11);
				const cave = s.deploy(CAVE, { from: 'deployer', args: [DOOR] });
				for (let i = 0; i < 16; i++) {
					const r = round(s, cave, 'peggy', i % 2, honest);
					ensure(
						r.accepted,
						`Peggy entered by ${SIDES[r.entered]}, the verifier shouted ${SIDES[r.shout]} and she came out of ${SIDES[r.exit]} with the right word, but the round was rejected.`
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
				const cave = s.deploy(CAVE, { from: 'deployer', args: [DOOR] });
				let passed = 0;
				const N = 60;
				for (let i = 0; i < N; i++) {
					const r = round(s, cave, 'mallory', i % 2, bluff);
					if (r.accepted) passed++;
					ensure(
						!r.accepted || r.entered === r.shout,
						`Mallory entered by ${SIDES[r.entered]}, the shout was ${SIDES[r.shout]}, and she came out of ${SIDES[r.exit]} with a wrong word: she crossed the door without the word and was accepted.`
					);
				}
				ensure(
					passed > 0 && passed < N,
					`Mallory passed ${passed} of ${N} rounds; a lucky guess should pass about half.`
				);
				return c.pass(`Mallory passed ${passed} of ${N} rounds: only her lucky guesses.`);
			}
		},
		{
			id: 'wrong-side-refused',
			title: 'Coming out of the side that was not shouted fails',
			run(c) {
				const s = c.fresh(13);
				const cave = s.deploy(CAVE, { from: 'deployer', args: [DOOR] });
				for (let i = 0; i < 6; i++) {
					const r = round(s, cave, 'peggy', i % 2, (shout) => ({ side: 1 - shout, word: WORD }));
					ensure(
						!r.accepted,
						`The verifier shouted ${SIDES[r.shout]} and Peggy came out of ${SIDES[r.exit]}; the round was accepted.`
					);
				}
				return c.pass('The wrong side is refused, word or not.');
			}
		}
	]
});
