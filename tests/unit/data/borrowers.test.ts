import { describe, expect, test } from 'vitest';
import { generateBorrowers } from '#lib/data/borrowers.ts';
import { healthFactor } from '#lib/protocols/aave-v3.ts';

const WAD = 10n ** 18n;
// HF bounds as WADs: 1.05 and 3.0 (+ 0.0001 for the rounding of tiny debts)
const MIN_HF = 1_050_000_000_000_000_000n;
const MAX_HF = 3_000_100_000_000_000_000n;

/** Share of borrowers liquidatable (HF < 1) with WETH repriced to `usd` (8 decimals). */
function shareLiquidatable(borrowers: ReturnType<typeof generateBorrowers>, usd: bigint): number {
	const under = borrowers.filter((b) => {
		const [weth, debt] = b.position;
		return healthFactor([{ ...weth, price: usd }, debt]) < WAD;
	});
	return under.length / borrowers.length;
}

describe('synthetic borrowers', () => {
	const book = generateBorrowers(500, 7);

	test('deterministic per seed', () => {
		expect(generateBorrowers(500, 7)).toEqual(book);
		expect(generateBorrowers(500, 8)).not.toEqual(book);
		expect(book[0].id).toBe('borrower-001');
		expect(new Set(book.map((b) => b.id)).size).toBe(500);
	});

	test('WETH collateral (wei) and USDC debt (6 decimals), as bigint', () => {
		for (const b of book) {
			const [weth, usdc] = b.position;
			expect(weth).toMatchObject({ symbol: 'WETH', decimals: 18, debt: 0n });
			expect(usdc).toMatchObject({ symbol: 'USDC', decimals: 6, collateral: 0n });
			expect(typeof weth.collateral).toBe('bigint');
			expect(usdc.debt).toBeGreaterThan(0n);
			// default start price: the 1 March 2020 open, $219.75
			expect(weth.price).toBe(21_975_000_000n);
		}
	});

	test('starting health factors spread over 1.05-3.0, crowded at the low end', () => {
		const hfs = book.map((b) => b.healthFactor);
		hfs.forEach((hf, i) => expect(hf).toBe(healthFactor(book[i].position)));
		expect(hfs.every((hf) => hf >= MIN_HF && hf <= MAX_HF)).toBe(true);
		// u^1.5 skew: P(hf < 2.025) = 0.5^(2/3) = 0.63; uniform would give 0.5
		const lowerHalf = hfs.filter((hf) => hf < 2_025_000_000_000_000_000n).length / hfs.length;
		expect(lowerHalf).toBeGreaterThan(0.55);
		expect(lowerHalf).toBeLessThan(0.72);
		expect(hfs.some((hf) => hf < 1_150_000_000_000_000_000n)).toBe(true);
		expect(hfs.some((hf) => hf > 2_800_000_000_000_000_000n)).toBe(true);
	});

	test('March 2020 prices liquidate a large minority to a majority, never everyone', () => {
		// none at the start; 1 March low $214.13 is only 2.6% down
		expect(shareLiquidatable(book, 21_413_000_000n)).toBe(0);
		const at12Close = shareLiquidatable(book, 11_235_000_000n); // $112.35
		const at13Low = shareLiquidatable(book, 9_518_000_000n); // $95.18
		// expected from the draw: P(hf < 219.75/112.35) = 0.60, P(hf < 219.75/95.18) = 0.75
		expect(at12Close).toBeGreaterThan(0.5);
		expect(at12Close).toBeLessThan(0.7);
		expect(at13Low).toBeGreaterThan(0.65);
		expect(at13Low).toBeLessThan(0.85);
	});

	test('options are checked', () => {
		expect(() => generateBorrowers(3, 1, { minHealthFactor: 0.9 })).toThrow(RangeError);
		expect(() => generateBorrowers(-1, 1)).toThrow(RangeError);
		const custom = generateBorrowers(50, 3, { ethPrice: 194.87, maxHealthFactor: 1.5 });
		expect(custom.every((b) => b.position[0].price === 19_487_000_000n)).toBe(true);
		expect(custom.every((b) => b.healthFactor < 1_500_100_000_000_000_000n)).toBe(true);
	});
});
