/**
 * Lesson 03-amms/03 (the swap invariant): the reference attacker's moves against the starter and
 * the solution, the flash-swap boundary of the prediction, the call trace of a re-entrant
 * callback, and each check catching the mistake it is named after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { getAmountIn, UniswapV2Pair } from '#lib/protocols/uniswap-v2.ts';
import {
	DAI_IN,
	E,
	FLASH,
	minRepay,
	minRepayIn,
	WETH_IN
} from '../../../lessons/03-amms/03-swap-invariant/scenario.ts';

const ID = '03-amms/03-swap-invariant';
const FILE = 'contracts/Pair.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

async function outcome(sources: 'starter' | 'solution') {
	const { run, result, checks, frames } = await runLesson(ID, sources, 1);
	const receipts = run.steps.flatMap((s) => s.txs.map((t) => t.receipt));
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	const reference = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.reference])
	);
	return { receipts, summary, reference, checks, frames };
}

describe('the flash-swap boundary', () => {
	test('ceil(1000 X / 997) passes the reference K check and one wei less does not, at any reserves', () => {
		for (const [r0, r1, x] of [
			[WETH_IN, DAI_IN, FLASH],
			[10n ** 21n + 7n, 3n * 10n ** 24n, 37n * E + 123_456_789n],
			[5_000n, 9_000n, 997n]
		]) {
			const probe = (repay: bigint) => {
				const p = new UniswapV2Pair();
				p.mint('0x' + '1'.repeat(40), r0, r1, 0);
				p.swap(x, 0n, repay, 0n, 1);
			};
			expect(() => probe(minRepay(x))).not.toThrow();
			expect(() => probe(minRepay(x) - 1n)).toThrow('UniswapV2: K');
		}
		// the prediction's figure: 100 WETH borrowed, 100.30090270812437312 WETH back
		expect(minRepay(FLASH)).toBe(100_300_902_708_124_373_120n);
		const prediction = getLesson(ID)!.predictions!.find((p) => p.id === 'flash-repay')!;
		if (prediction.kind !== 'number') throw new Error('flash-repay is a number prediction');
		expect(Math.abs(Number(minRepay(FLASH)) / 1e18 - Number(prediction.answer))).toBeLessThan(
			prediction.tolerance
		);
	});

	test('repaying in the other token: the exact minimum is getAmountIn, or one below when its division is exact', () => {
		const [r0, r1, y] = [WETH_IN, DAI_IN, 50_000n * E];
		const least = minRepayIn(y, r0, r1);
		expect(getAmountIn(y, r0, r1) - least).toBeGreaterThanOrEqual(0n);
		expect(getAmountIn(y, r0, r1) - least).toBeLessThanOrEqual(1n);
		const swap = (repay: bigint) => {
			const p = new UniswapV2Pair();
			p.mint('0x' + '1'.repeat(40), r0, r1, 0);
			p.swap(0n, y, repay, 0n, 1);
		};
		expect(() => swap(least)).not.toThrow();
		expect(() => swap(least - 1n)).toThrow('UniswapV2: K');
		// exact division: 997 * 3 / (1000 * 1) with reserves chosen so rIn*out*1000 = k*(rOut-out)*997
		expect(getAmountIn(1n, 997n, 1_001n) - minRepayIn(1n, 997n, 1_001n)).toBe(1n);
	});
});

describe(ID, () => {
	test('against the starter the attacker is paid one wei more, a short flash swap and every re-entry', async () => {
		const { summary, checks } = await outcome('starter');
		expect(summary['One wei more than getAmountOut']).toBe('paid');
		expect(summary['Flash swap repaid one wei short']).toBe('accepted');
		expect(summary['Re-entrant calls refused with LOCKED']).toBe('0 of 4');
		const failed = checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toEqual(['one-wei-more-reverts', 'flash-boundary', 'reentry-locked']);
	});

	test('the solution refuses both with K, all four re-entries with LOCKED, and ends on the reference reserves', async () => {
		const { summary, reference, receipts, frames } = await outcome('solution');
		expect(`${summary['Reserves after the run']} (UniswapV2Pair)`).toBe(
			reference['Reserves after the run']
		);
		expect(summary['One wei more than getAmountOut']).toBe('UniswapV2: K');
		expect(summary['Flash swap repaid one wei short']).toBe('UniswapV2: K');
		expect(summary['Re-entrant calls refused with LOCKED']).toBe('4 of 4');
		// the re-entrant mint: tx -> Attacker.flash -> Pair.swap -> Attacker.uniswapV2Call -> Pair.mint (reverted)
		const mint = receipts.filter((r) => r.method === 'flash').at(-3)!;
		expect(mint.status).toBe('success');
		const frames3 = mint.calls!.filter((c) => c.depth === 3);
		expect(frames3.map((c) => [c.method, c.status, c.error?.message])).toEqual([
			['mint', 'reverted', 'UniswapV2: LOCKED'],
			['transfer', 'ok', undefined]
		]);
		// the same trace reaches the views with names
		const view = frames.flatMap((f) => f.receipts).find((r) => r.txHash === mint.txHash)!;
		expect(view.calls!.map((c) => `${c.depth} ${c.caller} -> ${c.callee}.${c.method}`)).toEqual([
			'0 mallory -> Attacker.flash',
			'1 Attacker -> Pair.swap',
			'2 Pair -> WETH.transfer',
			'2 Pair -> Attacker.uniswapV2Call',
			'3 Attacker -> Pair.mint',
			'3 Attacker -> WETH.transfer',
			'2 Pair -> WETH.balanceOf',
			'2 Pair -> DAI.balanceOf'
		]);
		expect(view.calls![4].reason).toBe('UniswapV2: LOCKED');
		// traced token balances: the pair is 100 WETH short inside the callback, repaid after it
		const swap = view.calls![1];
		const wethOfPair = swap.tokens!.find((t) => t.token === 'WETH')!;
		expect(BigInt(wethOfPair.balanceOut) - BigInt(wethOfPair.balanceIn)).toBe(
			minRepay(FLASH) - FLASH
		);
	});

	test.each([
		{
			check: 'one-wei-more-reverts',
			name: 'no K check (the starter)',
			from: 'require(balance0Adjusted * balance1Adjusted >= k,',
			to: 'require(true,'
		},
		{
			check: 'one-wei-more-reverts',
			name: 'a K check without the fee',
			from: 'const balance0Adjusted = balance0 * 1000n - amount0In * 3n;\n\t\tconst balance1Adjusted = balance1 * 1000n - amount1In * 3n;',
			to: 'const balance0Adjusted = balance0 * 1000n;\n\t\tconst balance1Adjusted = balance1 * 1000n;'
		},
		{
			check: 'honest-swaps-match',
			name: 'a fee of 0.4%',
			from: 'const balance0Adjusted = balance0 * 1000n - amount0In * 3n;\n\t\tconst balance1Adjusted = balance1 * 1000n - amount1In * 3n;',
			to: 'const balance0Adjusted = balance0 * 1000n - amount0In * 4n;\n\t\tconst balance1Adjusted = balance1 * 1000n - amount1In * 4n;'
		},
		{
			check: 'honest-swaps-match',
			name: 'reserves that leave out what came in',
			from: "this.update(balance0, balance1);\n\t\temit('Swap'",
			to: "this.update(reserve0 - amount0Out, reserve1 - amount1Out);\n\t\temit('Swap'"
		},
		{
			check: 'honest-swaps-match',
			name: 'a lock that never opens again',
			from: 'this.unlocked.set(true);',
			to: ''
		},
		{
			check: 'flash-boundary',
			name: 'a K check that skips flash swaps',
			from: 'require(balance0Adjusted * balance1Adjusted >= k,',
			to: 'require(data.length > 0 || balance0Adjusted * balance1Adjusted >= k,'
		},
		{
			check: 'flash-boundary',
			name: 'a fee of 0.2% on flash swaps',
			from: 'const balance0Adjusted = balance0 * 1000n - amount0In * 3n;',
			to: 'const balance0Adjusted = balance0 * 1000n - amount0In * (data.length > 0 ? 2n : 3n);'
		},
		{
			check: 'reentry-locked',
			name: 'no lock',
			from: "require(this.unlocked.get(), 'UniswapV2: LOCKED');\n\t\tthis.unlocked.set(false);",
			to: ''
		},
		{
			check: 'reentry-locked',
			name: 'a lock on swap only',
			from: '\tsync(): void {\n\t\tthis.lock();',
			to: '\tsync(): void {\n\t\tthis.unlock();'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { run, checks } = await runLesson(ID, mutant(from, to), 1);
		run.dispose();
		const failed = checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toContain(check);
	});
});
