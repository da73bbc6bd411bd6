/**
 * Nexus Mutual v2 claim assessment: the claim deposit and assessors' reward, and one claim's poll
 * (stake-weighted votes, the silent ending, the payout cooldown, rewards and fraud), with the
 * contracts' exact integer math.
 *
 * Sources: NexusMutual/smart-contracts tag v2.12.4 (commit 01c72951e93586b8b4121874c015318c1ea4329e):
 * - `contracts/modules/assessment/Assessment.sol` 43-46 (periods), 105-144 (getRewards), 187-200
 *   (unstake lockup), 237-274 (withdrawRewards), 285-302 (startAssessment), 344-390 (_castVote),
 *   420-497 (processFraud).
 * - `contracts/modules/assessment/IndividualClaims.sol` 34-43 (constants), 103-129
 *   (getAssessmentDepositAndReward), 137-168 (claim and payout status), 333-363 (redeemClaimPayout).
 * v3.0.0 (October 2025) replaced these stake-weighted polls with vetted assessor groups; this file
 * models v2.12.4 only.
 *
 * Units: NXM and its rewards in wei (1e18 = 1 NXM), ETH in wei, prices in ETH wei per 1 NXM, times
 * in seconds (Unix time). Where the contract reverts, the models throw a RevertError whose message is
 * the contract's custom error name (`AcceptVoteRequired`, ...).
 */
import { PANIC_ARRAY_OUT_OF_BOUNDS, RevertError, requireUint } from './revert.ts';

const DAY = 86_400n;
/** 1 NXM in wei. */
export const ONE_NXM = 10n ** 18n;

/** Assessment.sol 43: a poll lasts at least 3 days from its first accept vote. */
export const MIN_VOTING_PERIOD = 3n * DAY;
/** Assessment.sol 44: stake stays locked 14 days after the assessor's last vote. */
export const STAKE_LOCKUP_PERIOD = 14n * DAY;
/** Assessment.sol 45: a poll is final 1 day after its end; payouts and rewards wait for it. */
export const PAYOUT_COOLDOWN = 1n * DAY;
/** Assessment.sol 46: a vote in the poll's last day extends it by up to 1 day. */
export const SILENT_ENDING_PERIOD = 1n * DAY;
/** IndividualClaims.sol 40: an accepted claim's payout can be redeemed for 30 days after the cooldown. */
export const PAYOUT_REDEMPTION_PERIOD = 30n * DAY;
/** IndividualClaims.sol 34-35: the minimum deposit is 500 / 10000 of 1 ETH = 0.05 ETH. */
export const MIN_ASSESSMENT_DEPOSIT_RATIO = 500n;
export const MIN_ASSESSMENT_DEPOSIT_DENOMINATOR = 10_000n;
/** IndividualClaims.sol 37-38: the reward is 130 / 10000 = 1.3% of the payout per year of cover. */
export const REWARD_RATIO = 130n;
export const REWARD_DENOMINATOR = 10_000n;
/** IndividualClaims.sol 43: the reward is capped at 50 NXM. */
export const MAX_REWARD_IN_NXM = 50n * ONE_NXM;
const ONE_YEAR = 365n * DAY;

/**
 * The claim's expected payout in NXM wei: `requestedAmount * 1e18 / nxmPriceInCoverAsset`, truncated
 * (IndividualClaims.sol 116). `requestedAmount` is in the cover asset's smallest unit and the price
 * is cover-asset units per 1 NXM. Throws `Panic(0x12)` for a price of 0.
 */
export function expectedPayoutInNXM(requestedAmount: bigint, nxmPriceInCoverAsset: bigint): bigint {
	requireUint(requestedAmount, 'requestedAmount');
	requireUint(nxmPriceInCoverAsset, 'nxmPriceInCoverAsset');
	if (nxmPriceInCoverAsset === 0n) {
		throw new RevertError(
			'Panic(0x12)',
			'the NXM price is 0, so the payout cannot be converted to NXM'
		);
	}
	return (requestedAmount * ONE_NXM) / nxmPriceInCoverAsset;
}

/**
 * The assessors' total reward and the claimant's deposit for a new claim
 * (IndividualClaims.sol 103-129, getAssessmentDepositAndReward):
 * - `totalRewardInNXM = min(50 NXM, expectedPayoutInNXM * 130 * coverPeriod / 365 days / 10000)`,
 *   truncated after each division: 1.3% of the payout per year of cover period, capped at 50 NXM;
 * - `deposit = max(0.05 ETH, totalRewardInNXM * nxmPriceInETH / 1e18)`: enough ETH to pay the reward,
 *   at least 0.05 ETH. It is not a percentage of the claim. It goes back to the claimant with an
 *   accepted claim's payout.
 *
 * `expectedPayoutInNXM` is NXM wei, `coverPeriod` seconds, `nxmPriceInETH` ETH wei per 1 NXM;
 * `deposit` is ETH wei. Throws a TypeError/RangeError unless all three are bigints of at least 0.
 */
export function assessmentDepositAndReward(args: {
	expectedPayoutInNXM: bigint;
	coverPeriod: bigint;
	nxmPriceInETH: bigint;
}): { totalRewardInNXM: bigint; deposit: bigint } {
	if (typeof args !== 'object' || args === null) {
		throw new TypeError('pass { expectedPayoutInNXM, coverPeriod, nxmPriceInETH } as bigints');
	}
	const payout = requireUint(args.expectedPayoutInNXM, 'expectedPayoutInNXM');
	const period = requireUint(args.coverPeriod, 'coverPeriod');
	const price = requireUint(args.nxmPriceInETH, 'nxmPriceInETH');
	const reward = (payout * REWARD_RATIO * period) / ONE_YEAR / REWARD_DENOMINATOR;
	const totalRewardInNXM = reward < MAX_REWARD_IN_NXM ? reward : MAX_REWARD_IN_NXM;
	const dynamicDeposit = (totalRewardInNXM * price) / ONE_NXM;
	const minDeposit = (ONE_NXM * MIN_ASSESSMENT_DEPOSIT_RATIO) / MIN_ASSESSMENT_DEPOSIT_DENOMINATOR;
	return { totalRewardInNXM, deposit: dynamicDeposit > minDeposit ? dynamicDeposit : minDeposit };
}

/** One assessor's vote on the poll. */
export type AssessmentVote = {
	voter: string;
	accepted: boolean;
	/** The assessor's whole stake when the vote was cast, NXM wei: the vote's weight. */
	stakedAmount: bigint;
	/** Seconds. */
	timestamp: bigint;
	/** Removed by processFraud: the vote no longer counts (if the poll was not final) and earns nothing. */
	fraudulent: boolean;
	/** The reward was withdrawn (withdrawReward). */
	withdrawn: boolean;
};

/** What processFraud did. */
export type FraudResult = {
	/** The vote was taken out of the totals (the poll was not final yet). */
	removedFromPoll: boolean;
	/** NXM wei burned from the assessor's stake (0 when this fraud was already processed). */
	burned: bigint;
};

export type ClaimStatus = 'pending' | 'accepted' | 'denied';
export type PayoutStatus = 'pending' | 'complete' | 'unclaimed' | 'denied';

function seconds(value: unknown, name: string): bigint {
	if (typeof value !== 'bigint') {
		throw new TypeError(`${name} must be a time in seconds as a bigint, got ${typeof value}`);
	}
	if (value < 0n)
		throw new RangeError(`${name} must be a time in seconds of at least 0, got ${value}`);
	return value;
}

/**
 * One claim's assessment poll, as Assessment.sol keeps it: `accepted` and `denied` are the NXM
 * staked on each side, `end` moves with the first accept vote, late votes and fraud.
 *
 * Several polls share an assessor's stake on chain; here each poll takes the voter's stake as an
 * argument of `castVote`, and `processFraud` burns at most once per poll (the contract burns once
 * per governance fraud root across all polls).
 *
 * Mutating calls take `now` (seconds) and throw a RangeError if it is before `start` or before the
 * previous mutating call: block time does not run backwards.
 */
export class Assessment {
	/** Seconds: when the claim was submitted. */
	readonly start: bigint;
	/** NXM wei shared by all voters in proportion to their stake. */
	readonly totalRewardInNXM: bigint;
	/** ETH wei the claimant deposited; returned with an accepted claim's payout. */
	readonly assessmentDepositInETH: bigint;
	#end: bigint;
	#accepted = 0n;
	#denied = 0n;
	#lastTime: bigint;
	#votes = new Map<string, AssessmentVote>();
	#burned = new Map<string, bigint>();
	#payoutRedeemed = false;

	/**
	 * startAssessment (Assessment.sol 285-302): `end = start + 3 days`, no votes.
	 * `start` in seconds, `totalRewardInNXM` in NXM wei (see assessmentDepositAndReward),
	 * `assessmentDepositInETH` in ETH wei (default 0).
	 */
	constructor(args: { start: bigint; totalRewardInNXM: bigint; assessmentDepositInETH?: bigint }) {
		if (typeof args !== 'object' || args === null) {
			throw new TypeError('new Assessment({ start, totalRewardInNXM }) takes bigints');
		}
		this.start = seconds(args.start, 'start');
		this.totalRewardInNXM = requireUint(args.totalRewardInNXM, 'totalRewardInNXM');
		this.assessmentDepositInETH = requireUint(
			args.assessmentDepositInETH ?? 0n,
			'assessmentDepositInETH'
		);
		this.#end = this.start + MIN_VOTING_PERIOD;
		this.#lastTime = this.start;
	}

	/** Seconds: voting closes at `end` (votes need `now < end`); the poll is final at `end + 1 day`. */
	get end(): bigint {
		return this.#end;
	}
	/** NXM wei staked on accept. */
	get accepted(): bigint {
		return this.#accepted;
	}
	/** NXM wei staked on deny. */
	get denied(): bigint {
		return this.#denied;
	}
	/** The votes in the order they were cast (copies). */
	get votes(): AssessmentVote[] {
		return [...this.#votes.values()].map((v) => ({ ...v }));
	}
	/** Seconds: from this time on the outcome can no longer change and rewards can be withdrawn. */
	get finalAt(): bigint {
		return this.#end + PAYOUT_COOLDOWN;
	}

	#advance(now: unknown): bigint {
		const t = seconds(now, 'now');
		if (t < this.start)
			throw new RangeError(`now (${t}) is before the claim was submitted (${this.start})`);
		if (t < this.#lastTime) {
			throw new RangeError(
				`now (${t}) is before the previous action (${this.#lastTime}): time only moves forward`
			);
		}
		this.#lastTime = t;
		return t;
	}

	/**
	 * _castVote (Assessment.sol 344-390). Checks, in the contract's order: `AlreadyVoted` (one vote
	 * per member), `StakeRequired` (stake > 0), `VotingClosed` (now >= end), `AcceptVoteRequired`
	 * (while no NXM is on accept, only an accept vote is allowed). Then:
	 * - a vote while nothing is on accept (the first accept vote) resets `end = now + 3 days`;
	 * - if `end - now < 1 day`, `end += min(1 day, 1 day * stake / (accepted + denied))`, with the
	 *   totals before this vote (truncated seconds);
	 * - the stake is added to its side.
	 * `stake` is the voter's whole staked NXM in wei; `now` is seconds.
	 */
	castVote(voter: string, accept: boolean, stake: bigint, now: bigint): void {
		if (typeof voter !== 'string' || voter === '')
			throw new TypeError('voter must be a non-empty string');
		if (typeof accept !== 'boolean')
			throw new TypeError('accept must be true (accept) or false (deny)');
		requireUint(stake, 'stake');
		const t = seconds(now, 'now');
		if (this.#votes.has(voter)) {
			throw new RevertError('AlreadyVoted', `${voter} has already voted on this claim`);
		}
		if (stake === 0n)
			throw new RevertError('StakeRequired', `${voter} has no NXM staked to vote with`);
		if (t < this.start)
			throw new RangeError(`now (${t}) is before the claim was submitted (${this.start})`);
		if (t >= this.#end) {
			throw new RevertError('VotingClosed', `voting closed at ${this.#end}; the vote came at ${t}`);
		}
		if (this.#accepted === 0n && !accept) {
			throw new RevertError(
				'AcceptVoteRequired',
				'the first vote on a claim must be an accept vote'
			);
		}
		this.#advance(t);
		if (this.#accepted === 0n) this.#end = t + MIN_VOTING_PERIOD;
		if (this.#end - t < SILENT_ENDING_PERIOD) {
			const extension = (SILENT_ENDING_PERIOD * stake) / (this.#accepted + this.#denied);
			this.#end += extension < SILENT_ENDING_PERIOD ? extension : SILENT_ENDING_PERIOD;
		}
		if (accept) this.#accepted += stake;
		else this.#denied += stake;
		this.#votes.set(voter, {
			voter,
			accepted: accept,
			stakedAmount: stake,
			timestamp: t,
			fraudulent: false,
			withdrawn: false
		});
	}

	/**
	 * The claim's status at `now` (IndividualClaims.sol 145-151): 'pending' before `end`; from `end`
	 * on, 'accepted' if strictly more NXM is on accept than on deny, otherwise 'denied' (a tie or no
	 * votes denies). Fraud processed before `end + 1 day` can still flip it.
	 */
	outcome(now: bigint): ClaimStatus {
		const t = seconds(now, 'now');
		if (t < this.#end) return 'pending';
		return this.#accepted > this.#denied ? 'accepted' : 'denied';
	}

	/**
	 * The voter's reward in NXM wei, whichever side they voted (Assessment.sol 134-135, 265-266):
	 * `totalRewardInNXM * stake / (accepted + denied)`, truncated, with the totals as they are now.
	 * 0 for someone who did not vote, a vote removed for fraud, or a reward already withdrawn.
	 * Withdrawable only once the poll is final (`withdrawableRewardOf`).
	 */
	rewardOf(voter: string): bigint {
		const vote = this.#votes.get(voter);
		if (!vote || vote.fraudulent || vote.withdrawn) return 0n;
		return (this.totalRewardInNXM * vote.stakedAmount) / (this.#accepted + this.#denied);
	}

	/** The reward the voter could withdraw at `now`: rewardOf(voter) once `now > end + 1 day`, else 0. */
	withdrawableRewardOf(voter: string, now: bigint): bigint {
		const t = seconds(now, 'now');
		return t > this.finalAt ? this.rewardOf(voter) : 0n;
	}

	/**
	 * withdrawRewards for this poll (Assessment.sol 237-274): `NoWithdrawableRewards` if the voter has
	 * no vote here whose reward is still owed (never voted, already withdrawn, or removed for fraud).
	 * Before the poll is final (`now <= end + 1 day`) it withdraws 0 and changes nothing. Returns NXM wei.
	 */
	withdrawReward(voter: string, now: bigint): bigint {
		const vote = this.#votes.get(voter);
		if (!vote || vote.fraudulent || vote.withdrawn) {
			throw new RevertError(
				'NoWithdrawableRewards',
				`${voter} has no reward to withdraw on this claim`
			);
		}
		const t = this.#advance(now);
		if (t <= this.finalAt) return 0n;
		const reward = this.rewardOf(voter);
		vote.withdrawn = true;
		return reward;
	}

	/**
	 * processFraud for one assessor on this poll (Assessment.sol 420-497), after governance has
	 * proven the fraud (the Merkle proof is not modelled). If the vote's reward has not been withdrawn:
	 * - before the poll is final (`now < end + 1 day`) the vote is taken out of `accepted`/`denied`
	 *   and `end` is moved to at least `now + 1 day`, so the outcome can flip and others can vote;
	 * - once final, the totals stay, but the assessor's reward is forfeited either way.
	 * The first call burns `min(burnAmount, stake left)` (default: the whole stake the vote used);
	 * later calls burn nothing. Throws `Panic(0x32)` if the assessor has not voted on this claim.
	 */
	processFraud(voter: string, now: bigint, burnAmount?: bigint): FraudResult {
		const vote = this.#votes.get(voter);
		if (!vote) {
			throw new RevertError(
				PANIC_ARRAY_OUT_OF_BOUNDS,
				`${String(voter)} has not voted on this claim`
			);
		}
		const amount = requireUint(burnAmount ?? vote.stakedAmount, 'burnAmount');
		const t = this.#advance(now);
		let removedFromPoll = false;
		if (!vote.withdrawn && !vote.fraudulent) {
			if (t < this.finalAt) {
				if (vote.accepted) this.#accepted -= vote.stakedAmount;
				else this.#denied -= vote.stakedAmount;
				const nextDay = t + DAY;
				if (this.#end < nextDay) this.#end = nextDay;
				removedFromPoll = true;
			}
			vote.fraudulent = true;
		}
		let burned = 0n;
		if (!this.#burned.has(voter)) {
			const left = vote.stakedAmount;
			burned = amount > left ? left : amount;
			this.#burned.set(voter, burned);
		}
		return { removedFromPoll, burned };
	}

	/** NXM wei burned from the voter's stake by processFraud on this poll. */
	burnedStakeOf(voter: string): bigint {
		return this.#burned.get(voter) ?? 0n;
	}

	/** The voter's stake after burns: the stake they voted with minus what fraud burned, NXM wei. */
	stakeOf(voter: string): bigint {
		const vote = this.#votes.get(voter);
		return vote ? vote.stakedAmount - this.burnedStakeOf(voter) : 0n;
	}

	/**
	 * Whether the voter may unstake at `now` (Assessment.sol 187-200): only after
	 * `vote.timestamp + 14 days` (strictly later); true for someone who did not vote here.
	 */
	canUnstake(voter: string, now: bigint): boolean {
		const t = seconds(now, 'now');
		const vote = this.#votes.get(voter);
		return !vote || t > vote.timestamp + STAKE_LOCKUP_PERIOD;
	}

	/**
	 * The payout's status at `now` (IndividualClaims.sol 153-167): 'pending' before `end` or while an
	 * accepted claim can still be redeemed, 'complete' once redeemed, 'unclaimed' when an accepted
	 * claim was not redeemed by `end + 1 day + 30 days`, 'denied' for a denied claim.
	 */
	payoutStatus(now: bigint): PayoutStatus {
		const status = this.outcome(now);
		if (status === 'pending') return 'pending';
		if (status === 'denied') return 'denied';
		if (this.#payoutRedeemed) return 'complete';
		return seconds(now, 'now') >= this.finalAt + PAYOUT_REDEMPTION_PERIOD ? 'unclaimed' : 'pending';
	}

	/**
	 * redeemClaimPayout (IndividualClaims.sol 333-363). Checks, in order: `ClaimAssessmentNotFinished`
	 * (now < end), `ClaimNotAccepted`, `CooldownPeriodNotPassed` (now < end + 1 day),
	 * `RedemptionPeriodExpired` (now >= end + 1 day + 30 days), `PayoutAlreadyRedeemed`. Returns the
	 * deposit sent back with the payout (ETH wei).
	 */
	redeemPayout(now: bigint): { depositReturned: bigint } {
		const t = seconds(now, 'now');
		if (t < this.#end) {
			throw new RevertError('ClaimAssessmentNotFinished', `the vote runs until ${this.#end}`);
		}
		if (!(this.#accepted > this.#denied)) {
			throw new RevertError('ClaimNotAccepted', 'the claim was denied: deny won or it was a tie');
		}
		if (t < this.finalAt) {
			throw new RevertError(
				'CooldownPeriodNotPassed',
				`the payout cooldown ends at ${this.finalAt}`
			);
		}
		if (t >= this.finalAt + PAYOUT_REDEMPTION_PERIOD) {
			throw new RevertError(
				'RedemptionPeriodExpired',
				`the payout had to be redeemed before ${this.finalAt + PAYOUT_REDEMPTION_PERIOD}`
			);
		}
		if (this.#payoutRedeemed)
			throw new RevertError('PayoutAlreadyRedeemed', 'the payout was already redeemed');
		this.#advance(t);
		this.#payoutRedeemed = true;
		return { depositReturned: this.assessmentDepositInETH };
	}
}
