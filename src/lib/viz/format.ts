/**
 * Number and text formatting shared by the views. Pure functions, no DOM, same output in Node and
 * in the browser (fixed `en-US` locale and UTC dates so screenshots and tests agree).
 */
import { formatTokenAmount } from '../model/units.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const exactUsd = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	minimumFractionDigits: 2,
	maximumFractionDigits: 2
});

const units: [number, string][] = [
	[1e3, 'K'],
	[1e6, 'M'],
	[1e9, 'B'],
	[1e12, 'T']
];

/**
 * A USD amount, short: `1_234_567` -> `"$1.2M"`, `12_345` -> `"$12.3K"`, `950` -> `"$950"`,
 * `1.234` -> `"$1.23"`, `-1500` -> `"-$1.5K"`. One decimal for K/M/B/T (a trailing `.0` is
 * dropped), whole dollars from $10 to $999, cents below $10. Non-finite input gives `"-"`.
 */
export function formatUsd(usd: number): string {
	if (!Number.isFinite(usd)) return '-';
	const body = shortUsd(Math.abs(usd));
	return usd < 0 && body !== '$0' ? `-${body}` : body;
}

function shortUsd(v: number): string {
	if (Math.round(v) >= 1000) {
		// pick the unit after rounding, so 999_950 reads "$1M", not "$1000K"
		for (const [size, suffix] of units) {
			const rounded = Math.round((v / size) * 10) / 10;
			if (rounded < 1000 || suffix === 'T') return `$${trimZero(rounded.toFixed(1))}${suffix}`;
		}
	}
	if (Math.round(v) >= 10) return `$${Math.round(v)}`;
	return `$${trimZero(v.toFixed(2), true)}`;
}

function trimZero(s: string, cents = false): string {
	if (cents) return s === '0.00' ? '0' : s;
	return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** A USD amount with cents and thousands separators, for tables: `1234.5` -> `"$1,234.50"`. */
export function formatUsdExact(usd: number): string {
	if (!Number.isFinite(usd)) return '-';
	return exactUsd.format(usd);
}

/**
 * A price in USD with cents: `133.594` -> `"$133.59"`; above $10,000 whole dollars. With
 * `cents` false (axis ticks) whole numbers drop their cents: `250` -> `"$250"`.
 */
export function formatPrice(usd: number, cents = true): string {
	if (!Number.isFinite(usd)) return '-';
	if (Math.abs(usd) >= 10_000 || (!cents && Number.isInteger(usd)))
		return `$${grouped.format(usd)}`;
	return exactUsd.format(usd);
}

/**
 * A health factor (a plain ratio, 1 = the liquidation line): `1.3333` -> `"1.33"`,
 * `12.34` -> `"12.3"`, `1234` -> `"1,234"`, `Infinity` (no debt) -> `"∞"`.
 */
export function formatHf(hf: number): string {
	if (Number.isNaN(hf)) return '-';
	if (!Number.isFinite(hf)) return '∞';
	const v = Math.abs(hf);
	if (v < 10) return hf.toFixed(2);
	if (v < 100) return hf.toFixed(1);
	return grouped.format(hf);
}

/** A health factor for axis ticks, trailing zeros dropped: `1` -> `"1"`, `0.80` -> `"0.8"`. */
export function formatHfShort(hf: number): string {
	const s = formatHf(hf);
	return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** An integer with thousands separators: `21000` -> `"21,000"`. */
export function formatInt(n: number): string {
	if (!Number.isFinite(n)) return '-';
	return grouped.format(Math.round(n));
}

/** A share in [0, 1] as a percent: `0.0512` -> `"5.1%"`. */
export function formatPercent(share: number): string {
	if (!Number.isFinite(share)) return '-';
	return `${trimZero((share * 100).toFixed(1))}%`;
}

/** A token amount as decimal text in whole units, grouped and truncated (model/units.ts). */
export { formatTokenAmount };

/** 2^256 - 1 as a decimal string: the "no limit" value of approvals and of Aave's debtToCover. */
export const MAX_UINT256 =
	'115792089237316195423570985008687907853269984665640564039457584007913129639935';

/** A token amount of a receipt (protocol.ts `AmountView`): whole units, symbol, special note. */
export type ShownAmount = { units: string; symbol: string; note?: string };

/**
 * A value from a receipt (call args, event args, return values: decimal integers in smallest
 * units, names, 0x-hex) as a person reads it, with the raw text for a hover title when the two
 * differ. With `amount`: `"6,000 DAI"`, `"< 0.0001 WETH"`; MAX_UINT256 is `"MAX_UINT256"`, plus
 * the amount's note (`"MAX_UINT256 (unlimited approval)"`). Without: MAX_UINT256 as above, an
 * integer of at least 10^15 that is a whole multiple of 10^14 (an 18-decimal amount of a token the
 * run does not know) as units of 10^18 (`"1,000 × 10¹⁸"`), a long hex shortened, anything else
 * unchanged.
 */
export function formatReceiptValue(
	raw: string,
	amount?: ShownAmount | null
): { text: string; title?: string } {
	const withTitle = (text: string) => (text === raw ? { text } : { text, title: raw });
	if (raw === MAX_UINT256) {
		return { text: amount?.note ? `MAX_UINT256 (${amount.note})` : 'MAX_UINT256', title: raw };
	}
	if (amount) return withTitle(`${formatTokenAmount(amount.units)} ${amount.symbol}`);
	if (/^\d{16,}$/.test(raw) && raw.endsWith('0'.repeat(14))) {
		const digits = raw.padStart(19, '0');
		return withTitle(`${formatTokenAmount(`${digits.slice(0, -18)}.${digits.slice(-18)}`)} × 10¹⁸`);
	}
	return withTitle(shortHex(raw));
}

/** Native coin value of a transaction (wei, decimal string) in ETH: `"1500000000000000000"` -> `"1.5 ETH"`. */
export function formatWei(wei: string, symbol = 'ETH'): string {
	const m = /^(-?)(\d+)$/.exec(wei.trim());
	if (!m) return wei;
	const digits = m[2].padStart(19, '0');
	return `${formatTokenAmount(`${m[1]}${digits.slice(0, -18)}.${digits.slice(-18)}`)} ${symbol}`;
}

/**
 * A step as every label shows it: steps are 0-based in data (frames, buckets, liquidations) and
 * 1-based on screen, as in the timeline's "Step 286 of 755": `285` -> `"286"`.
 */
export function formatStep(step: number): string {
	return String(step + 1);
}

/** A UTC date from unix seconds: `1583971200` -> `"2020-03-12"`. */
export function formatDate(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** A UTC date and time from unix seconds: `"2020-03-12 14:00 UTC"`. */
export function formatDateTime(seconds: number): string {
	const iso = new Date(seconds * 1000).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A 0x-hex string shortened for display: `"0x12345678…9abc"`. Names (`alice`) and short strings
 * are returned unchanged.
 */
export function shortHex(value: string, head = 6, tail = 4): string {
	if (!/^0x[0-9a-fA-F]+$/.test(value) || value.length <= 2 + head + tail + 1) return value;
	return `${value.slice(0, 2 + head)}…${value.slice(-tail)}`;
}
