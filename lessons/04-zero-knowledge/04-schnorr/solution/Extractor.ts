import { Contract, modInverse } from 'chainlab';

/** Special soundness: two accepting transcripts with the same commitment give the secret. */
export default class Extractor extends Contract {
	/** Given (t, c1, s1) and (t, c2, s2) with c1 != c2, returns x in [0, q). */
	extract(c1: bigint, s1: bigint, c2: bigint, s2: bigint, q: bigint): bigint {
		const mod = (a: bigint) => ((a % q) + q) % q;
		return mod(mod(s1 - s2) * modInverse(mod(c1 - c2), q));
	}
}
