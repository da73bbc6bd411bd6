/**
 * The oracle lesson's market, shared by its run and its checks: WETH and DAI (built-in tokens, 18
 * decimals), a thin Uniswap v2 pair the oracle reads, a deep pair that lends the flash swap, the
 * learner's PriceOracle, the lending pool that reads it and the reference attacker. Every swap on
 * the thin pair is mirrored into the reference model (`#lib/protocols/uniswap-v2.ts`: its
 * UniswapV2Pair and ExampleOracleSimple), so a check can ask the model what a correct TWAP oracle
 * would say at the same seconds; the model's own K check vouches for every mirrored swap.
 *
 * Reserves and prices are illustrative (synthetic), not market data.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatTokens } from '#lib/model/units.ts';
import { parseUnits } from '#lib/protocols/wad.ts';
import { ExampleOracleSimple, UniswapV2Pair, getAmountOut } from '#lib/protocols/uniswap-v2.ts';

export const DAY = 86_400;
/** Whole tokens (18 decimals) from decimal text. */
export const tokens = (amount: string | number): bigint => parseUnits(amount, 18);
export const weth = (amount: bigint) => formatTokens(amount, 'WETH', 4);
export const dai = (amount: bigint) => formatTokens(amount, 'DAI', 2);

/** The thin pair the oracle reads: 500 WETH and 1,000,000 DAI, 2,000 DAI per WETH. */
export const THIN = { weth: tokens(500), dai: tokens(1_000_000) };
/** The deep pair that lends the flash swap: 5,000 WETH and 10,000,000 DAI. */
export const DEEP = { weth: tokens(5_000), dai: tokens(10_000_000) };
/** DAI the lender supplies to the pool. */
export const LIQUIDITY = tokens(1_500_000);
/** DAI the attacker contract holds of its own (to pay fees if the attack has to unwind). */
export const ATTACKER_FUNDS = tokens(20_000);
/** DAI flash-borrowed from the deep pair. */
export const FLASH = tokens(1_000_000);

export type Market = {
	weth: string;
	dai: string;
	pair: string;
	deep: string;
	oracle: string;
	pool: string;
	attacker: string;
	/** the unix second of the thin pair's first mint (its first observation) */
	t0: number;
	/** the reference model: the thin pair mirrored swap by swap, and an ExampleOracleSimple on it */
	ref: { pair: UniswapV2Pair; oracle: ExampleOracleSimple };
};

/** Move the clock so the next block is at `t` (unix seconds); it never goes back. */
export function warpTo(s: ScenarioContext, t: number): void {
	if (t > s.time()) s.chain.warp(t - s.time());
}

/** The deployer hands `amount` of a built-in token to `to` (an account name or an address). */
export function give(s: ScenarioContext, token: string, to: string, amount: bigint): void {
	const r = s.send({
		from: 'deployer',
		to: token,
		method: 'transfer',
		args: [s.address(to), amount]
	});
	if (r.status !== 'success') throw new Error(`could not fund ${to}: ${r.error?.message}`);
}

/** A built-in token balance (wei). */
export function balanceOf(s: ScenarioContext, token: string, who: string): bigint {
	return BigInt(s.view(token, 'balanceOf', [s.address(who)]) as bigint);
}

type Reserves = { reserve0: bigint; reserve1: bigint; blockTimestampLast: number };

/** The pair's reserves through its getReserves (no gas). */
export function reservesOf(s: ScenarioContext, pair: string): Reserves {
	return s.view(pair, 'getReserves') as Reserves;
}

/** Whether WETH is the pair's token0 (v2 sorts the two addresses). */
export const wethIs0 = (m: Pick<Market, 'weth' | 'dai'>) => m.weth < m.dai;

/** The thin pair's spot price, DAI per whole WETH (18 decimals). */
export function spotPrice(s: ScenarioContext, m: Market): bigint {
	const r = reservesOf(s, m.pair);
	const [w, d] = wethIs0(m) ? [r.reserve0, r.reserve1] : [r.reserve1, r.reserve0];
	return (d * 10n ** 18n) / w;
}

function seed(
	s: ScenarioContext,
	m: { weth: string; dai: string },
	pair: string,
	w: bigint,
	d: bigint
) {
	give(s, m.weth, pair, w);
	give(s, m.dai, pair, d);
	const r = s.send({ from: 'deployer', to: pair, method: 'mint', args: [s.address('deployer')] });
	if (r.status !== 'success') throw new Error(`the pair's mint failed: ${r.error?.message}`);
}

/**
 * Deploy the whole market. The thin pair is minted first (its first observation, `t0`); the
 * learner's PriceOracle is deployed on it right after; the pool gets LIQUIDITY DAI, the attacker
 * contract ATTACKER_FUNDS DAI.
 * @throws ScenarioError when a lesson contract does not compile or its constructor fails
 */
export function openMarket(s: ScenarioContext): Market {
	const supply = tokens(1_000_000_000);
	const wethAddr = s.deployToken({
		name: 'Wrapped Ether',
		symbol: 'WETH',
		from: 'deployer',
		supply
	});
	const daiAddr = s.deployToken({
		name: 'Dai Stablecoin',
		symbol: 'DAI',
		from: 'deployer',
		supply
	});
	const t = { weth: wethAddr, dai: daiAddr };
	const deep = s.deploy('contracts/UniswapV2Pair.ts', {
		from: 'deployer',
		args: [wethAddr, daiAddr],
		name: 'DeepPair'
	});
	seed(s, t, deep, DEEP.weth, DEEP.dai);
	const pair = s.deploy('contracts/UniswapV2Pair.ts', {
		from: 'deployer',
		args: [wethAddr, daiAddr],
		name: 'WethDaiPair'
	});
	seed(s, t, pair, THIN.weth, THIN.dai);
	const t0 = s.time();
	const refPair = new UniswapV2Pair();
	const [a0, a1] = wethIs0(t) ? [THIN.weth, THIN.dai] : [THIN.dai, THIN.weth];
	refPair.mint(s.address('deployer'), a0, a1, t0);
	const oracle = s.deploy('contracts/PriceOracle.ts', { from: 'deployer', args: [pair] });
	const pool = s.deploy('contracts/LendingPool.ts', {
		from: 'deployer',
		args: [oracle, wethAddr, daiAddr]
	});
	give(s, daiAddr, 'lender', LIQUIDITY);
	s.send({ from: 'lender', to: daiAddr, method: 'transfer', args: [pool, LIQUIDITY] });
	const attacker = s.deploy('contracts/Attacker.ts', {
		from: 'mallory',
		args: [deep, pair, pool, wethAddr, daiAddr]
	});
	give(s, daiAddr, attacker, ATTACKER_FUNDS);
	return {
		...t,
		pair,
		deep,
		oracle,
		pool,
		attacker,
		t0,
		ref: { pair: refPair, oracle: new ExampleOracleSimple(refPair) }
	};
}

/** One trade on the thin pair by an account: what went in and out, and when. */
export type Trade = { receipt: Receipt; amountIn: bigint; amountOut: bigint; time: number };

/**
 * `trader` sells `amountIn` of `tokenIn` (m.weth or m.dai) on the thin pair the v2 way: send the
 * tokens to the pair, then call swap for getAmountOut of them. Mirrors the trade into the model.
 * @throws Error when the swap reverts (the pair is fixed code: it should not)
 */
export function trade(
	s: ScenarioContext,
	m: Market,
	trader: string,
	tokenIn: string,
	amountIn: bigint
): Trade {
	give(s, tokenIn, trader, amountIn);
	const r = reservesOf(s, m.pair);
	const inIs0 = tokenIn === (wethIs0(m) ? m.weth : m.dai);
	const [rIn, rOut] = inIs0 ? [r.reserve0, r.reserve1] : [r.reserve1, r.reserve0];
	const amountOut = getAmountOut(amountIn, rIn, rOut);
	s.send({ from: trader, to: tokenIn, method: 'transfer', args: [m.pair, amountIn] });
	const receipt = s.send({
		from: trader,
		to: m.pair,
		method: 'swap',
		args: [inIs0 ? 0n : amountOut, inIs0 ? amountOut : 0n, s.address(trader), '']
	});
	if (receipt.status !== 'success')
		throw new Error(`a trade on the pair reverted: ${receipt.error?.message}`);
	const time = s.time();
	m.ref.pair.swap(
		inIs0 ? 0n : amountOut,
		inIs0 ? amountOut : 0n,
		inIs0 ? amountIn : 0n,
		inIs0 ? 0n : amountIn,
		time
	);
	return { receipt, amountIn, amountOut, time };
}

/**
 * The keeper calls the learner's update() in a block at exactly `at` (unix seconds); on success
 * the reference oracle updates at the same second. Returns the receipt and the reference's
 * refusal, if the reference refuses.
 */
export function updateAt(
	s: ScenarioContext,
	m: Market,
	at: number
): { receipt: Receipt; referenceError: string | null } {
	warpTo(s, at);
	const receipt = s.send({ from: 'keeper', to: m.oracle, method: 'update' });
	let referenceError: string | null = null;
	try {
		m.ref.oracle.update(s.time()); // throws before changing anything, as a revert does
	} catch (error) {
		referenceError = error instanceof Error ? error.message : String(error);
	}
	return { receipt, referenceError };
}

/** The learner's consult(token, amountIn), or the error text when it fails. */
export function consult(
	s: ScenarioContext,
	m: Market,
	token: string,
	amountIn: bigint
): bigint | string {
	try {
		const v = s.view(m.oracle, 'consult', [token, amountIn]);
		return typeof v === 'bigint' ? v : `a ${typeof v} (${String(v)}), not a bigint`;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** What the reference ExampleOracleSimple answers for the same consult. */
export function referenceConsult(m: Market, token: string, amountIn: bigint): bigint {
	const is0 = token === (wethIs0(m) ? m.weth : m.dai);
	return m.ref.oracle.consult(is0 ? 'token0' : 'token1', amountIn);
}

/** What the attack did: the attacker's DAI before and after, the receipt, the in-transaction prices. */
export type AttackResult = {
	receipt: Receipt;
	profit: bigint;
	outcome: 'borrowed' | 'unwound' | 'reverted';
	spotInTx: bigint | null;
	poolPriceInTx: bigint | null;
	borrowed: bigint;
	/** WETH the dump bought from the thin pair */
	wethBought: bigint;
};

/** Mallory's one-transaction attack with a FLASH DAI flash swap; mirrors the thin pair's swaps into the model. */
export function attack(s: ScenarioContext, m: Market, amount = FLASH): AttackResult {
	const before = balanceOf(s, m.dai, m.attacker);
	const receipt = s.send({ from: 'mallory', to: m.attacker, method: 'attack', args: [amount] });
	const profit = balanceOf(s, m.dai, m.attacker) - before;
	const log = (event: string) =>
		receipt.logs.find((l) => l.event === event && l.address === m.attacker);
	const manipulated = log('Manipulated');
	const borrowed = log('Borrowed');
	if (receipt.status === 'success') {
		for (const l of receipt.logs) {
			if (l.event !== 'Swap' || l.address !== m.pair) continue;
			const a = l.args as Record<string, bigint>;
			m.ref.pair.swap(a.amount0Out, a.amount1Out, a.amount0In, a.amount1In, s.time());
		}
	}
	return {
		receipt,
		profit,
		outcome: receipt.status !== 'success' ? 'reverted' : borrowed ? 'borrowed' : 'unwound',
		spotInTx: manipulated ? (manipulated.args.spot as bigint) : null,
		poolPriceInTx: manipulated ? (manipulated.args.poolPrice as bigint) : null,
		borrowed: borrowed ? (borrowed.args.amount as bigint) : 0n,
		wethBought: manipulated ? (manipulated.args.wethBought as bigint) : 0n
	};
}

/**
 * `user` receives `collateral` WETH, deposits it and borrows `amount` DAI.
 * @returns the borrow's receipt (the deposit must succeed)
 */
export function depositAndBorrow(
	s: ScenarioContext,
	m: Market,
	user: string,
	collateral: bigint,
	amount: bigint
): Receipt {
	give(s, m.weth, user, collateral);
	s.send({ from: user, to: m.weth, method: 'approve', args: [m.pool, collateral] });
	const d = s.send({ from: user, to: m.pool, method: 'deposit', args: [collateral] });
	if (d.status !== 'success') throw new Error(`the deposit failed: ${d.error?.message}`);
	return s.send({ from: user, to: m.pool, method: 'borrow', args: [amount] });
}

/** Why a transaction failed, in one line. */
export function whyFailed(r: Receipt): string {
	return r.error ? r.error.message : 'no error';
}
