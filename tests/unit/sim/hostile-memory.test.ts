/**
 * The memory bomb in a file of its own, so it meets a fresh WebAssembly heap (Vitest runs each
 * file in its own worker): holding 1 MiB arrays until the heap is full must end as a memory fault
 * in a few seconds, bounded by memory
 * rather than by gas, and a second bomb in the same world must be named a memory fault too (the
 * heap is then full at once, and QuickJS may throw a bare null instead of its error).
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Chain, Receipt, World } from '#lib/sim/index.ts';
import { expectOnlyFeeAndNonce, fresh, TOKEN, WAD } from './helpers.ts';
import { HOSTILE_2 } from './hostile-cases.ts';

let world: World;
let chain: Chain;
let hostile: string;
let token: string;

beforeEach(() => {
	({ world, chain } = fresh(11));
	hostile = chain.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
	token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
});

afterEach(() => world.dispose());

function bomb(): { receipt: Receipt; ms: number } {
	const before = chain.dumpState();
	const t0 = performance.now();
	const receipt = chain.send({
		from: 'mallory',
		to: hostile,
		method: 'growForever',
		gasLimit: 30_000_000
	});
	const ms = performance.now() - t0;
	expect(receipt.error?.kind, receipt.error?.message).toBe('memory');
	expect(receipt.error?.message).toMatch(/out of memory/);
	expectOnlyFeeAndNonce(chain, before, receipt);
	const next = chain.send({
		from: 'alice',
		to: token,
		method: 'transfer',
		args: [chain.address('bob'), WAD]
	});
	expect(next.status, next.error?.message).toBe('success');
	expect(chain.view(hostile, 'ok')).toBe('fine');
	return { receipt, ms };
}

test('a memory bomb fails as a memory fault, bounded by the heap, twice in a row', () => {
	const first = bomb();
	// the count-based bound: the heap is full after about 500 arrays of 1 MiB, which cost about
	// 10 million gas (allocChunk), so it stops on memory well before its 30 million gas
	expect(first.receipt.gasUsed).toBeLessThan(25_000_000);
	// about 3 s on an idle development machine (30 s before); the wall-clock bound is loose so a
	// shared CI machine does not make it flaky, and still fails a hang
	expect(first.ms).toBeLessThan(10_000);
	const second = bomb();
	expect(second.ms).toBeLessThan(10_000);
}, 40_000);
