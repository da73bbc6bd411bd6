/**
 * The liquidity lesson's world: two built-in tokens (TKA is token0, TKB token1, 18 decimals), the
 * learner's Pair, and the same operations mirrored into the reference UniswapV2Pair
 * (src/lib/protocols/uniswap-v2.ts), so every figure can be compared with Uniswap v2's.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatUnits } from '#lib/scenario/format.ts';
import { UniswapV2Pair, getAmountOut } from '#lib/protocols/uniswap-v2.ts';

export const E = 10n ** 18n;
export const FILE = 'contracts/Pair.ts';
export const ZERO = '0x0000000000000000000000000000000000000000';
export const PEOPLE = ['alice', 'bob', 'carol', 'dave'];

/** A pair on chain, with its reference twin. */
export type Pool = { token0: string; token1: string; pair: string; model: UniswapV2Pair };

/** `1.5 TKA` */
export const units = (amount: bigint, symbol: string) => `${formatUnits(amount, 18)} ${symbol}`;
export const lp = (amount: bigint) => units(amount, 'LP');

/** Why a receipt failed, or 'succeeded'. */
export const why = (r: Receipt) =>
	r.status === 'success' ? 'succeeded' : `reverted (${r.error?.message ?? r.status})`;

/**
 * Deploy TKA and TKB (each person gets 1,000 of both) and the learner's Pair.
 * @throws ScenarioError when the Pair does not compile or deploy
 */
export function openPool(s: ScenarioContext): Pool {
	const token0 = s.deployToken({
		name: 'Token A',
		symbol: 'TKA',
		from: 'deployer',
		supply: 10n ** 9n * E
	});
	const token1 = s.deployToken({
		name: 'Token B',
		symbol: 'TKB',
		from: 'deployer',
		supply: 10n ** 9n * E
	});
	const pair = s.deploy(FILE, { from: 'deployer', args: [token0, token1] });
	for (const who of PEOPLE) {
		for (const token of [token0, token1]) {
			s.send({
				from: 'deployer',
				to: token,
				method: 'transfer',
				args: [s.address(who), 1000n * E]
			});
		}
	}
	return { token0, token1, pair, model: new UniswapV2Pair() };
}

function pay(s: ScenarioContext, p: Pool, who: string, amount0: bigint, amount1: bigint) {
	if (amount0 > 0n)
		s.send({ from: who, to: p.token0, method: 'transfer', args: [p.pair, amount0] });
	if (amount1 > 0n)
		s.send({ from: who, to: p.token1, method: 'transfer', args: [p.pair, amount1] });
}

/** What the reference gave for the same operation: a value, or the revert reason. */
export type Expected<T> = { value: T } | { reverted: string };

function expect<T>(fn: () => T): Expected<T> {
	try {
		return { value: fn() };
	} catch (error) {
		return { reverted: error instanceof Error ? error.message : String(error) };
	}
}

/** `who` sends amount0 / amount1 to the pair and calls mint(who), as v2's router does. */
export function deposit(
	s: ScenarioContext,
	p: Pool,
	who: string,
	amount0: bigint,
	amount1: bigint
) {
	pay(s, p, who, amount0, amount1);
	p.model.donate(amount0, amount1);
	const expected = expect(() => p.model.mint(s.address(who), 0n, 0n, s.time()));
	const receipt = s.send({ from: who, to: p.pair, method: 'mint', args: [s.address(who)] });
	return { receipt, expected, got: receipt.returnValue as bigint };
}

/**
 * `who` sends `liquidity` LP tokens to the pair and calls burn(who); the reference burns
 * `modelLiquidity` (default the same), e.g. all of `who`'s LP in the reference pair.
 */
export function withdraw(
	s: ScenarioContext,
	p: Pool,
	who: string,
	liquidity: bigint,
	modelLiquidity = liquidity
) {
	s.send({ from: who, to: p.pair, method: 'transfer', args: [p.pair, liquidity] });
	const expected = expect(() => p.model.burn(s.address(who), modelLiquidity, s.time()));
	const receipt = s.send({ from: who, to: p.pair, method: 'burn', args: [s.address(who)] });
	const got = receipt.returnValue as { amount0: bigint; amount1: bigint } | undefined;
	return { receipt, expected, got };
}

/** `who` sends `amountIn` of token0 (zeroForOne) or token1 and calls swap. */
export function swap(
	s: ScenarioContext,
	p: Pool,
	who: string,
	zeroForOne: boolean,
	amountIn: bigint
) {
	pay(s, p, who, zeroForOne ? amountIn : 0n, zeroForOne ? 0n : amountIn);
	const m = p.model;
	const expected = expect(() => {
		const out = zeroForOne
			? getAmountOut(amountIn + m.balance0 - m.reserve0, m.reserve0, m.reserve1)
			: getAmountOut(amountIn + m.balance1 - m.reserve1, m.reserve1, m.reserve0);
		if (zeroForOne) m.swap(0n, out, amountIn, 0n, s.time());
		else m.swap(out, 0n, 0n, amountIn, s.time());
		return out;
	});
	const receipt = s.send({
		from: who,
		to: p.pair,
		method: 'swap',
		args: [zeroForOne, s.address(who)]
	});
	return { receipt, expected };
}

/** A plain transfer of tokens to the pair: no LP tokens for it. */
export function donate(s: ScenarioContext, p: Pool, who: string, amount0: bigint, amount1: bigint) {
	pay(s, p, who, amount0, amount1);
	p.model.donate(amount0, amount1);
}

/** The pair's reserves and LP supply as the learner's contract reports them. */
export function stateOf(s: ScenarioContext, p: Pool) {
	const r = s.view(p.pair, 'getReserves') as { reserve0: bigint; reserve1: bigint };
	return {
		reserve0: r.reserve0,
		reserve1: r.reserve1,
		totalSupply: s.view(p.pair, 'totalSupply') as bigint
	};
}

/** LP tokens of `who` (a name or an address) in the learner's pair. */
export const lpOf = (s: ScenarioContext, p: Pool, who: string) =>
	s.view(p.pair, 'balanceOf', [who.startsWith('0x') ? who : s.address(who)]) as bigint;

/** The first difference between the learner's pair and the reference, in words, or null. */
export function differs(s: ScenarioContext, p: Pool): string | null {
	const got = stateOf(s, p);
	const m = p.model;
	const rows: [string, bigint, bigint, string][] = [
		['reserve0', got.reserve0, m.reserve0, 'TKA'],
		['reserve1', got.reserve1, m.reserve1, 'TKB'],
		['totalSupply', got.totalSupply, m.totalSupply, 'LP'],
		['LP at the zero address', lpOf(s, p, ZERO), m.balanceOf(ZERO), 'LP']
	];
	for (const [name, a, b, unit] of rows) {
		if (a !== b) return `${name} is ${units(a, unit)}, Uniswap v2 has ${units(b, unit)}`;
	}
	return null;
}
