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
	/** the call trace (engine Receipt.calls), frames in the order they were entered; absent when empty */
	calls?: CallView[];
};

/**
 * One call frame of a transaction as the call-tree view shows it: names where known, amounts as
 * decimal strings of wei (or token units, for `tokens`).
 */
export type CallView = {
	/** 0 for the transaction's own frame */
	depth: number;
	/** index of the calling frame in `calls`, -1 for the transaction's own frame */
	parent: number;
	/** msg.sender: account or contract name when known, else the address */
	caller: string;
	/** the contract or account called: its name when known, else the address */
	callee: string;
	/** the method, 'receive' for a native transfer, 'constructor' for a deploy */
	method: string;
	/** native coin sent, wei */
	value: string;
	/** the callee's native balance at entry (before `value` arrived) and at exit, wei */
	balanceIn: string;
	balanceOut: string;
	status: 'ok' | 'reverted';
	/** the revert reason or error of a reverted frame */
	reason?: string;
	gasUsed: number;
	/** the callee's balance of each traced token at entry and exit, smallest units */
	tokens?: { token: string; balanceIn: string; balanceOut: string }[];
};
