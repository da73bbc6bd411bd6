/**
 * The replay's data and its borrower book, shared by the scenario (which drives the learner's
 * pool) and the reference replay (which drives Aave v3's reference model over the same path).
 *
 * - The path: the 31 daily bars of March 2020 (Yahoo Finance ETH-USD daily, via
 *   KaushalParkar/dataset) and a seeded synthetic hourly path inside each day's high and low:
 *   744 oracle prices, USD with 8 decimals.
 * - The book: 1,000 synthetic borrowers from `generateBorrowers` (WETH collateral, health factors
 *   1.05-3.0 at the 1 March open, median about 1.75), their USDC debts carried as DAI (18
 *   decimals, 1 USD).
 * - The congestion: a seeded synthetic choice of the hours of 12-13 March in which the liquidator
 *   bot's transactions do not get in (`missedHours`).
 * - The liquidation queue: borrowers sorted by liquidation price (the ETH price at which HF = 1),
 *   so a step only looks at the borrowers the price crossed instead of computing 1,000 health
 *   factors in bigint.
 */
import { generateBorrowers } from '#lib/data/borrowers.ts';
import { ETH_USD_MARCH_2020, SOURCE } from '#lib/data/eth-usd-march-2020.ts';
import { SYNTHETIC_LABEL, syntheticHourlyPath } from '#lib/data/synthetic-path.ts';
import { missedHours } from '#lib/data/congestion.ts';
import { MAX_UINT256, WETH_PARAMS, percentMul, wadDiv } from '#lib/protocols/aave-v3.ts';
import { bucketHealth } from '#lib/scenario/index.ts';
import type { HealthBuckets } from '#lib/model/overview.ts';
import { formatUsd8, grouped, usd8ToNumber } from '#lib/model/units.ts';

/** 1.0 as a WAD, and one whole token (WETH and DAI both have 18 decimals). */
export const WAD = 10n ** 18n;
/** DAI's oracle price: 1 USD with 8 decimals. */
export const DAI_PRICE = 100_000_000n;
/** Number of borrowers in the book. */
export const BORROWERS = 1000;
/** WETH's liquidation threshold, basis points (Aave v3 Ethereum, 2024-2025 snapshots). */
const LT = BigInt(WETH_PARAMS.liquidationThreshold);
const LT_SHARE = WETH_PARAMS.liquidationThreshold / 10_000;
/** USDC (6 decimals) to DAI (18 decimals): both are worth 1 USD here. */
const USDC_TO_DAI = 10n ** 12n;

/** Where the prices come from, for the price view. */
export const PATH_SOURCE = `${SOURCE}: daily open, high, low and close of 1-31 March 2020. ${SYNTHETIC_LABEL}.`;

/**
 * One hour of the replay: unix seconds (UTC), the day, the hour, the oracle price (USD, and USD
 * with 8 decimals) and whether the congestion keeps the liquidator's transactions out that hour.
 */
export type Hour = {
	time: number;
	date: string;
	hour: number;
	price: number;
	price8: bigint;
	/** synthetic congestion: none of the liquidator bot's transactions gets in (`missedHours`) */
	missed: boolean;
};

/**
 * The 744 hourly prices of March 2020 for a seed (synthetic inside the real daily bars), with the
 * seeded synthetic congestion of 12-13 March (`#lib/data/congestion.ts`).
 */
export function replayPath(seed: number): Hour[] {
	const points = syntheticHourlyPath(ETH_USD_MARCH_2020, seed);
	const missed = missedHours(
		points.map((p) => p.time),
		seed
	);
	return points.map((p, i) => ({
		time: p.time,
		date: p.date,
		hour: p.hour,
		price: p.price,
		price8: BigInt(Math.round(p.price * 1e8)),
		missed: missed[i]
	}));
}

/** A borrower as the scenario opens it: WETH collateral and DAI debt, both in wei. */
export type Opening = { name: string; collateral: bigint; debt: bigint };

/** The 1,000 synthetic borrowers of a seed, at the 1 March 2020 open (219.75 USD). */
export function openingBook(seed: number): Opening[] {
	return generateBorrowers(BORROWERS, seed).map((b) => ({
		name: b.id,
		collateral: b.position[0].collateral,
		debt: b.position[1].debt * USDC_TO_DAI
	}));
}

/**
 * Health factor of WETH collateral against DAI debt as a WAD, with Aave's integer math (the
 * same formula as the pool's `healthFactor`): MAX_UINT256 when the debt is worth 0 USD.
 */
export function healthFactorOf(collateral: bigint, debt: bigint, ethPrice: bigint): bigint {
	const debtUsd = (debt * DAI_PRICE) / WAD;
	if (debtUsd === 0n) return MAX_UINT256;
	return wadDiv(percentMul((collateral * ethPrice) / WAD, LT), debtUsd);
}

/** USD (8 decimals) of debt that the collateral cannot cover at `ethPrice`; 0 when covered. */
export function shortfallOf(collateral: bigint, debt: bigint, ethPrice: bigint): bigint {
	const gap = (debt * DAI_PRICE) / WAD - (collateral * ethPrice) / WAD;
	return gap > 0n ? gap : 0n;
}

/**
 * Positions of every borrower, kept sorted by liquidation price (highest first, which is also
 * lowest health factor first at any price). `set` after every change; `candidates` at each step.
 */
export class Book {
	readonly collateral: bigint[];
	readonly debt: bigint[];
	/** ETH price (USD) at which HF = 1: 0 with no debt, Infinity with debt and no collateral */
	private readonly liquidationPrice: Float64Array;
	private order: Int32Array;
	private dirty = false;

	constructor(positions: { collateral: bigint; debt: bigint }[]) {
		const n = positions.length;
		this.collateral = positions.map((p) => p.collateral);
		this.debt = positions.map((p) => p.debt);
		this.liquidationPrice = new Float64Array(n);
		this.order = Int32Array.from({ length: n }, (_, i) => i);
		for (let i = 0; i < n; i++) this.reprice(i);
		this.sort();
	}

	get size(): number {
		return this.debt.length;
	}

	/** Record borrower `i`'s new position. */
	set(i: number, collateral: bigint, debt: bigint): void {
		this.collateral[i] = collateral;
		this.debt[i] = debt;
		this.reprice(i);
		this.dirty = true;
	}

	private reprice(i: number): void {
		const debt = Number(this.debt[i]);
		const collateral = Number(this.collateral[i]);
		this.liquidationPrice[i] =
			debt === 0 ? 0 : collateral === 0 ? Infinity : debt / (LT_SHARE * collateral);
	}

	private sort(): void {
		const p = this.liquidationPrice;
		this.order.sort((a, b) => p[b] - p[a] || a - b);
		this.dirty = false;
	}

	/**
	 * Borrowers that can be liquidated at `ethPrice` (USD, 8 decimals): HF below 1 exactly (bigint)
	 * and some collateral left, lowest health factor first. Only the borrowers whose liquidation
	 * price the ETH price crossed are checked in bigint.
	 */
	candidates(ethPrice: bigint): number[] {
		if (this.dirty) this.sort();
		const floor = usd8ToNumber(ethPrice) * (1 - 1e-6);
		const out: number[] = [];
		for (const i of this.order) {
			if (this.liquidationPrice[i] < floor) break;
			if (this.collateral[i] === 0n) continue;
			if (healthFactorOf(this.collateral[i], this.debt[i], ethPrice) < WAD) out.push(i);
		}
		return out;
	}

	/** Health factors of every borrower as plain numbers, ascending (Infinity: no debt). */
	healthFactors(ethPriceUsd: number): number[] {
		if (this.dirty) this.sort();
		const out = new Array<number>(this.order.length);
		for (let k = 0; k < this.order.length; k++) {
			out[k] = ethPriceUsd / this.liquidationPrice[this.order[k]];
		}
		return out;
	}

	/** The health factors bucketed for the health view. */
	buckets(step: number, time: number, ethPriceUsd: number): HealthBuckets {
		return bucketHealth(step, time, this.healthFactors(ethPriceUsd));
	}

	/** Total shortfall (USD, 8 decimals) of the book at `ethPrice`: the pool's bad debt. */
	badDebt(ethPrice: bigint): bigint {
		let total = 0n;
		for (let i = 0; i < this.debt.length; i++) {
			total += shortfallOf(this.collateral[i], this.debt[i], ethPrice);
		}
		return total;
	}
}

/** Value in USD (8 decimals) of `amount` wei at `price` (USD, 8 decimals). */
export const usdOf = (amount: bigint, price: bigint): bigint => (amount * price) / WAD;

/** A whole number with thousands separators: `1234567` -> `1,234,567` (model/units.ts). */
export { grouped };

/** USD with 8 decimals as `1,234,567.89 USD`, rounded down to the cent. */
export const showUsd8 = (value: bigint): string => formatUsd8(value);

/** Unix seconds as `12 Mar 05:00 UTC`. */
export function showHour(time: number): string {
	const d = new Date(time * 1000);
	const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[d.getUTCMonth()];
	return `${d.getUTCDate()} ${month} ${String(d.getUTCHours()).padStart(2, '0')}:00 UTC`;
}
