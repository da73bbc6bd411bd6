// A pool of 5 TKA / 10 TKB (the reserves of Uniswap v2's own swap tests) that prices every trade
// with the learner's Library: Bob sells 1 TKA, Carol buys exactly 1 TKA, Dave sells 10 TKA.
import { createPrng } from '#lib/data/prng.ts';
import { RevertError } from '#lib/protocols/revert.ts';
import { getAmountIn, getAmountOut } from '#lib/protocols/uniswap-v2.ts';
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { traceAmm } from '#lib/scenario/amm-trace.ts';
import { formatUnits } from '#lib/scenario/format.ts';

const E = 10n ** 18n;
const LIBRARY = 'contracts/Library.ts';
const tk = (amount: bigint, symbol: string) => `${formatUnits(amount, 18)} ${symbol}`;

/** k before and after each trade of the run, smallest units squared. */
type Run = { trades: { label: string; kBefore: bigint; kAfter: bigint }[] };

type Fn = 'getAmountOut' | 'getAmountIn';
const REFERENCE = { getAmountOut, getAmountIn };

/** The learner's function as a transaction: its value, or why it failed. */
function call(
	s: ScenarioContext,
	lib: string,
	fn: Fn,
	args: bigint[]
): { value: bigint } | { failed: string } {
	const r: Receipt = s.send({ from: 'tester', to: lib, method: fn, args });
	return r.status === 'success'
		? { value: r.returnValue as bigint }
		: { failed: r.error?.message ?? r.status };
}

/** Uniswap v2's value, or its revert reason. */
function reference(fn: Fn, args: bigint[]): { value: bigint } | { failed: string } {
	try {
		return { value: REFERENCE[fn](args[0], args[1], args[2]) };
	} catch (error) {
		if (error instanceof RevertError) return { failed: error.reason };
		throw error;
	}
}

const show = (x: { value: bigint } | { failed: string }) =>
	'value' in x ? x.value.toString() : `a revert (${x.failed})`;

/** Compare the learner's `fn` with Uniswap v2 on each case; fail at the first difference. */
function judge(c: CheckContext<Run>, fn: Fn, cases: bigint[][], hint: string): number {
	const s = c.fresh();
	const lib = s.deploy(LIBRARY, { from: 'deployer' });
	for (const args of cases) {
		const want = reference(fn, args);
		const got = call(s, lib, fn, args);
		const same = 'value' in want ? 'value' in got && got.value === want.value : 'failed' in got;
		c.assert(
			same,
			`${fn}(${args.join(', ')}): Uniswap v2 gives ${show(want)}, yours gives ${show(got)}.${hint}`
		);
	}
	return cases.length;
}

/** The swap table of v2-core test/UniswapV2Pair.spec.ts: [in, reserveIn, reserveOut] in whole tokens. */
const SPEC_TABLE = [
	[1n, 5n, 10n],
	[1n, 10n, 5n],
	[2n, 5n, 10n],
	[2n, 10n, 5n],
	[1n, 10n, 10n],
	[1n, 100n, 100n],
	[1n, 1000n, 1000n]
].map((row) => row.map((x) => x * E));

/** `count` seeded cases: reserves from 1 wei to 1e27, amounts below the reserve out. */
export function seededCases(seed: number, count: number): bigint[][] {
	const rng = createPrng(seed);
	const big = () => BigInt(1 + rng.int(1_000_000_000)) * 10n ** BigInt(rng.int(19));
	const out: bigint[][] = [];
	for (let i = 0; i < count; i++) {
		const reserveIn = big();
		const reserveOut = big() + 1n;
		const amount = 1n + (reserveOut * BigInt(rng.int(1_000_000))) / 1_000_000n;
		out.push([amount >= reserveOut ? reserveOut - 1n : amount, reserveIn, reserveOut]);
	}
	return out;
}

export default defineScenario<Run>({
	*run(s) {
		const token0 = s.deployToken({
			name: 'Token A',
			symbol: 'TKA',
			from: 'alice',
			supply: 1000n * E
		});
		const token1 = s.deployToken({
			name: 'Token B',
			symbol: 'TKB',
			from: 'alice',
			supply: 1000n * E
		});
		const lib = s.deploy(LIBRARY, { from: 'deployer' });
		const pool = s.deploy('contracts/Pool.ts', { from: 'deployer', args: [token0, token1, lib] });
		for (const who of ['bob', 'carol', 'dave']) {
			s.send({ from: 'alice', to: token0, method: 'transfer', args: [s.address(who), 100n * E] });
			s.send({ from: 'alice', to: token1, method: 'transfer', args: [s.address(who), 100n * E] });
		}
		for (const who of ['alice', 'bob', 'carol', 'dave']) {
			for (const token of [token0, token1]) {
				s.send({ from: who, to: token, method: 'approve', args: [pool, 1000n * E] });
			}
		}
		s.trackBalances(
			['alice', 'bob', 'carol', 'dave', 'Pool'],
			[s.token(token0, 'TKA'), s.token(token1, 'TKB')]
		);
		s.send({ from: 'alice', to: pool, method: 'addLiquidity', args: [5n * E, 10n * E] });
		traceAmm(s, { pair: pool, symbols: ['TKA', 'TKB'] });
		const trades: Run['trades'] = [];
		const reserves = () => s.view(pool, 'getReserves') as { reserve0: bigint; reserve1: bigint };
		const k = () => reserves().reserve0 * reserves().reserve1;
		yield 'Alice opens the pool with 5 TKA and 10 TKB';

		const trade = (
			label: string,
			who: string,
			method: 'swap' | 'buy',
			zeroForOne: boolean,
			amount: bigint,
			summary: string
		) => {
			const before = reserves();
			const kBefore = before.reserve0 * before.reserve1;
			const [rIn, rOut] = zeroForOne
				? [before.reserve0, before.reserve1]
				: [before.reserve1, before.reserve0];
			const r = s.send({ from: who, to: pool, method, args: [zeroForOne, amount, s.address(who)] });
			const want =
				method === 'swap' ? getAmountOut(amount, rIn, rOut) : getAmountIn(amount, rIn, rOut);
			const symbol = (method === 'swap') === zeroForOne ? 'TKB' : 'TKA';
			s.summary(
				summary,
				r.status === 'success'
					? tk(r.returnValue as bigint, symbol)
					: `reverted (${r.error?.message})`,
				{
					reference: tk(want, symbol)
				}
			);
			trades.push({ label, kBefore, kAfter: k() });
		};

		trade('Bob sells 1 TKA', 'bob', 'swap', true, 1n * E, 'Bob gets for 1 TKA');
		yield 'Bob sells 1 TKA: the pool quotes it with your getAmountOut';

		trade('Carol buys 1 TKA', 'carol', 'buy', false, 1n * E, 'Carol pays for 1 TKA');
		yield 'Carol buys exactly 1 TKA: the pool charges your getAmountIn';

		trade('Dave sells 10 TKA', 'dave', 'swap', true, 10n * E, 'Dave gets for 10 TKA');
		yield 'Dave sells 10 TKA, twice what the pool holds';

		const fell = trades.filter((t) => t.kAfter < t.kBefore);
		s.summary(
			'Trades that lowered k = reserve0 * reserve1',
			fell.length ? fell.map((t) => t.label).join(', ') : 'none',
			{
				reference: 'none'
			}
		);
		return { trades };
	},

	checks: [
		{
			id: 'spec-table',
			title: "getAmountOut gives the outputs of Uniswap v2's own swap tests",
			run(c) {
				const n = judge(
					c,
					'getAmountOut',
					SPEC_TABLE,
					' Only 997 / 1000 of amountIn counts: the 0.3% fee stays in the pool.'
				);
				return c.pass(
					`All ${n} rows of v2-core's getInputPrice table match to the wei (1 TKA into 5 / 10 gives 1662497915624478906).`
				);
			}
		},
		{
			id: 'zero-reverts',
			title: "Zero amounts and empty reserves revert with Uniswap v2's reasons",
			run(c) {
				const s = c.fresh();
				const lib = s.deploy(LIBRARY, { from: 'deployer' });
				const cases: [Fn, bigint[], string][] = [
					['getAmountOut', [0n, 100n, 100n], 'INSUFFICIENT_INPUT_AMOUNT'],
					['getAmountOut', [2n, 0n, 100n], 'INSUFFICIENT_LIQUIDITY'],
					['getAmountOut', [2n, 100n, 0n], 'INSUFFICIENT_LIQUIDITY'],
					['getAmountIn', [0n, 100n, 100n], 'INSUFFICIENT_OUTPUT_AMOUNT'],
					['getAmountIn', [1n, 0n, 100n], 'INSUFFICIENT_LIQUIDITY'],
					['getAmountIn', [1n, 100n, 0n], 'INSUFFICIENT_LIQUIDITY']
				];
				for (const [fn, args, reason] of cases) {
					const got = call(s, lib, fn, args);
					c.assert(
						'failed' in got && got.failed.includes(reason),
						`${fn}(${args.join(', ')}) should revert with 'UniswapV2Library: ${reason}' (v2-periphery's router tests); yours gives ${show(got)}.`
					);
				}
				return c.pass("All six revert with Uniswap v2's reasons, as in UniswapV2Router02.spec.ts.");
			}
		},
		{
			id: 'rounding-floor',
			title: 'getAmountOut rounds down, against the trader, on 300 seeded trades',
			run(c) {
				judge(
					c,
					'getAmountOut',
					[
						[2n, 100n, 100n],
						[1n, 1n, 1n],
						[3n, 1000n, 1n]
					],
					' Divide last, once: the division rounds down, as Solidity does.'
				);
				const n = judge(
					c,
					'getAmountOut',
					seededCases(12, 300),
					' Multiply first, divide once at the end, with bigint only.'
				);
				return c.pass(
					`getAmountOut(2, 100, 100) = 1 and ${n} seeded trades (seed 12) match to the wei.`
				);
			}
		},
		{
			id: 'amount-in-plus-one',
			title: 'getAmountIn rounds up with the + 1, so its quote always buys what was asked',
			run(c) {
				judge(
					c,
					'getAmountIn',
					[
						[1n, 100n, 100n],
						[E, 4n * E, 5n * E]
					],
					' Add 1 to the rounded-down quotient.'
				);
				const cases = seededCases(34, 300);
				const n = judge(c, 'getAmountIn', cases, ' Fee: * 1000 on top, * 997 below; then + 1.');
				for (const [x, rIn, rOut] of cases.slice(0, 50)) {
					const amountIn = getAmountIn(x, rIn, rOut);
					c.assert(
						getAmountOut(amountIn, rIn, rOut) >= x,
						`getAmountOut(getAmountIn(${x})) < ${x}`
					);
				}
				return c.pass(
					`getAmountIn(1, 100, 100) = 2 and ${n} seeded quotes (seed 34) match; each buys at least what it was asked for.`
				);
			}
		},
		{
			id: 'k-never-falls',
			title: 'No trade of the run lowers k = reserve0 * reserve1',
			run(c) {
				for (const t of c.result.trades) {
					c.assert(
						t.kAfter >= t.kBefore,
						`${t.label}: k fell from ${formatUnits(t.kBefore, 36)} to ${formatUnits(t.kAfter, 36)} (TKA x TKB). The pool paid out more than the curve allows: every quote must round against the trader and keep the fee.`
					);
				}
				return c.pass('k rose with every trade: the fee and the rounding stay in the pool.');
			}
		}
	]
});
