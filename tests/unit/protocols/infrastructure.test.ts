/**
 * The infrastructure model: offline stake by provider and region, the liveness line (more than
 * 2/3 online, Solana's vote_stake_tracker.rs), the safety lines and the Nakamoto coefficient by
 * provider, at their exact boundaries.
 */
import { describe, expect, test } from 'vitest';
import {
	isLive,
	nakamotoByProvider,
	offlineStake,
	ONE_THIRD,
	outageReport,
	providersToHalt,
	safetyVerdict,
	stakeBy,
	TWO_THIRDS,
	type HostedValidator
} from '#lib/protocols/infrastructure.ts';

const v = (id: string, stake: bigint, provider: string, region = 'r'): HostedValidator => ({
	id,
	stake,
	provider,
	region
});

describe('isLive', () => {
	test("reproduces vote_stake_tracker.rs's test: 10 validators of 1, confirmed at 7 votes, not at 6", () => {
		// solana-labs/solana core/src/vote_stake_tracker.rs test_add_vote_pubkey: total 10,
		// the supermajority is first crossed when the 7th vote arrives (70%), not at 6 (60%)
		expect(isLive(3n, 10n)).toBe(true); // 7 online
		expect(isLive(4n, 10n)).toBe(false); // 6 online
	});

	test('exactly one third offline halts; one lamport less keeps liveness', () => {
		const total = 3n * 10n ** 17n;
		expect(isLive(total / 3n, total)).toBe(false);
		expect(isLive(total / 3n - 1n, total)).toBe(true);
		expect(isLive(0n, total)).toBe(true);
		expect(isLive(total, total)).toBe(false);
	});

	test('an empty chain is not live, and impossible inputs throw', () => {
		expect(isLive(0n, 0n)).toBe(false);
		expect(() => isLive(-1n, 10n)).toThrow(RangeError);
		expect(() => isLive(11n, 10n)).toThrow(RangeError);
	});
});

describe('safetyVerdict', () => {
	test('safe up to one third, forkable above it, an own quorum above two thirds', () => {
		const t = 300n;
		expect(safetyVerdict(0n, t)).toBe('safe');
		expect(safetyVerdict(100n, t)).toBe('safe');
		expect(safetyVerdict(101n, t)).toBe('fork-with-partition');
		expect(safetyVerdict(200n, t)).toBe('fork-with-partition');
		expect(safetyVerdict(201n, t)).toBe('own-quorum');
		expect(safetyVerdict(300n, t)).toBe('own-quorum');
		expect(() => safetyVerdict(301n, t)).toThrow(RangeError);
	});
});

describe('offline stake and groups', () => {
	const set = [
		v('a1', 50n, 'A', 'DE'),
		v('a2', 10n, 'A', 'FI'),
		v('b1', 30n, 'B', 'DE'),
		v('c1', 10n, 'C', 'US')
	];

	test('sums the stake of validators at the providers or regions switched off, each once', () => {
		expect(offlineStake(set, { providers: ['A'] })).toBe(60n);
		expect(offlineStake(set, { providers: ['A', 'A'] })).toBe(60n);
		expect(offlineStake(set, { providers: ['Z'] })).toBe(0n);
		expect(offlineStake(set, { regions: ['DE'] })).toBe(80n);
		// a1 is hit by both its provider and its region: counted once
		expect(offlineStake(set, { providers: ['A'], regions: ['DE'] })).toBe(90n);
		expect(offlineStake(set, {})).toBe(0n);
	});

	test('groups stake by provider and region, largest first', () => {
		expect(stakeBy(set)).toEqual([
			{ name: 'A', stake: 60n, validators: 2 },
			{ name: 'B', stake: 30n, validators: 1 },
			{ name: 'C', stake: 10n, validators: 1 }
		]);
		expect(stakeBy(set, 'region').map((g) => [g.name, g.stake])).toEqual([
			['DE', 80n],
			['FI', 10n],
			['US', 10n]
		]);
	});

	test('the report of an outage', () => {
		const r = outageReport(set, { providers: ['B'] });
		expect(r).toMatchObject({ total: 100n, offline: 30n, validatorsOffline: 1, live: true });
		expect(r.safety).toBe('safe');
		expect(r.canHalt).toBe(false);
		const rb = outageReport(set, { providers: ['A'] });
		expect([rb.live, rb.safety, rb.canHalt]).toEqual([false, 'fork-with-partition', true]);
	});

	test('rejects a negative stake', () => {
		expect(() => offlineStake([v('x', -1n, 'A')], {})).toThrow(RangeError);
	});
});

describe('Nakamoto coefficient by provider', () => {
	test('counts providers, not validators', () => {
		// ten validators of 5 at one provider, one of 40 at another, one of 10 at a third
		const set = [
			...Array.from({ length: 10 }, (_, i) => v(`s${i}`, 5n, 'Small-but-many')),
			v('big', 40n, 'Big'),
			v('c', 10n, 'C')
		];
		// by provider: Small-but-many holds 50 of 100, more than 1/3 alone
		expect(nakamotoByProvider(set, ONE_THIRD)).toBe(1);
		expect(nakamotoByProvider(set, { numerator: 1n, denominator: 2n })).toBe(2);
		expect(nakamotoByProvider(set, TWO_THIRDS)).toBe(2);
	});

	test('more than versus at least, at exactly a third', () => {
		const set = [v('a', 1n, 'A'), v('b', 1n, 'B'), v('c', 1n, 'C')];
		expect(nakamotoByProvider(set, ONE_THIRD)).toBe(2);
		expect(providersToHalt(set)).toEqual({ count: 1, providers: ['A'] });
		expect(nakamotoByProvider([], ONE_THIRD)).toBe(Infinity);
		expect(providersToHalt([])).toBeNull();
	});

	test('ten equal providers: four must fail to halt the chain, three are not enough', () => {
		const set = Array.from({ length: 10 }, (_, i) => v(`h${i}`, 10n, `H${i}`));
		expect(providersToHalt(set)?.count).toBe(4);
		expect(isLive(30n, 100n)).toBe(true);
	});
});
