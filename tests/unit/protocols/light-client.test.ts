import {
	clientStatus,
	createLightClient,
	LightClientError,
	submitMisbehaviour,
	updateClient,
	type HeaderUpdate,
	type LightClient
} from '#lib/protocols/light-client.ts';
import {
	headerHash,
	signHeader,
	validatorAddress,
	validatorKey,
	validatorSetHash,
	type Header,
	type ValidatorKey
} from '#lib/protocols/light-header.ts';
import { describe, expect, test } from 'vitest';

const CHAIN = 'chain-b';
const T0 = 1_700_000_000; // seconds
const DAY = 86_400;

// Trusted set V: total power 300, so 2/3 is exactly 200 and 1/3 exactly 100.
const [v0, v1, v2, v3] = [
	validatorKey('v0', 100),
	validatorKey('v1', 100),
	validatorKey('v2', 99),
	validatorKey('v3', 1)
];
const V = [v0, v1, v2, v3];
// A later set W keeps v0 and v3 and adds two newcomers: total 301, 2/3 = 200.67.
const [w1, w2] = [validatorKey('w1', 100), validatorKey('w2', 100)];
const W = [v0, v3, w1, w2];

const vals = (keys: ValidatorKey[]) => keys.map((k) => k.validator);
const appHash = (n: number) => '0x' + n.toString(16).padStart(64, '0');

function header(
	height: number,
	time: number,
	set: ValidatorKey[],
	next: ValidatorKey[],
	app = height
): Header {
	return {
		chainId: CHAIN,
		height,
		time,
		validatorsHash: validatorSetHash(vals(set)),
		nextValidatorsHash: validatorSetHash(vals(next)),
		appHash: appHash(app)
	};
}

function update(
	h: Header,
	set: ValidatorKey[],
	signers: ValidatorKey[],
	trustedHeight: number,
	trusted: ValidatorKey[]
): HeaderUpdate {
	return {
		signedHeader: signHeader(h, signers),
		validatorSet: vals(set),
		trustedHeight,
		trustedValidators: vals(trusted)
	};
}

/** a client that trusts height 10 of chain B, whose next validators are V */
function client(overrides: Partial<Parameters<typeof createLightClient>[0]> = {}): LightClient {
	return createLightClient({
		chainId: CHAIN,
		trustedHeader: header(10, T0, V, V),
		trustingPeriod: 14 * DAY,
		unbondingPeriod: 21 * DAY,
		maxClockDrift: 10,
		...overrides
	});
}

function refusal(run: () => unknown): string {
	try {
		run();
	} catch (e) {
		if (e instanceof LightClientError) return e.code;
		throw e;
	}
	return 'accepted';
}

const NOW = T0 + 100;

describe('creating a client', () => {
	test('trust level must be within [1/3, 1]; trusting period below unbonding period', () => {
		expect(client().trustLevel).toEqual({ numerator: 1, denominator: 3 });
		expect(() => client({ trustLevel: { numerator: 1, denominator: 4 } })).toThrow(
			/within \[1\/3, 1\]/
		);
		expect(() => client({ trustLevel: { numerator: 4, denominator: 3 } })).toThrow(
			/within \[1\/3, 1\]/
		);
		expect(() => client({ trustLevel: { numerator: 1, denominator: 0 } })).toThrow(/within/);
		expect(client({ trustLevel: { numerator: 2, denominator: 3 } }).trustLevel.numerator).toBe(2);
		expect(() => client({ trustingPeriod: 21 * DAY })).toThrow(/shorter than the unbonding period/);
		expect(() => client({ maxClockDrift: 0 })).toThrow(/max clock drift/);
	});
});

describe('adjacent headers: more than 2/3 of the trusted next validators', () => {
	test('201 of 300 passes and stores the consensus state', () => {
		const c = client();
		const { client: next, outcome } = updateClient(
			c,
			update(header(11, T0 + 5, V, V), V, [v0, v1, v3], 10, V),
			NOW
		);
		expect(outcome).toBe('updated');
		expect(next.latestHeight).toBe(11);
		expect(next.consensusStates[11]).toEqual({
			time: T0 + 5,
			appHash: appHash(11),
			nextValidatorsHash: validatorSetHash(vals(V))
		});
		expect(c.consensusStates[11]).toBeUndefined(); // pure: the old state is untouched
	});

	test('exactly 2/3 (200 of 300) fails', () => {
		const u = update(header(11, T0 + 5, V, V), V, [v0, v1], 10, V);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('not-enough-power');
		expect(() => updateClient(client(), u, NOW)).toThrow(/only 200 of 300 voting power signed/);
	});

	test('a header signed by a set the trusted header did not name fails', () => {
		// W signs height 11 with all its power, but height 10 said V comes next
		const u = update(header(11, T0 + 5, W, W), W, W, 10, V);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('validators-mismatch');
	});
});

describe('skipping headers: more than the trust level (1/3) of the trusted set, and 2/3 of the new', () => {
	const far = (signers: ValidatorKey[]) => update(header(50, T0 + 60, W, W), W, signers, 10, V);

	test('101 of the trusted 300 passes; the newcomers do not count towards trust', () => {
		const { outcome, client: next } = updateClient(client(), far([v0, v3, w1]), NOW);
		expect(outcome).toBe('updated');
		expect(next.latestHeight).toBe(50);
	});

	test('exactly 1/3 of the trusted set (100 of 300) fails, even with all of the new set behind it', () => {
		// v0 + w1 + w2 = 300 of W's 301, but only v0 (100) is in the trusted set: trust needs > 100
		const u = far([v0, w1, w2]);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('not-enough-trust');
		expect(() => updateClient(client(), u, NOW)).toThrow(/only 100 of the trusted set's 300/);
	});

	test('enough trust but not more than 2/3 of the new set fails', () => {
		// v0 + v3 = 101 of V (trust ok), but only 101 of W's 301
		expect(refusal(() => updateClient(client(), far([v0, v3]), NOW))).toBe('not-enough-power');
	});

	test('a stricter trust level (2/3) refuses what 1/3 accepts', () => {
		const strict = client({ trustLevel: { numerator: 2, denominator: 3 } });
		expect(refusal(() => updateClient(strict, far([v0, v3, w1]), NOW))).toBe('not-enough-trust');
	});
});

describe('signatures', () => {
	const h11 = header(11, T0 + 5, V, V);

	test('a forged signature fails, even when the others would be enough', () => {
		const u = update(h11, V, V, 10, V);
		const sigs = u.signedHeader.commit.signatures;
		const bad = sigs[3].signature.slice(0, -2) + (sigs[3].signature.endsWith('00') ? '01' : '00');
		sigs[3] = { ...sigs[3], signature: bad };
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('bad-signature');
	});

	test('a signature for another block (replayed from another header) fails', () => {
		const other = signHeader({ ...h11, appHash: appHash(999) }, [v2]);
		const u = update(h11, V, [v0, v1], 10, V);
		u.signedHeader.commit.signatures.push(other.commit.signatures[0]);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('bad-signature');
	});

	test('a signature by a key outside the set fails on the header itself', () => {
		const outsider = validatorKey('mallory', 100);
		const u = update(h11, V, [v0, v1, outsider], 10, V);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('unknown-validator');
	});

	test('the same validator twice is a double vote, never counted twice', () => {
		// v0 + v0 + v3 would be 201 if v0 counted twice
		const u = update(h11, V, [v0, v0, v3], 10, V);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('double-vote');
		// addresses are compared whatever their case
		const w = update(h11, V, [v0, v1, v3], 10, V);
		const sigs = w.signedHeader.commit.signatures;
		sigs.push({
			...sigs[0],
			validatorAddress: sigs[0].validatorAddress.toUpperCase().replace('0X', '0x')
		});
		expect(refusal(() => updateClient(client(), w, NOW))).toBe('double-vote');
	});

	test('a commit for another block hash, or a validator set that does not match, fails', () => {
		const u = update(h11, V, V, 10, V);
		u.signedHeader.commit.blockHash = headerHash({ ...h11, height: 12 });
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('invalid-header');
		const wrongSet = { ...update(h11, V, V, 10, V), validatorSet: vals([v0, v1, v2]) };
		expect(refusal(() => updateClient(client(), wrongSet, NOW))).toBe('validators-mismatch');
	});

	test('addresses are the first 20 bytes of SHA-256 of the public key', () => {
		expect(validatorAddress(v0.validator.publicKey)).toMatch(/^0x[0-9a-f]{40}$/);
		expect(validatorAddress(v0.validator.publicKey)).not.toBe(
			validatorAddress(v1.validator.publicKey)
		);
	});
});

describe('trust and time', () => {
	const h11 = (time: number) => update(header(11, time, V, V), V, V, 10, V);

	test('the trusted state is usable until trusting period has passed (expired at exactly the end)', () => {
		const end = T0 + 14 * DAY;
		expect(updateClient(client(), h11(T0 + 5), end - 1).outcome).toBe('updated');
		expect(refusal(() => updateClient(client(), h11(T0 + 5), end))).toBe('expired');
		expect(clientStatus(client(), end - 1)).toBe('active');
		expect(clientStatus(client(), end)).toBe('expired');
	});

	test('an old trusted state cannot be used even while the client is active', () => {
		// height 20 (10 days in) keeps the client active; height 10 ran out at 14 days
		const at20 = update(header(20, T0 + 10 * DAY, V, V), V, V, 10, V);
		const { client: c } = updateClient(client(), at20, T0 + 10 * DAY);
		const from10 = update(header(30, T0 + 14 * DAY - 5, V, V), V, V, 10, V);
		const from20 = { ...from10, trustedHeight: 20 };
		expect(clientStatus(c, T0 + 14 * DAY)).toBe('active');
		expect(refusal(() => updateClient(c, from10, T0 + 14 * DAY))).toBe('expired');
		expect(updateClient(c, from10, T0 + 14 * DAY - 1).outcome).toBe('updated');
		expect(updateClient(c, from20, T0 + 14 * DAY).outcome).toBe('updated');
	});

	test('header time must be after the trusted time and before now + max clock drift', () => {
		expect(refusal(() => updateClient(client(), h11(T0), NOW))).toBe('invalid-header');
		expect(refusal(() => updateClient(client(), h11(NOW + 10), NOW))).toBe('invalid-header');
		expect(updateClient(client(), h11(NOW + 9), NOW).outcome).toBe('updated');
	});

	test('the trusted height must be stored and its validators must match', () => {
		expect(
			refusal(() => updateClient(client(), update(header(11, T0 + 5, V, V), V, V, 9, V), NOW))
		).toBe('unknown-trusted-height');
		const u = update(header(50, T0 + 5, W, W), W, W, 10, W);
		expect(refusal(() => updateClient(client(), u, NOW))).toBe('trusted-validators-mismatch');
	});
});

describe('misbehaviour freezes the client', () => {
	const honest = update(header(11, T0 + 5, V, V), V, V, 10, V);
	// the same validators also sign a different block at height 11 (another app hash)
	const fork = update(header(11, T0 + 5, V, V, 666), V, V, 10, V);

	test('resubmitting the same header is a no-op; a conflicting one at the same height freezes', () => {
		const { client: c } = updateClient(client(), honest, NOW);
		expect(updateClient(c, honest, NOW).outcome).toBe('duplicate');
		const frozen = updateClient(c, fork, NOW);
		expect(frozen.outcome).toBe('frozen');
		expect(frozen.client.frozen).toBe(true);
		expect(frozen.client.consensusStates[11]).toEqual(c.consensusStates[11]);
		expect(clientStatus(frozen.client, NOW)).toBe('frozen');
		const later = update(header(12, T0 + 9, V, V), V, V, 11, V);
		expect(refusal(() => updateClient(frozen.client, later, NOW))).toBe('frozen');
	});

	test('two valid headers at one height with different block hashes, submitted as evidence', () => {
		const result = submitMisbehaviour(client(), { header1: fork, header2: honest }, NOW);
		expect(result.outcome).toBe('frozen');
		expect(refusal(() => updateClient(result.client, honest, NOW))).toBe('frozen');
	});

	test('the same header twice is not misbehaviour', () => {
		expect(submitMisbehaviour(client(), { header1: honest, header2: honest }, NOW).outcome).toBe(
			'no-misbehaviour'
		);
	});

	test('a higher header that is not later breaks time order', () => {
		const h12 = update(header(12, T0 + 5, V, V), V, V, 10, V);
		expect(submitMisbehaviour(client(), { header1: h12, header2: honest }, NOW).outcome).toBe(
			'frozen'
		);
		const h12later = update(header(12, T0 + 6, V, V), V, V, 10, V);
		expect(submitMisbehaviour(client(), { header1: h12later, header2: honest }, NOW).outcome).toBe(
			'no-misbehaviour'
		);
		// a header stored between two states must keep their time order
		const { client: c } = updateClient(
			client(),
			update(header(20, T0 + 50, V, V), V, V, 10, V),
			NOW
		);
		expect(updateClient(c, update(header(15, T0 + 50, V, V), V, V, 10, V), NOW).outcome).toBe(
			'frozen'
		);
		expect(updateClient(c, update(header(15, T0 + 49, V, V), V, V, 10, V), NOW).outcome).toBe(
			'updated'
		);
	});

	test('evidence must be valid: a forged fork does not freeze the client', () => {
		const forged = update(header(11, T0 + 5, V, V, 666), V, [v0, v1], 10, V);
		expect(
			refusal(() => submitMisbehaviour(client(), { header1: forged, header2: honest }, NOW))
		).toBe('not-enough-power');
		const mallory = [validatorKey('m1', 100), validatorKey('m2', 100), validatorKey('m3', 100)];
		const fake = update(header(11, T0 + 5, mallory, mallory, 666), mallory, mallory, 10, V);
		expect(
			refusal(() => submitMisbehaviour(client(), { header1: fake, header2: honest }, NOW))
		).toBe('not-enough-trust');
		expect(
			refusal(() =>
				submitMisbehaviour(
					client(),
					{ header1: honest, header2: update(header(12, T0 + 6, V, V), V, V, 10, V) },
					NOW
				)
			)
		).toBe('invalid-misbehaviour');
	});
});
