/** The gas schedule: one table in gas.ts and docs/gas.md, and operations that cost exactly its figures. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { encodeArgs } from '#lib/sim/codec.ts';
import { GAS, GAS_PRICE, GAS_TABLE, type World } from '#lib/sim/index.ts';
import { fresh, WAD } from './helpers.ts';

const worlds: World[] = [];
function chain() {
	const w = fresh(5);
	worlds.push(w.world);
	return w.chain;
}
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});

describe('the table', () => {
	test('GAS_TABLE shows the figures of GAS, every operation once', () => {
		expect(GAS_TABLE.map((r) => r.operation).sort()).toEqual(Object.keys(GAS).sort());
		for (const row of GAS_TABLE) expect(row.gas).toBe(GAS[row.operation]);
	});

	test('docs/gas.md holds the same table', () => {
		const doc = readFileSync('docs/gas.md', 'utf8');
		const rows = doc
			.split('\n')
			.filter((line) => line.startsWith('| `'))
			.map((line) =>
				line
					.split('|')
					.slice(1, -1)
					.map((cell) => cell.trim())
			);
		expect(
			rows.map(([op, gas, what, ethereum]) => ({
				operation: op.replace(/`/g, ''),
				gas: Number(gas.replace(/,/g, '')),
				what,
				ethereum
			}))
		).toEqual(GAS_TABLE.map((r) => ({ ...r })));
	});
});

describe('operations cost their table figures', () => {
	const transferData = (to: string, from: string, amount: bigint) => ({
		data: 'transfer'.length + encodeArgs([to, amount], 'args').length,
		log: `ofrom\u0001s${from}\u0001to\u0001s${to}\u0001value\u0001n${amount}\u0001`.length
	});

	test('a built-in token transfer: base, data, cold reads, reset, set and the event', () => {
		const c = chain();
		const token = c.deployToken({
			name: 'Test',
			symbol: 'TST',
			from: 'alice',
			supply: 1000n * WAD
		});
		const [alice, bob] = [c.address('alice'), c.address('bob')];
		const amount = 5n * WAD;
		const { data, log } = transferData(bob, alice, amount);
		const base =
			GAS.txBase + GAS.txDataByte * data + GAS.logBase + GAS.logTopic + GAS.logByte * log;
		const first = c.send({ from: 'alice', to: token, method: 'transfer', args: [bob, amount] });
		// sender: cold read + reset; recipient (empty): cold read + set
		expect(first.gasUsed).toBe(base + 2 * GAS.storageReadCold + GAS.storageReset + GAS.storageSet);
		const second = c.send({ from: 'alice', to: token, method: 'transfer', args: [bob, amount] });
		// recipient now holds a balance: reset instead of set
		expect(second.gasUsed).toBe(base + 2 * GAS.storageReadCold + 2 * GAS.storageReset);
		expect(first.fee).toBe(BigInt(first.gasUsed) * GAS_PRICE);
	});

	test('approving again in a later transaction resets the slot instead of setting it', () => {
		const c = chain();
		const token = c.deployToken({ name: 'Test', symbol: 'TST', from: 'alice' });
		const bob = c.address('bob');
		const a = c.send({ from: 'alice', to: token, method: 'approve', args: [bob, 7n] });
		const b = c.send({ from: 'alice', to: token, method: 'approve', args: [bob, 8n] });
		expect(a.gasUsed - b.gasUsed).toBe(GAS.storageSet - GAS.storageReset);
	});

	test('a plain coin transfer costs txBase, and a deploy pays create + per byte of source', () => {
		const c = chain();
		expect(c.send({ from: 'alice', to: 'bob', value: 1n }).gasUsed).toBe(GAS.txBase);
		const token = c.deployToken({ name: 'Test', symbol: 'TST', from: 'carol' });
		const deploy = c.block()!.receipts[0];
		expect(deploy.to).toBe(token);
		expect(deploy.gasUsed).toBe(GAS.txBase + GAS.create);
	});

	test('compute: a loop iteration is two ticks, and a call costs the same whatever ran before', () => {
		const c = chain();
		const loop = c.deploy(
			`import { Contract, StorageValue } from 'chainlab';
export default class Loop extends Contract {
	n = new StorageValue<number>('n', 0);
	loop(n: number): number { let s = 0; for (let i = 0; i < n; i++) { s += i; } return s; }
	bump() { this.n.set(this.n.get() + 1); }
}`,
			{ name: 'Loop', from: 'alice' }
		);
		const gas = (n: number) =>
			c.send({ from: 'alice', to: loop, method: 'loop', args: [n] }).gasUsed;
		const first = gas(0);
		const g1000 = gas(1000);
		c.send({ from: 'bob', to: loop, method: 'bump' });
		expect(gas(0)).toBe(first);
		expect(g1000 - first).toBe(GAS.txDataByte * 3 + 2 * 1000 * GAS.compute);
		expect(gas(1000)).toBe(g1000);
	});
});
