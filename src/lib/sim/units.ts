/**
 * Fixed-point amounts as text: 1 ETH = 10^18 wei, a token with 18 decimals the same.
 */

/**
 * `amount` in whole units with `decimals` decimals, trailing zeros trimmed:
 * formatUnits(1_500_000_000_000_000_000n) === '1.5', formatUnits(-5n, 2) === '-0.05'.
 */
export function formatUnits(amount: bigint, decimals = 18): string {
	if (!Number.isInteger(decimals) || decimals < 0)
		throw new RangeError(`formatUnits: decimals must be a non-negative integer, got ${decimals}`);
	const negative = amount < 0n;
	const digits = (negative ? -amount : amount).toString().padStart(decimals + 1, '0');
	const whole = digits.slice(0, digits.length - decimals);
	const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
	return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

/**
 * Parses a decimal string into the smallest unit: parseUnits('1.5') === 1_500_000_000_000_000_000n.
 * Throws a RangeError for malformed text or more fractional digits than `decimals`.
 */
export function parseUnits(text: string, decimals = 18): bigint {
	const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/_/g, ''));
	if (!match) throw new RangeError(`parseUnits: "${text}" is not a decimal number`);
	const fraction = match[3] ?? '';
	if (fraction.length > decimals)
		throw new RangeError(`parseUnits: "${text}" has more than ${decimals} decimals`);
	const value = BigInt(match[2] + fraction.padEnd(decimals, '0'));
	return match[1] === '-' ? -value : value;
}

/** 1 ether in wei. */
export const ETHER = 10n ** 18n;
/** 1 gwei in wei. */
export const GWEI = 10n ** 9n;
