/**
 * The poll-timeline view's data, built while a scenario runs: each vote sent to one claim's
 * assessment poll (with whether the learner's contract and the reference model counted it), and a
 * sample of the poll (stake on accept and deny, the end) at the end of every step, read from the
 * learner's contract and from the reference. The learner's contract keeps the shape of Nexus
 * Mutual v2's `Assessment.sol` poll: `pollOf(id)` returns `{ accepted, denied, start, end }`
 * (stakes in wei as bigint, times in unix seconds as numbers) and `status(id)` the claim's status.
 */
import type { PollSample, PollTimeline } from '#lib/model/insurance.ts';
import type { ScenarioContext } from './context.ts';
import type { Receipt } from './engine.ts';
import { formatUnits } from './format.ts';

/** The reference poll the trace samples beside the learner's (the `Assessment` model fits). */
export type PollReference = {
	readonly accepted: bigint;
	readonly denied: bigint;
	/** unix seconds */
	readonly end: bigint;
};

export type PollTraceOptions = {
	/** what is assessed, shown on the view */
	title: string;
	/** the learner's assessment contract (address or run name) */
	contract: string;
	/** the poll's id in that contract */
	id: number;
	/** when the assessment started, unix seconds */
	start: number;
	cooldownSeconds: number;
	silentEndingSeconds: number;
	reference: PollReference;
	/** stake unit and decimals (default NXM, 18) */
	unit?: string;
	decimals?: number;
};

/** What the scenario tells the trace about one vote it sent. */
export type PollVoteInput = {
	voter: string;
	accept: boolean;
	/** the voter's stake, smallest units */
	stake: bigint;
	receipt: Receipt;
	/** why the reference refused the same vote (its revert name), if it did */
	referenceRevert?: string;
};

export type PollTrace = {
	/** the data the view reads (the same object as in `s.overview.insurance.polls`) */
	timeline: PollTimeline;
	/** Record a vote sent in the current step; call it right after the send (its time is the head's). */
	vote(input: PollVoteInput): void;
};

type LearnerPoll = { accepted: bigint; denied: bigint; end: number };

/** The learner's poll, or null when `pollOf` reverts or returns something else. */
function readPoll(s: ScenarioContext, contract: string, id: number): LearnerPoll | null {
	try {
		const p = s.view(contract, 'pollOf', [id]) as Partial<Record<string, unknown>> | null;
		if (!p || typeof p.accepted !== 'bigint' || typeof p.denied !== 'bigint') return null;
		const end = typeof p.end === 'bigint' ? Number(p.end) : p.end;
		if (typeof end !== 'number' || !Number.isFinite(end)) return null;
		return { accepted: p.accepted, denied: p.denied, end };
	} catch {
		return null;
	}
}

function readStatus(s: ScenarioContext, contract: string, id: number): string {
	try {
		return String(s.view(contract, 'status', [id]));
	} catch (error) {
		return `status reverted: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/**
 * Follow one poll for the poll-timeline view. Appends its timeline to `s.overview.insurance.polls`
 * (creating the insurance overview when the run has none) and registers a bot that samples the
 * poll at the end of every step from this one on. When the learner's `pollOf` cannot be read, the
 * sample keeps the poll as the assessment started (nothing staked, end `start` + 3 days is the
 * reference's), so the view still draws the reference beside it.
 */
export function tracePoll(s: ScenarioContext, options: PollTraceOptions): PollTrace {
	const decimals = options.decimals ?? 18;
	const whole = (v: bigint) => Number(formatUnits(v, decimals));
	const timeline: PollTimeline = {
		title: options.title,
		unit: options.unit ?? 'NXM',
		start: options.start,
		cooldownSeconds: options.cooldownSeconds,
		silentEndingSeconds: options.silentEndingSeconds,
		votes: [],
		samples: []
	};
	const insurance = (s.overview.insurance ??= { payoutTables: [] });
	(insurance.polls ??= []).push(timeline);
	const ref = options.reference;
	s.bot('poll-trace', () => {
		const poll = readPoll(s, options.contract, options.id);
		const sample: PollSample = {
			step: s.step,
			time: s.time(),
			accepted: poll ? whole(poll.accepted) : 0,
			denied: poll ? whole(poll.denied) : 0,
			end: poll ? poll.end : Number(ref.end),
			referenceAccepted: whole(ref.accepted),
			referenceDenied: whole(ref.denied),
			referenceEnd: Number(ref.end),
			status: poll ? readStatus(s, options.contract, options.id) : 'pollOf reverted'
		};
		timeline.samples.push(sample);
	});
	return {
		timeline,
		vote({ voter, accept, stake, receipt, referenceRevert }) {
			timeline.votes.push({
				step: s.step,
				time: s.time(),
				voter,
				accept,
				stake: whole(stake),
				stakeText: formatUnits(stake, decimals),
				...(receipt.status === 'success'
					? {}
					: { reverted: receipt.error?.message ?? 'reverted with no reason' }),
				...(referenceRevert === undefined ? {} : { referenceRevert })
			});
		}
	};
}
