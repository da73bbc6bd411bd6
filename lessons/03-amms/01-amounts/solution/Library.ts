// file: Library.ts
import { Contract, require } from 'chainlab';

// Uniswap v2's pricing of a trade against a pair's reserves (v2-periphery UniswapV2Library.sol
// 42-59). Amounts and reserves are the tokens' smallest units. The fee is 0.3%: 997 / 1000 of
// what goes in counts.

/** The pricing library the pool calls for every trade. */
export default class Library extends Contract {
	/** The most `amountIn` can buy out of `reserveOut`, after the fee, rounded down. */
	getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
		require(amountIn > 0n, 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT');
		require(reserveIn > 0n && reserveOut > 0n, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		const amountInWithFee = amountIn * 997n;
		const numerator = amountInWithFee * reserveOut;
		const denominator = reserveIn * 1000n + amountInWithFee;
		return numerator / denominator;
	}

	/** The least that must go in to get `amountOut`, after the fee, rounded up. */
	getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
		require(amountOut > 0n, 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT');
		require(reserveIn > 0n && reserveOut > 0n, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		require(amountOut < reserveOut, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		const numerator = reserveIn * amountOut * 1000n;
		const denominator = (reserveOut - amountOut) * 997n;
		return numerator / denominator + 1n;
	}
}
