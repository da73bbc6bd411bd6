// file: VotesToken.ts
import { Contract, StorageMap, StorageValue, block, emit, msg, require } from 'chainlab';

// A governance token after Compound's Comp.sol (compound-finance/compound-protocol a3214f67,
// contracts/Governance/Comp.sol). Amounts are token wei (18 decimals). Votes belong to the
// holder's delegate: tokens vote only once their holder delegates them (to itself or to someone
// else), and each change of a delegate's votes writes a checkpoint, so the governor can read the
// votes an account had at a past block.

/** Comp.sol 27-30: from `fromBlock` on, the account has `votes`. */
export type Checkpoint = { fromBlock: number; votes: bigint };

export default class VotesToken extends Contract {
	symbol = 'COMP';
	totalSupply = new StorageValue<bigint>('totalSupply', 0n);
	balances = new StorageMap<string, bigint>('balances');
	/** holder -> delegate (delegates, Comp.sol 24) */
	delegation = new StorageMap<string, string>('delegates');
	/** account -> number of checkpoints */
	numCheckpoints = new StorageMap<string, number>('numCheckpoints');
	/** `${account}:${index}` -> checkpoint */
	checkpoints = new StorageMap<string, Checkpoint>('checkpoints');

	/** The whole supply goes to the deployer (Comp.sol 63-66). */
	constructor(supply: bigint) {
		super();
		this.totalSupply.set(supply);
		this.balances.set(msg.sender, supply);
	}

	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	/** Whom `account` delegates to ('' when it never delegated). */
	delegates(account: string): string {
		return this.delegation.get(account) ?? '';
	}

	/** transfer (_transferTokens, Comp.sol 233-242): the votes move from the sender's delegate to the receiver's. */
	transfer(to: string, amount: bigint): boolean {
		const balance = this.balanceOf(msg.sender);
		require(amount <= balance, 'Comp::_transferTokens: transfer amount exceeds balance');
		this.balances.set(msg.sender, balance - amount);
		this.balances.set(to, this.balanceOf(to) + amount);
		emit('Transfer', { from: msg.sender, to, amount });
		this.moveDelegates(this.delegates(msg.sender), this.delegates(to), amount);
		return true;
	}

	/** delegate, Comp.sol 148-150 and 223-231: all of the sender's balance votes for `delegatee`. */
	delegate(delegatee: string) {
		const current = this.delegates(msg.sender);
		this.delegation.set(msg.sender, delegatee);
		emit('DelegateChanged', {
			delegator: msg.sender,
			fromDelegate: current,
			toDelegate: delegatee
		});
		this.moveDelegates(current, delegatee, this.balanceOf(msg.sender));
	}

	/** Votes now (getCurrentVotes, Comp.sol 177-180). */
	getCurrentVotes(account: string): bigint {
		const n = this.numCheckpoints.get(account) ?? 0;
		return n > 0 ? this.checkpoints.get(`${account}:${n - 1}`)!.votes : 0n;
	}

	/**
	 * Votes at the end of block `blockNumber` (getPriorVotes, Comp.sol 189-221). Only a mined
	 * block: `blockNumber` must be below the current block.number.
	 */
	getPriorVotes(account: string, blockNumber: number): bigint {
		require(blockNumber < block.number, 'Comp::getPriorVotes: not yet determined');
		const n = this.numCheckpoints.get(account) ?? 0;
		if (n === 0) return 0n;
		const at = (i: number) => this.checkpoints.get(`${account}:${i}`)!;
		if (at(n - 1).fromBlock <= blockNumber) return at(n - 1).votes;
		if (at(0).fromBlock > blockNumber) return 0n;
		let lower = 0;
		let upper = n - 1;
		while (upper > lower) {
			const center = upper - Math.floor((upper - lower) / 2);
			const cp = at(center);
			if (cp.fromBlock === blockNumber) return cp.votes;
			if (cp.fromBlock < blockNumber) lower = center;
			else upper = center - 1;
		}
		return at(lower).votes;
	}

	/** _moveDelegates, Comp.sol 244-260. */
	private moveDelegates(src: string, dst: string, amount: bigint) {
		if (src === dst || amount === 0n) return;
		if (src !== '') this.writeCheckpoint(src, this.getCurrentVotes(src) - amount);
		if (dst !== '') this.writeCheckpoint(dst, this.getCurrentVotes(dst) + amount);
	}

	/** _writeCheckpoint, Comp.sol 262-273: a second change in one block rewrites that block's. */
	private writeCheckpoint(account: string, votes: bigint) {
		const n = this.numCheckpoints.get(account) ?? 0;
		const last = n > 0 ? this.checkpoints.get(`${account}:${n - 1}`) : undefined;
		if (last && last.fromBlock === block.number) {
			this.checkpoints.set(`${account}:${n - 1}`, { fromBlock: block.number, votes });
		} else {
			this.checkpoints.set(`${account}:${n}`, { fromBlock: block.number, votes });
			this.numCheckpoints.set(account, n + 1);
		}
		emit('DelegateVotesChanged', { delegate: account, votes });
	}
}
