/**
 * Builds the concentration views' data (model/concentration.ts) from bigint stakes: the
 * reference's Nakamoto coefficient, Gini and HHI (protocols/concentration.ts), Lorenz curves and
 * shares, and the learner's own results converted to the same shape.
 */
import type {
	ConcentrationDistribution,
	ConcentrationHolder,
	ConcentrationMeasures
} from '#lib/model/concentration.ts';
import {
	gini,
	hhi,
	lorenzPoints,
	nakamotoCoefficient,
	type Fraction,
	type Threshold
} from '#lib/protocols/concentration.ts';

/** A share `part / whole` as a number (0 when whole is 0), exact to about 12 digits. */
function share(part: bigint, whole: bigint): number {
	return whole === 0n ? 0 : Number((part * 10n ** 12n) / whole) / 1e12;
}

/** Measures from raw results: a Nakamoto coefficient (Infinity or a negative number mean unreachable), a Gini fraction, an HHI. */
export function measures(nakamoto: number, g: Fraction, h: number): ConcentrationMeasures {
	return {
		nakamoto: Number.isFinite(nakamoto) && nakamoto >= 0 ? nakamoto : null,
		gini: {
			numerator: String(g.numerator),
			denominator: String(g.denominator),
			value: g.denominator === 0n ? NaN : share(g.numerator, g.denominator)
		},
		hhi: h
	};
}

/** The reference's measures of `stakes` with the Nakamoto line at `threshold`. */
export function referenceMeasures(stakes: bigint[], threshold: Threshold): ConcentrationMeasures {
	return measures(nakamotoCoefficient(stakes, threshold), gini(stakes), hhi(stakes));
}

export type DistributionInput = {
	name: string;
	source: string;
	symbol: string;
	step: number;
	threshold: Threshold;
	holders: { label: string; balance: bigint; votes?: bigint }[];
	learner?: ConcentrationDistribution['learner'];
	note?: string;
};

/**
 * One distribution for the views: holders ranked by balance (largest first), shares, the
 * reference's measures and Lorenz curves of the balances and, when every holder has `votes`, of
 * the votes.
 * @throws RangeError for a negative stake or a threshold outside [0, 1] (from concentration.ts)
 */
export function distribution(input: DistributionInput): ConcentrationDistribution {
	const ranked = [...input.holders].sort((a, b) =>
		a.balance > b.balance ? -1 : a.balance < b.balance ? 1 : 0
	);
	const balances = ranked.map((h) => h.balance);
	const withVotes = ranked.every((h) => h.votes !== undefined);
	const votes = withVotes ? ranked.map((h) => h.votes!) : undefined;
	const totalBalance = balances.reduce((a, b) => a + b, 0n);
	const totalVotes = votes?.reduce((a, b) => a + b, 0n) ?? 0n;
	const holders: ConcentrationHolder[] = ranked.map((h) => ({
		label: h.label,
		balance: String(h.balance),
		balanceShare: share(h.balance, totalBalance),
		...(withVotes ? { votes: String(h.votes), votesShare: share(h.votes!, totalVotes) } : {})
	}));
	const t = input.threshold;
	return {
		name: input.name,
		source: input.source,
		symbol: input.symbol,
		step: input.step,
		threshold: {
			numerator: Number(t.numerator),
			denominator: Number(t.denominator),
			inclusive: t.inclusive ?? false
		},
		holders,
		balances: referenceMeasures(balances, t),
		...(votes ? { votes: referenceMeasures(votes, t) } : {}),
		...(input.learner ? { learner: input.learner } : {}),
		lorenz: {
			balances: lorenzPoints(balances),
			...(votes ? { votes: lorenzPoints(votes) } : {})
		},
		...(input.note ? { note: input.note } : {})
	};
}
