/**
 * The number-theory and hashing host operations contracts reach through 'chainlab': sha256,
 * modPow, modInverse and the chain's seeded per-block randomness. Each is deterministic and
 * priced before it runs (gas.ts), so a huge operand runs out of gas instead of hanging.
 *
 * Host protocol (strings): `serveCrypto(op, payload, env)` with op 'sha256' (payload as keccak256
 * takes it: `t<text or 0x-hex>` or `j<json>`), 'modPow' (`base,exponent,modulus` in decimal),
 * 'modInverse' (`a,modulus`), 'random' (a block number), 'ecrecover' (`digest,v,r,s`: 0x-hex
 * digest, then decimals) or 'ed25519' (`publicKey,signature,message`: 0x-hex key and signature,
 * then the message as sha256 takes it). The answer is decimal / 0x-hex, `-` when ecrecover finds
 * no signer, `1` / `0` for an Ed25519 signature that verifies / does not, or `!<reason>` when the
 * operation has no answer (no inverse, a future block, a malformed key).
 * Sources: FIPS 180-4 (SHA-256, through @noble/hashes), EIP-2565 (MODEXP pricing), EIP-4399
 * (PREVRANDAO: randomness fixed per block), the Yellow Paper's ECREC precompile (ecrecover, through
 * protocols/ecdsa.ts and @noble/curves), RFC 8032 Ed25519 with ZIP-215 acceptance rules, as
 * CometBFT verifies validator votes (ed25519Verify, through @noble/curves).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { ecrecover } from '#lib/protocols/ecdsa.ts';
import { GAS } from './gas.ts';
import { bytesToHex, keccak256, toBytes } from './hash.ts';
import { hashInput } from './sandbox/host.ts';

/** Largest operand of modPow / modInverse, in bits (a 4096-bit RSA modulus fits). */
export const MAX_MOD_BITS = 4096;

/** What the randomness operation needs to know about the running block. */
export type RandomnessEnv = { seed: number; chainId: number; number: number };

/**
 * The randomness of block `number` on chain `chainId` in a world seeded with `seed`: a 256-bit
 * bigint, keccak256('chainlab:randomness:<seed>:<chainId>:<number>'). Fixed per block and known to
 * everyone once the block exists, like Ethereum's PREVRANDAO (EIP-4399): fine for teaching
 * challenges that come in a later block than the commitment, not a secure lottery.
 */
export function blockRandomness(seed: number, chainId: number, number: number): bigint {
	return BigInt(keccak256(`chainlab:randomness:${seed}:${chainId}:${number}`));
}

function bits(v: bigint): number {
	return v < 0n ? (-v).toString(2).length : v === 0n ? 0 : v.toString(2).length;
}

/** EIP-2565 MODEXP gas: max(200, words(max(len b, len m))^2 * max(bits(e) - 1, 1) / 3), 8-byte words. */
export function modExpGas(base: bigint, exponent: bigint, modulus: bigint): number {
	const bytes = Math.ceil(Math.max(bits(base), bits(modulus)) / 8);
	const words = Math.max(1, Math.ceil(bytes / 8));
	const iterations = Math.max(bits(exponent) - 1, 1);
	return Math.max(GAS.modExp, Math.floor((words * words * iterations) / 3));
}

/** Gas of sha256 over `bytes` bytes: sha256Base + sha256Word per 32-byte word (the SHA256 precompile). */
export function sha256Gas(bytes: number): number {
	return GAS.sha256Base + GAS.sha256Word * Math.ceil(bytes / 32);
}

/**
 * Gas of ed25519Verify over a message of `bytes` bytes: ed25519Verify, plus sha256Word per 32-byte
 * word of the message (Ed25519 hashes it with SHA-512 before the curve work).
 */
export function ed25519Gas(bytes: number): number {
	return GAS.ed25519Verify + GAS.sha256Word * Math.ceil(bytes / 32);
}

/** The three fields of an 'ed25519' payload, or null when it is not `key,signature,message`. */
function ed25519Parts(payload: string): [string, string, string] | null {
	const first = payload.indexOf(',');
	const second = payload.indexOf(',', first + 1);
	if (first < 0 || second < 0) return null;
	return [payload.slice(0, first), payload.slice(first + 1, second), payload.slice(second + 1)];
}

/**
 * RFC 8032 Ed25519 verification (ZIP-215 rules, @noble/curves' default): '1' when `signature`
 * (64 bytes, R then S) is `publicKey`'s (32 bytes) over `message`, '0' when it is not (including
 * a key that is not a curve point, or S not below the group order), '!<reason>' for a key or
 * signature that is not 0x-hex of the right length.
 */
function verifyEd25519(payload: string): string {
	const parts = ed25519Parts(payload);
	if (parts === null) return '!malformed input';
	const [key, signature, message] = parts;
	if (!/^0x[0-9a-fA-F]{64}$/.test(key))
		return '!publicKey must be 0x and 64 hex digits (a 32-byte Ed25519 public key)';
	if (!/^0x[0-9a-fA-F]{128}$/.test(signature))
		return '!signature must be 0x and 128 hex digits (64 bytes: R then S)';
	try {
		const ok = ed25519.verify(
			hexToBytes(signature.slice(2)),
			toBytes(hashInput(message)),
			hexToBytes(key.slice(2))
		);
		return ok ? '1' : '0';
	} catch {
		return '0';
	}
}

function bigints(payload: string, count: number): bigint[] | string {
	const parts = payload.split(',');
	if (parts.length !== count || parts.some((p) => !/^-?\d+$/.test(p))) return '!malformed numbers';
	const out = parts.map((p) => BigInt(p));
	if (out.some((v) => bits(v) > MAX_MOD_BITS))
		return `!numbers may have at most ${MAX_MOD_BITS} bits`;
	return out;
}

function mod(a: bigint, m: bigint): bigint {
	const r = a % m;
	return r < 0n ? r + m : r;
}

function inverse(a: bigint, m: bigint): bigint | null {
	let [r0, r1] = [mod(a, m), m];
	let [s0, s1] = [1n, 0n];
	while (r1 !== 0n) {
		const q = r0 / r1;
		[r0, r1] = [r1, r0 - q * r1];
		[s0, s1] = [s1, s0 - q * s1];
	}
	return r0 === 1n ? mod(s0, m) : null;
}

function power(base: bigint, exponent: bigint, m: bigint): bigint {
	if (m === 1n) return 0n;
	let result = 1n;
	let b = mod(base, m);
	let e = exponent;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % m;
		b = (b * b) % m;
		e >>= 1n;
	}
	return result;
}

/**
 * Gas of one operation, computed from its input alone (before any work). A malformed payload
 * costs the minimum: serveCrypto then answers with a reason.
 */
export function cryptoGas(op: string, payload: string): number {
	if (op === 'sha256') return sha256Gas(toBytes(hashInput(payload)).length);
	if (op === 'random') return GAS.blockRandomness;
	if (op === 'ecrecover') return GAS.ecrecover;
	if (op === 'ed25519') {
		const parts = ed25519Parts(payload);
		return ed25519Gas(parts === null ? 0 : toBytes(hashInput(parts[2])).length);
	}
	const n = bigints(payload, op === 'modPow' ? 3 : 2);
	if (typeof n === 'string') return GAS.modExp;
	return op === 'modPow' ? modExpGas(n[0], n[1], n[2]) : modExpGas(n[0], n[1], n[1]);
}

/**
 * Runs one operation (see the module comment). `env` is the running block, or undefined while a
 * contract file loads (randomness is then refused). Never throws for bad input: it answers
 * `!<reason>`, which the contract API turns into an error in the learner's terms.
 */
export function serveCrypto(op: string, payload: string, env: RandomnessEnv | undefined): string {
	switch (op) {
		case 'sha256':
			return '0x' + bytesToHex(sha256Bytes(toBytes(hashInput(payload))));
		case 'modPow': {
			const n = bigints(payload, 3);
			if (typeof n === 'string') return n;
			const [b, e, m] = n;
			if (m < 1n) return `!modulus must be at least 1n, got ${m}n`;
			if (e < 0n) return `!exponent must not be negative (use modInverse), got ${e}n`;
			return power(b, e, m).toString();
		}
		case 'modInverse': {
			const n = bigints(payload, 2);
			if (typeof n === 'string') return n;
			const [a, m] = n;
			if (m < 2n) return `!modulus must be at least 2n, got ${m}n`;
			const r = inverse(a, m);
			return r === null ? `!${a}n has no inverse modulo ${m}n (they share a factor)` : r.toString();
		}
		case 'random': {
			if (env === undefined)
				return '!blockRandomness() is only available while the contract is being called';
			const number = Number(payload);
			if (!Number.isInteger(number) || number < 0)
				return `!block number must be a whole number, got ${payload}`;
			if (number > env.number)
				return `!block ${number} has no randomness yet: the current block is ${env.number}`;
			return blockRandomness(env.seed, env.chainId, number).toString();
		}
		case 'ecrecover': {
			const [digest, v, r, s] = payload.split(',');
			if (
				!/^0x[0-9a-fA-F]{64}$/.test(digest ?? '') ||
				![v, r, s].every((x) => /^-?\d+$/.test(x ?? ''))
			)
				return '!malformed signature';
			return ecrecover(digest, Number(v), BigInt(r), BigInt(s)) ?? '-';
		}
		case 'ed25519':
			return verifyEd25519(payload);
		default:
			return `!unknown operation ${op}`;
	}
}
