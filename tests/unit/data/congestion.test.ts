import { describe, expect, test } from 'vitest';
import { MARCH_2020_CONGESTION, missedHours } from '#lib/data/congestion.ts';
import { ETH_USD_MARCH_2020 } from '#lib/data/eth-usd-march-2020.ts';
import { syntheticHourlyPath } from '#lib/data/synthetic-path.ts';

const times = syntheticHourlyPath(ETH_USD_MARCH_2020, 1).map((p) => p.time);
const { from, to } = MARCH_2020_CONGESTION;
const inWindow = (t: number) => t >= from && t < to;

describe('synthetic congestion of 12-13 March 2020', () => {
	test('the window: 12 March 08:00 UTC (1 AM Pacific) to 13 March 20:00 UTC, 36 hours', () => {
		expect(new Date(from * 1000).toISOString()).toBe('2020-03-12T08:00:00.000Z');
		expect(new Date(to * 1000).toISOString()).toBe('2020-03-13T20:00:00.000Z');
		expect(times.filter(inWindow)).toHaveLength(36);
	});

	test('exactly half of the window missed, nothing outside it, the same for the same seed', () => {
		for (const seed of [1, 2, 42, 2 ** 32 - 1]) {
			const missed = missedHours(times, seed);
			expect(missed).toHaveLength(744);
			expect(missed.filter(Boolean)).toHaveLength(18);
			missed.forEach((m, i) => {
				if (m) expect(inWindow(times[i])).toBe(true);
			});
			expect(missedHours(times, seed)).toEqual(missed);
		}
	});

	test('another seed, other hours; every hour of the window is missed on some seed', () => {
		const schedules = Array.from({ length: 20 }, (_, seed) => missedHours(times, seed));
		expect(new Set(schedules.map((m) => m.join())).size).toBe(20);
		const ever = times.map((_, i) => schedules.some((m) => m[i]));
		expect(ever.filter(Boolean)).toHaveLength(36);
	});

	test('other windows and shares', () => {
		const day = { from: times[0], to: times[24], missShare: 0.25 };
		expect(missedHours(times, 3, day).filter(Boolean)).toHaveLength(6);
		expect(missedHours(times, 3, { ...day, missShare: 0 }).some(Boolean)).toBe(false);
		expect(
			missedHours(times, 3, { ...day, missShare: 1 })
				.slice(0, 24)
				.every(Boolean)
		).toBe(true);
		expect(missedHours([], 3)).toEqual([]);
	});

	test('bad input gets a clear error', () => {
		expect(() => missedHours(times, Number.NaN)).toThrow(/seed must be a finite number/);
		expect(() => missedHours(times, 1, { from, to, missShare: 1.5 })).toThrow(
			/missShare must be between 0 and 1/
		);
		expect(() => missedHours(times, 1, { from: to, to: from, missShare: 0.5 })).toThrow(
			/must end after it starts/
		);
	});
});
