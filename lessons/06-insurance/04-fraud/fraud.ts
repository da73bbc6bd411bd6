/**
 * The fraud lesson's helpers: the assessors and claims of its story, the fraud root governance
 * submits (Nexus Mutual's leaf and tree), the reference built on the nexus-assessment model, and
 * the ledger snapshots of the assessor-ledger view read from the learner's contract.
 *
 * Sources: NexusMutual/smart-contracts v2.12.4 (01c72951) `contracts/modules/assessment/Assessment.sol`
 * 392-497 and `test/unit/Assessment/helpers.js` 25-60 (the leaf packs address, uint256, uint96 and
 * uint16; merkletreejs with `hashLeaves` and `sortPairs`, so an odd node moves up unpaired).
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { LedgerSnapshot, LedgerVote } from '#lib/model/assessors.ts';
import { formatTokens, formatUnits } from '#lib/model/units.ts';
import { Assessment as PollModel, PAYOUT_COOLDOWN } from '#lib/protocols/nexus-assessment.ts';
import { keccak256 } from '#lib/sim/hash.ts';

export const FILE = 'contracts/Assessment.ts';
export const NXM = 10n ** 18n;
export const DAY = 86_400;

/** An NXM amount (wei) as `25 NXM` (4 decimals, truncated). */
export const nxm = (amount: bigint, digits = 4): string => formatTokens(amount, 'NXM', digits);

/** One assessor of the story: illustrative stakes, not Nexus Mutual members' figures. */
export type Member = { who: string; name: string; stake: bigint; ring: boolean };
export const MEMBERS: Member[] = [
	{ who: 'alice', name: 'Alice', stake: 1_000n * NXM, ring: false },
	{ who: 'bob', name: 'Bob', stake: 600n * NXM, ring: false },
	{ who: 'carol', name: 'Carol', stake: 400n * NXM, ring: false },
	{ who: 'mallory', name: 'Mallory', stake: 1_200n * NXM, ring: true },
	{ who: 'oscar', name: 'Oscar', stake: 900n * NXM, ring: true },
	{ who: 'trudy', name: 'Trudy', stake: 600n * NXM, ring: true }
];
export const RING = MEMBERS.filter((m) => m.ring);
export const HONEST = MEMBERS.filter((m) => !m.ring);

export { reasonOf } from '../flights.ts';

// ---- the fraud root ----

/** One leaf of a fraud root: who, up to which of their votes, how much to burn, which fraud count. */
export type FraudLeaf = {
	assessor: string;
	lastFraudulentVoteIndex: number;
	burnAmount: bigint;
	fraudCount: number;
};

const pad = (value: bigint | number, bytes: number) =>
	BigInt(value)
		.toString(16)
		.padStart(bytes * 2, '0');

/** keccak256(abi.encodePacked(address, uint256, uint96, uint16)) of a leaf, 0x lowercase hex. */
export function leafHash(leaf: FraudLeaf): string {
	return keccak256(
		'0x' +
			leaf.assessor.slice(2).toLowerCase() +
			pad(leaf.lastFraudulentVoteIndex, 32) +
			pad(leaf.burnAmount, 12) +
			pad(leaf.fraudCount, 2)
	);
}

const node = (a: string, b: string) =>
	a < b ? keccak256(a + b.slice(2)) : keccak256(b + a.slice(2));

/**
 * The Merkle tree of `leaves` as merkletreejs builds it for Nexus Mutual's tests (sorted pairs, an
 * odd last node carried up unpaired): its root and each leaf's proof (siblings, leaf first).
 */
export function fraudTree(leaves: FraudLeaf[]): { root: string; proofs: string[][] } {
	if (leaves.length === 0) throw new RangeError('a fraud root needs at least one leaf');
	let level = leaves.map(leafHash);
	let positions = leaves.map((_, i) => i);
	const proofs: string[][] = leaves.map(() => []);
	while (level.length > 1) {
		const next: string[] = [];
		for (let i = 0; i < level.length; i += 2) {
			next.push(i + 1 < level.length ? node(level[i], level[i + 1]) : level[i]);
		}
		positions = positions.map((p, leaf) => {
			const sibling = p ^ 1;
			if (sibling < level.length) proofs[leaf].push(level[sibling]);
			return p >> 1;
		});
		level = next;
	}
	return { root: level[0], proofs };
}

// ---- the reference ----

/**
 * The reference: one nexus-assessment poll model per claim, with the contract's per-assessor
 * bookkeeping around them (votes in order, `rewardsWithdrawableFromIndex`, the fraud count and the
 * stake left), so processFraud walks the same range of votes as Assessment.sol 439-496.
 */
export class Reference {
	readonly polls: PollModel[] = [];
	readonly votes = new Map<string, number[]>();
	readonly stakes = new Map<string, bigint>();
	readonly from = new Map<string, number>();
	readonly fraudCount = new Map<string, number>();
	readonly burned = new Map<string, bigint>();

	stake(who: string, amount: bigint) {
		this.stakes.set(who, (this.stakes.get(who) ?? 0n) + amount);
	}
	open(now: number, totalRewardInNXM: bigint): number {
		this.polls.push(new PollModel({ start: BigInt(now), totalRewardInNXM }));
		return this.polls.length - 1;
	}
	vote(who: string, id: number, accept: boolean, now: number) {
		this.polls[id].castVote(who, accept, this.stakes.get(who) ?? 0n, BigInt(now));
		this.votes.set(who, [...(this.votes.get(who) ?? []), id]);
	}
	/** processFraud for one leaf at `now`; returns the NXM burned by this call. */
	processFraud(leaf: FraudLeaf, who: string, now: number, voteBatchSize = 100): bigint {
		const from = this.from.get(who) ?? 0;
		let until = from + voteBatchSize;
		if (until >= leaf.lastFraudulentVoteIndex) until = leaf.lastFraudulentVoteIndex + 1;
		const votes = this.votes.get(who) ?? [];
		for (let j = from; j < until; j++) this.polls[votes[j]].processFraud(who, BigInt(now), 0n);
		let burned = 0n;
		if (leaf.fraudCount === (this.fraudCount.get(who) ?? 0)) {
			const left = this.stakes.get(who) ?? 0n;
			burned = leaf.burnAmount > left ? left : leaf.burnAmount;
			this.stakes.set(who, left - burned);
			this.burned.set(who, (this.burned.get(who) ?? 0n) + burned);
			this.fraudCount.set(who, leaf.fraudCount + 1);
		}
		if (until > from) this.from.set(who, until);
		return burned;
	}
	/** The rewards `who` is owed on every poll (0 on votes removed for fraud), NXM wei. */
	rewardOf(who: string): bigint {
		return (this.votes.get(who) ?? []).reduce((sum, id) => sum + this.polls[id].rewardOf(who), 0n);
	}
	/** Seconds: when poll `id` is final. */
	finalAt(id: number): number {
		return Number(this.polls[id].end + PAYOUT_COOLDOWN);
	}
}

// ---- reading the learner's contract ----

type Stake = { amount: bigint; rewardsWithdrawableFromIndex: number; fraudCount: number };
type Poll = { accepted: bigint; denied: bigint; start: number; end: number };
type Vote = { assessmentId: number; accepted: boolean; stakedAmount: bigint };

export const stakeOf = (s: ScenarioContext, a: string, who: string) =>
	s.view(a, 'stakeOf', [s.address(who)]) as Stake;
export const pollOf = (s: ScenarioContext, a: string, id: number) =>
	s.view(a, 'getPoll', [id]) as Poll;
export const outcomeOf = (s: ScenarioContext, a: string, id: number) =>
	s.view(a, 'outcome', [id]) as string;

/** A poll as text: `2,000 NXM accept, 2,700 NXM deny`. */
export const showPoll = (p: { accepted: bigint; denied: bigint }) =>
	`${nxm(p.accepted, 0)} accept, ${nxm(p.denied, 0)} deny`;

/** The ledger at this step, read from the contract at `a`; `named` are the assessors in a fraud root. */
export function snapshot(
	s: ScenarioContext,
	a: string,
	claims: number,
	named: ReadonlySet<string>,
	phase: 'before' | 'after'
): LedgerSnapshot {
	const now = s.time();
	const polls = Array.from({ length: claims }, (_, id) => {
		const p = pollOf(s, a, id);
		return {
			claim: `Claim ${id}`,
			accepted: formatUnits(p.accepted),
			denied: formatUnits(p.denied),
			end: p.end,
			status: outcomeOf(s, a, id) as 'pending' | 'accepted' | 'denied',
			final: now >= p.end + DAY
		};
	});
	const assessors = MEMBERS.map((m) => {
		const stake = stakeOf(s, a, m.who);
		const votes = s.view(a, 'votesOf', [s.address(m.who)]) as Vote[];
		const rewards = s.view(a, 'getRewards', [s.address(m.who)]) as { totalPending: bigint };
		const withdrawn = s.view(a, 'withdrawnRewardsOf', [s.address(m.who)]) as bigint;
		const ledgerVotes: LedgerVote[] = Array.from({ length: claims }, (_, id) => {
			const v = votes.find((x) => x.assessmentId === id);
			return v ? (v.accepted ? 'accept' : 'deny') : null;
		});
		return {
			name: m.name,
			fraudulent: named.has(m.who),
			processed: stake.fraudCount > 0,
			stake: formatUnits(stake.amount),
			burned: formatUnits(m.stake > stake.amount ? m.stake - stake.amount : 0n),
			votes: ledgerVotes,
			rewardOwed: formatUnits(rewards.totalPending),
			rewardPaid: formatUnits(withdrawn)
		};
	});
	return { step: s.step, phase, time: now, fraudSubmitted: named.size > 0, polls, assessors };
}
