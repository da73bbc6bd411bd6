/**
 * Formatting host values for the page: bigint amounts as decimal strings, known addresses as
 * account or contract names. Nothing returned here holds a bigint (protocol.ts rule).
 */

/** 1e18, the scale of an 18-decimal token amount and of a WAD. */
export const WAD = 10n ** 18n;

/**
 * An integer amount in smallest units as an exact decimal string in whole units.
 * @param amount e.g. 1_500_000_000_000_000_000n
 * @param decimals token decimals (18 for every built-in token and ETH)
 * @returns e.g. "1.5"; trailing zeros trimmed, sign kept, no thousands separators
 */
export function formatUnits(amount: bigint, decimals = 18): string {
	const negative = amount < 0n;
	const abs = negative ? -amount : amount;
	const scale = 10n ** BigInt(decimals);
	const whole = abs / scale;
	const fraction = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A decimal string in whole units to an integer amount in smallest units.
 * @param text e.g. "1.5" or "1000"
 * @param decimals token decimals
 * @throws Error when the text is not a decimal number or has more fraction digits than `decimals`
 */
export function parseUnits(text: string, decimals = 18): bigint {
	const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
	if (!match) throw new Error(`"${text}" is not a decimal amount`);
	const fraction = match[3] ?? '';
	if (fraction.length > decimals) throw new Error(`"${text}" has more than ${decimals} decimals`);
	const value = BigInt(match[2] + fraction.padEnd(decimals, '0'));
	return match[1] ? -value : value;
}

/** Address -> display name lookups (accounts by name, contracts by contract name). */
export type NameBook = { nameOf(address: string): string | undefined };

/**
 * Any host value as a display string: bigint as decimal, known addresses as their names,
 * arrays and objects as compact JSON with the same rules inside.
 */
export function formatValue(value: unknown, names?: NameBook): string {
	if (typeof value === 'string') return names?.nameOf(value) ?? value;
	if (typeof value === 'bigint') return value.toString();
	if (value === undefined) return 'undefined';
	if (value === null || typeof value !== 'object') return String(value);
	return JSON.stringify(value, (_key, inner: unknown) => {
		if (typeof inner === 'bigint') return inner.toString();
		if (typeof inner === 'string') return names?.nameOf(inner) ?? inner;
		return inner;
	});
}
