/**
 * Uniswap v2 price oracles over a pair's cumulative prices: the counterfactual accrual of
 * UniswapV2OracleLibrary and the fixed-window TWAP of ExampleOracleSimple.
 *
 * Sources: Uniswap/v2-periphery 0335e8f7e1bd1e8d8329fd300aea2ef2f36dd19f,
 * `contracts/libraries/UniswapV2OracleLibrary.sol` 10-34 and
 * `contracts/examples/ExampleOracleSimple.sol` 15, 27-66; FixedPoint of @uniswap/lib 4.0.1-alpha
 * (`fraction`, `mul` with 'FixedPoint::mul: overflow', `decode144` = `>> 112`).
 *
 * Units: prices are UQ112x112 (floor(p * 2^112)), cumulative prices UQ112x112 * seconds mod 2^256,
 * timestamps seconds (uint32, wrapping at 2^32), amounts smallest token units.
 * Re-exported by `uniswap-v2.ts`; import from there.
 */
import { PANIC_DIVISION_BY_ZERO, RevertError, requireUint } from './revert.ts';

/** ExampleOracleSimple.PERIOD: 24 hours, in seconds (ExampleOracleSimple.sol 15). */
export const PERIOD = 86_400;

const Q112 = 2n ** 112n;
const UINT224_MAX = 2n ** 224n - 1n;
const UINT256_MODULUS = 2n ** 256n;
const UINT32 = 2 ** 32;

/** What an oracle reads from a pair (an `UniswapV2Pair` fits). */
export type PairReading = {
	reserve0: bigint;
	reserve1: bigint;
	blockTimestampLast: number;
	price0CumulativeLast: bigint;
	price1CumulativeLast: bigint;
};

/** Cumulative prices as of `blockTimestamp` (uint32 seconds). */
export type CumulativePrices = {
	price0Cumulative: bigint;
	price1Cumulative: bigint;
	blockTimestamp: number;
};

function ts32(blockTimestamp: number): number {
	if (!Number.isSafeInteger(blockTimestamp) || blockTimestamp < 0) {
		throw new RangeError(`blockTimestamp must be whole seconds >= 0, got ${blockTimestamp}`);
	}
	return blockTimestamp % UINT32;
}

/**
 * The pair's cumulative prices as they would be now, without a sync: the stored accumulators plus
 * the current (last stored) reserves' price times the seconds since `blockTimestampLast`
 * (UniswapV2OracleLibrary.sol 16-34). Timestamps wrap at 2^32, sums at 2^256.
 * @throws RevertError `Panic(0x12)` when time has passed and a reserve is 0 (FixedPoint.fraction
 *   reverts 'FixedPoint::fraction: division by zero' in the library; the model names the panic).
 */
export function currentCumulativePrices(
	pair: PairReading,
	blockTimestamp: number
): CumulativePrices {
	const now = ts32(blockTimestamp);
	let price0Cumulative = pair.price0CumulativeLast;
	let price1Cumulative = pair.price1CumulativeLast;
	if (pair.blockTimestampLast !== now) {
		if (pair.reserve0 === 0n || pair.reserve1 === 0n) {
			throw new RevertError(PANIC_DIVISION_BY_ZERO, 'a price needs both reserves above zero');
		}
		const elapsed = BigInt((now - pair.blockTimestampLast + UINT32) % UINT32);
		price0Cumulative =
			(price0Cumulative + ((pair.reserve1 * Q112) / pair.reserve0) * elapsed) % UINT256_MODULUS;
		price1Cumulative =
			(price1Cumulative + ((pair.reserve0 * Q112) / pair.reserve1) * elapsed) % UINT256_MODULUS;
	}
	return { price0Cumulative, price1Cumulative, blockTimestamp: now };
}

/**
 * `priceAverage.mul(amountIn).decode144()`: amountIn of one token valued at a UQ112x112 price, in
 * the other token's smallest units, rounded down (ExampleOracleSimple.sol 59-66).
 * @throws RevertError 'FixedPoint::mul: overflow' when price * amountIn passes 2^256.
 */
export function consult(priceAverage: bigint, amountIn: bigint): bigint {
	requireUint(priceAverage, 'priceAverage');
	requireUint(amountIn, 'amountIn');
	const z = priceAverage * amountIn;
	if (z >= UINT256_MODULUS) {
		throw new RevertError('FixedPoint::mul: overflow', 'the price times the amount passes 2^256');
	}
	return (z >> 112n) % 2n ** 144n;
}

/**
 * A fixed-window TWAP oracle: `update` at most once per PERIOD stores the average price since the
 * last update, `consult` values an amount at it (ExampleOracleSimple.sol 12-66). Reads the pair
 * when called, as the contract does.
 */
export class ExampleOracleSimple {
	price0CumulativeLast: bigint;
	price1CumulativeLast: bigint;
	/** uint32 seconds of the last update. */
	blockTimestampLast: number;
	/** UQ112x112 average price of token0 in token1 over the last window; 0 before an update. */
	price0Average = 0n;
	/** UQ112x112 average price of token1 in token0. */
	price1Average = 0n;
	readonly period: number;

	/**
	 * @param pair the pair to follow (read again on each update)
	 * @param period window in seconds, PERIOD (24 h) by default
	 * @throws RevertError 'ExampleOracleSimple: NO_RESERVES' if a reserve is 0 (lines 27-38).
	 */
	constructor(
		readonly pair: PairReading,
		period: number = PERIOD
	) {
		if (pair.reserve0 === 0n || pair.reserve1 === 0n) {
			throw new RevertError('ExampleOracleSimple: NO_RESERVES', 'the pair has no liquidity yet');
		}
		this.period = period;
		this.price0CumulativeLast = pair.price0CumulativeLast;
		this.price1CumulativeLast = pair.price1CumulativeLast;
		this.blockTimestampLast = pair.blockTimestampLast;
	}

	/**
	 * Stores the average prices since the last update (lines 40-56). Averages are
	 * `(cumulative - cumulativeLast) mod 2^256 / timeElapsed`, as uint224.
	 * @throws RevertError 'ExampleOracleSimple: PERIOD_NOT_ELAPSED' before `period` seconds passed.
	 */
	update(blockTimestamp: number): void {
		const now = currentCumulativePrices(this.pair, blockTimestamp);
		const timeElapsed = (now.blockTimestamp - this.blockTimestampLast + UINT32) % UINT32;
		if (timeElapsed < this.period) {
			throw new RevertError(
				'ExampleOracleSimple: PERIOD_NOT_ELAPSED',
				`only ${timeElapsed} of ${this.period} seconds have passed since the last update`
			);
		}
		const dt = BigInt(timeElapsed);
		const mod = (x: bigint) => ((x % UINT256_MODULUS) + UINT256_MODULUS) % UINT256_MODULUS;
		this.price0Average = (mod(now.price0Cumulative - this.price0CumulativeLast) / dt) & UINT224_MAX;
		this.price1Average = (mod(now.price1Cumulative - this.price1CumulativeLast) / dt) & UINT224_MAX;
		this.price0CumulativeLast = now.price0Cumulative;
		this.price1CumulativeLast = now.price1Cumulative;
		this.blockTimestampLast = now.blockTimestamp;
	}

	/**
	 * `amountIn` of `token` ('token0' or 'token1') valued in the other token at the stored average
	 * (lines 59-66); 0 before the first update.
	 */
	consult(token: 'token0' | 'token1', amountIn: bigint): bigint {
		return consult(token === 'token0' ? this.price0Average : this.price1Average, amountIn);
	}
}
