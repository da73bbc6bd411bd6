/**
 * The proposal-timeline view's data, built while a scenario runs: one proposal of the learner's
 * governor sampled at the end of every step (what its `state(id)` returns and its tallies) beside
 * the reference model's state at the same block and time, the votes sent to it, and the reference's
 * state bands on the time axis (Pending, Active, the outcome, Queued until eta, executable until
 * eta + grace period, then Executed or Expired).
 *
 * The learner's governor keeps Governor Bravo's read shape: `state(id)` returns the state's name
 * and `proposals(id)` returns `{ forVotes, againstVotes, abstainVotes, ... }` (token wei, bigint).
 */
import type {
	GovernanceState,
	ProposalBand,
	ProposalSample,
	ProposalTimeline
} from '#lib/model/governance.ts';
import { formatTokens } from '#lib/model/units.ts';
import {
	GRACE_PERIOD,
	proposalState,
	type GovernorRules,
	type ProposalCore
} from '#lib/protocols/governor.ts';
import type { ScenarioContext } from './context.ts';
import type { Receipt } from './engine.ts';
import { formatUnits } from './format.ts';

export type ProposalTraceOptions = {
	/** what the proposal does, shown on the view */
	title: string;
	/** the learner's governor (address or run name) */
	contract: string;
	/** the proposal's id in that contract */
	id: number;
	/** the reference's rules and its copy of the proposal, read at every sample */
	rules: GovernorRules;
	reference: () => ProposalCore;
	/** token wei */
	quorum: bigint;
	/** the timelock's delay, seconds */
	delaySeconds: number;
	/** seconds (default Timelock.sol's 14 days) */
	gracePeriodSeconds?: number;
	/** token symbol (default COMP) */
	unit?: string;
};

/** What the scenario tells the trace about one vote it sent. */
export type ProposalVoteInput = {
	voter: string;
	/** 0 against, 1 for, 2 abstain */
	support: number;
	/** the weight the reference counted, token wei (0 when it refused) */
	weight: bigint;
	receipt: Receipt;
	/** the reference's revert reason for the same vote, if it refused it */
	referenceRevert?: string;
};

export type ProposalTrace = {
	/** the data the view reads (the same object as in `s.overview.governance.proposals`) */
	timeline: ProposalTimeline;
	/** Record a vote sent in the current step; call it right after the send. */
	vote(input: ProposalVoteInput): void;
};

const whole = (wei: bigint) => Number(formatUnits(wei, 18));
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Tallies = { forVotes: bigint; againstVotes: bigint; abstainVotes: bigint };

/** The learner's tallies, or null when `proposals(id)` fails or returns another shape. */
function readTallies(s: ScenarioContext, contract: string, id: number): Tallies | null {
	try {
		const p = s.view(contract, 'proposals', [id]) as Partial<Record<string, unknown>> | null;
		if (!p) return null;
		const { forVotes, againstVotes, abstainVotes } = p;
		if (typeof forVotes !== 'bigint' || typeof againstVotes !== 'bigint') return null;
		return {
			forVotes,
			againstVotes,
			abstainVotes: typeof abstainVotes === 'bigint' ? abstainVotes : 0n
		};
	} catch {
		return null;
	}
}

function readState(s: ScenarioContext, contract: string, id: number): string {
	try {
		return String(s.view(contract, 'state', [id]));
	} catch (error) {
		return `state() reverted: ${errorText(error)}`;
	}
}

/**
 * The reference's bands from what the samples saw: Pending to startBlock, Active to endBlock, then
 * the outcome; once queued, Queued until eta, executable until the proposal is executed or eta +
 * grace period, then Executed or Expired. Times of unmined blocks are estimated at the block time.
 */
export function proposalBands(
	t: Pick<
		ProposalTimeline,
		'proposedTime' | 'startTime' | 'endTime' | 'startBlock' | 'endBlock' | 'gracePeriodSeconds'
	>,
	events: { queuedAt: number | null; eta: number | null; closedAt: number | null },
	last: GovernanceState
): ProposalBand[] {
	const blocks = (a: number, b: number) =>
		`blocks ${a.toLocaleString('en-US')} to ${b.toLocaleString('en-US')}`;
	const bands: ProposalBand[] = [
		{
			state: 'Pending',
			from: t.proposedTime,
			to: t.startTime,
			note: `until startBlock ${t.startBlock.toLocaleString('en-US')} (inclusive)`
		},
		{
			state: 'Active',
			from: t.startTime,
			to: t.endTime,
			note: blocks(t.startBlock + 1, t.endBlock)
		}
	];
	if (last === 'Pending' || last === 'Active') return bands;
	if (last === 'Canceled') {
		bands.push({
			state: 'Canceled',
			from: events.closedAt ?? t.endTime,
			to: null,
			note: 'cancel()'
		});
		return bands;
	}
	if (last === 'Defeated') {
		bands.push({ state: 'Defeated', from: t.endTime, to: null, note: 'after endBlock' });
		return bands;
	}
	bands.push({
		state: 'Succeeded',
		from: t.endTime,
		to: events.queuedAt,
		note: 'after endBlock, until queue()'
	});
	if (events.queuedAt === null || events.eta === null) return bands;
	const graceEnd = events.eta + t.gracePeriodSeconds;
	bands.push({
		state: 'Queued',
		from: events.queuedAt,
		to: events.eta,
		note: 'the delay, until eta'
	});
	const executedAt = last === 'Executed' ? events.closedAt : null;
	bands.push({
		state: 'Executable',
		from: events.eta,
		to: executedAt ?? graceEnd,
		note: 'still Queued: from eta until eta + grace period'
	});
	if (last === 'Executed')
		bands.push({ state: 'Executed', from: executedAt ?? events.eta, to: null, note: 'execute()' });
	else
		bands.push({ state: 'Expired', from: graceEnd, to: null, note: 'from eta + grace period on' });
	return bands;
}

/**
 * Follow one proposal for the proposal-timeline view. Call it right after the proposal is made
 * (in the step of `propose`): appends its timeline to `s.overview.governance.proposals` and
 * registers a bot that samples it at the end of every step from this one on.
 */
export function traceProposal(s: ScenarioContext, options: ProposalTraceOptions): ProposalTrace {
	const unit = options.unit ?? 'COMP';
	const grace = options.gracePeriodSeconds ?? GRACE_PERIOD;
	const ref0 = options.reference();
	const proposedBlock = s.blockNumber();
	const proposedTime = s.time();
	const timeOf = (n: number) =>
		s.chain.block(n)?.timestamp ?? s.time() + (n - s.blockNumber()) * s.chain.blockTime;
	const timeline: ProposalTimeline = {
		title: options.title,
		id: options.id,
		rules: options.rules,
		unit,
		proposedBlock,
		proposedTime,
		startBlock: ref0.startBlock,
		endBlock: ref0.endBlock,
		startTime: timeOf(ref0.startBlock),
		endTime: timeOf(ref0.endBlock),
		quorum: whole(options.quorum),
		quorumText: formatTokens(options.quorum, unit, 18, 18),
		quorumCounts: options.rules === 'bravo' ? 'For' : 'For + Abstain',
		delaySeconds: options.delaySeconds,
		gracePeriodSeconds: grace,
		eta: null,
		bands: [],
		votes: [],
		samples: []
	};
	const governance = (s.overview.governance ??= { proposals: [] });
	governance.proposals.push(timeline);
	const events = {
		queuedAt: null as number | null,
		eta: null as number | null,
		closedAt: null as number | null
	};
	s.bot('proposal-trace', () => {
		const ref = options.reference();
		const now = { block: s.blockNumber(), timestamp: s.time() };
		const referenceState = proposalState(ref, now, {
			rules: options.rules,
			quorum: options.quorum,
			gracePeriod: grace
		});
		if (ref.eta !== 0 && events.eta === null) {
			events.eta = ref.eta;
			events.queuedAt = ref.eta - options.delaySeconds;
			timeline.eta = ref.eta;
		}
		if ((ref.executed || ref.canceled) && events.closedAt === null) events.closedAt = now.timestamp;
		timeline.startTime = timeOf(ref.startBlock);
		timeline.endTime = timeOf(ref.endBlock);
		timeline.bands = proposalBands(timeline, events, referenceState);
		const mine = readTallies(s, options.contract, options.id);
		const sample: ProposalSample = {
			step: s.step,
			block: now.block,
			time: now.timestamp,
			state: readState(s, options.contract, options.id),
			referenceState,
			forVotes: mine ? whole(mine.forVotes) : 0,
			againstVotes: mine ? whole(mine.againstVotes) : 0,
			abstainVotes: mine ? whole(mine.abstainVotes) : 0,
			referenceFor: whole(ref.forVotes),
			referenceAgainst: whole(ref.againstVotes),
			referenceAbstain: whole(ref.abstainVotes)
		};
		timeline.samples.push(sample);
	});
	return {
		timeline,
		vote({ voter, support, weight, receipt, referenceRevert }) {
			timeline.votes.push({
				step: s.step,
				block: s.blockNumber(),
				time: s.time(),
				voter,
				support,
				weight: whole(weight),
				weightText: formatTokens(weight, unit, 18, 18),
				...(receipt.status === 'success'
					? {}
					: { reverted: receipt.error?.message ?? 'reverted with no reason' }),
				...(referenceRevert === undefined ? {} : { referenceRevert })
			});
		}
	};
}
