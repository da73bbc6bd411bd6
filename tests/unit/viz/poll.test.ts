/** The poll-timeline view's helpers: which sample a step shows, the span, durations, fates. */
import { describe, expect, test } from 'vitest';
import type { PollTimeline } from '#lib/model/insurance.ts';
import {
	duration,
	endMove,
	fateText,
	hourSpan,
	hoursAfter,
	sampleAt,
	votesUpTo
} from '#lib/viz/poll.ts';

const T0 = 1_748_822_400;
const H = 3_600;
const sample = (step: number, time: number, end: number) => ({
	step,
	time,
	accepted: 0,
	denied: 0,
	end,
	referenceAccepted: 0,
	referenceDenied: 0,
	referenceEnd: end,
	status: 'pending'
});
const poll: PollTimeline = {
	title: 'Claim',
	unit: 'NXM',
	start: T0,
	cooldownSeconds: 24 * H,
	silentEndingSeconds: 24 * H,
	votes: [
		{ step: 2, time: T0 + 6 * H, voter: 'Ana', accept: true, stake: 2000, stakeText: '2000' },
		{
			step: 4,
			time: T0 + 130 * H,
			voter: 'Finn',
			accept: true,
			stake: 800,
			stakeText: '800',
			reverted: 'VotingClosed',
			referenceRevert: 'VotingClosed'
		}
	],
	samples: [
		sample(1, T0, T0 + 72 * H),
		sample(2, T0 + 6 * H, T0 + 78 * H),
		sample(4, T0 + 130 * H, T0 + 98 * H + 2057)
	]
};

describe('poll timeline helpers', () => {
	test('a step shows the latest sample at or before it, none before the poll opened', () => {
		expect(sampleAt(poll, 0)).toBeNull();
		expect(sampleAt(poll, 1)!.end).toBe(T0 + 72 * H);
		expect(sampleAt(poll, 3)!.end).toBe(T0 + 78 * H);
		expect(votesUpTo(poll, 3).map((v) => v.voter)).toEqual(['Ana']);
	});

	test('the span holds the latest end plus the cooldown and every vote, in whole 12-hour units', () => {
		// Finn's vote at 130 h is later than 98.57 h + 24 h
		expect(hourSpan(poll)).toEqual([0, 132]);
		expect(hourSpan({ ...poll, samples: poll.samples.slice(0, 2) })).toEqual([0, 132]);
		expect(hourSpan({ ...poll, votes: [], samples: poll.samples.slice(0, 2) })).toEqual([0, 108]);
	});

	test('the end’s move in a step, durations and fates as the view words them', () => {
		expect(endMove(poll, 2)).toBe(6 * H);
		expect(endMove(poll, 1)).toBe(0);
		expect(endMove(poll, 3)).toBe(0);
		expect(duration(74_057)).toBe('20 h 34 min 17 s');
		expect(duration(0)).toBe('0 s');
		expect(hoursAfter(poll, T0 + 78 * H + 74_057)).toBe('98.57 h');
		expect(fateText(poll.votes[0])).toBe('counted');
		expect(fateText(poll.votes[1])).toBe('refused (VotingClosed)');
		expect(fateText({ ...poll.votes[1], reverted: undefined })).toBe(
			'counted; reference: refused (VotingClosed)'
		);
	});
});
