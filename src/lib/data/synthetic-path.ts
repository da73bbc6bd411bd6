/**
 * A synthetic hourly ETH/USD path inside published daily bars.
 *
 * The source data has daily bars only; what happened between them is unknown. This path is made
 * up, reproducibly from a seed, and must be labelled as synthetic wherever it is shown. For each
 * day it starts at the open (00:00 UTC), ends at the close (23:00 UTC), touches exactly the high
 * and the low at two seeded hours, and stays inside [low, high]. Between those four anchors it is
 * a Brownian bridge (a seeded random walk pinned to both ends), clamped to the day's range.
 */
import type { DailyBar } from './eth-usd-march-2020.ts';
import { createPrng, type Prng } from './prng.ts';

/** Shown next to any chart or table of the path. */
export const SYNTHETIC_LABEL =
	'Synthetic hourly path (seeded): only the daily open, high, low and close are real';

export type HourlyPoint = {
	/** Unix seconds, on the hour (UTC). */
	time: number;
	/** The day's date, YYYY-MM-DD (UTC). */
	date: string;
	/** 0-23 (UTC). */
	hour: number;
	/** USD. */
	price: number;
	synthetic: true;
};

export const HOURS_PER_DAY = 24;
/** Step size of the random walk as a share of the day's high-low range. */
const STEP_SHARE_OF_RANGE = 0.08;

function checkBar(bar: DailyBar): void {
	const { open, high, low, close } = bar;
	const finite = [open, high, low, close].every(Number.isFinite);
	if (!finite || low > Math.min(open, close) || high < Math.max(open, close)) {
		throw new RangeError(
			`Bar ${bar.date} is inconsistent: open and close must lie within [low, high]`
		);
	}
}

/** One day: 24 prices, anchors exact, the rest a clamped Brownian bridge between anchors. */
function dayPath(bar: DailyBar, prng: Prng): number[] {
	const last = HOURS_PER_DAY - 1;
	// two distinct seeded hours in 1..22 for the high and the low
	const highHour = 1 + prng.int(last - 1);
	let lowHour = 1 + prng.int(last - 2);
	if (lowHour >= highHour) lowHour += 1;
	const anchors = [
		{ hour: 0, price: bar.open },
		{ hour: highHour, price: bar.high },
		{ hour: lowHour, price: bar.low },
		{ hour: last, price: bar.close }
	].sort((a, b) => a.hour - b.hour);

	const sigma = (bar.high - bar.low) * STEP_SHARE_OF_RANGE;
	const prices = new Array<number>(HOURS_PER_DAY);
	for (let i = 0; i < anchors.length - 1; i++) {
		const from = anchors[i];
		const to = anchors[i + 1];
		const steps = to.hour - from.hour;
		const walk = [0];
		for (let j = 1; j <= steps; j++) walk.push(walk[j - 1] + sigma * prng.normal());
		prices[from.hour] = from.price;
		for (let j = 1; j < steps; j++) {
			const share = j / steps;
			const bridge = from.price + (to.price - from.price) * share + walk[j] - share * walk[steps];
			prices[from.hour + j] = Math.min(bar.high, Math.max(bar.low, bridge));
		}
	}
	// anchors are set last so they are exact, whatever the floating-point bridge gave
	for (const anchor of anchors) prices[anchor.hour] = anchor.price;
	return prices;
}

/**
 * Synthetic hourly path over `bars` (24 points per bar, e.g. 744 for March 2020), deterministic
 * for a given `seed`. Throws a RangeError if a bar's open or close lies outside its [low, high].
 */
export function syntheticHourlyPath(bars: readonly DailyBar[], seed: number): HourlyPoint[] {
	const prng = createPrng(seed);
	const points: HourlyPoint[] = [];
	for (const bar of bars) {
		checkBar(bar);
		dayPath(bar, prng).forEach((price, hour) => {
			points.push({ time: bar.time + hour * 3600, date: bar.date, hour, price, synthetic: true });
		});
	}
	return points;
}
