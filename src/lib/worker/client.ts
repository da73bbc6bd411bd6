/**
 * SimClient: the page's side of the simulation worker. It owns one worker and its Comlink proxy
 * for the page's life, times every call out with a clear message instead of hanging, restarts
 * the worker when it dies, times out or is cancelled, and replays the last `load` afterwards so
 * the next call works. Only types cross from the worker side (see protocol.ts).
 */
import * as Comlink from 'comlink';
import type { Frame } from '#lib/model/frame.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { CheckResult, RunProgress, RunResult } from '#lib/model/run.ts';
import type { LoadRequest, LoadResult, SessionApi } from './protocol.ts';

/** Milliseconds each call may take. `run` is an inactivity limit: each progress report resets it. */
export type SimTimeouts = { load: number; run: number; step: number; check: number };

export const DEFAULT_TIMEOUTS: SimTimeouts = {
	load: 30_000,
	run: 45_000,
	step: 15_000,
	check: 120_000
};

export type RestartReason = 'cancel' | 'crash' | 'timeout';

export type SimClientOptions = {
	/** makes a worker exposing a SessionApi (tests pass a fake) */
	createWorker?: () => Worker;
	timeouts?: Partial<SimTimeouts>;
	/** told after each restart; the new worker has the last load replayed but no run */
	onRestart?: (reason: RestartReason) => void;
};

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

function defaultWorker(): Worker {
	return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
}

type Pending = { reject: (e: Error) => void };

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

const RESTART_WINDOW_MS = 10_000;
const MAX_CRASHES_IN_WINDOW = 3;

export class SimClient {
	readonly #createWorker: () => Worker;
	readonly #timeouts: SimTimeouts;
	readonly #onRestart: (reason: RestartReason) => void;
	#worker: Worker | null = null;
	#remote: Comlink.Remote<SessionApi> | null = null;
	#pending = new Set<Pending>();
	#lastLoad: LoadRequest | null = null;
	/** the replay of the last load into a fresh worker, awaited by the next call */
	#replay: Promise<unknown> = Promise.resolve();
	/** resolves once the current worker answers at all (see #handshake) */
	#booted: Promise<void> = Promise.resolve();
	#crashes: number[] = [];
	#disposed = false;
	#broken: string | null = null;

	constructor(options: SimClientOptions = {}) {
		this.#createWorker = options.createWorker ?? defaultWorker;
		this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
		this.#onRestart = options.onRestart ?? (() => {});
		this.#start();
	}

	/** Compiles and deploys the lesson's sources in the worker. Remembered for replays. */
	load(request: LoadRequest): Promise<LoadResult> {
		this.#lastLoad = request;
		this.#replay = Promise.resolve();
		return this.#call<LoadResult>(
			'load',
			(r) => r.load(request) as Promise<LoadResult>,
			this.#timeouts.load
		);
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
			return await this.#call<RunResult>(
				'run',
				(r) => r.run(callback) as Promise<RunResult>,
				this.#timeouts.run,
				(reset) => {
					touch = reset;
				}
			);
		} finally {
			// the worker side drops its handle when it is done; ours stops forwarding now
			live = false;
		}
	}

	/** Jumps to a step (restores its snapshot) and returns its frame. */
	goto(step: number): Promise<Frame> {
		return this.#call('goto', (r) => r.goto(step), this.#timeouts.step);
	}

	frame(step: number): Promise<Frame> {
		return this.#call('frame', (r) => r.frame(step), this.#timeouts.step);
	}

	/** Receipts of steps `from..to`, inclusive. */
	trace(from: number, to: number): Promise<ReceiptView[]> {
		return this.#call('trace', (r) => r.trace(from, to), this.#timeouts.step);
	}

	check(): Promise<CheckResult[]> {
		return this.#call('check', (r) => r.check(), this.#timeouts.check);
	}

	/**
	 * Stops whatever the worker is doing: terminates it, rejects pending calls with
	 * SimCancelledError and starts a fresh worker with the last load replayed.
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
		this.#remote = Comlink.wrap<SessionApi>(worker);
		this.#booted = handshake(this.#remote, () => this.#worker === worker);
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
		if (this.#lastLoad) {
			const request = this.#lastLoad;
			const remote = this.#remote;
			this.#replay = this.#booted
				.then(() => remote.load(request) as Promise<LoadResult>)
				.catch(() => {});
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

	/**
	 * Runs one remote call with a timeout. `onReset` receives a function that restarts the clock
	 * (used by `run`, whose limit is time without progress).
	 */
	async #call<T>(
		name: string,
		fn: (remote: Comlink.Remote<SessionApi>) => Promise<T>,
		timeoutMs: number,
		onReset?: (reset: () => void) => void
	): Promise<T> {
		if (this.#broken) throw new SimCrashError(this.#broken);
		if (this.#disposed || !this.#remote) throw new SimCancelledError('The simulator was closed.');
		if (name !== 'load') await this.#replay;
		const remote = this.#remote;
		if (!remote) throw new SimCancelledError('Cancelled.');

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
					const error = new SimTimeoutError(
						`The simulator did not finish ${name} within ${secs} s, so Chainlab restarted it. ` +
							'Look for an endless loop in your code, then try again.'
					);
					this.#pending.delete(entry);
					reject(error);
					this.#restart('timeout', new SimCancelledError('Restarted after a timeout.'));
				}, timeoutMs);
			};
			this.#pending.add(entry);
			arm();
			onReset?.(arm);
			this.#booted
				.then(() => fn(remote) as Promise<T>)
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
