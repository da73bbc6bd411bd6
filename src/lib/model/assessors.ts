/**
 * What the assessor-ledger view draws: each claim assessor's stake, votes, burn and rewards at the
 * steps of a run, so the view can set the ledger after fraud is processed beside the one before.
 * Plain data (no bigint): NXM amounts are exact decimal text in whole NXM ('1000', '10.638297872340425531').
 */

/** How one assessor voted on one claim, or null when they did not vote on it. */
export type LedgerVote = 'accept' | 'deny' | null;

/** One assessor's row of the ledger at a step. */
export type LedgerAssessor = {
	/** display name, e.g. 'Alice' */
	name: string;
	/** named as fraudulent in a fraud root that governance submitted (false before any is submitted) */
	fraudulent: boolean;
	/** processFraud has run for this assessor (their fraud count went up) */
	processed: boolean;
	/** stake now, whole NXM */
	stake: string;
	/** NXM burned from the stake so far, whole NXM */
	burned: string;
	/** their vote per claim, in the order of `AssessorLedger.claims` */
	votes: LedgerVote[];
	/** rewards still owed (getRewards' pending total), whole NXM */
	rewardOwed: string;
	/** rewards withdrawn (paid) so far, whole NXM */
	rewardPaid: string;
};

/** One claim's poll at a step. */
export type LedgerPoll = {
	/** the claim's name, as in `AssessorLedger.claims` */
	claim: string;
	/** NXM on accept and on deny, whole NXM */
	accepted: string;
	denied: string;
	/** unix seconds: voting closes here; the result is final one day later */
	end: number;
	/** the contract's outcome at this step */
	status: 'pending' | 'accepted' | 'denied';
	/** the cooldown has passed: fraud can no longer change this poll */
	final: boolean;
};

/** The ledger at one step of the run. */
export type LedgerSnapshot = {
	/** the first step this snapshot is shown at */
	step: number;
	/** 'before' until the first processFraud, 'after' from it on */
	phase: 'before' | 'after';
	/** unix seconds of the chain at this step */
	time: number;
	/** governance has submitted a fraud root by this step, so every assessor has a finding */
	fraudSubmitted: boolean;
	polls: LedgerPoll[];
	assessors: LedgerAssessor[];
};

/** The assessor ledger of a run (overview.assessorLedger). */
export type AssessorLedger = {
	/** 'NXM' */
	unit: string;
	/** the claims in vote order, e.g. ['Claim 0: Ana's exchange hack', ...] */
	claims: string[];
	/** ascending by step */
	snapshots: LedgerSnapshot[];
	/** where the figures come from (illustrative stakes say so) */
	source: string;
};
