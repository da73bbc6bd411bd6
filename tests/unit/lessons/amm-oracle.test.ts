/**
 * Lesson 03-amms/04 (price oracles): the flash-swap attack drains the spot-priced starter and
 * costs the attacker money against the TWAP solution; each check catches the mistake it is named
 * after (mutants of the solution).
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import type { Market } from '../../../lessons/03-amms/04-price-oracle/market.ts';

const ID = '03-amms/04-price-oracle';
const FILE = 'contracts/PriceOracle.ts';

async function outcome(which: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, which, 1);
	const txs = run.steps.flatMap((s) => s.txs.map((t) => t.receipt));
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	return { txs, summary, checks, twap: result.overview.twap! };
}

/** The solution's oracle with `from` replaced by `to` (each must occur exactly once). */
function mutant(from: string, to: string): Record<string, string> {
	const source = lessonSources(ID, 'solution')[FILE];
	expect(source.split(from)).toHaveLength(2);
	return { [FILE]: source.replace(from, to) };
}

describe('price oracle lesson', () => {
	test('the starter: the attack borrows everything the pool has and nets about 482k DAI', async () => {
		const { summary, checks, twap, txs } = await outcome('starter');
		expect(summary["Attacker's profit"]).toBe('481,990.97 DAI');
		expect(summary['DAI left in the pool']).toBe('0 DAI');
		expect(summary["Bob's borrow"]).toBe('reverted');
		expect(txs.find((r) => r.method === 'attack')?.status).toBe('success');
		// the pool's price follows the spot through the dump: about 4x the 24 h average
		expect(twap.attack?.outcome).toBe('borrowed');
		expect(twap.attack!.poolPrice).toBeCloseTo(twap.attack!.spot, 6);
		const at = twap.points.find((p) => p.step === twap.attack!.step)!;
		expect(twap.attack!.spot / at.twap!).toBeGreaterThan(3.9);
		expect(checks.filter((c) => !c.passed).map((c) => c.id)).toEqual([
			'twap-matches-model',
			'period-not-elapsed',
			'attack-stops-paying',
			'honest-borrowers'
		]);
		expect(checks.find((c) => c.id === 'attack-stops-paying')?.message).toContain(
			'The attacker netted 481,990.97 DAI in one transaction'
		);
	});

	test('the solution: the attack unwinds at a loss, Bob still borrows, every check passes', async () => {
		const { summary, checks, twap } = await outcome('solution');
		expect(checks.every((c) => c.passed)).toBe(true);
		expect(twap.attack?.outcome).toBe('unwound');
		expect(twap.attack!.profit).toBeLessThan(0);
		expect(summary["Bob's borrow"]).toBe('succeeded');
		expect(summary['DAI left in the pool']).toBe('1,478,000 DAI');
		// inside the attack the pool used the TWAP, not the spot
		const at = twap.points.find((p) => p.step === twap.attack!.step)!;
		expect(twap.attack!.poolPrice).toBe(at.twap);
		expect(twap.attack!.spot).toBeGreaterThan(3.9 * at.twap!);
		// before the first update the TWAP oracle prices at 0, as ExampleOracleSimple does
		expect(twap.points[0].poolPrice).toBe(0);
		expect(twap.points[0].twap).toBeNull();
	});

	test('the lesson’s pair contract and the reference model agree on reserves and accumulators', async () => {
		const { run } = await runLesson(ID, 'solution', 1);
		try {
			const m = run.result as Market;
			const pair = run.context.storage(m.pair);
			expect(pair.value('reserve0')).toBe(m.ref.pair.reserve0);
			expect(pair.value('reserve1')).toBe(m.ref.pair.reserve1);
			expect(pair.value('blockTimestampLast')).toBe(m.ref.pair.blockTimestampLast);
			expect(pair.value('price0CumulativeLast')).toBe(m.ref.pair.price0CumulativeLast);
			expect(pair.value('price1CumulativeLast')).toBe(m.ref.pair.price1CumulativeLast);
			expect(m.ref.pair.price0CumulativeLast).toBeGreaterThan(0n);
			// and the learner's oracle (the solution) stored the model's averages
			const oracle = run.context.storage(m.oracle);
			expect(oracle.value('price0Average')).toBe(m.ref.oracle.price0Average);
			expect(oracle.value('price1Average')).toBe(m.ref.oracle.price1Average);
		} finally {
			run.dispose();
		}
	});

	test.each([
		{
			check: 'twap-matches-model',
			name: 'an average taken from the new (spot) reserves at update time',
			from: 'this.price0Average.set((d0 / elapsed) % UINT224);',
			to: 'this.price0Average.set((d0 / elapsed) * 0n + ((Contract.at<Pair>(this.pair.get()).getReserves().reserve1 << 112n) / Contract.at<Pair>(this.pair.get()).getReserves().reserve0));'
		},
		{
			check: 'twap-matches-model',
			name: 'no counterfactual accrual since the pair’s last trade',
			from: 'if (r.blockTimestampLast !== blockTimestamp) {',
			to: 'if (false) {'
		},
		{
			check: 'twap-matches-model',
			name: 'decoding the price before multiplying',
			from: 'return (this.price0Average.get() * amountIn) >> 112n;',
			to: 'return (this.price0Average.get() >> 112n) * amountIn;'
		},
		{
			check: 'period-not-elapsed',
			name: 'no period check',
			from: "require(timeElapsed >= PERIOD, 'ExampleOracleSimple: PERIOD_NOT_ELAPSED');",
			to: ''
		},
		{
			check: 'period-not-elapsed',
			name: '> instead of >= at the 24 h boundary',
			from: 'timeElapsed >= PERIOD',
			to: 'timeElapsed > PERIOD'
		},
		{
			check: 'period-not-elapsed',
			name: 'the window counted from the oracle’s deploy, not the pair’s last observation',
			from: 'this.blockTimestampLast.set(r.blockTimestampLast);',
			to: 'this.blockTimestampLast.set(block.timestamp % UINT32);'
		},
		{
			check: 'attack-stops-paying',
			name: 'a TWAP that is updated but a consult that still reads the spot reserves',
			from: 'if (token === this.token0.get()) return (this.price0Average.get() * amountIn) >> 112n;',
			to: 'const r = Contract.at<Pair>(this.pair.get()).getReserves(); if (token === this.token0.get()) return (amountIn * r.reserve1) / r.reserve0;'
		},
		{
			check: 'honest-borrowers',
			name: 'an update that never stores the averages',
			from: 'this.price0Average.set((d0 / elapsed) % UINT224);',
			to: ''
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { checks } = await outcome(mutant(from, to));
		const failed = checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toContain(check);
	});
});
