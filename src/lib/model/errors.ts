/**
 * Why something failed, in the learner's terms: the one list of error kinds (see
 * docs/architecture.md, "The engine") and a failure located in the learner's source.
 * Plain, structured-clone-safe data; this folder imports nothing of the app.
 */

/**
 * Every error kind, in a stable order: the engine's six (`revert`, `out-of-gas`, `runtime`,
 * `call-depth`, `memory`, `invalid-tx`), `syntax` for source that does not compile, and
 * `cancelled` for a run the learner stopped.
 */
export const ERROR_KINDS = [
	'revert',
	'out-of-gas',
	'runtime',
	'call-depth',
	'memory',
	'invalid-tx',
	'syntax',
	'cancelled'
] as const;

/** Error kinds a transaction, a call, a deploy, a load or a run can fail with. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Whether `value` is one of ERROR_KINDS. */
export function isErrorKind(value: unknown): value is ErrorKind {
	return (ERROR_KINDS as readonly unknown[]).includes(value);
}

/** A failure located in the learner's source: `file` is a lesson path such as `contracts/Pool.ts`. */
export type SourceError = {
	kind: ErrorKind;
	message: string;
	file?: string;
	/** 1-based line in the learner's own TypeScript. */
	line?: number;
	column?: number;
};
