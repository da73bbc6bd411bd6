/** Number formatting for the payout-table view (whole token or USD units). */

/**
 * A payout in whole units with thousands separators and at most `digits` fraction digits,
 * truncated so a shown payout is never more than the real one: `formatPayout(82.41758, 2)` ->
 * `'82.41'`, `formatPayout(750, 2)` -> `'750'`.
 */
export function formatPayout(value: number, digits = 4): string {
	const scale = 10 ** digits;
	const cut = Math.trunc(value * scale + 1e-9) / scale;
	return cut.toLocaleString('en-US', { maximumFractionDigits: digits });
}
