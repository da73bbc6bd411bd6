/**
 * The shared-security models: ICS evidence handling on the provider (downtime jails, double
 * signing slashes 5% and tombstones once, stale evidence refused, a tombstoned validator never
 * unjails) and EigenLayer's unique stake allocation against a pooled one, with ELIP-002's own
 * worked example (200 EIGEN, AVS_1 slashes 50%: total magnitude 9,000, stake 180, AVS_2 keeps 50).
 */
import { describe, expect, test } from 'vitest';
import {
	AllocationManager,
	DOWNTIME_JAIL_SECONDS,
	ProviderChain,
	UNBONDING_PERIOD_SECONDS,
	WAD,
	pooledSlash
} from '#lib/protocols/shared-security.ts';
import { RevertError } from '#lib/protocols/revert.ts';

const T0 = 1_700_000_000;

function provider() {
	const p = new ProviderChain();
	p.addConsumer('consumer-a');
	p.addConsumer('consumer-b');
	p.bond('carol', 400_000n);
	p.bond('dave', 1_000_000n);
	return p;
}

function reason(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		if (e instanceof RevertError) return e.reason;
		throw e;
	}
	return 'no revert';
}

describe('ProviderChain (ICS)', () => {
	test('downtime from two consumers jails and never slashes; unjail after the jail time', () => {
		const p = provider();
		expect(p.handleDowntime('consumer-a', 'carol', T0)).toBe('jailed');
		expect(p.handleDowntime('consumer-b', 'carol', T0 + 6)).toBe('jailed');
		const c = p.validators.get('carol')!;
		expect([c.stake, c.slashed, c.jailed, c.tombstoned]).toEqual([400_000n, 0n, true, false]);
		expect(reason(() => p.unjail('carol', T0 + 6 + DOWNTIME_JAIL_SECONDS - 1))).toBe(
			'validator still jailed'
		);
		p.unjail('carol', T0 + 6 + DOWNTIME_JAIL_SECONDS);
		expect(c.jailed).toBe(false);
		expect(reason(() => p.unjail('carol', T0 + 10_000))).toBe('validator not jailed');
	});

	test('a double sign reported by both consumers, and twice by one, slashes 5% once', () => {
		const p = provider();
		expect(p.handleDoubleSign('consumer-a', 'dave', T0, T0 + 60)).toBe(50_000n);
		expect(reason(() => p.handleDoubleSign('consumer-b', 'dave', T0, T0 + 66))).toBe(
			'validator is tombstoned'
		);
		expect(reason(() => p.handleDoubleSign('consumer-a', 'dave', T0, T0 + 72))).toBe(
			'validator is tombstoned'
		);
		const d = p.validators.get('dave')!;
		expect([d.stake, d.slashed, d.tombstoned, d.jailed]).toEqual([950_000n, 50_000n, true, true]);
		expect(reason(() => p.unjail('dave', T0 + 365 * 86_400))).toBe('validator is tombstoned');
		// later downtime of a tombstoned validator is dropped
		expect(p.handleDowntime('consumer-b', 'dave', T0 + 100)).toBe('ignored');
		// conservation: bonded + slashed = what was bonded
		expect(p.totalStake() + p.totalSlashed).toBe(1_400_000n);
	});

	test('evidence older than the unbonding period is refused; at the limit it is accepted', () => {
		const p = provider();
		const now = T0 + UNBONDING_PERIOD_SECONDS + 1;
		expect(reason(() => p.handleDoubleSign('consumer-a', 'carol', T0, now))).toBe(
			'evidence too old'
		);
		expect(p.validators.get('carol')!.stake).toBe(400_000n);
		expect(p.handleDoubleSign('consumer-a', 'carol', T0 + 1, now)).toBe(20_000n);
	});

	test('unknown consumers and validators are refused', () => {
		const p = provider();
		expect(reason(() => p.handleDowntime('consumer-x', 'carol', T0))).toBe('unknown consumer');
		expect(reason(() => p.handleDoubleSign('consumer-a', 'erin', T0, T0))).toBe(
			'unknown validator'
		);
	});
});

describe('AllocationManager (EigenLayer, ELIP-002)', () => {
	test("ELIP-002's example: AVS_1 slashes 50% of its 2,000 magnitude out of 10,000", () => {
		const m = new AllocationManager();
		const E = WAD; // 1 EIGEN
		m.delegate('op', 200n * E);
		// ELIP-002 uses a total magnitude of 10,000 for legibility: scale 1e18 by the same shares
		const share = (x: bigint) => (WAD * x) / 10_000n;
		m.allocate('op', 'AVS_1', share(2_000n));
		m.allocate('op', 'AVS_2', share(2_500n));
		m.allocate('op', 'EigenDA', share(2_000n));
		expect(m.allocatedStake('op', 'AVS_1')).toBe(40n * E);
		expect(m.allocatedStake('op', 'AVS_2')).toBe(50n * E);
		expect(m.slashOperator('AVS_1', 'op', WAD / 2n)).toBe(20n * E);
		const o = m.operators.get('op')!;
		expect(o.totalMagnitude).toBe(share(9_000n));
		expect(o.stake).toBe(180n * E);
		expect(m.allocatedStake('op', 'AVS_1')).toBe(20n * E);
		expect(m.allocatedStake('op', 'AVS_2')).toBe(50n * E);
		expect(m.allocatedStake('op', 'EigenDA')).toBe(40n * E);
		expect(o.stake + m.burned).toBe(200n * E);
	});

	test('an AVS the operator gave no magnitude slashes nothing; allocations cannot exceed the total', () => {
		const m = new AllocationManager();
		m.delegate('op', 100n);
		m.allocate('op', 'A', WAD / 2n);
		expect(m.slashOperator('B', 'op', WAD)).toBe(0n);
		expect(reason(() => m.allocate('op', 'B', WAD / 2n + 1n))).toBe('insufficient magnitude');
		expect(reason(() => m.slashOperator('A', 'op', WAD + 1n))).toBe('invalid wad');
	});

	test('pooled: one slash lowers the stake behind every AVS', () => {
		const { slashed, backing } = pooledSlash(200n * WAD, ['AVS_1', 'AVS_2'], WAD / 2n);
		expect(slashed).toBe(100n * WAD);
		expect(backing.get('AVS_2')).toBe(100n * WAD);
	});
});
