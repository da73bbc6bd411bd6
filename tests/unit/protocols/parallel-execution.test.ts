/**
 * parallel-execution.ts: a hand-worked block (every figure worked out in the comment beside it),
 * the named edge cases (a failing transfer earlier in the block stays failed when a later one funds
 * the account; a failed transaction writes nothing; a failing transfer still locks its accounts;
 * read-read does not conflict), and property tests over seeded blocks: reads see exactly the last
 * earlier write, balances are conserved, batches respect every declared conflict and are minimal,
 * and running the batches in any order inside each batch gives the sequential state.
 */
import { describe, expect, test } from 'vitest';
import {
	type BlockState,
	type BlockTx,
	checkTx,
	declaredAccounts,
	declaredConflict,
	executeSequential,
	groupBatches,
	readFromDependencies,
	runTransaction,
	sealevelBatches
} from '#lib/protocols/parallel-execution.ts';
import { generateBlock } from '#lib/data/blocks.ts';
import { createPrng } from '#lib/data/prng.ts';

// Pre-state: alice 10, bob 0, carol 5, counter n 0.
const STATE: BlockState = { alice: 10, bob: 0, carol: 5, n: 0 };
const BLOCK: BlockTx[] = [
	// tx0: bob has 0 < 5 -> fails, reads bob only, writes nothing
	{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
	// tx1: alice 10 >= 7 -> alice 3, bob 0 + 7 = 7 (both read from storage)
	{ kind: 'transfer', from: 'alice', to: 'bob', amount: 7 },
	// tx2: bob 7 (from tx1) >= 5 -> bob 2, carol 5 + 5 = 10
	{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
	// tx3: n 0 -> 1
	{ kind: 'increment', key: 'n' },
	// tx4: n 1 (from tx3) -> 3
	{ kind: 'increment', key: 'n', by: 2 },
	// tx5: reads alice 3 (tx1) and carol 10 (tx2)
	{ kind: 'read', keys: ['alice', 'carol'] },
	// tx6: reads alice 3 (tx1) again
	{ kind: 'read', keys: ['alice'] }
];

describe('executeSequential: the hand-worked block', () => {
	const { state, results } = executeSequential(STATE, BLOCK);

	test('final state', () => {
		expect(state).toEqual({ alice: 3, bob: 2, carol: 10, n: 3 });
		expect(STATE).toEqual({ alice: 10, bob: 0, carol: 5, n: 0 }); // pre-state untouched
	});

	test('a transfer that fails early stays failed though tx1 later funds bob; it writes nothing', () => {
		expect(results[0]).toEqual({
			index: 0,
			status: 'failed',
			reason: 'insufficient balance: bob has 0, needs 5',
			reads: [{ key: 'bob', value: 0, from: 'storage' }],
			writes: []
		});
		// the same transfer after the funding succeeds
		expect(results[2].status).toBe('ok');
	});

	test('read sets say where each value came from', () => {
		expect(results[1].reads).toEqual([
			{ key: 'alice', value: 10, from: 'storage' },
			{ key: 'bob', value: 0, from: 'storage' }
		]);
		expect(results[2].reads).toEqual([
			{ key: 'bob', value: 7, from: 1 },
			{ key: 'carol', value: 5, from: 'storage' }
		]);
		expect(results[4].reads).toEqual([{ key: 'n', value: 1, from: 3 }]);
		expect(results[5].reads).toEqual([
			{ key: 'alice', value: 3, from: 1 },
			{ key: 'carol', value: 10, from: 2 }
		]);
	});

	test('write sets', () => {
		expect(results.map((r) => r.writes)).toEqual([
			[],
			[
				{ key: 'alice', value: 3 },
				{ key: 'bob', value: 7 }
			],
			[
				{ key: 'bob', value: 2 },
				{ key: 'carol', value: 10 }
			],
			[{ key: 'n', value: 1 }],
			[{ key: 'n', value: 3 }],
			[],
			[]
		]);
		expect(results.map((r) => r.status)).toEqual(['failed', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
	});

	test('read-from edges (reader, key, writer)', () => {
		const edges = [
			{ reader: 2, key: 'bob', writer: 1 },
			{ reader: 4, key: 'n', writer: 3 },
			{ reader: 5, key: 'alice', writer: 1 },
			{ reader: 5, key: 'carol', writer: 2 },
			{ reader: 6, key: 'alice', writer: 1 }
		];
		expect(readFromDependencies(STATE, BLOCK)).toEqual(edges);
		expect(readFromDependencies(executeSequential(STATE, BLOCK))).toEqual(edges);
	});

	test('a failed transaction is never a writer: a read after it comes from before it', () => {
		// tx1 fails, so tx2's read of a comes from tx0
		const s = { a: 1, b: 0 };
		const txs: BlockTx[] = [
			{ kind: 'increment', key: 'a' }, // a 2
			{ kind: 'transfer', from: 'a', to: 'b', amount: 5 }, // 2 < 5: fails
			{ kind: 'read', keys: ['a', 'b'] }
		];
		expect(executeSequential(s, txs).results[2].reads).toEqual([
			{ key: 'a', value: 2, from: 0 },
			{ key: 'b', value: 0, from: 'storage' }
		]);
		// the failed tx1 still read a from tx0: its failure depends on tx0
		expect(readFromDependencies(s, txs)).toEqual([
			{ reader: 1, key: 'a', writer: 0 },
			{ reader: 2, key: 'a', writer: 0 }
		]);
	});
});

describe('sealevelBatches: the hand-worked block', () => {
	test('batches', () => {
		// tx0 W{bob,carol} -> 1; tx1 W{alice,bob} conflicts tx0 on bob -> 2;
		// tx2 W{bob,carol} conflicts tx0, tx1 -> 3; tx3 W{n} -> 1; tx4 W{n} -> 2;
		// tx5 R{alice,carol}: tx1 (2) and tx2 (3) write them -> 4;
		// tx6 R{alice}: tx1 (2) writes alice; tx5 only reads it -> 3
		expect(sealevelBatches(BLOCK)).toEqual([1, 2, 3, 1, 2, 4, 3]);
		expect(groupBatches(sealevelBatches(BLOCK))).toEqual([[0, 3], [1, 4], [2, 6], [5]]);
	});

	test('a transfer that will fail still locks both its accounts', () => {
		// without tx0 in the block, alice->bob would run in batch 1; with it, batch 2
		expect(sealevelBatches(BLOCK.slice(1, 2))).toEqual([1]);
		expect(sealevelBatches(BLOCK.slice(0, 2))).toEqual([1, 2]);
		expect(declaredAccounts(BLOCK[0])).toEqual({ reads: [], writes: ['bob', 'carol'] });
	});

	test('read-read does not conflict; read-write and write-write do', () => {
		const r = declaredAccounts({ kind: 'read', keys: ['x'] });
		const w = declaredAccounts({ kind: 'increment', key: 'x' });
		expect(declaredConflict(r, r)).toBe(false);
		expect(declaredConflict(r, w)).toBe(true);
		expect(declaredConflict(w, r)).toBe(true);
		expect(declaredConflict(w, w)).toBe(true);
		expect(
			sealevelBatches([
				{ kind: 'read', keys: ['x'] },
				{ kind: 'copy', from: 'x', to: 'y' },
				{ kind: 'read', keys: ['x', 'z'] }
			])
		).toEqual([1, 1, 1]);
	});

	test('extra declarations lock accounts the transaction never touches', () => {
		const txs: BlockTx[] = [
			{ kind: 'increment', key: 'a', declare: { writes: ['shared'] } },
			{ kind: 'increment', key: 'b', declare: { reads: ['shared'] } },
			{ kind: 'increment', key: 'c', declare: { reads: ['shared'] } }
		];
		expect(sealevelBatches(txs)).toEqual([1, 2, 2]);
		expect(readFromDependencies({}, txs)).toEqual([]);
		expect(declaredAccounts(txs[0])).toEqual({ reads: [], writes: ['a', 'shared'] });
	});

	test('a copy declares its source read-only and its target writable', () => {
		expect(declaredAccounts({ kind: 'copy', from: 'price', to: 'vault' })).toEqual({
			reads: ['price'],
			writes: ['vault']
		});
		expect(declaredAccounts({ kind: 'copy', from: 'k', to: 'k' })).toEqual({
			reads: [],
			writes: ['k']
		});
	});

	test('an empty block has no batches', () => {
		expect(sealevelBatches([])).toEqual([]);
		expect(groupBatches([])).toEqual([]);
	});
});

describe('edge cases and errors', () => {
	test('a missing key reads as 0 from storage and appears in the final state once written', () => {
		const { state, results } = executeSequential({}, [{ kind: 'increment', key: 'fresh' }]);
		expect(state).toEqual({ fresh: 1 });
		expect(results[0].reads).toEqual([{ key: 'fresh', value: 0, from: 'storage' }]);
	});

	test('a transfer of exactly the balance succeeds; one unit more fails', () => {
		expect(
			executeSequential({ a: 5 }, [{ kind: 'transfer', from: 'a', to: 'b', amount: 5 }]).state
		).toEqual({ a: 0, b: 5 });
		expect(
			executeSequential({ a: 5 }, [{ kind: 'transfer', from: 'a', to: 'b', amount: 6 }]).results[0]
				.status
		).toBe('failed');
	});

	test('a transfer to oneself reads and writes the account once, unchanged', () => {
		const r = executeSequential({ a: 5 }, [{ kind: 'transfer', from: 'a', to: 'a', amount: 3 }]);
		expect(r.state).toEqual({ a: 5 });
		expect(r.results[0].reads).toHaveLength(1);
		expect(r.results[0].writes).toEqual([{ key: 'a', value: 5 }]);
	});

	test('bigint balances stay bigint; mixed amounts are done in bigint', () => {
		const big = 10n ** 30n;
		const r = executeSequential({ a: big, b: 0n, c: 0 }, [
			{ kind: 'transfer', from: 'a', to: 'b', amount: 1 },
			{ kind: 'increment', key: 'c', by: 2n }
		]);
		expect(r.state).toEqual({ a: big - 1n, b: 1n, c: 2n });
	});

	test('runTransaction calls read once per key, in the documented order', () => {
		const seen: string[] = [];
		const read = (k: string) => (seen.push(k), 100);
		runTransaction({ kind: 'transfer', from: 'x', to: 'y', amount: 1 }, read);
		runTransaction({ kind: 'read', keys: ['p', 'q', 'p'] }, read);
		runTransaction({ kind: 'copy', from: 'o', to: 'v' }, read);
		expect(seen).toEqual(['x', 'y', 'p', 'q', 'o']);
	});

	test('malformed transactions and state throw', () => {
		expect(() => checkTx({ kind: 'transfer', from: 'a', to: 'b', amount: -1 })).toThrow(RangeError);
		expect(() => checkTx({ kind: 'transfer', from: 'a', to: 'b', amount: 1.5 })).toThrow(
			RangeError
		);
		expect(() => checkTx({ kind: 'transfer', from: '', to: 'b', amount: 1 })).toThrow(TypeError);
		expect(() => checkTx({ kind: 'increment', key: 'a', by: -2n })).toThrow(RangeError);
		expect(() => checkTx({ kind: 'mint' } as unknown as BlockTx)).toThrow(/unknown kind/);
		expect(() => executeSequential({ a: '1' } as unknown as BlockState, [])).toThrow(TypeError);
		expect(() => sealevelBatches([{ kind: 'read', keys: 'a' } as unknown as BlockTx])).toThrow(
			TypeError
		);
	});
});

/** A naive reference: for each read, scan backwards for the last successful writer of the key. */
function lastWriterBefore(
	results: ReturnType<typeof executeSequential>['results'],
	j: number,
	key: string
) {
	for (let i = j - 1; i >= 0; i--) {
		const w = results[i].writes.find((x) => x.key === key);
		if (w) return { writer: i, value: w.value };
	}
	return undefined;
}

function shuffle<T>(xs: T[], seed: number): T[] {
	const rng = createPrng(seed);
	const out = [...xs];
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const SEEDS = Array.from({ length: 250 }, (_, i) => i + 1);

describe('properties over seeded blocks', () => {
	test('each read sees the last earlier successful write of its key, or storage', () => {
		for (const seed of SEEDS) {
			const { state, txs } = generateBlock(seed, { size: 30, contention: (seed % 5) / 4 });
			const { results } = executeSequential(state, txs);
			for (const r of results) {
				for (const read of r.reads) {
					const w = lastWriterBefore(results, r.index, read.key);
					if (w) expect(read).toEqual({ key: read.key, value: w.value, from: w.writer });
					else
						expect(read).toEqual({ key: read.key, value: state[read.key] ?? 0, from: 'storage' });
				}
				if (r.status === 'failed') expect(r.writes).toEqual([]);
			}
		}
	});

	test('transfers conserve the total balance; no balance goes negative', () => {
		for (const seed of SEEDS) {
			const { state, txs } = generateBlock(seed, { size: 40 });
			const out = executeSequential(state, txs).state;
			const total = (s: BlockState) =>
				Object.entries(s)
					.filter(([k]) => k.startsWith('a'))
					.reduce((sum, [, v]) => sum + Number(v), 0);
			expect(total(out)).toBe(total(state));
			for (const [k, v] of Object.entries(out))
				if (k.startsWith('a')) expect(v).toBeGreaterThanOrEqual(0);
		}
	});

	test('the final state is the pre-state with each key set to its last successful write', () => {
		for (const seed of SEEDS) {
			const { state, txs } = generateBlock(seed, { size: 25, contention: 0.6 });
			const { state: out, results } = executeSequential(state, txs);
			const expected: BlockState = { ...state };
			for (const r of results) for (const w of r.writes) expected[w.key] = w.value;
			expect(out).toEqual(expected);
		}
	});

	test('batches: every declared conflict puts the earlier tx in a lower batch, and each batch is as low as it can be', () => {
		for (const seed of SEEDS) {
			const { txs } = generateBlock(seed, { size: 30, contention: (seed % 4) / 3 });
			const batches = sealevelBatches(txs);
			const declared = txs.map(declaredAccounts);
			for (let j = 0; j < txs.length; j++) {
				const conflicting = [];
				for (let i = 0; i < j; i++) {
					if (declaredConflict(declared[i], declared[j])) {
						expect(batches[i]).toBeLessThan(batches[j]);
						conflicting.push(batches[i]);
					}
				}
				expect(batches[j]).toBe(1 + Math.max(0, ...conflicting));
			}
		}
	});

	test('every read-from edge is a declared conflict between batches in order', () => {
		for (const seed of SEEDS) {
			const { state, txs } = generateBlock(seed, { size: 30, contention: 0.5 });
			const batches = sealevelBatches(txs);
			for (const e of readFromDependencies(state, txs)) {
				expect(e.writer).toBeLessThan(e.reader);
				expect(
					declaredConflict(declaredAccounts(txs[e.writer]), declaredAccounts(txs[e.reader]))
				).toBe(true);
				expect(batches[e.writer]).toBeLessThan(batches[e.reader]);
			}
		}
	});

	test('running batch by batch, in any order inside each batch, gives the sequential state', () => {
		for (const seed of SEEDS) {
			const { state, txs } = generateBlock(seed, { size: 30, contention: (seed % 3) / 2 });
			const expected = executeSequential(state, txs).state;
			const order = groupBatches(sealevelBatches(txs)).flatMap((batch, b) =>
				shuffle(batch, seed * 31 + b)
			);
			expect(
				executeSequential(
					state,
					order.map((i) => txs[i])
				).state
			).toEqual(expected);
		}
	});

	test('the generator is seeded: same seed, same block', () => {
		expect(generateBlock(7, { size: 20 })).toEqual(generateBlock(7, { size: 20 }));
		expect(generateBlock(7, { size: 20 })).not.toEqual(generateBlock(8, { size: 20 }));
		expect(() => generateBlock(1, { size: -1 })).toThrow(RangeError);
		expect(() => generateBlock(1, { size: 1, contention: 2 })).toThrow(RangeError);
	});
});
