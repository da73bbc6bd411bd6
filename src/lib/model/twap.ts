/**
 * What the twap view draws: a pair's spot price against a time-weighted average price (TWAP)
 * through a manipulation, step by step, beside the price a lending pool actually used. Plain data
 * (no bigint): prices are whole quote tokens per whole base token as numbers (DAI per WETH).
 */

/** One step of the timeline, sampled at its end. */
export type TwapPoint = {
	step: number;
	/** unix seconds of the chain's latest block */
	time: number;
	/** the step's label on the timeline */
	label: string;
	/** the pair's spot price, reserveQuote / reserveBase */
	spot: number;
	/** the reference 24 h TWAP (Uniswap's ExampleOracleSimple on the same pair); null before its first update */
	twap: number | null;
	/** the price the pool's oracle gives now (`consult(base, 1 whole token)`); null when it failed */
	poolPrice: number | null;
};

/** Inside the attack's transaction: what the spot and the pool's price were at the borrow. */
export type TwapAttack = {
	step: number;
	/** the pair's spot price right after the dump, inside the transaction */
	spot: number;
	/** the price the pool used for the borrow, inside the transaction */
	poolPrice: number;
	/** the attacker's profit in quote tokens (negative: the attack cost it) */
	profit: number;
	/** what the attacker did after the dump: borrowed against the collateral, or unwound the trade */
	outcome: 'borrowed' | 'unwound' | 'reverted';
};

/** The whole run for the twap view. */
export type TwapOverview = {
	/** token symbols: `base` is priced in `quote` (WETH in DAI) */
	base: string;
	quote: string;
	/** the TWAP's window in seconds (86,400 for 24 h) */
	windowSeconds: number;
	points: TwapPoint[];
	/** the manipulation, when the run has one */
	attack: TwapAttack | null;
	/** a short note under the figure (what is synthetic) */
	note: string;
};
