/**
 * Pure data shaping for the views: finding the point at a step, grouping a price series by day,
 * sampling long series for tables, and splitting a liquidation into its parts.
 */
import type { BalanceRow } from '#lib/model/frame.ts';
import type { LiquidationRecord, PricePoint } from '#lib/model/overview.ts';

const DAY = 86_400;

/**
 * Index of the last item whose `step` is at or before `step` (binary search; `items` ascending by
 * step). A step before the first item gives 0; an empty list gives -1.
 */
export function indexAtStep(items: readonly { step: number }[], step: number): number {
	if (items.length === 0) return -1;
	let lo = 0;
	let hi = items.length - 1;
	if (step <= items[0].step) return 0;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (items[mid].step <= step) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/**
 * At most `max` items of `items`, evenly spaced, always keeping the first and the last (and the
 * item at index `keep`, when given, so the current step stays in a sampled table). Order is kept.
 * Throws a RangeError when `max` is below 2.
 */
export function sampleEvenly<T>(items: readonly T[], max: number, keep?: number): T[] {
	if (max < 2) throw new RangeError(`sampleEvenly needs room for at least 2 items, got ${max}`);
	if (items.length <= max) return [...items];
	const picked = new Set<number>();
	const stride = (items.length - 1) / (max - 1);
	for (let i = 0; i < max; i++) picked.add(Math.round(i * stride));
	if (keep !== undefined && keep >= 0 && keep < items.length) picked.add(keep);
	return [...picked].sort((a, b) => a - b).map((i) => items[i]);
}

/** One row of the price table: a single point, or one UTC day of points. */
export type PriceRow = {
	/** unix seconds: the point's time, or 00:00 UTC of the day */
	time: number;
	open: number;
	close: number;
	low: number;
	high: number;
	liquidations: number;
	/** sum of `debtRepaidUsd` of those liquidations */
	debtRepaidUsd: number;
};

/**
 * Rows for the price table. Up to `maxPoints` points give one row per point (liquidations
 * counted by step); longer series give one row per UTC day (liquidations counted by their
 * `time`). `points` ascending by time, `time` in unix seconds.
 */
export function priceTableRows(
	points: readonly PricePoint[],
	liquidations: readonly LiquidationRecord[],
	maxPoints = 62
): { by: 'point' | 'day'; rows: PriceRow[] } {
	if (points.length <= maxPoints) {
		const rows = points.map((p) => {
			const here = liquidations.filter((l) => l.step === p.step);
			return {
				time: p.time,
				open: p.price,
				close: p.price,
				low: p.price,
				high: p.price,
				liquidations: here.length,
				debtRepaidUsd: sum(here.map((l) => l.debtRepaidUsd))
			};
		});
		return { by: 'point', rows };
	}
	const days = new Map<number, PriceRow>();
	for (const p of points) {
		const day = Math.floor(p.time / DAY) * DAY;
		const row = days.get(day);
		if (!row) {
			days.set(day, {
				time: day,
				open: p.price,
				close: p.price,
				low: p.price,
				high: p.price,
				liquidations: 0,
				debtRepaidUsd: 0
			});
		} else {
			row.close = p.price;
			row.low = Math.min(row.low, p.price);
			row.high = Math.max(row.high, p.price);
		}
	}
	for (const l of liquidations) {
		const row = days.get(Math.floor(l.time / DAY) * DAY);
		if (!row) continue;
		row.liquidations += 1;
		row.debtRepaidUsd += l.debtRepaidUsd;
	}
	return { by: 'day', rows: [...days.values()] };
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

/**
 * The liquidation a view shows when the learner has not picked one: the first liquidation at the
 * current step if there is one, else the latest one before it; `null` when none has happened yet.
 * `liquidations` ascending by step.
 */
export function defaultLiquidation(
	liquidations: readonly LiquidationRecord[],
	step: number
): LiquidationRecord | null {
	const i = indexAtStep(liquidations, step);
	if (i < 0 || liquidations[i].step > step) return null;
	let first = i;
	while (first > 0 && liquidations[first - 1].step === liquidations[i].step) first--;
	return liquidations[first];
}

/** One part of the collateral a liquidation seizes, in USD. */
export type Segment = { key: 'debt' | 'bonus' | 'fee'; label: string; usd: number };

/**
 * Splits `collateralSeizedUsd` the way Aave v3 `LiquidationLogic.sol` does
 * (`bonus = seized - percentDiv(seized, liquidationBonus)`, `protocolFee = percentMul(bonus, fee)`):
 * the collateral worth the debt repaid, the bonus the liquidator keeps (bonus minus fee) and the
 * protocol fee. Parts are clamped at 0; they add up to the seized value.
 */
export function liquidationSegments(l: LiquidationRecord): Segment[] {
	const fee = Math.max(0, l.protocolFeeUsd);
	const bonus = Math.max(0, l.bonusUsd - fee);
	const debt = Math.max(0, l.collateralSeizedUsd - bonus - fee);
	return [
		{ key: 'debt', label: 'Debt-equivalent collateral', usd: debt },
		{ key: 'bonus', label: 'Bonus to liquidator', usd: bonus },
		{ key: 'fee', label: 'Protocol fee', usd: fee }
	];
}

/**
 * The smallest amount (whole units) a balance bar is scaled to: dust below the table's four
 * decimals ("< 0.0001") never fills a bar, even when it is the largest holding of its asset.
 */
export const BAR_FLOOR = 0.01;

/**
 * Each balance row with `share` in [0, 1]: its amount relative to the largest amount of the same
 * asset (amounts of different assets are not comparable), or to BAR_FLOOR when every holding is
 * smaller. Unparseable or negative amounts get 0.
 */
export function balanceShares(rows: readonly BalanceRow[]): (BalanceRow & { share: number })[] {
	const value = (r: BalanceRow) => {
		const n = Number(r.amount);
		return Number.isFinite(n) && n > 0 ? n : 0;
	};
	const max = new Map<string, number>();
	for (const r of rows) max.set(r.asset, Math.max(max.get(r.asset) ?? BAR_FLOOR, value(r)));
	return rows.map((r) => {
		const top = max.get(r.asset) ?? 0;
		return { ...r, share: top > 0 ? value(r) / top : 0 };
	});
}

/** The liquidations of one step, drawn as one marker on the price chart. */
export type StepGroup = {
	step: number;
	time: number;
	/** the largest liquidation of the step (by debt repaid), picked when the marker is */
	largest: LiquidationRecord;
	ids: Set<string>;
	count: number;
	debtRepaidUsd: number;
};

/**
 * Groups liquidations by step, in step order: a crash hour can hold hundreds of liquidations, and
 * one marker per step keeps the chart readable and its markers few (O(n) instead of spreading n
 * circles around each other).
 */
export function groupByStep(liquidations: readonly LiquidationRecord[]): StepGroup[] {
	const groups = new Map<number, StepGroup>();
	for (const l of liquidations) {
		const g = groups.get(l.step);
		if (!g) {
			groups.set(l.step, {
				step: l.step,
				time: l.time,
				largest: l,
				ids: new Set([l.id]),
				count: 1,
				debtRepaidUsd: l.debtRepaidUsd
			});
			continue;
		}
		g.ids.add(l.id);
		g.count++;
		g.debtRepaidUsd += l.debtRepaidUsd;
		if (l.debtRepaidUsd > g.largest.debtRepaidUsd) g.largest = l;
	}
	return [...groups.values()].sort((a, b) => a.step - b.step);
}
