/**
 * The playground's typed face on the simulator worker (its `playground` session), on the one
 * generic WorkerClient: every call timed out with a clear message, a restart (told through
 * `onRestart`) when the worker dies or hangs, and no restarts once it keeps dying. Nothing is
 * replayed: after a restart the page simply runs the script again.
 */
import type * as Comlink from 'comlink';
import { WorkerClient, type WorkerClientOptions } from '#lib/worker/client.ts';
import type { WorkerApi } from '#lib/worker/protocol.ts';
import type { Frame } from '#lib/model/frame.ts';
import type { Abi, PlaygroundRequest, PlaygroundResult, ReadRequest, ReadResult } from './types.ts';

/**
 * Milliseconds a call may take before the worker is restarted. The ABIs are asked for while the
 * learner types, so that call may wait behind a whole run: it gets the run's limit.
 */
export const PLAYGROUND_TIMEOUTS = { run: 60_000, goto: 15_000, read: 15_000, abi: 60_000 };

type Session = Comlink.Remote<WorkerApi>['playground'];

export class PlaygroundClient {
	readonly #client: WorkerClient<WorkerApi>;

	constructor(options: WorkerClientOptions = {}) {
		this.#client = new WorkerClient<WorkerApi>(options);
	}

	/** Runs a workspace's script from a fresh world. */
	run(request: PlaygroundRequest): Promise<PlaygroundResult> {
		return this.#call('the run', PLAYGROUND_TIMEOUTS.run, (s) => s.run(request));
	}

	/** Shows a step (restores its snapshot). */
	goto(step: number): Promise<Frame> {
		return this.#call('the step', PLAYGROUND_TIMEOUTS.goto, (s) => s.goto(step));
	}

	/** A read-only call at the step shown. */
	read(request: ReadRequest): Promise<ReadResult> {
		const fn = (s: Session) => s.read(request) as Promise<ReadResult>;
		return this.#call('the read', PLAYGROUND_TIMEOUTS.read, fn);
	}

	/** The ABI of each contract file that parses, by path (see PlaygroundApi.abi). */
	abi(sources: Record<string, string>): Promise<Record<string, Abi | null>> {
		return this.#call('reading the contracts', PLAYGROUND_TIMEOUTS.abi, (s) => s.abi(sources));
	}

	/** Terminates the worker for good (page teardown). */
	dispose(): void {
		this.#client.dispose();
	}

	#call<T>(name: string, timeoutMs: number, fn: (session: Session) => Promise<T>): Promise<T> {
		return this.#client.call({ name, timeoutMs, fn: (r) => fn(r.playground) });
	}
}
