/**
 * Running a whole lesson without a worker: sources completed with the lesson's fixed files,
 * scenario run, frames and checks. Used by Node tests and by the worker's Session.
 */
import type { Frame } from '#lib/model/frame.ts';
import type { CheckResult, RunResult } from '#lib/model/run.ts';
import { resolveLessonTexts } from '#lib/lessons/files.ts';
import { contractFiles } from '#lib/lessons/raw.ts';
import { runChecks } from './checks.ts';
import { loadScenario } from './registry.ts';
import { runScenario, toRunResult, type ScenarioRun } from './runner.ts';

/**
 * A lesson's sources: the given files over the lesson's starters (so fixed files the page did not
 * send are still there), or the whole starter or solution set by name.
 * @throws LessonFormatError for an unknown lesson layout
 */
export function lessonSources(
	lessonId: string,
	sources: 'starter' | 'solution' | Readonly<Record<string, string>>
): Record<string, string> {
	const texts = resolveLessonTexts(contractFiles, lessonId);
	if (sources === 'starter' || sources === 'solution') return { ...texts[sources] };
	return { ...texts.starter, ...sources };
}

export type LessonRun = {
	run: ScenarioRun<unknown>;
	result: RunResult;
	frames: Frame[];
	checks: CheckResult[];
};

/**
 * Run a lesson end to end in this thread.
 * @param lessonId e.g. `01-foundations/01-first-transaction`
 * @param sources 'starter', 'solution', or edited files by path (missing files come from starters)
 * @param seed the world's seed
 * @returns the run (call `run.dispose()` when done), its RunResult, every frame and check result
 * @throws Error for an unknown lesson; learner-code failures come back inside the result
 */
export async function runLesson(
	lessonId: string,
	sources: 'starter' | 'solution' | Readonly<Record<string, string>> = 'starter',
	seed = 1
): Promise<LessonRun> {
	const definition = await loadScenario(lessonId);
	const run = runScenario(definition, { sources: lessonSources(lessonId, sources), seed });
	const frames = run.steps.map((_, index) => run.frame(index));
	const checks = await runChecks(definition, run);
	return { run, result: toRunResult(run), frames, checks };
}
