/**
 * Hashing for the engine: keccak-256 (the hash Ethereum uses for addresses, transaction and block
 * hashes) from @noble/hashes, a binary keccak Merkle root for block headers, and a fast
 * non-cryptographic string hash for the persistent state map and the incremental state digest.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { isHex } from './text.ts';

export { bytesToHex, hexToBytes, utf8ToBytes };

/** True for a 0x-prefixed, even-length hex string (the form bytes take in Chainlab). */
export function isHexBytes(value: string): boolean {
	return isHex(value, -1);
}

/**
 * keccak-256 of bytes, or of a string. A 0x-prefixed even-length hex string is hashed as the bytes
 * it encodes (like ethers' `keccak256`); any other string is hashed as its UTF-8 text (like ethers'
 * `id`). Returns a 0x-prefixed 64-digit lowercase hex string.
 */
export function keccak256(data: Uint8Array | string): string {
	return '0x' + bytesToHex(keccak_256(toBytes(data)));
}

/** keccak-256 of raw bytes, as bytes (32 of them). */
export function keccakBytes(data: Uint8Array): Uint8Array {
	return keccak_256(data);
}

/** The bytes keccak256() hashes for `data`: hex bytes decoded, other strings UTF-8 encoded. */
export function toBytes(data: Uint8Array | string): Uint8Array {
	if (typeof data !== 'string') return data;
	return isHexBytes(data) ? hexToBytes(data.slice(2)) : utf8ToBytes(data);
}

/** keccak-256 of the empty byte string: the root of an empty Merkle tree here. */
export const EMPTY_ROOT = keccak256(new Uint8Array(0));

/**
 * Root of a binary keccak Merkle tree over `leaves` (each already a 32-byte hash).
 * Pairs are hashed in order as keccak256(left || right); an odd node at the end of a level is
 * carried up unchanged (as OpenZeppelin's MerkleTree.sol builds unbalanced levels, without
 * sorting). No leaves: keccak256 of the empty string. Returns 0x-hex.
 */
export function merkleRoot(leaves: Uint8Array[]): string {
	if (leaves.length === 0) return EMPTY_ROOT;
	let level = leaves;
	while (level.length > 1) {
		const next: Uint8Array[] = [];
		for (let i = 0; i < level.length; i += 2) {
			if (i + 1 === level.length) {
				next.push(level[i]);
				continue;
			}
			const pair = new Uint8Array(64);
			pair.set(level[i], 0);
			pair.set(level[i + 1], 32);
			next.push(keccak_256(pair));
		}
		level = next;
	}
	return '0x' + bytesToHex(level[0]);
}

/**
 * Two 32-bit lanes of FNV-1a style hashing over a string, continued from `a`/`b` so a key and a
 * value can be hashed in sequence without concatenating them. Not cryptographic: it only spreads
 * keys in the state map and feeds the incremental state digest.
 */
export function hashLanes(text: string, a: number, b: number, out: Int32Array): void {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
	}
	out[0] = a;
	out[1] = b;
}

/** Seeds of the two lanes (FNV offset basis and an arbitrary odd constant). */
export const LANE_SEED_A = 0x811c9dc5 | 0;
export const LANE_SEED_B = 0x2545f491 | 0;

/** Final avalanche of a 32-bit lane (MurmurHash3's fmix32). */
export function fmix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h | 0;
}
