/**
 * Merkle trees that bridges check proofs against: OpenZeppelin's StandardMerkleTree and Bitcoin's
 * transaction tree.
 *
 * StandardMerkleTree (OpenZeppelin/merkle-tree v1.0.8, `src/hashes.ts` and `src/core.ts`; the
 * Solidity side is `MerkleProof.verify` in OpenZeppelin Contracts 5.x):
 * - leaf = `keccak256(keccak256(abi.encode(types, values)))`, written on chain as
 *   `keccak256(bytes.concat(keccak256(abi.encode(...))))`; the double hash keeps a 64-byte leaf
 *   from passing for an inner node (second-preimage attack);
 * - node = `keccak256(a || b)` with the two children sorted as 256-bit numbers, so a proof is just
 *   the list of siblings, with no left/right flags;
 * - leaves are sorted by hash, then laid out as a heap of `2n - 1` nodes filled from the end: leaf
 *   `i` of the sorted list sits at `tree[2n - 2 - i]`, node `j` has children `2j + 1`, `2j + 2`,
 *   and the root is `tree[0]`.
 * All hashes are 0x-prefixed lowercase hex (66 characters). Values are taken as OpenZeppelin takes
 * them (see `abi-encode.ts`: a uint256 as a bigint or a decimal string, an address as 0x-hex...).
 * We encode with our own `abiEncode` over @noble/hashes rather than bundle the library: it pulls
 * @metamask/abi-utils, @metamask/utils and @ethereumjs/tx, so a browser bundle of
 * `StandardMerkleTree.of` alone is 137 KB minified (39 KB gzip) against 11.6 KB (4.6 KB) for this
 * module (rolldown --minify, December 2026), for ~170 lines of encoding. The unit tests
 * check every function against `@openzeppelin/merkle-tree` over many random trees.
 *
 * Bitcoin (bitcoin/bitcoin `src/consensus/merkle.cpp` `ComputeMerkleRoot`, v27.0): node =
 * SHA-256d(left || right) over the *internal* byte order; a level with an odd count pairs its last
 * hash with itself. Txids and roots are shown byte-reversed ("display" or RPC order, as
 * `getblock` prints them), so we reverse on the way in and out. Duplicating the last hash lets
 * `[a, b, c]` and `[a, b, c, c]` share a root (CVE-2012-2459): nodes must reject blocks with
 * duplicate transactions, and an SPV proof alone cannot tell the two apart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { abiEncode } from './abi-encode.ts';

const HASH_HEX = /^0x[0-9a-fA-F]{64}$/;

function keccakHex(bytes: Uint8Array): string {
	return '0x' + bytesToHex(keccak_256(bytes));
}

function checkHash(hash: unknown, what: string): string {
	if (typeof hash !== 'string' || !HASH_HEX.test(hash)) {
		throw new TypeError(`${what} must be a 32-byte hash: 0x followed by 64 hex digits`);
	}
	return hash.toLowerCase();
}

/**
 * OpenZeppelin's `standardNodeHash`: keccak256 of the two 32-byte children, the smaller first.
 * Inputs are 0x-hex hashes (any case); returns 0x lowercase hex.
 */
export function standardNodeHash(a: string, b: string): string {
	const [x, y] = [checkHash(a, 'a node'), checkHash(b, 'a node')].sort();
	return keccakHex(concatBytes(hexToBytes(x.slice(2)), hexToBytes(y.slice(2))));
}

/**
 * The leaf of one value in a StandardMerkleTree: `keccak256(keccak256(abi.encode(types, values)))`,
 * as 0x lowercase hex. `values` holds one entry per type (e.g. types ['address', 'uint256'], values
 * ['0x1111...', '5000']). Throws the encoder's TypeError / RangeError on a bad type or value.
 */
export function standardLeafHash(types: string[], values: unknown[]): string {
	return keccakHex(keccak_256(abiEncode(types, values)));
}

/** A built StandardMerkleTree. All hashes are 0x lowercase hex. */
export interface StandardMerkleTree {
	/** The root, `tree[0]`: what a contract stores. */
	readonly root: string;
	/** The heap of `2n - 1` nodes (see the module comment for the layout). */
	readonly tree: readonly string[];
	/** Where the value at `index` of the input list sits in `tree`. */
	treeIndex(index: number): number;
	/** Sibling hashes from the leaf of the value at `index` (input order) up to the root. */
	proof(index: number): string[];
}

/**
 * `StandardMerkleTree.of(values, types)`: each entry of `values` is one leaf's values, encoded with
 * `types` (the leaf encoding). `proof(index)` takes the value's position in `values`, as
 * OpenZeppelin's `getProof(index)` does. Throws a RangeError for an empty list or an index that is
 * not an integer in [0, n), and the encoder's errors for a bad value.
 */
export function standardMerkleTree(values: unknown[][], types: string[]): StandardMerkleTree {
	if (!Array.isArray(values) || values.length === 0) {
		throw new RangeError('a Merkle tree needs at least one value');
	}
	const leaves = values.map((value, valueIndex) => ({
		valueIndex,
		hash: standardLeafHash(types, value)
	}));
	leaves.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
	const tree = new Array<string>(2 * leaves.length - 1);
	const position = new Array<number>(values.length);
	leaves.forEach((leaf, i) => {
		tree[tree.length - 1 - i] = leaf.hash;
		position[leaf.valueIndex] = tree.length - 1 - i;
	});
	for (let i = tree.length - 1 - leaves.length; i >= 0; i--) {
		tree[i] = standardNodeHash(tree[2 * i + 1], tree[2 * i + 2]);
	}
	const treeIndex = (index: number): number => {
		if (!Number.isInteger(index) || index < 0 || index >= values.length) {
			throw new RangeError(
				`index ${index} is not a value of this tree (0 to ${values.length - 1})`
			);
		}
		return position[index];
	};
	return {
		root: tree[0],
		tree,
		treeIndex,
		proof(index: number): string[] {
			const proof: string[] = [];
			for (let i = treeIndex(index); i > 0; i = Math.floor((i - 1) / 2)) {
				proof.push(tree[i % 2 === 1 ? i + 1 : i - 1]);
			}
			return proof;
		}
	};
}

/**
 * OpenZeppelin's `processProof`: folds the proof's siblings into the leaf with `standardNodeHash`
 * and returns the root it reaches (0x lowercase hex).
 */
export function processStandardProof(leaf: string, proof: readonly string[]): string {
	return proof.reduce(
		(node, sibling) => standardNodeHash(node, sibling),
		checkHash(leaf, 'the leaf')
	);
}

/**
 * `StandardMerkleTree.verify(root, types, value, proof)`: true iff hashing `value` as a leaf and
 * folding in `proof` gives `root`. False for a wrong value or proof; throws a TypeError when the
 * root or a proof entry is not a 32-byte 0x-hex hash, or the value does not fit the types.
 */
export function verifyStandardProof(
	root: string,
	types: string[],
	value: unknown[],
	proof: string[]
): boolean {
	const expected = checkHash(root, 'the root');
	if (!Array.isArray(proof)) throw new TypeError('the proof must be an array of hashes');
	return processStandardProof(standardLeafHash(types, value), proof) === expected;
}

// ---------------------------------------------------------------------------------------------
// Bitcoin

const TXID_HEX = /^[0-9a-fA-F]{64}$/;

/** Display-order hex (as RPC prints it) to internal-order bytes. */
function internal(txid: string, what: string): Uint8Array {
	if (typeof txid !== 'string' || !TXID_HEX.test(txid)) {
		throw new TypeError(`${what} must be 64 hex digits (display order, no 0x), got '${txid}'`);
	}
	return hexToBytes(txid).reverse();
}

function display(hash: Uint8Array): string {
	return bytesToHex(Uint8Array.from(hash).reverse());
}

function sha256d(left: Uint8Array, right: Uint8Array): Uint8Array {
	return sha256(sha256(concatBytes(left, right)));
}

function bitcoinLevels(txids: readonly string[]): Uint8Array[][] {
	if (!Array.isArray(txids) || txids.length === 0) {
		throw new RangeError('a block has at least one transaction (its coinbase)');
	}
	const levels = [txids.map((t, i) => internal(t, `txid ${i}`))];
	while (levels[levels.length - 1].length > 1) {
		const level = levels[levels.length - 1];
		const next: Uint8Array[] = [];
		for (let i = 0; i < level.length; i += 2)
			next.push(sha256d(level[i], level[i + 1] ?? level[i]));
		levels.push(next);
	}
	return levels;
}

/**
 * A block's Merkle root from its txids, both in display (RPC) order: 64 lowercase hex digits, no
 * 0x. One txid is its own root. Throws a RangeError for an empty list, a TypeError for a txid that
 * is not 64 hex digits.
 */
export function bitcoinMerkleRoot(txids: string[]): string {
	const levels = bitcoinLevels(txids);
	return display(levels[levels.length - 1][0]);
}

/**
 * An SPV branch: what a light client needs to check that `txid` is in a block with a known root.
 * The shape of Electrum's `blockchain.transaction.get_merkle` (`pos`, `merkle`):
 * - `index`: the transaction's position in the block (0 = coinbase); bit `i` of it says whether
 *   the running hash is the right (1) or left (0) child at level `i`;
 * - `hashes`: the sibling at each level, leaf level first, in display order. When the running
 *   hash is the last of an odd level, its sibling is itself (the duplicated hash).
 */
export interface BitcoinBranch {
	txid: string;
	index: number;
	hashes: string[];
}

/**
 * The SPV branch of the transaction at `index` (see `BitcoinBranch`). Throws a RangeError when
 * `index` is not an integer in [0, txids.length), and the errors of `bitcoinMerkleRoot`.
 */
export function bitcoinMerkleBranch(txids: string[], index: number): BitcoinBranch {
	const levels = bitcoinLevels(txids);
	if (!Number.isInteger(index) || index < 0 || index >= txids.length) {
		throw new RangeError(
			`index ${index} is not a transaction of this block (0 to ${txids.length - 1})`
		);
	}
	const hashes: string[] = [];
	let i = index;
	for (const level of levels.slice(0, -1)) {
		hashes.push(display(level[i ^ 1] ?? level[i]));
		i >>= 1;
	}
	return { txid: txids[index].toLowerCase(), index, hashes };
}

/**
 * Checks an SPV branch: folds `branch.hashes` into `branch.txid` (right child when the index bit is
 * 1) and compares with `root`, all in display order. False when the root differs or the index has
 * bits beyond the branch's depth; throws a TypeError for a malformed hash.
 */
export function verifyBitcoinBranch(branch: BitcoinBranch, root: string): boolean {
	const { index, hashes } = branch;
	const expected = display(internal(root, 'the root'));
	if (!Array.isArray(hashes)) throw new TypeError('branch.hashes must be an array of hashes');
	if (!Number.isInteger(index) || index < 0 || index >= 2 ** hashes.length) return false;
	let node = internal(branch.txid, 'the txid');
	hashes.forEach((sibling, level) => {
		const other = internal(sibling, `branch hash ${level}`);
		node = (index >> level) & 1 ? sha256d(other, node) : sha256d(node, other);
	});
	return display(node) === expected;
}
