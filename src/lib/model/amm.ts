/**
 * The AMM views' data (`amm-curve`, `amm-reserves`), built while a scenario runs by
 * `traceAmm` (src/lib/scenario/amm-trace.ts) from a constant-product pair's reserves and its
 * `Swap` / `Sync` events. Plain data: exact amounts are decimal strings in whole token units
 * (`"1.662497915624478906"`), prices plain numbers for plotting.
 */

/** The pair's state at the end of one step of the timeline. */
export type AmmSample = {
	step: number;
	/** reserves in whole units of token0 / token1, exact decimal strings */
	reserve0: string;
	reserve1: string;
	/** reserve0 * reserve1, in whole units of token0 times whole units of token1 */
	k: string;
	/** LP tokens in existence (18 decimals, whole units), "0" for a pool without an LP token */
	totalSupply: string;
};

/** One swap through the pair, with the reserves it moved between. */
export type AmmTrade = {
	step: number;
	txHash: string;
	/** who sent the swap transaction, by name when the run knows it */
	trader: string;
	/** 0 when token0 went in (token1 out), 1 when token1 went in */
	tokenIn: 0 | 1;
	/** exact decimal strings, whole units of the token in / out */
	amountIn: string;
	amountOut: string;
	reserve0Before: string;
	reserve1Before: string;
	reserve0After: string;
	reserve1After: string;
	/** prices in token1 per token0: reserve1 / reserve0 before, amount ratio, reserve1 / reserve0 after */
	spotBefore: number;
	executionPrice: number;
	spotAfter: number;
	/** how far the execution price is from the spot before, as a fraction (0.1 = 10% worse) */
	priceImpact: number;
};

/** What the AMM views draw. */
export type AmmOverview = {
	/** the pair's run name (`Pair`) */
	pair: string;
	/** the symbols of token0 and token1 */
	symbols: [string, string];
	/** one sample per step, in step order */
	samples: AmmSample[];
	/** every swap of the run, in order */
	trades: AmmTrade[];
};
