/**
 * Nomad's message tree: a sparse incremental keccak-256 Merkle tree of depth 32, as the Home
 * contract keeps it and the Replica checks proofs against it (nomad-xyz/monorepo
 * `packages/contracts-core/contracts/libs/Merkle.sol`, `MerkleLib`, at 2b80ba83).
 * - leaf = keccak256 of the message bytes (`Message.formatMessage`; here a message is text and its
 *   leaf is keccak256 of its UTF-8 bytes);
 * - node = keccak256(left || right), left and right by position (no sorting);
 * - an empty subtree of height i has the zero hash Z[i]: Z[0] = 32 zero bytes,
 *   Z[i + 1] = keccak256(Z[i] || Z[i]);
 * - `branchRoot(leaf, branch, index)`: bit i of `index` says whether the node at height i is a
 *   right child (1: hash branch[i] || node) or a left one (0: node || branch[i]).
 * Hashes are 0x-prefixed lowercase hex (66 characters).
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** MerkleLib.TREE_DEPTH */
export const NOMAD_TREE_DEPTH = 32;

const bytes = (hash: string) => hexToBytes(hash.slice(2));
const hex = (b: Uint8Array) => '0x' + bytesToHex(b);

/** keccak256(left || right) of two 0x-hex hashes. */
function node(left: string, right: string): string {
	return hex(keccak_256(concatBytes(bytes(left), bytes(right))));
}

/** Z[0..32]: the roots of empty subtrees of each height (MerkleLib `zeroHashes`). */
export const ZERO_HASHES: readonly string[] = (() => {
	const z = ['0x' + '00'.repeat(32)];
	for (let i = 0; i < NOMAD_TREE_DEPTH; i++) z.push(node(z[i], z[i]));
	return z;
})();

/** The leaf of a text message: keccak256 of its UTF-8 bytes (what `keccak256(message)` gives in a contract). */
export function nomadLeaf(message: string): string {
	return hex(keccak_256(utf8ToBytes(message)));
}

/**
 * MerkleLib.branchRoot: the root that `leaf` at `index` and its 32 siblings lead to.
 * @throws RangeError when the branch does not have 32 hashes or the index is not a whole number
 *   in [0, 2^32)
 */
export function branchRoot(leaf: string, branch: readonly string[], index: number): string {
	if (branch.length !== NOMAD_TREE_DEPTH)
		throw new RangeError(`a branch has ${NOMAD_TREE_DEPTH} hashes, got ${branch.length}`);
	if (!Number.isInteger(index) || index < 0 || index >= 2 ** NOMAD_TREE_DEPTH)
		throw new RangeError(`index must be a whole number in [0, 2^32), got ${index}`);
	let current = leaf;
	for (let i = 0; i < NOMAD_TREE_DEPTH; i++) {
		const right = Math.floor(index / 2 ** i) % 2 === 1;
		current = right ? node(branch[i], current) : node(current, branch[i]);
	}
	return current;
}

/** A tree of leaves in insertion order, with its root and each leaf's branch. */
export interface NomadTree {
	root: string;
	/** the 32 siblings of leaf `index`, from the leaf's level up */
	branch(index: number): string[];
}

/**
 * The Home's tree after `leaves` were inserted in this order (MerkleLib.insert then root()).
 * @throws RangeError from `branch` for an index outside the leaves
 */
export function nomadTree(leaves: readonly string[]): NomadTree {
	const levels: string[][] = [leaves.map((l) => l.toLowerCase())];
	for (let h = 0; h < NOMAD_TREE_DEPTH; h++) {
		const below = levels[h];
		const up: string[] = [];
		for (let i = 0; i < below.length; i += 2)
			up.push(node(below[i], below[i + 1] ?? ZERO_HASHES[h]));
		levels.push(up);
	}
	const root = levels[NOMAD_TREE_DEPTH][0] ?? ZERO_HASHES[NOMAD_TREE_DEPTH];
	return {
		root,
		branch(index) {
			if (!Number.isInteger(index) || index < 0 || index >= leaves.length)
				throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length} leaves`);
			const out: string[] = [];
			let at = index;
			for (let h = 0; h < NOMAD_TREE_DEPTH; h++) {
				out.push(levels[h][at ^ 1] ?? ZERO_HASHES[h]);
				at = Math.floor(at / 2);
			}
			return out;
		}
	};
}
