// Issue 8, item 7: the words for failed transactions on the timeline and in the console.
import { describe, expect, test } from 'vitest';
import type { ReceiptView } from '#lib/model/receipt.ts';
import { failureLine, failureSummary } from '#lib/ui/failures.ts';

const receipt = (over: Partial<ReceiptView>): ReceiptView => ({
	txHash: '0x1',
	chainId: 1,
	blockNumber: 1,
	from: 'alice',
	to: 'pool',
	method: 'borrow',
	args: [],
	value: '0',
	status: 'reverted',
	gasUsed: 1,
	gasLimit: 1,
	logs: [],
	...over
});

describe('failureSummary', () => {
	test('counts transactions and steps, and is null when nothing failed', () => {
		expect(failureSummary([])).toBeNull();
		expect(failureSummary([{ step: 4, count: 1, kind: 'revert' }])).toBe(
			'1 transaction failed (in step 5)'
		);
		expect(
			failureSummary([
				{ step: 2, count: 2, kind: 'revert' },
				{ step: 4, count: 1, kind: 'out-of-gas' }
			])
		).toBe('3 transactions failed (in 2 steps)');
	});
});

describe('failureLine', () => {
	test('names the contract from the error file, the method, the kind and the line', () => {
		const r = receipt({
			error: {
				kind: 'out-of-gas',
				message: 'ran out of gas',
				file: 'contracts/LendingPool.ts',
				line: 42
			}
		});
		expect(failureLine(r)).toBe('LendingPool.borrow: out of gas at line 42');
	});

	test('falls back to the receipt target and says reverted without a located error', () => {
		expect(failureLine(receipt({}))).toBe('pool.borrow: reverted');
		expect(failureLine(receipt({ status: 'success' }))).toBeNull();
	});
});
