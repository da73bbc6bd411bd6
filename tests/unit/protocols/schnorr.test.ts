import { createPrng } from '#lib/data/prng.ts';
import { describe, expect, test } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import {
	bip340AsTranscript,
	bip340PublicKey,
	challengeFiatShamir,
	challengeWeak,
	commit,
	extractSecret,
	forgeWeak,
	keygen,
	modInverse,
	modPGroup,
	modPow,
	randomNonce,
	randomScalar,
	respond,
	secp256k1Group,
	signBip340,
	signFiatShamir,
	simulateTranscript,
	toyGroup,
	verify,
	verifyBip340,
	verifyFiatShamir,
	type Transcript
} from '#lib/protocols/schnorr.ts';

/** the project's seeded generator (mulberry32), as a bare `() => number` */
const mulberry32 = (seed: number): (() => number) => createPrng(seed).next;

// bitcoin/bips bip-0340/test-vectors.csv (commit 7e8b5dfc304c0e3cd646b54bc49e23fad692d11e),
// rows 0, 1, 2 (valid, with secret key and aux_rand) and rows 5, 8 (invalid).
const VALID = [
	{
		index: 0,
		secret: '0000000000000000000000000000000000000000000000000000000000000003',
		publicKey: 'F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9',
		aux: '0000000000000000000000000000000000000000000000000000000000000000',
		message: '0000000000000000000000000000000000000000000000000000000000000000',
		signature:
			'E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0'
	},
	{
		index: 1,
		secret: 'B7E151628AED2A6ABF7158809CF4F3C762E7160F38B4DA56A784D9045190CFEF',
		publicKey: 'DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659',
		aux: '0000000000000000000000000000000000000000000000000000000000000001',
		message: '243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89',
		signature:
			'6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A'
	},
	{
		index: 2,
		secret: 'C90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B14E5C9',
		publicKey: 'DD308AFEC5777E13121FA72B9CC1B7CC0139715309B086C960E18FD969774EB8',
		aux: 'C87AA53824B4D7AE2EB035A2B5BBBCCC080E76CDC6D1692C4B0B62D798E6D906',
		message: '7E2D58D8B3BCDF1ABADEC7829054F90DDA9805AAB56C77333024B9D0A508B75C',
		signature:
			'5831AAEED7B44BB74E5EAB94BA9D4294C49BCF2A60728D8B4C200F50DD313C1BAB745879A5AD954A72C45A91C3A51D3C7ADEA98D82F8481E0E1E03674A6F3FB7'
	}
];
const INVALID = [
	{
		index: 5, // public key not on the curve
		publicKey: 'EEFDEA4CDB677750A420FEE807EACF21EB9898AE79B9768766E4FAA04A2D4A34',
		message: '243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89',
		signature:
			'6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E17776969E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B'
	},
	{
		index: 8, // negated s value
		publicKey: 'DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659',
		message: '243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89',
		signature:
			'6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E177769961764B3AA9B2FFCB6EF947B6887A226E8D7C93E00C5ED0C1834FF0D0C2E6DA6'
	}
];

describe('modular arithmetic', () => {
	test('modPow and modInverse agree with repeated multiplication', () => {
		for (let b = 0n; b < 23n; b++) {
			let acc = 1n;
			for (let e = 0n; e < 30n; e++) {
				expect(modPow(b, e, 23n)).toBe(acc);
				acc = (acc * b) % 23n;
			}
			if (b !== 0n) expect((modInverse(b, 23n) * b) % 23n).toBe(1n);
		}
		expect(modPow(18n, -4n, 23n)).toBe(6n); // 18^4 = 4 and 4 * 6 = 24 = 1 mod 23
		expect(modPow(-5n, 3n, 23n)).toBe(13n); // -125 + 6 * 23 = 13
		expect(modPow(7n, 5n, 1n)).toBe(0n);
	});

	test('no inverse and bad moduli throw', () => {
		expect(() => modInverse(0n, 23n)).toThrow(/no inverse/);
		expect(() => modInverse(6n, 9n)).toThrow(/no inverse/);
		expect(() => modPow(2n, 3n, 0n)).toThrow(/modulus/);
		expect(() => modPGroup(23n, 11n, 5n)).toThrow(/generate/); // 5 has order 22
		expect(() => modPGroup(23n, 7n, 4n)).toThrow(/divide/);
		expect(() => modPGroup(21n, 5n, 4n)).toThrow(/prime/);
	});
});

describe('Schnorr identification in the toy group p = 23, q = 11, g = 4', () => {
	test('the worked vector: x = 3, r = 7, c = 4', () => {
		const { y } = keygen(toyGroup, 3n);
		expect(y).toBe(18n);
		const t = commit(toyGroup, 7n);
		expect(t).toBe(8n);
		const s = respond(toyGroup, 3n, 7n, 4n);
		expect(s).toBe(8n);
		expect(modPow(4n, 8n, 23n)).toBe(9n);
		expect((8n * modPow(18n, 4n, 23n)) % 23n).toBe(9n);
		expect(verify(toyGroup, y, { t, c: 4n, s })).toBe(true);
		expect(verify(toyGroup, y, { t, c: 4n, s: 9n })).toBe(false);
	});

	test('reducing s modulo p instead of q is rejected', () => {
		const { y } = keygen(toyGroup, 3n);
		// r = 10, c = 10: r + c*x = 40; 40 mod 11 = 7 (right), 40 mod 23 = 17 (wrong)
		const t = commit(toyGroup, 10n);
		expect(verify(toyGroup, y, { t, c: 10n, s: 7n })).toBe(true);
		expect(verify(toyGroup, y, { t, c: 10n, s: 17n })).toBe(false);
		expect(verify(toyGroup, y, { t, c: 10n, s: 7n + 11n })).toBe(false); // not canonical
	});

	test('every honest run verifies, for every secret, nonce and challenge', () => {
		for (let x = 1n; x < 11n; x++) {
			const { y } = keygen(toyGroup, x);
			for (let r = 0n; r < 11n; r++) {
				for (let c = 0n; c < 11n; c++) {
					const ok = verify(toyGroup, y, {
						t: commit(toyGroup, r),
						c,
						s: respond(toyGroup, x, r, c)
					});
					expect(ok).toBe(true);
				}
			}
		}
	});

	test('bad keys and nonces get clear errors; junk transcripts are refused', () => {
		expect(() => keygen(toyGroup, 0n)).toThrow(/secret x/);
		expect(() => keygen(toyGroup, 11n)).toThrow(/secret x/);
		expect(() => commit(toyGroup, 11n)).toThrow(/nonce r/);
		expect(verify(toyGroup, 5n, { t: 8n, c: 4n, s: 8n })).toBe(false); // 5 is not in the subgroup
		expect(verify(toyGroup, 18n, { t: 0n, c: 4n, s: 8n })).toBe(false);
	});

	test('nonce reuse: two challenges on one commitment reveal the secret', () => {
		const x = 3n;
		const t = commit(toyGroup, 7n);
		const a = { t, c: 4n, s: respond(toyGroup, x, 7n, 4n) };
		const b = { t, c: 9n, s: respond(toyGroup, x, 7n, 9n) };
		expect(extractSecret(toyGroup, a, b)).toBe(3n);
		expect(() => extractSecret(toyGroup, a, a)).toThrow(/different challenges/);
		const other = { t: commit(toyGroup, 2n), c: 9n, s: respond(toyGroup, x, 2n, 9n) };
		expect(() => extractSecret(toyGroup, a, other)).toThrow(/share the commitment/);
	});

	test('simulated transcripts verify without the secret', () => {
		const { y } = keygen(toyGroup, 3n);
		const rng = mulberry32(11);
		for (let i = 0; i < 200; i++) {
			expect(verify(toyGroup, y, simulateTranscript(toyGroup, y, rng))).toBe(true);
		}
	});

	test('real and simulated transcripts have exactly the same distribution', () => {
		const x = 3n;
		const { y } = keygen(toyGroup, x);
		const key = (tr: Transcript<bigint>) => `${tr.t},${tr.c},${tr.s}`;
		const real: string[] = [];
		const simulated: string[] = [];
		for (let a = 0n; a < 11n; a++) {
			for (let c = 0n; c < 11n; c++) {
				real.push(key({ t: commit(toyGroup, a), c, s: respond(toyGroup, x, a, c) }));
				simulated.push(key(simulateTranscript(toyGroup, y, { s: a, c })));
			}
		}
		expect(real.length).toBe(121);
		expect(new Set(real).size).toBe(121);
		expect([...simulated].sort()).toEqual([...real].sort());
	});

	test('randomScalar is uniform over [0, q)', () => {
		const rng = mulberry32(3);
		const counts = new Array(11).fill(0);
		for (let i = 0; i < 11_000; i++) counts[Number(randomScalar(toyGroup, rng))]++;
		// binomial(11000, 1/11): mean 1000, sd about 30
		for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(4 * 30.2);
	});

	test('randomNonce is uniform over [1, q): never 0, so t is never the identity', () => {
		const rng = mulberry32(3);
		const counts = new Array(11).fill(0);
		for (let i = 0; i < 10_000; i++) counts[Number(randomNonce(toyGroup, rng))]++;
		expect(counts[0]).toBe(0);
		// binomial(10000, 1/10): mean 1000, sd 30
		for (const n of counts.slice(1)) expect(Math.abs(n - 1000)).toBeLessThan(4 * 30);
	});
});

describe('Schnorr identification on secp256k1', () => {
	const x = 0xc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b14e5c9n;

	test('keys are compressed points and honest runs verify', () => {
		const { y } = keygen(secp256k1Group, x);
		expect(y).toMatch(/^0[23][0-9a-f]{64}$/);
		expect(y.slice(2)).toBe(bip340PublicKey(x)); // same x coordinate as the BIP-340 key
		const rng = mulberry32(7);
		const r = randomScalar(secp256k1Group, rng);
		const c = randomScalar(secp256k1Group, rng);
		const tr = { t: commit(secp256k1Group, r), c, s: respond(secp256k1Group, x, r, c) };
		expect(verify(secp256k1Group, y, tr)).toBe(true);
		expect(verify(secp256k1Group, y, { ...tr, s: (tr.s + 1n) % secp256k1Group.q })).toBe(false);
		expect(verify(secp256k1Group, y, { ...tr, t: 'zz' })).toBe(false);
	});

	test('nonce reuse across two signed messages reveals the secret key', () => {
		const r = 0x1234567890abcdefn;
		const a = signFiatShamir(secp256k1Group, x, r, 'pay alice 1 ETH');
		const b = signFiatShamir(secp256k1Group, x, r, 'pay bob 1 ETH');
		expect(a.t).toBe(b.t);
		expect(a.c).not.toBe(b.c);
		expect(extractSecret(secp256k1Group, a, b)).toBe(x);
	});

	test('simulated transcripts verify without the secret', () => {
		const { y } = keygen(secp256k1Group, x);
		const rng = mulberry32(99);
		for (let i = 0; i < 5; i++) {
			expect(verify(secp256k1Group, y, simulateTranscript(secp256k1Group, y, rng))).toBe(true);
		}
		// c = 0 makes y^-c the point at infinity, written '00'
		expect(verify(secp256k1Group, y, simulateTranscript(secp256k1Group, y, { s: 5n, c: 0n }))).toBe(
			true
		);
	});
});

describe('Fiat-Shamir', () => {
	test('honest signatures verify; a changed message does not', () => {
		const x = 0xb7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfefn;
		const { y } = keygen(secp256k1Group, x);
		const sig = signFiatShamir(secp256k1Group, x, 424242n, 'transfer 5 ETH');
		expect(sig.c).toBe(challengeFiatShamir(secp256k1Group, sig.t, y, 'transfer 5 ETH'));
		expect(verifyFiatShamir(secp256k1Group, y, 'transfer 5 ETH', sig)).toBe(true);
		expect(verifyFiatShamir(secp256k1Group, y, 'transfer 6 ETH', sig)).toBe(false);
		const toy = signFiatShamir(toyGroup, 3n, 7n, 'hello');
		expect(verifyFiatShamir(toyGroup, 18n, 'hello', toy)).toBe(true);
	});

	test('weak Fiat-Shamir (t left out) is forged without the secret', () => {
		const { y } = keygen(secp256k1Group, 0xdeadbeefn);
		const forged = forgeWeak(secp256k1Group, y, 'pay mallory 100 ETH', 777n);
		expect(forged.c).toBe(challengeWeak(secp256k1Group, y, 'pay mallory 100 ETH'));
		expect(verifyFiatShamir(secp256k1Group, y, 'pay mallory 100 ETH', forged, 'weak')).toBe(true);
		expect(verifyFiatShamir(secp256k1Group, y, 'pay mallory 100 ETH', forged, 'full')).toBe(false);
	});

	test('in the toy group the forgery always passes the weak check and mostly fails the full one', () => {
		const { y } = keygen(toyGroup, 3n);
		let fullAccepts = 0;
		for (let i = 0; i < 55; i++) {
			const forged = forgeWeak(toyGroup, y, `message ${i}`, BigInt(i % 11));
			expect(verifyFiatShamir(toyGroup, y, `message ${i}`, forged, 'weak')).toBe(true);
			if (verifyFiatShamir(toyGroup, y, `message ${i}`, forged, 'full')) fullAccepts++;
		}
		// a full-challenge hash matches the forged c by chance 1/11: about 5 of 55
		expect(fullAccepts).toBeLessThan(20);
	});
});

describe('BIP-340', () => {
	test.each(VALID)('official vector $index: key, signature and verification', (v) => {
		const message = hexToBytes(v.message);
		expect(bip340PublicKey(v.secret)).toBe(v.publicKey.toLowerCase());
		expect(bip340PublicKey(BigInt('0x' + v.secret))).toBe(v.publicKey.toLowerCase());
		expect(signBip340(message, v.secret, v.aux)).toBe(v.signature.toLowerCase());
		expect(verifyBip340(v.signature, message, v.publicKey)).toBe(true);
		const { y, transcript } = bip340AsTranscript(v.signature, message, v.publicKey);
		expect(verify(secp256k1Group, y, transcript)).toBe(true);
	});

	test.each(INVALID)('official vector $index is rejected', (v) => {
		expect(verifyBip340(v.signature, hexToBytes(v.message), v.publicKey)).toBe(false);
	});

	test('sign and verify through the model', () => {
		const secret = 12345678901234567890n;
		const sig = signBip340('hello Chainlab', secret);
		const pub = bip340PublicKey(secret);
		expect(sig).toMatch(/^[0-9a-f]{128}$/);
		expect(verifyBip340(sig, 'hello Chainlab', pub)).toBe(true);
		expect(verifyBip340(sig, 'hello Chainlab!', pub)).toBe(false);
		expect(verifyBip340(sig, 'hello Chainlab', bip340PublicKey(secret + 1n))).toBe(false);
		expect(() => verifyBip340('abcd', 'hello', pub)).toThrow(/64 bytes/);
		expect(() => signBip340('hello', 0n)).toThrow(/secret key/);
	});
});

describe('short forms: the group follows from the values', () => {
	test('extractSecret(t1, t2) in the toy group (bigint t) recovers x from a reused nonce', () => {
		const x = 7n;
		const r = 5n;
		const t = commit(toyGroup, r);
		const a = { t, c: 3n, s: respond(toyGroup, x, r, 3n) };
		const b = { t, c: 9n, s: respond(toyGroup, x, r, 9n) };
		expect(extractSecret(a, b)).toBe(x);
		expect(extractSecret(a, b)).toBe(extractSecret(toyGroup, a, b));
	});

	test('extractSecret(t1, t2) on secp256k1 (hex t) recovers x', () => {
		const x = 0xc0ffeen * 1234567n;
		const r = 987654321n;
		const t = commit(secp256k1Group, r);
		const a = { t, c: 11n, s: respond(secp256k1Group, x, r, 11n) };
		const b = { t, c: 29n, s: respond(secp256k1Group, x, r, 29n) };
		expect(extractSecret(a, b)).toBe(x);
		expect(() => extractSecret({ t: 1, c: 1n, s: 1n } as never, b)).toThrow(TypeError);
	});

	test('simulateTranscript(y, rng) and verify(y, transcript) pick the group from y', () => {
		const rng = mulberry32(3);
		const toyY = keygen(toyGroup, 6n).y;
		const toySim = simulateTranscript(toyY, rng);
		expect(typeof toySim.t).toBe('bigint');
		expect(verify(toyY, toySim)).toBe(true);
		expect(verify(toyY, { ...toySim, s: (toySim.s + 1n) % 11n })).toBe(false);
		const y = keygen(secp256k1Group, 42n).y;
		const sim = simulateTranscript(y, rng);
		expect(verify(y, sim)).toBe(true);
		expect(verify(secp256k1Group, y, sim)).toBe(true);
		expect(verify(1 as never, sim)).toBe(false);
	});
});
