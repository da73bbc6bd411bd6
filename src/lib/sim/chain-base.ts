/**
 * The part of a chain that is not about sending transactions: accounts (names resolve to
 * addresses and are funded on first use), native balances and nonces, contract code and storage
 * reads, blocks and headers, the clock, and the state snapshots the world takes.
 */
import { accountAddress, isAddress, STARTING_BALANCE } from './accounts.ts';
import { Block, type BlockHeader, BlockList } from './block.ts';
import { blockRandomness } from './crypto.ts';
import type { Run } from './exec.ts';
import type { Sandbox } from './sandbox/sandbox.ts';
import { ChainState, type StateMark } from './state.ts';
import { storageReader, type StorageReader } from './storage-reader.ts';
import type { PendingTx } from './transactions.ts';
import type { ChainConfig, ContractRecord } from './types.ts';

/** What a chain needs from its world. */
export interface WorldCore {
	sandbox(): Sandbox;
	/** the sandbox if it was ever created */
	existingSandbox(): Sandbox | null;
	active: Run | null;
	names: Map<string, string>;
	/** the world's seed (block randomness derives from it; 0 when absent) */
	seed?: number;
}

/** A chain's part of a world snapshot. */
export type ChainSnapshot = {
	state: StateMark;
	blocks: ReturnType<BlockList['mark']>;
	head: Block;
	mempool: PendingTx[];
	warpTo: number;
	seq: number;
};

/**
 * What every chain has apart from transactions: accounts, blocks, state reads and snapshots.
 * Chain (chain.ts) adds sending, mining, views and deploys.
 */
export class ChainBase {
	readonly id: number;
	/** seconds between blocks */
	readonly blockTime: number;
	protected readonly core: WorldCore;
	protected readonly state = new ChainState();
	protected readonly blocks = new BlockList();
	protected headBlock: Block;
	protected mempool: PendingTx[] = [];
	protected warpTo = 0;
	protected seq = 0;

	constructor(config: ChainConfig, core: WorldCore) {
		if (!Number.isInteger(config.id) || config.id <= 0)
			throw new RangeError(`chain id must be a positive integer, got ${config.id}`);
		this.id = config.id;
		this.blockTime = config.blockTime ?? 12;
		if (!(this.blockTime > 0))
			throw new RangeError(`blockTime must be positive seconds, got ${config.blockTime}`);
		this.core = core;
		this.headBlock = new Block(
			this.id,
			null,
			config.genesisTime ?? 1_700_000_000,
			[],
			this.state.digest()
		);
		this.blocks.push(this.headBlock);
	}

	// ---- accounts ----

	/**
	 * The address of a name or address (lowercased). A name is created on first use with
	 * STARTING_BALANCE (100 ETH), like Remix's funded accounts. Throws a TypeError for bad names.
	 */
	address(nameOrAddress: string): string {
		return this.resolve(nameOrAddress, true);
	}

	protected resolve(who: string, create: boolean): string {
		if (typeof who !== 'string')
			throw new TypeError(`expected an account name or an address, got ${String(who)}`);
		if (isAddress(who)) return who.toLowerCase();
		const address = accountAddress(who);
		this.core.names.set(address, who);
		if (create && this.state.get('a' + address) === undefined) {
			this.state.set('a' + address, 1);
			this.state.set('b' + address, this.balanceOf(address) + STARTING_BALANCE);
		}
		return address;
	}

	/** The account name behind an address, when it was made from one. */
	nameOf(address: string): string | undefined {
		return this.core.names.get(address.toLowerCase());
	}

	protected balanceOf(address: string): bigint {
		return (this.state.get('b' + address) as bigint | undefined) ?? 0n;
	}

	/** Native balance in wei. */
	balance(who: string): bigint {
		return this.balanceOf(this.resolve(who, true));
	}

	/** The next nonce of an account (its count of included transactions). */
	nonce(who: string): number {
		return (this.state.get('n' + this.resolve(who, true)) as number | undefined) ?? 0;
	}

	/** Sets a native balance directly (scenario setup, like anvil_setBalance): no transaction. */
	setBalance(who: string, wei: bigint): void {
		if (typeof wei !== 'bigint' || wei < 0n)
			throw new RangeError(`setBalance: wei must be a non-negative bigint, got ${String(wei)}`);
		this.state.set('b' + this.resolve(who, true), wei === 0n ? undefined : wei);
	}

	/** True when a contract (or built-in token) lives at `address`. */
	isContract(address: string): boolean {
		return this.state.get('c' + this.resolve(address, false)) !== undefined;
	}

	/** What lives at `address`: name, source and public methods of a contract, or a token's name. */
	code(
		address: string
	): { kind: 'code' | 'token'; name: string; source?: string; methods?: string[] } | undefined {
		const record = this.state.get('c' + this.resolve(address, false)) as ContractRecord | undefined;
		if (record === undefined) return undefined;
		return record.kind === 'token'
			? { kind: 'token', name: record.name }
			: { kind: 'code', name: record.name, source: record.source, methods: record.methods.slice() };
	}

	/** Read-only, gas-free access to a contract's storage (see storage-reader.ts). */
	storage(address: string): StorageReader {
		return storageReader(this.state, this.resolve(address, false));
	}

	// ---- blocks ----

	/** The latest block. */
	get head(): Block {
		return this.headBlock;
	}

	/** Number of the latest block. */
	get blockNumber(): number {
		return this.headBlock.number;
	}

	/**
	 * The seeded randomness of block `number` (a 256-bit bigint), the value contracts read with
	 * blockRandomness(number): the same for bots and views. Throws a RangeError for a negative or
	 * fractional number. Defined in crypto.ts.
	 */
	randomness(number: number): bigint {
		if (!Number.isInteger(number) || number < 0)
			throw new RangeError(
				`randomness(number): block number must be a whole number, got ${number}`
			);
		return blockRandomness(this.core.seed ?? 0, this.id, number);
	}

	/** Timestamp of the latest block, unix seconds. */
	get timestamp(): number {
		return this.headBlock.timestamp;
	}

	/** Block `number` (default: latest), or undefined. */
	block(number = this.headBlock.number): Block | undefined {
		return this.blocks.at(number);
	}

	/** Header of block `number` (default: latest) as plain data. Throws a RangeError for unknown blocks. */
	header(number = this.headBlock.number): BlockHeader {
		const block = this.blocks.at(number);
		if (block === undefined)
			throw new RangeError(`block ${number} does not exist (head is ${this.headBlock.number})`);
		return block.header();
	}

	/** Makes the next block at least `seconds` later than the latest one (time travel for scenarios). */
	warp(seconds: number): void {
		if (!(seconds >= 0)) throw new RangeError(`warp: seconds must be >= 0, got ${seconds}`);
		this.warpTo = Math.max(this.warpTo, this.headBlock.timestamp + Math.floor(seconds));
	}

	// ---- world plumbing ----

	/** The state digest (16 hex digits), folded into world.stateHash(). */
	digest(): string {
		return this.state.digest();
	}

	/** Every state entry as text, for tests and debugging (O(size)). */
	dumpState(): Map<string, string> {
		const out = new Map<string, string>();
		this.state.forEach((key, value) =>
			out.set(
				key,
				typeof value === 'object'
					? value.digest
					: typeof value === 'bigint'
						? `${value}n`
						: String(value)
			)
		);
		return out;
	}

	/** @internal world.snapshot() */
	capture(): ChainSnapshot {
		return {
			state: this.state.mark(),
			blocks: this.blocks.mark(),
			head: this.headBlock,
			mempool: this.mempool.slice(),
			warpTo: this.warpTo,
			seq: this.seq
		};
	}

	/** @internal world.restore() */
	restoreFrom(s: ChainSnapshot): void {
		this.state.reset(s.state);
		this.blocks.reset(s.blocks);
		this.headBlock = s.head;
		this.mempool = s.mempool.slice();
		this.warpTo = s.warpTo;
		this.seq = s.seq;
	}
}
