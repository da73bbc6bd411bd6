/** The zero-knowledge lessons: starter fails, solution passes, and the run carries proof data. */
import { describe, expect, test } from 'vitest';
import { lessonIds } from '#lib/lessons/catalog.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const zk = lessonIds.filter((id) => id.startsWith('04-zero-knowledge/'));

test('the track has its lessons in the catalog', () => {
	expect(zk.length).toBeGreaterThan(0);
});

describe.each(zk)('%s', (id) => {
	test('solution passes every check and fills the proof overview', async () => {
		const { run, result, checks } = await runLesson(id, 'solution', 3);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		expect(checks.filter((c) => !c.passed)).toEqual([]);
		if (result.ok) expect(result.overview.proofs).toBeDefined();
	});

	test('starter fails at least one check with a message', async () => {
		const { run, result, checks } = await runLesson(id, 'starter', 3);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const failed = checks.filter((c) => !c.passed);
		expect(failed.length).toBeGreaterThan(0);
	});
});
