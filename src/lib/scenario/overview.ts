/**
 * Helpers for the run overview: health-factor buckets for the distribution view and price
 * points for the price view. Pure functions over plain numbers.
 */
import type { HealthBuckets, PricePoint } from '#lib/model/overview.ts';

/** Default bucket lower edges for health factors (HF 1.0 is the liquidation line). */
export const HEALTH_EDGES = [0, 0.5, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.25, 1.5, 2, 3];

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
	return sorted[index];
}

/**
 * Bucket borrowers' health factors at one step.
 * @param step timeline step; @param time unix seconds
 * @param healthFactors HF of every borrower as plain numbers (1.0 = liquidation line);
 *   `Infinity` (or any non-finite value) counts as a borrower with no debt
 * @param edges ascending lower edges; the last bucket is open-ended
 * @returns counts per bucket, the no-debt count and the 10th/50th/90th percentiles (nearest rank)
 */
export function bucketHealth(
	step: number,
	time: number,
	healthFactors: number[],
	edges: number[] = HEALTH_EDGES
): HealthBuckets {
	const counts = edges.map(() => 0);
	const finite = healthFactors.filter((hf) => Number.isFinite(hf)).sort((a, b) => a - b);
	for (const hf of finite) {
		let bucket = 0;
		while (bucket + 1 < edges.length && hf >= edges[bucket + 1]) bucket++;
		counts[bucket]++;
	}
	return {
		step,
		time,
		edges: [...edges],
		counts,
		noDebt: healthFactors.length - finite.length,
		p10: percentile(finite, 0.1),
		median: percentile(finite, 0.5),
		p90: percentile(finite, 0.9)
	};
}

/**
 * A price point for the overview's price series.
 * @param price USD as a plain number, or a bigint with `decimals` (8 for oracle prices)
 */
export function pricePoint(
	step: number,
	time: number,
	price: number | bigint,
	decimals = 8
): PricePoint {
	const value = typeof price === 'bigint' ? Number(price) / 10 ** decimals : price;
	return { step, time, price: value };
}
