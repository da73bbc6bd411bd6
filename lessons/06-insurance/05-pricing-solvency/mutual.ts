/**
 * Lesson 05's Monte Carlo: the seeded draws of 1,000 years of cover demand and claims, and the
 * reference year after Nexus Mutual v2.12.4's pricing (`calculatePremium`, StakingProducts.sol)
 * and capital (`desiredMCR`, `mcrRatio`; MCR.sol, Pool.sol) with the lesson's line of 130%.
 *
 * Every figure here is illustrative (synthetic demand and claims): the pool, its demand, the hack
 * frequency and severity are chosen for the lesson, not taken from Nexus Mutual's books.
 * Units: ETH wei for capital, cover, premiums and claims; basis points for prices, losses and the
 * MCR ratio (10000 = 100%); seconds for time.
 */
import { createPrng } from '#lib/data/prng.ts';
import { mcrRatio, desiredMCR } from '#lib/protocols/nexus-capital.ts';
import {
	NXM_PER_ALLOCATION_UNIT,
	calculatePremium,
	type ProductPrice
} from '#lib/protocols/nexus-pricing.ts';

export const ETH = 10n ** 18n;
const DAY = 86_400n;
export const ONE_YEAR = 365n * DAY;
const HOUR = 3_600n;

/** 100 paths (possible histories of the pool) of 10 years each: 1,000 simulated years. */
export const PATHS = 100;
export const YEARS = 10;
/** Cover requests per year, one an hour from the year's start. */
export const REQUESTS = 24;
/** The protocols covered; each request is cover on one of them, drawn uniformly. */
export const PROTOCOLS = 20;
/** Each request asks for a whole number of ETH, uniform in this range. */
export const MIN_COVER = 500;
export const MAX_COVER = 3_000;
/** Frequency: each protocol is hacked in a year with this probability, independently. */
export const HACK_PROBABILITY = 0.03;
/** Severity: a hack pays this share of each of its covers, uniform in whole basis points. */
export const MIN_LOSS_BPS = 1_000;
export const MAX_LOSS_BPS = 10_000;
/** The pool's set-up: capital, target price (basis points a year) and the capacity bumps divide by. */
export const START_CAPITAL = 10_000n * ETH;
export const TARGET_PRICE = 250n;
export const TOTAL_CAPACITY = 40_000n * ETH;
/** The lesson's line: no cover sale may take the MCR ratio below 130%. */
export const MIN_MCR_RATIO = 13_000n;
/** Below 100% the pool holds less capital than its MCR: a ruined year. */
export const RUIN_RATIO = 10_000n;

/** One simulated year's draws: the cover asked for and the loss each cover would claim. */
export type YearDraw = {
	/** wei of one-year cover per request, in request order */
	requests: bigint[];
	/** basis points of its cover each request claims if it is sold (0: no claim) */
	losses: bigint[];
	/** how many of the protocols were hacked this year */
	hacks: number;
};

/**
 * The draws of `PATHS` x `YEARS` years from `seed` (mulberry32, data/prng.ts), path by path.
 * Each year: `REQUESTS` requests of `MIN_COVER`..`MAX_COVER` ETH on a uniform protocol; each of
 * the `PROTOCOLS` is hacked with probability `HACK_PROBABILITY`, with a severity uniform in
 * `MIN_LOSS_BPS`..`MAX_LOSS_BPS`, which every cover on it claims.
 */
export function drawYears(seed: number): YearDraw[][] {
	const rng = createPrng(seed ^ 0x5eed_0605);
	return Array.from({ length: PATHS }, () =>
		Array.from({ length: YEARS }, () => {
			const on = Array.from({ length: REQUESTS }, () => rng.int(PROTOCOLS));
			const requests = on.map(() => BigInt(MIN_COVER + rng.int(MAX_COVER - MIN_COVER + 1)) * ETH);
			const severity = Array.from({ length: PROTOCOLS }, () =>
				rng.next() < HACK_PROBABILITY ? MIN_LOSS_BPS + rng.int(MAX_LOSS_BPS - MIN_LOSS_BPS + 1) : 0
			);
			return {
				requests,
				losses: on.map((p) => BigInt(severity[p])),
				hacks: severity.filter((s) => s > 0).length
			};
		})
	);
}

/** A pool between years: its capital and its product's price state. */
export type PoolState = { capital: bigint; price: ProductPrice };

/** What a year did, as the contract's runYear returns it. */
export type YearResult = {
	sold: number;
	refused: number;
	premiums: bigint;
	claimsPaid: bigint;
	unpaid: bigint;
	capital: bigint;
	activeCover: bigint;
	mcr: bigint;
	ratio: bigint;
};

export const startState = (): PoolState => ({
	capital: START_CAPITAL,
	price: { targetPrice: TARGET_PRICE, bumpedPrice: TARGET_PRICE, bumpedPriceUpdateTime: 0n }
});

/**
 * The reference year: requests one an hour from `start`, each priced with `calculatePremium`
 * (cover in allocation units of 0.01, which counts ETH here) and sold when
 * `mcrRatio(capital + premium, desiredMCR(cover + amount)) >= line` (pass `line` 0n to sell
 * everything); then every sold cover claims its loss, paid while capital lasts. The ratio is
 * taken after the claims, against the year's cover. Returns the year and the next state.
 */
export function referenceYear(
	state: PoolState,
	year: YearDraw,
	start: bigint,
	line: bigint = MIN_MCR_RATIO
): { result: YearResult; state: PoolState } {
	let { capital, price } = state;
	let cover = 0n;
	let premiums = 0n;
	const sold: number[] = [];
	year.requests.forEach((amount, i) => {
		const quote = calculatePremium(price, {
			coverAmount: amount / NXM_PER_ALLOCATION_UNIT,
			totalCapacity: TOTAL_CAPACITY / NXM_PER_ALLOCATION_UNIT,
			period: ONE_YEAR,
			now: start + BigInt(i) * HOUR
		});
		if (mcrRatio(capital + quote.premium, desiredMCR(cover + amount)) < line) return;
		price = quote.product;
		capital += quote.premium;
		premiums += quote.premium;
		cover += amount;
		sold.push(i);
	});
	let claimsPaid = 0n;
	let unpaid = 0n;
	for (const i of sold) {
		const claim = (year.requests[i] * year.losses[i]) / 10_000n;
		const paid = claim < capital ? claim : capital;
		capital -= paid;
		claimsPaid += paid;
		unpaid += claim - paid;
	}
	const mcr = desiredMCR(cover);
	const ratio = mcr > 0n ? mcrRatio(capital, mcr) : 0n;
	return {
		result: {
			sold: sold.length,
			refused: year.requests.length - sold.length,
			premiums,
			claimsPaid,
			unpaid,
			capital,
			activeCover: cover,
			mcr,
			ratio
		},
		state: { capital, price }
	};
}

/** Unix seconds when year `y` (0-based) of a path starts; the chain's clock is not used. */
export const yearStart = (y: number): bigint => BigInt(y) * ONE_YEAR + DAY;

/** Every path's years under the reference, with a given line (default the lesson's 130%). */
export function referenceRun(draws: YearDraw[][], line: bigint = MIN_MCR_RATIO): YearResult[][] {
	return draws.map((path) => {
		let state = startState();
		return path.map((year, y) => {
			const next = referenceYear(state, year, yearStart(y), line);
			state = next.state;
			return next.result;
		});
	});
}

/** The share of years that end below 100% (capital under the MCR), of all years. */
export function ruinProbability(paths: YearResult[][]): number {
	const years = paths.flat();
	return years.filter((y) => y.mcr > 0n && y.ratio < RUIN_RATIO).length / Math.max(1, years.length);
}
