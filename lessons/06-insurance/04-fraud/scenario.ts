// A ring of three assessors votes Eve's false claim through; governance proves the fraud during
// the cooldown, and the learner's processFraud takes the ring's votes out of the poll, burns their
// stake and leaves the whole reward to the honest voters.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { LedgerSnapshot } from '#lib/model/assessors.ts';
import { assessmentDepositAndReward } from '#lib/protocols/nexus-assessment.ts';
import {
	DAY,
	FILE,
	HONEST,
	MEMBERS,
	NXM,
	RING,
	Reference,
	fraudTree,
	nxm,
	outcomeOf,
	pollOf,
	reasonOf,
	showPoll,
	snapshot,
	stakeOf,
	type FraudLeaf
} from './fraud.ts';

const HOUR = 3_600;
const YEAR = 365n * BigInt(DAY);
/** Illustrative NXM price: 0.02 ETH. */
const NXM_PRICE_IN_ETH = 2n * 10n ** 16n;
/** The assessors' reward of each claim, from IndividualClaims.sol 103-129 (1.3% a year, at most 50 NXM). */
const reward = (payoutNXM: bigint) =>
	assessmentDepositAndReward({
		expectedPayoutInNXM: payoutNXM * NXM,
		coverPeriod: YEAR,
		nxmPriceInETH: NXM_PRICE_IN_ETH
	});
/** Claim 0: Ana's genuine claim, 1,000 NXM on a one-year cover: 13 NXM of rewards. */
const GENUINE = reward(1_000n);
/** Claim 1: Eve's false claim, 5,000 NXM: 65 NXM, capped at 50. */
const FALSE_CLAIM = reward(5_000n);
const CLAIMS = ["Claim 0: Ana's hack (genuine)", "Claim 1: Eve's exploit (false)"];
/** Who votes on Ana's genuine claim (all accept): two honest assessors and two of the ring. */
const GENUINE_VOTERS = ['alice', 'bob', 'mallory', 'oscar'];

type World = { a: string; ref: Reference; start: number };

/** Move the chain to `t` (unix seconds) with an empty block, when `t` is ahead. */
function at(s: ScenarioContext, t: number) {
	if (t > s.time()) {
		s.chain.warp(t - s.time());
		s.mine(1);
	}
}

function send(s: ScenarioContext, from: string, a: string, method: string, args: unknown[]) {
	const r = s.send({ from, to: a, method, args });
	if (r.status !== 'success') throw new Error(`${method} by ${from} failed: ${reasonOf(r)}`);
	return r;
}

/** Deploy, stake, open Ana's claim and let four members accept it. */
function setup(s: ScenarioContext): World {
	const a = s.deploy(FILE, {
		from: 'deployer',
		args: [s.address('governance'), s.address('claims')]
	});
	const ref = new Reference();
	for (const m of MEMBERS) {
		send(s, m.who, a, 'stake', [m.stake]);
		ref.stake(m.who, m.stake);
	}
	const start = s.time();
	send(s, 'claims', a, 'startAssessment', [GENUINE.totalRewardInNXM, GENUINE.deposit]);
	ref.open(s.time(), GENUINE.totalRewardInNXM);
	at(s, start + HOUR);
	for (const who of GENUINE_VOTERS) vote(s, { a, ref, start }, who, 0, true);
	return { a, ref, start };
}

function vote(s: ScenarioContext, w: World, who: string, id: number, accept: boolean) {
	send(s, who, w.a, 'castVote', [id, accept]);
	w.ref.vote(who, id, accept, s.time());
}

/** Ana's claim is final; Eve files hers, the ring accepts it and the honest three deny it. */
function falseClaim(s: ScenarioContext, w: World) {
	at(s, w.start + 5 * DAY);
	send(s, 'claims', w.a, 'startAssessment', [FALSE_CLAIM.totalRewardInNXM, FALSE_CLAIM.deposit]);
	w.ref.open(s.time(), FALSE_CLAIM.totalRewardInNXM);
	at(s, w.start + 5 * DAY + 2 * HOUR);
	for (const m of RING) vote(s, w, m.who, 1, true);
	at(s, w.start + 6 * DAY + 2 * HOUR);
	for (const m of HONEST) vote(s, w, m.who, 1, false);
}

/** The leaves governance proves: each ring member's votes up to their last, `burn` each (default: the whole stake). */
function leavesFor(s: ScenarioContext, burn: Partial<Record<string, bigint>> = {}): FraudLeaf[] {
	return RING.map((m) => ({
		assessor: s.address(m.who),
		lastFraudulentVoteIndex: GENUINE_VOTERS.includes(m.who) ? 1 : 0,
		burnAmount: burn[m.who] ?? m.stake,
		fraudCount: 0
	}));
}

type Fraud = { leaves: FraudLeaf[]; proofs: string[][] };

function submit(s: ScenarioContext, w: World, leaves: FraudLeaf[]): Fraud {
	const tree = fraudTree(leaves);
	send(s, 'governance', w.a, 'submitFraud', [tree.root]);
	return { leaves, proofs: tree.proofs };
}

/** Anyone (here the keeper) sends ring member `i`'s leaf to processFraud; the reference follows a success. */
function processFraud(s: ScenarioContext, w: World, f: Fraud, i: number, batch = 100) {
	const l = f.leaves[i];
	const r = s.send({
		from: 'keeper',
		to: w.a,
		method: 'processFraud',
		args: [0, f.proofs[i], l.assessor, l.lastFraudulentVoteIndex, l.burnAmount, l.fraudCount, batch]
	});
	const burned = w.ref.processFraud(l, RING[i].who, s.time(), batch);
	return { receipt: r, burned };
}

/**
 * Every member withdraws their rewards; a revert (nothing owed) counts as 0. With `onlyOwed`, as
 * an app would, a member whose reward index is past their last vote (a processed assessor, whose
 * withdrawRewards would revert with NoWithdrawableRewards) gets a note instead.
 */
function withdrawAll(s: ScenarioContext, w: World, onlyOwed = false): Map<string, bigint> {
	const paid = new Map<string, bigint>();
	for (const m of MEMBERS) {
		const votes = s.view(w.a, 'votesOf', [s.address(m.who)]) as unknown[];
		if (onlyOwed && stakeOf(s, w.a, m.who).rewardsWithdrawableFromIndex >= votes.length) {
			s.note(`${m.name} has no reward left to withdraw: the reward index is past every vote.`);
			paid.set(m.who, 0n);
			continue;
		}
		const r = s.send({
			from: m.who,
			to: w.a,
			method: 'withdrawRewards',
			args: [s.address(m.who), 0]
		});
		paid.set(m.who, r.status === 'success' ? (r.returnValue as bigint) : 0n);
	}
	return paid;
}

/** A fresh world up to the fraud root, with Eve's poll closed and in its cooldown. */
function proven(c: CheckContext<World>, burn?: Partial<Record<string, bigint>>) {
	const s = c.fresh();
	const w = setup(s);
	falseClaim(s, w);
	at(s, Number(w.ref.polls[1].end) + 60);
	const f = submit(s, w, leavesFor(s, burn));
	at(s, s.time() + HOUR);
	return { s, w, f };
}

const same = (
	p: { accepted: bigint; denied: bigint; end: number },
	m: { accepted: bigint; denied: bigint; end: bigint }
) => p.accepted === m.accepted && p.denied === m.denied && BigInt(p.end) === m.end;
/** Unix seconds as `2023-11-24 01:16 UTC`. */
const utc = (t: number | bigint) =>
	`${new Date(Number(t) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const showModel = (m: { accepted: bigint; denied: bigint; end: bigint }) =>
	`${showPoll(m)}, closing ${utc(m.end)}`;

export default defineScenario({
	*run(s) {
		s.total = 9;
		const ledger: LedgerSnapshot[] = [];
		const named = new Set<string>();
		let phase: 'before' | 'after' = 'before';
		s.overview.assessorLedger = {
			unit: 'NXM',
			claims: CLAIMS,
			snapshots: ledger,
			source:
				'Illustrative stakes and claims; rules of Nexus Mutual v2.12.4 Assessment.sol (reward: IndividualClaims.sol 103-129, at an NXM price of 0.02 ETH)'
		};
		let claims = 1;
		const record = () => ledger.push(snapshot(s, w.a, claims, named, phase));

		const w = setup(s);
		record();
		yield {
			label: 'Six members stake NXM; Ana claims on her cover, and four of them accept her claim',
			notes: [
				`Stakes: ${MEMBERS.map((m) => `${m.name} ${nxm(m.stake, 0)}`).join(', ')}.`,
				`Ana's claim carries ${nxm(GENUINE.totalRewardInNXM)} of rewards for its voters.`
			]
		};
		falseClaim(s, w);
		claims = 2;
		record();
		yield {
			label: "Ana's claim is final; Eve files a claim for an exploit that never happened",
			notes: [
				`Mallory, Oscar and Trudy accept it (${nxm(2_700n * NXM, 0)}); Alice, Bob and Carol deny it (${nxm(2_000n * NXM, 0)}).`,
				`Eve's claim carries ${nxm(FALSE_CLAIM.totalRewardInNXM)} of rewards (65 NXM, capped at 50).`
			]
		};
		const end = Number(w.ref.polls[1].end);
		at(s, end + 60);
		record();
		yield {
			label: "Eve's poll closes: accepted, 2,700 NXM to 2,000; the payout waits one day",
			notes: [`Outcome now: ${outcomeOf(s, w.a, 1)} (${showPoll(pollOf(s, w.a, 1))}).`]
		};
		at(s, end + 2 * HOUR);
		const fraud = submit(s, w, leavesFor(s));
		for (const m of RING) named.add(m.who);
		record();
		yield {
			label: 'Governance proves the fraud: a Merkle root of Mallory, Oscar and Trudy',
			notes: [
				'Each leaf: the assessor, the index of their last fraudulent vote, the NXM to burn (their whole stake), fraud count 0.'
			]
		};
		phase = 'after';
		for (const [i, m] of RING.entries()) {
			at(s, end + 3 * HOUR + i * 10 * 60);
			const r = processFraud(s, w, fraud, i);
			record();
			const model = w.ref.polls[1];
			yield {
				label: `processFraud for ${m.name}`,
				notes: [
					r.receipt.status === 'success'
						? `Eve's poll: ${showPoll(pollOf(s, w.a, 1))}; ${m.name}'s stake is now ${nxm(stakeOf(s, w.a, m.who).amount)}.`
						: `processFraud reverted: ${reasonOf(r.receipt)}.`,
					`Reference: ${showPoll(model)}, ${nxm(r.burned)} burned.`
				]
			};
		}
		at(s, s.time() + HOUR);
		const again = processFraud(s, w, fraud, 0);
		record();
		yield {
			label: "Someone sends Mallory's leaf again",
			notes: [
				again.receipt.status === 'success'
					? `It went through; Eve's poll: ${showPoll(pollOf(s, w.a, 1))}, total burned ${nxm(s.view(w.a, 'totalBurned', []) as bigint)}.`
					: `It reverted: ${reasonOf(again.receipt)}.`,
				'Reference: nothing changes the second time.'
			]
		};
		at(s, Math.max(w.ref.finalAt(1), Number(pollOf(s, w.a, 1).end) + DAY) + 60);
		const paid = withdrawAll(s, w, true);
		record();
		yield {
			label: 'Both polls are final; every assessor withdraws their rewards',
			notes: MEMBERS.map(
				(m) => `${m.name}: ${nxm(paid.get(m.who) ?? 0n)} (reference ${nxm(w.ref.rewardOf(m.who))}).`
			)
		};

		const poll = pollOf(s, w.a, 1);
		const model = w.ref.polls[1];
		s.summary("Eve's claim", outcomeOf(s, w.a, 1), {
			reference: model.outcome(BigInt(s.time())),
			note: same(poll, model)
				? showPoll(poll)
				: `yours ${showPoll(poll)}, reference ${showPoll(model)}`
		});
		s.summary('NXM burned', nxm(s.view(w.a, 'totalBurned', []) as bigint), {
			reference: nxm([...w.ref.burned.values()].reduce((x, y) => x + y, 0n))
		});
		for (const m of MEMBERS) {
			s.summary(`${m.name}'s rewards paid`, nxm(paid.get(m.who) ?? 0n), {
				reference: nxm(w.ref.rewardOf(m.who)),
				note: m.ring ? 'in the fraud root' : 'honest'
			});
		}
		// what withdrawRewards pays Alice for Eve's claim: its reward over the poll's totals
		const alice = (FALSE_CLAIM.totalRewardInNXM * 1_000n * NXM) / (poll.accepted + poll.denied);
		s.summary("Alice's reward for Eve's claim", nxm(alice), {
			reference: nxm(model.rewardOf('alice')),
			note: `50 NXM x 1,000 NXM / ${nxm(poll.accepted + poll.denied, 0)} in the poll; ${nxm((FALSE_CLAIM.totalRewardInNXM * 1_000n) / 4_700n)} (over 4,700 NXM) before the fraud was processed`
		});
		return w;
	},
	checks: [
		{
			id: 'outcome-flips',
			title: "Taking the ring's votes out of Eve's poll flips it to denied",
			run(c) {
				const { s, w, f } = proven(c);
				for (const i of RING.keys()) {
					const r = processFraud(s, w, f, i);
					c.assert(
						r.receipt.status === 'success',
						`processFraud for ${RING[i].name} reverted: ${reasonOf(r.receipt)}.`
					);
					const p = pollOf(s, w.a, 1);
					const m = w.ref.polls[1];
					c.assert(
						same(p, m),
						`After processFraud for ${RING[i].name}, Eve's poll should be ${showModel(m)}; yours is ${showPoll(p)}, closing ${utc(p.end)}. ` +
							`Take the vote's stakedAmount off its side, and move end to at least now + 1 day.`
					);
				}
				at(s, Number(w.ref.polls[1].end) + 60);
				const got = outcomeOf(s, w.a, 1);
				const want = w.ref.polls[1].outcome(BigInt(s.time()));
				c.assert(
					got === want,
					`When the extended poll closes, Eve's claim should be ${want}; yours is ${got}.`
				);
				return c.pass(
					`Eve's poll ends at ${showPoll(pollOf(s, w.a, 1))}: ${got}, as the reference.`
				);
			}
		},
		{
			id: 'stake-burned',
			title: "Each fraudster's stake is burned, never more than they have",
			run(c) {
				// Oscar's leaf burns half his stake; Trudy's asks for more than she has
				const { s, w, f } = proven(c, { oscar: 450n * NXM, trudy: 1_000n * NXM });
				const done: string[] = [];
				for (const [i, m] of RING.entries()) {
					const before = stakeOf(s, w.a, m.who).amount;
					const r = processFraud(s, w, f, i);
					c.assert(
						r.receipt.status === 'success',
						`processFraud for ${m.name} reverted: ${reasonOf(r.receipt)}.`
					);
					const after = stakeOf(s, w.a, m.who).amount;
					c.assert(
						before - after === r.burned,
						`${m.name} staked ${nxm(before)} and the leaf says burn ${nxm(f.leaves[i].burnAmount)}: ${nxm(r.burned)} should be burned, yours burned ${nxm(before - after)}. ` +
							'Burn min(burnAmount, stake), once.'
					);
					done.push(`${m.name} ${nxm(r.burned)}`);
				}
				const total = s.view(w.a, 'totalBurned', []) as bigint;
				const want = [...w.ref.burned.values()].reduce((x, y) => x + y, 0n);
				c.assert(total === want, `totalBurned should be ${nxm(want)}, yours is ${nxm(total)}.`);
				return c.pass(`Burned ${done.join(', ')}: ${nxm(total)} in all.`);
			}
		},
		{
			id: 'honest-rewards',
			title: 'Only the honest voters are paid, pro rata over the stake that is left in the poll',
			run(c) {
				const { s, w, f } = proven(c);
				for (const i of RING.keys()) processFraud(s, w, f, i);
				at(s, Number(pollOf(s, w.a, 1).end) + DAY + 60);
				const paid = withdrawAll(s, w);
				const done: string[] = [];
				for (const m of MEMBERS) {
					const got = paid.get(m.who) ?? 0n;
					const want = w.ref.rewardOf(m.who);
					c.assert(
						got === want,
						`${m.name} (${m.ring ? 'in the fraud root' : 'honest'}) should withdraw ${nxm(want, 6)}, withdrew ${nxm(got, 6)}. ` +
							(m.ring
								? "A processed assessor's rewardsWithdrawableFromIndex moves past the votes processFraud walked."
								: "Eve's 50 NXM are shared over accepted + denied after the ring's votes are gone.")
					);
					done.push(`${m.name} ${nxm(got)}`);
				}
				return c.pass(`Rewards withdrawn: ${done.join(', ')}.`);
			}
		},
		{
			id: 'final-poll-untouched',
			title:
				"A poll already final keeps its votes: Ana's claim, and Eve's when governance is too late",
			run(c) {
				const { s, w, f } = proven(c);
				const ana = pollOf(s, w.a, 0);
				const r = processFraud(s, w, f, 0);
				c.assert(
					r.receipt.status === 'success',
					`processFraud for Mallory reverted: ${reasonOf(r.receipt)}.`
				);
				const after = pollOf(s, w.a, 0);
				c.assert(
					after.accepted === ana.accepted && after.denied === ana.denied && after.end === ana.end,
					`Ana's claim was final before the fraud was proven, so its poll should stay ${showPoll(ana)}, closing ${utc(ana.end)}; yours became ${showPoll(after)}, closing ${utc(after.end)}. Skip a poll when now >= end + 1 day.`
				);
				c.assert(
					same(pollOf(s, w.a, 1), w.ref.polls[1]),
					`Eve's poll, not final yet, should lose Mallory's vote: ${showModel(w.ref.polls[1])}; yours is ${showPoll(pollOf(s, w.a, 1))}.`
				);
				// governance proves the fraud only after Eve's poll is final too
				const late = c.fresh();
				const lw = setup(late);
				falseClaim(late, lw);
				at(late, lw.ref.finalAt(1) + HOUR);
				const lf = submit(late, lw, leavesFor(late));
				const eve = pollOf(late, lw.a, 1);
				for (const i of RING.keys()) processFraud(late, lw, lf, i);
				const now = pollOf(late, lw.a, 1);
				c.assert(
					now.accepted === eve.accepted && now.denied === eve.denied && now.end === eve.end,
					`Processed after the cooldown, Eve's poll should stay ${showPoll(eve)}; yours became ${showPoll(now)}. Once final, the result stands.`
				);
				const burned = late.view(lw.a, 'totalBurned', []) as bigint;
				const want = [...lw.ref.burned.values()].reduce((x, y) => x + y, 0n);
				c.assert(
					burned === want,
					`Even when it is too late to change a poll, the stake is burned: ${nxm(want)} should be, yours burned ${nxm(burned)}.`
				);
				return c.pass(
					`Final polls keep their votes (${showPoll(ana)} on Ana's claim); the late fraud still burns ${nxm(burned)}.`
				);
			}
		},
		{
			id: 'process-twice',
			title: 'Processing the same leaf again changes nothing',
			run(c) {
				// Mallory's leaf burns 500 of her 1,200 NXM, so a second burn would show
				const { s, w, f } = proven(c, { mallory: 500n * NXM });
				const r1 = processFraud(s, w, f, 0);
				c.assert(
					r1.receipt.status === 'success',
					`processFraud for Mallory reverted: ${reasonOf(r1.receipt)}.`
				);
				c.assert(
					same(pollOf(s, w.a, 1), w.ref.polls[1]) &&
						stakeOf(s, w.a, 'mallory').amount === w.ref.stakes.get('mallory'),
					`After the first processFraud for Mallory, Eve's poll should be ${showModel(w.ref.polls[1])} and her stake ${nxm(w.ref.stakes.get('mallory') ?? 0n)}; ` +
						`yours are ${showPoll(pollOf(s, w.a, 1))} and ${nxm(stakeOf(s, w.a, 'mallory').amount)}.`
				);
				const poll = pollOf(s, w.a, 1);
				const burned = s.view(w.a, 'totalBurned', []) as bigint;
				processFraud(s, w, f, 0);
				const r = processFraud(s, w, f, 0);
				const poll2 = pollOf(s, w.a, 1);
				const burned2 = s.view(w.a, 'totalBurned', []) as bigint;
				c.assert(
					burned2 === burned &&
						poll2.accepted === poll.accepted &&
						poll2.denied === poll.denied &&
						poll2.end === poll.end,
					`Sending Mallory's leaf twice more should change nothing (it ${r.receipt.status === 'success' ? 'went through' : 'reverted'}); ` +
						`total burned went from ${nxm(burned)} to ${nxm(burned2)}, Eve's poll from ${showPoll(poll)} to ${showPoll(poll2)}. Burn only when fraudCount equals the stake's fraudCount, then increase it.`
				);
				return c.pass(
					`The first call removed Mallory's vote and burned ${nxm(burned)}; two more calls changed nothing.`
				);
			}
		}
	]
});
