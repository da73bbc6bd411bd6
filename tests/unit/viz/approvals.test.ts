import { describe, expect, test } from 'vitest';
import type { ApprovalRecord } from '#lib/model/approvals.ts';
import { approvalsUpTo, countsByRules, slotCount, verdict } from '#lib/viz/approvals.ts';

const record = (over: Partial<ApprovalRecord>): ApprovalRecord => ({
	step: 1,
	bridge: 'Ronin',
	withdrawal: '#1',
	attack: true,
	signatures: [
		{ signer: 'Sky Mavis 1', kind: 'validator', counts: true },
		{ signer: 'Sky Mavis gas-free RPC', kind: 'stale-delegate', counts: false }
	],
	counted: 2,
	required: 5,
	setSize: 9,
	paid: false,
	...over
});

describe('signers view helpers', () => {
	test('rows up to the step; slots fit signatures, set and threshold', () => {
		const rows = [record({ step: 1 }), record({ step: 3, setSize: 5, required: 11 })];
		expect(approvalsUpTo(rows, 2)).toEqual([rows[0]]);
		expect(slotCount(rows)).toBe(11);
		expect(slotCount([])).toBe(1);
	});

	test('the verdict names the contract’s count and threshold; the rules count separately', () => {
		expect(verdict(record({}))).toBe('refused: 2 counted, 5 required');
		expect(verdict(record({ paid: true, counted: null }))).toBe('paid: count unavailable');
		expect(countsByRules(record({}))).toBe(1);
	});
});
