// The blocks the systems track's first lessons execute (synthetic, labelled as such): a hand-sized
// block whose every figure the lessons work out, the named edge cases, and seeded blocks from
// data/blocks.ts.
import type { BlockState, BlockTx } from '#lib/protocols/parallel-execution.ts';
import { generateBlock, type SyntheticBlock } from '#lib/data/blocks.ts';

export const SYNTHETIC = 'Synthetic block, labelled as such';

/** The lessons' main block: Bob pays Carol before Alice funds him, then again after. */
export const MAIN: SyntheticBlock = {
	state: { alice: 10, bob: 0, carol: 5, votes: 0 },
	txs: [
		{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
		{ kind: 'transfer', from: 'alice', to: 'bob', amount: 7 },
		{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
		{ kind: 'increment', key: 'votes' },
		{ kind: 'increment', key: 'votes', by: 2 },
		{ kind: 'copy', from: 'carol', to: 'snapshot' },
		{ kind: 'read', keys: ['alice', 'bob'] },
		{ kind: 'transfer', from: 'carol', to: 'dave', amount: 12 }
	]
};

/** Every transaction succeeds; each reads what the one before it wrote. */
export const CHAIN: SyntheticBlock = {
	state: { a: 4, b: 0, c: 0, n: 0 },
	txs: [
		{ kind: 'transfer', from: 'a', to: 'b', amount: 3 },
		{ kind: 'transfer', from: 'b', to: 'c', amount: 2 },
		{ kind: 'increment', key: 'n' },
		{ kind: 'increment', key: 'n', by: 5 },
		{ kind: 'copy', from: 'n', to: 'm' },
		{ kind: 'read', keys: ['c', 'm'] }
	]
};

/** Bob's transfer comes before Alice funds him: it fails, and stays failed. */
export const FUND_LATER: SyntheticBlock = {
	state: { alice: 9, bob: 0, carol: 0 },
	txs: [
		{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
		{ kind: 'transfer', from: 'alice', to: 'bob', amount: 9 },
		{ kind: 'transfer', from: 'bob', to: 'carol', amount: 5 },
		{ kind: 'read', keys: ['bob', 'carol'] }
	]
};

/** Failed transfers between successful ones: nothing a failed one wrote may be seen. */
export const NO_WRITES: SyntheticBlock = {
	state: { a: 3, b: 0 },
	txs: [
		{ kind: 'transfer', from: 'a', to: 'b', amount: 5 },
		{ kind: 'read', keys: ['a', 'b'] },
		{ kind: 'transfer', from: 'a', to: 'b', amount: 3 },
		{ kind: 'transfer', from: 'a', to: 'b', amount: 1 },
		{ kind: 'increment', key: 'b' },
		{ kind: 'read', keys: ['a', 'b'] }
	]
};

/** A transfer that will fail shares an account with a later one: no read-from edge, still a lock. */
export const LOCKS: SyntheticBlock = {
	state: { x: 0, y: 5, z: 0, n: 0 },
	txs: [
		{ kind: 'transfer', from: 'x', to: 'y', amount: 3 },
		{ kind: 'increment', key: 'n' },
		{ kind: 'transfer', from: 'y', to: 'z', amount: 1 },
		{ kind: 'read', keys: ['n'] }
	]
};

/** Readers of one account share a batch; its writer waits for all of them. */
export const READERS: SyntheticBlock = {
	state: { p: 1 },
	txs: [
		{ kind: 'read', keys: ['p'] },
		{ kind: 'copy', from: 'p', to: 'x' },
		{ kind: 'copy', from: 'p', to: 'y' },
		{ kind: 'read', keys: ['p', 'x'] },
		{ kind: 'increment', key: 'p' }
	]
};

/** `count` seeded blocks of `size` transactions, contention cycling from low to high. */
export function seededBlocks(count: number, size: number, first = 1): SyntheticBlock[] {
	return Array.from({ length: count }, (_, i) =>
		generateBlock(first + i, { size, accounts: 6, contention: (i % 4) / 3 })
	);
}

export type { BlockState, BlockTx };
