import { describe, expect, test } from 'vitest';
import { quantile, solvencyOverview, type CapitalYear } from '#lib/scenario/solvency.ts';

const E = 10n ** 18n;
/** A year with `capital` and `mcr` whole ETH and the ratio they give. */
const year = (capital: bigint, mcr: bigint): CapitalYear => ({
	capital: capital * E,
	mcr: mcr * E,
	ratio: mcr > 0n ? (capital * 10_000n) / mcr : 0n
});

describe('solvencyOverview', () => {
	test('bands, histogram and ruin from the years as the contract returned them', () => {
		const paths = [
			[year(130n, 100n), year(90n, 100n)],
			[year(200n, 100n), year(150n, 100n)],
			[year(120n, 100n), null]
		];
		const o = solvencyOverview(paths, { line: 13_000n, ruin: 10_000n, reference: 0.25, note: 'n' });
		expect(o.paths).toBe(3);
		expect(o.years).toBe(2);
		expect(o.line).toBe(1.3);
		// year 2: 90% ends below 100%, and the failed call counts as ruined
		expect(o.ruinedYears).toBe(2);
		expect(o.ruinProbability).toBeCloseTo(2 / 6);
		expect(o.bands.map((b) => b.ruined)).toEqual([0, 2]);
		expect(o.bands[0].p50).toBe(1.3);
		expect(o.bands[1].p50).toBeCloseTo(1.2);
		expect(o.bands[0].capital).toBe(130);
		// 0.9 -> bucket 9, 1.2 -> 12, 1.3 -> 13, 1.5 -> 15, 2.0 -> 20
		const filled = o.histogram.counts.flatMap((n, i) => (n ? [[o.histogram.edges[i], n]] : []));
		expect(filled).toEqual([
			[0.9, 1],
			[1.2, 1],
			[1.3, 1],
			[1.5, 1],
			[2, 1]
		]);
		expect(o.perPath[2][1]).toEqual({ capital: 0, mcr: 0, ratio: null });
		expect(o.reference).toBe(0.25);
		expect(o.noLine).toBeNull();
	});

	test('a year with no MCR has no ratio and is not ruined; ratios past 300% go in the last bucket', () => {
		const o = solvencyOverview([[year(100n, 0n), year(900n, 100n)]], {
			line: 13_000n,
			ruin: 10_000n,
			note: 'n'
		});
		expect(o.ruinedYears).toBe(0);
		expect(o.perPath[0][0].ratio).toBeNull();
		expect(o.histogram.counts.at(-1)).toBe(1);
		expect(o.histogram.counts.reduce((a, b) => a + b)).toBe(1);
	});

	test('paths of different lengths are refused', () => {
		expect(() => solvencyOverview([[year(1n, 1n)], []], { line: 1n, ruin: 1n, note: '' })).toThrow(
			RangeError
		);
	});

	test('quantile interpolates between sorted values', () => {
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4], 0)).toBe(1);
		expect(quantile([1, 2, 3, 4], 1)).toBe(4);
		expect(quantile([], 0.5)).toBeNaN();
	});
});
