/**
 * The worker protocol: the API the simulation worker exposes with Comlink and the requests it
 * takes. The plain data shapes it answers with (Frame, ReceiptView, RunOverview, CheckResult, ...)
 * live in src/lib/model/, so the page's layers can name them without importing the worker.
 */
import type { ProxyMarked } from 'comlink';
import type { SourceError } from '#lib/model/errors.ts';
import type { Frame } from '#lib/model/frame.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { CheckResult, RunProgress, RunResult } from '#lib/model/run.ts';
import type { PlaygroundApi } from '#lib/playground/types.ts';

/** What the page sends to load a lesson: its id, every contract source and the seed. */
export type LoadRequest = {
	/** `track/lesson`, e.g. `02-lending/03-liquidation-call` */
	lessonId: string;
	/** every contract file of the lesson by path, the learner's edits included */
	sources: Record<string, string>;
	seed: number;
};

/** Whether the lesson loaded, else the located errors of every source that did not compile. */
export type LoadResult = { ok: true } | { ok: false; errors: SourceError[] };

/** The API the worker exposes with Comlink. */
export interface SessionApi {
	load(request: LoadRequest): Promise<LoadResult>;
	run(onProgress?: (progress: RunProgress) => void): Promise<RunResult>;
	/** jump to a step; returns the frame there (restores the snapshot, no re-execution) */
	goto(step: number): Promise<Frame>;
	frame(step: number): Promise<Frame>;
	/** receipts of steps `from..to` inclusive */
	trace(from: number, to: number): Promise<ReceiptView[]>;
	check(): Promise<CheckResult[]>;
}

/**
 * What the one simulator worker (`sim.worker.ts`) exposes with Comlink: the lesson session and
 * the playground session, side by side, so the engine is bundled and precached once.
 */
export interface WorkerApi {
	/** proxied (Comlink.proxy): `remote.lesson.run(...)` is one call into the worker's Session */
	lesson: SessionApi & ProxyMarked;
	playground: PlaygroundApi & ProxyMarked;
}
