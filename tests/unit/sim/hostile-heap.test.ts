/**
 * Heap renewal after host (wasm) stack faults (sandbox/quickjs.ts renewHeap): 400 faults in
 * one process, of three kinds (a deep JSON.parse, a deep array turned into text natively, deep
 * recursion in a constructor, in a call and in a deploy), leave the memory bounded, every old
 * heap collected, and the chain, a bystander world and a fresh world working; and gas and state
 * do not depend on whether a renewal happened. In a file of its own, so it meets a fresh heap
 * (Vitest runs each file in its own worker).
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { expect, test } from 'vitest';
import { type Chain, createWorld, DeployError, type Receipt } from '#lib/sim/index.ts';
import { currentHeap, setHeapRenewal, spareHeap } from '#lib/sim/sandbox/quickjs.ts';
import { expectOnlyFeeAndNonce, fresh, TOKEN, WAD } from './helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A turn of the event loop, as the worker gets between two messages. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// every method overflows the host stack through native recursion at a 512 KiB QuickJS stack
// (deep enough that it still does once V8 has optimised the module's code, whose frames are
// smaller); the table at the top level makes each reload after a fault rebuild a sizeable heap
const DEEP = `import { Contract, StorageValue } from 'chainlab';
const TABLE: number[] = [];
for (let i = 0; i < 20000; i++) TABLE.push(i * 3);
class Node {
	next: Node | null;
	constructor(n: number) { this.next = n > 0 ? new Node(n - 1) : null; }
}
export default class Deep extends Contract {
	count = new StorageValue<bigint>('count', 0n);
	constructor(depth: number) { super(); if (depth > 0) new Node(depth); }
	parse(n: number): unknown { this.count.set(1n); return JSON.parse('['.repeat(n) + ']'.repeat(n)); }
	text(n: number): string {
		this.count.set(2n);
		let a: unknown[] = [];
		for (let i = 0; i < n; i++) a = [a];
		return String(a);
	}
	build(n: number): number { this.count.set(3n); return new Node(n).next === null ? 0 : 1; }
	look(k: number): number { return TABLE[k]; }
}`;

type Fault = { name: string; run(c: Chain, deep: string): Receipt };

/**
 * Faults in the long run: past the point where one heap without renewal is full (512 MiB after
 * about 260-330 faults), so the run fails on a sandbox that never renews its heap.
 */
const FAULT_RUNS = 400;

const FAULTS: Fault[] = [
	{
		name: 'JSON.parse 100,000 deep',
		run: (c, deep) => c.send({ from: 'mallory', to: deep, method: 'parse', args: [100_000] })
	},
	{
		name: 'a 50,000-deep array turned into text',
		run: (c, deep) => c.send({ from: 'mallory', to: deep, method: 'text', args: [50_000] })
	},
	{
		name: 'recursion 100,000 deep in a constructor, in a call',
		run: (c, deep) => c.send({ from: 'mallory', to: deep, method: 'build', args: [100_000] })
	},
	{
		name: 'recursion 100,000 deep in the constructor of a deploy',
		run: (c) => {
			try {
				c.deploy(DEEP, { name: 'Deep', from: 'mallory', args: [100_000], gasLimit: 30_000_000 });
			} catch (error) {
				if (error instanceof DeployError && error.receipt !== undefined) return error.receipt;
				throw error;
			}
			throw new Error('the deploy did not fail');
		}
	}
];

/** Runs fault `i` (cycling through FAULTS) and checks it failed cleanly. */
function fault(c: Chain, deep: string, i: number): void {
	const f = FAULTS[i % FAULTS.length];
	const before = c.dumpState();
	const r = f.run(c, deep);
	expect(r.error?.kind, `${f.name}: ${r.error?.message}`).toBe('call-depth');
	expect(r.error?.message).toMatch(/host stack/);
	expectOnlyFeeAndNonce(c, before, r);
}

function transfer(c: Chain, token: string, to: string): Receipt {
	const r = c.send({ from: 'alice', to: token, method: 'transfer', args: [c.address(to), WAD] });
	expect(r.status, r.error?.message).toBe('success');
	return r;
}

/**
 * A bystander world's transfers between another world's faults; returns its gas and state hash.
 * With `faults`, the other world faults between every two transfers (renewing the heap).
 */
async function bystander(faults: boolean): Promise<{ gas: number[]; hash: string }> {
	const other = createWorld({ seed: 11, stackLimit: 512 * 1024 });
	const oc = other.chain();
	const deep = oc.deploy(DEEP, { name: 'Deep', from: 'mallory', args: [0], gasLimit: 30_000_000 });
	const w = createWorld({ seed: 5 });
	const c = w.chain();
	const token = c.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	const gas: number[] = [];
	for (let i = 0; i < 8; i++) {
		if (faults) fault(oc, deep, i);
		await turn();
		gas.push(transfer(c, token, i % 2 === 0 ? 'bob' : 'carol').gasUsed);
	}
	const hash = w.stateHash();
	w.dispose();
	other.dispose();
	return { gas, hash };
}

/** Faults, transfers and views in one world; returns every receipt's gas and the state hash. */
async function faultyRun(): Promise<{ gas: number[]; hash: string; views: unknown[] }> {
	const w = createWorld({ seed: 3, stackLimit: 512 * 1024 });
	const c = w.chain();
	const deep = c.deploy(DEEP, { name: 'Deep', from: 'mallory', args: [0], gasLimit: 30_000_000 });
	const token = c.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	const gas: number[] = [];
	const views: unknown[] = [];
	for (let i = 0; i < 12; i++) {
		const before = c.dumpState();
		const r = FAULTS[i % FAULTS.length].run(c, deep);
		expect(r.error?.kind).toBe('call-depth');
		expectOnlyFeeAndNonce(c, before, r);
		gas.push(r.gasUsed);
		await turn();
		gas.push(transfer(c, token, 'bob').gasUsed);
		views.push(c.view(deep, 'look', [i]), c.view(token, 'balanceOf', [c.address('bob')]));
	}
	const hash = w.stateHash();
	w.dispose();
	return { gas, hash, views };
}

test('gas and state do not depend on heap renewal, in the faulting world or a bystander', async () => {
	await spareHeap();
	setHeapRenewal(false);
	const serialOff = currentHeap().serial;
	const off = await faultyRun();
	const quietOff = await bystander(false);
	expect(currentHeap().serial).toBe(serialOff);
	setHeapRenewal(true);
	const on = await faultyRun();
	const serialOn = currentHeap().serial;
	// renewals happened (a fault whose turn ended before the spare was ready stays on its heap):
	// the comparison is between runs with and without them
	expect(serialOn - serialOff).toBeGreaterThan(2);
	const moved = await bystander(true);
	expect(currentHeap().serial).toBeGreaterThan(serialOn);
	expect(on).toEqual(off);
	expect(moved).toEqual(quietOff);
}, 120_000);

test('400 host stack faults in one process: memory stays bounded, old heaps are collected, and the chain, a bystander and a fresh world work', async () => {
	const w = createWorld({ seed: 7, stackLimit: 512 * 1024 });
	const c = w.chain();
	const deep = c.deploy(DEEP, { name: 'Deep', from: 'mallory', args: [0], gasLimit: 30_000_000 });
	const token = c.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	const by = fresh(9);
	const byToken = by.chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	gc();
	const rssBefore = process.memoryUsage().rss;
	const firstSerial = currentHeap().serial;
	// every heap met, held weakly: a heap still reachable after the run would leak its memory
	const heaps = new Map<number, WeakRef<WebAssembly.Memory>>();
	let largest = 0;
	for (let i = 0; i < FAULT_RUNS; i++) {
		fault(c, deep, i);
		const heap = currentHeap();
		heaps.set(heap.serial, new WeakRef(heap.memory));
		largest = Math.max(largest, heap.memory.buffer.byteLength);
		if (i % 100 === 99) {
			expect(c.view(deep, 'look', [7])).toBe(21);
			transfer(by.chain, byToken, 'bob');
		}
		await turn();
	}
	transfer(c, token, 'bob');
	expect(c.view(token, 'balanceOf', [c.address('bob')])).toBe(WAD);
	await turn();
	gc();
	const rssAfter = process.memoryUsage().rss;
	const alive = [...heaps].filter(([, ref]) => ref.deref() !== undefined).map(([serial]) => serial);
	const aliveBytes = [...heaps.values()].reduce(
		(sum, ref) => sum + (ref.deref()?.buffer.byteLength ?? 0),
		0
	);
	console.log(
		`${FAULT_RUNS} host faults: ${currentHeap().serial - firstSerial} heap renewals, largest heap ` +
			`${largest / 2 ** 20} MiB, heaps alive after gc ${alive.join(', ')} ` +
			`(${aliveBytes / 2 ** 20} MiB), rss ${(rssBefore / 2 ** 20).toFixed(0)} -> ` +
			`${(rssAfter / 2 ** 20).toFixed(0)} MiB`
	);
	// without renewal one heap keeps every fault's leftovers: full (512 MiB) after about 330 faults
	expect(largest).toBeLessThanOrEqual(64 * 2 ** 20);
	// only the current heap is still reachable (the spare is not among those met)
	expect(alive).toEqual([currentHeap().serial]);
	expect(aliveBytes).toBeLessThanOrEqual(64 * 2 ** 20);
	expect(rssAfter - rssBefore).toBeLessThan(256 * 2 ** 20);
	transfer(by.chain, byToken, 'carol');
	by.world.dispose();
	w.dispose();
	const { world: w2, chain: c2 } = fresh(8);
	const t2 = c2.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	transfer(c2, t2, 'bob');
	const d2 = c2.deploy(DEEP, { name: 'Deep', from: 'alice', args: [10], gasLimit: 30_000_000 });
	expect(c2.view(d2, 'look', [2])).toBe(6);
	w2.dispose();
}, 480_000);
