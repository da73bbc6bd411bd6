/**
 * What the capital view draws: a Monte Carlo of a pool's years, with its capital, its MCR and
 * their ratio. Plain data (no bigint): ETH as numbers, ratios as fractions (1.3 = 130%).
 */

/** One year of one simulated path (one possible history of the pool). */
export type SolvencyYear = {
	/** ETH (whole units as a number) at the year's end, after its claims */
	capital: number;
	/** ETH: the MCR against the year's active cover */
	mcr: number;
	/** capital / MCR as a fraction (1.3 = 130%); null when the pool held no cover (no MCR) */
	ratio: number | null;
};

/** The spread of the ratio over every path in one year of the simulation. */
export type SolvencyBand = {
	/** 1-based year */
	year: number;
	/** ratio quantiles over the paths that have one (fractions) */
	p5: number;
	p25: number;
	p50: number;
	p75: number;
	p95: number;
	/** median capital and median MCR, ETH */
	capital: number;
	mcr: number;
	/** paths whose year ended below the ruin ratio (or whose year failed) */
	ruined: number;
};

/** A Monte Carlo of a pool over years, as the run sends it (see scenario/solvency.ts). */
export type SolvencyOverview = {
	/** how many paths and years per path: `paths * years` simulated years */
	paths: number;
	years: number;
	/** the line below which the pool refuses cover, and the ruin ratio (fractions: 1.3, 1) */
	line: number;
	ruin: number;
	/** year by year, over the paths */
	bands: SolvencyBand[];
	/** every year-end ratio, bucketed: lower edges ascending (the last bucket is open-ended) */
	histogram: { edges: number[]; counts: number[] };
	/** the share of simulated years that ended below `ruin` (0..1), from the learner's contract */
	ruinProbability: number;
	/** years that ended below `ruin`, of `paths * years` */
	ruinedYears: number;
	/** the same share under the reference model, and under the reference with no line */
	reference: number | null;
	noLine: number | null;
	/** each path's years, in step order: the timeline's step `first + i` shows path i */
	perPath: SolvencyYear[][];
	/** the step that shows path 0 */
	first: number;
	/** where the figures come from; says so when they are illustrative */
	note: string;
};
