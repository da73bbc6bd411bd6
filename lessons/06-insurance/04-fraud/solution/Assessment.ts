// file: Assessment.ts
import { Contract, StorageMap, StorageValue, block, emit, keccak256, msg, require } from 'chainlab';

// Nexus Mutual v2.12.4, contracts/modules/assessment/Assessment.sol (NexusMutual/smart-contracts,
// commit 01c72951). Amounts are NXM in wei (1 NXM = 10n ** 18n), times are unix seconds. The NXM
// token itself is left out: `stake` credits this contract's ledger, a burn takes NXM off it for
// good, and a withdrawn reward is counted as minted (`rewardsWithdrawn`).
const DAY = 86_400;
/** Assessment.sol 43-46. */
const MIN_VOTING_PERIOD = 3 * DAY;
const STAKE_LOCKUP_PERIOD = 14 * DAY;
const PAYOUT_COOLDOWN = 1 * DAY;
const SILENT_ENDING_PERIOD = 1 * DAY;

/** NXM staked on each side of one claim, and when voting opened and closes. */
type Poll = { accepted: bigint; denied: bigint; start: number; end: number };
/** One claim's assessment: its poll and the reward shared by everyone who votes on it. */
type Claim = { poll: Poll; totalRewardInNXM: bigint; assessmentDepositInETH: bigint };
/** An assessor's stake, the first vote whose reward is still owed, and how often fraud burned them. */
type Stake = { amount: bigint; rewardsWithdrawableFromIndex: number; fraudCount: number };
/** One vote: on which claim, which side, when, and with how much NXM (the whole stake). */
type Vote = { assessmentId: number; accepted: boolean; timestamp: number; stakedAmount: bigint };
type Status = 'pending' | 'accepted' | 'denied';

const hex = (value: bigint | number, bytes: number) =>
	BigInt(value)
		.toString(16)
		.padStart(bytes * 2, '0');

/** Claim assessment by staked members: votes, rewards, and fraud proven by governance. */
export default class Assessment extends Contract {
	governance = new StorageValue<string>('governance', '');
	claims = new StorageValue<string>('claims', '');
	stakes = new StorageMap<string, Stake>('stakeOf');
	votes = new StorageMap<string, Vote[]>('votesOf');
	voted = new StorageMap<string, boolean>('hasAlreadyVotedOn');
	assessments = new StorageMap<number, Claim>('assessments');
	assessmentCount = new StorageValue<number>('assessmentCount', 0);
	fraudResolution = new StorageValue<string[]>('fraudResolution', []);
	burnedStake = new StorageValue<bigint>('totalBurned', 0n);
	rewardsWithdrawn = new StorageMap<string, bigint>('rewardsWithdrawn');

	/** `governance` submits fraud roots; `claims` (IndividualClaims) opens assessments. */
	constructor(governance: string, claims: string) {
		super();
		this.governance.set(governance);
		this.claims.set(claims);
	}

	// ---- views ----

	/** The assessor's stake (zero for someone who never staked). */
	stakeOf(assessor: string): Stake {
		return (
			this.stakes.get(assessor) ?? { amount: 0n, rewardsWithdrawableFromIndex: 0, fraudCount: 0 }
		);
	}

	/** Every vote the assessor cast, in order: index i is "vote i" of the fraud leaf. */
	votesOf(assessor: string): Vote[] {
		return this.votes.get(assessor) ?? [];
	}

	/** Claim `id`'s assessment; reverts when there is none. */
	assessmentOf(id: number): Claim {
		const claim = this.assessments.get(id);
		require(claim !== undefined, `there is no assessment ${id}`);
		return claim;
	}

	/** NXM wei burned by processFraud, all assessors together. */
	totalBurned(): bigint {
		return this.burnedStake.get();
	}

	/** NXM wei of rewards `staker` has withdrawn so far (minted to them in Nexus Mutual). */
	withdrawnRewardsOf(staker: string): bigint {
		return this.rewardsWithdrawn.get(staker) ?? 0n;
	}

	getPoll(id: number): Poll {
		return this.assessmentOf(id).poll;
	}

	/**
	 * The claim's status now (IndividualClaims.sol 145-151): pending before `end`, then accepted
	 * when strictly more NXM is on accept than on deny; a tie or no votes denies.
	 */
	outcome(id: number): Status {
		const poll = this.getPoll(id);
		if (block.timestamp < poll.end) return 'pending';
		return poll.accepted > poll.denied ? 'accepted' : 'denied';
	}

	/**
	 * getRewards (Assessment.sol 105-144): the rewards still owed to `staker`, counted from
	 * `rewardsWithdrawableFromIndex`: `totalRewardInNXM * stakedAmount / (accepted + denied)` per
	 * vote, with each poll's totals as they are now. `withdrawable` stops at the first poll that is
	 * not final yet (`end + 1 day >= now`).
	 */
	getRewards(staker: string): { totalPending: bigint; withdrawable: bigint; untilIndex: number } {
		const from = this.stakeOf(staker).rewardsWithdrawableFromIndex;
		const votes = this.votesOf(staker);
		let totalPending = 0n;
		let withdrawable = -1n;
		let untilIndex = votes.length;
		for (let i = from; i < votes.length; i++) {
			const claim = this.assessmentOf(votes[i].assessmentId);
			if (withdrawable < 0n && claim.poll.end + PAYOUT_COOLDOWN >= block.timestamp) {
				withdrawable = totalPending;
				untilIndex = i;
			}
			totalPending +=
				(claim.totalRewardInNXM * votes[i].stakedAmount) /
				(claim.poll.accepted + claim.poll.denied);
		}
		return {
			totalPending,
			withdrawable: withdrawable < 0n ? totalPending : withdrawable,
			untilIndex
		};
	}

	// ---- staking and claims ----

	/** Stake `amount` NXM wei (added to the ledger; the token transfer is left out). */
	stake(amount: bigint) {
		require(amount > 0n, 'InvalidAmount');
		const stake = this.stakeOf(msg.sender);
		stake.amount += amount;
		this.stakes.set(msg.sender, stake);
		emit('StakeDeposited', { user: msg.sender, amount });
	}

	/** Unstake (Assessment.sol 187-200): only after `lastVote.timestamp + 14 days`. */
	unstake(amount: bigint) {
		const stake = this.stakeOf(msg.sender);
		require(amount <= stake.amount, 'InvalidAmount');
		const votes = this.votesOf(msg.sender);
		if (votes.length > 0) {
			const expiry = votes[votes.length - 1].timestamp + STAKE_LOCKUP_PERIOD;
			require(block.timestamp > expiry, 'StakeLockedForAssessment');
		}
		stake.amount -= amount;
		this.stakes.set(msg.sender, stake);
		emit('StakeWithdrawn', { user: msg.sender, amount });
	}

	/** startAssessment (Assessment.sol 285-302): a poll that closes in 3 days. Returns its id. */
	startAssessment(totalRewardInNXM: bigint, assessmentDepositInETH: bigint): number {
		require(msg.sender === this.claims.get(), 'OnlyInternal');
		const id = this.assessmentCount.get();
		const poll: Poll = {
			accepted: 0n,
			denied: 0n,
			start: block.timestamp,
			end: block.timestamp + MIN_VOTING_PERIOD
		};
		this.assessments.set(id, { poll, totalRewardInNXM, assessmentDepositInETH });
		this.assessmentCount.set(id + 1);
		emit('AssessmentStarted', { assessmentId: id, totalRewardInNXM, end: poll.end });
		return id;
	}

	/**
	 * _castVote (Assessment.sol 344-390), done for you: one vote per member per claim, with the
	 * member's whole stake. The first vote must accept and restarts the 3-day period; a vote in the
	 * last day extends the poll by up to 1 day, in proportion to its stake against the totals
	 * before it (the silent ending).
	 */
	castVote(assessmentId: number, isAcceptVote: boolean) {
		const key = `${msg.sender}:${assessmentId}`;
		require(!this.voted.get(key), 'AlreadyVoted');
		this.voted.set(key, true);
		const stakeAmount = this.stakeOf(msg.sender).amount;
		require(stakeAmount > 0n, 'StakeRequired');
		const claim = this.assessmentOf(assessmentId);
		const poll = claim.poll;
		require(block.timestamp < poll.end, 'VotingClosed');
		require(poll.accepted > 0n || isAcceptVote, 'AcceptVoteRequired');
		if (poll.accepted === 0n) poll.end = block.timestamp + MIN_VOTING_PERIOD;
		if (poll.end - block.timestamp < SILENT_ENDING_PERIOD) {
			const extension =
				(BigInt(SILENT_ENDING_PERIOD) * stakeAmount) / (poll.accepted + poll.denied);
			poll.end += Number(
				extension < BigInt(SILENT_ENDING_PERIOD) ? extension : SILENT_ENDING_PERIOD
			);
		}
		if (isAcceptVote) poll.accepted += stakeAmount;
		else poll.denied += stakeAmount;
		this.assessments.set(assessmentId, claim);
		const votes = this.votesOf(msg.sender);
		votes.push({
			assessmentId,
			accepted: isAcceptVote,
			timestamp: block.timestamp,
			stakedAmount: stakeAmount
		});
		this.votes.set(msg.sender, votes);
		emit('VoteCast', {
			user: msg.sender,
			assessmentId,
			stakedAmount: stakeAmount,
			accepted: isAcceptVote
		});
	}

	/**
	 * withdrawRewards (Assessment.sol 237-274): pays the rewards of `staker`'s votes from
	 * `rewardsWithdrawableFromIndex` up to the first poll that is not final (or `batchSize` votes,
	 * when not 0). Returns the NXM wei paid.
	 */
	withdrawRewards(staker: string, batchSize: number): bigint {
		const stake = this.stakeOf(staker);
		const votes = this.votesOf(staker);
		require(stake.rewardsWithdrawableFromIndex < votes.length, 'NoWithdrawableRewards');
		let until = batchSize > 0 ? stake.rewardsWithdrawableFromIndex + batchSize : votes.length;
		let withdrawn = 0n;
		for (let i = stake.rewardsWithdrawableFromIndex; i < until && i < votes.length; i++) {
			const claim = this.assessmentOf(votes[i].assessmentId);
			if (claim.poll.end + PAYOUT_COOLDOWN >= block.timestamp) {
				until = i; // not final yet
				break;
			}
			withdrawn +=
				(claim.totalRewardInNXM * votes[i].stakedAmount) /
				(claim.poll.accepted + claim.poll.denied);
		}
		stake.rewardsWithdrawableFromIndex = Math.min(until, votes.length);
		this.stakes.set(staker, stake);
		this.rewardsWithdrawn.set(staker, (this.rewardsWithdrawn.get(staker) ?? 0n) + withdrawn);
		emit('RewardWithdrawn', { user: staker, amount: withdrawn });
		return withdrawn;
	}

	// ---- fraud ----

	/** submitFraud (Assessment.sol 401-404): governance stores a Merkle root of fraudulent assessors. */
	submitFraud(root: string) {
		require(msg.sender === this.governance.get(), 'OnlyGovernance');
		const roots = this.fraudResolution.get();
		roots.push(root);
		this.fraudResolution.set(roots);
		emit('FraudSubmitted', { root });
	}

	/**
	 * Whether `proof` shows the leaf `(assessor, lastFraudulentVoteIndex, burnAmount, fraudCount)`
	 * is in fraud root `rootIndex` (Assessment.sol 430-437): the leaf is the keccak256 of the four
	 * values packed as 20, 32, 12 and 2 bytes (`abi.encodePacked`), each node the keccak256 of its
	 * two children, the smaller first (OpenZeppelin 4.x MerkleProof.verify).
	 */
	private isProvenFraud(
		rootIndex: number,
		proof: string[],
		assessor: string,
		lastFraudulentVoteIndex: number,
		burnAmount: bigint,
		fraudCount: number
	): boolean {
		const root = this.fraudResolution.get()[rootIndex];
		require(root !== undefined, 'Panic(0x32)'); // no root at that index
		let node = keccak256(
			'0x' +
				assessor.slice(2) +
				hex(lastFraudulentVoteIndex, 32) +
				hex(burnAmount, 12) +
				hex(fraudCount, 2)
		);
		for (const sibling of proof) {
			node =
				node < sibling ? keccak256(node + sibling.slice(2)) : keccak256(sibling + node.slice(2));
		}
		return node === root;
	}

	/**
	 * processFraud (Assessment.sol 420-497): anyone may call it with a leaf of a fraud root that
	 * governance submitted. For the assessor's votes from `rewardsWithdrawableFromIndex` up to
	 * `lastFraudulentVoteIndex` (at most `voteBatchSize` of them, when that is smaller):
	 * - a poll that is final (`now >= end + 1 day`) is skipped;
	 * - otherwise the vote's stake comes off its side and `end` moves to at least `now + 1 day`.
	 * Then, the first time for this `fraudCount`, `min(burnAmount, stake)` is burned and the fraud
	 * count goes up. `rewardsWithdrawableFromIndex` moves past the processed votes, so their rewards
	 * are never paid.
	 */
	processFraud(
		rootIndex: number,
		proof: string[],
		assessor: string,
		lastFraudulentVoteIndex: number,
		burnAmount: bigint,
		fraudCount: number,
		voteBatchSize: number
	) {
		require(this.isProvenFraud(
			rootIndex,
			proof,
			assessor,
			lastFraudulentVoteIndex,
			burnAmount,
			fraudCount
		), 'InvalidMerkleProof');
		const stake = this.stakeOf(assessor);
		const votes = this.votesOf(assessor);
		let processUntil = stake.rewardsWithdrawableFromIndex + voteBatchSize;
		if (processUntil >= lastFraudulentVoteIndex) processUntil = lastFraudulentVoteIndex + 1;

		for (let j = stake.rewardsWithdrawableFromIndex; j < processUntil; j++) {
			const vote = votes[j];
			require(vote !== undefined, 'Panic(0x32)'); // past the assessor's last vote
			const claim = this.assessmentOf(vote.assessmentId);
			const poll = claim.poll;
			// once the cooldown has passed the result is final: leave it alone
			if (block.timestamp >= poll.end + PAYOUT_COOLDOWN) continue;
			if (vote.accepted) poll.accepted -= vote.stakedAmount;
			else poll.denied -= vote.stakedAmount;
			const nextDay = block.timestamp + DAY;
			if (poll.end < nextDay) poll.end = nextDay;
			this.assessments.set(vote.assessmentId, claim);
			emit('FraudProcessed', {
				assessmentId: vote.assessmentId,
				assessor,
				accepted: poll.accepted,
				denied: poll.denied,
				end: poll.end
			});
		}

		// burn once per root, however many calls (batches) process this assessor
		if (fraudCount === stake.fraudCount) {
			const burned = burnAmount > stake.amount ? stake.amount : burnAmount;
			stake.amount -= burned;
			stake.fraudCount += 1;
			this.burnedStake.set(this.burnedStake.get() + burned);
			emit('StakeBurned', { assessor, amount: burned });
		}
		if (processUntil > stake.rewardsWithdrawableFromIndex) {
			stake.rewardsWithdrawableFromIndex = processUntil;
		}
		this.stakes.set(assessor, stake);
	}
}
