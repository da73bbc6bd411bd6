// Lesson 05-bridges/01-lock-and-mint: which checks the starter fails, that the solution passes
// them, and that each check catches the bug it is named for on an otherwise correct bridge.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stateAt } from '#lib/model/bridge.ts';
import { lessonVerdicts, mutate } from './verdicts.ts';

const ID = '05-bridges/01-lock-and-mint';
const dir = `lessons/${ID}/solution`;
const MINT = readFileSync(`${dir}/BridgeMint.ts`, 'utf8');
const LOCK = readFileSync(`${dir}/BridgeLock.ts`, 'utf8');

const verdicts = (sources: 'starter' | 'solution' | Record<string, string>) =>
	lessonVerdicts(ID, sources);

describe('lock and mint', () => {
	test('the starter fails all four checks, each in the learner terms', async () => {
		const { byId } = await verdicts('starter');
		expect(Object.keys(byId)).toEqual([
			'only-relayer-mints',
			'supply-invariant',
			'late-message-not-minted',
			'timed-out-refunded'
		]);
		for (const c of Object.values(byId)) expect(c.passed).toBe(false);
		const { overview } = await verdicts('starter');
		expect(overview.bridge!.risk!.rows.map((r) => [r.field, r.value, r.level])).toEqual([
			['Validated by', 'Nobody', 'bad'],
			['Destination token', 'Wrapped (wTOK)', 'bad'],
			['Backing in this run', 'Broken', 'bad']
		]);
		expect(byId['supply-invariant'].message).toContain('Step 4 (Mallory');
		expect(byId['supply-invariant'].message).toContain('nonce 77, which was never locked');
	});

	test('the solution passes, and the views see every message and the supply', async () => {
		const { byId, overview } = await verdicts('solution');
		for (const c of Object.values(byId)) expect(c, c.message).toMatchObject({ passed: true });
		const bridge = overview.bridge!;
		expect(bridge.risk!.rows.map((r) => r.value)).toEqual([
			'Third party (one relayer key)',
			'Wrapped (wTOK)',
			'Held at every step'
		]);
		const last = bridge.supply!.samples.length - 1;
		expect(bridge.messages.map((m) => [m.key, stateAt(m, last)])).toEqual([
			['lock → mint#0', 'executed'],
			['lock → mint#1', 'timed-out'],
			['burn → release#0', 'executed']
		]);
		// Mallory's reverted mint leaves no event: no message for nonce 77
		expect(bridge.messages.some((m) => m.id === '77')).toBe(false);
		expect(bridge.supply!.series.map((s) => s.name)).toEqual([
			'Locked on A',
			'Wrapped on B',
			'In flight'
		]);
		expect(bridge.supply!.samples.map((s) => s.values)).toEqual([
			['0', '0', '0'],
			['10', '0', '10'],
			['10', '10', '0'],
			['10', '10', '0'],
			['15', '10', '5'],
			['15', '10', '5'],
			['10', '10', '0'],
			['6', '6', '0']
		]);
	});

	test('the invariant check catches a mint without a lock', async () => {
		const open = mutate(
			MINT,
			"require(msg.sender === this.relayer.get(), 'only the relayer mints');",
			''
		);
		const { byId } = await verdicts({
			'contracts/BridgeMint.ts': open,
			'contracts/BridgeLock.ts': LOCK
		});
		expect(byId['only-relayer-mints'].passed).toBe(false);
		expect(byId['supply-invariant']).toMatchObject({ passed: false });
		expect(byId['supply-invariant'].message).toContain('wrapped on chain B is 60 wTOK');
		expect(byId['late-message-not-minted'].passed).toBe(true);
		expect(byId['timed-out-refunded'].passed).toBe(true);
	});

	test('the invariant check catches a lock both minted and refunded', async () => {
		// TimedOut is emitted but the mint goes ahead: the relayer refunds a lock that was minted
		const both = mutate(
			MINT,
			"emit('TimedOut', { to, amount, nonce });\n\t\t\treturn;",
			"emit('TimedOut', { to, amount, nonce });"
		);
		const { byId } = await verdicts({
			'contracts/BridgeMint.ts': both,
			'contracts/BridgeLock.ts': LOCK
		});
		expect(byId['supply-invariant'].passed).toBe(false);
		expect(byId['supply-invariant'].message).toContain('Step 7');
		expect(byId['late-message-not-minted'].passed).toBe(false);
	});

	test('the timeout boundary is >=: a mint exactly at the timeout is too late', async () => {
		const strict = mutate(
			MINT,
			'BigInt(block.timestamp) >= timeout',
			'BigInt(block.timestamp) > timeout'
		);
		const { byId } = await verdicts({
			'contracts/BridgeMint.ts': strict,
			'contracts/BridgeLock.ts': LOCK
		});
		expect(byId['late-message-not-minted'].passed).toBe(false);
		expect(byId['late-message-not-minted'].message).toContain('at the timeout');
	});

	test('a refund that pays twice fails the refund check', async () => {
		const twice = mutate(
			LOCK,
			"require(!this.refunded.has(nonce.toString()), 'this lock was already refunded');",
			''
		);
		const { byId } = await verdicts({
			'contracts/BridgeMint.ts': MINT,
			'contracts/BridgeLock.ts': twice
		});
		expect(byId['timed-out-refunded'].passed).toBe(false);
		expect(byId['supply-invariant'].passed).toBe(true);
	});
});
