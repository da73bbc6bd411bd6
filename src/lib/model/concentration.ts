/**
 * Data of the concentration views (`lorenz`, `holders`): token distributions with their holders'
 * balances and delegated votes, and the Nakamoto coefficient, Gini coefficient and HHI of each,
 * as the reference computes them and as the learner's contract did. Plain data: amounts are
 * decimal strings in the token's smallest units, shares numbers in [0, 1].
 */

/** Nakamoto coefficient, Gini and HHI of one list of stakes. */
export type ConcentrationMeasures = {
	/** smallest number of holders over the threshold; null when no coalition reaches it */
	nakamoto: number | null;
	/** the exact Gini coefficient as a reduced fraction (decimal strings) and as a number */
	gini: { numerator: string; denominator: string; value: number };
	/** Herfindahl-Hirschman index, 0 to 10,000 */
	hhi: number;
};

/** One holder: balance and, when the distribution has them, delegated votes. */
export type ConcentrationHolder = {
	label: string;
	/** smallest units, decimal string */
	balance: string;
	/** votes delegated to this holder, smallest units, decimal string */
	votes?: string;
	/** balance / total balance */
	balanceShare: number;
	/** votes / total votes */
	votesShare?: number;
};

/** A point of a Lorenz curve: the poorest `population` share of holders hold `share`. */
export type LorenzPoint = { population: number; share: number };

/** One distribution as the views draw it. */
export type ConcentrationDistribution = {
	/** e.g. "UNI at genesis, by the post's buckets" */
	name: string;
	/** where the figures come from, with its date, or "synthetic" */
	source: string;
	symbol: string;
	/** the first step of the timeline that shows it (views show the latest one at or before the step) */
	step: number;
	/** the Nakamoto line: more than (or with `inclusive`, at least) numerator / denominator */
	threshold: { numerator: number; denominator: number; inclusive: boolean };
	holders: ConcentrationHolder[];
	/** the reference's measures of the balances and (when given) of the votes */
	balances: ConcentrationMeasures;
	votes?: ConcentrationMeasures;
	/** what the learner's contract returned for the same lists, when the lesson asks it */
	learner?: { balances?: ConcentrationMeasures; votes?: ConcentrationMeasures };
	lorenz: { balances: LorenzPoint[]; votes?: LorenzPoint[] };
	/** a sentence under the figure (what the grouping means for the measures) */
	note?: string;
};

export type ConcentrationOverview = { distributions: ConcentrationDistribution[] };

/** The distribution a view shows at `step`: the latest one whose step is at or before it, else the first. */
export function distributionAt(
	overview: ConcentrationOverview,
	step: number
): ConcentrationDistribution | null {
	let best: ConcentrationDistribution | null = overview.distributions[0] ?? null;
	for (const d of overview.distributions) if (d.step <= step) best = d;
	return best;
}
