/**
 * Synthetic network congestion for the March 2020 replay: which hours a liquidator bot misses.
 *
 * On 12-13 March 2020 Ethereum's gas prices spiked and transactions were delayed or failed; most
 * of MakerDAO's keeper bots stopped bidding and auctions were won with bids of 0 DAI (MakerDAO,
 * "The Market Collapse of March 12-13, 2020: How It Impacted MakerDAO", April 2020; MakerDAO
 * Forum, "Black Thursday Response Thread", opened 12 March 2020). Which hours any one bot lost is
 * not in those reports, so the schedule here is made up, reproducibly from a seed, and must be
 * labelled synthetic wherever it is shown: inside a window of the congested hours, a seeded
 * choice of exactly `Math.round(hours * missShare)` hours in which the bot's transactions do not
 * get into a block (its gas price is too low), so it acts again only at the next hour it gets in.
 */
import { createPrng } from './prng.ts';

/** A congested window: unix seconds (UTC), `from` included, `to` excluded, and the share missed. */
export type CongestionWindow = {
	from: number;
	to: number;
	/** share of the window's hours the bot misses, 0 to 1 */
	missShare: number;
};

/**
 * The replay's window: 36 hours from 12 March 2020 08:00 UTC (1 AM Pacific, when Maker's
 * liquidations began: Dragonfly Research, 24 March 2020) to 13 March 20:00 UTC, and the bot
 * misses half of them. The window follows the reports' "36 hours of 12-13 March"; the share is a
 * teaching choice, not a measurement.
 */
export const MARCH_2020_CONGESTION: Readonly<CongestionWindow> = Object.freeze({
	from: Date.UTC(2020, 2, 12, 8) / 1000,
	to: Date.UTC(2020, 2, 13, 20) / 1000,
	missShare: 0.5
});

/** Shown next to any figure of the schedule. */
export const CONGESTION_LABEL =
	'Synthetic congestion (seeded): the liquidator misses half of the 36 hours from 12 March ' +
	'08:00 to 13 March 20:00 UTC; which hours is made up';

/** Keeps the schedule's random stream apart from the price path's and the borrowers' (same seed). */
const STREAM = 0x5bd1e995;

/**
 * For each hour in `times` (unix seconds, ascending), whether the bot misses it: exactly
 * `Math.round(n * missShare)` of the `n` hours inside `window`, chosen by a seeded shuffle, and
 * none outside it. Deterministic for a seed. Throws a RangeError on a non-finite seed, a
 * missShare outside [0, 1] or a window that ends before it starts.
 */
export function missedHours(
	times: readonly number[],
	seed: number,
	window: CongestionWindow = MARCH_2020_CONGESTION
): boolean[] {
	const { from, to, missShare } = window;
	if (!(missShare >= 0 && missShare <= 1)) {
		throw new RangeError(`missShare must be between 0 and 1, got ${missShare}`);
	}
	if (!(to >= from)) throw new RangeError('A congestion window must end after it starts');
	if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
	const inside: number[] = [];
	times.forEach((t, i) => {
		if (t >= from && t < to) inside.push(i);
	});
	const prng = createPrng((Math.trunc(seed) ^ STREAM) >>> 0);
	// Fisher-Yates: the first `count` of a seeded permutation of the window's hours
	for (let k = inside.length - 1; k > 0; k--) {
		const j = prng.int(k + 1);
		[inside[k], inside[j]] = [inside[j], inside[k]];
	}
	const missed = new Array<boolean>(times.length).fill(false);
	const count = Math.round(inside.length * missShare);
	for (const i of inside.slice(0, count)) missed[i] = true;
	return missed;
}
