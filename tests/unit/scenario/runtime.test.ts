import { describe, expect, test } from 'vitest';
import { defineScenario } from '#lib/scenario/define.ts';
import { runScenario, toRunResult } from '#lib/scenario/runner.ts';
import { runChecks } from '#lib/scenario/checks.ts';
import { syntaxErrors } from '#lib/scenario/syntax.ts';
import { assertPlain, COUNTER, lineOf } from './helpers.ts';

const sources = { 'contracts/Counter.ts': COUNTER };

const counterScenario = defineScenario({
	*run(s) {
		const counter = s.deploy('contracts/Counter.ts', { from: 'alice' });
		s.trackBalances(['alice', 'bob'], [s.mapAsset(counter, 'byUser', 'ADD', 0), s.native()]);
		yield 'deploy';
		s.send({ from: 'alice', to: counter, method: 'add', args: [5n] });
		s.note('alice added 5');
		yield 'alice adds 5';
		s.send({ from: 'bob', to: counter, method: 'add', args: [0n] });
		s.send({ from: 'bob', to: counter, method: 'add', args: [7n] });
		yield { label: 'bob adds 0 then 7', notes: ['one revert, one success'] };
		s.send({ from: 'alice', to: counter, method: 'add', args: [1n] });
		return { counter };
	},
	checks: [
		{
			id: 'count-is-twelve',
			title: 'The count reaches 13',
			run(c) {
				const count = c.final.view(c.result.counter, 'get') as bigint;
				c.assert(count === 13n, `expected 13, got ${count}`);
				c.final.send({ from: 'carol', to: c.result.counter, method: 'add', args: [100n] });
				return c.pass('count is 13');
			}
		},
		{
			id: 'probing-leaves-final-state',
			title: 'The previous check left no trace',
			run(c) {
				const count = c.final.view(c.result.counter, 'get') as bigint;
				return count === 13n ? c.pass('still 13') : c.fail(`expected 13, got ${count}`);
			}
		},
		{
			id: 'fresh-world',
			title: 'A fresh world starts empty',
			run(c) {
				const s = c.fresh();
				const counter = s.deploy('contracts/Counter.ts', { from: 'dave' });
				s.send({ from: 'dave', to: counter, method: 'add', args: [2n] });
				c.assert(s.view(counter, 'get') === 2n, 'fresh counter should hold 2');
				return c.fail('this check always fails, with this message');
			}
		},
		{
			id: 'throws',
			title: 'A check that throws',
			run() {
				throw new Error('boom');
			}
		}
	]
});

describe('runScenario', () => {
	const run = runScenario(counterScenario, { sources, seed: 7 });

	test('each yield is a step with its label, receipts and notes; leftovers make an End step', () => {
		expect(run.error).toBeUndefined();
		expect(run.steps.map((s) => s.label)).toEqual([
			'deploy',
			'alice adds 5',
			'bob adds 0 then 7',
			'End'
		]);
		expect(run.steps.map((s) => s.txs.length)).toEqual([1, 1, 2, 1]);
		expect(run.steps[0].txs[0].view).toMatchObject({
			from: 'alice',
			to: 'Counter',
			method: 'constructor',
			status: 'success'
		});
		const [revert, ok] = run.steps[2].txs.map((t) => t.view);
		expect(revert.status).toBe('reverted');
		expect(revert.error).toMatchObject({
			kind: 'revert',
			message: 'amount must be positive',
			file: 'contracts/Counter.ts'
		});
		expect(revert.error?.line).toBe(lineOf(COUNTER, 'require(amount > 0n'));
		expect(ok).toMatchObject({
			status: 'success',
			from: 'bob',
			to: 'Counter',
			method: 'add',
			args: ['7']
		});
		expect(ok.gasUsed).toBeGreaterThan(0);
		expect(ok.logs).toEqual([
			{
				address: expect.any(String),
				contract: 'Counter',
				event: 'Added',
				args: { user: 'bob', amount: '7' }
			}
		]);
		expect(run.steps[1].notes).toEqual(['alice added 5']);
		expect(run.steps[2].notes).toEqual(['one revert, one success']);
		expect(run.result?.counter).toMatch(/^0x/);
	});

	test('frames are plain data with tracked balances', () => {
		for (let i = 0; i < run.steps.length; i++) assertPlain(run.frame(i), `frame ${i}`);
		const frame = run.frame(2);
		expect(frame).toMatchObject({ step: 2, total: 4, label: 'bob adds 0 then 7' });
		expect(frame.balances?.filter((b) => b.asset === 'ADD')).toEqual([
			{ account: 'alice', asset: 'ADD', amount: '5' },
			{ account: 'bob', asset: 'ADD', amount: '7' }
		]);
		const result = toRunResult(run);
		assertPlain(result);
		expect(result).toMatchObject({ ok: true, steps: 4, first: { step: 0 }, last: { step: 3 } });
	});

	test('goto restores each step’s state hash without re-executing', () => {
		const hashes = run.steps.map((s) => s.stateHash);
		expect(new Set(hashes).size).toBe(hashes.length);
		for (const step of [0, 3, 1, 2, 0]) {
			run.goto(step);
			expect(run.context.world.stateHash()).toBe(hashes[step]);
		}
		run.goto(1);
		expect(run.context.view(run.result!.counter, 'get')).toBe(5n);
		expect(() => run.goto(9)).toThrow(RangeError);
	});

	test('the same seed and sources give the same state hashes', () => {
		const again = runScenario(counterScenario, { sources, seed: 7 });
		expect(again.steps.map((s) => s.stateHash)).toEqual(run.steps.map((s) => s.stateHash));
		again.dispose();
	});

	test('checks pass, fail with their message, and never leak state into each other', async () => {
		const results = await runChecks(counterScenario, run);
		expect(results).toEqual([
			{
				id: 'count-is-twelve',
				title: 'The count reaches 13',
				passed: true,
				message: 'count is 13'
			},
			{
				id: 'probing-leaves-final-state',
				title: 'The previous check left no trace',
				passed: true,
				message: 'still 13'
			},
			{
				id: 'fresh-world',
				title: 'A fresh world starts empty',
				passed: false,
				message: 'this check always fails, with this message'
			},
			{
				id: 'throws',
				title: 'A check that throws',
				passed: false,
				message: 'The check could not finish: boom'
			}
		]);
		expect(run.context.world.stateHash()).toBe(run.steps.at(-1)!.stateHash);
	});
});

describe('failures', () => {
	test('a syntax error in a learner file is a SourceError with file and line', async () => {
		const broken = COUNTER.replace(
			'this.count.set(this.count.get() + amount);',
			'this.count.set(this.count.get() + );'
		);
		const line = lineOf(broken, 'this.count.set(this.count.get() + );');
		expect(syntaxErrors({ 'contracts/Counter.ts': broken })).toEqual([
			expect.objectContaining({ kind: 'syntax', file: 'contracts/Counter.ts', line })
		]);
		const run = runScenario(counterScenario, {
			sources: { 'contracts/Counter.ts': broken },
			seed: 1
		});
		expect(run.error).toMatchObject({ kind: 'syntax', file: 'contracts/Counter.ts', line });
		expect(run.steps).toEqual([]);
		expect(toRunResult(run)).toMatchObject({ ok: false, steps: 0, error: { kind: 'syntax' } });
		const checks = await runChecks(counterScenario, run);
		expect(
			checks.every(
				(c) =>
					!c.passed &&
					c.message.startsWith('The run stopped before this check: contracts/Counter.ts line')
			)
		).toBe(true);
		run.dispose();
	});

	test('while (true) in a learner method gives an out-of-gas receipt naming the line', () => {
		const spinning = defineScenario({
			*run(s) {
				const counter = s.deploy('contracts/Counter.ts', { from: 'alice' });
				s.send({ from: 'alice', to: counter, method: 'spin', gasLimit: 1_000_000 });
				yield 'spin';
				s.send({ from: 'alice', to: counter, method: 'add', args: [3n] });
				yield 'add after spin';
				return counter;
			},
			checks: []
		});
		const run = runScenario(spinning, { sources, seed: 1 });
		expect(run.error).toBeUndefined();
		const spin = run.steps[0].txs.find((tx) => tx.view.method === 'spin')!.view;
		expect(spin.status).toBe('reverted');
		expect(spin.error?.kind).toBe('out-of-gas');
		expect(spin.error?.file).toBe('contracts/Counter.ts');
		const loop = lineOf(COUNTER, 'while (true)');
		expect(spin.error?.line).toBeGreaterThanOrEqual(loop);
		expect(spin.error?.line).toBeLessThanOrEqual(loop + 2);
		expect(run.steps[1].txs.map((tx) => tx.view.status)).toEqual(['success']);
		expect(run.context.view(run.result!, 'get')).toBe(3n);
		run.dispose();
	});

	test('a scenario that throws stops with a runtime error and keeps earlier steps', () => {
		const run = runScenario(
			defineScenario({
				*run(s) {
					s.deploy('contracts/Counter.ts', { from: 'alice' });
					yield 'one';
					throw new Error('lesson bug');
				},
				checks: []
			}),
			{ sources, seed: 1 }
		);
		expect(run.steps.map((s) => s.label)).toEqual(['one']);
		expect(run.error).toEqual({ kind: 'runtime', message: 'the scenario stopped: lesson bug' });
		run.dispose();
	});

	test('a missing file and the step budget are reported', () => {
		const missing = runScenario(
			defineScenario({
				*run(s) {
					s.deploy('contracts/Nope.ts', { from: 'alice' });
					yield 'never';
				},
				checks: []
			}),
			{ sources, seed: 1 }
		);
		expect(missing.error?.message).toBe('the lesson has no file contracts/Nope.ts');
		const progress: number[] = [];
		const endless = runScenario(
			defineScenario({
				maxSteps: 25,
				*run(s) {
					for (let i = 0; ; i++) {
						s.mine(1);
						yield `block ${i}`;
					}
				},
				checks: []
			}),
			{ sources, seed: 1, progressEvery: 10, onProgress: (step) => progress.push(step) }
		);
		expect(endless.steps).toHaveLength(25);
		expect(endless.error?.message).toBe('the scenario went past its budget of 25 steps');
		expect(progress).toEqual([10, 20, 25]);
		missing.dispose();
		endless.dispose();
	});

	test('defineScenario rejects bad and repeated check ids', () => {
		const check = { title: 't', run: () => ({ passed: true, message: '' }) };
		expect(() => defineScenario({ *run() {}, checks: [{ id: 'Bad Id', ...check }] })).toThrow(
			'kebab-case'
		);
		expect(() =>
			defineScenario({
				*run() {},
				checks: [
					{ id: 'a', ...check },
					{ id: 'a', ...check }
				]
			})
		).toThrow('twice');
	});
});

describe('bots', () => {
	test('bots act at the end of every step, before the snapshot, and can pause', () => {
		const run = runScenario(
			defineScenario({
				*run(s) {
					const counter = s.deploy('contracts/Counter.ts', { from: 'alice' });
					const keeper = s.bot('keeper', (b) => {
						const count = (b.storage(counter).value('count') as bigint | undefined) ?? 0n;
						if (count < 3n) b.send({ from: 'keeper', to: counter, method: 'add', args: [1n] });
					});
					yield 'one';
					yield 'two';
					keeper.enabled = false;
					yield 'paused';
					keeper.enabled = true;
					for (let i = 0; i < 3; i++) yield `again ${i}`;
					return counter;
				},
				checks: []
			}),
			{ sources, seed: 1 }
		);
		expect(run.steps.map((s) => s.txs.map((t) => t.view.from))).toEqual([
			['alice', 'keeper'],
			['keeper'],
			[],
			['keeper'],
			[],
			[]
		]);
		run.goto(1);
		expect(run.context.view(run.result!, 'get')).toBe(2n);
		run.dispose();
	});
});
