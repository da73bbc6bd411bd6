import { describe, expect, test } from 'vitest';
import { getLesson, lessonIds, tracks } from '#lib/lessons/catalog.ts';
import { loadScenario, scenarioIds } from '#lib/scenario/registry.ts';

describe('lesson catalog', () => {
	test('has tracks with lessons, every frontmatter valid (the catalog built)', () => {
		expect(tracks.length).toBeGreaterThan(0);
		expect(lessonIds).toContain('01-foundations/01-first-transaction');
		expect(tracks.flatMap((t) => t.lessons.map((l) => l.id))).toEqual(lessonIds);
		for (const track of tracks) {
			expect(track.title, track.id).not.toBe('');
			expect(track.html, track.id).not.toBe('');
		}
	});

	test.each(lessonIds)('%s: files, focus and editable are consistent', (id) => {
		const lesson = getLesson(id)!;
		expect(lesson.id).toBe(id);
		expect(lesson.files.map((f) => f.path)).toContain(lesson.focus);
		const editable = lesson.files.filter((f) => f.editable);
		expect(editable.length, 'at least one editable file').toBeGreaterThan(0);
		expect(
			editable.some((f) => f.solution !== f.starter),
			'some editable file has a solution that differs from its starter'
		).toBe(true);
		for (const file of lesson.files.filter((f) => !f.editable)) {
			expect(file.solution, `${file.path} is read-only`).toBe(file.starter);
		}
		expect(lesson.html.length).toBeGreaterThan(100);
		expect(lesson.views.length).toBeGreaterThan(0);
	});

	test('every lesson has a scenario, and every scenario a lesson', () => {
		expect(scenarioIds).toEqual([...lessonIds].sort());
	});

	test.each(lessonIds)('%s: every check has hints and every hint section a check', async (id) => {
		const scenario = await loadScenario(id);
		const checkIds = scenario.checks.map((c) => c.id).sort();
		const hintIds = getLesson(id)!
			.hints.map((h) => h.checkId)
			.sort();
		expect(checkIds.length).toBeGreaterThan(0);
		expect(hintIds).toEqual(checkIds);
		for (const set of getLesson(id)!.hints) {
			expect(set.layers.length, `${set.checkId} hint layers`).toBeGreaterThanOrEqual(2);
		}
	});

	test('unknown ids give undefined', () => {
		expect(getLesson('99-none/01-none')).toBeUndefined();
	});
});
