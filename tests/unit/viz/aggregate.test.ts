import { describe, expect, test } from 'vitest';
import type { LiquidationRecord, PricePoint } from '#lib/model/overview.ts';
import {
	balanceShares,
	defaultLiquidation,
	groupByStep,
	indexAtStep,
	liquidationSegments,
	priceTableRows,
	sampleEvenly
} from '#lib/viz/aggregate.ts';

const T0 = Date.UTC(2020, 2, 1) / 1000;

function liq(id: string, step: number, over: Partial<LiquidationRecord> = {}): LiquidationRecord {
	return {
		id,
		step,
		time: T0 + step * 3600,
		txHash: '0x' + id.padStart(64, '0'),
		borrower: 'bob',
		liquidator: 'carol',
		debtSymbol: 'USDC',
		collateralSymbol: 'WETH',
		debtRepaid: '1000',
		collateralSeized: '9.45',
		bonus: '0.45',
		protocolFee: '0.045',
		liquidatorReceives: '9.405',
		debtRepaidUsd: 1000,
		collateralSeizedUsd: 1050,
		bonusUsd: 50,
		protocolFeeUsd: 5,
		healthFactorBefore: 0.97,
		healthFactorAfter: 1.08,
		...over
	};
}

describe('indexAtStep', () => {
	const items = [{ step: 0 }, { step: 2 }, { step: 5 }, { step: 9 }];
	test.each([
		[-1, 0],
		[0, 0],
		[1, 0],
		[2, 1],
		[4, 1],
		[5, 2],
		[8, 2],
		[9, 3],
		[100, 3]
	])('step %d -> index %d', (s, i) => expect(indexAtStep(items, s)).toBe(i));
	test('empty', () => expect(indexAtStep([], 3)).toBe(-1));
	test('agrees with a linear scan on a long series', () => {
		const long = Array.from({ length: 744 }, (_, i) => ({ step: i * 3 }));
		for (const s of [0, 1, 299, 300, 301, 2229, 5000]) {
			let want = 0;
			long.forEach((p, i) => {
				if (p.step <= s) want = i;
			});
			expect(indexAtStep(long, s)).toBe(want);
		}
	});
});

describe('sampleEvenly', () => {
	const items = Array.from({ length: 100 }, (_, i) => i);
	test('short lists come back whole', () => expect(sampleEvenly([1, 2, 3], 5)).toEqual([1, 2, 3]));
	test('keeps first and last, ascending, at most max', () => {
		const s = sampleEvenly(items, 10);
		expect(s).toHaveLength(10);
		expect(s[0]).toBe(0);
		expect(s.at(-1)).toBe(99);
		expect([...s].sort((a, b) => a - b)).toEqual(s);
	});
	test('keeps the requested index', () => {
		const s = sampleEvenly(items, 10, 42);
		expect(s).toContain(42);
		expect(s.length).toBeLessThanOrEqual(11);
	});
	test('rejects max < 2', () => expect(() => sampleEvenly(items, 1)).toThrow(RangeError));
});

describe('priceTableRows', () => {
	const hourly: PricePoint[] = Array.from({ length: 72 }, (_, i) => ({
		step: i,
		time: T0 + i * 3600,
		price: 200 - i
	}));
	test('long series group by UTC day with open, close, low, high', () => {
		const { by, rows } = priceTableRows(hourly, [
			liq('a', 5),
			liq('b', 30, { debtRepaidUsd: 500 }),
			liq('c', 31)
		]);
		expect(by).toBe('day');
		expect(rows).toHaveLength(3);
		expect(rows[1]).toEqual({
			time: T0 + 86_400,
			open: 176,
			close: 153,
			low: 153,
			high: 176,
			liquidations: 2,
			debtRepaidUsd: 1500
		});
		expect(rows[0].liquidations).toBe(1);
		expect(rows[2].liquidations).toBe(0);
	});
	test('short series give one row per point', () => {
		const { by, rows } = priceTableRows(hourly.slice(0, 10), [liq('a', 3), liq('b', 3)]);
		expect(by).toBe('point');
		expect(rows).toHaveLength(10);
		expect(rows[3].liquidations).toBe(2);
		expect(rows[3].close).toBe(197);
	});
});

describe('defaultLiquidation', () => {
	const list = [liq('a', 3), liq('b', 7), liq('c', 7), liq('d', 12)];
	test('none before the first', () => expect(defaultLiquidation(list, 2)).toBeNull());
	test('the first one at the current step', () =>
		expect(defaultLiquidation(list, 7)?.id).toBe('b'));
	test('else the latest before it', () => {
		expect(defaultLiquidation(list, 10)?.id).toBe('b');
		expect(defaultLiquidation(list, 5)?.id).toBe('a');
		expect(defaultLiquidation(list, 99)?.id).toBe('d');
	});
	test('empty', () => expect(defaultLiquidation([], 5)).toBeNull());
});

describe('liquidationSegments', () => {
	test('splits the seized collateral and adds up', () => {
		const s = liquidationSegments(liq('a', 1));
		expect(s.map((x) => x.key)).toEqual(['debt', 'bonus', 'fee']);
		expect(s.map((x) => x.usd)).toEqual([1000, 45, 5]);
		expect(s.reduce((a, x) => a + x.usd, 0)).toBe(1050);
	});
	test('clamps negative parts', () => {
		const s = liquidationSegments(
			liq('a', 1, { collateralSeizedUsd: 10, bonusUsd: 20, protocolFeeUsd: -1 })
		);
		for (const x of s) expect(x.usd).toBeGreaterThanOrEqual(0);
	});
});

test('balanceShares: dust never fills a bar', () => {
	const rows = balanceShares([
		{ account: 'alice', asset: 'WETH', amount: '0.00001' },
		{ account: 'bob', asset: 'WETH', amount: '0' },
		{ account: 'alice', asset: 'DAI', amount: '0.5' },
		{ account: 'bob', asset: 'DAI', amount: '0.25' }
	]);
	expect(rows[0].share).toBeLessThan(0.01);
	expect(rows.slice(1).map((r) => r.share)).toEqual([0, 1, 0.5]);
});

test('balanceShares compares within an asset', () => {
	const rows = balanceShares([
		{ account: 'alice', asset: 'ETH', amount: '100' },
		{ account: 'bob', asset: 'ETH', amount: '25' },
		{ account: 'alice', asset: 'USDC', amount: '5' },
		{ account: 'carol', asset: 'USDC', amount: 'oops' }
	]);
	expect(rows.map((r) => r.share)).toEqual([1, 0.25, 1, 0]);
});

describe('groupByStep', () => {
	const at = (id: string, step: number, usd: number) => liq(id, step, { debtRepaidUsd: usd });

	test('one group per step, in step order, with count, total and the largest', () => {
		const groups = groupByStep([at('a', 5, 100), at('b', 2, 50), at('c', 5, 300), at('d', 5, 200)]);
		expect(groups.map((g) => g.step)).toEqual([2, 5]);
		expect(groups[1].count).toBe(3);
		expect(groups[1].debtRepaidUsd).toBe(600);
		expect(groups[1].largest.id).toBe('c');
		expect([...groups[1].ids].sort()).toEqual(['a', 'c', 'd']);
		expect(groups[0].largest.id).toBe('b');
	});

	test('no liquidations, no groups', () => {
		expect(groupByStep([])).toEqual([]);
	});
});
