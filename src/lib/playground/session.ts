/**
 * The simulator worker's playground session: runs a workspace's script, serves the frames of its timeline
 * from the run's snapshots, answers read-only calls at the step shown, and reads the contract files'
 * ABIs for the page's forms. Plain data out.
 */
import { readAbis } from '#lib/scenario/abi.ts';
import { toSourceError } from '#lib/scenario/errors.ts';
import { formatValue } from '#lib/scenario/format.ts';
import type { ScenarioRun } from '#lib/scenario/runner.ts';
import type { Abi } from '#lib/model/abi.ts';
import type { Frame } from '#lib/model/frame.ts';
import { Registry, resolveName, runScript, type ScriptResult } from './script.ts';
import type {
	PlaygroundApi,
	PlaygroundRequest,
	PlaygroundResult,
	ReadRequest,
	ReadResult
} from './types.ts';
import { InputError, readArg } from './values.ts';

export class PlaygroundSession implements PlaygroundApi {
	private current: ScenarioRun<ScriptResult> | undefined;

	/** Runs the script from a fresh world (the previous run is dropped). */
	async run(request: PlaygroundRequest): Promise<PlaygroundResult> {
		this.current?.dispose();
		this.current = undefined;
		const run = runScript(request);
		this.current = run;
		const errors = [...(run.result?.errors ?? [])];
		if (run.error) errors.push({ action: -1, error: run.error });
		const steps = run.steps.length;
		return {
			steps,
			first: steps ? run.frame(0) : null,
			last: steps ? run.frame(steps - 1) : null,
			overview: run.overview,
			contracts: run.result?.contracts ?? [],
			errors
		};
	}

	/** Restores a step's snapshot (no re-execution) and returns its frame. */
	async goto(step: number): Promise<Frame> {
		const run = this.need();
		run.goto(step);
		return run.frame(step);
	}

	/** A read-only call on the world as it is at the step shown; no transaction, no fee. */
	async read(request: ReadRequest): Promise<ReadResult> {
		const run = this.need();
		const s = run.context;
		const registry = new Registry();
		registry.list.push(...(run.result?.contracts ?? []));
		try {
			const to = resolveName(s, registry, request.to, request.chainId);
			const args = request.args.map((input, i) =>
				readArg(input, `argument ${i + 1}`, (t) => resolveName(s, registry, t, request.chainId))
			);
			const value = s.view(to, request.method, args, request.chainId);
			return { ok: true, value: formatValue(value, s) };
		} catch (error) {
			if (error instanceof InputError) {
				return { ok: false, error: { kind: 'runtime', message: error.message } };
			}
			return { ok: false, error: toSourceError(error) };
		}
	}

	/**
	 * The ABI of each contract file (scenario/abi.ts), by path: null for a file without a
	 * default-exported class; a file that does not parse is left out. Needs no run.
	 */
	async abi(sources: Record<string, string>): Promise<Record<string, Abi | null>> {
		return readAbis(sources);
	}

	private need(): ScenarioRun<ScriptResult> {
		if (!this.current) throw new Error('nothing has run yet');
		return this.current;
	}
}
