// The one worker client (worker/client.ts) that the lesson page and the playground share: calls
// time out with a clear message, a run's limit is time without progress, the worker restarts on
// a crash, a timeout or Cancel with the last load replayed, a crash loop stops restarting, and
// a worker that listens late is still reached. The playground's client rides the same machinery.
import * as Comlink from 'comlink';
import { describe, expect, test } from 'vitest';
import {
	MAX_CRASHES_IN_WINDOW,
	SimCancelledError,
	SimClient,
	SimCrashError,
	SimTimeoutError,
	type RestartReason
} from '#lib/worker/client.ts';
import { PlaygroundClient } from '#lib/playground/client.ts';
import type { RunProgress } from '#lib/model/run.ts';
import type { LoadRequest } from '#lib/worker/protocol.ts';
import type { PlaygroundRequest } from '#lib/playground/types.ts';
import { frameAt } from '../model/frames.ts';
import { FakeWorker, sleep } from './fake-worker.ts';

const frame = (step: number) => frameAt(step, 3);

/** What every fake worker saw, across restarts. */
type Log = { workers: FakeWorker[]; loads: LoadRequest[]; runs: PlaygroundRequest[] };

/** A simulator whose `run` behaves as `mode` says: answer, hang, or report progress slowly. */
function simulator(mode: { run: 'ok' | 'hang' | 'slow-progress' }, listenAfterMs = 0) {
	const log: Log = { workers: [], loads: [], runs: [] };
	const lesson = {
		loaded: null as LoadRequest | null,
		async load(request: LoadRequest) {
			log.loads.push(request);
			this.loaded = request;
			return { ok: true };
		},
		async run(onProgress?: (p: RunProgress) => void) {
			if (mode.run === 'hang') await new Promise(() => {});
			if (mode.run === 'slow-progress') {
				for (let step = 1; step <= 6; step++) {
					await sleep(40);
					await onProgress?.({ step, total: 6 });
				}
			}
			if (!this.loaded) throw new Error('nothing loaded');
			return { ok: true, steps: 3, first: frame(0), last: frame(2), overview: {}, failures: [] };
		},
		async goto(step: number) {
			return frame(step);
		}
	};
	const playground = {
		async run(request: PlaygroundRequest) {
			log.runs.push(request);
			if (mode.run === 'hang') await new Promise(() => {});
			return { steps: 1, first: frame(0), last: frame(0), overview: {}, contracts: [], errors: [] };
		},
		async goto(step: number) {
			return frame(step);
		},
		async read() {
			return { ok: true, value: '42' };
		}
	};
	const createWorker = () => {
		// each worker gets a fresh session, as a real worker does
		const api = {
			lesson: Comlink.proxy({ ...lesson, loaded: null }),
			playground: Comlink.proxy({ ...playground })
		};
		const worker = new FakeWorker(api, listenAfterMs);
		log.workers.push(worker);
		return worker as unknown as Worker;
	};
	return { log, createWorker };
}

const LOAD: LoadRequest = { lessonId: 'a/b', sources: { 'contracts/A.ts': 'x' }, seed: 7 };
const REQUEST: PlaygroundRequest = { template: 'one-chain', sources: {}, seed: 1, actions: [] };

/** A lesson client whose loaded run hangs; the run is under way when this resolves. */
async function hungRun(timeouts?: { run: number }) {
	const sim = simulator({ run: 'hang' });
	const restarts: RestartReason[] = [];
	const client = new SimClient({
		createWorker: sim.createWorker,
		timeouts,
		onRestart: (r) => restarts.push(r)
	});
	await client.load(LOAD);
	const running = client.run().catch((e: unknown) => e);
	await sleep(30);
	return { sim, restarts, client, running };
}

describe('SimClient (the lesson)', () => {
	test('loads, runs and goes to a step through the worker', { timeout: 10_000 }, async () => {
		const { log, createWorker } = simulator({ run: 'ok' });
		const client = new SimClient({ createWorker });
		expect(await client.load(LOAD)).toEqual({ ok: true });
		expect((await client.run()).ok).toBe(true);
		expect((await client.goto(2)).step).toBe(2);
		expect(log.loads).toEqual([LOAD]);
		client.dispose();
	});

	test('reaches a worker that starts listening late (handshake)', { timeout: 10_000 }, async () => {
		const { createWorker } = simulator({ run: 'ok' }, 150);
		const client = new SimClient({ createWorker });
		expect(await client.load(LOAD)).toEqual({ ok: true });
		client.dispose();
	});

	test(
		'a hung run times out, restarts the worker and replays the load',
		{ timeout: 10_000 },
		async () => {
			const { sim, restarts, client, running } = await hungRun({ run: 150 });
			const error = await running;
			expect(error).toBeInstanceOf(SimTimeoutError);
			expect((error as Error).message).toMatch(/did not finish run within 1 s.*endless loop/);
			expect(restarts).toEqual(['timeout']);
			expect(sim.log.workers).toHaveLength(2);
			expect(sim.log.workers[0].terminated).toBe(true);
			// the next call waits for the replayed load in the new worker
			expect((await client.goto(1)).step).toBe(1);
			expect(sim.log.loads).toEqual([LOAD, LOAD]);
			client.dispose();
		}
	);

	test(
		'progress resets the run limit: a long run that reports keeps going',
		{ timeout: 10_000 },
		async () => {
			const { createWorker } = simulator({ run: 'slow-progress' });
			const seen: number[] = [];
			const client = new SimClient({ createWorker, timeouts: { run: 150 } });
			await client.load(LOAD);
			// six reports 40 ms apart: 240 ms in all, more than the 150 ms limit without progress
			const result = await client.run((p) => seen.push(p.step));
			expect(result.ok).toBe(true);
			expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
			client.dispose();
		}
	);

	test(
		'Cancel rejects the run with SimCancelledError and restarts',
		{ timeout: 10_000 },
		async () => {
			const { sim, restarts, client, running } = await hungRun();
			client.cancel();
			expect(await running).toBeInstanceOf(SimCancelledError);
			expect(restarts).toEqual(['cancel']);
			expect((await client.goto(0)).step).toBe(0);
			expect(sim.log.loads).toHaveLength(2);
			client.dispose();
		}
	);

	test(
		'a crash restarts; a crash loop stops restarting with a clear error',
		{ timeout: 10_000 },
		async () => {
			const { sim, restarts, client, running } = await hungRun();
			sim.log.workers[0].die();
			const crashed = await running;
			expect(crashed).toBeInstanceOf(SimCrashError);
			expect((crashed as Error).message).toMatch(/stopped unexpectedly and was restarted/);
			expect(restarts).toEqual(['crash']);
			for (let i = 0; i < MAX_CRASHES_IN_WINDOW; i++) sim.log.workers.at(-1)!.die();
			expect(restarts).toHaveLength(MAX_CRASHES_IN_WINDOW);
			const broken = await client.goto(0).catch((e: unknown) => e);
			expect(broken).toBeInstanceOf(SimCrashError);
			expect((broken as Error).message).toMatch(/keeps stopping. Reload the page/);
			expect(sim.log.workers.at(-1)!.terminated).toBe(true);
			client.dispose();
		}
	);

	test('after dispose every call is refused', { timeout: 10_000 }, async () => {
		const { createWorker } = simulator({ run: 'ok' });
		const client = new SimClient({ createWorker });
		client.dispose();
		await expect(client.load(LOAD)).rejects.toBeInstanceOf(SimCancelledError);
	});
});

describe('PlaygroundClient (the playground, on the same client)', () => {
	test(
		'runs, goes to a step and reads through the playground session',
		{ timeout: 10_000 },
		async () => {
			const sim = simulator({ run: 'ok' });
			const client = new PlaygroundClient({ createWorker: sim.createWorker });
			expect((await client.run(REQUEST)).steps).toBe(1);
			expect((await client.goto(0)).step).toBe(0);
			expect(await client.read({ chainId: 1, to: 'A', method: 'x', args: [] })).toEqual({
				ok: true,
				value: '42'
			});
			expect(sim.log.runs).toEqual([REQUEST]);
			expect(sim.log.loads).toEqual([]);
			client.dispose();
		}
	);

	test(
		'a crash restarts the worker and replays nothing (the page runs again)',
		{ timeout: 10_000 },
		async () => {
			const sim = simulator({ run: 'hang' });
			const restarts: RestartReason[] = [];
			const client = new PlaygroundClient({
				createWorker: sim.createWorker,
				onRestart: (r) => restarts.push(r)
			});
			const running = client.run(REQUEST).catch((e: unknown) => e);
			await sleep(30);
			sim.log.workers[0].die();
			expect(await running).toBeInstanceOf(SimCrashError);
			expect(restarts).toEqual(['crash']);
			expect((await client.goto(0)).step).toBe(0);
			expect(sim.log.runs).toHaveLength(1);
			client.dispose();
		}
	);

	test('a crash loop stops the playground too', { timeout: 10_000 }, async () => {
		const sim = simulator({ run: 'ok' });
		const client = new PlaygroundClient({ createWorker: sim.createWorker });
		for (let i = 0; i <= MAX_CRASHES_IN_WINDOW; i++) sim.log.workers.at(-1)!.die();
		await expect(client.run(REQUEST)).rejects.toThrow(/keeps stopping/);
		client.dispose();
	});
});
