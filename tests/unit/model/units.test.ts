import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	WAD,
	formatHealthFactor,
	formatTokenAmount,
	formatTokens,
	formatUnits,
	formatUsd8,
	grouped,
	healthFactorNumber,
	parseUnits,
	usd8ToNumber
} from '#lib/model/units.ts';
import { formatUnits as simFormatUnits } from '#lib/sim/index.ts';
import { formatUnits as scenarioFormatUnits } from '#lib/scenario/format.ts';
import { formatUnits as wadFormatUnits, MAX_UINT256 } from '#lib/protocols/wad.ts';
import { formatHealthFactor as aaveFormatHealthFactor } from '#lib/protocols/aave-v3.ts';
import { formatTokenAmount as vizFormatTokenAmount } from '#lib/viz/format.ts';
import { DEFAULT_SEED } from '#lib/model/run.ts';
import { DEFAULT_SEED as lessonSeed } from '#lib/lesson/lesson-state.svelte.ts';
import { DEFAULT_SEED as playgroundSeed } from '#lib/playground/state.svelte.ts';

describe('model/units.ts', () => {
	test('formatUnits: WAD, USD with 8 decimals, signs; bad decimals throw', () => {
		expect(formatUnits((WAD * 3n) / 2n)).toBe('1.5');
		expect(formatUnits(11_235_000_000n, 8)).toBe('112.35');
		expect(formatUnits(-5n, 2)).toBe('-0.05');
		expect(formatUnits(0n)).toBe('0');
		expect(() => formatUnits(1n, -1)).toThrow(RangeError);
		expect(() => formatUnits(1n, 1.5)).toThrow(/whole number/);
	});

	test('parseUnits rejects extra decimals by default, rounds half up on request', () => {
		expect(parseUnits('1_000')).toBe(1000n * WAD);
		expect(parseUnits(112.35, 8)).toBe(11_235_000_000n);
		expect(parseUnits('.5', 1)).toBe(5n);
		expect(() => parseUnits('0.125', 2)).toThrow('"0.125" has more than 2 decimals');
		expect(parseUnits('0.125', 2, 'round')).toBe(13n);
		expect(parseUnits('0.124', 2, 'round')).toBe(12n);
		expect(() => parseUnits('-', 2)).toThrow(RangeError);
		expect(() => parseUnits(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
	});

	test('formatUsd8 rounds down to the cent, groups, trims on request', () => {
		expect(formatUsd8(123_456_789_000_000n)).toBe('1,234,567.89 USD');
		expect(formatUsd8(99_999_999n)).toBe('0.99 USD');
		expect(formatUsd8(-150_000_000n)).toBe('-1.50 USD');
		expect(formatUsd8(-1n)).toBe('0.00 USD');
		expect(formatUsd8(140_000_000_000n, { digits: 8, trim: true })).toBe('1,400 USD');
		expect(formatUsd8(100_000_001n, { digits: 8, trim: true })).toBe('1.00000001 USD');
		expect(() => formatUsd8(1n, { digits: 9 })).toThrow(RangeError);
		expect(usd8ToNumber(11_235_000_000n)).toBe(112.35);
	});

	test('token amounts are truncated, never shown as more than they are', () => {
		expect(formatTokenAmount('1234.567891')).toBe('1,234.5678');
		expect(formatTokenAmount('0.00001')).toBe('< 0.0001');
		expect(formatTokens(2_239_299_000_000_000_000n, 'WETH')).toBe('2.2392 WETH');
		expect(formatTokens(1_500_000n, 'USDC', 2, 6)).toBe('1.5 USDC');
		expect(grouped(-1234567n)).toBe('-1,234,567');
	});

	test('health factors: WAD rounded down, no debt is ∞ / Infinity', () => {
		expect(formatHealthFactor(999_990_000_000_000_000n)).toBe('0.99');
		expect(formatHealthFactor(1_333_333_333_333_333_333n, 3)).toBe('1.333');
		expect(formatHealthFactor(MAX_UINT256)).toBe('∞');
		expect(() => formatHealthFactor(WAD, 19)).toThrow(RangeError);
		expect(healthFactorNumber(WAD / 2n)).toBe(0.5);
		expect(healthFactorNumber(MAX_UINT256)).toBe(Infinity);
	});

	test('the engine, scenarios, protocols and views use these very functions', () => {
		expect(simFormatUnits).toBe(formatUnits);
		expect(scenarioFormatUnits).toBe(formatUnits);
		expect(wadFormatUnits).toBe(formatUnits);
		expect(aaveFormatHealthFactor).toBe(formatHealthFactor);
		expect(vizFormatTokenAmount).toBe(formatTokenAmount);
		expect(lessonSeed).toBe(DEFAULT_SEED);
		expect(playgroundSeed).toBe(DEFAULT_SEED);
	});
});

/** Every .ts and .svelte file under `dir`. */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('one of each', () => {
	const files = [...sources('src'), ...sources('lessons')].map((path) => ({
		path,
		text: readFileSync(path, 'utf8')
	}));
	const defining = (pattern: RegExp) =>
		files.filter((f) => pattern.test(f.text)).map((f) => f.path);

	test('formatUnits, parseUnits, the health-factor and USD formatters and DEFAULT_SEED are defined once', () => {
		expect(defining(/function formatUnits\b|const formatUnits\s*=/)).toEqual([
			'src/lib/model/units.ts'
		]);
		expect(defining(/function formatHealthFactor\b/)).toEqual(['src/lib/model/units.ts']);
		expect(defining(/function formatTokenAmount\b/)).toEqual(['src/lib/model/units.ts']);
		expect(defining(/Number\([^)]*\)\s*\/ 1e8\b/)).toEqual(['src/lib/model/units.ts']);
		expect(defining(/Number\([^)]*\)\s*\/ 1e18\b/)).toEqual(['src/lib/model/units.ts']);
		expect(defining(/DEFAULT_SEED\s*=/)).toEqual(['src/lib/model/run.ts']);
	});
});
