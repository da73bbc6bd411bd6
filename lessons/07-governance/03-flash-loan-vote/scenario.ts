// Beanstalk, 17 April 2022: a governor that counts live deposits is captured in one transaction by
// a contract that flash-borrows the voting token, votes, executes a proposal draining the treasury
// and repays. The learner's fix reads votes at the proposal's snapshot block.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import { GovernanceClock, VotesToken } from '#lib/protocols/votes-token.ts';
import { distribution } from '#lib/scenario/concentration.ts';
import {
	DAY,
	EXPLOITER_STAKE,
	FLASH,
	GRANT,
	HOLDERS,
	TREASURY,
	UNIT,
	at,
	attack,
	balanceOf,
	bean,
	deposit,
	openSilo,
	pastBlock,
	percent,
	proposal,
	proposeDrain,
	reasonOf,
	send,
	usdc,
	type Silo
} from './silo.ts';

/** 12:00 UTC on 16 April 2022, the day the exploiter proposed BIP-18. */
const GENESIS = Date.UTC(2022, 3, 16, 12, 0) / 1000;
/** 12:24 UTC on 17 April 2022, the attack transaction. */
const ATTACK_TIME = Date.UTC(2022, 3, 17, 12, 24) / 1000;
const VOTERS = HOLDERS.slice(0, 4); // Alice, Bob, Carol, Dave: 30,000,000 of 32,000,000 BEAN

/** The silo with every holder's BEAN deposited. */
function silo(s: ScenarioContext): Silo {
	const w = openSilo(s);
	for (const h of HOLDERS) deposit(s, w, h.who, h.bean);
	return w;
}

/** How the vote call of a transaction ended, from its receipt's logs. */
function refusals(r: { logs: { event: string; args: Record<string, unknown> }[] }): string[] {
	return r.logs
		.filter((l) => l.event === 'Refused')
		.map((l) => `${String(l.args.call)}: ${String(l.args.reason)}`);
}

export default defineScenario<Silo>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 6;
		const w = silo(s);
		s.trackBalances(
			[w.gov, 'exploiter', w.attacker, w.lender, 'grants'],
			[s.token(w.bean, 'BEAN'), s.token(w.usdc, 'USDC')]
		);
		yield `Five holders deposit ${bean(32_000_000n * UNIT)}; the treasury holds ${usdc(TREASURY)}`;

		const grant = Number(
			send(s, 'alice', w.gov, 'propose', [s.address('grants'), GRANT]).returnValue
		);
		const drain = proposeDrain(s, w);
		s.note(
			`Proposal ${grant}: ${usdc(GRANT)} to the grants multisig (Alice). Proposal ${drain}: ${usdc(TREASURY)} to the exploiter ` +
				`(after depositing ${bean(EXPLOITER_STAKE)}). Snapshot blocks: ${proposal(s, w, grant).snapshot} and ${proposal(s, w, drain).snapshot}.`
		);
		yield 'Alice proposes a grant; the exploiter deposits a little and proposes to take the whole treasury';

		pastBlock(s, proposal(s, w, grant).snapshot);
		for (const h of VOTERS) {
			const r = s.send({ from: h.who, to: w.gov, method: 'vote', args: [grant] });
			s.note(
				`${h.name} votes for the grant: ${r.status === 'success' ? `weight ${bean(BigInt(String(r.logs.find((l) => l.event === 'Vote')?.args.weight ?? 0)))}` : reasonOf(r)}.`
			);
		}
		yield 'Alice, Bob, Carol and Dave vote for the grant';

		at(s, ATTACK_TIME);
		const { receipt, weight, after } = attack(s, w, drain);
		// who decides: the silo's deposits inside the attack transaction, against the votes at the
		// proposal's snapshot block (the same for any governor: the rules differ in which they count)
		const holders = [
			...HOLDERS.map((h) => ({ label: h.name, balance: h.bean, votes: h.bean })),
			{ label: 'Exploiter', balance: EXPLOITER_STAKE, votes: EXPLOITER_STAKE },
			{ label: "Exploiter's contract", balance: FLASH, votes: 0n }
		];
		s.overview.concentration = {
			distributions: [
				distribution({
					name: 'the silo during the attack transaction',
					source:
						'Deposits inside the attack transaction against votes at the snapshot block (synthetic amounts)',
					symbol: 'BEAN',
					step: s.step,
					threshold: { numerator: 2n, denominator: 3n, inclusive: true },
					holders,
					note: 'Balances are the deposits a live count sees inside the attack transaction; votes are those at the snapshot block, where the borrowed 120,000,000 BEAN weigh 0.'
				})
			]
		};
		// every deposit at the moment of the attack's vote
		const total = HOLDERS.reduce((a, h) => a + h.bean, 0n) + EXPLOITER_STAKE + FLASH;
		s.note(
			`The attack transaction: ${receipt.status === 'success' ? 'success' : reasonOf(receipt)}. Its vote weighed ${bean(weight)}; ` +
				`proposal ${drain} ${after.executed ? 'was executed' : 'was not executed'}.` +
				refusals(receipt)
					.map((x) => ` Refused ${x}.`)
					.join('')
		);
		yield 'One transaction: flash-borrow 120,000,000 BEAN, deposit, vote, emergencyCommit, withdraw, repay';

		at(s, ATTACK_TIME + 6 * 60);
		const commit = s.send({ from: 'alice', to: w.gov, method: 'emergencyCommit', args: [grant] });
		s.note(
			`emergencyCommit of the grant: ${commit.status === 'success' ? 'executed' : reasonOf(commit)}; ` +
				`the treasury holds ${usdc(balanceOf(s, w.usdc, w.gov))}.`
		);
		yield 'Six minutes later, Alice executes the grant with emergencyCommit';

		const left = balanceOf(s, w.usdc, w.gov);
		s.summary('Attack vote, share of all votes', percent(weight, total), {
			reference: '0% (the borrowed BEAN were deposited after the snapshot block)'
		});
		s.summary('Attack vote weight', bean(weight), { reference: bean(0n) });
		s.summary('USDC left in the treasury', usdc(left), {
			reference: `${usdc(TREASURY - GRANT)} (only the grant paid)`
		});
		s.summary('Honest grant', commit.status === 'success' ? 'executed' : 'not executed', {
			reference: 'executed'
		});
		yield 'The outcome';
		return w;
	},

	checks: [
		{
			id: 'flash-weight-zero',
			title: 'BEAN deposited after the snapshot block weigh 0, flash-borrowed or bought',
			run(c) {
				const s = c.fresh();
				const w = silo(s);
				const id = proposeDrain(s, w);
				at(s, s.time() + DAY);
				const { weight } = attack(s, w, id);
				ensure(
					weight === 0n,
					`The exploiter's contract flash-borrowed ${bean(FLASH)}, deposited them and voted in the same transaction, ` +
						`a day after the proposal's snapshot block: its vote added ${bean(weight)} to the proposal. ` +
						'Votes must be read at the snapshot block, when the contract held nothing.'
				);
				// a whale who buys (no loan) after the snapshot and votes a block later
				send(s, 'deployer', w.bean, 'transfer', [s.address('whale'), 100_000_000n * UNIT]);
				deposit(s, w, 'whale', 100_000_000n * UNIT);
				s.mine(1);
				const before = proposal(s, w, id).forVotes;
				s.send({ from: 'whale', to: w.gov, method: 'vote', args: [id] });
				const late = proposal(s, w, id).forVotes - before;
				ensure(
					late === 0n,
					`A whale deposited ${bean(100_000_000n * UNIT)} after the snapshot block (no loan) and voted a block later: ` +
						`its vote added ${bean(late)}. Only votes held at the snapshot count.`
				);
				return c.pass('The flash-borrowed deposit and the late whale both weighed 0 BEAN.');
			}
		},
		{
			id: 'treasury-kept',
			title: 'The attack transaction executes nothing and the treasury keeps its funds',
			run(c) {
				const s = c.fresh();
				const w = silo(s);
				const id = proposeDrain(s, w);
				at(s, s.time() + DAY);
				const { receipt, after } = attack(s, w, id);
				const left = balanceOf(s, w.usdc, w.gov);
				const taken = balanceOf(s, w.usdc, 'exploiter');
				ensure(
					!after.executed && left === TREASURY && taken === 0n,
					`After the attack transaction (${receipt.status}) the proposal is ${after.executed ? 'executed' : 'not executed'}, ` +
						`the treasury holds ${usdc(left)} of ${usdc(TREASURY)} and the exploiter ${usdc(taken)}.`
				);
				const commit = s.send({
					from: 'exploiter',
					to: w.gov,
					method: 'emergencyCommit',
					args: [id]
				});
				ensure(
					commit.status === 'reverted' && balanceOf(s, w.usdc, w.gov) === TREASURY,
					`The exploiter then called emergencyCommit on its proposal, which has only its own ${bean(EXPLOITER_STAKE)} behind it: it ${commit.status === 'success' ? 'executed' : 'reverted'}.`
				);
				return c.pass(
					`The attack ran (${receipt.status}) and executed nothing: the treasury still holds ${usdc(TREASURY)}.`
				);
			}
		},
		{
			id: 'voting-delay',
			title: 'Voting opens only after the snapshot block, a block or more after the proposal',
			run(c) {
				const s = c.fresh();
				const w = silo(s);
				const r = send(s, 'alice', w.gov, 'propose', [s.address('grants'), GRANT]);
				const id = Number(r.returnValue);
				const p = proposal(s, w, id);
				ensure(
					p.snapshot > r.blockNumber,
					`The proposal was made in block ${r.blockNumber} and its snapshot block is ${p.snapshot}: ` +
						'with no voting delay, the proposer could buy votes in the same block as the proposal.'
				);
				const early = s.send({ from: 'bob', to: w.gov, method: 'vote', args: [id] });
				ensure(
					early.status === 'reverted',
					`Bob voted in block ${early.blockNumber}, before the snapshot block ${p.snapshot} was over, and the vote was accepted.`
				);
				pastBlock(s, p.snapshot);
				const onTime = s.send({ from: 'bob', to: w.gov, method: 'vote', args: [id] });
				const got = proposal(s, w, id).forVotes;
				ensure(
					onTime.status === 'success' && got === HOLDERS[1].bean,
					`After the snapshot block Bob's vote ${onTime.status === 'success' ? `added ${bean(got)}` : `reverted (${reasonOf(onTime)})`}; expected ${bean(HOLDERS[1].bean)}.`
				);
				return c.pass(
					`Refused in block ${early.blockNumber}; after the snapshot block ${p.snapshot}, Bob's vote weighed ${bean(got)}.`
				);
			}
		},
		{
			id: 'honest-passes',
			title: 'Real holders still pass a proposal with emergencyCommit',
			run(c) {
				const s = c.fresh();
				const w = silo(s);
				const r = send(s, 'alice', w.gov, 'propose', [s.address('grants'), GRANT]);
				const id = Number(r.returnValue);
				pastBlock(s, proposal(s, w, id).snapshot);
				for (const h of VOTERS) {
					const v = s.send({ from: h.who, to: w.gov, method: 'vote', args: [id] });
					ensure(v.status === 'success', `${h.name}'s vote reverted: ${reasonOf(v)}.`);
				}
				// Erin withdraws after the snapshot: the two-thirds line is the snapshot's
				send(s, 'erin', w.gov, 'withdraw', [HOLDERS[4].bean]);
				const forVotes = proposal(s, w, id).forVotes;
				at(s, s.time() + DAY);
				const commit = s.send({ from: 'dave', to: w.gov, method: 'emergencyCommit', args: [id] });
				const paid = balanceOf(s, w.usdc, 'grants');
				ensure(
					commit.status === 'success' && paid === GRANT,
					`Four holders with ${bean(forVotes)} of ${bean(32_000_000n * UNIT)} deposited before the proposal voted for it; ` +
						`a day later emergencyCommit ${commit.status === 'success' ? 'ran' : `reverted (${reasonOf(commit)})`} and the grants multisig holds ${usdc(paid)}, expected ${usdc(GRANT)}.`
				);
				return c.pass(
					`${bean(forVotes)} For, over two thirds of the snapshot's votes: the grant was paid.`
				);
			}
		},
		{
			id: 'delegation',
			title: 'Delegated votes count for the delegate, as of the snapshot block',
			run(c) {
				const s = c.fresh();
				const w = silo(s);
				// the reference: Comp.sol's checkpoints (votes-token model), block for block with the chain
				const clock = new GovernanceClock(s.blockNumber());
				const model = new VotesToken(clock);
				for (const h of HOLDERS) {
					model.mint(h.who, h.bean);
					model.delegate(h.who, h.who); // a silo deposit votes for its holder until delegated
				}
				const d = s.send({
					from: 'bob',
					to: w.gov,
					method: 'delegate',
					args: [s.address('alice')]
				});
				ensure(d.status === 'success', `Bob's delegate(alice) reverted: ${reasonOf(d)}.`);
				clock.block = d.blockNumber;
				model.delegate('bob', 'alice');
				const id = Number(
					send(s, 'alice', w.gov, 'propose', [s.address('grants'), GRANT]).returnValue
				);
				pastBlock(s, proposal(s, w, id).snapshot);
				// Carol delegates to Alice only after the snapshot: it must not count in this proposal
				clock.block = send(s, 'carol', w.gov, 'delegate', [s.address('alice')]).blockNumber;
				model.delegate('carol', 'alice');
				clock.block = s.blockNumber() + 1;
				const snapshot = proposal(s, w, id).snapshot;
				const at = (who: string) => model.getPriorVotes(who, snapshot);
				const weightOf = (who: string) => {
					const before = proposal(s, w, id).forVotes;
					s.send({ from: who, to: w.gov, method: 'vote', args: [id] });
					return proposal(s, w, id).forVotes - before;
				};
				const alice = weightOf('alice');
				const expected = at('alice');
				ensure(
					alice === expected,
					`Bob delegated his ${bean(HOLDERS[1].bean)} to Alice before the proposal, Carol hers after the snapshot. ` +
						`Alice's vote weighed ${bean(alice)}; expected her own ${bean(HOLDERS[0].bean)} plus Bob's: ${bean(expected)}.`
				);
				const bob = weightOf('bob');
				ensure(
					bob === at('bob'),
					`Bob had delegated his votes, yet his own vote added ${bean(bob)}; expected ${bean(at('bob'))}.`
				);
				const carol = weightOf('carol');
				ensure(
					carol === at('carol'),
					`Carol delegated after the snapshot, so at the snapshot her ${bean(HOLDERS[2].bean)} were still hers; her vote added ${bean(carol)}.`
				);
				return c.pass(
					`Alice ${bean(alice)}, Bob 0, Carol ${bean(carol)}: each as of the snapshot block.`
				);
			}
		}
	]
});
