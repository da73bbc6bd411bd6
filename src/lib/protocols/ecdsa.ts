/**
 * Ethereum-style ECDSA over secp256k1 (@noble/curves): addresses, signatures of a 32-byte digest,
 * and `ecrecover` as Ethereum's precompile at address 0x01 computes it (Yellow Paper, Appendix E,
 * ECREC; go-ethereum `core/vm/contracts.go` `ecrecover`): v is 27 or 28, r and s in [1, n), the
 * result is the address of the key that signed, or null when no key did. Like the precompile,
 * it accepts a high s (only transaction signatures must have s <= n/2, EIP-2).
 *
 * Shapes: a digest is 0x + 64 hex digits; an address 0x + 40 lowercase hex digits (keccak256 of
 * the 64-byte uncompressed public key, last 20 bytes); r and s are bigints; secret keys are 32
 * bytes. Signing is deterministic (RFC 6979), so runs with the same keys are reproducible.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** An Ethereum signature of a digest: recovery id as v (27 or 28), and the two scalars. */
export interface EthSignature {
	v: 27 | 28;
	r: bigint;
	s: bigint;
}

const N = secp256k1.Point.CURVE().n;
const DIGEST = /^0x[0-9a-fA-F]{64}$/;

function digestBytes(digest: string): Uint8Array {
	if (!DIGEST.test(digest)) throw new TypeError('a digest is 0x followed by 64 hex digits');
	return hexToBytes(digest.slice(2));
}

/** The address of an uncompressed (65-byte, 0x04-prefixed) public key. */
function addressOfPoint(uncompressed: Uint8Array): string {
	return '0x' + bytesToHex(keccak_256(uncompressed.slice(1))).slice(24);
}

/**
 * The Ethereum address of a secret key.
 * @throws Error from @noble/curves for a key outside [1, n)
 */
export function ethAddress(secretKey: Uint8Array): string {
	return addressOfPoint(secp256k1.getPublicKey(secretKey, false));
}

/**
 * A secret key from a label, for simulated signers (keccak256 of the label, which is in [1, n)
 * for any label a test or lesson uses): never for real funds.
 */
export function secretKeyFromLabel(label: string): Uint8Array {
	return keccak_256(new TextEncoder().encode('chainlab:key:' + label));
}

/**
 * Signs a 32-byte digest as is (no prehash), as Ethereum's `eth_sign` of a hash does after its
 * own prefixing.
 * @throws TypeError for a malformed digest
 */
export function signDigest(secretKey: Uint8Array, digest: string): EthSignature {
	const bytes = secp256k1.sign(digestBytes(digest), secretKey, {
		prehash: false,
		format: 'recovered'
	});
	const sig = secp256k1.Signature.fromBytes(bytes, 'recovered');
	return { v: (27 + (sig.recovery ?? 0)) as 27 | 28, r: sig.r, s: sig.s };
}

/**
 * ecrecover(digest, v, r, s): the address whose key made this signature, or null when no key did
 * (v not 27 or 28, r or s outside [1, n), or no point with that r).
 * @throws TypeError for a malformed digest
 */
export function ecrecover(digest: string, v: number, r: bigint, s: bigint): string | null {
	const bytes = digestBytes(digest);
	if ((v !== 27 && v !== 28) || r < 1n || r >= N || s < 1n || s >= N) return null;
	try {
		const point = new secp256k1.Signature(r, s).addRecoveryBit(v - 27).recoverPublicKey(bytes);
		return addressOfPoint(point.toBytes(false));
	} catch {
		return null;
	}
}
