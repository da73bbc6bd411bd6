// file: Library.ts
import { Contract, require } from 'chainlab';

// Uniswap v2's pricing of a trade against a pair's reserves (v2-periphery UniswapV2Library.sol
// 42-59). Amounts and reserves are the tokens' smallest units. The fee is 0.3%: 997 / 1000 of
// what goes in counts.

/** The pricing library the pool calls for every trade. */
export default class Library extends Contract {
	/** The most `amountIn` can buy out of `reserveOut`, after the fee, rounded down. */
	getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
		// TODO revert with 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT' when nothing goes in, and
		// 'UniswapV2Library: INSUFFICIENT_LIQUIDITY' when a reserve is 0 (use require);
		// then count only 997 / 1000 of amountIn (the 0.3% fee).
		return (amountIn * reserveOut) / (reserveIn + amountIn);
	}

	/** The least that must go in to get `amountOut`, after the fee, rounded up. */
	getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
		// TODO revert with 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT' when nothing comes out,
		// and 'UniswapV2Library: INSUFFICIENT_LIQUIDITY' when a reserve is 0; apply the fee; and
		// round up, as Uniswap does, by adding 1 to the rounded-down quotient.
		require(amountOut < reserveOut, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		return (reserveIn * amountOut) / (reserveOut - amountOut);
	}
}
