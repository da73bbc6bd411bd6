/**
 * Long values are cut for display: a receipt value shows its first 200 characters and a message
 * its first 300, each with a "show N more characters" button, so a step of receipts holding
 * 100,000-character return values and 1,000-character reasons paints a bounded page.
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { ReceiptView } from '#lib/model/receipt.ts';
import { cutForDisplay, cutTitle } from '#lib/viz/cut.ts';
import ReceiptsView from '#lib/viz/ReceiptsView.svelte';

function receipt(i: number, status: 'success' | 'reverted'): ReceiptView {
	return {
		txHash: '0x' + String(i).padStart(64, '0'),
		chainId: 1,
		blockNumber: 1,
		from: 'mallory',
		to: '0x' + '2'.repeat(40),
		method: 'huge',
		args: ['a'.repeat(100_000)],
		value: '0',
		status,
		gasUsed: 30_000,
		gasLimit: 10_000_000,
		logs: [{ address: '0x' + '2'.repeat(40), event: 'Big', args: { data: 'e'.repeat(100_000) } }],
		returnValue: status === 'success' ? 'r'.repeat(100_000) : undefined,
		error:
			status === 'reverted'
				? { kind: 'revert', message: 'x'.repeat(1000) + '… [cut 4,999,000 characters]' }
				: undefined
	} as ReceiptView;
}

describe('cutForDisplay', () => {
	test('keeps short text whole and cuts long text, never inside a surrogate pair', () => {
		expect(cutForDisplay('abc', 5)).toEqual({ head: 'abc', hidden: 0 });
		expect(cutForDisplay('abcdef', 4)).toEqual({ head: 'abcd', hidden: 2 });
		expect(cutForDisplay('ab😀cd', 3)).toEqual({ head: 'ab', hidden: 4 });
		expect(cutTitle('t'.repeat(1500))).toBe('t'.repeat(1000) + '… (500 more characters)');
		expect(() => cutForDisplay('abc', 0)).toThrow(/max must be a positive integer/);
	});
});

describe('the receipts view paints a bounded page', () => {
	test('12 receipts of 100,000-character values and 1,000-character reasons render under 60 KB', () => {
		const receipts = Array.from({ length: 12 }, (_, i) =>
			receipt(i, i % 2 ? 'reverted' : 'success')
		);
		const { body } = render(ReceiptsView, { props: { receipts } });
		// uncut, the values alone would be 12 x 300,000 characters
		expect(body.length).toBeLessThan(60_000);
		expect(body).toContain('show 99,800 more characters');
		expect(body).toContain('show 728 more characters');
		expect(body).toContain('r'.repeat(200));
		expect(body).not.toContain('r'.repeat(201));
	});
});
