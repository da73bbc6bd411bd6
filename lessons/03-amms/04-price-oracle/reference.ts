/**
 * The judge's Uniswap v2 pair and TWAP oracle, from first principles (temporary: replaced by
 * `#lib/protocols/uniswap-v2.ts` once it is in). Same names and shapes as that model.
 * Sources: Uniswap/v2-core ee547b17 contracts/UniswapV2Pair.sol 73-86 (`_update`) and 159-187
 * (`swap`); Uniswap/v2-periphery 0335e8f7 contracts/examples/ExampleOracleSimple.sol 15, 27-66 and
 * contracts/libraries/UniswapV2OracleLibrary.sol 16-34.
 */
const Q112 = 2n ** 112n;
const U256 = 2n ** 256n;
const U224 = 2n ** 224n;
const U32 = 2 ** 32;
export const PERIOD = 86_400;

/** The pair's reserves and accumulators (only what an oracle reads). */
export class UniswapV2Pair {
	reserve0 = 0n;
	reserve1 = 0n;
	blockTimestampLast = 0;
	price0CumulativeLast = 0n;
	price1CumulativeLast = 0n;

	private update(b0: bigint, b1: bigint, blockTimestamp: number) {
		const now = blockTimestamp % U32;
		const elapsed = (now - this.blockTimestampLast + U32) % U32;
		if (elapsed > 0 && this.reserve0 !== 0n && this.reserve1 !== 0n) {
			const dt = BigInt(elapsed);
			this.price0CumulativeLast =
				(this.price0CumulativeLast + ((this.reserve1 * Q112) / this.reserve0) * dt) % U256;
			this.price1CumulativeLast =
				(this.price1CumulativeLast + ((this.reserve0 * Q112) / this.reserve1) * dt) % U256;
		}
		this.reserve0 = b0;
		this.reserve1 = b1;
		this.blockTimestampLast = now;
	}

	/** Tokens sent to the pair, then mint (the LP shares are not modelled here). */
	mint(_to: string, amount0: bigint, amount1: bigint, blockTimestamp: number): bigint {
		this.update(this.reserve0 + amount0, this.reserve1 + amount1, blockTimestamp);
		return 0n;
	}

	/** Amounts out and in, as the pair's swap sees them (the K check is the contract's). */
	swap(out0: bigint, out1: bigint, in0: bigint, in1: bigint, blockTimestamp: number): void {
		this.update(this.reserve0 - out0 + in0, this.reserve1 - out1 + in1, blockTimestamp);
	}
}

/** ExampleOracleSimple over a pair object read live. */
export class ExampleOracleSimple {
	price0CumulativeLast: bigint;
	price1CumulativeLast: bigint;
	blockTimestampLast: number;
	price0Average = 0n;
	price1Average = 0n;

	constructor(
		readonly pair: UniswapV2Pair,
		readonly period = PERIOD
	) {
		this.price0CumulativeLast = pair.price0CumulativeLast;
		this.price1CumulativeLast = pair.price1CumulativeLast;
		this.blockTimestampLast = pair.blockTimestampLast;
	}

	update(blockTimestamp: number): void {
		const now = blockTimestamp % U32;
		let c0 = this.pair.price0CumulativeLast;
		let c1 = this.pair.price1CumulativeLast;
		if (this.pair.blockTimestampLast !== now) {
			const dt = BigInt((now - this.pair.blockTimestampLast + U32) % U32);
			c0 = (c0 + ((this.pair.reserve1 * Q112) / this.pair.reserve0) * dt) % U256;
			c1 = (c1 + ((this.pair.reserve0 * Q112) / this.pair.reserve1) * dt) % U256;
		}
		const elapsed = (now - this.blockTimestampLast + U32) % U32;
		if (elapsed < this.period) throw new Error('ExampleOracleSimple: PERIOD_NOT_ELAPSED');
		const dt = BigInt(elapsed);
		this.price0Average = (((c0 - this.price0CumulativeLast + U256) % U256) / dt) % U224;
		this.price1Average = (((c1 - this.price1CumulativeLast + U256) % U256) / dt) % U224;
		this.price0CumulativeLast = c0;
		this.price1CumulativeLast = c1;
		this.blockTimestampLast = now;
	}

	consult(token: 'token0' | 'token1', amountIn: bigint): bigint {
		return ((token === 'token0' ? this.price0Average : this.price1Average) * amountIn) >> 112n;
	}
}
