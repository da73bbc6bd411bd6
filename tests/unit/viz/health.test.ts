import { describe, expect, test } from 'vitest';
import type { HealthBuckets } from '#lib/model/overview.ts';
import { firstZeroP10, hfBinPosition, hfDomain, hfTicks, histogramBins } from '#lib/viz/health.ts';

const edges = [0, 0.5, 0.9, 1, 1.1, 1.5, 2];

describe('histogramBins', () => {
	test('labels, open last bucket, below-1 flag', () => {
		const bins = histogramBins(edges, [1, 2, 3, 4, 5, 6, 7]);
		expect(bins.map((b) => b.label)).toEqual([
			'0.00–0.50',
			'0.50–0.90',
			'0.90–1.00',
			'1.00–1.10',
			'1.10–1.50',
			'1.50–2.00',
			'2.00+'
		]);
		expect(bins.map((b) => b.below)).toEqual([true, true, true, false, false, false, false]);
		expect(bins.at(-1)?.hi).toBeNull();
		expect(bins[3].count).toBe(4);
	});
	test('a bucket straddling 1 is not below', () => {
		expect(histogramBins([0.8, 1.2], [1, 1])[0].below).toBe(false);
	});
	test('mismatched lengths and unsorted edges throw', () => {
		expect(() => histogramBins([0, 1], [1])).toThrow(/one count per edge/);
		expect(() => histogramBins([1, 0.5], [1, 1])).toThrow(/ascending/);
	});
});

test('hfBinPosition', () => {
	expect(hfBinPosition(edges, 1)).toBe(3);
	expect(hfBinPosition(edges, 0.7)).toBeCloseTo(1.5);
	expect(hfBinPosition(edges, -1)).toBe(0);
	expect(hfBinPosition(edges, 50)).toBe(6);
	expect(hfBinPosition([], 1)).toBe(0);
});

function b(p10: number, median: number, p90: number): HealthBuckets {
	return { step: 0, time: 0, edges: [0], counts: [0], noDebt: 0, p10, median, p90 };
}

describe('hfDomain', () => {
	test('pads and always contains 1', () => {
		const [lo, hi] = hfDomain([b(1.2, 1.6, 2.5), b(1.1, 1.4, 2)]);
		expect(lo).toBeCloseTo(0.9);
		expect(hi).toBeCloseTo(2.75);
	});
	test('clamps and ignores bad values', () => {
		const [lo, hi] = hfDomain([b(0, 0.01, Infinity), b(Number.NaN, 0.5, 1e6)]);
		expect(lo).toBe(0.1);
		expect(hi).toBe(100);
	});
	test('empty', () => expect(hfDomain([])).toEqual([0.5, 2]));
	test('a p10 of 0 (bad debt) takes the domain to its floor', () => {
		const withDebt = (p10: number, step: number): HealthBuckets => ({
			...b(p10, 1.2, 1.6),
			step,
			counts: [5]
		});
		expect(hfDomain([withDebt(1.1, 0), withDebt(0, 1)])[0]).toBe(0.1);
		expect(firstZeroP10([withDebt(1.1, 0), withDebt(0, 7), withDebt(0, 8)])?.step).toBe(7);
		expect(firstZeroP10([withDebt(1.1, 0)])).toBeUndefined();
		// nobody owes anything: percentiles of nothing are 0, and that is not bad debt
		expect(firstZeroP10([b(0, 0, 0)])).toBeUndefined();
	});
});

describe('hfTicks', () => {
	test('inside the domain, with 1', () => {
		expect(hfTicks(0.9, 2.75)).toEqual([1, 1.2, 1.5, 2]);
	});
	test('thinned to max, keeping 1', () => {
		const t = hfTicks(0.1, 100, 5);
		expect(t.length).toBeLessThanOrEqual(5);
		expect(t).toContain(1);
		for (const v of t) expect(v >= 0.1 && v <= 100).toBe(true);
	});
});
