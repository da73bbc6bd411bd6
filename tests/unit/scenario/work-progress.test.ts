/**
 * Work counted inside steps: `s.progress(done, total, unit)` reaches the run's progress callback
 * with the work, between the steps' own reports, and the session passes it on (throttled).
 */
import { describe, expect, test } from 'vitest';
import type { RunProgress } from '#lib/model/run.ts';
import { defineScenario } from '#lib/scenario/define.ts';
import { runScenario } from '#lib/scenario/runner.ts';
import { throttleProgress } from '#lib/worker/session.ts';
import { COUNTER } from './helpers.ts';

const sources = { 'contracts/Counter.ts': COUNTER };

describe('s.progress', () => {
	test('each report reaches onProgress with the step it is in and the work', () => {
		const seen: [number, number | null, RunProgress['work']][] = [];
		const run = runScenario(
			defineScenario({
				*run(s) {
					s.total = 2;
					for (let step = 0; step < 2; step++) {
						for (let i = 1; i <= 3; i++) s.progress(step * 3 + i, 6, 'years');
						yield `step ${step}`;
					}
				},
				checks: []
			}),
			{
				sources,
				seed: 1,
				progressEvery: 1,
				onProgress: (step, total, work) => seen.push([step, total, work])
			}
		);
		expect(run.error).toBeUndefined();
		const work = (done: number) => ({ done, total: 6, unit: 'years' });
		expect(seen).toEqual([
			[0, 2, work(1)],
			[0, 2, work(2)],
			[0, 2, work(3)],
			[1, 2, work(3)],
			[1, 2, work(4)],
			[1, 2, work(5)],
			[1, 2, work(6)],
			[2, 2, work(6)],
			[2, 2, work(6)]
		]);
		run.dispose();
	});

	test('bad counts stop the run with a clear error', () => {
		const run = runScenario(
			defineScenario({
				*run(s) {
					s.progress(7, 6, 'years');
					yield 'never';
				},
				checks: []
			}),
			{ sources, seed: 1 }
		);
		expect(run.error?.message).toMatch(/progress\(7, 6\).*done <= total/);
		run.dispose();
	});

	test('the session sends the work along, and none when there is none', () => {
		const seen: RunProgress[] = [];
		const report = throttleProgress((p) => seen.push(p));
		report(3, 10, true, { done: 30, total: 100, unit: 'years' });
		report(4, 10, true);
		expect(seen).toEqual([
			{ step: 3, total: 10, work: { done: 30, total: 100, unit: 'years' } },
			{ step: 4, total: 10 }
		]);
	});
});
