import { describe, expect, test } from 'vitest';
import { lessonIds } from '#lib/lessons/catalog.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

// The key promise of every lesson: the starter fails at least one check, the solution passes all.
describe.each(lessonIds)('%s', (id) => {
	test('the starter fails at least one check', async () => {
		const { run, result, checks } = await runLesson(id, 'starter', 1);
		run.dispose();
		expect(checks.length).toBeGreaterThan(0);
		const failed = checks.filter((c) => !c.passed);
		expect(failed.length, JSON.stringify(checks, null, 1)).toBeGreaterThan(0);
		for (const check of failed) expect(check.message.length).toBeGreaterThan(10);
		// a starter should run (and fail checks), not crash the scenario
		expect(result.ok, JSON.stringify(result)).toBe(true);
	});

	test('the solution passes every check', async () => {
		const { run, result, checks } = await runLesson(id, 'solution', 1);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const failed = checks.filter((c) => !c.passed);
		expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
	});
});
