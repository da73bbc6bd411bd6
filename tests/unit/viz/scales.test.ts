import { scaleUtc } from 'd3';
import { describe, expect, test } from 'vitest';
import { timeTicks } from '#lib/viz/scales.ts';

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
