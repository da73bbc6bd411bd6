// file: Governor.ts
import { Contract, StorageMap, StorageValue, block, emit, msg, require, revert } from 'chainlab';

// Two governors in one contract, chosen at deploy: Compound's Governor Bravo
// (compound-finance/compound-protocol a3214f67, contracts/Governance/GovernorBravoDelegate.sol)
// and OpenZeppelin's Governor (OpenZeppelin/openzeppelin-contracts fddac901, v5.x:
// contracts/governance/Governor.sol with GovernorCountingSimple.sol). The state machine is
// lesson 1's; the rules differ at the proposal threshold and the quorum. Votes are COMP wei (18
// decimals), blocks are block numbers, times unix seconds.
const E18 = 10n ** 18n;
/** GovernorBravoDelegate.sol 30: For votes needed, 400,000 COMP. */
const QUORUM_VOTES = 400_000n * E18;
/** Compound's mainnet setting: more than 25,000 COMP delegated to propose. */
const PROPOSAL_THRESHOLD = 25_000n * E18;
/** Blocks from propose to startBlock (about 2 days), and from startBlock to endBlock (about 3 days). */
const VOTING_DELAY = 13_140;
const VOTING_PERIOD = 19_710;
const DAY = 86_400;
/** Timelock.sol: the delay from queue to eta (Compound's 2 days) and the grace period after eta. */
const TIMELOCK_DELAY = 2 * DAY;
const GRACE_PERIOD = 14 * DAY;

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
	canceled: boolean;
	executed: boolean;
};

/** Which rules: Governor Bravo's or OpenZeppelin Governor's. */
export type Rules = 'bravo' | 'oz';

type VotesToken = { getPriorVotes(account: string, blockNumber: number): bigint };

export default class Governor extends Contract {
	comp = new StorageValue<string>('comp', '');
	rules = new StorageValue<Rules>('rules', 'bravo');
	proposalCount = new StorageValue<number>('proposalCount', 0);
	byId = new StorageMap<number, Proposal>('proposals');
	/** `${proposalId}:${voter}` -> true once voted */
	voted = new StorageMap<string, boolean>('receipts');

	constructor(comp: string, rules: Rules) {
		super();
		require(rules === 'bravo' || rules === 'oz', "rules must be 'bravo' or 'oz'");
		this.comp.set(comp);
		this.rules.set(rules);
	}

	/**
	 * May a proposer with `votes` (COMP wei, delegated to it at the block before) propose?
	 * Bravo: GovernorBravoDelegate.sol 78. OpenZeppelin: Governor.sol 288-293.
	 */
	meetsThreshold(votes: bigint): boolean {
		// TODO: OpenZeppelin's rule differs from Bravo's
		return votes > PROPOSAL_THRESHOLD;
	}

	/**
	 * Does the vote reach the quorum? Bravo: GovernorBravoDelegate.sol 218. OpenZeppelin:
	 * GovernorCountingSimple.sol 52-56.
	 */
	quorumReached(p: Proposal): boolean {
		// TODO: OpenZeppelin's rule differs from Bravo's
		return p.forVotes >= QUORUM_VOTES;
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
		// both need For strictly over Against (GovernorCountingSimple.sol 61-65, Bravo 218)
		if (p.forVotes <= p.againstVotes || !this.quorumReached(p)) return 'Defeated';
		if (p.eta === 0) return 'Succeeded';
		if (p.executed) return 'Executed';
		if (block.timestamp >= p.eta + GRACE_PERIOD) return 'Expired';
		return 'Queued';
	}

	/** propose, GovernorBravoDelegate.sol 74-117 (the actions are a description here). */
	propose(description: string): number {
		const votes = Contract.at<VotesToken>(this.comp.get()).getPriorVotes(
			msg.sender,
			block.number - 1
		);
		if (!this.meetsThreshold(votes))
			revert(
				this.rules.get() === 'bravo'
					? 'GovernorBravo::propose: proposer votes below proposal threshold'
					: 'GovernorInsufficientProposerVotes'
			);
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
			executed: false
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
		p.eta = block.timestamp + TIMELOCK_DELAY;
		this.byId.set(proposalId, p);
		emit('ProposalQueued', { id: proposalId, eta: p.eta });
		return p.eta;
	}

	/** execute, GovernorBravoDelegate.sol 143-151, with Timelock.sol 86's `block.timestamp >= eta`. */
	execute(proposalId: number) {
		if (this.state(proposalId) !== 'Queued')
			revert('GovernorBravo::execute: proposal can only be executed if it is queued');
		const p = this.proposals(proposalId);
		if (block.timestamp < p.eta)
			revert("Timelock::executeTransaction: Transaction hasn't surpassed time lock.");
		p.executed = true;
		this.byId.set(proposalId, p);
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
		emit('ProposalCanceled', { id: proposalId });
	}
}
