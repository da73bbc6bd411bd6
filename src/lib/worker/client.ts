/**
 * The page's side of the simulation worker. `WorkerClient<Api>` owns one worker and its Comlink
 * proxy for the page's life: it times every call out with a clear message instead of hanging
 * (a run's limit is time without progress), restarts the worker when it dies, times out or is
 * cancelled, stops restarting when it keeps dying, and replays the last remembered call (a
 * lesson's `load`) into the fresh worker so the next call works. `SimClient` is the lesson's typed
 * face on it; `playground/client.ts` is the playground's. Only types cross from the worker side
 * (see protocol.ts); both talk to the one worker entry, `sim.worker.ts`.
 */
import * as Comlink from 'comlink';
import type { Frame } from '#lib/model/frame.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { CheckResult, RunProgress, RunResult } from '#lib/model/run.ts';
import type { LoadRequest, LoadResult, WorkerApi } from './protocol.ts';

/** Milliseconds each call may take. `run` is an inactivity limit: each progress report resets it. */
export type SimTimeouts = { load: number; run: number; step: number; check: number };

export const DEFAULT_TIMEOUTS: SimTimeouts = {
	load: 30_000,
	run: 45_000,
	step: 15_000,
	check: 120_000
};

export type RestartReason = 'cancel' | 'crash' | 'timeout';

/** How a WorkerClient makes its worker and tells its owner about restarts. */
export type WorkerClientOptions = {
	/** makes the worker (tests pass a fake); by default the one simulator worker, sim.worker.ts */
	createWorker?: () => Worker;
	/** told after each restart; the new worker has the last remembered call replayed, nothing else */
	onRestart?: (reason: RestartReason) => void;
};

export type SimClientOptions = WorkerClientOptions & { timeouts?: Partial<SimTimeouts> };

/** A call ended because the learner pressed Cancel (or a restart interrupted it). */
export class SimCancelledError extends Error {
	override name = 'SimCancelledError';
}
/** The worker did not answer in time; it has been restarted. */
export class SimTimeoutError extends Error {
	override name = 'SimTimeoutError';
}
/** The worker died or could not start. */
export class SimCrashError extends Error {
	override name = 'SimCrashError';
}

/** True for the error a cancelled call rejects with. */
export const isCancelled = (e: unknown): e is SimCancelledError => e instanceof SimCancelledError;

/** The one simulator worker: it serves the lesson session and the playground session. */
export function simulatorWorker(): Worker {
	return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Resolves once a Comlink worker answers a ping, or once `alive()` turns false. A module worker
 * may finish loading asynchronously (the sandbox's wasm is awaited at its top level) and a
 * message that arrives before it listens is dropped, so it is pinged until it answers, backing
 * off from 50 ms to 1 s.
 */
export async function handshake(remote: object, alive: () => boolean): Promise<void> {
	// awaiting any property of a Comlink proxy is a round trip to the worker
	const ping = () => (remote as Record<string, PromiseLike<unknown>>).handshake;
	for (let wait = 50; alive(); wait = Math.min(1000, wait * 2)) {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const answered = await Promise.race([
			Promise.resolve(ping()).then(
				() => true,
				() => true
			),
			new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), wait)))
		]);
		clearTimeout(timer);
		if (answered) return;
	}
}

/** Deaths within this many milliseconds that count as a crash loop. */
export const RESTART_WINDOW_MS = 10_000;
/** More deaths than this within RESTART_WINDOW_MS and the worker is not started again. */
export const MAX_CRASHES_IN_WINDOW = 3;

/** One remote call: a name for messages, the call itself and its time limit. */
export type CallSpec<Api, T> = {
	/** what the learner reads in a timeout message ("did not finish <name>") */
	name: string;
	fn: (remote: Comlink.Remote<Api>) => Promise<T>;
	/** milliseconds; with `onReset`, milliseconds without a reset */
	timeoutMs: number;
	/** receives a function that restarts the clock (a run's progress reports call it) */
	onReset?: (reset: () => void) => void;
	/** replay this call into every fresh worker before any other call (a lesson's load) */
	remember?: boolean;
};

type Pending = { reject: (e: Error) => void };

/**
 * A Comlink worker that survives its worker: see the file's comment. `Api` is what the worker
 * exposes (`WorkerApi` for the simulator).
 */
export class WorkerClient<Api extends object> {
	readonly #createWorker: () => Worker;
	readonly #onRestart: (reason: RestartReason) => void;
	#worker: Worker | null = null;
	#remote: Comlink.Remote<Api> | null = null;
	#pending = new Set<Pending>();
	#remembered: ((remote: Comlink.Remote<Api>) => Promise<unknown>) | null = null;
	/** the replay of the remembered call into a fresh worker, awaited by the next call */
	#replay: Promise<unknown> = Promise.resolve();
	/** resolves once the current worker answers at all (see handshake) */
	#booted: Promise<void> = Promise.resolve();
	#crashes: number[] = [];
	#disposed = false;
	#broken: string | null = null;

	constructor(options: WorkerClientOptions = {}) {
		this.#createWorker = options.createWorker ?? simulatorWorker;
		this.#onRestart = options.onRestart ?? (() => {});
		this.#start();
	}

	/**
	 * Runs one remote call with its time limit. On timeout the call rejects with SimTimeoutError
	 * and the worker is restarted (other pending calls reject with SimCancelledError).
	 * @throws SimCrashError when the worker keeps dying or could not start;
	 *   SimCancelledError after dispose() or when a restart interrupts the call
	 */
	async call<T>(spec: CallSpec<Api, T>): Promise<T> {
		if (this.#broken) throw new SimCrashError(this.#broken);
		if (this.#disposed || !this.#remote) throw new SimCancelledError('The simulator was closed.');
		if (spec.remember) {
			this.#remembered = spec.fn;
			this.#replay = Promise.resolve();
		} else {
			await this.#replay;
		}
		const remote = this.#remote;
		if (!remote) throw new SimCancelledError('Cancelled.');
		return this.#send(remote, spec);
	}

	/**
	 * Stops whatever the worker is doing: terminates it, rejects pending calls with
	 * SimCancelledError and starts a fresh worker with the remembered call replayed.
	 */
	cancel(): void {
		this.#restart('cancel', new SimCancelledError('Cancelled.'));
	}

	/** Terminates the worker for good (page teardown). */
	dispose(): void {
		this.#disposed = true;
		this.#stop(new SimCancelledError('The simulator was closed.'));
	}

	#start(): void {
		let worker: Worker;
		try {
			worker = this.#createWorker();
		} catch (error) {
			this.#broken = `The simulator could not start: ${(error as Error).message}`;
			return;
		}
		this.#worker = worker;
		const remote = Comlink.wrap<Api>(worker);
		this.#remote = remote;
		this.#booted = handshake(remote, () => this.#worker === worker);
		const onDeath = () => {
			if (this.#worker !== worker) return;
			const now = Date.now();
			this.#crashes = this.#crashes.filter((t) => now - t < RESTART_WINDOW_MS).concat(now);
			if (this.#crashes.length > MAX_CRASHES_IN_WINDOW) {
				this.#broken = 'The simulator keeps stopping. Reload the page to start it again.';
				this.#stop(new SimCrashError(this.#broken));
				return;
			}
			this.#restart(
				'crash',
				new SimCrashError('The simulator stopped unexpectedly and was restarted. Press Run again.')
			);
		};
		worker.addEventListener('error', onDeath);
		worker.addEventListener('messageerror', onDeath);
		const remembered = this.#remembered;
		if (remembered) {
			this.#replay = this.#booted.then(() => remembered(remote)).catch(() => {});
		}
	}

	#stop(reason: Error): void {
		const remote = this.#remote;
		this.#remote = null;
		this.#worker?.terminate();
		this.#worker = null;
		if (remote) remote[Comlink.releaseProxy]();
		for (const p of this.#pending) p.reject(reason);
		this.#pending.clear();
	}

	#restart(why: RestartReason, reason: Error): void {
		this.#stop(reason);
		if (this.#disposed || this.#broken) return;
		this.#start();
		this.#onRestart(why);
	}

	#send<T>(remote: Comlink.Remote<Api>, spec: CallSpec<Api, T>): Promise<T> {
		const { name, fn, timeoutMs, onReset } = spec;
		return new Promise<T>((resolve, reject) => {
			let timer: ReturnType<typeof setTimeout>;
			const entry: Pending = {
				reject: (e) => {
					clearTimeout(timer);
					reject(e);
				}
			};
			const arm = () => {
				clearTimeout(timer);
				timer = setTimeout(() => {
					if (!this.#pending.has(entry)) return;
					const secs = Math.max(1, Math.round(timeoutMs / 1000));
					this.#pending.delete(entry);
					reject(
						new SimTimeoutError(
							`The simulator did not finish ${name} within ${secs} s, so Chainlab restarted it. ` +
								'Look for an endless loop in your code, then try again.'
						)
					);
					this.#restart('timeout', new SimCancelledError('Restarted after a timeout.'));
				}, timeoutMs);
			};
			this.#pending.add(entry);
			arm();
			onReset?.(arm);
			this.#booted
				.then(() => fn(remote))
				.then(
					(value) => {
						if (!this.#pending.delete(entry)) return;
						clearTimeout(timer);
						resolve(value);
					},
					(error: unknown) => {
						if (!this.#pending.delete(entry)) return;
						clearTimeout(timer);
						reject(error instanceof Error ? error : new Error(String(error)));
					}
				);
		});
	}
}

/** The lesson's typed face on the simulator worker (its `lesson` session). */
export class SimClient {
	readonly #client: WorkerClient<WorkerApi>;
	readonly #timeouts: SimTimeouts;

	constructor(options: SimClientOptions = {}) {
		this.#client = new WorkerClient<WorkerApi>(options);
		this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
	}

	/** Compiles and deploys the lesson's sources in the worker. Remembered for replays. */
	load(request: LoadRequest): Promise<LoadResult> {
		const fn = (s: LessonRemote) => s.load(request) as Promise<LoadResult>;
		return this.#call('load', this.#timeouts.load, fn, { remember: true });
	}

	/**
	 * Runs the loaded scenario. `onProgress` is called with each progress report; it is proxied
	 * with Comlink for this run only and goes quiet once the run settles.
	 */
	async run(onProgress?: (progress: RunProgress) => void): Promise<RunResult> {
		let live = true;
		let touch = () => {};
		const callback = Comlink.proxy((p: RunProgress) => {
			if (!live) return;
			touch();
			onProgress?.(p);
		});
		try {
			const fn = (s: LessonRemote) => s.run(callback) as Promise<RunResult>;
			return await this.#call('run', this.#timeouts.run, fn, { onReset: (r) => (touch = r) });
		} finally {
			// the worker side drops its handle when it is done; ours stops forwarding now
			live = false;
		}
	}

	/** Jumps to a step (restores its snapshot) and returns its frame. */
	goto(step: number): Promise<Frame> {
		return this.#call('goto', this.#timeouts.step, (s) => s.goto(step));
	}

	frame(step: number): Promise<Frame> {
		return this.#call('frame', this.#timeouts.step, (s) => s.frame(step));
	}

	/** Receipts of steps `from..to`, inclusive. */
	trace(from: number, to: number): Promise<ReceiptView[]> {
		return this.#call('trace', this.#timeouts.step, (s) => s.trace(from, to));
	}

	check(): Promise<CheckResult[]> {
		return this.#call('check', this.#timeouts.check, (s) => s.check());
	}

	/** See WorkerClient.cancel. */
	cancel(): void {
		this.#client.cancel();
	}

	/** Terminates the worker for good (page teardown). */
	dispose(): void {
		this.#client.dispose();
	}

	#call<T>(
		name: string,
		timeoutMs: number,
		fn: (session: LessonRemote) => Promise<T>,
		more: Pick<CallSpec<WorkerApi, T>, 'onReset' | 'remember'> = {}
	): Promise<T> {
		return this.#client.call({ name, timeoutMs, fn: (r) => fn(r.lesson), ...more });
	}
}

type LessonRemote = Comlink.Remote<WorkerApi>['lesson'];
