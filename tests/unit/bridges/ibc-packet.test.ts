// Lesson 05-bridges/06-ibc-packet: the starter fails the checks about receipts and timeouts, the
// solution passes all; each check catches the bug it is named for; the sequence view follows the
// packets; and the lesson's LightClient contract accepts and refuses headers exactly as the
// reference model (protocols/light-client.ts) does.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { stateAt } from '#lib/model/bridge.ts';
import {
	createLightClient,
	updateClient,
	type HeaderUpdate,
	type LightClient
} from '#lib/protocols/light-client.ts';
import {
	signHeader,
	validatorKey,
	validatorSetHash,
	type Header,
	type ValidatorKey
} from '#lib/protocols/light-header.ts';
import { createWorld, type Chain, type World } from '#lib/sim/index.ts';
import { lessonVerdicts, mutate } from './verdicts.ts';

const ID = '05-bridges/06-ibc-packet';
const SOLUTION = readFileSync(`lessons/${ID}/solution/TransferChannel.ts`, 'utf8');
const CLIENT = readFileSync(`lessons/${ID}/contracts/LightClient.ts`, 'utf8');

const verdicts = (sources: 'starter' | 'solution' | Record<string, string>) =>
	lessonVerdicts(ID, sources);
const mutated = (from: string, to: string) => ({
	'contracts/TransferChannel.ts': mutate(SOLUTION, from, to)
});

describe('IBC packet lesson', () => {
	test('the starter fails the receipt and timeout checks; the solution passes every one', async () => {
		const starter = await verdicts('starter');
		expect(Object.values(starter.byId).map((c) => [c.id, c.passed])).toEqual([
			['receive-once', false],
			['proven-packets-only', true],
			['timeout-boundaries', false],
			['timeout-proven', false],
			['run-settles-once', false]
		]);
		const solution = await verdicts('solution');
		for (const c of Object.values(solution.byId))
			expect(c, c.message).toMatchObject({ passed: true });
		const summary = Object.fromEntries(
			solution.overview.summary!.map((row) => [row.label, row.value])
		);
		expect(summary['Vouchers backed by nothing (most at one step)']).toBe('0 ibc/…TOK');
		expect(summary['Chain B’s light client of chain A']).toBe('frozen');
		const starterSummary = starter.overview.summary!.find((r) =>
			r.label.startsWith('Vouchers backed')
		);
		// the prediction's answer: 10 from the replay, 5 minted late and refused too
		expect(starterSummary?.value).toBe('15 ibc/…TOK');
	}, 60_000);

	test('the sequence view: received, acknowledged, a refused late delivery, then timed out', async () => {
		const { overview } = await verdicts('solution');
		const bridge = overview.bridge!;
		expect(bridge.stateWords).toEqual({ proven: 'received', executed: 'acknowledged' });
		const last = Math.max(...bridge.messages.flatMap((m) => m.marks.map((k) => k.step)));
		const states = Object.fromEntries(bridge.messages.map((m) => [m.id, stateAt(m, last)]));
		expect(states).toEqual({ '1': 'executed', '2': 'executed', '3': 'executed', '4': 'timed-out' });
		const first = bridge.messages.find((m) => m.id === '1')!;
		// delivered twice (one replay), received once
		expect(first.marks.filter((k) => k.state === 'relayed').map((k) => !!k.replay)).toEqual([
			false,
			true
		]);
		expect(first.marks.filter((k) => k.state === 'proven')).toHaveLength(1);
		const late = bridge.messages.find((m) => m.id === '4')!;
		expect(late.marks.find((k) => k.state === 'relayed')?.status).toBe('reverted');
		expect(late.marks.some((k) => k.state === 'proven')).toBe(false);
		expect(overview.bridge!.risk!.rows.map((r) => [r.field, r.level])).toEqual([
			['Validated by', 'good'],
			['Lesson 03 (Ronin)', 'bad'],
			['Destination token', 'good'],
			['Backing in this run', 'good']
		]);
	}, 60_000);

	test('each check catches its bug on an otherwise correct channel', async () => {
		const strict = await verdicts(
			mutated(
				'height.revisionHeight >= limit.revisionHeight',
				'height.revisionHeight > limit.revisionHeight'
			)
		);
		expect(strict.byId['timeout-boundaries'].passed).toBe(false);
		const reverting = await verdicts(
			mutated(
				'if (this.store.has(receiptPath(packet))) return;',
				"require(!this.store.has(receiptPath(packet)), 'already received');"
			)
		);
		expect(reverting.byId['receive-once'].passed).toBe(false);
		expect(reverting.byId['run-settles-once'].passed).toBe(true);
		const noAbsence = await verdicts(
			mutated('client.verifyNonMembership(proofHeight, proof, receiptPath(packet));', '')
		);
		expect(noAbsence.byId['timeout-proven'].passed).toBe(false);
		const noProof = await verdicts(
			mutated(
				'Contract.at(this.client).verifyMembership(\n\t\t\tproofHeight,',
				'Contract.at(this.client).consensusState(\n\t\t\tproofHeight,'
			)
		);
		expect(noProof.byId['proven-packets-only'].passed).toBe(false);
	}, 120_000);
});

describe('the lesson’s LightClient contract against protocols/light-client.ts', () => {
	const worlds: World[] = [];
	afterEach(() => {
		for (const w of worlds.splice(0)) w.dispose();
	});
	const GENESIS = Date.UTC(2026, 2, 1) / 1000;
	const keys = (prefix: string, n: number) =>
		Array.from({ length: n }, (_, i) => validatorKey(`${prefix} ${i + 1}`, 10));
	const T = keys('trusted', 3);
	const N = [T[0], T[1], ...keys('new', 2)];
	const set = (ks: ValidatorKey[]) => ks.map((k) => k.validator);

	function header(height: number, time: number, signers: ValidatorKey[], app = 'a'): Header {
		const vals = validatorSetHash(set(signers));
		return {
			chainId: 'chain-a-1',
			height,
			time,
			validatorsHash: vals,
			nextValidatorsHash: vals,
			appHash: '0x' + app.repeat(64)
		};
	}

	function setup(): { chain: Chain; client: string; model: LightClient } {
		const world = createWorld({ seed: 3, chains: [{ id: 1, blockTime: 6, genesisTime: GENESIS }] });
		worlds.push(world);
		const chain = world.chain();
		const trusted = header(10, GENESIS - 60, T);
		const client = chain.deploy(CLIENT, {
			name: 'LightClient',
			from: 'deployer',
			args: ['chain-a-1', trusted, 14 * 86_400, 60]
		});
		const model = createLightClient({
			chainId: 'chain-a-1',
			trustedHeader: trusted,
			trustingPeriod: 14 * 86_400,
			unbondingPeriod: 21 * 86_400,
			maxClockDrift: 60
		});
		return { chain, client, model };
	}

	/** Both verdicts on one update: the contract's receipt and the model's outcome or error. */
	function both(t: ReturnType<typeof setup>, update: HeaderUpdate) {
		const receipt = t.chain.send({
			from: 'relayer',
			to: t.client,
			method: 'updateClient',
			args: [update]
		});
		let model: string;
		try {
			const r = updateClient(t.model, update, t.chain.timestamp);
			t.model = r.client;
			model = r.outcome;
		} catch (e) {
			model = (e as { code: string }).code;
		}
		return { contract: receipt.status, error: receipt.error?.message ?? '', model };
	}

	const update = (
		h: Header,
		signers: ValidatorKey[],
		vals: ValidatorKey[],
		trustedHeight = 10
	): HeaderUpdate => ({
		signedHeader: signHeader(h, signers),
		validatorSet: set(vals),
		trustedHeight,
		trustedValidators: set(T)
	});

	test('adjacent headers: exactly 2/3 of the power is refused, more is accepted', () => {
		const t = setup();
		const time = t.chain.timestamp;
		const twoThirds = both(t, update(header(11, time, T), T.slice(0, 2), T));
		expect(twoThirds).toMatchObject({ contract: 'reverted', model: 'not-enough-power' });
		expect(twoThirds.error).toMatch(/only 20 of 30 voting power signed/);
		expect(both(t, update(header(11, time, T), T, T))).toMatchObject({
			contract: 'success',
			model: 'updated'
		});
	});

	test('skipping to a new set: exactly 1/3 of the trusted power is refused, more is accepted', () => {
		const t = setup();
		const time = t.chain.timestamp;
		// N's own power is 40; T[0] and the two new validators sign 30 of it (> 2/3), but only 10 of T's 30
		const third = both(t, update(header(15, time, N), [T[0], N[2], N[3]], N));
		expect(third).toMatchObject({ contract: 'reverted', model: 'not-enough-trust' });
		expect(third.error).toMatch(/more than 1\/3 is needed to skip/);
		expect(both(t, update(header(15, time, N), [T[0], T[1], N[2]], N))).toMatchObject({
			contract: 'success',
			model: 'updated'
		});
	});

	test('a forged signature and a double vote are refused', () => {
		const t = setup();
		const time = t.chain.timestamp;
		const forged = update(header(11, time, T), T, T);
		const sig = forged.signedHeader.commit.signatures[0];
		sig.signature = sig.signature.slice(0, -2) + (sig.signature.endsWith('00') ? '01' : '00');
		expect(both(t, forged)).toMatchObject({ contract: 'reverted', model: 'bad-signature' });
		const twice = update(header(11, time, T), [T[0], T[0], T[1], T[2]], T);
		expect(both(t, twice)).toMatchObject({ contract: 'reverted', model: 'double-vote' });
	});

	test('two valid headers at one height freeze the client; then it proves nothing', () => {
		const t = setup();
		const time = t.chain.timestamp;
		const store: [string, string][] = [['commitments/x', '0x01']];
		const honest = header(12, time, T, 'b');
		expect(both(t, update(honest, T, T))).toMatchObject({ contract: 'success', model: 'updated' });
		const fork = header(12, time, T, 'c');
		expect(both(t, update(fork, T, T))).toMatchObject({ contract: 'success', model: 'frozen' });
		expect(t.chain.view(t.client, 'status', [])).toBe('frozen');
		expect(() =>
			t.chain.view(t.client, 'verifyMembership', [12, store, 'commitments/x', '0x01'])
		).toThrow(/is frozen: it proves nothing/);
		expect(both(t, update(header(13, time, T), T, T, 12))).toMatchObject({
			contract: 'reverted',
			model: 'frozen'
		});
	});
});
