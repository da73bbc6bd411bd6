/** What the insurance views draw: parametric payout tables. Plain data (no bigint). */

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

/** Insurance data of a run (sent once after Run). */
export type InsuranceOverview = { payoutTables: PayoutTable[] };
