/**
 * The memory bomb in a file of its own, so it meets a fresh WebAssembly heap (Vitest runs each
 * file in its own worker): holding 16 KB arrays until the heap is full must end as a memory fault
 * in a few seconds (it took about 30 s before builtinItems made fill() pay), bounded by memory
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

test('a memory bomb fails as a memory fault in under 5 s, twice in a row', () => {
	const first = bomb();
	expect(first.ms).toBeLessThan(5_000);
	// bounded by memory, not by gas: it stops well before its 30,000,000 gas
	expect(first.receipt.gasUsed).toBeLessThan(25_000_000);
	const second = bomb();
	expect(second.ms).toBeLessThan(5_000);
}, 30_000);
