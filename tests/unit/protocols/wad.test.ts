import { describe, expect, test } from 'vitest';
import { formatUnits, parseUnits } from '#lib/protocols/wad.ts';

describe('parseUnits / formatUnits', () => {
	test('prices and amounts parse exactly', () => {
		expect(parseUnits('112.35', 8)).toBe(11_235_000_000n);
		expect(parseUnits(112.35, 8)).toBe(11_235_000_000n); // no float noise from 112.35 * 1e8
		expect(parseUnits(0.1, 18)).toBe(100_000_000_000_000_000n);
		expect(parseUnits('1.5', 6)).toBe(1_500_000n);
		expect(parseUnits('-2', 2)).toBe(-200n);
		expect(parseUnits(1e-7, 8)).toBe(10n);
	});

	test('extra decimals round half up; junk is refused', () => {
		expect(parseUnits('0.125', 2)).toBe(13n);
		expect(parseUnits('0.124', 2)).toBe(12n);
		expect(() => parseUnits('1,5', 2)).toThrow(RangeError);
		expect(() => parseUnits('', 2)).toThrow(RangeError);
		expect(() => parseUnits(Number.NaN, 2)).toThrow(RangeError);
	});

	test('formatUnits drops trailing zeros', () => {
		expect(formatUnits(11_235_000_000n, 8)).toBe('112.35');
		expect(formatUnits(5n, 6)).toBe('0.000005');
		expect(formatUnits(-1_500_000n, 6)).toBe('-1.5');
		expect(formatUnits(7n, 0)).toBe('7');
	});
});
