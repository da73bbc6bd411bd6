/**
 * Builds the capital view's data (model/solvency.ts) from a Monte Carlo of a pool: each path's
 * years with capital, MCR and MCR ratio in wei and basis points, as the learner's contract
 * returned them. Any scenario that simulates a pool's capital over years can use it.
 */
import type { SolvencyBand, SolvencyOverview, SolvencyYear } from '#lib/model/solvency.ts';

/** A year as the scenario read it: ETH wei and the ratio in basis points (10000 = 100%). */
export type CapitalYear = { capital: bigint; mcr: bigint; ratio: bigint };

const toEth = (wei: bigint) => Number(wei / 10n ** 14n) / 10_000;
/** Histogram edges of the ratio: 0% to 300% by 10 points, then open-ended. */
const EDGES = Array.from({ length: 31 }, (_, i) => i / 10);

/** The q-quantile (0..1) of sorted values, by linear interpolation; NaN for none. */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * The overview of `paths[path][year]` (null: that year's call failed, counted as ruined).
 * @param options `line` and `ruin` in basis points; `reference`/`noLine` shares (0..1) or null;
 *   `first` the step that shows path 0; `note` the figures' source
 * @throws RangeError when the paths do not all have the same number of years
 */
export function solvencyOverview(
	paths: (CapitalYear | null)[][],
	options: {
		line: bigint;
		ruin: bigint;
		reference?: number | null;
		noLine?: number | null;
		first?: number;
		note: string;
	}
): SolvencyOverview {
	const years = paths[0]?.length ?? 0;
	if (paths.some((p) => p.length !== years))
		throw new RangeError('every path needs the same number of years');
	const ruinBps = options.ruin;
	const plain: SolvencyYear[][] = paths.map((path) =>
		path.map((y) =>
			y === null
				? { capital: 0, mcr: 0, ratio: null }
				: {
						capital: toEth(y.capital),
						mcr: toEth(y.mcr),
						ratio: y.mcr > 0n ? Number(y.ratio) / 10_000 : null
					}
		)
	);
	const isRuined = (y: CapitalYear | null) => y === null || (y.mcr > 0n && y.ratio < ruinBps);
	const bands: SolvencyBand[] = Array.from({ length: years }, (_, i) => {
		const ratios = plain
			.map((p) => p[i].ratio)
			.filter((r): r is number => r !== null)
			.sort((a, b) => a - b);
		const med = (pick: (y: SolvencyYear) => number) =>
			quantile(
				plain.map((p) => pick(p[i])).sort((a, b) => a - b),
				0.5
			);
		return {
			year: i + 1,
			p5: quantile(ratios, 0.05),
			p25: quantile(ratios, 0.25),
			p50: quantile(ratios, 0.5),
			p75: quantile(ratios, 0.75),
			p95: quantile(ratios, 0.95),
			capital: med((y) => y.capital),
			mcr: med((y) => y.mcr),
			ruined: paths.filter((p) => isRuined(p[i])).length
		};
	});
	const counts = EDGES.map(() => 0);
	for (const y of plain.flat()) {
		if (y.ratio === null) continue;
		let b = EDGES.findLastIndex((e) => y.ratio! >= e);
		if (b < 0) b = 0;
		counts[b]++;
	}
	const ruinedYears = paths.flat().filter(isRuined).length;
	const total = paths.length * years;
	return {
		paths: paths.length,
		years,
		line: Number(options.line) / 10_000,
		ruin: Number(ruinBps) / 10_000,
		bands,
		histogram: { edges: EDGES, counts },
		ruinProbability: total ? ruinedYears / total : 0,
		ruinedYears,
		reference: options.reference ?? null,
		noLine: options.noLine ?? null,
		perPath: plain,
		first: options.first ?? 0,
		note: options.note
	};
}
