/**
 * A transaction's gas meter. Gas is a plain number (it never exceeds 2^53). Running out sets
 * `exhausted` and pins `used` at the limit: as in the EVM, an out-of-gas transaction pays for all
 * the gas it was given.
 */
export class GasMeter {
	/** gas this meter may spend */
	readonly limit: number;
	/** gas spent so far */
	used = 0;
	/** true once a charge went past the limit */
	exhausted = false;

	constructor(limit: number) {
		this.limit = limit;
	}

	/** Gas left. */
	get remaining(): number {
		return this.limit - this.used;
	}

	/** Spends `gas`; returns false (and exhausts the meter) when it goes past the limit. */
	charge(gas: number): boolean {
		this.used += gas;
		if (this.used > this.limit) {
			this.used = this.limit;
			this.exhausted = true;
			return false;
		}
		return true;
	}
}
