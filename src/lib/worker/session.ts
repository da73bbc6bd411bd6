/**
 * The worker-side Session (SessionApi of protocol.ts): loads a lesson's scenario and sources,
 * runs it, serves frames and traces from the run's step snapshots, runs checks. Everything it
 * returns is plain data. Cancellation is the client terminating the worker; a new worker gets a
 * fresh Session, so the client simply loads again.
 */
import type { Frame } from '#lib/model/frame.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { CheckResult, RunProgress, RunResult, RunWork } from '#lib/model/run.ts';
import type { LoadRequest, LoadResult, SessionApi } from './protocol.ts';
import type { ScenarioDefinition } from '#lib/scenario/types.ts';
import { runChecks } from '#lib/scenario/checks.ts';
import { loadScenario } from '#lib/scenario/registry.ts';
import { lessonSources } from '#lib/scenario/run-lesson.ts';
import { runScenario, toRunResult, type ScenarioRun } from '#lib/scenario/runner.ts';
import { syntaxErrors } from '#lib/scenario/syntax.ts';

/** At most this many progress callbacks per second (each one is a postMessage). */
const PROGRESS_PER_SECOND = 20;

/**
 * Wrap a progress callback so it fires at most `perSecond` times a second (a forced report always
 * goes through). Errors from the callback (a released Comlink proxy) are swallowed so they cannot
 * break a run.
 * @param clock milliseconds, monotonic (performance.now by default)
 */
export function throttleProgress(
	onProgress: ((progress: RunProgress) => void) | undefined,
	perSecond = PROGRESS_PER_SECOND,
	clock: () => number = () => performance.now()
): (step: number, total: number | null, force?: boolean, work?: RunWork) => void {
	let last = -Infinity;
	return (step, total, force = false, work) => {
		const now = clock();
		if (!onProgress || (!force && now - last < 1000 / perSecond)) return;
		last = now;
		try {
			onProgress(work ? { step, total, work } : { step, total });
		} catch {
			// a released callback must not break the run
		}
	};
}

type Loaded = {
	lessonId: string;
	definition: ScenarioDefinition<unknown>;
	sources: Record<string, string>;
	seed: number;
};

export class Session implements SessionApi {
	private loaded: Loaded | undefined;
	private current: ScenarioRun<unknown> | undefined;

	/**
	 * Load a lesson: find its scenario, complete the sources with its fixed files, and report
	 * syntax errors (file and line) before anything runs. Drops the previous run.
	 */
	async load(request: LoadRequest): Promise<LoadResult> {
		this.drop();
		this.loaded = undefined;
		try {
			const definition = await loadScenario(request.lessonId);
			const sources = lessonSources(request.lessonId, request.sources);
			this.loaded = { lessonId: request.lessonId, definition, sources, seed: request.seed };
			const errors = syntaxErrors(request.sources);
			return errors.length ? { ok: false, errors } : { ok: true };
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			return { ok: false, errors: [{ kind: 'runtime', message }] };
		}
	}

	/**
	 * Run the loaded scenario from a fresh world. Progress is throttled to about 20 callbacks a
	 * second, plus one at the end.
	 * @throws Error when nothing is loaded
	 */
	async run(onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		const loaded = this.need();
		this.drop();
		const report = throttleProgress(onProgress);
		const run = runScenario(loaded.definition, {
			sources: loaded.sources,
			seed: loaded.seed,
			progressEvery: 1,
			onProgress: (step, total, work) => report(step, total, false, work)
		});
		report(run.steps.length, run.steps.length, true, run.context.work);
		this.current = run;
		return toRunResult(run);
	}

	/** Restore the world to a step's snapshot (no re-execution) and return its frame. */
	async goto(step: number): Promise<Frame> {
		const run = this.needRun();
		run.goto(step);
		return run.frame(step);
	}

	/** The frame of a step, without moving the world. */
	async frame(step: number): Promise<Frame> {
		return this.needRun().frame(step);
	}

	/** Receipts of steps `from..to` inclusive (clamped to the run). */
	async trace(from: number, to: number): Promise<ReceiptView[]> {
		const steps = this.needRun().steps;
		const start = Math.max(0, Math.floor(from));
		const end = Math.min(steps.length - 1, Math.floor(to));
		return steps.slice(start, end + 1).flatMap((step) => step.txs.map((tx) => tx.view));
	}

	/** Run every check of the lesson; runs the scenario first when it has not run yet. */
	async check(): Promise<CheckResult[]> {
		const loaded = this.need();
		if (!this.current) await this.run();
		return runChecks(loaded.definition, this.current!);
	}

	private need(): Loaded {
		if (!this.loaded) throw new Error('no lesson is loaded: call load() first');
		return this.loaded;
	}

	private needRun(): ScenarioRun<unknown> {
		if (!this.current) throw new Error('nothing has run yet: call run() first');
		return this.current;
	}

	private drop(): void {
		this.current?.dispose();
		this.current = undefined;
	}
}
