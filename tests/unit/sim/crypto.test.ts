/** sha256, modPow, modInverse and blockRandomness in the contract API: answers, errors and gas. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, test } from 'vitest';
import { blockRandomness, modExpGas, serveCrypto, sha256Gas } from '#lib/sim/crypto.ts';
import { GAS, type World } from '#lib/sim/index.ts';
import { fresh } from './helpers.ts';

const MATH = `import { Contract, StorageValue, sha256, modPow, modInverse, blockRandomness, block } from 'chainlab';
const TOY = modPow(4n, 3n, 23n);
export default class MathBox extends Contract {
	last = new StorageValue<string>('last', '');
	toy(): bigint { return TOY; }
	pow(b: bigint, e: bigint, m: bigint): bigint { return modPow(b, e, m); }
	inv(a: bigint, m: bigint): bigint { return modInverse(a, m); }
	sha(d: string): string { return sha256(d); }
	rand(n: number): bigint { return blockRandomness(n); }
	here(): bigint { return blockRandomness(); }
	num(): number { return block.number; }
	bad(): bigint { return modPow(2 as unknown as bigint, 1n, 5n); }
}`;

const worlds: World[] = [];
function setup(seed = 7) {
	const w = fresh(seed);
	worlds.push(w.world);
	const box = w.chain.deploy(MATH, { name: 'MathBox', from: 'alice' });
	return { ...w, box };
}
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});

describe('host operations (pure)', () => {
	test('modPow, modInverse and sha256 give the reference answers', () => {
		expect(serveCrypto('modPow', '4,3,23', undefined)).toBe('18');
		expect(serveCrypto('modPow', '-4,3,23', undefined)).toBe(String(((-64 % 23) + 23) % 23));
		expect(serveCrypto('modInverse', '3,11', undefined)).toBe('4');
		expect(serveCrypto('modInverse', '6,9', undefined)).toMatch(/^!6n has no inverse modulo 9n/);
		expect(serveCrypto('sha256', 'tabc', undefined)).toBe(
			'0x' + bytesToHex(sha256(utf8ToBytes('abc')))
		);
		expect(serveCrypto('random', '3', undefined)).toMatch(/^!.*only available while/);
	});

	test('gas follows the table: sha256 per word, EIP-2565 for modPow', () => {
		expect(sha256Gas(3)).toBe(GAS.sha256Base + GAS.sha256Word);
		expect(sha256Gas(64)).toBe(GAS.sha256Base + 2 * GAS.sha256Word);
		expect(modExpGas(4n, 3n, 23n)).toBe(GAS.modExp);
		const big = 2n ** 2047n;
		// 256 bytes = 32 words; 2047 iterations
		expect(modExpGas(big, big, big)).toBe(Math.floor((32 * 32 * 2047) / 3));
	});
});

describe('contracts', () => {
	test('a contract computes with modPow, modInverse and sha256, even at load time', () => {
		const { chain, box } = setup();
		expect(chain.view(box, 'toy')).toBe(18n);
		expect(chain.view(box, 'pow', [4n, 10n, 23n])).toBe(6n);
		expect(chain.view(box, 'inv', [3n, 11n])).toBe(4n);
		expect(chain.view(box, 'sha', ['abc'])).toBe('0x' + bytesToHex(sha256(utf8ToBytes('abc'))));
	});

	test('bad input throws in the learner’s terms', () => {
		const { chain, box } = setup();
		expect(() => chain.view(box, 'inv', [6n, 9n])).toThrow(/has no inverse modulo 9n/);
		expect(() => chain.view(box, 'pow', [2n, -1n, 5n])).toThrow(/exponent must not be negative/);
		expect(() => chain.view(box, 'bad')).toThrow(/base must be a bigint/);
	});

	test('a modPow transaction costs exactly its table figure more than a cheaper call', () => {
		const { chain, box } = setup();
		const small = chain.send({ from: 'alice', to: box, method: 'pow', args: [4n, 3n, 23n] });
		const big = chain.send({ from: 'alice', to: box, method: 'pow', args: [4n, 5n, 23n] });
		expect(small.status).toBe('success');
		// same data length, same ticks, same gas: modPow is priced from operand sizes
		expect(big.gasUsed).toBe(small.gasUsed);
		const huge = 2n ** 1000n + 7n;
		const r = chain.send({ from: 'alice', to: box, method: 'pow', args: [huge, huge, huge] });
		expect(r.status).toBe('success');
		expect(r.gasUsed).toBeGreaterThan(small.gasUsed + modExpGas(huge, huge, huge) - GAS.modExp);
	});

	test('blockRandomness is seeded per block, matches chain.randomness, refuses the future', () => {
		const { chain, box, world } = setup(7);
		const n = chain.view(box, 'num') as number;
		expect(chain.view(box, 'rand', [n])).toBe(chain.randomness(n));
		expect(chain.randomness(n)).toBe(blockRandomness(7, 1, n));
		expect(chain.randomness(n)).not.toBe(chain.randomness(n - 1));
		expect(() => chain.view(box, 'rand', [n + 1])).toThrow(/has no randomness yet/);
		const r = chain.send({ from: 'alice', to: box, method: 'here' });
		expect(r.returnValue).toBe(chain.randomness(r.blockNumber));
		const other = fresh(8);
		worlds.push(other.world);
		expect(other.chain.randomness(n)).not.toBe(chain.randomness(n));
		expect(world.seed).toBe(7);
	});
});
