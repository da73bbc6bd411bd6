import { describe, expect, test } from 'vitest';
import type { AssessorLedger, LedgerAssessor, LedgerSnapshot } from '#lib/model/assessors.ts';
import { addNxm, ledgerAt, votesText } from '#lib/viz/assessors.ts';

const assessor = (name: string, extra: Partial<LedgerAssessor> = {}): LedgerAssessor => ({
	name,
	fraudulent: false,
	processed: false,
	stake: '1000',
	burned: '0',
	votes: ['accept', 'deny'],
	rewardOwed: '0',
	rewardPaid: '0',
	...extra
});

const snap = (
	step: number,
	phase: 'before' | 'after',
	assessors: LedgerAssessor[]
): LedgerSnapshot => ({
	step,
	phase,
	time: 1_700_000_000 + step,
	fraudSubmitted: phase === 'after',
	polls: [],
	assessors
});

const ledger = (snapshots: LedgerSnapshot[]): AssessorLedger => ({
	unit: 'NXM',
	claims: ['Claim 0: genuine', 'Claim 1: false'],
	snapshots,
	source: 'test'
});

describe('addNxm', () => {
	test('adds decimal NXM exactly, past what a float keeps', () => {
		expect(addNxm('10.5', '3.25')).toBe('13.75');
		expect(addNxm('0.000000000000000001', '3.999999999999999999')).toBe('4');
		expect(addNxm('0', '0')).toBe('0');
	});
});

describe('ledgerAt', () => {
	const before = snap(2, 'before', [
		assessor('Alice', { rewardOwed: '10.6382' }),
		assessor('Mallory', { fraudulent: true, stake: '1200', rewardOwed: '12.7659' })
	]);
	const after = snap(4, 'after', [
		assessor('Alice', { rewardOwed: '20', rewardPaid: '5' }),
		assessor('Mallory', { fraudulent: true, processed: true, stake: '0', burned: '1200' }),
		assessor('Newcomer', { stake: '50' })
	]);
	const l = ledger([snap(0, 'before', [assessor('Alice')]), before, after]);

	test('no snapshots gives null', () => {
		expect(ledgerAt(ledger([]), 3)).toBeNull();
	});

	test('before processFraud, the baseline is the shown snapshot and nothing is compared', () => {
		const at = ledgerAt(l, 3)!;
		expect(at.snapshot).toBe(before);
		expect(at.baseline).toBe(before);
		expect(at.compared).toBe(false);
		expect(at.rows.map((r) => [r.name, r.finding, r.stake, r.stakeBefore])).toEqual([
			['Alice', 'no finding', 1000, 1000],
			['Mallory', 'fraudulent', 1200, 1200]
		]);
	});

	test('a step before the first snapshot shows the first one', () => {
		expect(ledgerAt(l, -1)!.snapshot.step).toBe(0);
	});

	test('after processFraud, each row sets now beside the last snapshot before it', () => {
		const at = ledgerAt(l, 9)!;
		expect(at.snapshot).toBe(after);
		expect(at.baseline).toBe(before);
		expect(at.compared).toBe(true);
		const [alice, mallory, newcomer] = at.rows;
		expect(alice.finding).toBe('honest');
		// reward = owed + paid, exact
		expect(alice.text).toMatchObject({ reward: '25', rewardBefore: '10.6382', rewardPaid: '5' });
		expect(alice).toMatchObject({ reward: 25, rewardBefore: 10.6382, rewardPaid: 5 });
		expect(mallory).toMatchObject({
			finding: 'fraudulent',
			processed: true,
			stake: 0,
			stakeBefore: 1200,
			burned: 1200,
			reward: 0,
			rewardBefore: 12.7659
		});
		// someone absent before compares with zero
		expect(newcomer).toMatchObject({ stakeBefore: 0, rewardBefore: 0 });
		// scales cover the largest bar, kept plus burned
		expect(at.maxStake).toBe(1200);
		expect(at.maxReward).toBe(25);
	});

	test('scales are at least 1 when every amount is 0', () => {
		const empty = ledgerAt(ledger([snap(0, 'before', [assessor('Zero', { stake: '0' })])]), 0)!;
		expect(empty.maxStake).toBe(1);
		expect(empty.maxReward).toBe(1);
	});
});

describe('votesText', () => {
	test('names each vote with its claim and skips claims not voted on', () => {
		expect(votesText(['accept', 'deny'], ['Claim 0: genuine', 'Claim 1: false'])).toBe(
			'accept on Claim 0, deny on Claim 1'
		);
		expect(votesText([null, 'accept'], ['Claim 0: genuine', 'Claim 1: false'])).toBe(
			'accept on Claim 1'
		);
		expect(votesText([null], ['Claim 0'])).toBe('no vote');
	});
});
