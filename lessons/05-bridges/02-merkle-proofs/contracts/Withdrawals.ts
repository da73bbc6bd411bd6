import {
	Contract,
	StorageMap,
	StorageValue,
	Token,
	msg,
	require,
	emit,
	keccak256,
	sha256
} from 'chainlab';

/**
 * The exit of a bridge: the operator posts one Merkle root of every withdrawal owed (account,
 * amount), and each account withdraws its own with a proof. The tree is OpenZeppelin's
 * StandardMerkleTree over (address, uint256), so proofs made with `@openzeppelin/merkle-tree`
 * work here. The second half checks Bitcoin transactions against a block's Merkle root (SPV).
 */
export default class Withdrawals extends Contract {
	token = new StorageValue<string>('token', '');
	operator = new StorageValue<string>('operator', '');
	root = new StorageValue<string>('root', '');
	claimed = new StorageMap<string, boolean>('claimed');

	constructor(token: string, operator: string) {
		super();
		this.token.set(token);
		this.operator.set(operator);
	}

	/** The operator posts the root of the withdrawals tree. */
	postRoot(root: string) {
		require(msg.sender === this.operator.get(), 'only the operator posts roots');
		this.root.set(root.toLowerCase());
		emit('RootPosted', { root });
	}

	/** Withdraw `amount` owed to you, proven by `proof` (sibling hashes, leaf to root). */
	withdraw(amount: bigint, proof: string[]) {
		require(!this.claimed.has(msg.sender), 'already withdrawn');
		const leaf = this.leafHash(msg.sender, amount);
		require(this.verify(this.root.get(), leaf, proof), 'invalid proof');
		this.claimed.set(msg.sender, true);
		Token.at(this.token.get()).transfer(msg.sender, amount);
		emit('Withdrawn', { account: msg.sender, amount });
	}

	/** abi.encode(address, uint256): two 32-byte words, as 0x hex. */
	encode(account: string, amount: bigint): string {
		return (
			'0x' +
			account.slice(2).toLowerCase().padStart(64, '0') +
			amount.toString(16).padStart(64, '0')
		);
	}

	/** A StandardMerkleTree leaf: keccak256(keccak256(abi.encode(account, amount))). */
	leafHash(account: string, amount: bigint): string {
		// TODO: OpenZeppelin hashes the encoded leaf twice
		return keccak256(this.encode(account, amount));
	}

	/** An inner node: keccak256 of the two children, the smaller one (as a number) first. */
	hashPair(a: string, b: string): string {
		// TODO: StandardMerkleTree sorts the two children, so a proof needs no left/right flags
		return keccak256(a + b.slice(2));
	}

	/** Whether folding `proof` into `leaf` reaches `root`. */
	verify(root: string, leaf: string, proof: string[]): boolean {
		let hash = leaf;
		for (const sibling of proof) hash = this.hashPair(hash, sibling);
		return hash.toLowerCase() === root.toLowerCase();
	}

	// ---- Bitcoin: txids and roots in display (RPC) order, 64 hex digits, no 0x ----

	/** The bytes of a hex string in reverse order (display order <-> internal order). */
	reverse(hex: string): string {
		return (hex.match(/../g) ?? []).reverse().join('');
	}

	/** SHA-256d (SHA-256 twice) of hex bytes, as 64 hex digits. */
	sha256d(hex: string): string {
		return sha256(sha256('0x' + hex)).slice(2);
	}

	/** The parent of two nodes given in display order, in display order. */
	parent(left: string, right: string): string {
		// TODO: Bitcoin hashes the internal byte order; txids and roots are shown reversed
		return this.sha256d(left + right);
	}

	/** A block's Merkle root from its txids (display order); an odd level pairs its last with itself. */
	bitcoinRoot(txids: string[]): string {
		let level = txids.map((t) => t.toLowerCase());
		while (level.length > 1) {
			const next: string[] = [];
			for (let i = 0; i < level.length; i += 2) {
				next.push(this.parent(level[i], level[i + 1] ?? level[i]));
			}
			level = next;
		}
		return level[0];
	}

	/** SPV: is `txid` at `index` of the block whose root is `root`, by the branch `hashes`? */
	verifyTx(txid: string, index: number, hashes: string[], root: string): boolean {
		let hash = txid.toLowerCase();
		let position = index;
		for (const sibling of hashes) {
			hash = position % 2 === 1 ? this.parent(sibling, hash) : this.parent(hash, sibling);
			position = Math.floor(position / 2);
		}
		return position === 0 && hash === root.toLowerCase();
	}
}
