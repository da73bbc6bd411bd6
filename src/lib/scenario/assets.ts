/**
 * Balance sources for the balances view, read without gas or transactions: the native coin, a
 * built-in token, or a learner contract's `StorageMap<address, bigint>` through the indexer (so
 * a broken `balanceOf` cannot hide the real numbers).
 */
import type { BalanceRow } from '#lib/model/frame.ts';
import type { Asset } from './types.ts';
import type { Chain } from './engine.ts';
import { formatUnits } from './format.ts';

/** A stored amount as bigint; missing keys read as 0. */
function toAmount(value: unknown): bigint {
	if (typeof value === 'bigint') return value;
	return BigInt((value as number | string | undefined) ?? 0);
}

/** The native coin (18 decimals). */
export const nativeAsset = (chain: Chain, symbol: string): Asset => ({
	symbol,
	decimals: 18,
	balanceOf: (address) => chain.balance(address)
});

/** A built-in ERC-20 (18 decimals), read from its 'balances' map. */
export const tokenAsset = (chain: Chain, token: string, symbol: string): Asset => ({
	symbol,
	decimals: 18,
	balanceOf: (address) => toAmount(chain.storage(token).get('balances', address))
});

/** A learner contract's StorageMap keyed by address. */
export const mapAsset = (
	chain: Chain,
	contract: string,
	map: string,
	symbol: string,
	decimals: number
): Asset => ({
	symbol,
	decimals,
	balanceOf: (address) => toAmount(chain.storage(contract).get(map, address))
});

/**
 * One row per account and asset, amounts in whole units ("1.5"); a value that cannot be read
 * (the learner stored something odd) shows as "unreadable" rather than stopping the run.
 * @param accounts names and their addresses
 */
export function balanceRows(accounts: [name: string, address: string][], assets: Asset[]) {
	const rows: BalanceRow[] = [];
	for (const [account, address] of accounts) {
		for (const asset of assets) {
			let amount: string;
			try {
				amount = formatUnits(asset.balanceOf(address), asset.decimals);
			} catch {
				amount = 'unreadable';
			}
			rows.push({ account, asset: asset.symbol, amount });
		}
	}
	return rows;
}
