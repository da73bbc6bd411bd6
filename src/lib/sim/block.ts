/**
 * Blocks and their headers. Header hashes are computed on first read and cached: mining a block
 * with one transaction costs no hashing at all until something asks for a hash, which keeps the
 * engine fast, and the values are the same whenever they are computed (a block never changes).
 *
 * - transactionsRoot: Merkle root (hash.ts merkleRoot) of the transaction hashes, in order;
 * - logsRoot: Merkle root of keccak256(address, event, encoded args) of every log of the block;
 * - stateRoot: keccak256('chainlab:state:' + chainId + ':' + the state digest after the block)
 *   (state.ts explains the digest);
 * - hash: keccak256 of number, timestamp, parentHash, transactionsRoot, logsRoot, stateRoot
 *   joined by ':'.
 */
import { encodeValue } from './codec.ts';
import { hexToBytes, keccak256, keccakBytes, merkleRoot, utf8ToBytes } from './hash.ts';
import { type DigestLanes, formatDigest } from './state.ts';
import type { Receipt } from './types.ts';

/** parentHash of block 0. */
export const ZERO_HASH = '0x' + '0'.repeat(64);

/** One block of a chain. */
export class Block {
	readonly chainId: number;
	readonly number: number;
	/** unix seconds */
	readonly timestamp: number;
	/** receipts of the included transactions, in order */
	readonly receipts: readonly Receipt[];
	/** sum of the receipts' gasUsed */
	readonly gasUsed: number;
	private readonly parent: Block | null;
	/** the state digest after the block: its text, or its lanes formatted when stateRoot is first read */
	private readonly digest: string | DigestLanes;
	private cache: { hash?: string; txRoot?: string; logsRoot?: string; stateRoot?: string } = {};

	constructor(
		chainId: number,
		parent: Block | null,
		timestamp: number,
		receipts: readonly Receipt[],
		digest: string | DigestLanes
	) {
		this.chainId = chainId;
		this.parent = parent;
		this.number = parent === null ? 0 : parent.number + 1;
		this.timestamp = timestamp;
		this.receipts = receipts;
		this.digest = digest;
		let gas = 0;
		for (const r of receipts) gas += r.gasUsed;
		this.gasUsed = gas;
	}

	/** keccak-256 of the parent's header (zeros for block 0). */
	get parentHash(): string {
		return this.parent === null ? ZERO_HASH : this.parent.hash;
	}

	get transactionsRoot(): string {
		return (this.cache.txRoot ??= merkleRoot(
			this.receipts.map((r) => hexToBytes(r.txHash.slice(2)))
		));
	}

	get logsRoot(): string {
		if (this.cache.logsRoot === undefined) {
			const leaves: Uint8Array[] = [];
			for (const r of this.receipts)
				for (const log of r.logs)
					leaves.push(
						keccakBytes(utf8ToBytes(`${log.address}:${log.event}:${encodeValue(log.args, 'log')}`))
					);
			this.cache.logsRoot = merkleRoot(leaves);
		}
		return this.cache.logsRoot;
	}

	get stateRoot(): string {
		if (this.cache.stateRoot !== undefined) return this.cache.stateRoot;
		const d = this.digest;
		const text = typeof d === 'string' ? d : formatDigest(d.d0, d.d1);
		return (this.cache.stateRoot = keccak256(`chainlab:state:${this.chainId}:${text}`));
	}

	/** keccak-256 of the header. Computed iteratively so a long unhashed chain cannot overflow the stack. */
	get hash(): string {
		const cached = this.cache.hash;
		if (cached !== undefined) return cached;
		const pending: Block[] = [this];
		for (let b = this.parent; b !== null && b.cache.hash === undefined; b = b.parent)
			pending.push(b);
		let hash = '';
		for (let i = pending.length - 1; i >= 0; i--) {
			const b = pending[i];
			hash = keccak256(
				[b.number, b.timestamp, b.parentHash, b.transactionsRoot, b.logsRoot, b.stateRoot].join(':')
			);
			b.cache.hash = hash;
		}
		return hash;
	}

	/** The header as plain data. */
	header(): BlockHeader {
		return {
			number: this.number,
			timestamp: this.timestamp,
			parentHash: this.parentHash,
			hash: this.hash,
			transactionsRoot: this.transactionsRoot,
			logsRoot: this.logsRoot,
			stateRoot: this.stateRoot,
			gasUsed: this.gasUsed
		};
	}
}

/** A block header as plain data (all hashes 0x-hex keccak-256). */
export type BlockHeader = {
	number: number;
	timestamp: number;
	parentHash: string;
	hash: string;
	transactionsRoot: string;
	logsRoot: string;
	stateRoot: string;
	gasUsed: number;
};

/**
 * An append-only list that snapshots by (array, length): appending past a restored length forks
 * the array, so every snapshot keeps seeing its own blocks.
 */
export class BlockList {
	private items: Block[] = [];
	private count = 0;

	get length(): number {
		return this.count;
	}

	at(index: number): Block | undefined {
		return index >= 0 && index < this.count ? this.items[index] : undefined;
	}

	push(block: Block): void {
		if (this.items.length !== this.count) this.items = this.items.slice(0, this.count);
		this.items.push(block);
		this.count++;
	}

	/** A mark to come back to. */
	mark(): { items: Block[]; count: number } {
		return { items: this.items, count: this.count };
	}

	reset(mark: { items: Block[]; count: number }): void {
		this.items = mark.items;
		this.count = mark.count;
	}
}
