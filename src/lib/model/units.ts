/**
 * The one home of fixed-point units as text: WAD (1e18) amounts and ratios, USD with 8 decimals
 * (the Aave oracle's base currency, Chainlink's USD feeds), token amounts in smallest units, and
 * WAD health factors. Pure functions on bigint and strings, fixed `en-US` grouping, no Intl (it is
 * slow in the worker), so the engine, scenarios, lessons and views all print the same text.
 */

/** 1e18: the scale of a WAD and of an 18-decimal token amount (1 ETH = 1e18 wei). */
export const WAD = 10n ** 18n;
/** Decimals of a USD amount or price as the Aave v3 oracle gives it (1 USD = 1e8). */
export const USD_DECIMALS = 8;
/** 2^256 - 1: a health factor this large (Aave returns it for no debt) is shown as '∞'. */
const MAX_UINT256 = 2n ** 256n - 1n;

function checkDecimals(decimals: number, max = 77): void {
	if (!Number.isInteger(decimals) || decimals < 0 || decimals > max) {
		throw new RangeError(`decimals must be a whole number from 0 to ${max}, got ${decimals}`);
	}
}

/** A whole number with thousands separators: `1234567` -> `'1,234,567'`, sign kept. */
export function grouped(n: number | bigint | string): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An integer amount in smallest units as exact decimal text in whole units, trailing zeros
 * trimmed, sign kept, no separators: `formatUnits(1_500_000_000_000_000_000n)` -> `'1.5'`,
 * `formatUnits(11_235_000_000n, 8)` -> `'112.35'` (USD, 8 decimals), `formatUnits(-5n, 2)` -> `'-0.05'`.
 * @param decimals token decimals (18 for ETH and every built-in token; 8 for USD)
 * @throws RangeError when `decimals` is not a whole number from 0 to 77
 */
export function formatUnits(amount: bigint, decimals = 18): string {
	checkDecimals(decimals);
	const negative = amount < 0n;
	const digits = (negative ? -amount : amount).toString().padStart(decimals + 1, '0');
	const whole = digits.slice(0, digits.length - decimals);
	const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A finite number as plain decimal text, never in exponent form (`1e-7` -> `'0.0000001'`). */
function numberText(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
	const text = String(value);
	if (!/e/i.test(text)) return text;
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Decimal text (or a number, read through its shortest decimal form, so `112.35` is exact) to an
 * integer of `decimals` decimals: `parseUnits('1.5')` -> 1.5e18 wei, `parseUnits('112.35', 8)` ->
 * `11235000000n`. Underscores are ignored (`'1_000'`).
 * @param extra what to do with more fraction digits than `decimals`: `'reject'` (throw, the
 *   default, for amounts a person typed) or `'round'` (round half up, for reference figures)
 * @throws RangeError for text that is not a plain decimal, a bad `decimals`, or (with `'reject'`)
 *   too many fraction digits
 */
export function parseUnits(
	value: string | number,
	decimals = 18,
	extra: 'reject' | 'round' = 'reject'
): bigint {
	checkDecimals(decimals);
	const text = typeof value === 'number' ? numberText(value) : value.trim().replace(/_/g, '');
	const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		throw new RangeError(`"${value}" is not a decimal amount`);
	}
	const fraction = match[3] ?? '';
	if (fraction.length > decimals && extra === 'reject') {
		throw new RangeError(`"${value}" has more than ${decimals} decimals`);
	}
	let result = BigInt((match[2] || '0') + fraction.slice(0, decimals).padEnd(decimals, '0'));
	if (fraction.length > decimals && fraction[decimals] >= '5') result += 1n;
	return match[1] === '-' ? -result : result;
}

/**
 * A token amount given as decimal text in whole units (`'1234.567891'`, as `formatUnits` gives
 * it), with thousands separators and at most `decimals` fraction digits, truncated (never rounded
 * up, so a shown amount is never more than the real one): `'1234.567891'` -> `'1,234.5678'`. A
 * nonzero amount too small for `decimals` digits is `'< 0.0001'` (`'> -0.0001'` below zero), never
 * `'0'`. Text that is not a plain decimal is returned unchanged.
 */
export function formatTokenAmount(amount: string, decimals = 4): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
	if (!m) return amount;
	const [, sign, int, frac = ''] = m;
	const whole = grouped(int.replace(/^0+(?=\d)/, ''));
	const cut = frac.slice(0, decimals).replace(/0+$/, '');
	if (whole === '0' && !cut && /[1-9]/.test(frac)) {
		const least = decimals > 0 ? `0.${'0'.repeat(decimals - 1)}1` : '1';
		return sign ? `> -${least}` : `< ${least}`;
	}
	return `${whole === '0' && !cut ? '' : sign}${whole}${cut ? `.${cut}` : ''}`;
}

/**
 * A token amount in smallest units with its symbol, as `formatTokenAmount` shows it:
 * `formatTokens(2_239_200_000_000_000_000n, 'WETH')` -> `'2.2392 WETH'`.
 * @param tokenDecimals the token's decimals (18 for every built-in token)
 * @param digits fraction digits shown at most (truncated)
 */
export function formatTokens(
	amount: bigint,
	symbol: string,
	digits = 4,
	tokenDecimals = 18
): string {
	return `${formatTokenAmount(formatUnits(amount, tokenDecimals), digits)} ${symbol}`;
}

/**
 * A USD amount with 8 decimals as text, rounded DOWN (toward zero) to `digits` fraction digits,
 * with thousands separators and ` USD`: `formatUsd8(123_456_789_000_000n)` -> `'1,234,567.89 USD'`.
 * With `trim`, trailing fraction zeros are dropped: `formatUsd8(140_000_000_000n, { trim: true })`
 * -> `'1,400 USD'`.
 * @param options.digits fraction digits, 0 to 8 (default 2, cents)
 * @param options.trim drop trailing zeros (default false)
 * @throws RangeError when `digits` is not a whole number from 0 to 8
 */
export function formatUsd8(
	value: bigint,
	options: { digits?: number; trim?: boolean } = {}
): string {
	const { digits = 2, trim = false } = options;
	checkDecimals(digits, USD_DECIMALS);
	const negative = value < 0n;
	const kept = (negative ? -value : value) / 10n ** BigInt(USD_DECIMALS - digits);
	const text = kept.toString().padStart(digits + 1, '0');
	const whole = grouped(text.slice(0, text.length - digits));
	let fraction = text.slice(text.length - digits);
	if (trim) fraction = fraction.replace(/0+$/, '');
	const sign = negative && kept !== 0n ? '-' : '';
	return `${sign}${whole}${fraction ? `.${fraction}` : ''} USD`;
}

/** A USD amount with 8 decimals as a JavaScript number of dollars, for charts (not exact). */
export function usd8ToNumber(value: bigint): number {
	return Number(value) / 1e8;
}

/**
 * A WAD health factor (1e18 = the liquidation line) as text, rounded DOWN to `decimals` places so
 * a liquidatable 0.9999 never reads "1.00"; `'∞'` for no debt (Aave v3 returns MAX_UINT256):
 * `formatHealthFactor(1_333_333_333_333_333_333n, 3)` -> `'1.333'`.
 * @throws RangeError when `decimals` is not a whole number from 0 to 18
 */
export function formatHealthFactor(hf: bigint, decimals = 2): string {
	if (hf >= MAX_UINT256) return '∞';
	checkDecimals(decimals, 18);
	const scaled = hf / 10n ** BigInt(18 - decimals);
	const text = scaled.toString().padStart(decimals + 1, '0');
	const whole = text.slice(0, text.length - decimals);
	return decimals === 0 ? whole : `${whole}.${text.slice(text.length - decimals)}`;
}

/** A WAD health factor as a plain number for the views; no debt (MAX_UINT256) is Infinity. */
export function healthFactorNumber(hf: bigint): number {
	return hf >= MAX_UINT256 ? Infinity : Number(hf) / 1e18;
}
