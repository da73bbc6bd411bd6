import { createPrng } from '#lib/data/prng.ts';
import { describe, expect, test } from 'vitest';
import {
	breakUnsalted,
	commit,
	commitUnsalted,
	encodeSalt,
	encodeValue,
	open,
	randomSalt,
	ZERO_SALT
} from '#lib/protocols/commitment.ts';

// well-known keccak-256 digests (Ethereum): of no bytes, of "hello", of 32 and of 64 zero bytes
const KECCAK_EMPTY = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';
const KECCAK_HELLO = '0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8';
const KECCAK_ZERO32 = '0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563';
const KECCAK_ZERO64 = '0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5';

const SALT = '0x' + '5a'.repeat(32);

/** the project's seeded generator (mulberry32), as a bare `() => number` */
const mulberry32 = (seed: number): (() => number) => createPrng(seed).next;

describe('encoding', () => {
	test('bigints are 32-byte big-endian, strings UTF-8, bytes as they are', () => {
		expect(encodeValue(258n)).toEqual(new Uint8Array([...new Array(30).fill(0), 1, 2]));
		expect(encodeValue('hé')).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
		expect(encodeValue(new Uint8Array([9, 8]))).toEqual(new Uint8Array([9, 8]));
	});

	test('known keccak-256 digests come out for the documented encodings', () => {
		expect(commitUnsalted('')).toBe(KECCAK_EMPTY);
		expect(commitUnsalted('hello')).toBe(KECCAK_HELLO);
		expect(commitUnsalted(0n)).toBe(KECCAK_ZERO32);
		expect(commit(new Uint8Array(0), 0n)).toBe(KECCAK_ZERO32);
		expect(commit(0n, 0n)).toBe(KECCAK_ZERO64);
		expect(commit(0n, new Uint8Array(32))).toBe(KECCAK_ZERO64);
		expect(commit(0n, '0x' + '00'.repeat(32))).toBe(KECCAK_ZERO64);
		expect(commit(0n, ZERO_SALT)).toBe(KECCAK_ZERO64);
	});

	test('bad values and salts get clear errors', () => {
		expect(() => encodeValue(-1n)).toThrow(/uint256/);
		expect(() => encodeValue(2n ** 256n)).toThrow(/uint256/);
		expect(() => encodeSalt(new Uint8Array(31))).toThrow(/32 bytes/);
		expect(() => encodeSalt('0x1234')).toThrow(/64 hex digits/);
		expect(() => encodeSalt('5a'.repeat(32))).toThrow(/0x/);
		expect(() => open('0x12', 1n, SALT)).toThrow(/64 hex digits/);
	});
});

describe('commit and open', () => {
	test('opening with the committed value and salt succeeds', () => {
		const c = commit('yes', SALT);
		expect(c).toMatch(/^0x[0-9a-f]{64}$/);
		expect(open(c, 'yes', SALT)).toBe(true);
		expect(open(c.toUpperCase().replace('0X', '0x'), 'yes', SALT)).toBe(true);
	});

	test('binding: another value or another salt does not open it', () => {
		const c = commit(7n, SALT);
		expect(open(c, 8n, SALT)).toBe(false);
		expect(open(c, 7n, '0x' + '5b'.repeat(32))).toBe(false);
		expect(open(commit('yes', SALT), 'no', SALT)).toBe(false);
	});

	test('hiding: the same value under two salts gives unrelated commitments', () => {
		const rng = mulberry32(1);
		const a = randomSalt(rng);
		const b = randomSalt(rng);
		expect(a).not.toBe(b);
		expect(commit(1n, a)).not.toBe(commit(1n, b));
	});

	test('randomSalt is 32 bytes of 0x-hex, reproducible from a seed, and checks the rng', () => {
		expect(randomSalt(mulberry32(5))).toMatch(/^0x[0-9a-f]{64}$/);
		expect(randomSalt(mulberry32(5))).toBe(randomSalt(mulberry32(5)));
		expect(() => randomSalt(() => 1)).toThrow(/\[0, 1\)/);
	});
});

describe('breakUnsalted', () => {
	test('finds a sealed bid among 0..1000 when there is no salt', () => {
		const bids = Array.from({ length: 1001 }, (_, i) => BigInt(i));
		expect(breakUnsalted(commitUnsalted(437n), bids)).toBe(437n);
		expect(breakUnsalted(commitUnsalted('no'), ['yes', 'no', 'abstain'])).toBe('no');
	});

	test('fails against a salted commitment and for values outside the candidates', () => {
		const bids = Array.from({ length: 1001 }, (_, i) => BigInt(i));
		expect(breakUnsalted(commit(437n, SALT), bids)).toBeNull();
		expect(breakUnsalted(commitUnsalted(5000n), bids)).toBeNull();
	});
});
