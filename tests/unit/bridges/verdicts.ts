/** Helpers of the bridge lesson tests: a run's check verdicts, and a solution with one edit. */
import { expect } from 'vitest';
import { runLesson } from '#lib/scenario/run-lesson.ts';

/**
 * Runs lesson `id` (seed 1) with the starter, the solution or the given files, and returns its
 * checks by id and the run's overview; the run must finish.
 */
export async function lessonVerdicts(
	id: string,
	sources: 'starter' | 'solution' | Record<string, string>
) {
	const { run, checks, result } = await runLesson(id, sources, 1);
	const overview = run.overview;
	run.dispose();
	expect(result.ok).toBe(true);
	return { byId: Object.fromEntries(checks.map((c) => [c.id, c])), overview };
}

/** `text` with one edit, which must change it. */
export function mutate(text: string, from: string, to: string): string {
	const out = text.replace(from, to);
	expect(out).not.toBe(text);
	return out;
}
