// Issue 8, item 7: the run result lists the steps holding failed transactions (index, count,
// first error kind), so the page can mark them on the timeline without fetching every frame.
import { describe, expect, test } from 'vitest';
import { defineScenario } from '#lib/scenario/define.ts';
import { runScenario, toRunResult } from '#lib/scenario/runner.ts';
import { assertPlain, COUNTER } from './helpers.ts';

const sources = { 'contracts/Counter.ts': COUNTER };

const scenario = defineScenario({
	*run(s) {
		const counter = s.deploy('contracts/Counter.ts', { from: 'alice' });
		yield 'deploy';
		s.send({ from: 'alice', to: counter, method: 'add', args: [5n] });
		yield 'alice adds 5';
		// two reverts (amount 0) around a success
		s.send({ from: 'bob', to: counter, method: 'add', args: [0n] });
		s.send({ from: 'bob', to: counter, method: 'add', args: [7n] });
		s.send({ from: 'carol', to: counter, method: 'add', args: [0n] });
		yield 'bob and carol add';
		s.send({ from: 'alice', to: counter, method: 'add', args: [1n] });
		yield 'alice adds 1';
		s.send({ from: 'alice', to: counter, method: 'spin', gasLimit: 1_000_000 });
		yield 'alice spins';
		return { counter };
	},
	checks: []
});

describe('failed steps in the run result', () => {
	test('lists each step holding reverted receipts with its count and first error kind', () => {
		const run = runScenario(scenario, { sources, seed: 1 });
		const result = toRunResult(run);
		assertPlain(result);
		expect(result.ok).toBe(true);
		expect(result.failures).toEqual([
			{ step: 2, count: 2, kind: 'revert' },
			{ step: 4, count: 1, kind: 'out-of-gas' }
		]);
		run.dispose();
	});

	test('a run with no failed transaction has an empty list', () => {
		const clean = defineScenario({
			*run(s) {
				const counter = s.deploy('contracts/Counter.ts', { from: 'alice' });
				yield 'deploy';
				s.send({ from: 'alice', to: counter, method: 'add', args: [5n] });
				yield 'add';
				return {};
			},
			checks: []
		});
		const run = runScenario(clean, { sources, seed: 1 });
		expect(toRunResult(run).failures).toEqual([]);
		run.dispose();
	});
});
