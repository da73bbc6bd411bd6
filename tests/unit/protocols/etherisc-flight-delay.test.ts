import { describe, expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import {
	FLIGHT_DELAY_VERSIONS,
	WEIGHT_PATTERN,
	calculatePayouts,
	calculateWeight,
	flightStatusOutcome,
	payoutOption,
	type FlightDelayVersion
} from '#lib/protocols/etherisc-flight-delay.ts';
import { expectRevert as reverts } from './revert-helpers.ts';

// Every expected figure is worked out by hand in the comment next to it, from the contracts'
// formula: weight = sum_i floor(w_i * s_i * 10000 / s_0), w = [0, 0, 0, 30, 50, 50].

const E18 = 10n ** 18n;
const USD = 10n ** 6n; // FlightUSD, 6 decimals
const VERSIONS: FlightDelayVersion[] = ['0.1.6', '0.1.3', 'gif-v3'];

describe('calculatePayouts: the statistics of gif-next test/examples/flight/FlightPricing.t.sol', () => {
	// FlightPricing.t.sol 33-40: [20 flights, 2 late 15', 5 late 30', 3 late 45', 1 cancelled, 0 diverted]
	const statistics = [20n, 2n, 5n, 3n, 1n, 0n];
	// terms: 30*3*10000/20 = 45000, 50*1*10000/20 = 25000 -> 70000; with the 30% margin 91000

	test('GIF v3: 15 USD premium', () => {
		expect(calculatePayouts(15n * USD, statistics, 'gif-v3')).toEqual({
			weight: 91_000n,
			// 15e6*30*10000/91000 = 49450549.45 -> 49450549; 15e6*50*10000/91000 = 82417582.4 -> 82417582
			payouts: [0n, 0n, 49_450_549n, 82_417_582n, 82_417_582n]
		});
	});

	test('0.1.6: the same statistics with the 15-token premium', () => {
		expect(calculatePayouts(15n * E18, statistics, '0.1.6')).toEqual({
			weight: 91_000n,
			// 15e18*30*10000/91000 and 15e18*50*10000/91000, truncated
			payouts: [
				0n,
				0n,
				49_450_549_450_549_450_549n,
				82_417_582_417_582_417_582n,
				82_417_582_417_582_417_582n
			]
		});
	});

	test('0.1.3: no margin, so the weight stays 70000 and every payout is 1.3 times larger', () => {
		expect(calculatePayouts(15n * E18, statistics, '0.1.3')).toEqual({
			weight: 70_000n,
			// 15e18*30*10000/70000 = 64.285714...e18; 15e18*50*10000/70000 = 107.142857...e18
			payouts: [
				0n,
				0n,
				64_285_714_285_714_285_714n,
				107_142_857_142_857_142_857n,
				107_142_857_142_857_142_857n
			]
		});
	});
});

describe('calculatePayouts: truncation, fallback and caps', () => {
	test('each term is truncated on its own, not the sum', () => {
		// [11, 0, 0, 1, 1, 1]: 300000/11 = 27272, 500000/11 = 45454 twice -> 118180, where
		// floor(1300000 / 11) would be 118181; 0.1.3 has no margin
		expect(calculateWeight([11n, 0n, 0n, 1n, 1n, 1n], '0.1.3')).toBe(118_180n);
		// with the margin: 118180 * 130 / 100 = 153634
		expect(calculateWeight([11n, 0n, 0n, 1n, 1n, 1n], '0.1.6')).toBe(153_634n);
	});

	test('a weight of 0 falls back to 100000 / observations before the margin', () => {
		// [10, 4, 6, 0, 0, 0]: only late15/late30, whose weights are 0 -> 0 -> 100000/10 = 10000 -> 13000
		const { weight, payouts } = calculatePayouts(15n * E18, [10n, 4n, 6n, 0n, 0n, 0n], '0.1.6');
		expect(weight).toBe(13_000n);
		// 15e18*30*10000/13000 = 346.15e18; 15e18*50*10000/13000 = 576.92e18, both under the 750 cap
		expect(payouts).toEqual([
			0n,
			0n,
			346_153_846_153_846_153_846n,
			576_923_076_923_076_923_076n,
			576_923_076_923_076_923_076n
		]);
	});

	test('payouts are capped at each version’s MAX_PAYOUT', () => {
		// 100 flights, no delays: 100000/100 = 1000 -> 1300; 15e18*50*10000/1300 = 5769e18 > 750e18
		expect(calculatePayouts(15n * E18, [100n, 0n, 0n, 0n, 0n, 0n], '0.1.6').payouts).toEqual([
			0n,
			0n,
			750n * E18,
			750n * E18,
			750n * E18
		]);
		// GIF v3: 15e6*30*10000/1300 = 3461e6 > 200 USD
		expect(calculatePayouts(15n * USD, [100n, 0n, 0n, 0n, 0n, 0n], 'gif-v3').payouts).toEqual([
			0n,
			0n,
			200n * USD,
			200n * USD,
			200n * USD
		]);
	});

	test('at the cap exactly and one unit of weight past it (0.1.3, no margin)', () => {
		// [10, 0...]: 100000/10 = 10000; 15e18*50*10000/10000 = 750e18, exactly MAX_PAYOUT
		expect(calculatePayouts(15n * E18, [10n, 0n, 0n, 0n, 0n, 0n], '0.1.3').payouts).toEqual([
			0n,
			0n,
			450n * E18,
			750n * E18,
			750n * E18
		]);
		// [11, 0...]: 100000/11 = 9090; 15e18*50*10000/9090 = 825.08e18 -> capped; 15e18*30*10000/9090 = 495.05e18
		expect(calculatePayouts(15n * E18, [11n, 0n, 0n, 0n, 0n, 0n], '0.1.3').payouts).toEqual([
			0n,
			0n,
			495_049_504_950_495_049_504n,
			750n * E18,
			750n * E18
		]);
	});

	test('fewer than 10 observations throws each version’s reason; 10 is enough', () => {
		const low = [9n, 1n, 1n, 1n, 1n, 1n];
		reverts(() => calculatePayouts(15n * E18, low, '0.1.6'), 'ERROR:FDD-011:LOW_OBSERVATIONS');
		reverts(() => calculatePayouts(15n * E18, low, '0.1.3'), 'ERROR:FDD-009:LOW_OBSERVATIONS');
		reverts(
			() => calculatePayouts(15n * USD, low, 'gif-v3'),
			'ErrorFlightProductNotEnoughObservations'
		);
		reverts(
			() => calculatePayouts(15n * E18, [0n, 0n, 0n, 0n, 0n, 0n], '0.1.6'),
			'ERROR:FDD-011:LOW_OBSERVATIONS'
		);
		// 10 observations, all diverted: 50*10*10000/10 = 500000 -> 650000
		expect(calculatePayouts(15n * E18, [10n, 0n, 0n, 0n, 0n, 10n], '0.1.6').weight).toBe(650_000n);
	});

	test('premium limits: 0.1.6 and GIF v3 take exactly 15, 0.1.3 takes 0 to 25', () => {
		reverts(
			() => calculatePayouts(15n * E18 - 1n, [20n, 0n, 0n, 1n, 0n, 0n], '0.1.6'),
			'ERROR:FDD-009:INVALID_PREMIUM'
		);
		reverts(
			() => calculatePayouts(15n * E18 + 1n, [20n, 0n, 0n, 1n, 0n, 0n], '0.1.6'),
			'ERROR:FDD-010:INVALID_PREMIUM'
		);
		reverts(
			() => calculatePayouts(16n * USD, [20n, 0n, 0n, 1n, 0n, 0n], 'gif-v3'),
			'ErrorFlightProductPremiumAmountTooLarge'
		);
		reverts(
			() => calculatePayouts(14n * USD, [20n, 0n, 0n, 1n, 0n, 0n], 'gif-v3'),
			'ErrorFlightProductPremiumAmountTooSmall'
		);
		reverts(
			() => calculatePayouts(25n * E18 + 1n, [20n, 0n, 0n, 1n, 0n, 0n], '0.1.3'),
			'ERROR:FDD-008:INVALID_PREMIUM'
		);
		// the premium is checked before the observations, as in the contracts
		reverts(
			() => calculatePayouts(0n, [1n, 0n, 0n, 0n, 0n, 0n], '0.1.6'),
			'ERROR:FDD-009:INVALID_PREMIUM'
		);
		// 0.1.3 accepts a premium of 0: every payout is 0
		expect(calculatePayouts(0n, [20n, 0n, 0n, 1n, 0n, 0n], '0.1.3').payouts).toEqual([
			0n,
			0n,
			0n,
			0n,
			0n
		]);
	});

	test('more than 100000 observations with no delays leave a weight of 0: division by zero', () => {
		// 100000 / 100001 = 0, and 0 * 130 / 100 = 0
		reverts(
			() => calculatePayouts(15n * E18, [100_001n, 0n, 0n, 0n, 0n, 0n], '0.1.6'),
			'Panic(0x12)'
		);
		expect(calculatePayouts(15n * E18, [100_000n, 0n, 0n, 0n, 0n, 0n], '0.1.6').weight).toBe(1n);
	});

	test('bad input gets a clear error', () => {
		expect(() => calculatePayouts(15n * E18, [20n, 1n, 1n], '0.1.6')).toThrow(/six counts/);
		expect(() => calculatePayouts(15n * E18, [20n, 1n, 1n, 1n, 1n, -1n], '0.1.6')).toThrow(
			/diverted/
		);
		expect(() =>
			calculatePayouts(15 as unknown as bigint, [20n, 0n, 0n, 0n, 0n, 0n], '0.1.6')
		).toThrow(TypeError);
		expect(() =>
			calculatePayouts(15n * E18, [20n, 0n, 0n, 0n, 0n, 0n], '0.2' as FlightDelayVersion)
		).toThrow(/version/);
	});
});

describe('calculatePayouts: properties over seeded random statistics', () => {
	const rng = createPrng(2026);
	const cases = Array.from({ length: 300 }, () => {
		const observations = BigInt(10 + rng.int(500));
		const counts = Array.from({ length: 5 }, () => BigInt(rng.int(Number(observations) + 1)));
		return [observations, ...counts];
	});

	test('the weight is the sum of truncated terms (never more than the truncated sum), margin applied', () => {
		for (const s of cases) {
			const terms = [1, 2, 3, 4, 5].map((i) => (WEIGHT_PATTERN[i] * s[i] * 10_000n) / s[0]);
			const sumOfTerms = terms.reduce((a, b) => a + b, 0n);
			const truncatedSum =
				(WEIGHT_PATTERN.reduce((a, w, i) => (i === 0 ? a : a + w * s[i]), 0n) * 10_000n) / s[0];
			expect(sumOfTerms <= truncatedSum).toBe(true);
			const base = sumOfTerms === 0n ? 100_000n / s[0] : sumOfTerms;
			expect(calculateWeight(s, '0.1.3')).toBe(base);
			expect(calculateWeight(s, 'gif-v3')).toBe((base * 130n) / 100n);
		}
	});

	test('payouts never exceed the cap, the short delays pay 0, and cancelled equals diverted', () => {
		for (const version of VERSIONS) {
			const p = FLIGHT_DELAY_VERSIONS[version];
			for (const s of cases) {
				const { payouts } = calculatePayouts(p.maxPremium, s, version);
				expect(payouts[0]).toBe(0n);
				expect(payouts[1]).toBe(0n);
				expect(payouts[3]).toBe(payouts[4]);
				for (const x of payouts) expect(x <= p.maxPayout).toBe(true);
			}
		}
	});
});

describe('payoutOption: settlement of a flight-status report', () => {
	test('the figures of gif-next test/examples/flight/FlightPricing.t.sol 103-113 (255 = null)', () => {
		expect(payoutOption('X', 42)).toBeNull();
		expect(payoutOption('A', 0)).toBeNull();
		expect(payoutOption('L', -5)).toBeNull();
		expect(payoutOption('L', 10)).toBeNull();
		expect(payoutOption('L', 15)).toBe(0);
		expect(payoutOption('L', 30)).toBe(1);
		expect(payoutOption('L', 44)).toBe(1);
		expect(payoutOption('L', 45)).toBe(2);
		expect(payoutOption('L', 201)).toBe(2);
		expect(payoutOption('C', 0)).toBe(3);
		expect(payoutOption('D', 0)).toBe(4);
	});

	test('boundaries at 14/15, 29/30 and 44/45 minutes', () => {
		expect([14, 15, 29, 30, 44, 45].map((m) => payoutOption('L', m))).toEqual([
			null,
			0,
			0,
			1,
			1,
			2
		]);
	});

	test('cancelled and diverted ignore the delay; other statuses and lowercase are unprocessable', () => {
		expect(payoutOption('C', 300)).toBe(3);
		expect(payoutOption('D', -20)).toBe(4);
		expect(payoutOption('l', 60)).toBeNull();
		expect(payoutOption('', 60)).toBeNull();
		expect(flightStatusOutcome('A', 90)).toEqual({ kind: 'recheck' });
		expect(flightStatusOutcome('S', 0)).toEqual({ kind: 'unprocessable' });
		expect(flightStatusOutcome('L', 14)).toEqual({ kind: 'expire' });
		expect(flightStatusOutcome('L', 45)).toEqual({ kind: 'payout', option: 2 });
	});

	test('a landed flight needs a whole number of minutes', () => {
		expect(() => payoutOption('L', 29.5)).toThrow(RangeError);
		expect(() => payoutOption('L', Number.NaN)).toThrow(RangeError);
		expect(() => payoutOption(76 as unknown as string, 0)).toThrow(TypeError);
	});
});
