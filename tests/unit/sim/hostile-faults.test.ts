/**
 * Host (wasm) stack faults beside a large contract, in a file of its own so it meets a fresh
 * WebAssembly heap (Vitest runs each file in its own worker): 200 faults in one process, the heap
 * measured before and after, the contract reloaded after each, and the chain and a fresh world
 * still working at the end. The loop never yields to the event loop, so no spare heap gets ready
 * and every fault stays on one heap (hostile-heap.test.ts covers heap renewal).
 */
import { expect, test } from 'vitest';
import { type Chain, createWorld } from '#lib/sim/index.ts';
import { currentHeap } from '#lib/sim/sandbox/quickjs.ts';
import { expectOnlyFeeAndNonce, fresh, TOKEN, WAD } from './helpers.ts';
import { HOSTILE_2 } from './hostile-cases.ts';

/** The chain still works: a token transfer succeeds and a view answers. */
function stillWorks(c: Chain, t: string, h: string): void {
	const next = c.send({ from: 'alice', to: t, method: 'transfer', args: [c.address('bob'), WAD] });
	expect(next.status, next.error?.message).toBe('success');
	expect(c.view(h, 'ok')).toBe('fine');
}

// a contract of 200 methods and a table at its top level: each reload after a fault rebuilds it
const LARGE = `import { Contract } from 'chainlab';
const TABLE: number[] = [];
for (let i = 0; i < 20000; i++) TABLE.push(i * 3);
export default class Large extends Contract {
	parse(n: number): unknown { return JSON.parse('['.repeat(n) + ']'.repeat(n)); }
${Array.from({ length: 200 }, (_, i) => `\tm${i}(x: number): number { let y = x; for (let k = 0; k < 3; k++) y = (y + TABLE[k]) % 1000003; return y + ${i}; }`).join('\n')}
}`;

test('200 host stack overflows beside large contracts: the heap grows by less than 2 MiB a fault, and the chain and a fresh world still work', () => {
	const w = createWorld({ seed: 7, stackLimit: 512 * 1024 });
	const c = w.chain();
	const deep = c.deploy(LARGE, { name: 'Large', from: 'mallory', gasLimit: 30_000_000 });
	const h = c.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
	const t = c.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	const heapBefore = currentHeap().memory.buffer.byteLength;
	const t0 = performance.now();
	const times: number[] = [];
	for (let i = 0; i < 200; i++) {
		const before = c.dumpState();
		const s = performance.now();
		const r = c.send({ from: 'mallory', to: deep, method: 'parse', args: [100_000] });
		times.push(performance.now() - s);
		expect(r.error?.kind, r.error?.message).toBe('call-depth');
		expect(r.error?.message).toMatch(/host stack/);
		expectOnlyFeeAndNonce(c, before, r);
		// the large contract reloads after every fault, and its methods still answer
		if (i % 50 === 49) expect(c.view(deep, 'm199', [2])).toBe(210);
	}
	const heapAfter = currentHeap().memory.buffer.byteLength;
	console.log(
		`200 host faults beside a large contract: ${(performance.now() - t0).toFixed(0)} ms, ` +
			`first 20 ${times
				.slice(0, 20)
				.reduce((a, b) => a + b, 0)
				.toFixed(0)} ms, last 20 ` +
			`${times
				.slice(-20)
				.reduce((a, b) => a + b, 0)
				.toFixed(0)} ms; wasm heap ` +
			`${heapBefore / 2 ** 20} MiB before, ${heapAfter / 2 ** 20} MiB after`
	);
	// freeing a torn runtime frees every context the skipped frames do not reach; what they
	// reach (here the partial arrays of the JSON.parse) stays: about 1.5 MiB a fault
	expect(heapAfter - heapBefore).toBeLessThan(200 * 2 * 2 ** 20);
	// and later faults are not slower than the first ones (no slow-down as the heap fills)
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	expect(sum(times.slice(-20))).toBeLessThan(3 * sum(times.slice(0, 20)) + 500);
	stillWorks(c, t, h);
	w.dispose();
	const { world: w2, chain: c2 } = fresh(8);
	const big = c2.deploy(LARGE, { name: 'Large', from: 'alice', gasLimit: 30_000_000 });
	expect(c2.view(big, 'm0', [1])).toBe(10);
	const h2 = c2.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
	const t2 = c2.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
	stillWorks(c2, t2, h2);
	w2.dispose();
}, 240_000);
