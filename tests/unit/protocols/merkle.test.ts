import { createPrng, type Prng } from '#lib/data/prng.ts';
import {
	bitcoinMerkleBranch,
	bitcoinMerkleRoot,
	processStandardProof,
	standardLeafHash,
	standardMerkleTree,
	verifyBitcoinBranch,
	verifyStandardProof
} from '#lib/protocols/merkle.ts';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { describe, expect, test } from 'vitest';

// ---- random values of each ABI type, as OpenZeppelin takes them ----

const hex = (rng: Prng, bytes: number): string =>
	'0x' + Array.from({ length: bytes }, () => rng.int(256).toString(16).padStart(2, '0')).join('');

/** a uint256 spread over all sizes (1 to 32 bytes), half as bigint and half as decimal string */
function uint(rng: Prng): bigint | string {
	const n = BigInt(hex(rng, 1 + rng.int(32)));
	return rng.int(2) ? n : n.toString();
}

function text(rng: Prng): string {
	const alphabet = ['a', 'Z', '0', ' ', '/', 'é', '€', '日', '🦊'];
	return Array.from({ length: rng.int(45) }, () => alphabet[rng.int(alphabet.length)]).join('');
}

const generators: Record<string, (rng: Prng) => unknown> = {
	address: (rng) => hex(rng, 20),
	uint256: uint,
	bytes32: (rng) => hex(rng, 32),
	string: text,
	bool: (rng) => rng.int(2) === 1,
	int256: (rng) => (rng.int(2) ? -1n : 1n) * BigInt(hex(rng, 1 + rng.int(31))),
	uint8: (rng) => BigInt(rng.int(256)),
	bytes: (rng) => hex(rng, rng.int(70)),
	bytes4: (rng) => hex(rng, 4),
	'uint8[]': (rng) => Array.from({ length: rng.int(5) }, () => BigInt(rng.int(256))),
	'uint256[2]': (rng) => [uint(rng), uint(rng)],
	'string[]': (rng) => Array.from({ length: rng.int(4) }, () => text(rng)),
	'uint256[][]': (rng) =>
		Array.from({ length: rng.int(3) }, () => Array.from({ length: rng.int(3) }, () => uint(rng))),
	'string[2]': (rng) => [text(rng), text(rng)],
	'bytes[]': (rng) => Array.from({ length: rng.int(3) }, () => hex(rng, rng.int(40))),
	int8: (rng) => BigInt(rng.int(256) - 128),
	'address[3]': (rng) => [hex(rng, 20), hex(rng, 20), hex(rng, 20)]
};

const ENCODINGS: string[][] = [
	['address', 'uint256'],
	['bytes32'],
	['string', 'uint256'],
	['bool', 'int256', 'bytes'],
	['uint8[]', 'address', 'string[]'],
	['bytes4', 'uint256[2]', 'uint8'],
	['uint256[][]', 'string[2]', 'bytes[]', 'int8', 'address[3]']
];

function randomValues(rng: Prng, types: string[], n: number): unknown[][] {
	const values = Array.from({ length: n }, () => types.map((t) => generators[t](rng)));
	// a repeated value now and then: OpenZeppelin keeps duplicates as separate leaves
	if (n > 3 && rng.int(3) === 0) values[n - 1] = values[rng.int(n - 1)];
	return values;
}

describe('StandardMerkleTree, against @openzeppelin/merkle-tree 1.0.8', () => {
	test('leaf hashes, roots and every proof equal OpenZeppelin for trees of 1 to 50 values', () => {
		const rng = createPrng(20260802);
		let trees = 0;
		for (const [e, types] of ENCODINGS.entries()) {
			// every size for the first three encodings, every fifth size for the others
			for (let n = 1; n <= 50; n += e < 3 ? 1 : 5) {
				const values = randomValues(rng, types, n);
				const ours = standardMerkleTree(values, types);
				const oz = StandardMerkleTree.of(values, types);
				expect(ours.root).toBe(oz.root);
				expect(ours.tree).toEqual(oz.dump().tree);
				// OpenZeppelin re-verifies each proof it builds (slow): compare three proofs per tree
				// with it, and check every one of ours against the root
				const sampled = [...new Set([0, n - 1, rng.int(n)])];
				expect(sampled.map((i) => ours.proof(i))).toEqual(sampled.map((i) => oz.getProof(i)));
				const leavesInPlace = values.map(
					(v, i) => standardLeafHash(types, v) === ours.tree[ours.treeIndex(i)]
				);
				const verified = values.map((v, i) =>
					verifyStandardProof(ours.root, types, v, ours.proof(i))
				);
				expect(leavesInPlace.every(Boolean) && verified.every(Boolean)).toBe(true);
				trees++;
			}
		}
		expect(trees).toBe(3 * 50 + 4 * 10);
	});

	test('verification agrees with OpenZeppelin on tampered values and proofs', () => {
		const rng = createPrng(7);
		const types = ['address', 'uint256'];
		for (let n = 2; n <= 40; n += 3) {
			const values = randomValues(rng, types, n);
			const tree = standardMerkleTree(values, types);
			const i = rng.int(n);
			const proof = tree.proof(i);
			const [account, amount] = values[i] as [string, bigint | string];
			const inflated = [account, BigInt(amount) + 1n];
			const cases: [unknown[], string[]][] = [
				[inflated, proof],
				[values[i], proof.slice(1)],
				[values[i], proof.map((p, k) => (k === 0 ? hex(rng, 32) : p))],
				[values[i], [...proof].reverse()]
			];
			for (const [value, p] of cases) {
				const expected = StandardMerkleTree.verify(tree.root, types, value, p);
				expect(verifyStandardProof(tree.root, types, value, p)).toBe(expected);
			}
			expect(verifyStandardProof(tree.root, types, inflated, proof)).toBe(false);
		}
	});

	test('a uint256 given as a decimal string and as a bigint is the same leaf', () => {
		const types = ['address', 'uint256'];
		const account = '0x1111111111111111111111111111111111111111';
		const leaf = standardLeafHash(types, [account, '5000000000000000000']);
		expect(standardLeafHash(types, [account, 5_000_000_000_000_000_000n])).toBe(leaf);
		expect(leaf).toBe(StandardMerkleTree.of([[account, 5_000_000_000_000_000_000n]], types).root);
	});

	test('the proof of a one-value tree is empty and its root is the leaf', () => {
		const tree = standardMerkleTree([['0x' + 'ab'.repeat(32)]], ['bytes32']);
		expect(tree.proof(0)).toEqual([]);
		expect(tree.root).toBe(standardLeafHash(['bytes32'], ['0x' + 'ab'.repeat(32)]));
		expect(processStandardProof(tree.root, [])).toBe(tree.root);
	});

	test('bad input gets a clear error', () => {
		const types = ['address', 'uint256'];
		const ok = ['0x' + '11'.repeat(20), 1n];
		expect(() => standardMerkleTree([], types)).toThrow(/at least one value/);
		expect(() => standardMerkleTree([ok], types).proof(1)).toThrow(/index 1 is not a value/);
		expect(() => standardLeafHash(types, ['0x1234', 1n])).toThrow(/40 hex digits/);
		expect(() => standardLeafHash(types, [ok[0], -1n])).toThrow(/does not fit in uint256/);
		expect(() => standardLeafHash(types, [ok[0], 2n ** 256n])).toThrow(/does not fit in uint256/);
		expect(() => standardLeafHash(types, [ok[0], '1.5'])).toThrow(/expected an integer/);
		expect(() => standardLeafHash(types, [ok[0]])).toThrow(/2 types but 1 values/);
		expect(() => standardLeafHash(['bytes32'], ['0x1234'])).toThrow(/exactly 32 bytes/);
		expect(() => standardLeafHash(['uint7'], [1n])).toThrow(/8 to 256 bits/);
		expect(() => standardLeafHash(['(uint256,bool)'], [[1n, true]])).toThrow(/tuple/);
		expect(() => standardLeafHash(['bool'], [1])).toThrow(/true or false/);
		expect(() => verifyStandardProof('0x00', types, ok, [])).toThrow(/32-byte hash/);
		expect(() => verifyStandardProof('0x' + '00'.repeat(32), types, ok, ['0x12'])).toThrow(
			/32-byte hash/
		);
	});
});

// Bitcoin blocks as `bitcoin-cli getblock <hash>` prints them (display order).
// Block 100000 (000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506): 4 transactions.
const BLOCK_100000 = {
	tx: [
		'8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87',
		'fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4',
		'6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4',
		'e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d'
	],
	merkleroot: 'f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766'
};
// Block 99997: 2 transactions (bitcoin.stackexchange.com question 120662, root as mempool.space shows it).
const BLOCK_99997 = {
	tx: [
		'b86f5ef1da8ddbdb29ec269b535810ee61289eeac7bf2b2523b494551f03897c',
		'80c6f121c3e9fe0a59177e49874d8c703cbadee0700a782e4002e87d862373c6'
	],
	merkleroot: '5140e5972f672bf8e81bc189894c55a410723b095716eaeec845490aed785f0e'
};
// Genesis block: one transaction, the coinbase, whose txid is the root.
const GENESIS_ROOT = '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b';

describe('Bitcoin transaction Merkle tree', () => {
	test('roots of real blocks, txids and root in display order', () => {
		expect(bitcoinMerkleRoot(BLOCK_100000.tx)).toBe(BLOCK_100000.merkleroot);
		expect(bitcoinMerkleRoot(BLOCK_99997.tx)).toBe(BLOCK_99997.merkleroot);
		expect(bitcoinMerkleRoot([GENESIS_ROOT])).toBe(GENESIS_ROOT);
		expect(bitcoinMerkleRoot(BLOCK_100000.tx.map((t) => t.toUpperCase()))).toBe(
			BLOCK_100000.merkleroot
		);
	});

	test('hashing the display order instead of the internal order gives a wrong root', () => {
		const reversed = BLOCK_99997.tx.map((t) => t.match(/../g)!.reverse().join(''));
		const wrong = bitcoinMerkleRoot(reversed).match(/../g)!.reverse().join('');
		expect(wrong).not.toBe(BLOCK_99997.merkleroot);
	});

	test('every branch of block 100000 verifies against its published root', () => {
		BLOCK_100000.tx.forEach((txid, index) => {
			const branch = bitcoinMerkleBranch(BLOCK_100000.tx, index);
			expect(branch).toMatchObject({ txid, index });
			expect(branch.hashes).toHaveLength(2);
			expect(verifyBitcoinBranch(branch, BLOCK_100000.merkleroot)).toBe(true);
		});
		// the coinbase's first sibling is the second txid
		expect(bitcoinMerkleBranch(BLOCK_100000.tx, 0).hashes[0]).toBe(BLOCK_100000.tx[1]);
	});

	test('a forged branch, a wrong position or a wrong root fails', () => {
		const branch = bitcoinMerkleBranch(BLOCK_100000.tx, 2);
		const root = BLOCK_100000.merkleroot;
		expect(verifyBitcoinBranch({ ...branch, index: 3 }, root)).toBe(false);
		expect(verifyBitcoinBranch({ ...branch, index: 6 }, root)).toBe(false);
		expect(verifyBitcoinBranch({ ...branch, txid: BLOCK_100000.tx[3] }, root)).toBe(false);
		expect(verifyBitcoinBranch({ ...branch, hashes: [...branch.hashes].reverse() }, root)).toBe(
			false
		);
		expect(verifyBitcoinBranch(branch, BLOCK_99997.merkleroot)).toBe(false);
	});

	test('odd levels pair the last hash with itself (and so [a,b,c] and [a,b,c,c] share a root)', () => {
		const three = BLOCK_100000.tx.slice(0, 3);
		const withCopy = [...three, three[2]];
		expect(bitcoinMerkleRoot(three)).toBe(bitcoinMerkleRoot(withCopy));
		expect(bitcoinMerkleRoot(three)).not.toBe(bitcoinMerkleRoot(BLOCK_100000.tx));
		const last = bitcoinMerkleBranch(three, 2);
		expect(last.hashes[0]).toBe(three[2]);
		expect(verifyBitcoinBranch(last, bitcoinMerkleRoot(three))).toBe(true);
	});

	test('branches verify for every position of blocks of 1 to 40 transactions', () => {
		const rng = createPrng(100000);
		for (let n = 1; n <= 40; n++) {
			const txids = Array.from({ length: n }, () => hex(rng, 32).slice(2));
			const root = bitcoinMerkleRoot(txids);
			for (let i = 0; i < n; i++) {
				const branch = bitcoinMerkleBranch(txids, i);
				expect(branch.hashes).toHaveLength(Math.ceil(Math.log2(n)));
				expect(verifyBitcoinBranch(branch, root)).toBe(true);
			}
		}
	});

	test('bad input gets a clear error', () => {
		expect(() => bitcoinMerkleRoot([])).toThrow(/at least one transaction/);
		expect(() => bitcoinMerkleRoot(['0x' + BLOCK_99997.tx[0]])).toThrow(/64 hex digits/);
		expect(() => bitcoinMerkleBranch(BLOCK_99997.tx, 2)).toThrow(/index 2 is not a transaction/);
		expect(() => verifyBitcoinBranch({ txid: 'zz', index: 0, hashes: [] }, GENESIS_ROOT)).toThrow(
			/64 hex digits/
		);
	});
});
