/**
 * The AMM track's lessons 01 (amounts) and 02 (liquidity): each check catches the mistake it is
 * named after, and the run fills the AMM views from the learner's pool with Uniswap v2's figures.
 */
import { describe, expect, test } from 'vitest';
import { getAmountIn, getAmountOut } from '#lib/protocols/uniswap-v2.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import {
	compareDecimal,
	curvePoints,
	formatPriceRatio,
	sampleAt,
	tradesUpTo
} from '#lib/viz/amm.ts';

const E = 10n ** 18n;

/** The solution of `file` with `from` replaced by `to` (which must occur once). */
function mutant(id: string, file: string, from: string, to: string): Record<string, string> {
	const text = lessonSources(id, 'solution')[file];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [file]: text.replace(from, to) };
}

async function failedChecks(id: string, sources: Record<string, string>) {
	const { run, checks } = await runLesson(id, sources, 1);
	run.dispose();
	return checks.filter((c) => !c.passed).map((c) => c.id);
}

const AMOUNTS = '03-amms/01-amounts';
const LIBRARY = 'contracts/Library.ts';

describe(AMOUNTS, () => {
	test('the run: Bob gets the spec figure, and the curve view has three trades on Uniswap v2 reserves', async () => {
		const { run, result } = await runLesson(AMOUNTS, 'solution', 1);
		run.dispose();
		if (!result.ok) throw new Error(JSON.stringify(result));
		const amm = result.overview.amm!;
		expect(amm.trades.map((t) => [t.trader, t.tokenIn])).toEqual([
			['bob', 0],
			['carol', 1],
			['dave', 0]
		]);
		const [bob, carol] = amm.trades;
		expect(bob.amountOut).toBe('1.662497915624478906');
		expect([bob.reserve0Before, bob.reserve1Before, bob.reserve0After]).toEqual(['5', '10', '6']);
		expect(bob.spotBefore).toBe(2);
		expect(bob.executionPrice).toBeCloseTo(1.6625, 4);
		const carolPays = getAmountIn(E, 10n * E - 1_662_497_915_624_478_906n, 6n * E);
		expect(BigInt(carol.amountIn.replace('.', '').padEnd(19, '0'))).toBe(carolPays);
		// k rises with every trade in the samples
		const ks = amm.samples.map((x) => x.k);
		for (let i = 1; i < ks.length; i++) expect(compareDecimal(ks[i], ks[i - 1])).toBe(1);
		expect(amm.samples.every((x) => x.totalSupply === '0')).toBe(true);
		const rows = Object.fromEntries(result.overview.summary!.map((r) => [r.label, r]));
		expect(rows['Bob gets for 1 TKA'].value).toBe(rows['Bob gets for 1 TKA'].reference);
		expect(rows['Trades that lowered k = reserve0 * reserve1'].value).toBe('none');
	});

	test("with the starter, Carol's trade lowers k", async () => {
		const { run, result } = await runLesson(AMOUNTS, 'starter', 1);
		run.dispose();
		if (!result.ok) throw new Error(JSON.stringify(result));
		const rows = Object.fromEntries(result.overview.summary!.map((r) => [r.label, r.value]));
		expect(rows['Trades that lowered k = reserve0 * reserve1']).toBe('Carol buys 1 TKA');
	});

	test.each([
		{
			check: 'spec-table',
			name: 'no fee in getAmountOut',
			from: 'const amountInWithFee = amountIn * 997n;\n\t\tconst numerator = amountInWithFee * reserveOut;\n\t\tconst denominator = reserveIn * 1000n + amountInWithFee;',
			to: 'const numerator = amountIn * reserveOut;\n\t\tconst denominator = reserveIn + amountIn;'
		},
		{
			check: 'zero-reverts',
			name: 'no check of the input amount',
			from: "require(amountIn > 0n, 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT');",
			to: ''
		},
		{
			check: 'zero-reverts',
			name: 'no check of the reserves in getAmountIn',
			from: "require(amountOut > 0n, 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT');\n\t\trequire(reserveIn > 0n && reserveOut > 0n, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');",
			to: "require(amountOut > 0n, 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT');"
		},
		{
			check: 'rounding-floor',
			name: 'getAmountOut rounding up',
			from: 'return numerator / denominator;',
			to: 'return (numerator + denominator - 1n) / denominator;'
		},
		{
			check: 'amount-in-plus-one',
			name: 'getAmountIn without the + 1',
			from: 'return numerator / denominator + 1n;',
			to: 'return numerator / denominator;'
		},
		{
			check: 'k-never-falls',
			name: 'getAmountIn without the fee, rounding down',
			from: 'const denominator = (reserveOut - amountOut) * 997n;\n\t\treturn numerator / denominator + 1n;',
			to: 'const denominator = (reserveOut - amountOut) * 1000n;\n\t\treturn numerator / denominator;'
		}
	])('$name fails $check', async ({ check, from, to }) => {
		const failed = await failedChecks(AMOUNTS, mutant(AMOUNTS, LIBRARY, from, to));
		expect(failed).toContain(check);
	});

	test('the rounding check is not the fee check: a getAmountOut that divides twice fails rounding-floor only among the table checks', async () => {
		const failed = await failedChecks(
			AMOUNTS,
			mutant(
				AMOUNTS,
				LIBRARY,
				'return numerator / denominator;',
				'return (amountInWithFee * ((reserveOut * 10n ** 9n) / denominator)) / 10n ** 9n;'
			)
		);
		expect(failed).toContain('rounding-floor');
		expect(failed).not.toContain('zero-reverts');
	});
});

const LIQUIDITY = '03-amms/02-liquidity';
const PAIR = 'contracts/Pair.ts';

describe(LIQUIDITY, () => {
	test('the run: Alice gets 2 LP less 1,000 wei, the reserves view follows the pair, and every figure equals the reference', async () => {
		const { run, result } = await runLesson(LIQUIDITY, 'solution', 1);
		run.dispose();
		if (!result.ok) throw new Error(JSON.stringify(result));
		const rows = result.overview.summary!;
		for (const r of rows) expect(r.value, r.label).toBe(r.reference);
		expect(rows[0].value).toBe('1.999999999999999 LP');
		const amm = result.overview.amm!;
		expect(amm.samples.map((x) => [x.reserve0, x.reserve1, x.totalSupply])).toEqual([
			['1', '4', '2'],
			['2', '12', '4'],
			['3', '8.008008008008008009', '4'],
			['3', '8.008008008008008009', '4'], // Dave's donation moves balances, not reserves
			['2.000000000000001', '4.004004004004006007', '2.000000000000001'],
			['0.000000000000001', '0.000000000000002003', '0.000000000000001']
		]);
		expect(amm.trades).toHaveLength(1);
		expect(amm.trades[0].amountOut).toBe('3.991991991991991991');
		expect(BigInt(amm.trades[0].amountOut.replace('.', ''))).toBe(getAmountOut(E, 2n * E, 12n * E));
	});

	test.each([
		{
			check: 'first-deposit-locks-minimum',
			name: 'no MINIMUM_LIQUIDITY subtracted',
			from: 'liquidity = sqrt(amount0 * amount1) - MINIMUM_LIQUIDITY;',
			to: 'liquidity = sqrt(amount0 * amount1);'
		},
		{
			check: 'unbalanced-deposit',
			name: 'the larger share',
			from: 'liquidity = liquidity0 < liquidity1 ? liquidity0 : liquidity1;',
			to: 'liquidity = liquidity0 > liquidity1 ? liquidity0 : liquidity1;'
		},
		{
			check: 'burn-by-balances',
			name: 'a burn paid from the reserves',
			from: 'const amount0 = (liquidity * balance0) / totalSupply;',
			to: 'const amount0 = (liquidity * this.reserve0.get()) / totalSupply;'
		},
		{
			check: 'minimum-stays-locked',
			name: 'no lock at the zero address',
			from: 'this.mintLp(ZERO_ADDRESS, MINIMUM_LIQUIDITY); // locked forever',
			to: 'this.supply.set(this.supply.get() + 0n);'
		},
		{
			check: 'seeded-model',
			name: 'a burn that rounds up',
			from: 'const amount1 = (liquidity * balance1) / totalSupply;',
			to: 'const amount1 = (liquidity * balance1 + totalSupply - 1n) / totalSupply;'
		}
	])('$name fails $check', async ({ check, from, to }) => {
		const failed = await failedChecks(LIQUIDITY, mutant(LIQUIDITY, PAIR, from, to));
		expect(failed).toContain(check);
	});
});

describe('AMM view helpers', () => {
	test('curve points lie on x * y = k; decimals compare exactly; prices print short', () => {
		const pts = curvePoints(50, 2, 20, 4);
		expect(pts).toHaveLength(5);
		for (const [x, y] of pts) expect(x * y).toBeCloseTo(50, 10);
		expect(() => curvePoints(50, 0, 1)).toThrow(RangeError);
		expect(compareDecimal('50.000000000000000004', '50')).toBe(1);
		expect(compareDecimal('8.008', '8.0080')).toBe(0);
		expect(compareDecimal('2', '10')).toBe(-1);
		expect(formatPriceRatio(1.662497915624479)).toBe('1.6625');
		expect(formatPriceRatio(0.000123456)).toBe('0.0001235');
	});

	test('a step shows the trades and sample up to it', () => {
		const amm = {
			pair: 'Pool',
			symbols: ['A', 'B'] as [string, string],
			samples: [0, 1, 3].map((step) => ({
				step,
				reserve0: '1',
				reserve1: '1',
				k: '1',
				totalSupply: '0'
			})),
			trades: []
		};
		expect(sampleAt(amm, 2)?.step).toBe(1);
		expect(sampleAt(amm, 3)?.step).toBe(3);
		expect(tradesUpTo(amm, 5)).toEqual([]);
	});
});
