/**
 * A checkpointed, delegating governance token after Compound's Comp.sol
 * (compound-finance/compound-protocol a3214f67, contracts/Governance/Comp.sol): balances move with
 * transfers, but votes belong to the holder's **delegate** (an undelegated balance votes for
 * nobody, self-delegation included only once made), and every change of a delegate's votes writes
 * a checkpoint `{ fromBlock, votes }`, so `getPriorVotes(account, block)` reads the votes an
 * account had at the end of a past block.
 *
 * Units: amounts are token wei (bigint, 18 decimals); blocks are block numbers. The model reads
 * the current block from a shared `GovernanceClock` (block.number / block.timestamp).
 */
import { RevertError } from './revert.ts';

/**
 * block.number and block.timestamp of the transaction being executed, shared by the token, the
 * governor and the timelock. `block` is a block number, `timestamp` unix seconds.
 */
export class GovernanceClock {
	constructor(
		public block = 1,
		public timestamp = 0,
		/** seconds per block when `mine` moves time (12 s, Ethereum's slot) */
		public readonly blockTime = 12
	) {}

	/**
	 * Move to `blocks` blocks later (block time `blockTime` each).
	 * @throws RangeError for a negative or fractional count
	 */
	mine(blocks = 1): void {
		if (!Number.isInteger(blocks) || blocks < 0)
			throw new RangeError(`mine: blocks must be a whole number >= 0, got ${blocks}`);
		this.block += blocks;
		this.timestamp += blocks * this.blockTime;
	}

	/**
	 * Mine one block at unix time `timestamp` (never earlier than the current one plus a block).
	 */
	mineAt(timestamp: number): void {
		this.block += 1;
		this.timestamp = Math.max(this.timestamp + this.blockTime, timestamp);
	}
}

/** One checkpoint (Comp.sol 27-30): the votes an account has from `fromBlock` on. */
export type Checkpoint = { fromBlock: number; votes: bigint };

/** The message Comp.sol 190 reverts with for a block that is not mined yet. */
export const NOT_YET_DETERMINED = 'Comp::getPriorVotes: not yet determined';

/** Votes read at a block among checkpoints sorted by `fromBlock` (Comp.sol 192-220). */
export function votesAt(checkpoints: readonly Checkpoint[], blockNumber: number): bigint {
	let lower = 0;
	let upper = checkpoints.length - 1;
	if (upper < 0 || checkpoints[0].fromBlock > blockNumber) return 0n;
	while (upper > lower) {
		const center = upper - Math.floor((upper - lower) / 2);
		const cp = checkpoints[center];
		if (cp.fromBlock === blockNumber) return cp.votes;
		if (cp.fromBlock < blockNumber) lower = center;
		else upper = center - 1;
	}
	return checkpoints[lower].votes;
}

/** Comp.sol's balances, delegates and vote checkpoints, plus a total-supply history (ERC20Votes). */
export class VotesToken {
	private readonly balances = new Map<string, bigint>();
	private readonly delegation = new Map<string, string>();
	private readonly checkpoints = new Map<string, Checkpoint[]>();
	private readonly supply: Checkpoint[] = [];

	/** @param clock the shared block.number / block.timestamp */
	constructor(readonly clock: GovernanceClock) {}

	/** Token wei held by `account`. */
	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	/** Whom `account` delegates to, or undefined when it never delegated (its tokens vote for nobody). */
	delegates(account: string): string | undefined {
		return this.delegation.get(account);
	}

	/** The account's checkpoints, oldest first (a copy). */
	checkpointsOf(account: string): Checkpoint[] {
		return (this.checkpoints.get(account) ?? []).map((c) => ({ ...c }));
	}

	/** Total supply now, token wei. */
	totalSupply(): bigint {
		return this.supply.at(-1)?.votes ?? 0n;
	}

	/**
	 * Create `amount` token wei for `to` (Comp mints its whole supply in its constructor, Comp.sol
	 * 63-66; OpenZeppelin's ERC20Votes `_mint` also checkpoints the total supply).
	 */
	mint(to: string, amount: bigint): void {
		if (amount < 0n) throw new RangeError(`mint: amount must be >= 0, got ${amount}`);
		this.balances.set(to, this.balanceOf(to) + amount);
		this.write(this.supply, this.totalSupply() + amount);
		this.moveDelegates(undefined, this.delegates(to), amount);
	}

	/**
	 * Move `amount` token wei from `from` to `to`, and the votes from `from`'s delegate to `to`'s
	 * (_transferTokens, Comp.sol 233-242).
	 * @throws RevertError 'Comp::_transferTokens: transfer amount exceeds balance'
	 */
	transfer(from: string, to: string, amount: bigint): void {
		const balance = this.balanceOf(from);
		if (amount > balance)
			throw new RevertError(
				'Comp::_transferTokens: transfer amount exceeds balance',
				`${from} holds ${balance} wei, less than ${amount}`
			);
		this.balances.set(from, balance - amount);
		this.balances.set(to, this.balanceOf(to) + amount);
		this.moveDelegates(this.delegates(from), this.delegates(to), amount);
	}

	/** `delegator` gives its whole balance's votes to `delegatee` (_delegate, Comp.sol 223-231). */
	delegate(delegator: string, delegatee: string): void {
		const current = this.delegates(delegator);
		this.delegation.set(delegator, delegatee);
		this.moveDelegates(current, delegatee, this.balanceOf(delegator));
	}

	/** Votes of `account` now (getCurrentVotes, Comp.sol 177-180). */
	getCurrentVotes(account: string): bigint {
		return this.checkpoints.get(account)?.at(-1)?.votes ?? 0n;
	}

	/**
	 * Votes of `account` at the end of block `blockNumber` (getPriorVotes, Comp.sol 189-221;
	 * OpenZeppelin's `getPastVotes` is the same read, Votes.sol 91).
	 * @throws RevertError NOT_YET_DETERMINED unless `blockNumber` < the current block
	 */
	getPriorVotes(account: string, blockNumber: number): bigint {
		this.requireMined(blockNumber);
		return votesAt(this.checkpoints.get(account) ?? [], blockNumber);
	}

	/**
	 * Total supply at the end of a past block (ERC20Votes `getPastTotalSupply`, which OpenZeppelin's
	 * GovernorVotesQuorumFraction.sol 62-64 reads at the snapshot).
	 * @throws RevertError NOT_YET_DETERMINED unless `blockNumber` < the current block
	 */
	getPastTotalSupply(blockNumber: number): bigint {
		this.requireMined(blockNumber);
		return votesAt(this.supply, blockNumber);
	}

	private requireMined(blockNumber: number): void {
		if (!(blockNumber < this.clock.block))
			throw new RevertError(
				NOT_YET_DETERMINED,
				`block ${blockNumber} is not mined yet (the current block is ${this.clock.block})`
			);
	}

	/** _moveDelegates, Comp.sol 244-260: nothing moves between equal or absent delegates. */
	private moveDelegates(src: string | undefined, dst: string | undefined, amount: bigint): void {
		if (src === dst || amount === 0n) return;
		if (src !== undefined) {
			const list = this.listOf(src);
			const old = list.at(-1)?.votes ?? 0n;
			if (old < amount)
				throw new RevertError('Comp::_moveVotes: vote amount underflows', `${src} has ${old}`);
			this.write(list, old - amount);
		}
		if (dst !== undefined) {
			const list = this.listOf(dst);
			this.write(list, (list.at(-1)?.votes ?? 0n) + amount);
		}
	}

	private listOf(account: string): Checkpoint[] {
		let list = this.checkpoints.get(account);
		if (!list) this.checkpoints.set(account, (list = []));
		return list;
	}

	/** _writeCheckpoint, Comp.sol 262-273: a second change in one block rewrites that block's. */
	private write(list: Checkpoint[], votes: bigint): void {
		const last = list.at(-1);
		if (last && last.fromBlock === this.clock.block) last.votes = votes;
		else list.push({ fromBlock: this.clock.block, votes });
	}
}
