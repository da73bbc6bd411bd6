/**
 * Helpers of the proposal-timeline view: which proposal and sample a step shows, times as days
 * and hours after the proposal, token amounts as text.
 */
import type { ProposalSample, ProposalTimeline, ProposalVote } from '#lib/model/governance.ts';

/** The proposals a step shows: those proposed by then, else the first one (not yet proposed). */
export function proposalsAt(proposals: ProposalTimeline[], step: number): ProposalTimeline[] {
	const made = proposals.filter((p) => p.samples.length && p.samples[0].step <= step);
	return made.length ? made : proposals.slice(0, 1);
}

/** The proposal's sample at the end of `step` (the latest one before it), or null before it exists. */
export function sampleAt(p: ProposalTimeline, step: number): ProposalSample | null {
	return p.samples.findLast((s) => s.step <= step) ?? null;
}

/** Votes sent up to `step`. */
export function votesUpTo(p: ProposalTimeline, step: number): ProposalVote[] {
	return p.votes.filter((v) => v.step <= step);
}

/** A time as days and hours after the proposal: `2 d 03:00:12`. */
export function sinceProposal(p: ProposalTimeline, t: number): string {
	const d = Math.max(0, t - p.proposedTime);
	const days = Math.floor(d / 86_400);
	const rest = d - days * 86_400;
	const hh = String(Math.floor(rest / 3600)).padStart(2, '0');
	const mm = String(Math.floor((rest % 3600) / 60)).padStart(2, '0');
	const ss = String(rest % 60).padStart(2, '0');
	return `${days} d ${hh}:${mm}:${ss}`;
}

/** Whole tokens with thousands separators: `430,000 COMP`. */
export function tokens(n: number, unit: string): string {
	return `${n.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${unit}`;
}

/** A duration in seconds as days: `2 days`, `14 days`. */
export function days(seconds: number): string {
	const d = seconds / 86_400;
	return `${Number.isInteger(d) ? d : d.toFixed(2)} day${d === 1 ? '' : 's'}`;
}

/** The support value's name. */
export const SUPPORT_NAMES = ['Against', 'For', 'Abstain'] as const;

/** What happened to a vote, in words. */
export function fateText(v: ProposalVote): string {
	if (v.reverted)
		return `your governor refused it (${v.reverted})${v.referenceRevert ? '; so does the reference' : '; the reference counts it'}`;
	if (v.referenceRevert)
		return `your governor counted it; the reference refuses it (${v.referenceRevert})`;
	return `counted, ${v.weightText}`;
}

/** Whole tokens in short form: `460k`, `1.25M`, `0`. */
export function compact(v: number): string {
	if (v >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
	if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
	return `${+v.toFixed(4)}`;
}
