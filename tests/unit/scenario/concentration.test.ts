/**
 * scenario/concentration.ts and model/concentration.ts: the views' data from bigint stakes
 * (holders ranked, shares, the reference's measures, Lorenz curves) and the distribution a step
 * shows.
 */
import { describe, expect, test } from 'vitest';
import { distributionAt } from '#lib/model/concentration.ts';
import { distribution, measures } from '#lib/scenario/concentration.ts';

const HALF = { numerator: 1n, denominator: 2n };

describe('distribution', () => {
	test('ranks holders by balance and measures balances and votes', () => {
		const d = distribution({
			name: 'four',
			source: 'hand-worked',
			symbol: 'GOV',
			step: 2,
			threshold: HALF,
			holders: [
				{ label: 'c', balance: 3n, votes: 0n },
				{ label: 'a', balance: 1n, votes: 0n },
				{ label: 'd', balance: 4n, votes: 10n },
				{ label: 'b', balance: 2n, votes: 0n }
			]
		});
		expect(d.holders.map((h) => h.label)).toEqual(['d', 'c', 'b', 'a']);
		expect(d.holders.map((h) => h.balanceShare)).toEqual([0.4, 0.3, 0.2, 0.1]);
		expect(d.holders.map((h) => h.votesShare)).toEqual([1, 0, 0, 0]);
		// 1, 2, 3, 4: G = 1/4 (hand-worked in the concentration tests); 40% + 30% > 50%
		expect(d.balances).toEqual({
			nakamoto: 2,
			gini: { numerator: '1', denominator: '4', value: 0.25 },
			hhi: 3_000
		});
		// one delegate holds every vote: G = (n-1)/n = 3/4, HHI 10,000
		expect(d.votes).toEqual({
			nakamoto: 1,
			gini: { numerator: '3', denominator: '4', value: 0.75 },
			hhi: 10_000
		});
		expect(d.lorenz.balances.map((p) => p.share)).toEqual([0, 0.1, 0.3, 0.6, 1]);
		expect(d.threshold).toEqual({ numerator: 1, denominator: 2, inclusive: false });
	});

	test('without votes for every holder there is no votes series', () => {
		const d = distribution({
			name: 'x',
			source: 's',
			symbol: 'T',
			step: 0,
			threshold: HALF,
			holders: [
				{ label: 'a', balance: 1n, votes: 1n },
				{ label: 'b', balance: 1n }
			]
		});
		expect(d.votes).toBeUndefined();
		expect(d.lorenz.votes).toBeUndefined();
		expect(d.holders[0].votes).toBeUndefined();
	});

	test('measures: an unreachable line (-1 or Infinity) is null', () => {
		expect(measures(-1, { numerator: 0n, denominator: 1n }, 0).nakamoto).toBeNull();
		expect(measures(Infinity, { numerator: 0n, denominator: 1n }, 0).nakamoto).toBeNull();
		expect(measures(3, { numerator: 1n, denominator: 3n }, 12).gini.value).toBeCloseTo(1 / 3, 12);
	});
});

describe('distributionAt', () => {
	const at = (step: number) =>
		distribution({
			name: `from ${step}`,
			source: 's',
			symbol: 'T',
			step,
			threshold: HALF,
			holders: [{ label: 'a', balance: 1n }]
		});
	test('the latest distribution at or before the step, else the first', () => {
		const o = { distributions: [at(1), at(3)] };
		expect(distributionAt(o, 0)?.name).toBe('from 1');
		expect(distributionAt(o, 2)?.name).toBe('from 1');
		expect(distributionAt(o, 3)?.name).toBe('from 3');
		expect(distributionAt(o, 9)?.name).toBe('from 3');
		expect(distributionAt({ distributions: [] }, 0)).toBeNull();
	});
});
