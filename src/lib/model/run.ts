/** The outcome of a Run and of Check: plain data the worker sends back to the page. */
import type { ErrorKind, SourceError } from './errors.ts';
import type { Frame } from './frame.ts';
import type { RunOverview } from './overview.ts';

/** The world seed a lesson or the playground runs with unless a share link or script says otherwise. */
export const DEFAULT_SEED = 42;

/** One check of a lesson after Check: passed or not, and why, in the learner's terms. */
export type CheckResult = {
	id: string;
	title: string;
	passed: boolean;
	/** what was expected and what happened, in the learner's terms */
	message: string;
};

/**
 * Work a scenario counts inside its steps (`s.progress(done, total, unit)`): 370 of 1,000
 * `years`, when one step runs many of them.
 */
export type RunWork = { done: number; total: number; unit: string };

/**
 * How far a run is: steps done so far, of `total` when the scenario knows it, and the work
 * inside the steps when the scenario reports it.
 */
export type RunProgress = { step: number; total: number | null; work?: RunWork };

/**
 * A step of the run holding reverted or failed transactions: its 0-based index, how many of its
 * receipts failed, and the error kind of the first of them (`revert` when a receipt has no error).
 */
export type FailedStep = { step: number; count: number; kind: ErrorKind };

/**
 * The outcome of a Run: the first and last frames, the overview and the steps holding failed
 * transactions (ascending), or the failure that ended it (with the failed steps before it).
 */
export type RunResult =
	| {
			ok: true;
			steps: number;
			overview: RunOverview;
			first: Frame;
			last: Frame;
			failures: FailedStep[];
	  }
	| {
			ok: false;
			error: SourceError;
			/** frames produced before the failure, if any */ steps: number;
			failures: FailedStep[];
	  };
