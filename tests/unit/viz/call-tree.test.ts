/**
 * The call-tree view: frames of a re-entrant drain laid out under their callers, re-entries and
 * reverts found, balances picked, and the view rendered with its table (Svelte's server render).
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { CallView, ReceiptView } from '#lib/model/receipt.ts';
import { VIEWS } from '#lib/viz/registry.ts';
import { balanceLines, callTree, callTrees, details } from '#lib/viz/call-tree.ts';

const ETH = (n: number) => (BigInt(n) * 10n ** 18n).toString();
const frame = (
	f: Partial<CallView> & Pick<CallView, 'depth' | 'parent' | 'callee' | 'method'>
): CallView => ({
	caller: 'mallory',
	value: '0',
	balanceIn: '0',
	balanceOut: '0',
	status: 'ok',
	gasUsed: 1_000,
	...f
});

/** attack -> withdraw -> receive -> withdraw (reverted: 'vault empty') */
const drain: ReceiptView = {
	txHash: '0x' + '1'.padStart(64, '0'),
	chainId: 1,
	blockNumber: 2,
	from: 'mallory',
	to: 'Attacker',
	method: 'attack',
	args: [],
	value: '0',
	status: 'success',
	gasUsed: 90_000,
	gasLimit: 1_000_000,
	logs: [],
	calls: [
		frame({ depth: 0, parent: -1, callee: 'Attacker', method: 'attack', gasUsed: 60_000 }),
		frame({
			depth: 1,
			parent: 0,
			caller: 'Attacker',
			callee: 'Vault',
			method: 'withdraw',
			balanceIn: ETH(5),
			balanceOut: ETH(4),
			gasUsed: 40_000
		}),
		frame({
			depth: 2,
			parent: 1,
			caller: 'Vault',
			callee: 'Attacker',
			method: 'receive',
			value: ETH(1),
			balanceIn: ETH(0),
			balanceOut: ETH(1),
			gasUsed: 20_000
		}),
		frame({
			depth: 3,
			parent: 2,
			caller: 'Attacker',
			callee: 'Vault',
			method: 'withdraw',
			status: 'reverted',
			reason: 'vault empty',
			balanceIn: ETH(4),
			balanceOut: ETH(4),
			tokens: [{ token: 'DAI', balanceIn: ETH(7), balanceOut: ETH(7) }]
		})
	]
};

describe('call tree data', () => {
	test('re-entries are frames whose contract runs above them; a revert marks what it undid', () => {
		const tree = callTree(drain);
		expect(tree.rows.map((r) => [r.label, r.reentry, r.undone])).toEqual([
			['Attacker.attack', false, false],
			['Vault.withdraw', false, false],
			['Attacker.receive', true, false],
			['Vault.withdraw', true, false]
		]);
		expect(tree.depth).toBe(3);
		expect(tree.reentries).toBe(2);
		const undone = callTree({
			...drain,
			calls: [{ ...drain.calls![0], status: 'reverted', reason: 'no' }, ...drain.calls!.slice(1)]
		});
		expect(undone.rows.map((r) => r.undone)).toEqual([false, true, true, true]);
	});

	test('details show value and balances that moved, the table every balance', () => {
		expect(details(drain.calls![0])).toEqual([]);
		expect(details(drain.calls![1])).toEqual(['ETH 5 → 4']);
		expect(details(drain.calls![2])).toEqual(['1 ETH sent', 'ETH 0 → 1']);
		expect(balanceLines(drain.calls![3])).toEqual(['ETH 4 → 4', 'DAI 7 → 7']);
		expect(balanceLines(drain.calls![0])).toEqual([]);
		expect(callTrees([{ ...drain, calls: undefined }, drain])).toHaveLength(1);
	});
});

describe('call tree view', () => {
	test('draws every frame, the re-entries, the reverted frame with its reason and the value sent', async () => {
		const view = (await VIEWS['call-tree'].load()).default;
		const props = VIEWS['call-tree'].props({
			overview: null,
			frame: {
				step: 1,
				total: 2,
				label: 'drain',
				time: 0,
				blockNumber: 2,
				heads: [],
				stateHash: '0x00',
				receipts: [drain]
			},
			step: 1,
			liquidations: [],
			selected: null,
			picked: null,
			pick: () => {}
		})!;
		const body = render(view, { props }).body;
		expect(body).toContain('2 re-entries');
		expect(body.match(/class="node[^"]*"/g)).toHaveLength(4 + 2); // 4 frames, 2 in the legend
		expect(body).toContain('vault empty');
		expect(body).toContain('↻ re-entry');
		expect(body).toContain('1 ETH sent');
		const empty = render(view, { props: { receipts: [] } }).body;
		expect(empty).toContain('No transaction at this step.');
	});
});
