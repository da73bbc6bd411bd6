/** What the page shows at one step of the timeline. Plain data (no bigint). */
import type { ReceiptView } from './receipt.ts';

/** Balances of named accounts, as a small table. */
export type BalanceRow = { account: string; asset: string; amount: string };

/** The latest block of one chain at a step: its number and timestamp (unix seconds). */
export type ChainHead = { chainId: number; number: number; timestamp: number };

/** What the page shows at one step of the timeline. */
export type Frame = {
	step: number;
	/** total steps in the run */
	total: number;
	label: string;
	/** unix seconds of the default (first) chain's latest block at this step */
	time: number;
	/** number of the default (first) chain's latest block at this step */
	blockNumber: number;
	/** every chain's latest block at this step, in the world's chain order (default chain first) */
	heads: ChainHead[];
	stateHash: string;
	/** receipts produced by this step */
	receipts: ReceiptView[];
	balances?: BalanceRow[];
	/** scenario notes to print in the console at this step */
	notes?: string[];
};
