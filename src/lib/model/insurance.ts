/** What the insurance views draw: parametric payout tables and claim polls. Plain data (no bigint). */

/** One column group of a payout table: a version's (or the learner contract's) payouts per option. */
export type PayoutSeries = {
	/** stable key, e.g. 'yours', '0.1.6', '0.1.3', 'gif-v3' */
	id: string;
	/** legend text, e.g. 'Your contract (0.1.6)' */
	label: string;
	/** unit of the payouts, e.g. 'xDAI' or 'USD' */
	unit: string;
	/** the weight the payouts were divided by, as decimal text; null when there is none */
	weight: string | null;
	/** payout per option in whole units, in the option order of `PayoutTable.options`; null when the calculation reverted */
	payouts: number[] | null;
	/** the same payouts as exact decimal text (whole units), for the table */
	exact: string[] | null;
	/** why there is no table (a revert reason), or a short remark */
	note?: string;
};

/** A flight's payout table at a step of the run, under one or more versions side by side. */
export type PayoutTable = {
	/** the first step this table is shown at; the view shows the latest table at or before the step */
	step: number;
	/** what the table belongs to, e.g. 'LX 180 ZRH-BKK' */
	title: string;
	/** the six counts `[observations, late15, late30, late45, cancelled, diverted]` */
	statistics: number[];
	/** the premium, as text with its unit ('15 xDAI') */
	premium: string;
	/** option names, in order: '15-29 min', '30-44 min', '>= 45 min', 'cancelled', 'diverted' */
	options: string[];
	series: PayoutSeries[];
	/** where the statistics come from (illustrative data says so) */
	source: string;
	/** true when the statistics are synthetic */
	synthetic: boolean;
	/** an oracle report that settled a policy on this table: the option it selected and what was paid */
	settled?: { report: string; option: number | null; paid: string };
};

/** One vote sent to a claim's poll (poll-timeline view). Stakes in whole NXM; times unix seconds. */
export type PollVote = {
	/** the step the vote was sent in */
	step: number;
	time: number;
	/** who voted ('You' for the learner's own account) */
	voter: string;
	accept: boolean;
	/** the voter's whole stake, the vote's weight, in whole units */
	stake: number;
	/** the same stake as exact decimal text */
	stakeText: string;
	/** why the learner's contract refused it; undefined when the vote counted */
	reverted?: string;
	/** why the reference model refuses it; undefined when the reference counts it */
	referenceRevert?: string;
};

/** The poll as it stands at the end of one step, in the learner's contract and the reference. */
export type PollSample = {
	step: number;
	time: number;
	/** stake on accept and on deny, whole units (learner's contract) */
	accepted: number;
	denied: number;
	/** when voting closes (unix seconds), in the learner's contract */
	end: number;
	/** the same three under the reference model */
	referenceAccepted: number;
	referenceDenied: number;
	referenceEnd: number;
	/** the claim's status in the learner's contract at this step's time */
	status: string;
};

/** One claim's assessment poll over a run (Nexus Mutual v2 Assessment.sol). */
export type PollTimeline = {
	/** what is assessed, e.g. "Cleo's claim (20 ETH)" */
	title: string;
	/** the stake unit, e.g. 'NXM' */
	unit: string;
	/** when the assessment started (unix seconds) */
	start: number;
	/** the cooldown after the end before the outcome is final, seconds */
	cooldownSeconds: number;
	/** the silent-ending period: a vote closer than this to the end extends the poll, seconds */
	silentEndingSeconds: number;
	votes: PollVote[];
	/** one per step from the step the poll started */
	samples: PollSample[];
};

/** Insurance data of a run (sent once after Run). */
export type InsuranceOverview = { payoutTables: PayoutTable[]; polls?: PollTimeline[] };
