import { Contract, keccak256 } from 'chainlab';

/** Recovers a value sealed without a salt by trying every candidate. */
export default class Breaker extends Contract {
	/** The value v in [0, max] with keccak256(v as 32 bytes) == commitment, or -1n if none. */
	find(commitment: string, max: bigint): bigint {
		for (let v = 0n; v <= max; v++) {
			if (keccak256('0x' + v.toString(16).padStart(64, '0')) === commitment) return v;
		}
		return -1n;
	}
}
