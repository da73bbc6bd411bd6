import { describe, expect, test } from 'vitest';
import {
	MCR_PARAMS_V2_12_4,
	desiredMCR,
	getMCR,
	mcrRatio,
	updateMCR,
	type MCRState
} from '#lib/protocols/nexus-capital.ts';
import { expectRevert } from './revert-helpers.ts';

// NexusMutual/smart-contracts v2.12.4 test/unit/MCR/*.js and test/unit/Pool/getMCRRatio.js;
// figures worked out by hand in the comments.

const ETH = 10n ** 18n;
const HOUR = 3_600n;
const DAY = 86_400n;
const T = 1_700_000_000n;

// getMCR.js DEFAULT_MCR_PARAMS: mcr 150000 ETH
const at = (desired: bigint): MCRState => ({
	mcr: 150_000n * ETH,
	desiredMCR: desired,
	lastUpdateTime: T
});

describe('desiredMCR: active cover / gearing factor (MCR.sol 168, 214-216; getGearedMCR.js)', () => {
	test('10000 ETH of cover at gearing 48000 needs 2083.33 ETH', () => {
		expect(desiredMCR(10_000n * ETH)).toBe(2_083_333_333_333_333_333_333n);
		expect(desiredMCR(0n)).toBe(0n);
		expect(desiredMCR(800_000n * ETH)).toBe(166_666_666_666_666_666_666_666n); // updateMCR.js
	});
	test('a gearing factor of 0 divides by zero', () => {
		expectRevert(() => desiredMCR(ETH, 0n), 'Panic(0x12)');
	});
});

describe('getMCR: the stored MCR moves toward the desired one (MCR.sol 191-212; getMCR.js)', () => {
	test('unchanged when equal to the desired MCR, and at the update second', () => {
		expect(getMCR(at(150_000n * ETH), T + 2n * HOUR)).toBe(150_000n * ETH);
		expect(getMCR(at(160_000n * ETH), T)).toBe(150_000n * ETH);
	});

	test('up or down by at most 1% (MAX_MCR_ADJUSTMENT) after 24 hours', () => {
		expect(getMCR(at(160_000n * ETH), T + DAY)).toBe(151_500n * ETH); // 150000 * 10100 / 10000
		expect(getMCR(at(140_000n * ETH), T + DAY)).toBe(148_500n * ETH); // 150000 * 9900 / 10000
	});

	test('500 basis points a day: 41 after 2 hours, 83 after 4 (truncated)', () => {
		// 500 * 7200 / 86400 = 41.67 -> 41; 500 * 14400 / 86400 = 83.3 -> 83
		expect(getMCR(at(160_000n * ETH), T + 2n * HOUR)).toBe(150_615n * ETH);
		expect(getMCR(at(160_000n * ETH), T + 4n * HOUR)).toBe(151_245n * ETH);
		expect(getMCR(at(130_000n * ETH), T + 2n * HOUR)).toBe(149_385n * ETH);
		expect(getMCR(at(130_000n * ETH), T + 4n * HOUR)).toBe(148_755n * ETH);
	});

	test('never past the desired MCR: within 1% it is reached, 2% away it moves 1%', () => {
		expect(getMCR(at(151_200n * ETH), T + DAY)).toBe(151_200n * ETH); // 0.8% higher
		expect(getMCR(at(148_800n * ETH), T + DAY)).toBe(148_800n * ETH); // 0.8% lower
		expect(getMCR(at(151_500n * ETH), T + DAY)).toBe(151_500n * ETH); // 1% higher
		expect(getMCR(at(153_000n * ETH), T + DAY)).toBe(151_500n * ETH); // 2% higher -> 1%
	});

	test('the 1% cap is reached after 4.8 hours', () => {
		// 500 * 17279 / 86400 = 99.99 -> 99; 500 * 17280 / 86400 = 100
		expect(getMCR(at(200_000n * ETH), T + 17_279n)).toBe(151_485n * ETH);
		expect(getMCR(at(200_000n * ETH), T + 17_280n)).toBe(151_500n * ETH);
		expect(getMCR(at(200_000n * ETH), T + 30n * DAY)).toBe(151_500n * ETH);
	});

	test('time before the last update is refused', () => {
		expect(() => getMCR(at(ETH), T - 1n)).toThrow(RangeError);
	});
});

describe('updateMCR (MCR.sol 147-178; updateMCR.js)', () => {
	test('does not update before minUpdateTime unless forced', () => {
		const state = at(150_000n * ETH);
		expect(updateMCR(state, T + HOUR - 1n, 800_000n * ETH)).toBe(state);
		expect(
			updateMCR(state, T + HOUR - 1n, 800_000n * ETH, { forceUpdate: true }).lastUpdateTime
		).toBe(T + HOUR - 1n);
	});

	test('stores the virtual MCR and sets the desired MCR from the active cover', () => {
		// desired was equal to mcr, so the stored 150000 stays; desired becomes 800000 / 4.8
		expect(updateMCR(at(150_000n * ETH), T + HOUR + 1n, 800_000n * ETH)).toEqual({
			mcr: 150_000n * ETH,
			desiredMCR: 166_666_666_666_666_666_666_666n,
			lastUpdateTime: T + HOUR + 1n
		});
		// a day later the MCR has moved 1% toward it and the desired MCR follows the cover down
		const next = updateMCR(
			{ mcr: 150_000n * ETH, desiredMCR: 187_500n * ETH, lastUpdateTime: T },
			T + DAY,
			800_000n * ETH
		);
		expect(next.mcr).toBe(151_500n * ETH);
		expect(next.desiredMCR).toBe(166_666_666_666_666_666_666_666n);
	});

	test('the default parameters are the contract’s initial values', () => {
		expect(MCR_PARAMS_V2_12_4).toEqual({
			maxMCRIncrement: 500n,
			gearingFactor: 48_000n,
			minUpdateTime: 3_600n
		});
	});
});

describe('mcrRatio (Pool.sol 383-388; getMCRRatio.js)', () => {
	test('the figures of getMCRRatio.js', () => {
		// 210959924071154460525457 * 10000 / 162424730681679380000000 = 12988.1 -> 12988 (129.88%)
		expect(mcrRatio(210_959_924_071_154_460_525_457n, 162_424_730_681_679_380_000_000n)).toBe(
			12_988n
		);
	});
	test('exactly at the MCR is 10000, one wei below is 9999', () => {
		expect(mcrRatio(1_000n * ETH, 1_000n * ETH)).toBe(10_000n);
		expect(mcrRatio(1_000n * ETH - 1n, 1_000n * ETH)).toBe(9_999n);
	});
	test('an MCR of 0 divides by zero', () => {
		expectRevert(() => mcrRatio(ETH, 0n), 'Panic(0x12)');
	});
});
