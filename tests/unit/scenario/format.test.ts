import { describe, expect, test } from 'vitest';
import { formatUnits, formatValue, parseUnits } from '#lib/scenario/format.ts';
import { bucketHealth, pricePoint } from '#lib/scenario/overview.ts';
import { toSourceError } from '#lib/scenario/errors.ts';

describe('amounts', () => {
	test('formatUnits is exact and trims zeros', () => {
		expect(formatUnits(1_500_000_000_000_000_000n)).toBe('1.5');
		expect(formatUnits(1000n * 10n ** 18n)).toBe('1000');
		expect(formatUnits(1n)).toBe('0.000000000000000001');
		expect(formatUnits(-25n, 1)).toBe('-2.5');
		expect(formatUnits(123456789n, 8)).toBe('1.23456789');
	});

	test('parseUnits inverts formatUnits and rejects bad text', () => {
		for (const text of ['1.5', '1000', '0.000000000000000001', '-2.5']) {
			expect(formatUnits(parseUnits(text))).toBe(text);
		}
		expect(() => parseUnits('1,5')).toThrow('"1,5" is not a decimal amount');
		expect(() => parseUnits('0.123', 2)).toThrow('more than 2 decimals');
	});

	test('formatValue names known addresses, stringifies bigints inside objects', () => {
		const names = { nameOf: (a: string) => (a === '0xab' ? 'alice' : undefined) };
		expect(formatValue(5n)).toBe('5');
		expect(formatValue('0xab', names)).toBe('alice');
		expect(formatValue({ who: '0xab', amounts: [1n, 2n] }, names)).toBe(
			'{"who":"alice","amounts":["1","2"]}'
		);
		expect(formatValue(undefined)).toBe('undefined');
	});
});

describe('overview helpers', () => {
	test('bucketHealth counts per bucket, no-debt borrowers and percentiles', () => {
		const hfs = [0.7, 0.96, 1.02, 1.3, 1.4, 2.5, 10, Infinity];
		const b = bucketHealth(3, 1000, hfs, [0, 1, 1.5, 3]);
		expect(b).toEqual({
			step: 3,
			time: 1000,
			edges: [0, 1, 1.5, 3],
			counts: [2, 3, 1, 1],
			noDebt: 1,
			p10: 0.7,
			median: 1.3,
			p90: 10
		});
		expect(bucketHealth(0, 0, []).counts.every((c) => c === 0)).toBe(true);
	});

	test('pricePoint reads 8-decimal oracle prices', () => {
		expect(pricePoint(1, 60, 171_00000000n)).toEqual({ step: 1, time: 60, price: 171 });
		expect(pricePoint(2, 120, 95.18)).toEqual({ step: 2, time: 120, price: 95.18 });
	});
});

describe('toSourceError', () => {
	test('keeps kind, message and line; unknown kinds become runtime', () => {
		expect(toSourceError({ kind: 'revert', message: 'no', line: 4 }, 'contracts/A.ts')).toEqual({
			kind: 'revert',
			message: 'no',
			line: 4,
			file: 'contracts/A.ts'
		});
		expect(toSourceError(new Error('plain'))).toEqual({ kind: 'runtime', message: 'plain' });
		expect(toSourceError({ kind: 'weird', message: 'x', line: 0 })).toEqual({
			kind: 'runtime',
			message: 'x'
		});
	});
});
