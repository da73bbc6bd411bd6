import { describe, expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import {
	ExampleOracleSimple,
	MINIMUM_LIQUIDITY,
	PERIOD,
	Q112,
	UINT256_MODULUS,
	UniswapV2Pair,
	ZERO_ADDRESS,
	consult,
	currentCumulativePrices,
	encodePrice,
	getAmountIn,
	getAmountOut,
	getAmountsIn,
	getAmountsOut,
	quote,
	sqrt
} from '#lib/protocols/uniswap-v2.ts';
import { expectRevert } from './revert-helpers.ts';

// Figures from Uniswap/v2-core ee547b17 test/UniswapV2Pair.spec.ts and Uniswap/v2-periphery
// 0335e8f7 test/UniswapV2Router02.spec.ts and test/ExampleOracleSimple.spec.ts.

const E18 = 10n ** 18n;
const e18 = (n: number | bigint) => BigInt(n) * E18;
const WALLET = '0x17ec8597ff92C3F44523bDc65BF0f1bE632917ff';
const OTHER = '0x63FC2aD3d021a4af7D7F4E1b1d51A0EE7d3C20d4';
const T = 1_600_000_000;

function pairWith(amount0: bigint, amount1: bigint, options: { feeTo?: string } = {}, ts = T) {
	const pair = new UniswapV2Pair(options);
	pair.mint(WALLET, amount0, amount1, ts);
	return pair;
}

function stateOf(pair: UniswapV2Pair) {
	return {
		...pair.getReserves(),
		balance0: pair.balance0,
		balance1: pair.balance1,
		totalSupply: pair.totalSupply,
		kLast: pair.kLast,
		p0: pair.price0CumulativeLast,
		p1: pair.price1CumulativeLast,
		wallet: pair.balanceOf(WALLET),
		zero: pair.balanceOf(ZERO_ADDRESS)
	};
}

describe('UniswapV2Library (Router02.spec.ts quote/getAmountOut/getAmountIn/getAmounts*)', () => {
	test('quote(1, 100, 200) = 2 and quote(2, 200, 100) = 1; zero amount or reserve reverts', () => {
		expect(quote(1n, 100n, 200n)).toBe(2n);
		expect(quote(2n, 200n, 100n)).toBe(1n);
		expectRevert(() => quote(0n, 100n, 200n), 'UniswapV2Library: INSUFFICIENT_AMOUNT');
		expectRevert(() => quote(1n, 0n, 200n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		expectRevert(() => quote(1n, 100n, 0n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
	});

	test('getAmountOut(2, 100, 100) = 1; zero input or reserve reverts', () => {
		expect(getAmountOut(2n, 100n, 100n)).toBe(1n);
		expectRevert(() => getAmountOut(0n, 100n, 100n), 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT');
		expectRevert(() => getAmountOut(2n, 0n, 100n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		expectRevert(() => getAmountOut(2n, 100n, 0n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
	});

	test('getAmountIn(1, 100, 100) = 2; zero output or reserve reverts; the whole reserve cannot be bought', () => {
		expect(getAmountIn(1n, 100n, 100n)).toBe(2n);
		expectRevert(() => getAmountIn(0n, 100n, 100n), 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT');
		expectRevert(() => getAmountIn(1n, 0n, 100n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		expectRevert(() => getAmountIn(1n, 100n, 0n), 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
		expectRevert(() => getAmountIn(101n, 100n, 100n), 'ds-math-sub-underflow');
		expectRevert(() => getAmountIn(100n, 100n, 100n), 'Panic(0x12)');
	});

	test('getAmountsOut(2, [10000/10000]) = [2, 1], getAmountsIn(1, ...) = [2, 1]; an empty path reverts', () => {
		expect(getAmountsOut(2n, [[10_000n, 10_000n]])).toEqual([2n, 1n]);
		expect(getAmountsIn(1n, [[10_000n, 10_000n]])).toEqual([2n, 1n]);
		expectRevert(() => getAmountsOut(2n, []), 'UniswapV2Library: INVALID_PATH');
		expectRevert(() => getAmountsIn(1n, []), 'UniswapV2Library: INVALID_PATH');
	});

	test('two hops chain: each output is the next input, and getAmountsIn walks back', () => {
		const path: [bigint, bigint][] = [
			[e18(5), e18(10)],
			[e18(10), e18(5)]
		];
		const out = getAmountsOut(E18, path);
		expect(out[1]).toBe(1_662_497_915_624_478_906n);
		expect(out[2]).toBe(getAmountOut(out[1], e18(10), e18(5)));
		const back = getAmountsIn(out[2], path);
		expect(back[2]).toBe(out[2]);
		expect(back[1]).toBe(getAmountIn(out[2], e18(10), e18(5)));
		expect(back[0]).toBeLessThanOrEqual(E18);
	});
});

describe('UniswapV2Pair mint (Pair.spec.ts "mint")', () => {
	test('1e18 and 4e18 give 2e18 LP, 1000 of it locked at the zero address', () => {
		const pair = pairWith(e18(1), e18(4));
		expect(pair.totalSupply).toBe(e18(2));
		expect(pair.balanceOf(WALLET)).toBe(e18(2) - MINIMUM_LIQUIDITY);
		expect(pair.balanceOf(ZERO_ADDRESS)).toBe(MINIMUM_LIQUIDITY);
		expect(pair.reserve0).toBe(e18(1));
		expect(pair.reserve1).toBe(e18(4));
		expect(pair.balance0).toBe(e18(1));
		expect(pair.blockTimestampLast).toBe(T);
	});

	test('a later mint takes the min of the two ratios: the surplus is donated to all LPs', () => {
		const pair = pairWith(e18(1), e18(4));
		// 1e18 more token0 with 8e18 token1 (twice the ratio): liquidity = min(2e18, 4e18)
		const minted = pair.mint(OTHER, e18(1), e18(8), T + 1);
		expect(minted).toBe(e18(2));
		expect(pair.totalSupply).toBe(e18(4));
		expect(pair.reserve1).toBe(e18(12));
		// burning everything pays the first LP more token1 than it put in: its share of the surplus
		const { amount1 } = pair.burn(WALLET, pair.balanceOf(WALLET), T + 2);
		expect(amount1).toBe(((e18(2) - 1000n) * e18(12)) / e18(4));
		expect(amount1).toBeGreaterThan(e18(4));
	});

	test('the first mint must exceed MINIMUM_LIQUIDITY; a tiny later mint mints nothing', () => {
		expectRevert(
			() => new UniswapV2Pair().mint(WALLET, 1000n, 1000n, T),
			'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED'
		);
		expectRevert(() => new UniswapV2Pair().mint(WALLET, 999n, 1000n, T), 'ds-math-sub-underflow');
		const pair = pairWith(e18(1), e18(4));
		expectRevert(
			() => pair.mint(WALLET, 0n, e18(1), T),
			'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED'
		);
	});

	test('a donation before a mint counts as part of the deposit (amount = balance - reserve)', () => {
		const pair = pairWith(e18(1), e18(4));
		pair.donate(e18(1), e18(4));
		expect(pair.mint(OTHER, 0n, 0n, T)).toBe(e18(2));
	});

	test('Math.sqrt is the Babylonian floor', () => {
		expect([0n, 1n, 2n, 3n, 4n, 8n, 9n, 10n].map(sqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 2n, 3n, 3n]);
		expect(sqrt(e18(1) * e18(4))).toBe(e18(2));
		expect(sqrt(2n ** 224n - 1n)).toBe(2n ** 112n - 1n);
	});
});

describe('UniswapV2Pair burn (Pair.spec.ts "burn")', () => {
	test('3e18/3e18: burning all but the locked 1000 pays 3e18 - 1000 of each, reserves 1000/1000', () => {
		const pair = pairWith(e18(3), e18(3));
		const paid = pair.burn(WALLET, e18(3) - MINIMUM_LIQUIDITY, T + 1);
		expect(paid).toEqual({ amount0: e18(3) - 1000n, amount1: e18(3) - 1000n });
		expect(pair.balanceOf(WALLET)).toBe(0n);
		expect(pair.totalSupply).toBe(MINIMUM_LIQUIDITY);
		expect([pair.reserve0, pair.reserve1, pair.balance0, pair.balance1]).toEqual([
			1000n,
			1000n,
			1000n,
			1000n
		]);
	});

	test('burn pays by balances: a donation is shared by LPs pro rata', () => {
		const pair = pairWith(e18(3), e18(3));
		pair.transfer(WALLET, OTHER, e18(1)); // OTHER holds 1/3 of the supply
		pair.donate(e18(3), 0n);
		const { amount0, amount1 } = pair.burn(OTHER, e18(1), T + 1);
		expect(amount0).toBe(e18(2)); // 1/3 of 6e18
		expect(amount1).toBe(E18);
	});

	test('burning more than one holds, or dust, reverts', () => {
		const pair = pairWith(e18(3), e18(3));
		expectRevert(() => pair.burn(OTHER, 1n, T), 'ds-math-sub-underflow');
		const tiny = pairWith(1_000_000n, 1n * 10n ** 12n);
		expectRevert(() => tiny.burn(WALLET, 1n, T), 'UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED');
	});
});

const swapTestCases: [number, number, number, bigint][] = [
	[1, 5, 10, 1_662_497_915_624_478_906n],
	[1, 10, 5, 453_305_446_940_074_565n],
	[2, 5, 10, 2_851_015_155_847_869_602n],
	[2, 10, 5, 831_248_957_812_239_453n],
	[1, 10, 10, 906_610_893_880_149_131n],
	[1, 100, 100, 987_158_034_397_061_298n],
	[1, 1000, 1000, 996_006_981_039_903_216n]
];

describe('UniswapV2Pair swap (Pair.spec.ts getInputPrice, optimistic, swap:token0/1)', () => {
	test.each(swapTestCases)(
		'getInputPrice: %i in, reserves %i/%i -> %s out; one wei more fails the K check',
		(swapAmount, token0Amount, token1Amount, expected) => {
			expect(getAmountOut(e18(swapAmount), e18(token0Amount), e18(token1Amount))).toBe(expected);
			const pair = pairWith(e18(token0Amount), e18(token1Amount));
			expectRevert(() => pair.swap(0n, expected + 1n, e18(swapAmount), 0n, T), 'UniswapV2: K');
			pair.swap(0n, expected, e18(swapAmount), 0n, T);
			expect(pair.reserve0).toBe(e18(token0Amount + swapAmount));
			expect(pair.reserve1).toBe(e18(token1Amount) - expected);
		}
	);

	const optimisticTestCases: [bigint, number, number, bigint][] = [
		[997_000_000_000_000_000n, 5, 10, E18], // given amountIn, amountOut = floor(amountIn * .997)
		[997_000_000_000_000_000n, 10, 5, E18],
		[997_000_000_000_000_000n, 5, 5, E18],
		[E18, 5, 5, 1_003_009_027_081_243_732n] // given amountOut, amountIn = ceiling(amountOut / .997)
	];
	test.each(optimisticTestCases)(
		'optimistic: %s of token0 out, reserves %i/%i, repaid with %s of token0',
		(outputAmount, token0Amount, token1Amount, inputAmount) => {
			const pair = pairWith(e18(token0Amount), e18(token1Amount));
			expectRevert(() => pair.swap(outputAmount + 1n, 0n, inputAmount, 0n, T), 'UniswapV2: K');
			pair.swap(outputAmount, 0n, inputAmount, 0n, T);
			expect(pair.reserve0).toBe(e18(token0Amount) - outputAmount + inputAmount);
			expect(pair.reserve1).toBe(e18(token1Amount));
		}
	);

	test('swap:token1: 1e18 token1 in gives 453305446940074565 token0 from 5e18/10e18', () => {
		const pair = pairWith(e18(5), e18(10));
		pair.swap(453_305_446_940_074_565n, 0n, 0n, E18, T);
		expect(pair.reserve0).toBe(e18(5) - 453_305_446_940_074_565n);
		expect(pair.reserve1).toBe(e18(11));
	});

	test('the pair reverts with its reasons for empty, too-large and unpaid swaps', () => {
		const pair = pairWith(e18(5), e18(10));
		expectRevert(() => pair.swap(0n, 0n, E18, 0n, T), 'UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT');
		expectRevert(() => pair.swap(e18(5), 0n, 0n, e18(100), T), 'UniswapV2: INSUFFICIENT_LIQUIDITY');
		expectRevert(() => pair.swap(1n, 0n, 0n, 0n, T), 'UniswapV2: INSUFFICIENT_INPUT_AMOUNT');
	});

	test('a donation before a swap counts as input (in = balance - (reserve - out))', () => {
		const pair = pairWith(e18(5), e18(10));
		pair.donate(E18, 0n);
		pair.swap(0n, 1_662_497_915_624_478_906n, 0n, 0n, T);
		expect(pair.reserve0).toBe(e18(6));
	});

	test('reserves above uint112 revert with UniswapV2: OVERFLOW', () => {
		expectRevert(
			() => new UniswapV2Pair().mint(WALLET, 2n ** 112n, 1n * E18, T),
			'UniswapV2: OVERFLOW'
		);
		const pair = pairWith(2n ** 112n - 2n, E18);
		pair.donate(1n, 0n);
		pair.sync(T); // exactly uint112 max is fine
		pair.donate(1n, 0n);
		expectRevert(() => pair.sync(T), 'UniswapV2: OVERFLOW');
	});
});

describe('a method that throws leaves the pair as it was (revert semantics)', () => {
	test('failed swap, mint, burn, sync and transfer change nothing', () => {
		const pair = pairWith(e18(5), e18(10));
		pair.swap(0n, 1n * 10n ** 17n, E18, 0n, T + 5);
		const before = stateOf(pair);
		expectRevert(() => pair.swap(0n, E18 * 2n, E18, 0n, T + 60), 'UniswapV2: K');
		expectRevert(() => pair.mint(WALLET, 2n ** 112n, E18, T + 60), 'UniswapV2: OVERFLOW');
		expectRevert(
			() => pair.burn(WALLET, pair.balanceOf(WALLET) + 1n, T + 60),
			'ds-math-sub-underflow'
		);
		expectRevert(() => pair.transfer(OTHER, WALLET, 1n), 'ds-math-sub-underflow');
		pair.donate(2n ** 112n, 0n);
		const donated = stateOf(pair);
		expectRevert(() => pair.sync(T + 60), 'UniswapV2: OVERFLOW');
		expect(stateOf(pair)).toEqual(donated);
		pair.skim(OTHER);
		expect(stateOf(pair)).toEqual(before);
	});

	test('a failed fee-on burn keeps the fee unminted and kLast unchanged', () => {
		const pair = pairWith(e18(1000), e18(1000), { feeTo: OTHER });
		pair.swap(996_006_981_039_903_216n, 0n, 0n, E18, T);
		const before = stateOf(pair);
		expectRevert(() => pair.burn(WALLET, pair.balanceOf(WALLET) + 1n, T), 'ds-math-sub-underflow');
		expect(stateOf(pair)).toEqual(before);
		expect(pair.balanceOf(OTHER)).toBe(0n);
	});

	test('accounts must be 0x-prefixed 20-byte hex', () => {
		const pair = new UniswapV2Pair();
		expect(() => pair.mint('alice', E18, E18, T)).toThrow(TypeError);
		expect(() => new UniswapV2Pair({ feeTo: '0x12' })).toThrow(TypeError);
		expect(pair.totalSupply).toBe(0n);
	});
});

describe('protocol fee (Pair.spec.ts feeTo:off / feeTo:on)', () => {
	function play(feeTo?: string) {
		const pair = pairWith(e18(1000), e18(1000), { feeTo });
		pair.swap(996_006_981_039_903_216n, 0n, 0n, E18, T);
		pair.burn(WALLET, e18(1000) - MINIMUM_LIQUIDITY, T);
		return pair;
	}

	test('feeTo off: only MINIMUM_LIQUIDITY is left, kLast stays 0', () => {
		const pair = play();
		expect(pair.totalSupply).toBe(MINIMUM_LIQUIDITY);
		expect(pair.kLast).toBe(0n);
	});

	test('feeTo on: 249750499251388 LP minted to feeTo, backed by 249501683697445 / 250000187312969', () => {
		const pair = play(OTHER);
		expect(pair.totalSupply).toBe(MINIMUM_LIQUIDITY + 249_750_499_251_388n);
		expect(pair.balanceOf(OTHER)).toBe(249_750_499_251_388n);
		expect(pair.balance0).toBe(1000n + 249_501_683_697_445n);
		expect(pair.balance1).toBe(1000n + 250_000_187_312_969n);
		expect(pair.kLast).toBe(pair.reserve0 * pair.reserve1);
	});

	test('turning the fee off resets kLast to 0 at the next liquidity event', () => {
		const pair = pairWith(e18(10), e18(10), { feeTo: OTHER });
		expect(pair.kLast).toBe(e18(10) * e18(10));
		pair.setFeeTo(undefined);
		pair.mint(WALLET, E18, E18, T);
		expect(pair.kLast).toBe(0n);
	});
});

describe('price accumulators (Pair.spec.ts "price{0,1}CumulativeLast")', () => {
	test('old reserves times elapsed seconds, in UQ112x112', () => {
		const pair = pairWith(e18(3), e18(3));
		pair.sync(T + 1);
		const initial = encodePrice(e18(3), e18(3));
		expect(pair.price0CumulativeLast).toBe(initial[0]);
		expect(pair.price1CumulativeLast).toBe(initial[1]);
		expect(pair.blockTimestampLast).toBe(T + 1);

		pair.swap(0n, E18, e18(3), 0n, T + 10); // the price becomes 6e18/2e18
		expect(pair.price0CumulativeLast).toBe(initial[0] * 10n);
		expect(pair.price1CumulativeLast).toBe(initial[1] * 10n);
		expect(pair.blockTimestampLast).toBe(T + 10);

		pair.sync(T + 20);
		const next = encodePrice(e18(6), e18(2));
		expect(pair.price0CumulativeLast).toBe(initial[0] * 10n + next[0] * 10n);
		expect(pair.price1CumulativeLast).toBe(initial[1] * 10n + next[1] * 10n);
		expect(pair.blockTimestampLast).toBe(T + 20);
	});

	test('a second update in the same second accrues nothing', () => {
		const pair = pairWith(e18(3), e18(3));
		pair.sync(T + 1);
		const p = pair.price0CumulativeLast;
		pair.swap(0n, E18, e18(3), 0n, T + 1);
		expect(pair.price0CumulativeLast).toBe(p);
	});

	test('uint32 timestamps wrap: 2^32 - 5 to 2^32 + 5 is 10 seconds', () => {
		const start = 2 ** 32 - 5;
		const pair = pairWith(e18(5), e18(10), {}, start);
		expect(pair.blockTimestampLast).toBe(start);
		pair.sync(2 ** 32 + 5);
		expect(pair.blockTimestampLast).toBe(5);
		expect(pair.price0CumulativeLast).toBe(encodePrice(e18(5), e18(10))[0] * 10n);
		const sum = currentCumulativePrices(pair, 2 ** 32 + 15);
		expect(sum.blockTimestamp).toBe(15);
		expect(sum.price0Cumulative).toBe(encodePrice(e18(5), e18(10))[0] * 20n);
	});

	test('the accumulators wrap modulo 2^256 as Solidity 0.5 overflow does', () => {
		const pair = pairWith(e18(5), e18(10));
		pair.price0CumulativeLast = UINT256_MODULUS - 1n;
		pair.sync(T + 1);
		expect(pair.price0CumulativeLast).toBe(encodePrice(e18(5), e18(10))[0] - 1n);
		expect(encodePrice(e18(5), e18(10))[0]).toBe(2n * Q112);
	});
});

describe('oracle (ExampleOracleSimple.spec.ts "update"; UniswapV2OracleLibrary)', () => {
	test('update reverts before 24 h, then prices 5e18/10e18 average to encodePrice and consult back', () => {
		const pair = pairWith(e18(5), e18(10));
		const oracle = new ExampleOracleSimple(pair);
		expect(oracle.consult('token0', e18(5))).toBe(0n);
		expectRevert(() => oracle.update(T + 60 * 60 * 23), 'ExampleOracleSimple: PERIOD_NOT_ELAPSED');
		oracle.update(T + PERIOD);
		const expected = encodePrice(e18(5), e18(10));
		expect(oracle.price0Average).toBe(expected[0]);
		expect(oracle.price1Average).toBe(expected[1]);
		expect(oracle.consult('token0', e18(5))).toBe(e18(10));
		expect(oracle.consult('token1', e18(10))).toBe(e18(5));
	});

	test('the counterfactual accrual equals what a sync would store', () => {
		const pair = pairWith(e18(5), e18(10));
		pair.swap(0n, 1_662_497_915_624_478_906n, E18, 0n, T + 100);
		const now = currentCumulativePrices(pair, T + 1000);
		pair.sync(T + 1000);
		expect(now).toEqual({
			price0Cumulative: pair.price0CumulativeLast,
			price1Cumulative: pair.price1CumulativeLast,
			blockTimestamp: T + 1000
		});
	});

	test('a one-block spot move barely moves the 24 h TWAP', () => {
		const pair = pairWith(e18(100), e18(100));
		const oracle = new ExampleOracleSimple(pair);
		// a dump of 900e18 token0 in the last second of the window, reverted a second later
		const out = getAmountOut(e18(900), e18(100), e18(100));
		pair.swap(0n, out, e18(900), 0n, T + PERIOD - 1);
		oracle.update(T + PERIOD);
		const twap = oracle.consult('token0', E18);
		const spot = quote(E18, pair.reserve0, pair.reserve1);
		expect(spot).toBeLessThan(E18 / 50n);
		expect(twap).toBeGreaterThan((E18 * 99n) / 100n);
	});

	test('consult overflows like FixedPoint.mul; no reserves reverts', () => {
		expectRevert(() => consult(2n ** 224n - 1n, 2n ** 64n), 'FixedPoint::mul: overflow');
		expect(consult(Q112 * 3n, 7n)).toBe(21n);
		expectRevert(
			() => new ExampleOracleSimple(new UniswapV2Pair()),
			'ExampleOracleSimple: NO_RESERVES'
		);
	});
});

describe('properties (seeded)', () => {
	test('k = reserve0 * reserve1 never decreases across fee-paying swaps, and LP value grows', () => {
		const rng = createPrng(12);
		const big = (max: bigint) => (BigInt(Math.floor(rng.next() * 2 ** 32)) * max) / 2n ** 32n + 1n;
		const pair = pairWith(e18(1000), e18(2000));
		let k = pair.reserve0 * pair.reserve1;
		for (let i = 0; i < 300; i++) {
			const zeroForOne = rng.next() < 0.5;
			const [rIn, rOut] = zeroForOne
				? [pair.reserve0, pair.reserve1]
				: [pair.reserve1, pair.reserve0];
			const amountIn = big(rIn / 2n);
			const out = getAmountOut(amountIn, rIn, rOut);
			if (out === 0n) continue;
			if (zeroForOne) pair.swap(0n, out, amountIn, 0n, T + i);
			else pair.swap(out, 0n, 0n, amountIn, T + i);
			const next = pair.reserve0 * pair.reserve1;
			expect(next).toBeGreaterThanOrEqual(k);
			k = next;
			// the model's getAmountOut is the most the K check lets out
			const [r2In, r2Out] = zeroForOne
				? [pair.reserve0, pair.reserve1]
				: [pair.reserve1, pair.reserve0];
			const more = getAmountOut(amountIn, r2In, r2Out) + 1n;
			if (more < r2Out) {
				expectRevert(
					() =>
						zeroForOne
							? pair.swap(0n, more, amountIn, 0n, T + i)
							: pair.swap(more, 0n, 0n, amountIn, T + i),
					'UniswapV2: K'
				);
			}
		}
		expect(k).toBeGreaterThan(e18(1000) * e18(2000));
	});

	test('getAmountOut(getAmountIn(x)) >= x and getAmountOut rounds against the trader', () => {
		const rng = createPrng(7);
		for (let i = 0; i < 500; i++) {
			const rIn = BigInt(Math.floor(rng.next() * 1e9)) * 10n ** BigInt(rng.int(12)) + 1n;
			const rOut = BigInt(Math.floor(rng.next() * 1e9)) * 10n ** BigInt(rng.int(12)) + 2n;
			const x = (BigInt(Math.floor(rng.next() * 1e6)) * (rOut - 1n)) / 1_000_000n + 1n;
			const amountIn = getAmountIn(x, rIn, rOut);
			expect(getAmountOut(amountIn, rIn, rOut)).toBeGreaterThanOrEqual(x);
			const out = getAmountOut(amountIn, rIn, rOut);
			// exact: out <= amountIn*0.997*rOut/(rIn + amountIn*0.997), so 1000*out*(...) <= ...
			expect(out * (rIn * 1000n + amountIn * 997n)).toBeLessThanOrEqual(amountIn * 997n * rOut);
		}
	});
});
