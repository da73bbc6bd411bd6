import { describe, expect, test } from 'vitest';
import { ETH_USD_MARCH_2020 } from '#lib/data/eth-usd-march-2020.ts';
import { SYNTHETIC_LABEL, syntheticHourlyPath } from '#lib/data/synthetic-path.ts';

describe('synthetic hourly path for March 2020', () => {
	const path = syntheticHourlyPath(ETH_USD_MARCH_2020, 2020);

	test('744 hourly points, labelled synthetic', () => {
		expect(path).toHaveLength(31 * 24);
		expect(path.every((p) => p.synthetic === true)).toBe(true);
		expect(SYNTHETIC_LABEL).toMatch(/synthetic/i);
		path.forEach((p, i) => expect(p.time).toBe(ETH_USD_MARCH_2020[0].time + i * 3600));
	});

	test('each day opens at the open, closes at the close, touches high and low, stays inside', () => {
		ETH_USD_MARCH_2020.forEach((bar, d) => {
			const day = path.slice(d * 24, d * 24 + 24);
			expect(day.every((p) => p.date === bar.date)).toBe(true);
			expect(day[0].price).toBe(bar.open);
			expect(day[23].price).toBe(bar.close);
			const prices = day.map((p) => p.price);
			expect(Math.max(...prices)).toBe(bar.high);
			expect(Math.min(...prices)).toBe(bar.low);
			// the high and the low are hit at an hour the seed chose, not only at the ends
			expect(prices.slice(1, 23)).toContain(bar.high);
			expect(prices.slice(1, 23)).toContain(bar.low);
		});
	});

	test('12 March reaches 111.21 inside the day', () => {
		const day = path.filter((p) => p.date === '2020-03-12');
		expect(Math.min(...day.map((p) => p.price))).toBe(111.21);
	});

	test('same seed, same path; different seed, different path', () => {
		expect(syntheticHourlyPath(ETH_USD_MARCH_2020, 2020)).toEqual(path);
		const other = syntheticHourlyPath(ETH_USD_MARCH_2020, 2021);
		expect(other.map((p) => p.price)).not.toEqual(path.map((p) => p.price));
	});

	test('an inconsistent bar is refused', () => {
		const bad = { ...ETH_USD_MARCH_2020[0], close: 300 };
		expect(() => syntheticHourlyPath([bad], 1)).toThrow(/2020-03-01/);
	});
});
