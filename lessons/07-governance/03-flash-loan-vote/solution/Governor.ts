// A Beanstalk-like governor (BeanstalkFarms/Beanstalk GovernanceFacet.sol, April 2022), fixed the
// way Compound's Governor Bravo and OpenZeppelin's Governor count votes: every change of votes is
// written as a checkpoint (block, votes), a proposal's votes are read at its snapshot block, which
// is VOTING_DELAY blocks after it was proposed, and voting starts only after that block. Votes can
// be delegated; a holder who never delegated votes with their own deposit.
import { Contract, StorageMap, StorageValue, Token, block, emit, msg, require } from 'chainlab';

/** C.sol GOVERNANCE_EMERGENCY_PERIOD = 86400: a proposal must be a day old for emergencyCommit. */
const EMERGENCY_PERIOD = 86_400;
/** C.sol GOVERNANCE_EMERGENCY_THRESHOLD: 2/3 of all votes. */
const SUPERMAJORITY = { numerator: 2n, denominator: 3n };
/** Blocks from propose to the snapshot; Bravo's MIN_VOTING_DELAY is 1 (Compound's mainnet 13,140). */
const VOTING_DELAY = 1;
/** The key under which the total of all votes is checkpointed. */
const TOTAL = 'total';

export type Proposal = {
	proposer: string;
	recipient: string;
	amount: bigint;
	start: number;
	/** the block whose votes count: votes acquired after it weigh nothing */
	snapshot: number;
	forVotes: bigint;
	executed: boolean;
};

type Checkpoint = { fromBlock: number; votes: bigint };

export default class Governor extends Contract {
	bean: Token;
	treasury: Token;
	deposits = new StorageMap<string, bigint>('deposits');
	totalDeposits = new StorageValue<bigint>('totalDeposits', 0n);
	proposals = new StorageMap<number, Proposal>('proposals');
	proposalCount = new StorageValue<number>('proposalCount', 0);
	voted = new StorageMap<string, boolean>('voted');
	delegates = new StorageMap<string, string>('delegates');
	/** `${account}#${i}`: the i-th checkpoint of account's votes (or of TOTAL) */
	checkpoints = new StorageMap<string, Checkpoint>('checkpoints');
	numCheckpoints = new StorageMap<string, number>('numCheckpoints');

	constructor(bean: string, treasury: string) {
		super();
		this.bean = Token.at(bean);
		this.treasury = Token.at(treasury);
	}

	deposit(amount: bigint) {
		require(amount > 0n, 'Governance: amount must be positive');
		this.bean.transferFrom(msg.sender, this.address, amount);
		this.deposits.set(msg.sender, this.depositOf(msg.sender) + amount);
		this.totalDeposits.set(this.totalDeposits.get() + amount);
		this.moveVotes(this.delegateOf(msg.sender), amount);
		this.moveVotes(TOTAL, amount);
	}

	withdraw(amount: bigint) {
		const held = this.depositOf(msg.sender);
		require(amount > 0n && amount <= held, 'Governance: not enough deposited');
		this.deposits.set(msg.sender, held - amount);
		this.totalDeposits.set(this.totalDeposits.get() - amount);
		this.moveVotes(this.delegateOf(msg.sender), -amount);
		this.moveVotes(TOTAL, -amount);
		this.bean.transfer(msg.sender, amount);
	}

	depositOf(account: string): bigint {
		return this.deposits.get(account) ?? 0n;
	}

	/** Who votes with `account`'s deposit: its delegate, or itself when it never delegated. */
	delegateOf(account: string): string {
		return this.delegates.get(account) ?? account;
	}

	/** Give the caller's votes, now and for every later deposit, to `to` (the caller itself to take them back). */
	delegate(to: string) {
		const from = this.delegateOf(msg.sender);
		this.delegates.set(msg.sender, to);
		const amount = this.depositOf(msg.sender);
		if (from !== to && amount > 0n) {
			this.moveVotes(from, -amount);
			this.moveVotes(to, amount);
		}
		emit('DelegateChanged', { delegator: msg.sender, from, to });
	}

	/** The votes `account` has now. */
	getVotes(account: string): bigint {
		const n = this.numCheckpoints.get(account) ?? 0;
		return n === 0 ? 0n : this.checkpoints.get(`${account}#${n - 1}`)!.votes;
	}

	/** The votes `account` had at the end of block `blockNumber` (Comp.getPriorVotes). */
	getPriorVotes(account: string, blockNumber: number): bigint {
		require(blockNumber < block.number, 'Governance: not yet determined');
		const n = this.numCheckpoints.get(account) ?? 0;
		if (n === 0) return 0n;
		if (this.checkpoints.get(`${account}#${n - 1}`)!.fromBlock <= blockNumber)
			return this.checkpoints.get(`${account}#${n - 1}`)!.votes;
		if (this.checkpoints.get(`${account}#0`)!.fromBlock > blockNumber) return 0n;
		let lower = 0;
		let upper = n - 1;
		while (upper > lower) {
			const center = upper - Math.floor((upper - lower) / 2);
			const cp = this.checkpoints.get(`${account}#${center}`)!;
			if (cp.fromBlock === blockNumber) return cp.votes;
			if (cp.fromBlock < blockNumber) lower = center;
			else upper = center - 1;
		}
		return this.checkpoints.get(`${account}#${lower}`)!.votes;
	}

	/** All votes at the end of block `blockNumber`. */
	getPriorTotal(blockNumber: number): bigint {
		return this.getPriorVotes(TOTAL, blockNumber);
	}

	propose(recipient: string, amount: bigint): number {
		require(this.getVotes(msg.sender) > 0n, 'Governance: Not enough Stalk.');
		const id = this.proposalCount.get();
		const snapshot = block.number + VOTING_DELAY;
		this.proposals.set(id, {
			proposer: msg.sender,
			recipient,
			amount,
			start: block.timestamp,
			snapshot,
			forVotes: 0n,
			executed: false
		});
		this.proposalCount.set(id + 1);
		emit('Proposal', { id, proposer: msg.sender, recipient, amount, snapshot });
		return id;
	}

	vote(id: number) {
		const p = this.proposal(id);
		require(!p.executed, 'Governance: Ended.');
		require(block.number > p.snapshot, 'Governance: voting has not started');
		const key = `${id}:${msg.sender}`;
		require(!this.voted.get(key), 'Governance: Already voted.');
		// the votes at the snapshot block: a deposit made after it weighs nothing
		const weight = this.getPriorVotes(msg.sender, p.snapshot);
		require(weight > 0n, 'Governance: no votes at the snapshot');
		this.voted.set(key, true);
		p.forVotes += weight;
		this.proposals.set(id, p);
		emit('Vote', { id, voter: msg.sender, weight });
	}

	emergencyCommit(id: number) {
		const p = this.proposal(id);
		require(!p.executed, 'Governance: Ended.');
		require(block.timestamp >= p.start + EMERGENCY_PERIOD, 'Governance: Too early.');
		require(block.number > p.snapshot, 'Governance: voting has not started');
		const total = this.getPriorTotal(p.snapshot);
		const needed = total * SUPERMAJORITY.numerator;
		require(p.forVotes * SUPERMAJORITY.denominator >=
			needed, 'Governance: Must have super majority.');
		p.executed = true;
		this.proposals.set(id, p);
		this.treasury.transfer(p.recipient, p.amount);
		emit('Commit', { id, recipient: p.recipient, amount: p.amount });
	}

	proposal(id: number): Proposal {
		const p = this.proposals.get(id);
		require(p !== undefined, 'Governance: Not nominated.');
		return p;
	}

	/** Add `delta` (negative to remove) to the votes of `account` (or TOTAL) as of this block. */
	private moveVotes(account: string, delta: bigint) {
		const n = this.numCheckpoints.get(account) ?? 0;
		const last = n > 0 ? this.checkpoints.get(`${account}#${n - 1}`)! : undefined;
		const votes = (last?.votes ?? 0n) + delta;
		if (last && last.fromBlock === block.number) {
			this.checkpoints.set(`${account}#${n - 1}`, { fromBlock: block.number, votes });
		} else {
			this.checkpoints.set(`${account}#${n}`, { fromBlock: block.number, votes });
			this.numCheckpoints.set(account, n + 1);
		}
	}
}
