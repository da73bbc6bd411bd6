// file: Executor.ts
import { Contract } from 'chainlab';

// A block executor. `execute` runs a block's transactions one after another, in block order, over
// a key-value state (balances and counters, whole units), and returns the final state and, per
// transaction, its status, read set and write set. This order defines the block's result: a
// parallel executor (Block-STM, Sealevel) is correct only if it ends in the same state.

/** A transaction of the block (the same kinds as the reference model's BlockTx). */
type Tx =
	| { kind: 'transfer'; from: string; to: string; amount: number }
	| { kind: 'increment'; key: string; by?: number }
	| { kind: 'copy'; from: string; to: string }
	| { kind: 'read'; keys: string[] };

/** One read: the key, the value seen, and 'storage' or the index of the transaction that wrote it. */
type Read = { key: string; value: number; from: string | number };
type Write = { key: string; value: number };
type Result = { status: string; reads: Read[]; writes: Write[] };

/**
 * The transactions' own code (given; do not change it). It reads through `read` and writes
 * through `write`, and throws when a transfer's balance is short, AFTER having written the
 * debit, as a contract that reverts half-way does.
 */
function runTx(
	tx: Tx,
	read: (key: string) => number,
	write: (key: string, value: number) => void
): void {
	if (tx.kind === 'transfer') {
		const balance = read(tx.from);
		write(tx.from, balance - tx.amount);
		if (balance < tx.amount) {
			throw new Error(`insufficient balance: ${tx.from} has ${balance}, needs ${tx.amount}`);
		}
		if (tx.to === tx.from) write(tx.from, balance);
		else write(tx.to, read(tx.to) + tx.amount);
	} else if (tx.kind === 'increment') {
		write(tx.key, read(tx.key) + (tx.by ?? 1));
	} else if (tx.kind === 'copy') {
		write(tx.to, read(tx.from));
	} else {
		const seen: string[] = [];
		for (const key of tx.keys) {
			if (!seen.includes(key)) read(key);
			seen.push(key);
		}
	}
}

export default class Executor extends Contract {
	/**
	 * Executes `txs` in order over `pre` (a key missing from it reads as 0).
	 * - each transaction reads the state left by every earlier one;
	 * - a transaction whose code throws is 'failed': its writes are thrown away;
	 * - otherwise it is 'ok' and its writes apply before the next transaction starts.
	 * A read's `from` is 'storage' when no earlier successful transaction wrote the key, else the
	 * index (from 0) of the last one that did. Writes keep the order of their first write.
	 */
	execute(
		pre: Record<string, number>,
		txs: Tx[]
	): { state: Record<string, number>; results: Result[] } {
		const state: Record<string, number> = { ...pre };
		const lastWriter: Record<string, number> = {};
		const results: Result[] = [];
		for (let i = 0; i < txs.length; i++) {
			const reads: Read[] = [];
			const buffer: Record<string, number> = {};
			const order: string[] = [];
			const read = (key: string): number => {
				if (key in buffer) return buffer[key];
				const value = key in state ? state[key] : 0;
				reads.push({ key, value, from: key in lastWriter ? lastWriter[key] : 'storage' });
				return value;
			};
			const write = (key: string, value: number): void => {
				if (!(key in buffer)) order.push(key);
				buffer[key] = value;
			};
			let status = 'ok';
			try {
				runTx(txs[i], read, write);
			} catch {
				status = 'failed';
			}
			const writes: Write[] = [];
			if (status === 'ok') {
				for (const key of order) {
					writes.push({ key, value: buffer[key] });
					state[key] = buffer[key];
					lastWriter[key] = i;
				}
			}
			results.push({ status, reads, writes });
		}
		return { state, results };
	}
}
