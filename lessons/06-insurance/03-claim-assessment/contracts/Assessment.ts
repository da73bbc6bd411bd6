// file: Assessment.ts
import { Contract, StorageMap, StorageValue, block, emit, msg, require, transfer } from 'chainlab';

// Nexus Mutual v2 claim assessment (NexusMutual/smart-contracts v2.12.4, Assessment.sol 43-46).
// Stakes are NXM, the native coin of this lesson's chain, in wei (18 decimals); times are unix
// seconds (block.timestamp).
const DAY = 86_400;
/** A poll lasts at least 3 days from its first accept vote. */
const MIN_VOTING_PERIOD = 3 * DAY;
/** A stake stays locked 14 days after its owner's last vote. */
const STAKE_LOCKUP_PERIOD = 14 * DAY;
/** After the end, 1 day before the outcome is final (payouts and rewards wait for it). */
const PAYOUT_COOLDOWN = 1 * DAY;
/** A vote in the poll's last day extends it by up to 1 day. */
const SILENT_ENDING_PERIOD = 1 * DAY;

/** One claim's poll: NXM wei staked on each side, and its start and end (unix seconds). */
export type Poll = { accepted: bigint; denied: bigint; start: number; end: number };
/** One vote: on which poll, which side, when (unix seconds) and with what weight (NXM wei). */
export type Vote = {
	assessmentId: number;
	accepted: boolean;
	timestamp: number;
	stakedAmount: bigint;
};

/**
 * Stake-weighted claim assessment after Nexus Mutual v2's Assessment.sol: members stake NXM,
 * every claim gets a poll, each assessor votes once per poll with their whole stake, and late
 * votes extend the poll (the silent ending). The claims module (the deployer) starts polls.
 */
export default class Assessment extends Contract {
	claims = new StorageValue<string>('claims', '');
	assessmentCount = new StorageValue<number>('assessmentCount', 0);
	/** assessment id -> its poll */
	polls = new StorageMap<number, Poll>('polls');
	/** assessment id -> the NXM wei its voters share (totalRewardInNXM) */
	rewards = new StorageMap<number, bigint>('rewards');
	/** member -> staked NXM wei (stakeOf) */
	stakes = new StorageMap<string, bigint>('stakes');
	/** `${assessmentId}:${member}` -> the member's vote on that poll (hasAlreadyVotedOn + votesOf) */
	votes = new StorageMap<string, Vote>('votes');
	/** member -> the timestamp of their latest vote, which starts the stake lockup */
	lastVoteAt = new StorageMap<string, number>('lastVoteAt');

	constructor() {
		super();
		this.claims.set(msg.sender);
	}

	/** Stake the NXM sent along (stake, Assessment.sol 151-157). */
	stake() {
		require(msg.value > 0n, 'send NXM to stake');
		this.stakes.set(msg.sender, this.stakeOf(msg.sender) + msg.value);
		emit('StakeDeposited', { user: msg.sender, amount: msg.value });
	}

	/**
	 * Withdraw `amount` NXM wei of your stake (_unstake, Assessment.sol 187-200). Reverts with
	 * StakeLockedForAssessment until 14 days after your latest vote (strictly later).
	 */
	unstake(amount: bigint) {
		const last = this.lastVoteAt.get(msg.sender);
		if (last !== undefined) {
			const expiry = last + STAKE_LOCKUP_PERIOD;
			require(block.timestamp > expiry, `StakeLockedForAssessment(${expiry})`);
		}
		const staked = this.stakeOf(msg.sender);
		require(amount > 0n && amount <= staked, `InvalidAmount(${staked})`);
		this.stakes.set(msg.sender, staked - amount);
		transfer(msg.sender, amount);
		emit('StakeWithdrawn', { user: msg.sender, amount });
	}

	/**
	 * Open a poll for a new claim (startAssessment, Assessment.sol 285-302): nothing staked yet,
	 * end = now + 3 days. `totalRewardInNXM` (NXM wei) is what IndividualClaims'
	 * getAssessmentDepositAndReward gives. Only the claims module may call it. Returns the id.
	 */
	startAssessment(totalRewardInNXM: bigint): number {
		require(msg.sender === this.claims.get(), 'only the claims module starts an assessment');
		const id = this.assessmentCount.get();
		this.assessmentCount.set(id + 1);
		const now = block.timestamp;
		this.polls.set(id, { accepted: 0n, denied: 0n, start: now, end: now + MIN_VOTING_PERIOD });
		this.rewards.set(id, totalRewardInNXM);
		emit('AssessmentStarted', { assessmentId: id, end: now + MIN_VOTING_PERIOD });
		return id;
	}

	/**
	 * Vote on poll `assessmentId` with your whole stake (_castVote, Assessment.sol 344-390).
	 * Reverts, in this order: AlreadyVoted, StakeRequired, VotingClosed (now >= end),
	 * AcceptVoteRequired (nothing on accept yet and this is a deny vote).
	 */
	castVote(assessmentId: number, isAcceptVote: boolean) {
		const key = `${assessmentId}:${msg.sender}`;
		require(this.votes.get(key) === undefined, 'AlreadyVoted');
		const stake = this.stakeOf(msg.sender);
		require(stake > 0n, 'StakeRequired');
		const poll = this.pollOf(assessmentId);
		const now = block.timestamp;
		// TODO 1: VotingClosed once now >= poll.end; AcceptVoteRequired for a deny vote while
		// nothing is staked on accept.
		// TODO 2: the first accept vote restarts the period: end = now + MIN_VOTING_PERIOD.
		// TODO 3: the silent ending: if the poll ends in less than SILENT_ENDING_PERIOD, extend it by
		// SILENT_ENDING_PERIOD * stake / (accepted + denied), with the totals before this vote, at
		// most SILENT_ENDING_PERIOD (whole seconds, truncated).

		if (isAcceptVote) poll.accepted += stake;
		else poll.denied += stake;
		this.polls.set(assessmentId, poll);
		this.votes.set(key, {
			assessmentId,
			accepted: isAcceptVote,
			timestamp: now,
			stakedAmount: stake
		});
		// TODO 4: remember this vote's time in lastVoteAt: unstake() locks the stake 14 days from it.
		emit('VoteCast', {
			user: msg.sender,
			assessmentId,
			stakedAmount: stake,
			accepted: isAcceptVote
		});
	}

	/**
	 * The claim's status now (IndividualClaims.sol 145-151): 'pending' before the end; then
	 * 'accepted' if strictly more NXM is on accept than on deny, else 'denied' (a tie or no votes
	 * denies).
	 */
	status(assessmentId: number): 'pending' | 'accepted' | 'denied' {
		const poll = this.pollOf(assessmentId);
		// TODO 5: 'pending' before poll.end; after it, who won? (a tie or no votes denies)
		return 'pending';
	}

	/** Poll `assessmentId`; reverts when there is none. */
	pollOf(assessmentId: number): Poll {
		const poll = this.polls.get(assessmentId);
		require(poll !== undefined, `there is no assessment ${assessmentId}`);
		return poll;
	}

	/** Unix seconds from which poll `assessmentId`'s outcome is final: end + 1 day. */
	finalAt(assessmentId: number): number {
		return this.pollOf(assessmentId).end + PAYOUT_COOLDOWN;
	}

	/** `member`'s vote on poll `assessmentId`, or null when they did not vote. */
	voteOf(assessmentId: number, member: string): Vote | null {
		return this.votes.get(`${assessmentId}:${member}`) ?? null;
	}

	/** Staked NXM wei of `member`. */
	stakeOf(member: string): bigint {
		return this.stakes.get(member) ?? 0n;
	}

	/**
	 * `member`'s reward on poll `assessmentId`, NXM wei, whichever side they voted
	 * (Assessment.sol 134-135): totalRewardInNXM * stake / (accepted + denied), truncated; 0 without
	 * a vote. Withdrawable once the poll is final.
	 */
	rewardOf(assessmentId: number, member: string): bigint {
		const vote = this.voteOf(assessmentId, member);
		if (vote === null) return 0n;
		const poll = this.pollOf(assessmentId);
		return (
			((this.rewards.get(assessmentId) ?? 0n) * vote.stakedAmount) / (poll.accepted + poll.denied)
		);
	}
}
