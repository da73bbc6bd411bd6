/**
 * The state of one chain: native balances, nonces, contract records and contract storage, all in
 * one persistent map (see pmap.ts), plus an incremental digest of every entry so the state hash
 * costs O(1) to read at any step.
 *
 * Keys: `a<address>` named account marker, `b<address>` native balance (bigint wei),
 * `n<address>` nonce, `c<address>` contract record, `s<address><slot>` one storage slot holding an
 * encoded value (codec.ts). Absent means zero / empty, as in the EVM.
 *
 * The digest is a multiset hash (Clarke et al., "Incremental multiset hash functions", 2003): the
 * wrapping sum, in two 32-bit lanes, of a hash of each (key, value) entry. A write subtracts the old
 * entry's hash and adds the new one, so the digest depends only on the set of entries, not on the
 * order of writes. stateRoot = keccak-256 over the chain id and this 64-bit digest: a fingerprint
 * for determinism checks, not a Merkle-Patricia root you could prove against.
 */
import { fmix32, hashLanes, LANE_SEED_A, LANE_SEED_B } from './hash.ts';
import { type MapMark, PersistentMap } from './pmap.ts';
import type { ContractRecord } from './types.ts';

/** What a state entry holds. */
export type StateValue = bigint | number | string | ContractRecord;

/** A frozen state version: O(1) to take, O(1) to return to. */
export type StateMark = {
	readonly map: MapMark<StateValue>;
	readonly d0: number;
	readonly d1: number;
};

const lanes = new Int32Array(2);

/** The text an entry contributes to the digest. */
function digestText(value: StateValue): string {
	switch (typeof value) {
		case 'string':
			return value;
		case 'bigint':
			return 'n' + value.toString();
		case 'number':
			return 'd' + value;
		default:
			return value.digest;
	}
}

/** The state digest's two 32-bit lanes (see ChainState.digestLanes). */
export type DigestLanes = { readonly d0: number; readonly d1: number };

/** The 64-bit digest of lanes `d0`, `d1` as 16 lowercase hex digits (what ChainState.digest returns). */
export function formatDigest(d0: number, d1: number): string {
	return (d0 >>> 0).toString(16).padStart(8, '0') + (d1 >>> 0).toString(16).padStart(8, '0');
}

/** Journal-free state: checkpoints are marks of the persistent map. */
export class ChainState {
	private readonly map = new PersistentMap<StateValue>();
	private d0 = 0;
	private d1 = 0;

	/** The value at `key`, or undefined. */
	get(key: string): StateValue | undefined {
		hashLanes(key, LANE_SEED_A, LANE_SEED_B, lanes);
		return this.map.get(key, fmix32(lanes[0]));
	}

	/** Writes `key` (undefined deletes it); returns the previous value. */
	set(key: string, value: StateValue | undefined): StateValue | undefined {
		hashLanes(key, LANE_SEED_A, LANE_SEED_B, lanes);
		const ka = lanes[0];
		const kb = lanes[1];
		const hash = fmix32(ka);
		const old = value === undefined ? this.map.delete(key, hash) : this.map.set(key, hash, value);
		if (old !== undefined) {
			hashLanes(digestText(old), ka, kb, lanes);
			this.d0 = (this.d0 - fmix32(lanes[0])) | 0;
			this.d1 = (this.d1 - fmix32(lanes[1])) | 0;
		}
		if (value !== undefined) {
			hashLanes(digestText(value), ka, kb, lanes);
			this.d0 = (this.d0 + fmix32(lanes[0])) | 0;
			this.d1 = (this.d1 + fmix32(lanes[1])) | 0;
		}
		return old;
	}

	/** Freezes the current version (a call-frame checkpoint or a world snapshot). */
	mark(): StateMark {
		return { map: this.map.mark(), d0: this.d0, d1: this.d1 };
	}

	/** Returns to a version taken with `mark()`. */
	reset(mark: StateMark): void {
		this.map.reset(mark.map);
		this.d0 = mark.d0;
		this.d1 = mark.d1;
	}

	/** The 64-bit digest as 16 hex digits. */
	digest(): string {
		return formatDigest(this.d0, this.d1);
	}

	/** The 64-bit digest as its two 32-bit lanes, to format later with formatDigest (no string work now). */
	digestLanes(): DigestLanes {
		return { d0: this.d0, d1: this.d1 };
	}

	/** Number of entries. */
	get size(): number {
		return this.map.size;
	}

	/** Every entry (for tests and debug views; O(size)). */
	forEach(fn: (key: string, value: StateValue) => void): void {
		this.map.forEach(fn);
	}
}
