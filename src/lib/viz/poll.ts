/** Pure helpers of the poll-timeline view (PollTimelineView.svelte). */
import type { PollSample, PollTimeline, PollVote } from '#lib/model/insurance.ts';
import { indexAtStep } from './aggregate.ts';

const HOUR = 3_600;

/** The poll as it stood at the end of `step`: the latest sample at or before it, null before the poll opened. */
export function sampleAt(poll: PollTimeline, step: number): PollSample | null {
	const i = indexAtStep(poll.samples, step);
	return i >= 0 && poll.samples[i].step <= step ? poll.samples[i] : null;
}

/** The votes sent up to and including `step`. */
export function votesUpTo(poll: PollTimeline, step: number): PollVote[] {
	return poll.votes.filter((v) => v.step <= step);
}

/**
 * The hours (after the poll's start) the chart spans: from 0 to the latest end (the learner's or
 * the reference's, at any step) plus the cooldown, or the latest vote if later, rounded up to 12 h.
 */
export function hourSpan(poll: PollTimeline): [number, number] {
	const ends = poll.samples
		.flatMap((s) => [s.end, s.referenceEnd])
		.map((t) => t + poll.cooldownSeconds);
	const last = Math.max(poll.start + HOUR, ...ends, ...poll.votes.map((v) => v.time));
	return [0, Math.ceil((last - poll.start) / HOUR / 12) * 12];
}

/** Hours after the start as the view labels them: `98.57 h`, `6 h`. */
export function hoursAfter(poll: PollTimeline, seconds: number): string {
	const h = (seconds - poll.start) / HOUR;
	return `${Number.isInteger(h) ? h : h.toFixed(2)} h`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as day, month and UTC time: `6 Jun 02:34:17 UTC`. */
export function utcDayTime(seconds: number): string {
	const d = new Date(seconds * 1000);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.toISOString().slice(11, 19)} UTC`;
}

/** A stake as the view shows it: `3,000 NXM`. */
export function stakeText(amount: number, unit: string): string {
	return `${amount.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${unit}`;
}

/** What became of a vote: counted, or refused and why, in the learner's contract and the reference. */
export function fateText(vote: PollVote): string {
	const yours = vote.reverted ? `refused (${vote.reverted})` : 'counted';
	const ref = vote.referenceRevert ? `refused (${vote.referenceRevert})` : 'counted';
	return yours === ref ? yours : `${yours}; reference: ${ref}`;
}

/**
 * How far the end moved in `step` (seconds, the learner's contract), against the sample before it;
 * 0 when it did not move or there is no earlier sample.
 */
export function endMove(poll: PollTimeline, step: number): number {
	const i = poll.samples.findIndex((s) => s.step === step);
	return i > 0 ? poll.samples[i].end - poll.samples[i - 1].end : 0;
}

/** A duration as the view says it: `74057` -> `20 h 34 min 17 s`, `0` -> `0 s`. */
export function duration(seconds: number): string {
	const s = Math.abs(seconds);
	const parts: [number, string][] = [
		[Math.floor(s / 3600), 'h'],
		[Math.floor((s % 3600) / 60), 'min'],
		[s % 60, 's']
	];
	return (
		parts
			.filter(([n]) => n !== 0)
			.map(([n, u]) => `${n} ${u}`)
			.join(' ') || '0 s'
	);
}
