import { describe, expect, test } from 'vitest';
import {
	branchRoot,
	NOMAD_TREE_DEPTH,
	nomadLeaf,
	nomadTree,
	ZERO_HASHES
} from '#lib/protocols/nomad-merkle.ts';

// nomad-xyz/monorepo packages/contracts-core/contracts/libs/Merkle.sol at 2b80ba83, Z_1, Z_2, Z_31
const PUBLISHED = {
	1: '0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5',
	2: '0xb4c11951957c6f8f642c4af61cd6b24640fec6dc7fc607ee8206a99e92410d30',
	31: '0x8448818bb4ae4562849e949e17ac16e0be16688e156b5cf15e098c627c0056a9'
} as const;

describe('Nomad MerkleLib', () => {
	test('zero hashes equal the constants in Merkle.sol', () => {
		for (const [i, hash] of Object.entries(PUBLISHED)) expect(ZERO_HASHES[Number(i)]).toBe(hash);
		expect(ZERO_HASHES).toHaveLength(NOMAD_TREE_DEPTH + 1);
	});

	test('the empty tree has root Z_32; one leaf at index 0 hashes up with zero siblings', () => {
		expect(nomadTree([]).root).toBe(ZERO_HASHES[32]);
		const leaf = nomadLeaf('hello');
		const tree = nomadTree([leaf]);
		expect(tree.branch(0)).toEqual(ZERO_HASHES.slice(0, 32));
		expect(branchRoot(leaf, tree.branch(0), 0)).toBe(tree.root);
	});

	test('every leaf of a 7-leaf tree proves to the root; a wrong index or leaf does not', () => {
		const leaves = Array.from({ length: 7 }, (_, i) => nomadLeaf(`message ${i}`));
		const tree = nomadTree(leaves);
		for (let i = 0; i < leaves.length; i++) {
			expect(branchRoot(leaves[i], tree.branch(i), i)).toBe(tree.root);
			expect(branchRoot(leaves[i], tree.branch(i), i ^ 1)).not.toBe(tree.root);
			expect(branchRoot(nomadLeaf('forged'), tree.branch(i), i)).not.toBe(tree.root);
		}
	});

	test('bad input gets a clear error', () => {
		expect(() => branchRoot(ZERO_HASHES[0], [], 0)).toThrow(/32 hashes/);
		expect(() => branchRoot(ZERO_HASHES[0], ZERO_HASHES.slice(0, 32), -1)).toThrow(/index/);
		expect(() => nomadTree([ZERO_HASHES[0]]).branch(1)).toThrow(/not in a tree of 1/);
	});
});
