import { describe, expect, test } from 'vitest';
import type { ReplicaOverview } from '#lib/model/replica.ts';
import { attemptsUpTo, proofText, timeSpan, utcTime } from '#lib/viz/replica.ts';

const replica: ReplicaOverview = {
	windowSeconds: 1800,
	messages: [
		{
			label: 'Alice',
			dispatched: true,
			postedAt: 1000,
			acceptableFrom: 2800,
			attempts: [
				{ step: 2, time: 1012, paid: false, reason: '!prove' },
				{ step: 3, time: 2800, paid: true }
			]
		},
		{ label: 'exploiter', dispatched: false, postedAt: null, acceptableFrom: null, attempts: [] }
	]
};

describe('optimistic-window view helpers', () => {
	test('the span holds every window and attempt, padded', () => {
		expect(timeSpan(replica)).toEqual([1000 - 60, 2800 + 60]);
		expect(timeSpan({ windowSeconds: 1, messages: [] })).toEqual([0, 1]);
	});

	test('attempts follow the step; a message in no root says so', () => {
		expect(attemptsUpTo(replica.messages[0], 2)).toHaveLength(1);
		expect(proofText(replica.messages[1])).toBe('in no posted root (never proven)');
		expect(proofText(replica.messages[0])).toBe(
			`root posted ${utcTime(1000)}, acceptable from ${utcTime(2800)}`
		);
		expect(utcTime(Date.UTC(2022, 7, 1, 21, 32) / 1000)).toBe('21:32:00 UTC');
	});
});
