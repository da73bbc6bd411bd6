/** ed25519Verify in the contract API: RFC 8032 vectors, forgeries, malformed input, gas. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, test } from 'vitest';
import { cryptoGas, serveCrypto } from '#lib/sim/crypto.ts';
import { GAS, type World } from '#lib/sim/index.ts';
import { fresh } from './helpers.ts';

const BOX = `import { Contract, ed25519Verify } from 'chainlab';
export default class Verify extends Contract {
	check(k: string, m: string, sig: string): boolean { return ed25519Verify(k, m, sig); }
	checkBytes(k: string, m: number[], sig: string): boolean { return ed25519Verify(k, new Uint8Array(m), sig); }
	times(n: number, k: string, m: string, sig: string): number {
		let ok = 0;
		for (let i = 0; i < n; i++) if (ed25519Verify(k, m, sig)) ok++;
		return ok;
	}
}`;

/** RFC 8032 section 7.1, TEST 1-3: secret key, public key, message, signature (hex). */
const RFC8032 = [
	{
		name: 'TEST 1 (empty message)',
		secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
		publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
		message: '',
		signature:
			'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'
	},
	{
		name: 'TEST 2 (one byte)',
		secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
		publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
		message: '72',
		signature:
			'92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'
	},
	{
		name: 'TEST 3 (two bytes)',
		secretKey: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
		publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
		message: 'af82',
		signature:
			'6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'
	}
];

/** The group order L of Ed25519 (RFC 8032 section 5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

const worlds: World[] = [];
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});
function setup() {
	const w = fresh(5);
	worlds.push(w.world);
	return { ...w, box: w.chain.deploy(BOX, { name: 'Verify', from: 'alice' }) };
}
const hex = (h: string) => '0x' + h;
/** A hex message as the contract passes it: '0x...' bytes, or '' for the empty message. */
const msgArg = (h: string) => (h === '' ? '' : hex(h));
/** A signature with S replaced by S + L: the same point equation, but S not canonical. */
function withLargeS(signature: string): string {
	const bytes = hexToBytes(signature);
	let s = 0n;
	for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(bytes[i]);
	s += L;
	for (let i = 32; i < 64; i++) {
		bytes[i] = Number(s & 0xffn);
		s >>= 8n;
	}
	return bytesToHex(bytes);
}

describe('ed25519Verify', () => {
	test('the RFC 8032 vectors are what @noble/curves signs, and they verify in a contract', () => {
		const { chain, box } = setup();
		for (const v of RFC8032) {
			expect(bytesToHex(ed25519.getPublicKey(hexToBytes(v.secretKey))), v.name).toBe(v.publicKey);
			const signed = ed25519.sign(hexToBytes(v.message), hexToBytes(v.secretKey));
			expect(bytesToHex(signed), v.name).toBe(v.signature);
			const args = [hex(v.publicKey), msgArg(v.message), hex(v.signature)];
			expect(chain.view(box, 'check', args), v.name).toBe(true);
			const bytes = [...hexToBytes(v.message)];
			expect(chain.view(box, 'checkBytes', [args[0], bytes, args[2]]), v.name).toBe(true);
		}
	});

	test('another message, another key, a flipped bit or a non-canonical S gives false', () => {
		const { chain, box } = setup();
		const [one, two] = [RFC8032[1], RFC8032[2]];
		const check = (k: string, m: string, sig: string) => chain.view(box, 'check', [k, m, sig]);
		expect(check(hex(one.publicKey), msgArg(two.message), hex(one.signature))).toBe(false);
		expect(check(hex(two.publicKey), msgArg(one.message), hex(one.signature))).toBe(false);
		const flipped = one.signature.slice(0, 10) + 'f' + one.signature.slice(11);
		expect(check(hex(one.publicKey), msgArg(one.message), hex(flipped))).toBe(false);
		expect(check(hex(one.publicKey), msgArg(one.message), hex(withLargeS(one.signature)))).toBe(
			false
		);
		// the text '72' is two UTF-8 bytes, not the byte 0x72 the vector signed
		expect(check(hex(one.publicKey), one.message, hex(one.signature))).toBe(false);
		// 0x02 00..00 decodes to no point of the curve: no key, so no signature verifies
		const noPoint = '0x02' + '00'.repeat(31);
		expect(check(noPoint, msgArg(one.message), hex(one.signature))).toBe(false);
	});

	test('a malformed key, signature or message throws a TypeError in the learner’s terms', () => {
		const { chain, box } = setup();
		const v = RFC8032[1];
		const check = (k: unknown, m: unknown, sig: unknown) => chain.view(box, 'check', [k, m, sig]);
		expect(() => check(v.publicKey, '0x72', hex(v.signature))).toThrow(
			/publicKey must be a 32-byte Ed25519 public key, 0x and 64 hex digits/
		);
		expect(() => check(hex(v.publicKey).slice(0, 64), '0x72', hex(v.signature))).toThrow(
			/publicKey must be/
		);
		expect(() => check(hex(v.publicKey), '0x72', hex(v.signature).slice(0, 128))).toThrow(
			/signature must be 64 bytes \(R then S\), 0x and 128 hex digits/
		);
		expect(() => check(hex(v.publicKey), '0x72', 7n)).toThrow(/signature must be/);
		expect(() => check(hex(v.publicKey), 72, hex(v.signature))).toThrow(
			/message must be a string \(0x-hex bytes or text\) or a Uint8Array, got a number/
		);
	});

	test('the host operation answers 1, 0 or a reason, and never throws', () => {
		const v = RFC8032[2];
		const payload = (k: string, sig: string, m: string) => `${k},${sig},t${m}`;
		expect(
			serveCrypto('ed25519', payload(hex(v.publicKey), hex(v.signature), '0xaf82'), undefined)
		).toBe('1');
		expect(
			serveCrypto('ed25519', payload(hex(v.publicKey), hex(v.signature), '0xaf83'), undefined)
		).toBe('0');
		expect(serveCrypto('ed25519', payload('0x12', hex(v.signature), '0xaf82'), undefined)).toMatch(
			/^!publicKey must be/
		);
		expect(serveCrypto('ed25519', 'no commas', undefined)).toBe('!malformed input');
		expect(cryptoGas('ed25519', 'no commas')).toBe(GAS.ed25519Verify);
	});

	test('each verification costs GAS.ed25519Verify plus 12 per 32-byte word of message', () => {
		const { chain, box } = setup();
		const v = RFC8032[2];
		const args = [hex(v.publicKey), msgArg(v.message), hex(v.signature)];
		const one = chain.send({ from: 'alice', to: box, method: 'times', args: [1, ...args] });
		const three = chain.send({ from: 'alice', to: box, method: 'times', args: [3, ...args] });
		expect([one.returnValue, three.returnValue]).toEqual([1, 3]);
		// two more verifications of a 2-byte message (one word), plus compute ticks of the loop and
		// of the argument checks (about 500 gas a call)
		const extra = three.gasUsed - one.gasUsed;
		const each = GAS.ed25519Verify + GAS.sha256Word;
		expect(extra).toBeGreaterThanOrEqual(2 * each);
		expect(extra).toBeLessThan(2 * each + 1_500);
		const long = '0x' + 'ab'.repeat(3200);
		const payloadOf = (m: string) => `${hex(v.publicKey)},${hex(v.signature)},t${m}`;
		expect(cryptoGas('ed25519', payloadOf(long))).toBe(GAS.ed25519Verify + 100 * GAS.sha256Word);
	});
});
