/**
 * Pure helpers of the AMM views (AmmCurveView, AmmReservesView): what a step shows of a pair's
 * trades and samples, and the points of an x * y = k curve. No DOM.
 */
import type { AmmOverview, AmmSample, AmmTrade } from '#lib/model/amm.ts';

/** Trades at or before `step`, in run order. */
export function tradesUpTo(amm: AmmOverview, step: number): AmmTrade[] {
	return amm.trades.filter((t) => t.step <= step);
}

/** Samples at or before `step`. */
export function ammSamplesUpTo(amm: AmmOverview, step: number): AmmSample[] {
	return amm.samples.filter((x) => x.step <= step);
}

/** The sample of `step`, else the last one before it, else null. */
export function sampleAt(amm: AmmOverview, step: number): AmmSample | null {
	return ammSamplesUpTo(amm, step).at(-1) ?? null;
}

/**
 * `count + 1` points [x, y] of y = k / x for x from `x0` to `x1` (both > 0), spaced evenly in x.
 * @throws RangeError when x0 or x1 is not positive
 */
export function curvePoints(k: number, x0: number, x1: number, count = 48): [number, number][] {
	if (!(x0 > 0 && x1 > 0)) throw new RangeError(`curve bounds must be positive, got ${x0}, ${x1}`);
	const out: [number, number][] = [];
	for (let i = 0; i <= count; i++) {
		const x = x0 + ((x1 - x0) * i) / count;
		out.push([x, k / x]);
	}
	return out;
}

/** A price in token1 per token0, 4 significant decimals at most: `1.6625`, `0.0001234`. */
export function formatPriceRatio(p: number): string {
	if (!Number.isFinite(p)) return '-';
	if (p === 0) return '0';
	if (Math.abs(p) >= 1) return String(Math.round(p * 10_000) / 10_000);
	return String(Number(p.toPrecision(4)));
}

/** Compares two non-negative exact decimal strings (`"50.000000000000000004"` > `"50"`): -1, 0, 1. */
export function compareDecimal(a: string, b: string): number {
	const [ai, af = ''] = a.split('.');
	const [bi, bf = ''] = b.split('.');
	const n = Math.max(af.length, bf.length);
	const x = BigInt(ai + af.padEnd(n, '0'));
	const y = BigInt(bi + bf.padEnd(n, '0'));
	return x === y ? 0 : x > y ? 1 : -1;
}
