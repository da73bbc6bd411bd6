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
};

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
	error?: SourceError;
};
