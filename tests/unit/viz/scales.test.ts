import { scaleLinear, scaleUtc } from 'd3';
import { describe, expect, test } from 'vitest';
import { integerTicks, runAxis, timeTicks } from '#lib/viz/scales.ts';

describe('timeTicks', () => {
	test('blocks seconds apart get distinct labels (seconds shown)', () => {
		const t0 = Date.UTC(2024, 0, 1, 12, 0, 0);
		const x = scaleUtc()
			.domain([t0, t0 + 48_000])
			.range([0, 400]);
		const ticks = timeTicks(x, 5);
		const labels = ticks.map((t) => t.label);
		expect(labels.length).toBeGreaterThanOrEqual(3);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels[0]).toMatch(/^12:00:\d\d$/);
	});

	test('a month of hours is labelled by day', () => {
		const t0 = Date.UTC(2020, 2, 1);
		const x = scaleUtc()
			.domain([t0, t0 + 31 * 86_400_000])
			.range([0, 800]);
		const labels = timeTicks(x, 6).map((t) => t.label);
		expect(labels.some((l) => /^Mar \d+$/.test(l))).toBe(true);
	});

	test('positions are unique, so they can key the rendered ticks', () => {
		const t0 = Date.UTC(2024, 0, 1);
		const x = scaleUtc()
			.domain([t0, t0 + 3_600_000])
			.range([0, 300]);
		const pos = timeTicks(x, 8).map((t) => t.pos);
		expect(new Set(pos).size).toBe(pos.length);
	});
});

describe('runAxis and integerTicks', () => {
	test('blocks seconds apart: the axis counts steps, 1-based like the timeline', () => {
		const t0 = 1_700_000_000;
		const points = [0, 1, 2, 3].map((step) => ({ step, time: t0 + step * 12 }));
		const axis = runAxis(points, 300);
		expect(axis.kind).toBe('step');
		expect(axis.pos(points[0])).toBe(0);
		expect(axis.pos(points[3])).toBe(300);
		const labels = axis.ticks(6).map((t) => t.label);
		expect(labels).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 4']);
	});

	test('a month of hours keeps clock time', () => {
		const t0 = Date.UTC(2020, 2, 1) / 1000;
		const points = Array.from({ length: 744 }, (_, i) => ({ step: i + 11, time: t0 + i * 3600 }));
		const axis = runAxis(points, 600);
		expect(axis.kind).toBe('time');
		expect(axis.ticks(6).some((t) => /^Mar \d+$/.test(t.label))).toBe(true);
	});

	test('a count axis from 0 to 3 has whole-number ticks only', () => {
		const y = scaleLinear().domain([0, 3]).range([100, 0]);
		expect(integerTicks(y, 4, String).map((t) => t.label)).toEqual(['0', '1', '2', '3']);
		const one = scaleLinear().domain([0, 1]).range([100, 0]);
		expect(integerTicks(one, 4, String).map((t) => t.label)).toEqual(['0', '1']);
	});
});
