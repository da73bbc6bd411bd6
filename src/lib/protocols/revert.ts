/**
 * The error a reference model throws where the contract it follows would revert.
 *
 * `message` is exactly the contract's revert reason: the `require` string
 * (`ERROR:FDD-011:LOW_OBSERVATIONS`), the custom error's name (`AcceptVoteRequired`), or
 * `Panic(0x11)` / `Panic(0x12)` / `Panic(0x32)` for Solidity's checked-arithmetic, division-by-zero
 * and array-bounds panics. `explanation` says the same in a learner's words.
 */
export class RevertError extends Error {
	/** The contract's revert reason, the same string as `message`. */
	readonly reason: string;
	/** What went wrong, in a learner's words. */
	readonly explanation: string;
	constructor(reason: string, explanation: string) {
		super(reason);
		this.name = 'RevertError';
		this.reason = reason;
		this.explanation = explanation;
	}
}

/** Solidity 0.8 panic codes the models reproduce. */
export const PANIC_UNDERFLOW = 'Panic(0x11)';
export const PANIC_DIVISION_BY_ZERO = 'Panic(0x12)';
export const PANIC_ARRAY_OUT_OF_BOUNDS = 'Panic(0x32)';

/** Checks that `value` is a bigint of at least 0 (a Solidity uint); throws a TypeError/RangeError. */
export function requireUint(value: unknown, name: string): bigint {
	if (typeof value !== 'bigint') {
		throw new TypeError(
			`${name} must be a bigint (whole number with an n suffix), got ${typeof value}`
		);
	}
	if (value < 0n) throw new RangeError(`${name} must be at least 0, got ${value}`);
	return value;
}
