/** proposalBands: the reference's state bands a proposal-timeline view draws, for each outcome. */
import { describe, expect, test } from 'vitest';
import { proposalBands } from '#lib/scenario/governance-trace.ts';

const DAY = 86_400;
const t = {
	proposedTime: 0,
	startTime: 2 * DAY,
	endTime: 5 * DAY,
	startBlock: 13_150,
	endBlock: 32_860,
	gracePeriodSeconds: 14 * DAY
};
const none = { queuedAt: null, eta: null, closedAt: null };
const states = (b: ReturnType<typeof proposalBands>) => b.map((x) => x.state);

describe('proposalBands', () => {
	test('Pending to startBlock, Active to endBlock while the vote runs', () => {
		const bands = proposalBands(t, none, 'Active');
		expect(states(bands)).toEqual(['Pending', 'Active']);
		expect(bands.map((b) => [b.from, b.to])).toEqual([
			[0, 2 * DAY],
			[2 * DAY, 5 * DAY]
		]);
		expect(bands[1].note).toBe('blocks 13,151 to 32,860');
	});

	test('Defeated and Canceled stay open to the end', () => {
		expect(proposalBands(t, none, 'Defeated').at(-1)).toMatchObject({
			state: 'Defeated',
			from: 5 * DAY,
			to: null
		});
		const canceled = proposalBands(t, { ...none, closedAt: DAY }, 'Canceled');
		expect(states(canceled)).toEqual(['Pending', 'Active', 'Canceled']);
		expect(canceled.at(-1)!.from).toBe(DAY);
	});

	test('queued: the delay until eta, executable for the grace period, then Expired', () => {
		const events = { queuedAt: 5 * DAY + 24, eta: 7 * DAY + 24, closedAt: null };
		const bands = proposalBands(t, events, 'Expired');
		expect(states(bands)).toEqual([
			'Pending',
			'Active',
			'Succeeded',
			'Queued',
			'Executable',
			'Expired'
		]);
		expect(bands.at(-2)).toMatchObject({ from: 7 * DAY + 24, to: 21 * DAY + 24 });
		expect(bands.at(-1)).toMatchObject({ from: 21 * DAY + 24, to: null });
	});

	test('executed: the executable band ends at the execution', () => {
		const events = { queuedAt: 5 * DAY, eta: 7 * DAY, closedAt: 8 * DAY };
		const bands = proposalBands(t, events, 'Executed');
		expect(bands.at(-2)).toMatchObject({ state: 'Executable', from: 7 * DAY, to: 8 * DAY });
		expect(bands.at(-1)).toMatchObject({ state: 'Executed', from: 8 * DAY, to: null });
	});
});
