/**
 * Read-only access to a contract's storage for host code (bots, frames, checks): no gas, no
 * transaction, no state change. Map and value names are the names given to StorageMap and
 * StorageValue in the contract (or those of the built-in token: 'balances', 'allowances',
 * 'totalSupply').
 */
import { decodeValue, encodeKey } from './codec.ts';
import type { ChainState } from './state.ts';
import type { ContractRecord } from './types.ts';

/** What chain.storage(address) returns. */
export interface StorageReader {
	/** The value at `key` of StorageMap `map`, or undefined. */
	get(map: string, key: string | number | bigint): unknown;
	/** True when StorageMap `map` has `key`. */
	has(map: string, key: string | number | bigint): boolean;
	/** StorageValue `name`: the stored value, or its initial value if never set (undefined if unknown). */
	value(name: string): unknown;
	/** Keys of StorageMap `map`, in a deterministic order. O(size of the chain state): for views, not loops. */
	keys(map: string): (string | number | bigint)[];
	/** Entries of StorageMap `map` (same cost as keys()). */
	entries(map: string): [string | number | bigint, unknown][];
}

const initials = new WeakMap<ContractRecord, Map<string, string>>();

function initialValues(record: ContractRecord | undefined): Map<string, string> {
	if (record === undefined || record.kind !== 'code') return new Map();
	let map = initials.get(record);
	if (map === undefined) {
		map = new Map();
		for (const field of JSON.parse(record.fields) as string[][])
			if (field[0] === 'v') map.set(field[2], field[3]);
		initials.set(record, map);
	}
	return map;
}

/** A reader over `address`'s storage in `state`. */
export function storageReader(state: ChainState, address: string): StorageReader {
	const prefix = 's' + address;
	const slot = (map: string, key: string | number | bigint) =>
		`${prefix}m${map}\u0001${encodeKey(key, `storage(${address}).get('${map}')`)}`;
	const entries = (map: string): [string | number | bigint, unknown][] => {
		const start = `${prefix}m${map}\u0001`;
		const out: [string, string][] = [];
		state.forEach((key, value) => {
			if (key.startsWith(start)) out.push([key.slice(start.length), value as string]);
		});
		out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		return out.map(([k, v]) => [decodeValue(k) as string | number | bigint, decodeValue(v)]);
	};
	return {
		get(map, key) {
			const text = state.get(slot(map, key)) as string | undefined;
			return text === undefined ? undefined : decodeValue(text);
		},
		has(map, key) {
			return state.get(slot(map, key)) !== undefined;
		},
		value(name) {
			const text =
				(state.get(`${prefix}v${name}`) as string | undefined) ??
				initialValues(state.get('c' + address) as ContractRecord | undefined).get(name);
			return text === undefined ? undefined : decodeValue(text);
		},
		keys(map) {
			return entries(map).map(([k]) => k);
		},
		entries
	};
}
