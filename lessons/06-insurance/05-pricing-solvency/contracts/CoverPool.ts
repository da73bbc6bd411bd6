// file: CoverPool.ts
import { Contract, StorageValue, emit, require } from 'chainlab';

// Nexus Mutual v2.12.4 constants (StakingProducts.sol 31-38, MCR.sol 38 and its initial gearing
// factor). Amounts are ETH wei; prices basis points of the cover amount per year; times seconds.
const PRICE_BUMP_RATIO = 500n; // +5% of price for 100% of capacity bought
const PRICE_CHANGE_PER_DAY = 200n; // the bumped price falls 2 points a day toward the target
const TARGET_PRICE_DENOMINATOR = 10_000n;
const GEARING_FACTOR = 48_000n; // desired MCR = active cover / 4.8
const BASIS_PRECISION = 10_000n;
const DAY = 86_400n;
const ONE_YEAR = 365n * DAY;
/** The line this lesson sets: cover that would take the MCR ratio below 130% is refused. */
const MIN_MCR_RATIO = 13_000n;

/** A product's price state (the StakedProduct fields of StakingProducts.sol). */
type Price = { targetPrice: bigint; bumpedPrice: bigint; bumpedPriceUpdateTime: bigint };
/** What one simulated year did (see runYear). */
type Year = {
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

/** A mutual's cover pool: premiums in, claims out, and a capital rule on every sale. */
export default class CoverPool extends Contract {
	capital = new StorageValue<bigint>('capital', 0n);
	activeCover = new StorageValue<bigint>('activeCover', 0n);
	price = new StorageValue<Price>('price', {
		targetPrice: 0n,
		bumpedPrice: 0n,
		bumpedPriceUpdateTime: 0n
	});
	totalCapacity = new StorageValue<bigint>('totalCapacity', 0n);

	/** `capital` wei of capital, a target price in basis points a year, the capacity the bump divides by. */
	constructor(capital: bigint, targetPrice: bigint, totalCapacity: bigint) {
		super();
		this.capital.set(capital);
		this.price.set({ targetPrice, bumpedPrice: targetPrice, bumpedPriceUpdateTime: 0n });
		this.totalCapacity.set(totalCapacity);
	}

	/** getBasePrice: the bumped price less 2 points a day since the bump, never below the target. */
	basePrice(price: Price, now: bigint): bigint {
		// TODO: the bumped price decays by PRICE_CHANGE_PER_DAY per day since bumpedPriceUpdateTime
		return price.targetPrice;
	}

	/**
	 * calculatePremium: the buyer pays the base price; this purchase bumps the price for the next.
	 * `coverAmount` wei for `period` seconds at `now`, from a pool of `totalCapacity` wei.
	 */
	premium(
		price: Price,
		coverAmount: bigint,
		period: bigint,
		now: bigint,
		totalCapacity: bigint
	): { premium: bigint; price: Price } {
		// TODO: charge the base price for `period`, and bump the price for the next buyer
		const premiumPerYear = (coverAmount * price.targetPrice) / TARGET_PRICE_DENOMINATOR;
		return { premium: premiumPerYear, price };
	}

	/** The MCR the pool must hold against `totalActiveCover` wei of cover (getGearedMCR). */
	desiredMCR(totalActiveCover: bigint): bigint {
		// TODO: the active cover geared down by GEARING_FACTOR (basis points)
		return 0n;
	}

	/** Capital over MCR in basis points (10000 = 100%), as Pool.sol's calculateMCRRatio. */
	mcrRatio(capital: bigint, mcr: bigint): bigint {
		// TODO: capital over MCR, 4 decimals
		return 0n;
	}

	/** The capital rule: sell `amount` more cover for `premium` only if the ratio stays at the line. */
	accepts(capital: bigint, activeCover: bigint, amount: bigint, premium: bigint): boolean {
		// TODO: refuse cover that would take the MCR ratio below MIN_MCR_RATIO
		return true;
	}

	/** The pool's capital and active cover (wei) and its price state. */
	state(): { capital: bigint; activeCover: bigint; price: Price } {
		return {
			capital: this.capital.get(),
			activeCover: this.activeCover.get(),
			price: this.price.get()
		};
	}

	/** Buy `amount` wei of cover for `period` seconds at `now`; reverts when the rule refuses it. */
	buyCover(amount: bigint, period: bigint, now: bigint): bigint {
		const quote = this.premium(this.price.get(), amount, period, now, this.totalCapacity.get());
		const capital = this.capital.get();
		const cover = this.activeCover.get();
		require(this.accepts(
			capital,
			cover,
			amount,
			quote.premium
		), 'cover refused: the MCR ratio would fall below 130%');
		this.price.set(quote.price);
		this.capital.set(capital + quote.premium);
		this.activeCover.set(cover + amount);
		emit('CoverBought', { amount, premium: quote.premium });
		return quote.premium;
	}

	/**
	 * One simulated year in one call. Last year's cover has expired; `requests[i]` wei of one-year
	 * cover is asked for at `start + i` hours; a sold cover then claims `losses[i]` basis points of
	 * its amount. Refused requests claim nothing. Returns the year's figures, the ratio taken after
	 * the claims while the year's cover is still active.
	 */
	runYear(requests: bigint[], losses: bigint[], start: bigint): Year {
		let price = this.price.get();
		let capital = this.capital.get();
		let cover = 0n;
		const capacity = this.totalCapacity.get();
		const sold: number[] = [];
		let premiums = 0n;
		for (let i = 0; i < requests.length; i++) {
			const now = start + BigInt(i) * 3_600n;
			const quote = this.premium(price, requests[i], ONE_YEAR, now, capacity);
			if (!this.accepts(capital, cover, requests[i], quote.premium)) continue;
			price = quote.price;
			capital += quote.premium;
			premiums += quote.premium;
			cover += requests[i];
			sold.push(i);
		}
		let claimsPaid = 0n;
		let unpaid = 0n;
		for (const i of sold) {
			const claim = (requests[i] * losses[i]) / 10_000n;
			const paid = claim < capital ? claim : capital;
			capital -= paid;
			claimsPaid += paid;
			unpaid += claim - paid;
		}
		this.price.set(price);
		this.capital.set(capital);
		this.activeCover.set(cover);
		const mcr = this.desiredMCR(cover);
		const ratio = mcr > 0n ? this.mcrRatio(capital, mcr) : 0n;
		return {
			sold: sold.length,
			refused: requests.length - sold.length,
			premiums,
			claimsPaid,
			unpaid,
			capital,
			activeCover: cover,
			mcr,
			ratio
		};
	}
}
