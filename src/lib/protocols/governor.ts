/**
 * A governor after Compound's Governor Bravo (compound-finance/compound-protocol a3214f67,
 * contracts/Governance/GovernorBravoDelegate.sol, with contracts/Timelock.sol and the Comp.sol
 * token of ./votes-token.ts), and OpenZeppelin's Governor beside it (OpenZeppelin/openzeppelin-contracts
 * fddac901, v5.x: contracts/governance/Governor.sol with GovernorCountingSimple.sol,
 * GovernorVotesQuorumFraction.sol and GovernorTimelockCompound.sol), selected by
 * `{ rules: 'bravo' | 'oz' }`. The two differ in three places:
 *
 * | rule | bravo | oz |
 * | --- | --- | --- |
 * | proposal threshold | votes at block - 1 **>** threshold (GovernorBravoDelegate.sol 78) | votes at clock - 1 **>=** threshold (Governor.sol 288-293) |
 * | quorum counts | For only (GovernorBravoDelegate.sol 218) | For + Abstain (GovernorCountingSimple.sol 52-56) |
 * | quorum size | the constant quorumVotes, 400,000e18 (line 30) | a fixed number, or supply at the snapshot × numerator / 100 (GovernorVotesQuorumFraction.sol 55-64) |
 *
 * Both read each vote's weight at `startBlock` (Bravo; OZ's `snapshot`), from the token's delegated
 * checkpoints; both need For > Against; both are Pending while `block <= startBlock` and Active
 * while `block <= endBlock` (Bravo state() 214-217, OZ state() 163-170). Ids are 1, 2, 3... under
 * both rules (OZ hashes the proposal; the model keeps a counter so both compare by id).
 *
 * Units: blocks are block numbers, times unix seconds, votes token wei (bigint, 18 decimals).
 */
import { RevertError } from './revert.ts';
import { GRACE_PERIOD, Timelock, type TimelockCall } from './timelock.ts';
import type { GovernanceClock, VotesToken } from './votes-token.ts';

export { GovernanceClock, VotesToken, NOT_YET_DETERMINED, votesAt } from './votes-token.ts';
export type { Checkpoint } from './votes-token.ts';
export {
	GRACE_PERIOD,
	MAXIMUM_DELAY,
	MINIMUM_DELAY,
	Timelock,
	txKey,
	type TimelockCall
} from './timelock.ts';

/** Which governor's rules: Compound's Governor Bravo or OpenZeppelin's Governor (v5). */
export type GovernorRules = 'bravo' | 'oz';

const E18 = 10n ** 18n;
/** GovernorBravoDelegate.sol 12: 1,000 COMP, token wei. */
export const MIN_PROPOSAL_THRESHOLD = 1_000n * E18;
/** GovernorBravoDelegate.sol 15: 100,000 COMP, token wei. */
export const MAX_PROPOSAL_THRESHOLD = 100_000n * E18;
/** GovernorBravoDelegate.sol 18: blocks (about 24 hours). */
export const MIN_VOTING_PERIOD = 5_760;
/** GovernorBravoDelegate.sol 21: blocks (about 2 weeks). */
export const MAX_VOTING_PERIOD = 80_640;
/** GovernorBravoDelegate.sol 24: blocks. */
export const MIN_VOTING_DELAY = 1;
/** GovernorBravoDelegate.sol 27: blocks (about 1 week). */
export const MAX_VOTING_DELAY = 40_320;
/** GovernorBravoDelegate.sol 30: 400,000 COMP (4% of 10M), token wei. */
export const BRAVO_QUORUM_VOTES = 400_000n * E18;
/** GovernorBravoDelegate.sol 33. */
export const PROPOSAL_MAX_OPERATIONS = 10;

/** A proposal's state, named as ProposalState in GovernorBravoInterfaces.sol and IGovernor.sol. */
export type ProposalStateName =
	'Pending' | 'Active' | 'Canceled' | 'Defeated' | 'Succeeded' | 'Queued' | 'Expired' | 'Executed';

/** Every state, in the enum's order. */
export const PROPOSAL_STATES: readonly ProposalStateName[] = [
	'Pending',
	'Active',
	'Canceled',
	'Defeated',
	'Succeeded',
	'Queued',
	'Expired',
	'Executed'
];

/** Support values of castVote (GovernorBravoDelegate.sol 234; GovernorCountingSimple's VoteType). */
export const AGAINST = 0;
export const FOR = 1;
export const ABSTAIN = 2;
export type Support = typeof AGAINST | typeof FOR | typeof ABSTAIN;

/** Vote totals of a proposal, token wei. */
export type Tally = { forVotes: bigint; againstVotes: bigint; abstainVotes: bigint };

/** What `proposalState` reads of a proposal (the fields of Bravo's Proposal struct). */
export type ProposalCore = Tally & {
	/** block number: Pending while block.number <= startBlock; weights are read at it */
	startBlock: number;
	/** block number: Active while block.number <= endBlock */
	endBlock: number;
	/** unix seconds from which the timelock may execute; 0 until queued */
	eta: number;
	canceled: boolean;
	executed: boolean;
};

/** The current block: block.number and block.timestamp (unix seconds). */
export type BlockTime = { block: number; timestamp: number };

/**
 * Whether a tally reaches `quorum` (token wei): For only under Bravo (GovernorBravoDelegate.sol
 * 218: `forVotes < quorumVotes` defeats), For + Abstain under OZ (GovernorCountingSimple.sol 55:
 * `quorum <= forVotes + abstainVotes`). Exactly the quorum reaches it under both.
 */
export function quorumReached(rules: GovernorRules, tally: Tally, quorum: bigint): boolean {
	return rules === 'bravo'
		? tally.forVotes >= quorum
		: tally.forVotes + tally.abstainVotes >= quorum;
}

/** For strictly over Against, under both rules (Bravo 218, GovernorCountingSimple.sol 61-65). */
export function voteSucceeded(tally: Tally): boolean {
	return tally.forVotes > tally.againstVotes;
}

/**
 * Whether a proposer with `votes` (token wei, read at the block before) may propose: strictly more
 * than the threshold under Bravo (GovernorBravoDelegate.sol 78), at least the threshold under OZ
 * (Governor.sol 288-293: it reverts when `proposerVotes < votesThreshold`, and skips the check for
 * a threshold of 0).
 */
export function meetsProposalThreshold(
	rules: GovernorRules,
	votes: bigint,
	threshold: bigint
): boolean {
	return rules === 'bravo' ? votes > threshold : threshold === 0n || votes >= threshold;
}

/**
 * A proposal's state at a block and time (Bravo's `state()`, GovernorBravoDelegate.sol 209-229;
 * OZ's Governor.sol 141-178 with GovernorTimelockCompound.sol 39-47 adding Expired).
 *
 * - Canceled if canceled; Pending while `now.block <= startBlock`; Active while `now.block <= endBlock`;
 * - then Defeated unless For > Against and the quorum is reached (`quorumReached` above);
 * - Succeeded while `eta == 0`; Executed once executed;
 * - Expired from `now.timestamp >= eta + gracePeriod` on, else Queued.
 *
 * OZ checks Executed first and Canceled second; Bravo Canceled first and Executed after the vote's
 * outcome. A proposal is never both, so only that order differs.
 * @param options.quorum token wei; `gracePeriod` seconds (default Timelock.sol's GRACE_PERIOD, 14 days)
 */
export function proposalState(
	proposal: ProposalCore,
	now: BlockTime,
	options: { rules: GovernorRules; quorum: bigint; gracePeriod?: number }
): ProposalStateName {
	const grace = options.gracePeriod ?? GRACE_PERIOD;
	if (options.rules === 'oz' && proposal.executed) return 'Executed';
	if (proposal.canceled) return 'Canceled';
	if (now.block <= proposal.startBlock) return 'Pending';
	if (now.block <= proposal.endBlock) return 'Active';
	if (!voteSucceeded(proposal) || !quorumReached(options.rules, proposal, options.quorum))
		return 'Defeated';
	if (proposal.eta === 0) return 'Succeeded';
	if (proposal.executed) return 'Executed';
	if (now.timestamp >= proposal.eta + grace) return 'Expired';
	return 'Queued';
}

/** One voter's receipt (GovernorBravoInterfaces.sol's Receipt). */
export type VoteReceipt = { hasVoted: boolean; support: Support; votes: bigint };

/** A proposal as the model stores it. */
export type Proposal = ProposalCore & {
	id: number;
	proposer: string;
	actions: TimelockCall[];
	receipts: Map<string, VoteReceipt>;
};

export type GovernorOptions = {
	rules: GovernorRules;
	token: VotesToken;
	/** the timelock the governor queues into; its `admin` must be `address` */
	timelock: Timelock;
	/** blocks from propose to startBlock */
	votingDelay: number;
	/** blocks from startBlock to endBlock */
	votingPeriod: number;
	/** token wei */
	proposalThreshold: bigint;
	/** a fixed quorum, token wei (Bravo: 400,000e18 by default) */
	quorumVotes?: bigint;
	/** OZ's GovernorVotesQuorumFraction: quorum = supply at the snapshot × numerator / 100 */
	quorumNumerator?: bigint;
	/** the governor's address, the timelock's admin (default 'governor') */
	address?: string;
	/**
	 * Bravo's initialize() bounds on delay, period and threshold (GovernorBravoDelegate.sol 54-56);
	 * default true under Bravo, false under OZ (which has none)
	 */
	enforceBounds?: boolean;
};

/** A default action for proposals that only need to exist (the repos' tests propose a no-op). */
export const NOOP_ACTION: TimelockCall = {
	target: 'governor',
	value: 0n,
	signature: 'getBalanceOf(address)',
	data: '0x'
};

function revert(rules: GovernorRules, bravo: string, oz: string, explanation: string): never {
	throw new RevertError(rules === 'bravo' ? bravo : oz, explanation);
}

/**
 * The governor. Every method acts at the shared clock's block and time; `sender` is msg.sender.
 * Revert reasons are Bravo's require strings under 'bravo' and OZ's custom error names under 'oz'.
 */
export class Governor {
	readonly rules: GovernorRules;
	readonly token: VotesToken;
	readonly timelock: Timelock;
	readonly clock: GovernanceClock;
	readonly votingDelay: number;
	readonly votingPeriod: number;
	readonly proposalThreshold: bigint;
	readonly address: string;
	private readonly quorumVotes: bigint;
	private readonly quorumNumerator: bigint | undefined;
	private readonly proposals = new Map<number, Proposal>();
	private readonly latestProposalIds = new Map<string, number>();
	proposalCount = 0;

	/**
	 * @throws RevertError with Bravo's initialize() messages for out-of-bounds settings (Bravo only)
	 */
	constructor(options: GovernorOptions) {
		this.rules = options.rules;
		this.token = options.token;
		this.timelock = options.timelock;
		this.clock = options.token.clock;
		this.votingDelay = options.votingDelay;
		this.votingPeriod = options.votingPeriod;
		this.proposalThreshold = options.proposalThreshold;
		this.address = options.address ?? 'governor';
		this.quorumVotes = options.quorumVotes ?? BRAVO_QUORUM_VOTES;
		this.quorumNumerator = options.quorumNumerator;
		if (options.enforceBounds ?? options.rules === 'bravo') {
			const p = options.votingPeriod;
			const d = options.votingDelay;
			const t = options.proposalThreshold;
			if (!(p >= MIN_VOTING_PERIOD && p <= MAX_VOTING_PERIOD))
				throw new RevertError('GovernorBravo::initialize: invalid voting period', `${p} blocks`);
			if (!(d >= MIN_VOTING_DELAY && d <= MAX_VOTING_DELAY))
				throw new RevertError('GovernorBravo::initialize: invalid voting delay', `${d} blocks`);
			if (!(t >= MIN_PROPOSAL_THRESHOLD && t <= MAX_PROPOSAL_THRESHOLD))
				throw new RevertError('GovernorBravo::initialize: invalid proposal threshold', `${t} wei`);
		}
	}

	/**
	 * The quorum for a proposal, token wei: the fixed quorumVotes, or under a quorum fraction the
	 * supply at `startBlock` × numerator / 100 (GovernorVotesQuorumFraction.sol 62-64).
	 * @throws RevertError NOT_YET_DETERMINED for a fraction before startBlock is mined
	 */
	quorum(startBlock: number): bigint {
		if (this.quorumNumerator === undefined) return this.quorumVotes;
		return (this.token.getPastTotalSupply(startBlock) * this.quorumNumerator) / 100n;
	}

	/** A copy of proposal `id` (without its receipts), or undefined. */
	proposal(id: number): (ProposalCore & { id: number; proposer: string }) | undefined {
		const p = this.proposals.get(id);
		if (!p) return undefined;
		const { receipts: _r, actions: _a, ...core } = p;
		return { ...core };
	}

	/** The receipt of `voter` on proposal `id` (getReceipt, GovernorBravoDelegate.sol 200-202). */
	getReceipt(id: number, voter: string): VoteReceipt {
		return this.get(id).receipts.get(voter) ?? { hasVoted: false, support: AGAINST, votes: 0n };
	}

	/**
	 * Propose `actions` (propose, GovernorBravoDelegate.sol 74-117; Governor.sol 274-297, 320-336).
	 * startBlock = block + votingDelay, endBlock = startBlock + votingPeriod.
	 * @returns the new proposal's id
	 * @throws RevertError 'GovernorBravo::propose: proposer votes below proposal threshold' /
	 *   GovernorInsufficientProposerVotes, 'GovernorBravo::propose: must provide actions',
	 *   'GovernorBravo::propose: too many actions', and Bravo's one-live-proposal messages
	 */
	propose(proposer: string, actions: TimelockCall[] = [NOOP_ACTION]): number {
		const votes = this.token.getPriorVotes(proposer, this.clock.block - 1);
		if (!meetsProposalThreshold(this.rules, votes, this.proposalThreshold))
			revert(
				this.rules,
				'GovernorBravo::propose: proposer votes below proposal threshold',
				'GovernorInsufficientProposerVotes',
				`${proposer} has ${votes} votes at block ${this.clock.block - 1}; the threshold is ${this.proposalThreshold} (${this.rules === 'bravo' ? 'more than' : 'at least'})`
			);
		if (actions.length === 0)
			revert(
				this.rules,
				'GovernorBravo::propose: must provide actions',
				'GovernorInvalidProposalLength',
				'a proposal needs at least one action'
			);
		if (this.rules === 'bravo') {
			if (actions.length > PROPOSAL_MAX_OPERATIONS)
				throw new RevertError('GovernorBravo::propose: too many actions', `${actions.length}`);
			const latest = this.latestProposalIds.get(proposer);
			if (latest !== undefined) {
				const s = this.state(latest);
				if (s === 'Active')
					throw new RevertError(
						'GovernorBravo::propose: one live proposal per proposer, found an already active proposal',
						`proposal ${latest} is active`
					);
				if (s === 'Pending')
					throw new RevertError(
						'GovernorBravo::propose: one live proposal per proposer, found an already pending proposal',
						`proposal ${latest} is pending`
					);
			}
		}
		const startBlock = this.clock.block + this.votingDelay;
		const id = ++this.proposalCount;
		this.proposals.set(id, {
			id,
			proposer,
			actions: actions.map((a) => ({ ...a })),
			startBlock,
			endBlock: startBlock + this.votingPeriod,
			forVotes: 0n,
			againstVotes: 0n,
			abstainVotes: 0n,
			eta: 0,
			canceled: false,
			executed: false,
			receipts: new Map()
		});
		this.latestProposalIds.set(proposer, id);
		return id;
	}

	/**
	 * The state of proposal `id` now (see `proposalState`).
	 * @throws RevertError 'GovernorBravo::state: invalid proposal id' / GovernorNonexistentProposal
	 */
	state(id: number): ProposalStateName {
		const p = this.get(id);
		const now = { block: this.clock.block, timestamp: this.clock.timestamp };
		const past = now.block > p.endBlock;
		// the quorum fraction reads the supply at startBlock, mined once the proposal is over
		const quorum = past || this.quorumNumerator === undefined ? this.quorum(p.startBlock) : 0n;
		return proposalState(p, now, { rules: this.rules, quorum });
	}

	/**
	 * Vote on proposal `id` with the voter's votes at startBlock (castVoteInternal,
	 * GovernorBravoDelegate.sol 270-291; Governor.sol 633-654).
	 * @returns the weight counted, token wei (0 for an account with no delegated votes then)
	 * @throws RevertError 'GovernorBravo::castVoteInternal: voting is closed' /
	 *   GovernorUnexpectedProposalState unless Active; '...: invalid vote type' /
	 *   GovernorInvalidVoteType; '...: voter already voted' / GovernorAlreadyCastVote
	 */
	castVote(voter: string, id: number, support: number): bigint {
		const p = this.get(id);
		if (this.state(id) !== 'Active')
			revert(
				this.rules,
				'GovernorBravo::castVoteInternal: voting is closed',
				'GovernorUnexpectedProposalState',
				`proposal ${id} is ${this.state(id)}, not Active`
			);
		if (!(support === AGAINST || support === FOR || support === ABSTAIN))
			revert(
				this.rules,
				'GovernorBravo::castVoteInternal: invalid vote type',
				'GovernorInvalidVoteType',
				`support must be 0, 1 or 2, got ${support}`
			);
		if (p.receipts.get(voter)?.hasVoted)
			revert(
				this.rules,
				'GovernorBravo::castVoteInternal: voter already voted',
				'GovernorAlreadyCastVote',
				`${voter} already voted on proposal ${id}`
			);
		const votes = this.token.getPriorVotes(voter, p.startBlock);
		if (support === AGAINST) p.againstVotes += votes;
		else if (support === FOR) p.forVotes += votes;
		else p.abstainVotes += votes;
		p.receipts.set(voter, { hasVoted: true, support: support as Support, votes });
		return votes;
	}

	/**
	 * Queue a succeeded proposal: eta = now + timelock.delay, each action queued in the timelock
	 * (queue, GovernorBravoDelegate.sol 123-132; GovernorTimelockCompound.sol 64-83).
	 * @returns eta, unix seconds
	 * @throws RevertError 'GovernorBravo::queue: proposal can only be queued if it is succeeded' /
	 *   GovernorUnexpectedProposalState
	 */
	queue(id: number): number {
		const p = this.get(id);
		if (this.state(id) !== 'Succeeded')
			revert(
				this.rules,
				'GovernorBravo::queue: proposal can only be queued if it is succeeded',
				'GovernorUnexpectedProposalState',
				`proposal ${id} is ${this.state(id)}, not Succeeded`
			);
		const eta = this.clock.timestamp + this.timelock.delay;
		for (const action of p.actions) {
			if (this.timelock.isQueued(action, eta))
				revert(
					this.rules,
					'GovernorBravo::queueOrRevertInternal: identical proposal action already queued at eta',
					'GovernorAlreadyQueuedProposal',
					'the same action is already queued for this eta'
				);
			this.timelock.queueTransaction(this.address, action, eta);
		}
		p.eta = eta;
		return eta;
	}

	/**
	 * Execute a queued proposal through the timelock (execute, GovernorBravoDelegate.sol 143-151):
	 * the state must be Queued (before eta + GRACE_PERIOD) and the timelock needs now >= eta.
	 * @throws RevertError 'GovernorBravo::execute: proposal can only be executed if it is queued' /
	 *   GovernorUnexpectedProposalState, or the timelock's "Transaction hasn't surpassed time lock."
	 */
	execute(id: number): void {
		const p = this.get(id);
		if (this.state(id) !== 'Queued')
			revert(
				this.rules,
				'GovernorBravo::execute: proposal can only be executed if it is queued',
				'GovernorUnexpectedProposalState',
				`proposal ${id} is ${this.state(id)}, not Queued`
			);
		for (const action of p.actions) this.timelock.executeTransaction(this.address, action, p.eta);
		p.executed = true;
	}

	/**
	 * Cancel (cancel, GovernorBravoDelegate.sol 157-179, without the whitelist): the proposer may,
	 * and anyone may once the proposer's votes at the block before are under the threshold. This is
	 * Bravo's rule under both rule sets: OpenZeppelin's own `cancel` (Governor.sol 454-469, 793-795)
	 * lets only the proposer cancel, and only while Pending; the model does not reproduce that.
	 * @throws RevertError 'GovernorBravo::cancel: cannot cancel executed proposal',
	 *   'GovernorBravo::cancel: proposer above threshold'
	 */
	cancel(sender: string, id: number): void {
		const p = this.get(id);
		if (this.state(id) === 'Executed')
			throw new RevertError(
				'GovernorBravo::cancel: cannot cancel executed proposal',
				`proposal ${id} was executed`
			);
		if (sender !== p.proposer) {
			const votes = this.token.getPriorVotes(p.proposer, this.clock.block - 1);
			if (!(votes < this.proposalThreshold))
				throw new RevertError(
					'GovernorBravo::cancel: proposer above threshold',
					`${p.proposer} still has ${votes} votes`
				);
		}
		p.canceled = true;
		for (const action of p.actions) this.timelock.cancelTransaction(this.address, action, p.eta);
	}

	private get(id: number): Proposal {
		const p = this.proposals.get(id);
		if (!p)
			revert(
				this.rules,
				'GovernorBravo::state: invalid proposal id',
				'GovernorNonexistentProposal',
				`there is no proposal ${id}`
			);
		return p;
	}
}
