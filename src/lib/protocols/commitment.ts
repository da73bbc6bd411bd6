/**
 * Hash commitments with keccak-256: commit now, reveal later.
 *
 * `commitment = keccak256(encode(value) || salt)`, written as 0x-prefixed lowercase hex (the form
 * the contract API's `keccak256` returns). Encoding of `value`:
 * - `Uint8Array`: the bytes as they are;
 * - `string`: its UTF-8 bytes (a '0x...' string is text too, not decoded as hex);
 * - `bigint`: 32 bytes big-endian, as Solidity's `abi.encodePacked(uint256)`; 0 <= value < 2^256.
 * The salt is always exactly 32 bytes (`Uint8Array`, 0x-hex of 64 digits, or a uint256 bigint).
 * A fixed-length salt at the end keeps the split unambiguous: with a variable-length salt,
 * ('ab', 'c') and ('a', 'bc') would hash the same bytes.
 *
 * Hiding comes from the salt: without one, a value from a small set is found by hashing every
 * candidate (`breakUnsalted`). Binding comes from keccak-256's collision resistance.
 * Hashing is @noble/hashes `keccak_256` (Keccak-256 with the original padding, as Ethereum's
 * KEC in the Yellow Paper). Sources: M. Blum, "Coin Flipping by Telephone", ACM SIGACT News 15(1),
 * 1983 (commit now, open later); Solidity's `abi.encodePacked(uint256, bytes32)` for the layout.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** A value that can be committed to. See the module comment for its byte encoding. */
export type CommitValue = Uint8Array | string | bigint;
/** A 32-byte salt: bytes, 0x-hex (64 digits), or a uint256 bigint. */
export type Salt = Uint8Array | string | bigint;

/** Salt length in bytes. */
export const SALT_BYTES = 32;
const MAX_UINT256 = 2n ** 256n - 1n;

/**
 * The all-zero salt (0x and 64 zeros). A salt everyone knows hides nothing: `commit(v, ZERO_SALT)`
 * falls to the same search over candidates as `commitUnsalted(v)`.
 */
export const ZERO_SALT = '0x' + '0'.repeat(64);

function uint256Bytes(value: bigint, name: string): Uint8Array {
	if (value < 0n || value > MAX_UINT256) {
		throw new RangeError(`${name} must be a uint256 (0 <= ${name} < 2^256), got ${value}`);
	}
	return hexToBytes(value.toString(16).padStart(64, '0'));
}

/**
 * The bytes that get hashed for `value`: UTF-8 for strings, raw bytes, or 32-byte big-endian for
 * bigints. Throws a RangeError for a bigint outside uint256, a TypeError for other types.
 */
export function encodeValue(value: CommitValue): Uint8Array {
	if (value instanceof Uint8Array) return value;
	if (typeof value === 'string') return utf8ToBytes(value);
	if (typeof value === 'bigint') return uint256Bytes(value, 'value');
	throw new TypeError(`a committed value must be bytes, a string or a bigint, got ${typeof value}`);
}

/**
 * Normalises a salt to its 32 bytes. Accepts bytes, 0x-hex with 64 digits, or a uint256 bigint.
 * Throws a RangeError / TypeError naming the problem (wrong length, not hex, wrong type).
 */
export function encodeSalt(salt: Salt): Uint8Array {
	if (typeof salt === 'bigint') return uint256Bytes(salt, 'salt');
	if (typeof salt === 'string') {
		if (!/^0x[0-9a-fA-F]{64}$/.test(salt)) {
			throw new RangeError(`a salt string must be 0x followed by 64 hex digits (32 bytes)`);
		}
		return hexToBytes(salt.slice(2));
	}
	if (salt instanceof Uint8Array) {
		if (salt.length !== SALT_BYTES) {
			throw new RangeError(`a salt must be ${SALT_BYTES} bytes, got ${salt.length}`);
		}
		return salt;
	}
	throw new TypeError(`a salt must be 32 bytes, 0x-hex or a bigint, got ${typeof salt}`);
}

function keccakHex(bytes: Uint8Array): string {
	return '0x' + bytesToHex(keccak_256(bytes));
}

/**
 * `keccak256(encode(value) || salt)` as 0x-hex (66 characters). Throws as `encodeValue` /
 * `encodeSalt` do. Source: the commit phase of Blum's coin flipping (1983).
 */
export function commit(value: CommitValue, salt: Salt): string {
	return keccakHex(concatBytes(encodeValue(value), encodeSalt(salt)));
}

/**
 * `keccak256(encode(value))` with no salt, as 0x-hex: the weak form that `breakUnsalted` breaks.
 * Throws as `encodeValue` does.
 */
export function commitUnsalted(value: CommitValue): string {
	return keccakHex(encodeValue(value));
}

function checkCommitment(commitment: string): string {
	if (typeof commitment !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(commitment)) {
		throw new TypeError('a commitment must be 0x followed by 64 hex digits');
	}
	return commitment.toLowerCase();
}

/**
 * Reveal check: true iff `commit(value, salt)` equals `commitment` (hex case ignored).
 * Throws a TypeError when `commitment` is not 0x + 64 hex digits, and as `commit` does.
 */
export function open(commitment: string, value: CommitValue, salt: Salt): boolean {
	return checkCommitment(commitment) === commit(value, salt);
}

/**
 * The attack on unsalted commitments over a small value space: hash every candidate and compare.
 * Returns the first candidate whose `commitUnsalted` equals `commitment`, or null.
 * Throws a TypeError for a malformed commitment.
 */
export function breakUnsalted<V extends CommitValue>(
	commitment: string,
	candidates: Iterable<V>
): V | null {
	const target = checkCommitment(commitment);
	for (const candidate of candidates) {
		if (commitUnsalted(candidate) === target) return candidate;
	}
	return null;
}

/**
 * A 32-byte salt as 0x-hex drawn from `rng` (a `() => number` in [0, 1), one draw per byte).
 * A seeded rng makes runs reproducible; a real prover uses a cryptographic generator, since a
 * predictable salt brings back the `breakUnsalted` attack. Throws a RangeError when `rng`
 * returns something outside [0, 1).
 */
export function randomSalt(rng: () => number): string {
	const bytes = new Uint8Array(SALT_BYTES);
	for (let i = 0; i < SALT_BYTES; i++) {
		const u = rng();
		if (!(u >= 0 && u < 1)) throw new RangeError(`rng must return a number in [0, 1), got ${u}`);
		bytes[i] = Math.floor(u * 256);
	}
	return '0x' + bytesToHex(bytes);
}
