import { describe, expect, test } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatReceiptValue,
	formatWei,
	MAX_UINT256,
	formatHf,
	formatHfShort,
	formatInt,
	formatPercent,
	formatPrice,
	formatTokenAmount,
	formatUsd,
	formatUsdExact,
	shortHex
} from '#lib/viz/format.ts';

describe('formatUsd', () => {
	test.each([
		[1_234_567, '$1.2M'],
		[12_345, '$12.3K'],
		[1_000, '$1K'],
		[950, '$950'],
		[999.6, '$1K'],
		[999_950, '$1M'],
		[2.5e9, '$2.5B'],
		[1.234, '$1.23'],
		[9.996, '$10'],
		[0, '$0'],
		[-1500, '-$1.5K'],
		[-0.001, '$0']
	])('%d -> %s', (v, s) => expect(formatUsd(v)).toBe(s));
	test('non-finite', () => {
		expect(formatUsd(Number.NaN)).toBe('-');
		expect(formatUsd(Infinity)).toBe('-');
	});
});

test('formatUsdExact and formatPrice', () => {
	expect(formatUsdExact(1234.5)).toBe('$1,234.50');
	expect(formatPrice(133.594)).toBe('$133.59');
	expect(formatPrice(64_123.4)).toBe('$64,123');
	expect(formatPrice(250, false)).toBe('$250');
	expect(formatPrice(252.5, false)).toBe('$252.50');
});

describe('formatHf', () => {
	test.each([
		[1.3333, '1.33'],
		[0.955, '0.95'],
		[1, '1.00'],
		[12.34, '12.3'],
		[1234, '1,234'],
		[Infinity, '∞']
	])('%d -> %s', (v, s) => expect(formatHf(v)).toBe(s));
	test('NaN', () => expect(formatHf(Number.NaN)).toBe('-'));
});

test('formatHfShort', () => {
	expect(['1', '0.8', '1.05', '10', '∞']).toEqual([1, 0.8, 1.05, 10, Infinity].map(formatHfShort));
	expect(formatHfShort(0)).toBe('0');
});

test('formatInt and formatPercent', () => {
	expect(formatInt(21000)).toBe('21,000');
	expect(formatInt(20999.6)).toBe('21,000');
	expect(formatPercent(0.0512)).toBe('5.1%');
	expect(formatPercent(1)).toBe('100%');
});

describe('formatTokenAmount', () => {
	test('groups and truncates', () => {
		expect(formatTokenAmount('1234.567891')).toBe('1,234.5678');
		expect(formatTokenAmount('1234.56789', 2)).toBe('1,234.56');
		expect(formatTokenAmount('0.99999')).toBe('0.9999');
	});
	test('drops zeros', () => {
		expect(formatTokenAmount('1000000.000')).toBe('1,000,000');
		expect(formatTokenAmount('007.50')).toBe('7.5');
		expect(formatTokenAmount('-12.5')).toBe('-12.5');
	});
	test('leaves non-decimals alone', () => expect(formatTokenAmount('1e18')).toBe('1e18'));
	test('a nonzero dust amount is never shown as 0', () => {
		expect(formatTokenAmount('0.00001')).toBe('< 0.0001');
		expect(formatTokenAmount('0.000000000000000001')).toBe('< 0.0001');
		expect(formatTokenAmount('-0.00001')).toBe('> -0.0001');
		expect(formatTokenAmount('0.00001', 6)).toBe('0.00001');
		expect(formatTokenAmount('0.0001')).toBe('0.0001');
		expect(formatTokenAmount('0')).toBe('0');
		expect(formatTokenAmount('-0.0')).toBe('0');
	});
});

describe('formatReceiptValue', () => {
	test('token amounts in units, the raw integer as the title', () => {
		expect(formatReceiptValue('6000000000000000000000', { units: '6000', symbol: 'DAI' })).toEqual({
			text: '6,000 DAI',
			title: '6000000000000000000000'
		});
		expect(formatReceiptValue('10000000000000', { units: '0.00001', symbol: 'WETH' })).toEqual({
			text: '< 0.0001 WETH',
			title: '10000000000000'
		});
	});
	test('MAX_UINT256 by name, with what it means in an approval', () => {
		expect(MAX_UINT256).toBe((2n ** 256n - 1n).toString());
		expect(
			formatReceiptValue(MAX_UINT256, {
				units: '1',
				symbol: 'DAI',
				note: 'unlimited approval'
			}).text
		).toBe('MAX_UINT256 (unlimited approval)');
		expect(formatReceiptValue(MAX_UINT256)).toEqual({ text: 'MAX_UINT256', title: MAX_UINT256 });
	});
	test('an 18-decimal amount of an unknown token, in units of 10^18', () => {
		expect(formatReceiptValue('1000000000000000000000')).toEqual({
			text: '1,000 × 10¹⁸',
			title: '1000000000000000000000'
		});
		expect(formatReceiptValue('1500000000000000').text).toBe('0.0015 × 10¹⁸');
	});
	test('other values stay as they are (a group element is not an amount)', () => {
		expect(formatReceiptValue('123456789012345678901')).toEqual({ text: '123456789012345678901' });
		expect(formatReceiptValue('8050')).toEqual({ text: '8050' });
		expect(formatReceiptValue('alice')).toEqual({ text: 'alice' });
		const addr = '0x1234567890abcdef1234567890abcdef12345678';
		expect(formatReceiptValue(addr)).toEqual({ text: '0x123456…5678', title: addr });
	});
});

test('formatWei', () => {
	expect(formatWei('1500000000000000000')).toBe('1.5 ETH');
	expect(formatWei('1')).toBe('< 0.0001 ETH');
	expect(formatWei('0')).toBe('0 ETH');
	expect(formatWei('abc')).toBe('abc');
});

test('dates are UTC', () => {
	expect(formatDate(1583971200)).toBe('2020-03-12');
	expect(formatDateTime(1583971200 + 14 * 3600)).toBe('2020-03-12 14:00 UTC');
});

test('shortHex', () => {
	const addr = '0x1234567890abcdef1234567890abcdef12345678';
	expect(shortHex(addr)).toBe('0x123456…5678');
	expect(shortHex('alice')).toBe('alice');
	expect(shortHex('0x1234')).toBe('0x1234');
	expect(shortHex(addr, 4, 2)).toBe('0x1234…78');
});
