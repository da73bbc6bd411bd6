/**
 * Errors the engine throws to host code (scenarios, bots, tests). Transactions never throw: they
 * return a receipt whose `error` says what went wrong.
 */
import type { ErrorKind, ExecError, Receipt } from './types.ts';

/** A chain.view() call that failed; `kind`, `line` and `address` as in a receipt's error. */
export class ExecutionError extends Error {
	override name = 'ExecutionError';
	readonly kind: ErrorKind;
	/** 1-based line in the contract at `address` */
	readonly line: number | undefined;
	readonly address: string | undefined;

	constructor(error: ExecError) {
		super(error.message);
		this.kind = error.kind;
		this.line = error.line;
		this.address = error.address;
	}
}

/**
 * chain.deploy() or chain.deployToken() failed. kind 'syntax' with a line for source that does
 * not compile (nothing was sent); otherwise the deploy transaction was sent and failed, and
 * `receipt` holds it (fee charged, nonce used) unless kind is 'invalid-tx'.
 */
export class DeployError extends ExecutionError {
	override name = 'DeployError';
	readonly receipt: Receipt | undefined;

	constructor(error: ExecError, receipt?: Receipt) {
		super(error);
		this.receipt = receipt;
	}
}
