import { Contract, keccak256 } from 'chainlab';

/** Recovers a value sealed without a salt by trying every candidate. */
export default class Breaker extends Contract {
	/**
	 * The value v in [0, max] with keccak256(v as 32 bytes) == commitment, or -1n if none.
	 * TODO: hash every candidate and compare.
	 */
	find(commitment: string, max: bigint): bigint {
		return -1n;
	}
}
