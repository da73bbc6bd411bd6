// Block-STM through the model (protocols/block-stm.ts): (a) blockStmTxsPerSec, the wall-clock
// rate of the simulation itself on a 1,000-transaction block and 8 simulated threads (median of 5
// runs, scheduler, multi-version memory and event loop included); (b) the speed-up over
// sequential execution that the simulation predicts (sequential time / makespan, in simulated time
// units), at low contention (1,000 transfers among 10,000 accounts) and high contention (among 10
// and among 2 accounts), on 8 and 32 threads, beside the paper's reported figures.
import { expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import {
	blockStm,
	executeSequential,
	type BlockState,
	type BlockTx
} from '#lib/protocols/parallel-execution.ts';
import { median, report, timeRuns } from './measure.ts';

const RUNS = 5;
const SIZE = 1_000;

/** 1,000 transfers among `accounts` accounts of 1,000 units each, amounts 1..1,500 (some fail). */
function transfers(accounts: number, seed: number): { state: BlockState; txs: BlockTx[] } {
	const rng = createPrng(seed);
	const state: BlockState = {};
	for (let i = 0; i < accounts; i++) state[`a${i}`] = 1_000;
	const txs: BlockTx[] = Array.from({ length: SIZE }, () => {
		const from = rng.int(accounts);
		const to = (from + 1 + rng.int(accounts - 1)) % accounts;
		return { kind: 'transfer', from: `a${from}`, to: `a${to}`, amount: 1 + rng.int(1_500) };
	});
	return { state, txs };
}

/** Median simulated speed-up over `RUNS` seeds, and the median abort count. */
function speedup(accounts: number, threads: number) {
	const ratios: number[] = [];
	const aborts: number[] = [];
	for (let seed = 1; seed <= RUNS; seed++) {
		const { state, txs } = transfers(accounts, seed);
		const run = blockStm(state, txs, { threads, seed });
		expect(run.state).toEqual(executeSequential(state, txs).state);
		ratios.push(run.sequentialTime / run.makespan);
		aborts.push(run.aborts);
	}
	return { speedup: Math.round(median(ratios) * 100) / 100, aborts: median(aborts) };
}

test('Block-STM: simulation throughput and the predicted speed-up over sequential', () => {
	const block = transfers(10_000, 1);
	const times = timeRuns(RUNS, () => blockStm(block.state, block.txs, { threads: 8, seed: 1 }));
	const perSec = Math.round((SIZE / median(times)) * 1000);
	const low8 = speedup(10_000, 8);
	const low32 = speedup(10_000, 32);
	const ten8 = speedup(10, 8);
	const ten32 = speedup(10, 32);
	const two8 = speedup(2, 8);
	const two32 = speedup(2, 32);
	report(
		'block-stm',
		{
			blockStmTxsPerSec: perSec,
			blockStmSpeedupLow8: low8.speedup,
			blockStmSpeedupLow32: low32.speedup,
			blockStmSpeedupTen8: ten8.speedup,
			blockStmSpeedupTen32: ten32.speedup,
			blockStmSpeedupTwo8: two8.speedup,
			blockStmSpeedupTwo32: two32.speedup
		},
		[
			`simulation of a ${SIZE}-transfer block on 8 threads (10,000 accounts); runs: ${times.map((t) => Math.round(t)).join(', ')} ms`,
			`predicted speed-up (sequential time / makespan, median of ${RUNS} seeds; median aborts):`,
			`  10,000 accounts: ${low8.speedup}x on 8 threads (${low8.aborts} aborts), ${low32.speedup}x on 32 (${low32.aborts})`,
			`  10 accounts: ${ten8.speedup}x on 8 threads (${ten8.aborts} aborts), ${ten32.speedup}x on 32 (${ten32.aborts})`,
			`  2 accounts: ${two8.speedup}x on 8 threads (${two8.aborts} aborts), ${two32.speedup}x on 32 (${two32.aborts})`,
			'paper (Gelashvili et al., arXiv 2203.06871, 2022): up to ~170k tps and ~17x over sequential on 32 threads at low contention; ~50-80k tps under high contention'
		]
	);
});
