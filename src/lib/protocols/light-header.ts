/**
 * Headers, validator sets and commits of a Tendermint-style chain, for the light client in
 * `light-client.ts`: their hashes, the bytes validators sign, and helpers that make real Ed25519
 * keys and signatures (@noble/curves) for a small validator set.
 *
 * The rules follow CometBFT (cometbft/cometbft 5bba72c1, v0.40 line): a validator's address is the
 * first 20 bytes of SHA-256 of its Ed25519 public key (`crypto/ed25519/ed25519.go` `Address`); a
 * commit holds one precommit signature per validator over the vote's sign bytes
 * (`types/vote.go` `VoteSignBytes`); a header names the hash of the validator set that signs it
 * (`ValidatorsHash`) and of the one that signs the next block (`NextValidatorsHash`).
 * Three encodings are simplified, and say so: CometBFT hashes a header and a validator set as
 * RFC 6962 Merkle roots of protobuf fields and signs a protobuf `CanonicalVote`; here they are
 * SHA-256 of the fixed encodings documented on each function. What the light client checks
 * (which set must sign, how much power, which hashes must match) does not depend on the encoding.
 *
 * Shapes: keys, hashes and signatures are 0x-prefixed lowercase hex; heights are positive whole
 * numbers (one revision); times are whole seconds since the Unix epoch; voting power is a
 * positive whole number.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** A validator: its Ed25519 public key (0x + 64 hex digits) and its voting power. */
export interface Validator {
	publicKey: string;
	power: number;
}

/** The header fields the light client reads. */
export interface Header {
	chainId: string;
	height: number;
	/** Block time, seconds since the Unix epoch. */
	time: number;
	/** `validatorSetHash` of the set that signs this header. */
	validatorsHash: string;
	/** `validatorSetHash` of the set that signs the next header. */
	nextValidatorsHash: string;
	/** The application state root: what IBC proofs (packet commitments...) are checked against. */
	appHash: string;
}

/** One validator's precommit in a commit. */
export interface CommitSig {
	/** `validatorAddress(publicKey)`: 0x + 40 hex digits. */
	validatorAddress: string;
	/** Ed25519 signature over `voteSignBytes(chainId, height, blockHash)`: 0x + 128 hex digits. */
	signature: string;
}

/** A header with the commit that finalised it (CometBFT `SignedHeader`). */
export interface SignedHeader {
	header: Header;
	commit: { blockHash: string; signatures: CommitSig[] };
}

/** A validator with its secret key: for simulated chains and tests, never for real funds. */
export interface ValidatorKey {
	secretKey: Uint8Array;
	validator: Validator;
}

const hex = (bytes: Uint8Array): string => '0x' + bytesToHex(bytes);

/** Decodes 0x-hex of exactly `size` bytes; throws a TypeError naming `what` otherwise. */
export function hexBytes(value: unknown, size: number, what: string): Uint8Array {
	if (typeof value !== 'string' || !new RegExp(`^0x[0-9a-fA-F]{${size * 2}}$`).test(value)) {
		throw new TypeError(`${what} must be 0x followed by ${size * 2} hex digits`);
	}
	return hexToBytes(value.slice(2));
}

function be8(n: number, what: string): Uint8Array {
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new RangeError(`${what} must be a whole number >= 0, got ${n}`);
	}
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, BigInt(n));
	return out;
}

/** CometBFT's Ed25519 address: the first 20 bytes of SHA-256(public key), 0x lowercase hex. */
export function validatorAddress(publicKey: string): string {
	return hex(sha256(hexBytes(publicKey, 32, 'a public key')).subarray(0, 20));
}

/**
 * The hash a header names for a validator set: SHA-256 of, for each validator in order, its
 * 32-byte public key and its power as 8 bytes big-endian (CometBFT: Merkle root of the protobuf
 * `SimpleValidator{pub_key, voting_power}` list). The order matters, as in CometBFT, where the
 * set is kept sorted by power then address. Throws on a malformed key or power.
 */
export function validatorSetHash(validators: readonly Validator[]): string {
	if (!Array.isArray(validators) || validators.length === 0) {
		throw new RangeError('a validator set needs at least one validator');
	}
	const parts = validators.map((v, i) => {
		if (!Number.isSafeInteger(v.power) || v.power <= 0) {
			throw new RangeError(`validator ${i} needs a voting power that is a whole number > 0`);
		}
		return concatBytes(
			hexBytes(v.publicKey, 32, `validator ${i}'s public key`),
			be8(v.power, 'power')
		);
	});
	return hex(sha256(concatBytes(...parts)));
}

/**
 * The block hash of a header: SHA-256 of the UTF-8 JSON array [chainId, height, time,
 * validatorsHash, nextValidatorsHash, appHash] (the three hashes lowercased), a fixed encoding standing in
 * for CometBFT's Merkle root of the header fields.
 */
export function headerHash(header: Header): string {
	const { chainId, height, time, validatorsHash, nextValidatorsHash, appHash } = header;
	const hashes = [validatorsHash, nextValidatorsHash, appHash].map((h) => String(h).toLowerCase());
	const fields = [chainId, height, time, ...hashes];
	return hex(sha256(utf8ToBytes(JSON.stringify(fields))));
}

/**
 * The bytes a validator signs to vote for a block: UTF-8 JSON ["precommit", chainId, height,
 * blockHash]. Binding the chain ID and height keeps a signature from being replayed on another
 * chain or block (CometBFT's `CanonicalVote` carries the same fields, plus round and time).
 */
export function voteSignBytes(chainId: string, height: number, blockHash: string): Uint8Array {
	return utf8ToBytes(JSON.stringify(['precommit', chainId, height, blockHash.toLowerCase()]));
}

/** True iff `signature` is a valid Ed25519 signature by `publicKey` over `message`. Never throws. */
export function verifyEd25519(publicKey: string, message: Uint8Array, signature: string): boolean {
	try {
		return ed25519.verify(
			hexBytes(signature, 64, 'a signature'),
			message,
			hexBytes(publicKey, 32, 'a key')
		);
	} catch {
		return false;
	}
}

/**
 * A deterministic validator key from a seed string (secret key = SHA-256(seed)), with the given
 * voting power: reproducible validator sets for simulations. Throws on a bad power.
 */
export function validatorKey(seed: string, power: number): ValidatorKey {
	const secretKey = sha256(utf8ToBytes(seed));
	const validator = { publicKey: hex(ed25519.getPublicKey(secretKey)), power };
	validatorSetHash([validator]);
	return { secretKey, validator };
}

/**
 * Finalises `header` with a commit signed by `signers` (in that order; the same signer twice
 * gives a duplicate vote, which verification rejects): each signs `voteSignBytes` of the header's
 * chain, height and `headerHash`.
 */
export function signHeader(header: Header, signers: readonly ValidatorKey[]): SignedHeader {
	const blockHash = headerHash(header);
	const message = voteSignBytes(header.chainId, header.height, blockHash);
	const signatures = signers.map((s) => ({
		validatorAddress: validatorAddress(s.validator.publicKey),
		signature: hex(ed25519.sign(message, s.secretKey))
	}));
	return { header, commit: { blockHash, signatures } };
}
