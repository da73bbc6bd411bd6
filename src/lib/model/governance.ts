/**
 * The governance track's run data (`overview.governance`), plain and serialisable (no bigint):
 * proposals followed through their life for the proposal-timeline view. Token amounts are whole
 * tokens as plain numbers for plotting, with the exact figure as text beside them; blocks are block
 * numbers, times unix seconds. Another governance view's data (holders, a Lorenz curve) gets its
 * own type in its own file and its own optional field here or in RunOverview, leaving these as
 * they are.
 */

/** A proposal state, named as Governor Bravo's and OpenZeppelin's ProposalState enums. */
export type GovernanceState =
	'Pending' | 'Active' | 'Canceled' | 'Defeated' | 'Succeeded' | 'Queued' | 'Expired' | 'Executed';

/** One band of a proposal's life under the reference rules: a state from `from` to `to` (unix seconds). */
export type ProposalBand = {
	state: GovernanceState | 'Executable';
	/** unix seconds */
	from: number;
	/** unix seconds; null while it is still open at the run's end */
	to: number | null;
	/** what bounds it, for the table: "blocks 13,141 to 32,851", "eta + 14 days" */
	note: string;
};

/** The proposal at the end of one step: your contract's view of it and the reference's. */
export type ProposalSample = {
	step: number;
	/** the head block's number and unix time */
	block: number;
	time: number;
	/** what your contract's `state(id)` returned (or why it failed) */
	state: string;
	/** the reference model's state at the same block and time */
	referenceState: GovernanceState;
	/** your contract's tallies, whole tokens (0 when it cannot be read) */
	forVotes: number;
	againstVotes: number;
	abstainVotes: number;
	/** the reference model's tallies, whole tokens */
	referenceFor: number;
	referenceAgainst: number;
	referenceAbstain: number;
};

/** One vote sent to the proposal. */
export type ProposalVote = {
	step: number;
	block: number;
	time: number;
	voter: string;
	/** 0 against, 1 for, 2 abstain */
	support: number;
	/** weight the reference counts (votes at startBlock), whole tokens, and exactly as text */
	weight: number;
	weightText: string;
	/** your contract's revert reason, when it refused the vote */
	reverted?: string;
	/** the reference's revert reason, when it refuses the same vote */
	referenceRevert?: string;
};

/** One proposal's life on the chain's blocks and time. */
export type ProposalTimeline = {
	title: string;
	id: number;
	/** the rules the reference follows */
	rules: 'bravo' | 'oz';
	/** token symbol, e.g. 'COMP' */
	unit: string;
	/** the block and time it was proposed */
	proposedBlock: number;
	proposedTime: number;
	startBlock: number;
	endBlock: number;
	/** unix seconds of startBlock and endBlock (estimated at the chain's block time when not mined) */
	startTime: number;
	endTime: number;
	/** whole tokens, and exactly as text with the unit */
	quorum: number;
	quorumText: string;
	/** what counts toward the quorum: 'For' (Bravo) or 'For + Abstain' (OZ) */
	quorumCounts: string;
	/** the timelock's delay and grace period, seconds */
	delaySeconds: number;
	gracePeriodSeconds: number;
	/** eta (unix seconds) once queued in the reference, else null */
	eta: number | null;
	/** the reference's bands, oldest first */
	bands: ProposalBand[];
	votes: ProposalVote[];
	/** one per step from the step it was proposed */
	samples: ProposalSample[];
};

/** Governance data of a run (sent once after Run). */
export type GovernanceOverview = {
	/** proposals followed by traceProposal (scenario/governance-trace.ts), in the order proposed */
	proposals: ProposalTimeline[];
};
