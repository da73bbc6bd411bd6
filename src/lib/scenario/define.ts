/**
 * `defineScenario`: the one call a lesson's `scenario.ts` makes. It validates the definition
 * (check ids unique and kebab-case) and returns it typed, so checks see the run's result type.
 */
import type { ScenarioDefinition } from './types.ts';

const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Define a lesson scenario.
 * @param definition `run` (a generator: each `yield` closes a timeline step), `checks`, and
 *   optionally `chains`, `maxSteps`, `overview`
 * @returns the same definition
 * @throws Error when a check id is not kebab-case or appears twice (a lesson bug, caught by tests)
 */
export function defineScenario<R>(definition: ScenarioDefinition<R>): ScenarioDefinition<R> {
	const seen = new Set<string>();
	for (const check of definition.checks) {
		if (!CHECK_ID.test(check.id)) throw new Error(`check id "${check.id}" must be kebab-case`);
		if (seen.has(check.id)) throw new Error(`check id "${check.id}" is used twice`);
		seen.add(check.id);
	}
	return definition;
}
