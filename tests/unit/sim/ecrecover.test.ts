/** ecrecover in the contract API and protocols/ecdsa.ts: signer addresses, failures, gas. */
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, test } from 'vitest';
import { ecrecover, ethAddress, secretKeyFromLabel, signDigest } from '#lib/protocols/ecdsa.ts';
import { keccak256 } from '#lib/sim/hash.ts';
import { GAS, type World } from '#lib/sim/index.ts';
import { fresh } from './helpers.ts';

const BOX = `import { Contract, ecrecover } from 'chainlab';
export default class Recover extends Contract {
	who(d: string, v: number, r: bigint, s: bigint): string | null { return ecrecover(d, v, r, s); }
	times(n: number, d: string, v: number, r: bigint, s: bigint): number {
		let found = 0;
		for (let i = 0; i < n; i++) if (ecrecover(d, v, r, s) !== null) found++;
		return found;
	}
}`;

const worlds: World[] = [];
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});
function setup() {
	const w = fresh(3);
	worlds.push(w.world);
	return { ...w, box: w.chain.deploy(BOX, { name: 'Recover', from: 'alice' }) };
}

const hex32 = (v: bigint) => v.toString(16).padStart(64, '0');

describe('protocols/ecdsa', () => {
	test('secret key 1 has the well-known address 0x7e5f...5bdf', () => {
		const one = hexToBytes(hex32(1n));
		expect(ethAddress(one)).toBe('0x7e5f4552091a69125d5dfcb7b8c2659029395bdf');
	});

	test('the precompile test vector of go-ethereum recovers its published address', () => {
		// go-ethereum core/vm/testdata/precompiles/ecRecover.json, "ValidKey"
		const digest = '0x38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e';
		const r = BigInt('0x38d18acb67d25c8bb9942764b62f18e17054f66a817bd4295423adf9ed98873e');
		const s = BigInt('0x789d1dd423d25f0772d2748d60f7e4b81bb14d086eba8e8e8efb6dcff8a4ae02');
		expect(ecrecover(digest, 27, r, s)).toBe('0xceaccac640adf55b2028469bd36ba501f28b699d');
		expect(ecrecover(digest, 28, r, s)).not.toBe('0xceaccac640adf55b2028469bd36ba501f28b699d');
	});

	test('signatures recover to the signer, and only for the digest signed', () => {
		for (const label of ['alice', 'bob', 'guardian-7']) {
			const key = secretKeyFromLabel(label);
			const digest = keccak256('a withdrawal for ' + label);
			const sig = signDigest(key, digest);
			expect([27, 28]).toContain(sig.v);
			expect(ecrecover(digest, sig.v, sig.r, sig.s)).toBe(ethAddress(key));
			// another digest recovers some other address, never the signer's
			expect(ecrecover(keccak256('other'), sig.v, sig.r, sig.s)).not.toBe(ethAddress(key));
		}
	});

	test('no signer: v not 27/28, r or s out of range', () => {
		const digest = keccak256('x');
		const sig = signDigest(secretKeyFromLabel('alice'), digest);
		expect(ecrecover(digest, 29, sig.r, sig.s)).toBeNull();
		expect(ecrecover(digest, sig.v, 0n, sig.s)).toBeNull();
		expect(ecrecover(digest, sig.v, sig.r, 2n ** 256n)).toBeNull();
		expect(() => ecrecover('0x12', sig.v, sig.r, sig.s)).toThrow(/64 hex digits/);
	});
});

describe('ecrecover in contracts', () => {
	test('a contract recovers the signer; a bad signature gives null; a bad digest throws', () => {
		const { chain, box } = setup();
		const key = secretKeyFromLabel('carol');
		const digest = keccak256('pay carol 5');
		const { v, r, s } = signDigest(key, digest);
		expect(chain.view(box, 'who', [digest, v, r, s])).toBe(ethAddress(key));
		expect(chain.view(box, 'who', [digest, 26, r, s])).toBeNull();
		expect(chain.view(box, 'who', [digest, v, -r, s])).toBeNull();
		expect(() => chain.view(box, 'who', ['0xabc', v, r, s])).toThrow(
			/digest must be a 32-byte hash/
		);
		expect(() => chain.view(box, 'who', [digest, '27', r, s])).toThrow(/v must be a number/);
		expect(() => chain.view(box, 'who', [digest, v, 5, s])).toThrow(/r must be a bigint/);
	});

	test('each ecrecover costs GAS.ecrecover (3,000)', () => {
		const { chain, box } = setup();
		const digest = keccak256('gas');
		const { v, r, s } = signDigest(secretKeyFromLabel('dave'), digest);
		const one = chain.send({ from: 'alice', to: box, method: 'times', args: [1, digest, v, r, s] });
		const three = chain.send({
			from: 'alice',
			to: box,
			method: 'times',
			args: [3, digest, v, r, s]
		});
		expect([one.returnValue, three.returnValue]).toEqual([1, 3]);
		expect(GAS.ecrecover).toBe(3_000);
		// two more recoveries: 2 x 3,000, plus compute ticks (10 gas each) of the loop and of the
		// argument checks (about 400 gas a call)
		const extra = three.gasUsed - one.gasUsed;
		expect(extra).toBeGreaterThanOrEqual(2 * GAS.ecrecover);
		expect(extra).toBeLessThan(2 * GAS.ecrecover + 1_000);
	});
});
