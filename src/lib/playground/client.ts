/**
 * The page's side of the playground worker: one worker and its Comlink proxy for the page's life,
 * every call timed out with a clear message, and a restart (told through `onRestart`) when the
 * worker dies or hangs. The page then simply runs the script again.
 */
import * as Comlink from 'comlink';
import {
	SimCancelledError,
	SimCrashError,
	SimTimeoutError,
	handshake
} from '#lib/worker/client.ts';
import type { Frame } from '#lib/model/frame.ts';
import type {
	PlaygroundApi,
	PlaygroundRequest,
	PlaygroundResult,
	ReadRequest,
	ReadResult
} from './types.ts';

/** Milliseconds a call may take before the worker is restarted. */
const TIMEOUTS = { run: 60_000, goto: 15_000, read: 15_000 };

export type PlaygroundClientOptions = {
	/** makes the worker (tests pass a fake) */
	createWorker?: () => Worker;
	/** told after the worker was restarted (it has no run then) */
	onRestart?: (reason: 'crash' | 'timeout') => void;
};

function defaultWorker(): Worker {
	return new Worker(new URL('../worker/playground.worker.ts', import.meta.url), { type: 'module' });
}

export class PlaygroundClient {
	readonly #create: () => Worker;
	readonly #onRestart: (reason: 'crash' | 'timeout') => void;
	#worker: Worker | null = null;
	#remote: Comlink.Remote<PlaygroundApi> | null = null;
	#booted: Promise<void> = Promise.resolve();
	#pending = new Set<(error: Error) => void>();
	#disposed = false;

	constructor(options: PlaygroundClientOptions = {}) {
		this.#create = options.createWorker ?? defaultWorker;
		this.#onRestart = options.onRestart ?? (() => {});
		this.#start();
	}

	/** Runs a workspace's script from a fresh world. */
	run(request: PlaygroundRequest): Promise<PlaygroundResult> {
		return this.#call('run', (r) => r.run(request), TIMEOUTS.run);
	}

	/** Shows a step (restores its snapshot). */
	goto(step: number): Promise<Frame> {
		return this.#call('step', (r) => r.goto(step), TIMEOUTS.goto);
	}

	/** A read-only call at the step shown. */
	read(request: ReadRequest): Promise<ReadResult> {
		return this.#call<ReadResult>(
			'read',
			(r) => r.read(request) as Promise<ReadResult>,
			TIMEOUTS.read
		);
	}

	/** Terminates the worker for good (page teardown). */
	dispose(): void {
		this.#disposed = true;
		this.#stop(new SimCancelledError('The playground was closed.'));
	}

	#start(): void {
		const worker = this.#create();
		const remote = Comlink.wrap<PlaygroundApi>(worker);
		this.#worker = worker;
		this.#remote = remote;
		this.#booted = handshake(remote, () => this.#worker === worker);
		const onDeath = () => {
			if (this.#worker !== worker) return;
			this.#restart(
				'crash',
				new SimCrashError('The simulator stopped unexpectedly and was restarted.')
			);
		};
		worker.addEventListener('error', onDeath);
		worker.addEventListener('messageerror', onDeath);
	}

	#stop(reason: Error): void {
		this.#remote?.[Comlink.releaseProxy]();
		this.#remote = null;
		this.#worker?.terminate();
		this.#worker = null;
		for (const reject of this.#pending) reject(reason);
		this.#pending.clear();
	}

	#restart(why: 'crash' | 'timeout', reason: Error): void {
		this.#stop(reason);
		if (this.#disposed) return;
		this.#start();
		this.#onRestart(why);
	}

	#call<T>(
		name: string,
		fn: (remote: Comlink.Remote<PlaygroundApi>) => Promise<T>,
		timeoutMs: number
	): Promise<T> {
		const remote = this.#remote;
		if (this.#disposed || !remote) {
			return Promise.reject(new SimCancelledError('The playground was closed.'));
		}
		return new Promise<T>((resolve, reject) => {
			const fail = (error: Error) => {
				clearTimeout(timer);
				this.#pending.delete(fail);
				reject(error);
			};
			const timer = setTimeout(() => {
				fail(
					new SimTimeoutError(
						`The simulator did not finish the ${name} within ${timeoutMs / 1000} s, so Chainlab restarted it. Look for an endless loop in your code.`
					)
				);
				this.#restart('timeout', new SimCancelledError('Restarted after a timeout.'));
			}, timeoutMs);
			this.#pending.add(fail);
			this.#booted
				.then(() => fn(remote) as Promise<T>)
				.then(
					(value) => {
						if (!this.#pending.delete(fail)) return;
						clearTimeout(timer);
						resolve(value);
					},
					(error: unknown) => {
						if (!this.#pending.has(fail)) return;
						fail(error instanceof Error ? error : new Error(String(error)));
					}
				);
		});
	}
}
