// AMM swaps per second through the full pipeline: each swap is two transactions, as a v2 trade
// without a router is: the trader's transfer of the input token to the pair (a built-in ERC-20),
// then chain.send into lesson 03-amms/03's solution Pair.swap, which pays out, reads both token
// balances, runs the K check and the lock, and writes the reserves (sandbox -> receipt). Amounts
// are getAmountOut of the reference model, kept in step; the reserves are compared at the end.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { getAmountOut, UniswapV2Pair } from '#lib/protocols/uniswap-v2.ts';
import { createWorld } from '#lib/sim/index.ts';
import { median, report } from './measure.ts';

const RUNS = 5;
const SWAPS = 2_000;
const E = 10n ** 18n;
const PAIR = readFileSync('lessons/03-amms/03-swap-invariant/solution/Pair.ts', 'utf8');

test('AMM swaps per second: transfer in, then the learner pair swap, through chain.send', () => {
	const rates: number[] = [];
	// one untimed run first, as measure.ts's timeRuns does: V8 tiers up the engine and the QuickJS
	// wasm over the first few thousand transactions
	for (let run = -1; run < RUNS; run++) {
		const world = createWorld({ seed: run + 2 });
		const chain = world.chain();
		const trader = chain.address('trader');
		const weth = chain.deployToken({ name: 'Wrapped Ether', symbol: 'WETH', from: 'deployer' });
		const dai = chain.deployToken({ name: 'Dai Stablecoin', symbol: 'DAI', from: 'deployer' });
		const pair = chain.deploy(PAIR, { name: 'Pair', from: 'deployer', args: [weth, dai] });
		chain.mint(weth, pair, 1_000n * E);
		chain.mint(dai, pair, 3_000_000n * E);
		chain.mint(weth, trader, 1_000n * E);
		chain.mint(dai, trader, 3_000_000n * E);
		chain.send({ from: 'deployer', to: pair, method: 'mint', args: [chain.address('deployer')] });
		const ref = new UniswapV2Pair();
		ref.mint(chain.address('deployer'), 1_000n * E, 3_000_000n * E, 0);
		const swap = (i: number) => {
			const wethIn = i % 2 === 0;
			const amountIn = wethIn ? E / 10n : 300n * E;
			const out = wethIn
				? getAmountOut(amountIn, ref.reserve0, ref.reserve1)
				: getAmountOut(amountIn, ref.reserve1, ref.reserve0);
			const [out0, out1] = wethIn ? [0n, out] : [out, 0n];
			chain.send({
				from: trader,
				to: wethIn ? weth : dai,
				method: 'transfer',
				args: [pair, amountIn]
			});
			const r = chain.send({
				from: trader,
				to: pair,
				method: 'swap',
				args: [out0, out1, trader, '']
			});
			if (r.status !== 'success') throw new Error(`swap ${i} failed: ${r.error?.message}`);
			ref.swap(out0, out1, wethIn ? amountIn : 0n, wethIn ? 0n : amountIn, 0);
		};
		// warm the pair's context and method handles
		swap(0);
		swap(1);
		const t0 = performance.now();
		for (let i = 0; i < SWAPS; i++) swap(i);
		const ms = performance.now() - t0;
		if (run >= 0) rates.push((SWAPS / ms) * 1000);
		expect(chain.view(pair, 'getReserves')).toEqual([ref.reserve0, ref.reserve1]);
		world.dispose();
	}
	const ammSwapsPerSec = Math.round(median(rates));
	report('amm', { ammSwapsPerSec }, [
		`runs: ${RUNS} x ${SWAPS} swaps after one untimed run (each a token transfer in and a Pair.swap: 2 transactions)`,
		`swaps/s per run: ${rates.map(Math.round).join(', ')}`
	]);
});
