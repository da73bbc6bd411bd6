import { Contract, keccak256 } from 'chainlab';

/** the all-zero salt: 32 bytes anyone can guess, which is no salt at all */
const ZERO_SALT = '0'.repeat(64);

/** Recovers a value sealed behind a salt everyone knows by trying every candidate. */
export default class Breaker extends Contract {
	/**
	 * The value v in [0, max] with keccak256(v as 32 bytes || zero salt) == commitment, or -1n if
	 * none.
	 */
	find(commitment: string, max: bigint): bigint {
		for (let v = 0n; v <= max; v++) {
			if (keccak256('0x' + v.toString(16).padStart(64, '0') + ZERO_SALT) === commitment) return v;
		}
		return -1n;
	}
}
