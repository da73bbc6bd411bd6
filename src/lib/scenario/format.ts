/**
 * Formatting host values for the page: bigint amounts as decimal strings, known addresses as
 * account or contract names. Nothing returned here holds a bigint (protocol.ts rule).
 */

export { WAD, formatUnits, parseUnits } from '../model/units.ts';

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
