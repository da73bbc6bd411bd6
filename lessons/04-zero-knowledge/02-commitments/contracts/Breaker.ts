import { Contract, keccak256 } from 'chainlab';

/** the all-zero salt: 32 bytes anyone can guess, which is no salt at all */
const ZERO_SALT = '0'.repeat(64);

/** Recovers a value sealed behind a salt everyone knows by trying every candidate. */
export default class Breaker extends Contract {
	/**
	 * The value v in [0, max] with keccak256(v as 32 bytes || zero salt) == commitment, or -1n if
	 * none.
	 * TODO: hash every candidate the way the committer did (value, then ZERO_SALT) and compare.
	 */
	find(commitment: string, max: bigint): bigint {
		return -1n;
	}
}
