/**
 * Nexus Mutual v2 cover pricing: a staking pool's base price for a product decays toward its target
 * price, and each purchase bumps it for the next buyer. Exact integer math of the contract.
 *
 * Source: NexusMutual/smart-contracts tag v2.12.4 (commit 01c72951e93586b8b4121874c015318c1ea4329e),
 * `contracts/modules/staking/StakingProducts.sol` 29-52 (constants), 341-376 (getPremium), 378-393
 * (calculateFixedPricePremium), 395-411 (getBasePrice), 413-445 (calculatePremium).
 * History: until v2.10.0 the bump was 20% of capacity and a surge price applied above 90% of
 * capacity used; v2.11.0 (commit a10ea7bb, "refactor: removing surge pricing") set the bump to 5%
 * and removed the surge, so v2.12.4 has none and none is modelled.
 *
 * Units: prices in basis points of the cover amount per year (200 = 2%/year); cover amounts and
 * capacity in allocation units of 0.01 NXM (`toAllocationUnits`); premiums in NXM wei; times and
 * periods in seconds.
 */
import { PANIC_DIVISION_BY_ZERO, PANIC_UNDERFLOW, RevertError, requireUint } from './revert.ts';

/** +5% of price for 100% of the pool's capacity bought (StakingProducts.sol 31). */
export const PRICE_BUMP_RATIO = 500n;
/** The bumped price falls 200 basis points (2 percentage points) a day toward the target (35). */
export const PRICE_CHANGE_PER_DAY = 200n;
/** Prices are basis points: 10000 = 100% of the cover amount per year (37-38). */
export const TARGET_PRICE_DENOMINATOR = 10_000n;
/** Cover is counted in allocation units of 0.01 NXM (50-52). */
export const ALLOCATION_UNITS_PER_NXM = 100n;
export const NXM_PER_ALLOCATION_UNIT = 10n ** 18n / ALLOCATION_UNITS_PER_NXM;
const DAY = 86_400n;
const ONE_YEAR = 365n * DAY;

/** A product's price state in one staking pool (the contract's StakedProduct pricing fields). */
export type ProductPrice = {
	/** Basis points per year: the floor the base price decays to. */
	targetPrice: bigint;
	/** Basis points per year: the base price plus the last purchase's bump. */
	bumpedPrice: bigint;
	/** Seconds: when bumpedPrice was set. */
	bumpedPriceUpdateTime: bigint;
};

/** Constants that tests and lessons may change (the contract's unit-test mock uses 50 a day). */
export type PricingParams = { priceBumpRatio: bigint; priceChangePerDay: bigint };
export const PRICING_V2_12_4: PricingParams = {
	priceBumpRatio: PRICE_BUMP_RATIO,
	priceChangePerDay: PRICE_CHANGE_PER_DAY
};

/** An amount of NXM wei in allocation units, rounded up, as Cover.sol does before allocating. */
export function toAllocationUnits(amountInNXM: bigint): bigint {
	requireUint(amountInNXM, 'amountInNXM');
	return (amountInNXM + NXM_PER_ALLOCATION_UNIT - 1n) / NXM_PER_ALLOCATION_UNIT;
}

function elapsed(now: bigint, since: bigint): bigint {
	requireUint(now, 'now');
	requireUint(since, 'bumpedPriceUpdateTime');
	if (now < since) {
		throw new RevertError(
			PANIC_UNDERFLOW,
			`now (${now}) is before the price was last bumped (${since})`
		);
	}
	return now - since;
}

/**
 * getBasePrice (StakingProducts.sol 395-411): `max(targetPrice, bumpedPrice - priceChangePerDay *
 * (now - bumpedPriceUpdateTime) / 1 day)`, the drop truncated to whole basis points. Basis points;
 * `now` in seconds. Throws `Panic(0x11)` when `now` is before the last bump.
 */
export function basePrice(
	product: ProductPrice,
	now: bigint,
	params: PricingParams = PRICING_V2_12_4
): bigint {
	const target = requireUint(product.targetPrice, 'targetPrice');
	const bumped = requireUint(product.bumpedPrice, 'bumpedPrice');
	const drop = (params.priceChangePerDay * elapsed(now, product.bumpedPriceUpdateTime)) / DAY;
	return bumped < target + drop ? target : bumped - drop;
}

/**
 * calculatePremium (StakingProducts.sol 413-445) for a purchase of `coverAmount` allocation units
 * for `period` seconds at `now`, from a pool with `totalCapacity` allocation units:
 * - the buyer pays the base price: `premium = coverAmount * 0.01 NXM * basePrice / 10000 * period /
 *   365 days`, truncated after the yearly premium and again after the period (NXM wei);
 * - the product's next state is `bumpedPrice = basePrice + 500 * coverAmount / totalCapacity`
 *   (truncated), `bumpedPriceUpdateTime = now`, so the next buyer pays more and the price decays back.
 * `productMinPrice` (basis points) raises the target as getPremium does (`max(target, min)`).
 * Throws `Panic(0x12)` for a capacity of 0 and `Panic(0x11)` when `now` is before the last bump.
 */
export function calculatePremium(
	product: ProductPrice,
	purchase: {
		coverAmount: bigint;
		totalCapacity: bigint;
		period: bigint;
		now: bigint;
		productMinPrice?: bigint;
	},
	params: PricingParams = PRICING_V2_12_4
): { premium: bigint; product: ProductPrice } {
	const coverAmount = requireUint(purchase.coverAmount, 'coverAmount');
	const totalCapacity = requireUint(purchase.totalCapacity, 'totalCapacity');
	const period = requireUint(purchase.period, 'period');
	const minPrice = requireUint(purchase.productMinPrice ?? 0n, 'productMinPrice');
	const targetPrice = product.targetPrice > minPrice ? product.targetPrice : minPrice;
	if (totalCapacity === 0n) {
		throw new RevertError(
			PANIC_DIVISION_BY_ZERO,
			'the pool has no capacity, so the price bump divides by zero'
		);
	}
	const priceBump = (params.priceBumpRatio * coverAmount) / totalCapacity;
	const price = basePrice({ ...product, targetPrice }, purchase.now, params);
	const premiumPerYear = (coverAmount * NXM_PER_ALLOCATION_UNIT * price) / TARGET_PRICE_DENOMINATOR;
	return {
		premium: (premiumPerYear * period) / ONE_YEAR,
		product: { ...product, bumpedPrice: price + priceBump, bumpedPriceUpdateTime: purchase.now }
	};
}

/**
 * calculateFixedPricePremium (StakingProducts.sol 378-393): for products with a fixed price, the
 * premium at `fixedPrice` basis points with no decay and no bump. `coverAmount` in allocation
 * units, `period` in seconds; NXM wei.
 */
export function calculateFixedPricePremium(
	coverAmount: bigint,
	period: bigint,
	fixedPrice: bigint
): bigint {
	requireUint(coverAmount, 'coverAmount');
	requireUint(period, 'period');
	requireUint(fixedPrice, 'fixedPrice');
	const premiumPerYear =
		(coverAmount * NXM_PER_ALLOCATION_UNIT * fixedPrice) / TARGET_PRICE_DENOMINATOR;
	return (premiumPerYear * period) / ONE_YEAR;
}
