/**
 * Reading event logs from a chain's blocks, the way a bot (a relayer, an indexer, a keeper)
 * follows another chain: by event name and emitting contract, from a block number on. Only
 * mined blocks are read, so a log is seen once its transaction is included, never before; a
 * reverted transaction has no logs.
 */
import type { Chain } from './engine.ts';

/** One event log as a scenario or bot reads it (decoded arguments, bigints intact). */
export type LogRecord = {
	chainId: number;
	/** the block that included the transaction */
	blockNumber: number;
	/** 0-based position of the log among every log of its block */
	logIndex: number;
	txHash: string;
	/** the emitting contract's address (lowercase) */
	address: string;
	/** the emitting contract's name, when the run gave it one */
	contract?: string;
	event: string;
	args: Record<string, unknown>;
};

/** What `s.logs()` selects; every given field must match. */
export type LogQuery = {
	/** the chain to read (default: the world's first chain) */
	chainId?: number;
	/** event name, as the contract emits it (`Locked`) */
	event?: string;
	/** the emitting contract: its address or the name the run gave it (`BridgeLock`) */
	address?: string;
	/**
	 * First block to read, inclusive (a block number, not a cursor object; default 0, genesis).
	 * To follow a chain, pass one more than the head you read last time:
	 * `since = s.blockNumber(chainId) + 1` after each read sees every new log exactly once.
	 */
	since?: number;
};

/**
 * Logs of `chain` in blocks `since..head`, in chain order (block, then position in the block).
 * @param nameOf the run's names of addresses, to match `query.address` given as a name
 * @throws RangeError when `since` is not a whole, non-negative block number
 */
export function readLogs(
	chain: Chain,
	query: LogQuery,
	nameOf: (address: string) => string | undefined
): LogRecord[] {
	const since = query.since ?? 0;
	if (!Number.isInteger(since) || since < 0) {
		throw new RangeError(`logs: since must be a block number (0 or more), got ${String(since)}`);
	}
	const wanted = query.address?.toLowerCase();
	const out: LogRecord[] = [];
	for (let number = since; number <= chain.blockNumber; number++) {
		const block = chain.block(number);
		if (!block) continue;
		let logIndex = 0;
		for (const receipt of block.receipts) {
			for (const log of receipt.logs) {
				const index = logIndex++;
				const address = log.address.toLowerCase();
				const contract = nameOf(address);
				if (query.event !== undefined && log.event !== query.event) continue;
				if (wanted !== undefined && wanted !== address && wanted !== contract?.toLowerCase())
					continue;
				out.push({
					chainId: chain.id,
					blockNumber: number,
					logIndex: index,
					txHash: receipt.txHash,
					address,
					...(contract === undefined ? {} : { contract }),
					event: log.event,
					args: { ...log.args }
				});
			}
		}
	}
	return out;
}
