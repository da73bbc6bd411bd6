import { describe, expect, it } from 'vitest';
import { blockStm, MVMemory } from '../../../src/lib/protocols/parallel-execution.ts';
import {
	executeSequential,
	type BlockState,
	type BlockTx
} from '../../../src/lib/protocols/parallel-execution.ts';
import { createPrng } from '../../../src/lib/data/prng.ts';

/** A random block: `accounts` accounts (fewer = more contention), some transfers bound to fail. */
function randomBlock(seed: number, size: number, accounts: number) {
	const rng = createPrng(seed * 7919 + 17);
	const state: BlockState = {};
	for (let a = 0; a < accounts; a++) state[`acct${a}`] = rng.int(20);
	state.counter = 0;
	const txs: BlockTx[] = [];
	const acct = () => `acct${rng.int(accounts)}`;
	for (let i = 0; i < size; i++) {
		const r = rng.next();
		if (r < 0.6) txs.push({ kind: 'transfer', from: acct(), to: acct(), amount: rng.int(25) });
		else if (r < 0.8) txs.push({ kind: 'increment', key: rng.next() < 0.5 ? 'counter' : acct() });
		else if (r < 0.9) txs.push({ kind: 'copy', from: acct(), to: acct() });
		else txs.push({ kind: 'read', keys: [acct(), 'counter'] });
	}
	return { state, txs };
}

describe('blockStm equals executeSequential (property test)', () => {
	const cases: [string, number, number][] = [
		['low contention (200 accounts)', 24, 200],
		['medium contention (8 accounts)', 24, 8],
		['high contention (2 accounts and a counter)', 24, 2]
	];
	for (const [name, size, accounts] of cases) {
		it(`${name}: 200 seeds x threads 1..10`, () => {
			let aborts = 0;
			let failed = 0;
			for (let seed = 0; seed < 200; seed++) {
				const { state, txs } = randomBlock(seed, size, accounts);
				const seq = executeSequential(state, txs);
				failed += seq.results.filter((r) => r.status === 'failed').length;
				for (let threads = 1; threads <= 10; threads++) {
					const run = blockStm(state, txs, { threads, seed });
					expect(run.state, `seed ${seed}, ${threads} threads`).toEqual(seq.state);
					aborts += run.aborts;
				}
			}
			expect(failed).toBeGreaterThan(0);
			if (accounts <= 8) expect(aborts).toBeGreaterThan(0);
		});
	}

	it('a high-contention block of 20 increments on 4 threads aborts and suspends', () => {
		const txs: BlockTx[] = Array.from({ length: 20 }, () => ({
			kind: 'increment',
			key: 'counter'
		}));
		const run = blockStm({ counter: 0 }, txs, { threads: 4, seed: 1 });
		expect(run.state.counter).toBe(20);
		expect(run.aborts + run.suspensions).toBeGreaterThan(0);
		expect(run.executions).toBeGreaterThanOrEqual(20);
		expect(run.validations).toBeGreaterThanOrEqual(20);
	});

	it('one thread never aborts and executes each transaction once', () => {
		const { state, txs } = randomBlock(3, 30, 3);
		const run = blockStm(state, txs, { threads: 1, seed: 3 });
		expect(run.aborts).toBe(0);
		expect(run.executions).toBe(30);
		expect(run.incarnations.every((i) => i === 1)).toBe(true);
	});

	it('independent transfers on 8 threads never abort and run about 8 times faster', () => {
		const txs: BlockTx[] = Array.from({ length: 80 }, (_, i) => ({
			kind: 'transfer',
			from: `a${i}`,
			to: `b${i}`,
			amount: 1
		}));
		const state = Object.fromEntries(txs.map((_, i) => [`a${i}`, 5]));
		const run = blockStm(state, txs, { threads: 8, seed: 9 });
		expect(run.aborts).toBe(0);
		expect(run.executions).toBe(80);
		const speedup = run.sequentialTime / run.makespan;
		expect(speedup).toBeGreaterThan(5);
		expect(speedup).toBeLessThanOrEqual(8);
	});

	it('the same seed gives the same trace', () => {
		const { state, txs } = randomBlock(5, 20, 3);
		const a = blockStm(state, txs, { threads: 4, seed: 42 });
		const b = blockStm(state, txs, { threads: 4, seed: 42 });
		expect(a.tasks).toEqual(b.tasks);
	});

	it('threads do not overlap their own tasks', () => {
		const { state, txs } = randomBlock(6, 20, 2);
		const run = blockStm(state, txs, { threads: 4, seed: 6 });
		for (let t = 0; t < 4; t++) {
			const mine = run.tasks.filter((k) => k.thread === t);
			for (let i = 1; i < mine.length; i++)
				expect(mine[i].start).toBeGreaterThanOrEqual(mine[i - 1].end);
		}
	});

	it('rejects a bad thread count', () => {
		expect(() => blockStm({}, [], { threads: 0, seed: 1 })).toThrow(RangeError);
	});
});

describe('MVMemory (Algorithm 2)', () => {
	it('read returns the highest lower writer, ESTIMATE or not-found', () => {
		const mv = new MVMemory(4);
		mv.record({ txIdx: 0, incarnation: 0 }, [], new Map([['x', 1]]));
		mv.record({ txIdx: 2, incarnation: 1 }, [], new Map([['x', 3]]));
		expect(mv.read('x', 0)).toEqual({ kind: 'not-found' });
		expect(mv.read('x', 2)).toEqual({
			kind: 'ok',
			version: { txIdx: 0, incarnation: 0 },
			value: 1
		});
		expect(mv.read('x', 3)).toEqual({
			kind: 'ok',
			version: { txIdx: 2, incarnation: 1 },
			value: 3
		});
		mv.convertWritesToEstimates(2);
		expect(mv.read('x', 3)).toEqual({ kind: 'estimate', blocking: 2 });
	});

	it('record reports a write to a new location and removes locations no longer written', () => {
		const mv = new MVMemory(2);
		expect(mv.record({ txIdx: 0, incarnation: 0 }, [], new Map([['x', 1]]))).toBe(true);
		expect(mv.record({ txIdx: 0, incarnation: 1 }, [], new Map([['x', 2]]))).toBe(false);
		expect(mv.record({ txIdx: 0, incarnation: 2 }, [], new Map([['y', 2]]))).toBe(true);
		expect(mv.read('x', 1)).toEqual({ kind: 'not-found' });
	});

	it('validation fails on a changed incarnation', () => {
		const mv = new MVMemory(2);
		mv.record({ txIdx: 0, incarnation: 0 }, [], new Map([['x', 1]]));
		mv.record(
			{ txIdx: 1, incarnation: 0 },
			[{ key: 'x', version: { txIdx: 0, incarnation: 0 } }],
			new Map()
		);
		expect(mv.validateReadSet(1)).toBe(true);
		mv.record({ txIdx: 0, incarnation: 1 }, [], new Map([['x', 1]]));
		expect(mv.validateReadSet(1)).toBe(false);
	});
});
