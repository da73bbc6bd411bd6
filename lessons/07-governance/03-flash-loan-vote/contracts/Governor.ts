// A Beanstalk-like governor (BeanstalkFarms/Beanstalk GovernanceFacet.sol, April 2022): holders
// deposit BEAN into the silo and vote with what they hold; emergencyCommit executes a proposal at
// once when it is a day old and its votes reach two thirds of all deposits.
//
// Everything here is read LIVE, at the moment of the call: a vote weighs the voter's deposit now,
// and the two-thirds line is measured against the deposits now. Your task: read votes at the
// proposal's snapshot block instead, with checkpoints, delegation and a voting delay.
import { Contract, StorageMap, StorageValue, Token, block, emit, msg, require } from 'chainlab';

/** C.sol GOVERNANCE_EMERGENCY_PERIOD = 86400: a proposal must be a day old for emergencyCommit. */
const EMERGENCY_PERIOD = 86_400;
/** C.sol GOVERNANCE_EMERGENCY_THRESHOLD: 2/3 of all votes. */
const SUPERMAJORITY = { numerator: 2n, denominator: 3n };

export type Proposal = {
	proposer: string;
	/** what the proposal does when executed: pay `amount` of the treasury token to `recipient` */
	recipient: string;
	amount: bigint;
	/** unix seconds when it was proposed */
	start: number;
	/** the block whose votes count (this starter reads live votes and ignores it) */
	snapshot: number;
	forVotes: bigint;
	executed: boolean;
};

export default class Governor extends Contract {
	bean: Token;
	treasury: Token;
	deposits = new StorageMap<string, bigint>('deposits');
	totalDeposits = new StorageValue<bigint>('totalDeposits', 0n);
	proposals = new StorageMap<number, Proposal>('proposals');
	proposalCount = new StorageValue<number>('proposalCount', 0);
	voted = new StorageMap<string, boolean>('voted');

	/** @param bean the token deposited for votes; @param treasury the token the treasury holds */
	constructor(bean: string, treasury: string) {
		super();
		this.bean = Token.at(bean);
		this.treasury = Token.at(treasury);
	}

	/** Deposit `amount` BEAN (approve this contract first): it counts as votes at once. */
	deposit(amount: bigint) {
		require(amount > 0n, 'Governance: amount must be positive');
		this.bean.transferFrom(msg.sender, this.address, amount);
		this.deposits.set(msg.sender, this.depositOf(msg.sender) + amount);
		this.totalDeposits.set(this.totalDeposits.get() + amount);
	}

	/** Take `amount` BEAN back out. */
	withdraw(amount: bigint) {
		const held = this.depositOf(msg.sender);
		require(amount > 0n && amount <= held, 'Governance: not enough deposited');
		this.deposits.set(msg.sender, held - amount);
		this.totalDeposits.set(this.totalDeposits.get() - amount);
		this.bean.transfer(msg.sender, amount);
	}

	depositOf(account: string): bigint {
		return this.deposits.get(account) ?? 0n;
	}

	/** The votes `account` has now. */
	getVotes(account: string): bigint {
		return this.depositOf(account);
	}

	/** Propose to pay `amount` of the treasury to `recipient`; returns the proposal's id. */
	propose(recipient: string, amount: bigint): number {
		require(this.getVotes(msg.sender) > 0n, 'Governance: Not enough Stalk.');
		const id = this.proposalCount.get();
		this.proposals.set(id, {
			proposer: msg.sender,
			recipient,
			amount,
			start: block.timestamp,
			snapshot: block.number,
			forVotes: 0n,
			executed: false
		});
		this.proposalCount.set(id + 1);
		emit('Proposal', { id, proposer: msg.sender, recipient, amount, snapshot: block.number });
		return id;
	}

	/** Vote for proposal `id` with the caller's votes. */
	vote(id: number) {
		const p = this.proposal(id);
		require(!p.executed, 'Governance: Ended.');
		const key = `${id}:${msg.sender}`;
		require(!this.voted.get(key), 'Governance: Already voted.');
		// LIVE: the deposit at this moment, however it was obtained
		const weight = this.getVotes(msg.sender);
		require(weight > 0n, 'Governance: Must have Stalk.');
		this.voted.set(key, true);
		p.forVotes += weight;
		this.proposals.set(id, p);
		emit('Vote', { id, voter: msg.sender, weight });
	}

	/** Execute proposal `id` at once: a day after it was proposed, with two thirds of all votes. */
	emergencyCommit(id: number) {
		const p = this.proposal(id);
		require(!p.executed, 'Governance: Ended.');
		require(block.timestamp >= p.start + EMERGENCY_PERIOD, 'Governance: Too early.');
		// LIVE: measured against the deposits at this moment
		const total = this.totalDeposits.get();
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
}
