/**
 * A transaction receipt as the console and the receipts view show it: plain data, amounts as
 * decimal strings (no bigint).
 */
import type { SourceError } from './errors.ts';

/** One event log, with its arguments formatted for display. */
export type LogView = {
	address: string;
	/** the contract's name, when known */
	contract?: string;
	event: string;
	args: Record<string, string>;
	/** the args that are token amounts, by key, for display (the raw integer stays in `args`) */
	amounts?: Record<string, AmountView>;
};

/**
 * A token amount for display, beside the raw integer it came from: `units` is the exact amount in
 * whole units as a decimal string ("6000", "0.000001"), `symbol` the token's ("DAI"), `note` a few
 * words for a special value (MAX_UINT256 in an approval: "unlimited approval").
 */
export type AmountView = { units: string; symbol: string; note?: string };

/** A transaction receipt as the console shows it. */
export type ReceiptView = {
	txHash: string;
	chainId: number;
	blockNumber: number;
	/** account name when known (`alice`), else the address */
	from: string;
	to: string;
	method: string;
	args: string[];
	value: string;
	status: 'success' | 'reverted';
	gasUsed: number;
	gasLimit: number;
	logs: LogView[];
	returnValue?: string;
	/** per arg, the token amount it is (null: not an amount), for display */
	argAmounts?: (AmountView | null)[];
	/** the return value as a token amount (a token's balanceOf), for display */
	returnAmount?: AmountView;
	error?: SourceError;
};
