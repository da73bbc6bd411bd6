/**
 * Running a scenario's checks against a finished run. Each check starts from the run's final
 * state (restored before every check, so one check's probing never leaks into the next) and may
 * open fresh worlds with the learner's sources to probe their contracts on new inputs.
 */
import type { CheckResult } from '#lib/model/run.ts';
import type {
	CheckContext,
	CheckOutcome,
	ScenarioDefinition,
	TxFilter,
	TxRecord
} from './types.ts';
import type { ScenarioRun } from './runner.ts';
import { ScenarioContext } from './context.ts';
import { disposeWorld } from './engine.ts';
import { describeSourceError, ScenarioError } from './errors.ts';

/** Thrown by `c.assert`: ends the check as failed with the learner-facing message. */
export class CheckFailure extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CheckFailure';
	}
}

/**
 * End the check as failed with `message` unless `condition` holds; narrows types like `assert`.
 * (A standalone function because TypeScript only narrows through explicitly typed names.)
 * @throws CheckFailure, which the runner turns into a failed CheckResult
 */
export function ensure(condition: unknown, message: string): asserts condition {
	if (!condition) throw new CheckFailure(message);
}

/** A passing outcome with its message. */
export const pass = (message: string): CheckOutcome => ({ passed: true, message });
/** A failing outcome: say what was expected and what happened. */
export const fail = (message: string): CheckOutcome => ({ passed: false, message });

function matches(tx: TxRecord, filter: TxFilter, s: ScenarioContext): boolean {
	const same = (wanted: string | undefined, actual: string) =>
		wanted === undefined ||
		wanted.toLowerCase() === actual.toLowerCase() ||
		s.nameOf(actual) === wanted;
	return (
		(filter.chainId === undefined || tx.chainId === filter.chainId) &&
		(filter.method === undefined || tx.view.method === filter.method) &&
		(filter.status === undefined || tx.view.status === filter.status) &&
		(filter.step === undefined || tx.step === filter.step) &&
		same(filter.from, tx.receipt.from) &&
		same(filter.to, tx.receipt.to)
	);
}

/** Why a check failed when it threw instead of returning. */
function failureOf(error: unknown): CheckOutcome {
	if (error instanceof CheckFailure) return fail(error.message);
	if (error instanceof ScenarioError) {
		const where = error.source.kind === 'syntax' ? 'does not compile' : 'failed';
		return fail(`Your code ${where}: ${describeSourceError(error.source)}`);
	}
	const message = error instanceof Error ? error.message : String(error);
	return fail(`The check could not finish: ${message}`);
}

/**
 * Run every check of a scenario against a run.
 * @param definition the scenario (its `checks`, and `chains` for fresh worlds)
 * @param run the finished run; when it failed, every check fails with the run's error
 * @returns one CheckResult per check, in definition order; never throws
 */
export async function runChecks<R>(
	definition: ScenarioDefinition<R>,
	run: ScenarioRun<R>
): Promise<CheckResult[]> {
	const results: CheckResult[] = [];
	const s = run.context;
	const last = run.steps.at(-1);
	for (const check of definition.checks) {
		const base = { id: check.id, title: check.title };
		if (run.error || !last) {
			const why = run.error ? describeSourceError(run.error) : 'the run produced no steps';
			results.push({
				...base,
				passed: false,
				message: `The run stopped before this check: ${why}`
			});
			continue;
		}
		run.goto(last.index);
		s.takePending();
		const opened: ScenarioContext[] = [];
		const c: CheckContext<R> = {
			result: run.result as R,
			steps: run.steps,
			receipts: (filter = {}) =>
				run.steps.flatMap((step) => step.txs).filter((tx) => matches(tx, filter, s)),
			final: s,
			fresh(seed) {
				const probe = ScenarioContext.fresh(s.sources, seed ?? s.seed, definition.chains);
				opened.push(probe);
				return probe;
			},
			assert: ensure,
			pass,
			fail
		};
		let outcome: CheckOutcome;
		try {
			outcome = await check.run(c);
		} catch (error) {
			outcome = failureOf(error);
		} finally {
			for (const probe of opened) disposeWorld(probe.world);
		}
		results.push({ ...base, passed: outcome.passed, message: outcome.message });
	}
	if (last) run.goto(last.index);
	s.takePending();
	return results;
}
