/**
 * The runner: drives a scenario's generator on a new world, closes a step at every `yield` (bots
 * act, balances are read, a snapshot is taken), enforces the step budget and reports progress.
 * The returned ScenarioRun keeps the world, so the timeline can `goto` any step by restoring its
 * snapshot without re-executing.
 */
import type { Frame } from '#lib/model/frame.ts';
import type { RunOverview } from '#lib/model/overview.ts';
import type { FailedStep, RunResult, RunWork } from '#lib/model/run.ts';
import type { RunOutcome, ScenarioDefinition, StepRecord, StepYield } from './types.ts';
import { ScenarioContext } from './context.ts';
import { chainHead, chainHeads, disposeWorld, newWorld } from './engine.ts';
import { ScenarioError, toSourceError } from './errors.ts';

export const DEFAULT_MAX_STEPS = 5000;

export type RunOptions = {
	/** lesson files by path, the learner's edits included */
	sources: Readonly<Record<string, string>>;
	seed: number;
	/**
	 * called after every `progressEvery` steps, at each `s.progress()` report (with the work) and
	 * once at the end
	 */
	onProgress?: (step: number, total: number | null, work?: RunWork) => void;
	progressEvery?: number;
};

/** A finished run: its steps, overview and world (kept for goto and checks). */
export type ScenarioRun<R> = RunOutcome<R> & {
	context: ScenarioContext;
	/** restore the world to a step's snapshot and return that step */
	goto(step: number): StepRecord;
	frame(step: number): Frame;
	/** free the world's sandbox */
	dispose(): void;
};

function closeStep(s: ScenarioContext, steps: StepRecord[], label: string, notes: string[] = []) {
	s.runBots();
	const pending = s.takePending();
	const head = chainHead(s.chain);
	steps.push({
		index: steps.length,
		label,
		snapshot: s.world.snapshot(),
		stateHash: s.world.stateHash(),
		time: head.timestamp,
		blockNumber: head.number,
		heads: chainHeads(s.world),
		txs: pending.txs,
		notes: [...pending.notes, ...notes],
		balances: s.readBalances()
	});
	s.step = steps.length;
}

const labelOf = (y: StepYield) => (typeof y === 'string' ? { label: y } : y);

/**
 * Run a scenario from a fresh world.
 * @returns the run; on failure (a contract that does not deploy, a broken scenario, the step
 *   budget) `error` is set and `steps` holds what ran before it. Never throws for learner code.
 */
export function runScenario<R>(
	definition: ScenarioDefinition<R>,
	options: RunOptions
): ScenarioRun<R> {
	const world = newWorld(options.seed, definition.chains);
	const s = new ScenarioContext(world, options.sources, options.seed);
	const steps: StepRecord[] = [];
	const maxSteps = definition.maxSteps ?? DEFAULT_MAX_STEPS;
	const every = Math.max(1, options.progressEvery ?? 10);
	let result: R | undefined;
	let error: RunOutcome<R>['error'];
	const report = options.onProgress;
	if (report) s.onWork = (work) => report(steps.length, s.total, work);
	try {
		const body = definition.run(s);
		for (;;) {
			const next = body.next();
			if (next.done) {
				result = next.value;
				if (s.hasPending() || steps.length === 0) closeStep(s, steps, 'End');
				break;
			}
			if (steps.length >= maxSteps) {
				throw new ScenarioError({
					kind: 'runtime',
					message: `the scenario went past its budget of ${maxSteps} steps`
				});
			}
			const { label, notes } = labelOf(next.value);
			closeStep(s, steps, label, notes);
			if (steps.length % every === 0) options.onProgress?.(steps.length, s.total, s.work);
		}
	} catch (thrown) {
		error = toSourceError(thrown);
		if (!(thrown instanceof ScenarioError))
			error.message = `the scenario stopped: ${error.message}`;
		try {
			if (s.hasPending()) closeStep(s, steps, `Stopped: ${error.message}`);
		} catch {
			// the world itself failed; keep the steps we have
		}
	}
	s.onWork = undefined;
	options.onProgress?.(steps.length, s.total ?? steps.length, s.work);
	let overview: RunOverview = s.overview;
	if (!error && definition.overview) {
		try {
			overview = { ...overview, ...definition.overview({ result: result as R, steps, overview }) };
		} catch (thrown) {
			error = {
				kind: 'runtime',
				message: `the scenario's overview failed: ${toSourceError(thrown).message}`
			};
		}
	}
	return {
		steps,
		overview,
		error,
		result,
		context: s,
		goto(step) {
			const record = stepAt(steps, step);
			world.restore(record.snapshot as Parameters<typeof world.restore>[0]);
			return record;
		},
		frame: (step) => toFrame(stepAt(steps, step), steps.length),
		dispose: () => disposeWorld(world)
	};
}

function stepAt(steps: StepRecord[], step: number): StepRecord {
	const record = steps[step];
	if (!record) throw new RangeError(`step ${step} is outside the run (0..${steps.length - 1})`);
	return record;
}

/** A step as the page's Frame (plain data). */
export function toFrame(record: StepRecord, total: number): Frame {
	const frame: Frame = {
		step: record.index,
		total,
		label: record.label,
		time: record.time,
		blockNumber: record.blockNumber,
		heads: record.heads.map((h) => ({ ...h })),
		stateHash: record.stateHash,
		receipts: record.txs.map((tx) => tx.view),
		notes: record.notes
	};
	if (record.balances) frame.balances = record.balances;
	return frame;
}

/** A run as the protocol's RunResult (plain data). */
export function toRunResult<R>(run: ScenarioRun<R>): RunResult {
	if (run.error || run.steps.length === 0) {
		const error = run.error ?? {
			kind: 'runtime' as const,
			message: 'the scenario produced no steps'
		};
		return { ok: false, error, steps: run.steps.length, failures: failedSteps(run.steps) };
	}
	return {
		ok: true,
		steps: run.steps.length,
		failures: failedSteps(run.steps),
		overview: run.overview,
		first: run.frame(0),
		last: run.frame(run.steps.length - 1)
	};
}

/**
 * The steps holding reverted transactions, ascending: index, number of reverted receipts and the
 * first one's error kind (`revert` when it carries no error). Lets the page mark failures on the
 * timeline without fetching every frame.
 */
export function failedSteps(steps: readonly StepRecord[]): FailedStep[] {
	const failed: FailedStep[] = [];
	for (const record of steps) {
		const reverted = record.txs.filter((tx) => tx.view.status === 'reverted');
		if (reverted.length === 0) continue;
		failed.push({
			step: record.index,
			count: reverted.length,
			kind: reverted[0].view.error?.kind ?? 'revert'
		});
	}
	return failed;
}
