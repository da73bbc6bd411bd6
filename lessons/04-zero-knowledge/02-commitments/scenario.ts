// Alice seals a salted bid, Bob one with the all-zero salt everyone knows; the learner's Breaker
// recovers Bob's; both reveal honestly; Carol tries to open hers to another bid.
import { ZERO_SALT, commit, randomSalt } from '#lib/protocols/commitment.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ProofRound } from '#lib/model/proof.ts';

const CR = 'contracts/CommitReveal.ts';
const BREAKER = 'contracts/Breaker.ts';
const MAX_BID = 1_000n;
const short = (hex: string) => `${hex.slice(0, 10)}...${hex.slice(-4)}`;

/** Deploys CommitReveal, commits `value` (salted) for alice and returns what opens it. */
function committed(s: ScenarioContext, value: bigint) {
	const cr = s.deploy(CR, { from: 'deployer' });
	const salt = randomSalt(() => s.random());
	const r = s.send({ from: 'alice', to: cr, method: 'commit', args: [commit(value, salt)] });
	ensure(r.status === 'success', `commit(...) reverted: ${r.error?.message}.`);
	return { cr, salt };
}

export default defineScenario({
	*run(s) {
		s.total = 5;
		const cr = s.deploy(CR, { from: 'deployer' });
		const breaker = s.deploy(BREAKER, { from: 'mallory' });
		const rounds: ProofRound[] = [];
		s.overview.proofs = { rounds };
		yield 'Deploy CommitReveal and Mallory’s Breaker';

		const salt = randomSalt(() => s.random());
		const alice = commit(700n, salt);
		s.send({ from: 'alice', to: cr, method: 'commit', args: [alice] });
		const bob = commit(420n, ZERO_SALT);
		s.send({ from: 'bob', to: cr, method: 'commit', args: [bob] });
		rounds.push(
			{
				step: s.step,
				round: 1,
				prover: 'Alice',
				commitment: short(alice),
				challenge: '',
				response: '',
				accepted: null,
				note: 'salted'
			},
			{
				step: s.step,
				round: 2,
				prover: 'Bob',
				commitment: short(bob),
				challenge: '',
				response: '',
				accepted: null,
				note: 'salt 0 (public)'
			}
		);
		yield 'Alice commits to 700 with a random salt, Bob to 420 with the zero salt';

		const found = [alice, bob].map((c) => s.view(breaker, 'find', [c, MAX_BID]) as bigint);
		s.note(`Breaker on Alice's commitment: ${found[0]}; on Bob's: ${found[1]}`);
		rounds[0].challenge = `breaker: ${found[0] < 0n ? 'not found' : found[0]}`;
		rounds[1].challenge = `breaker: ${found[1] < 0n ? 'not found' : found[1]}`;
		yield 'Mallory hashes every bid from 0 to 1,000';

		const ra = s.send({ from: 'alice', to: cr, method: 'reveal', args: [700n, salt] });
		const rb = s.send({
			from: 'bob',
			to: cr,
			method: 'reveal',
			args: [420n, ZERO_SALT]
		});
		rounds[0].response = 'reveal 700';
		rounds[0].accepted = ra.status === 'success';
		rounds[1].response = 'reveal 420';
		rounds[1].accepted = rb.status === 'success';
		yield 'Alice and Bob reveal';

		// a fresh pair of commitments: now try to open them to something else
		const carolSalt = randomSalt(() => s.random());
		s.send({ from: 'carol', to: cr, method: 'commit', args: [commit(100n, carolSalt)] });
		const lie = s.send({ from: 'carol', to: cr, method: 'reveal', args: [999n, carolSalt] });
		rounds.push({
			step: s.step,
			round: 3,
			prover: 'Carol',
			commitment: short(commit(100n, carolSalt)),
			challenge: '',
			response: 'reveal 999 (committed 100)',
			accepted: lie.status === 'success'
		});
		yield 'Carol commits to 100 and tries to reveal 999';
		return { cr, breaker, found: found.map(String) };
	},

	checks: [
		{
			id: 'reveal-accepts-opening',
			title: 'reveal accepts the committed value with its salt',
			run(c) {
				const s = c.fresh();
				const { cr, salt } = committed(s, 123n);
				const r = s.send({ from: 'alice', to: cr, method: 'reveal', args: [123n, salt] });
				ensure(
					r.status === 'success',
					`Alice committed to 123 and revealed 123 with the same salt, but reveal reverted: "${r.error?.message}".`
				);
				const got = s.view(cr, 'revealedOf', [s.address('alice')]) as bigint;
				ensure(got === 123n, `After the reveal, revealedOf(Alice) is ${got}; expected 123.`);
				return c.pass('The honest opening is accepted and recorded.');
			}
		},
		{
			id: 'reveal-is-binding',
			title: 'reveal refuses any other value or salt',
			run(c) {
				const s = c.fresh();
				const { cr, salt } = committed(s, 123n);
				const other = s.send({ from: 'alice', to: cr, method: 'reveal', args: [124n, salt] });
				ensure(
					other.status === 'reverted',
					'Alice committed to 123 and revealed 124 with the same salt: reveal accepted it. ' +
						'A commitment must bind: recompute the hash and compare.'
				);
				const badSalt = '0x' + 'ab'.repeat(32);
				const wrongSalt = s.send({
					from: 'alice',
					to: cr,
					method: 'reveal',
					args: [123n, badSalt]
				});
				ensure(
					wrongSalt.status === 'reverted',
					'Alice revealed 123 with a different salt and reveal accepted it; the salt is part of the hash.'
				);
				const right = s.send({ from: 'alice', to: cr, method: 'reveal', args: [123n, salt] });
				ensure(
					right.status === 'success',
					`After two refused openings, the right one reverted: "${right.error?.message}".`
				);
				return c.pass('124 and a wrong salt are refused; only (123, salt) opens the commitment.');
			}
		},
		{
			id: 'breaker-finds-unsalted',
			title: 'Breaker finds a value behind the zero salt and nothing behind a random salt',
			run(c) {
				const s = c.fresh(7);
				const breaker = s.deploy(BREAKER, { from: 'mallory' });
				for (const v of [0n, 37n, 420n, 1_000n]) {
					const got = s.view(breaker, 'find', [commit(v, ZERO_SALT), MAX_BID]) as bigint;
					ensure(
						got === v,
						`find(keccak256(${v} as 32 bytes || zero salt), 1000) returned ${got}; expected ${v}.`
					);
				}
				const salted = commit(
					420n,
					randomSalt(() => s.random())
				);
				const none = s.view(breaker, 'find', [salted, MAX_BID]) as bigint;
				ensure(
					none === -1n,
					`find on a commitment with a random salt returned ${none}; expected -1 (no match).`
				);
				const outside = s.view(breaker, 'find', [commit(1_001n, ZERO_SALT), MAX_BID]) as bigint;
				ensure(
					outside === -1n,
					`find(keccak256(1001 || zero salt), 1000) returned ${outside}; 1001 is above max, expected -1.`
				);
				return c.pass(
					'Bids from 0 to 1,000 behind the zero salt fall in at most 1,001 hashes; the randomly salted one does not.'
				);
			}
		}
	]
});
