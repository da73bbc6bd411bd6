/**
 * Pure helpers for the health-factor views: histogram bins, where HF = 1 falls among them, and a
 * readable log-scale domain and ticks. A health factor is a plain ratio here (1 = liquidatable
 * below it), as in Aave v3 `GenericLogic.calculateUserAccountData` divided by WAD.
 */
import type { HealthBuckets } from '#lib/model/overview.ts';
import { formatHf } from './format.ts';

/** One histogram bar: the bucket `[lo, hi)`, `hi` null for the open-ended last bucket. */
export type HfBin = { lo: number; hi: number | null; label: string; count: number; below: boolean };

/**
 * Bars for one step's buckets. `below` is true when the whole bucket lies under HF 1 (those
 * borrowers can be liquidated). Throws a RangeError when `edges` and `counts` differ in length
 * or `edges` are not ascending.
 */
export function histogramBins(edges: readonly number[], counts: readonly number[]): HfBin[] {
	if (edges.length !== counts.length) {
		throw new RangeError(
			`health buckets need one count per edge, got ${edges.length} edges and ${counts.length} counts`
		);
	}
	for (let i = 1; i < edges.length; i++) {
		if (!(edges[i] > edges[i - 1])) throw new RangeError('health bucket edges must be ascending');
	}
	return edges.map((lo, i) => {
		const hi = i + 1 < edges.length ? edges[i + 1] : null;
		const label = hi === null ? `${formatHf(lo)}+` : `${formatHf(lo)}–${formatHf(hi)}`;
		return { lo, hi, label, count: counts[i], below: hi !== null && hi <= 1 };
	});
}

/**
 * Where `hf` falls on a histogram whose bars are drawn at equal widths: a position in
 * `[0, edges.length]` in units of bars (2.5 = the middle of the third bar). Values before the
 * first edge give 0; values in the open last bucket give its left edge.
 */
export function hfBinPosition(edges: readonly number[], hf: number): number {
	if (edges.length === 0 || hf <= edges[0]) return 0;
	for (let i = 0; i < edges.length - 1; i++) {
		if (hf < edges[i + 1]) return i + (hf - edges[i]) / (edges[i + 1] - edges[i]);
	}
	return edges.length - 1;
}

const HF_MIN = 0.1;
const HF_MAX = 100;

/**
 * A log-scale y domain for percentile bands over time: from the lowest p10 to the highest p90,
 * padded 10%, always containing 1 (the liquidation line), clamped to [0.1, 100]. Non-finite and
 * non-positive values are ignored; with none left the domain is [0.5, 2].
 */
export function hfDomain(buckets: readonly HealthBuckets[]): [number, number] {
	const values = buckets
		.flatMap((b) => [b.p10, b.median, b.p90])
		.filter((v) => Number.isFinite(v) && v > 0);
	if (values.length === 0) return [0.5, 2];
	// HF 0 (bad debt) is drawn at the floor of the axis
	const floor = firstZeroP10(buckets) ? HF_MIN : Infinity;
	const lo = Math.max(HF_MIN, Math.min(1, floor, Math.min(...values)) * 0.9);
	const hi = Math.min(HF_MAX, Math.max(1, Math.max(...values)) * 1.1);
	return [lo, Math.max(hi, lo * 1.5)];
}

/**
 * The first bucket whose 10th percentile is a health factor of 0 while borrowers still owe: more
 * than a tenth of them have no collateral left (bad debt). A log axis cannot show 0, so the band
 * is drawn down to the axis floor from there, and the caption says why. Undefined when none.
 */
export function firstZeroP10(buckets: readonly HealthBuckets[]): HealthBuckets | undefined {
	return buckets.find((b) => b.p10 <= 0 && b.p90 > 0 && b.counts.some((c) => c > 0));
}

const NICE = [0.1, 0.2, 0.5, 0.8, 1, 1.2, 1.5, 2, 3, 5, 10, 20, 50, 100];

/**
 * Readable tick values for a log HF axis: round ratios inside `[lo, hi]`, always 1 when it is in
 * range, at most `max` of them (thinned evenly, keeping 1).
 */
export function hfTicks(lo: number, hi: number, max = 6): number[] {
	const inside = NICE.filter((v) => v >= lo && v <= hi);
	if (inside.length <= max) return inside;
	const anchor = Math.max(0, inside.indexOf(1));
	for (let stride = Math.ceil(inside.length / max); ; stride++) {
		const kept = inside.filter((_, i) => Math.abs(i - anchor) % stride === 0);
		if (kept.length <= max) return kept;
	}
}
