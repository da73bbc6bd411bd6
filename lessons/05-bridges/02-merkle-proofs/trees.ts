/**
 * The trees of this lesson: the withdrawals tree (OpenZeppelin StandardMerkleTree over
 * (address, uint256), built with the reference model src/lib/protocols/merkle.ts) and Bitcoin
 * block 100000's transactions, as `bitcoin-cli getblock` prints them, with the levels the
 * Merkle view draws.
 */
import {
	bitcoinMerkleRoot,
	standardMerkleTree,
	type StandardMerkleTree
} from '#lib/protocols/merkle.ts';

export const TYPES = ['address', 'uint256'];

/**
 * Bitcoin block 100000 (hash 000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506,
 * 29 December 2010): its 4 txids and Merkle root in display (RPC) order.
 */
export const BLOCK_100000 = {
	txids: [
		'8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87',
		'fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4',
		'6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4',
		'e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d'
	],
	root: 'f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766'
};

/** Bitcoin block 99997's two txids and root (display order). */
export const BLOCK_99997 = {
	txids: [
		'b86f5ef1da8ddbdb29ec269b535810ee61289eeac7bf2b2523b494551f03897c',
		'80c6f121c3e9fe0a59177e49874d8c703cbadee0700a782e4002e87d862373c6'
	],
	root: '5140e5972f672bf8e81bc189894c55a410723b095716eaeec845490aed785f0e'
};

/** A StandardMerkleTree of (address, amount) with its levels, leaves first, in heap order. */
export type Withdrawals = {
	tree: StandardMerkleTree & { tree: string[]; treeIndex(index: number): number };
	values: [string, string][];
	levels: string[][];
	/** position in levels[0] of value `i` (only for a power-of-two count) */
	leafPosition(index: number): number;
};

/**
 * The withdrawals tree of `entries` (address, amount in wei). For a power-of-two count the heap
 * is a perfect tree, and `levels` splits it level by level (left to right in heap order).
 */
export function withdrawalsTree(entries: [string, bigint][]): Withdrawals {
	const values = entries.map(([a, v]) => [a, v.toString()] as [string, string]);
	const tree = standardMerkleTree(values, TYPES) as Withdrawals['tree'];
	const levels: string[][] = [];
	const n = values.length;
	const perfect = (n & (n - 1)) === 0;
	if (perfect) {
		for (let width = n; width >= 1; width /= 2)
			levels.push(tree.tree.slice(width - 1, 2 * width - 1));
	}
	return { tree, values, levels, leafPosition: (i) => tree.treeIndex(i) - (n - 1) };
}

/** A Bitcoin block's levels (display order), leaves first: odd levels pair the last with itself. */
export function bitcoinLevels(txids: string[]): string[][] {
	const levels = [txids];
	while (levels.at(-1)!.length > 1) {
		const level = levels.at(-1)!;
		const next: string[] = [];
		for (let i = 0; i < level.length; i += 2) {
			next.push(bitcoinMerkleRoot([level[i], level[i + 1] ?? level[i]]));
		}
		levels.push(next);
	}
	return levels;
}
