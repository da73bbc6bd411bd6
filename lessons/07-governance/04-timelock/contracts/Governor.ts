// file: Governor.ts
import { Contract, StorageMap, StorageValue, block, emit, msg, require, revert } from 'chainlab';

// Compound's Governor Bravo (compound-finance/compound-protocol a3214f67,
// contracts/Governance/GovernorBravoDelegate.sol) with lesson 1's state machine, now queueing and
// executing through your Timelock, as Bravo does (queue 123-137, execute 143-151). Votes are
// COMP wei (18 decimals), blocks are block numbers, times unix seconds.
const E18 = 10n ** 18n;
/** GovernorBravoDelegate.sol 30: For votes needed, 400,000 COMP. */
const QUORUM_VOTES = 400_000n * E18;
/** Compound's mainnet setting: more than 25,000 COMP delegated to propose. */
const PROPOSAL_THRESHOLD = 25_000n * E18;
/** Blocks from propose to startBlock (about 2 days), and from startBlock to endBlock (about 3 days). */
const VOTING_DELAY = 13_140;
const VOTING_PERIOD = 19_710;

/** ProposalState, GovernorBravoInterfaces.sol. */
export type ProposalState =
	'Pending' | 'Active' | 'Canceled' | 'Defeated' | 'Succeeded' | 'Queued' | 'Expired' | 'Executed';

/** The fields of Bravo's Proposal struct the state machine reads. */
export type Proposal = {
	id: number;
	proposer: string;
	description: string;
	startBlock: number;
	endBlock: number;
	forVotes: bigint;
	againstVotes: bigint;
	abstainVotes: bigint;
	/** unix seconds; 0 until queued */
	eta: number;
	/** the one action: call `signature` on `target` with `data` (its argument, as text) */
	target: string;
	signature: string;
	data: string;
	canceled: boolean;
	executed: boolean;
};

type VotesToken = { getPriorVotes(account: string, blockNumber: number): bigint };
type Timelock = {
	delay(): number;
	GRACE_PERIOD(): number;
	queueTransaction(
		target: string,
		value: bigint,
		signature: string,
		data: string,
		eta: number
	): string;
	executeTransaction(
		target: string,
		value: bigint,
		signature: string,
		data: string,
		eta: number
	): void;
	cancelTransaction(
		target: string,
		value: bigint,
		signature: string,
		data: string,
		eta: number
	): void;
};

export default class Governor extends Contract {
	comp = new StorageValue<string>('comp', '');
	admin = new StorageValue<string>('admin', '');
	timelock = new StorageValue<string>('timelock', '');
	proposalCount = new StorageValue<number>('proposalCount', 0);
	byId = new StorageMap<number, Proposal>('proposals');
	/** `${proposalId}:${voter}` -> true once voted */
	voted = new StorageMap<string, boolean>('receipts');

	constructor(comp: string) {
		super();
		this.comp.set(comp);
		this.admin.set(msg.sender);
	}

	/** initialize, GovernorBravoDelegate.sol 49-63: the admin sets the timelock once. */
	initialize(timelock: string) {
		require(this.timelock.get() === '', 'GovernorBravo::initialize: can only initialize once');
		require(msg.sender === this.admin.get(), 'GovernorBravo::initialize: admin only');
		this.timelock.set(timelock);
	}

	private lock(): Timelock {
		return Contract.at<Timelock>(this.timelock.get());
	}

	/** Bravo's public `proposals(id)`. */
	proposals(proposalId: number): Proposal {
		const p = this.byId.get(proposalId);
		require(p !== undefined, 'GovernorBravo::state: invalid proposal id');
		return p;
	}

	/**
	 * The state of a proposal at this block (state, GovernorBravoDelegate.sol 209-229).
	 */
	state(proposalId: number): ProposalState {
		const p = this.proposals(proposalId);
		if (p.canceled) return 'Canceled';
		if (block.number <= p.startBlock) return 'Pending';
		if (block.number <= p.endBlock) return 'Active';
		if (p.forVotes <= p.againstVotes || p.forVotes < QUORUM_VOTES) return 'Defeated';
		if (p.eta === 0) return 'Succeeded';
		if (p.executed) return 'Executed';
		if (block.timestamp >= p.eta + this.lock().GRACE_PERIOD()) return 'Expired';
		return 'Queued';
	}

	/** propose, GovernorBravoDelegate.sol 74-117, with one action. */
	propose(description: string, target: string, signature: string, data: string): number {
		const votes = Contract.at<VotesToken>(this.comp.get()).getPriorVotes(
			msg.sender,
			block.number - 1
		);
		if (votes <= PROPOSAL_THRESHOLD)
			revert('GovernorBravo::propose: proposer votes below proposal threshold');
		const id = this.proposalCount.get() + 1;
		this.proposalCount.set(id);
		const startBlock = block.number + VOTING_DELAY;
		this.byId.set(id, {
			id,
			proposer: msg.sender,
			description,
			startBlock,
			endBlock: startBlock + VOTING_PERIOD,
			forVotes: 0n,
			againstVotes: 0n,
			abstainVotes: 0n,
			eta: 0,
			canceled: false,
			executed: false,
			target,
			signature,
			data
		});
		emit('ProposalCreated', {
			id,
			proposer: msg.sender,
			startBlock,
			endBlock: startBlock + VOTING_PERIOD
		});
		return id;
	}

	/** castVote, GovernorBravoDelegate.sol 236-291: support 0 against, 1 for, 2 abstain. */
	castVote(proposalId: number, support: number): bigint {
		if (this.state(proposalId) !== 'Active')
			revert('GovernorBravo::castVoteInternal: voting is closed');
		if (!(support === 0 || support === 1 || support === 2))
			revert('GovernorBravo::castVoteInternal: invalid vote type');
		const key = `${proposalId}:${msg.sender}`;
		require(!this.voted.get(key), 'GovernorBravo::castVoteInternal: voter already voted');
		const p = this.proposals(proposalId);
		const votes = Contract.at<VotesToken>(this.comp.get()).getPriorVotes(msg.sender, p.startBlock);
		if (support === 0) p.againstVotes += votes;
		else if (support === 1) p.forVotes += votes;
		else p.abstainVotes += votes;
		this.byId.set(proposalId, p);
		this.voted.set(key, true);
		emit('VoteCast', { voter: msg.sender, proposalId, support, votes });
		return votes;
	}

	/** queue, GovernorBravoDelegate.sol 123-132: eta = now + the timelock's delay. */
	queue(proposalId: number): number {
		if (this.state(proposalId) !== 'Succeeded')
			revert('GovernorBravo::queue: proposal can only be queued if it is succeeded');
		const p = this.proposals(proposalId);
		p.eta = block.timestamp + this.lock().delay();
		this.lock().queueTransaction(p.target, 0n, p.signature, p.data, p.eta);
		this.byId.set(proposalId, p);
		emit('ProposalQueued', { id: proposalId, eta: p.eta });
		return p.eta;
	}

	/** execute, GovernorBravoDelegate.sol 143-151, with Timelock.sol 86's `block.timestamp >= eta`. */
	execute(proposalId: number) {
		if (this.state(proposalId) !== 'Queued')
			revert('GovernorBravo::execute: proposal can only be executed if it is queued');
		const p = this.proposals(proposalId);
		p.executed = true;
		this.byId.set(proposalId, p);
		this.lock().executeTransaction(p.target, 0n, p.signature, p.data, p.eta);
		emit('ProposalExecuted', { id: proposalId });
	}

	/** cancel, GovernorBravoDelegate.sol 157-179 (no whitelist): the proposer, or anyone once the proposer's votes fall below the threshold. */
	cancel(proposalId: number) {
		if (this.state(proposalId) === 'Executed')
			revert('GovernorBravo::cancel: cannot cancel executed proposal');
		const p = this.proposals(proposalId);
		if (msg.sender !== p.proposer) {
			const votes = Contract.at<VotesToken>(this.comp.get()).getPriorVotes(
				p.proposer,
				block.number - 1
			);
			require(votes < PROPOSAL_THRESHOLD, 'GovernorBravo::cancel: proposer above threshold');
		}
		p.canceled = true;
		this.byId.set(proposalId, p);
		if (p.eta !== 0) this.lock().cancelTransaction(p.target, 0n, p.signature, p.data, p.eta);
		emit('ProposalCanceled', { id: proposalId });
	}
}
