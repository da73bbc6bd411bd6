import { Contract, modInverse } from 'chainlab';

/** Special soundness: two accepting transcripts with the same commitment give the secret. */
export default class Extractor extends Contract {
	/**
	 * Given (t, c1, s1) and (t, c2, s2) with c1 != c2, returns x in [0, q).
	 * TODO: s1 - s2 = (c1 - c2) * x (mod q); solve for x. modInverse(a, q) is in 'chainlab'.
	 */
	extract(c1: bigint, s1: bigint, c2: bigint, s2: bigint, q: bigint): bigint {
		return 0n;
	}
}
