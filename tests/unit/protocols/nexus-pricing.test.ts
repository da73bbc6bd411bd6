import { describe, expect, test } from 'vitest';
import {
	NXM_PER_ALLOCATION_UNIT,
	PRICING_V2_12_4,
	basePrice,
	calculateFixedPricePremium,
	calculatePremium,
	toAllocationUnits,
	type ProductPrice
} from '#lib/protocols/nexus-pricing.ts';
import { expectRevert as reverts } from './revert-helpers.ts';

// NexusMutual/smart-contracts v2.12.4; figures worked out by hand in the comments.

const NXM = 10n ** 18n;
const DAY = 86_400n;
const YEAR = 365n * DAY;
const T = 1_586_476_800n; // 2020-04-10, the spreadsheet's start

describe('calculatePremium: the spreadsheet of test/unit/StakingPool/calculatePremium.js', () => {
	// That test runs against SKMockStakingProducts (PRICE_CHANGE_PER_DAY = 50, PRICE_BUMP_RATIO = 500);
	// product: target 200 (2%), bumped 200; pool capacity 50000 NXM; one-year covers.
	const mock = { priceBumpRatio: 500n, priceChangePerDay: 50n };
	const totalCapacity = toAllocationUnits(50_000n * NXM); // 5,000,000 units of 0.01 NXM
	const rows = [
		{
			days: 183n,
			nxm: 2_400n,
			basePrice: 200n,
			bumpedPrice: 224n,
			capacityBefore: 0n,
			premium: 48n
		},
		{
			days: 1n,
			nxm: 12_000n,
			basePrice: 200n,
			bumpedPrice: 320n,
			capacityBefore: 480n,
			premium: 240n
		},
		{
			days: 2n,
			nxm: 12_000n,
			basePrice: 220n,
			bumpedPrice: 340n,
			capacityBefore: 2880n,
			premium: 264n
		},
		{
			days: 5n,
			nxm: 12_000n,
			basePrice: 200n,
			bumpedPrice: 320n,
			capacityBefore: 5280n,
			premium: 240n
		},
		{
			days: 2n,
			nxm: 8_000n,
			basePrice: 220n,
			bumpedPrice: 300n,
			capacityBefore: 7680n,
			premium: 176n
		},
		{
			days: 4n,
			nxm: 2_400n,
			basePrice: 200n,
			bumpedPrice: 224n,
			capacityBefore: 9280n,
			premium: 48n
		}
	];

	test('six purchases over time reproduce every row', () => {
		expect(totalCapacity).toBe(5_000_000n);
		let product: ProductPrice = { targetPrice: 200n, bumpedPrice: 200n, bumpedPriceUpdateTime: T };
		let now = T;
		let used = 0n;
		for (const row of rows) {
			now += row.days * DAY;
			const coverAmount = toAllocationUnits(row.nxm * NXM);
			expect(basePrice(product, now, mock)).toBe(row.basePrice);
			expect((used * 10_000n) / totalCapacity).toBe(row.capacityBefore);
			const result = calculatePremium(
				product,
				{ coverAmount, totalCapacity, period: YEAR, now },
				mock
			);
			expect(result.premium).toBe(row.premium * NXM);
			expect(result.product).toEqual({
				targetPrice: 200n,
				bumpedPrice: row.bumpedPrice,
				bumpedPriceUpdateTime: now
			});
			product = result.product;
			used += coverAmount;
		}
	});
});

describe('basePrice and the bump with the v2.12.4 constants (2%/day decay, 5% bump)', () => {
	const product: ProductPrice = { targetPrice: 200n, bumpedPrice: 320n, bumpedPriceUpdateTime: T };

	test('the drop is 200 basis points a day, truncated, never below the target', () => {
		expect(basePrice(product, T)).toBe(320n);
		expect(basePrice(product, T + 431n)).toBe(320n); // 200 * 431 / 86400 = 0.998 -> 0
		expect(basePrice(product, T + 432n)).toBe(319n); // exactly 1
		expect(basePrice(product, T + DAY / 2n)).toBe(220n);
		expect(basePrice(product, T + (DAY * 6n) / 10n)).toBe(200n); // 320 - 120 = 200, the target
		expect(basePrice(product, T + 30n * DAY)).toBe(200n);
	});

	test('a purchase of the whole capacity bumps the price by 5 percentage points', () => {
		const { product: next, premium } = calculatePremium(
			{ targetPrice: 200n, bumpedPrice: 200n, bumpedPriceUpdateTime: T },
			{ coverAmount: 100_000n, totalCapacity: 100_000n, period: YEAR, now: T }
		);
		expect(next.bumpedPrice).toBe(700n);
		// 100000 units = 1000 NXM at 2% for a year = 20 NXM
		expect(premium).toBe(20n * NXM);
		// a 1% purchase bumps by 500 * 1 / 100 = 5
		expect(
			calculatePremium(next, { coverAmount: 1_000n, totalCapacity: 100_000n, period: YEAR, now: T })
				.product.bumpedPrice
		).toBe(705n);
	});

	test('productMinPrice raises the target', () => {
		const cheap: ProductPrice = { targetPrice: 100n, bumpedPrice: 100n, bumpedPriceUpdateTime: T };
		const { premium } = calculatePremium(cheap, {
			coverAmount: 100n,
			totalCapacity: 1_000_000n,
			period: YEAR,
			now: T,
			productMinPrice: 150n
		});
		expect(premium).toBe((100n * NXM_PER_ALLOCATION_UNIT * 150n) / 10_000n);
	});

	test('the cases of calculatePremium.js: zero period, zero cover, one wei, zero capacity', () => {
		const p: ProductPrice = { targetPrice: 200n, bumpedPrice: 200n, bumpedPriceUpdateTime: 0n };
		expect(
			calculatePremium(p, {
				coverAmount: toAllocationUnits(100n * NXM),
				totalCapacity: 100n * NXM,
				period: 0n,
				now: 0n
			}).premium
		).toBe(0n);
		expect(
			calculatePremium(p, { coverAmount: 0n, totalCapacity: 100n, period: YEAR, now: 0n }).premium
		).toBe(0n);
		// 1 wei rounds up to one allocation unit: 0.01 NXM * 2% = 2e14 NXM wei
		expect(toAllocationUnits(1n)).toBe(1n);
		expect(
			calculatePremium(p, { coverAmount: 1n, totalCapacity: 100n, period: YEAR, now: 0n }).premium
		).toBe(2n * 10n ** 14n);
		reverts(
			() =>
				calculatePremium(p, { coverAmount: 432_100n, totalCapacity: 0n, period: YEAR, now: 0n }),
			'Panic(0x12)'
		);
		reverts(() => basePrice({ ...p, bumpedPriceUpdateTime: 10n }, 9n), 'Panic(0x11)');
	});

	test('fixed price: 4321 NXM for 182.5 days at 5%', () => {
		// 432100 units * 1e16 * 500 / 10000 = 216.05 NXM a year; * 15768000 / 31536000 = 108.025 NXM
		expect(calculateFixedPricePremium(toAllocationUnits(4_321n * NXM), YEAR / 2n, 500n)).toBe(
			108_025n * 10n ** 15n
		);
	});

	test('the default constants are those of v2.12.4', () => {
		expect(PRICING_V2_12_4).toEqual({ priceBumpRatio: 500n, priceChangePerDay: 200n });
	});
});
