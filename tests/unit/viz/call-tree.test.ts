/**
 * The call-tree view: frames of a re-entrant drain laid out under their callers, re-entries and
 * reverts found, balances picked, and the view rendered with its table (Svelte's server render).
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { CallView, ReceiptView } from '#lib/model/receipt.ts';
import { VIEWS } from '#lib/viz/registry.ts';
import {
	balanceLines,
	callTree,
	callTrees,
	clip,
	details,
	indentFor,
	reentrySummary
} from '#lib/viz/call-tree.ts';

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

/**
 * The re-entrancy lesson's drain: attack -> deposit, then withdraw -> receive -> withdraw ... 11
 * paid withdrawals, the 12th reverted, 24 levels deep.
 */
const deepCalls: CallView[] = [
	frame({ depth: 0, parent: -1, callee: 'Attacker', method: 'attack', gasUsed: 400_000 }),
	frame({ depth: 1, parent: 0, caller: 'Attacker', callee: 'Vault', method: 'deposit' })
];
for (let i = 0; i < 12; i++) {
	const parent = i === 0 ? 0 : deepCalls.length - 1;
	deepCalls.push(
		frame({
			depth: 1 + 2 * i,
			parent,
			caller: 'Attacker',
			callee: 'Vault',
			method: 'withdraw',
			balanceIn: ETH(11 - i),
			balanceOut: i < 11 ? '0' : ETH(0),
			...(i === 11
				? {
						status: 'reverted' as const,
						reason:
							'insufficient balance: 0x1777d5e71f59bbf8fb92377e0b9f8c2a1d3e4f50 has 0, needs 1'
					}
				: {})
		})
	);
	if (i < 11)
		deepCalls.push(
			frame({
				depth: 2 + 2 * i,
				parent: deepCalls.length - 1,
				caller: 'Vault',
				callee: 'Attacker',
				method: 'receive',
				value: ETH(1),
				balanceIn: ETH(i),
				balanceOut: ETH(11)
			})
		);
}
const deep = callTree({ ...drain, calls: deepCalls });

describe('call tree data', () => {
	test('re-entries are frames whose contract runs above them, callbacks into the starter are not; a revert marks what it undid', () => {
		const tree = callTree(drain);
		expect(tree.rows.map((r) => [r.label, r.reentry, r.callback, r.undone])).toEqual([
			['Attacker.attack', false, false, false],
			['Vault.withdraw', false, false, false],
			['Attacker.receive', false, true, false],
			['Vault.withdraw', true, false, false]
		]);
		expect(tree.depth).toBe(3);
		expect(tree.reentries).toBe(1);
		expect(tree.reentered).toEqual(['Vault']);
		expect(reentrySummary(tree)).toBe('1 re-entry into Vault');
		expect(reentrySummary(deep)).toBe('11 re-entries into Vault');
		expect(reentrySummary(callTree({ ...drain, calls: drain.calls!.slice(0, 3) }))).toBe('');
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

describe('deep trees', () => {
	test('the indent compresses so the deepest label still fits, down to a floor', () => {
		expect(deep.depth).toBe(23);
		expect(deep.rows).toHaveLength(25);
		expect(indentFor(700, 23, 220)).toBe(16);
		const narrow = indentFor(325, 23, 200);
		expect(narrow).toBeGreaterThan(3);
		expect(narrow).toBeLessThan(5);
		// the deepest node plus its label fit in 325 px
		expect(8 + 23 * narrow + 9 + 200).toBeCloseTo(325, 6);
		expect(indentFor(200, 40, 200)).toBe(3);
		expect(indentFor(300, 0, 200)).toBe(16);
		// the 11 payments into Attacker.receive are callbacks; the 11 withdrawals inside them re-enter
		expect(deep.rows.filter((r) => r.callback).map((r) => r.label)).toEqual(
			Array(11).fill('Attacker.receive')
		);
		expect(deep.rows.filter((r) => r.reentry).map((r) => r.label)).toEqual(
			Array(11).fill('Vault.withdraw')
		);
	});

	test('long lines are cut with an ellipsis', () => {
		expect(clip('vault empty', 20)).toBe('vault empty');
		expect(clip('insufficient balance: 0x1777', 12)).toBe('insufficien…');
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
		expect(body).toContain('1 re-entry into Vault');
		expect(body.match(/class="node[^"]*"/g)).toHaveLength(4 + 2); // 4 frames, 2 in the legend
		expect(body).toContain('reverted: vault empty');
		expect(body).toContain('↻ re-entry');
		expect(body).toContain('1 ETH sent');
		const empty = render(view, { props: { receipts: [] } }).body;
		expect(empty).toContain('No transaction at this step.');
	});
});

describe('call tree view of a deep drain', () => {
	test('draws all 25 frames, 24 levels deep, inside the width with their depths, and cuts long reasons', async () => {
		const view = (await VIEWS['call-tree'].load()).default;
		const body = render(view, { props: { receipts: [{ ...drain, calls: deepCalls }] } }).body;
		expect(body).toContain('11 re-entries into Vault');
		expect(body).toContain('24 levels deep');
		// every node's centre inside the 320 px the server render assumes
		const cx = [...body.matchAll(/<circle class="node[^"]*" cx="([\d.]+)"/g)].map((m) => +m[1]);
		expect(cx).toHaveLength(25 + 2); // 25 frames, 2 in the legend
		expect(Math.max(...cx)).toBeLessThan(320 - 100);
		// the depth number of the deepest frame is written before its name
		expect(body).toMatch(/<tspan class="dn[^"]*">23<\/tspan>/);
		expect(body).toContain('insufficient');
		expect(body).toContain('…');
	});
});
