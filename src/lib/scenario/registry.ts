/**
 * Where lesson scenarios are found: every `lessons/<track>/<lesson>/scenario.ts`, bundled with
 * a lazy `import.meta.glob` so the worker loads only the lesson it runs.
 */
import type { ScenarioDefinition } from './types.ts';

const modules = import.meta.glob<{ default: ScenarioDefinition<unknown> }>(
	'/lessons/*/*/scenario.ts'
);

/** Ids (`NN-track/NN-lesson`) of every lesson that has a scenario, sorted. */
export const scenarioIds: string[] = Object.keys(modules)
	.map((key) => key.replace(/^\/lessons\//, '').replace(/\/scenario\.ts$/, ''))
	.sort();

/**
 * Load a lesson's scenario definition.
 * @param lessonId e.g. `01-foundations/01-first-transaction`
 * @throws Error when the lesson has no scenario.ts or it has no default export
 */
export async function loadScenario(lessonId: string): Promise<ScenarioDefinition<unknown>> {
	const load = modules[`/lessons/${lessonId}/scenario.ts`];
	if (!load) throw new Error(`lesson "${lessonId}" has no scenario`);
	const module = await load();
	if (!module.default?.run)
		throw new Error(`lessons/${lessonId}/scenario.ts has no defineScenario default export`);
	return module.default;
}
