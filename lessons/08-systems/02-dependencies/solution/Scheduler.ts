// file: Scheduler.ts
import { Contract } from 'chainlab';

// Two views of what a block's transactions depend on. `readFrom` finds, after a sequential run,
// which earlier transaction each read came from: the dependencies Block-STM discovers while it
// runs. `batches` schedules the block before anything runs, as Solana's Sealevel does, from the
// accounts each transaction declares: transactions in one batch can run in parallel.

/** A transaction of the block (the same kinds as lesson 01). */
type Tx =
	| { kind: 'transfer'; from: string; to: string; amount: number }
	| { kind: 'increment'; key: string; by?: number }
	| { kind: 'copy'; from: string; to: string }
	| { kind: 'read'; keys: string[] };

type Edge = { reader: number; key: string; writer: number };
type Declared = { reads: string[]; writes: string[] };

/**
 * The accounts a transaction declares up front: read-only ones (shared locks) and writable ones
 * (exclusive locks). A transfer declares both its accounts writable, whether or not it will fail.
 */
function declared(tx: Tx): Declared {
	if (tx.kind === 'transfer') return { reads: [], writes: [tx.from, tx.to] };
	if (tx.kind === 'increment') return { reads: [], writes: [tx.key] };
	if (tx.kind === 'copy') return { reads: tx.from === tx.to ? [] : [tx.from], writes: [tx.to] };
	return { reads: tx.keys, writes: [] };
}

/** Whether two declarations conflict: one writes an account the other reads or writes. */
function conflict(a: Declared, b: Declared): boolean {
	for (const k of a.writes) if (b.writes.includes(k) || b.reads.includes(k)) return true;
	for (const k of b.writes) if (a.reads.includes(k)) return true;
	return false;
}

export default class Scheduler extends Contract {
	/**
	 * The read-from edges of a sequential run. `reads[i]` lists the keys transaction i read, in
	 * order; `writes[i]` the keys it wrote (empty when it failed). Return one edge
	 * `{ reader: i, key, writer: j }` per read whose key an earlier transaction wrote, `j` being the
	 * LAST such transaction before i; a read nobody wrote before comes from storage (no edge).
	 * Edges in order of reader, then of its reads.
	 */
	readFrom(reads: string[][], writes: string[][]): Edge[] {
		const edges: Edge[] = [];
		const lastWriter: Record<string, number> = {};
		for (let i = 0; i < reads.length; i++) {
			for (const key of reads[i]) {
				if (key in lastWriter) edges.push({ reader: i, key, writer: lastWriter[key] });
			}
			for (const key of writes[i]) lastWriter[key] = i;
		}
		return edges;
	}

	/**
	 * Sealevel-style batches from declared accounts: transaction j runs in batch
	 * 1 + the highest batch of an earlier transaction whose declared accounts conflict with j's
	 * (write-write or read-write), or in batch 1 when none does. Two reads never conflict.
	 * Return the batch of each transaction, from 1.
	 */
	batches(txs: Tx[]): number[] {
		const decl = txs.map(declared);
		const out: number[] = [];
		for (let j = 0; j < txs.length; j++) {
			let batch = 1;
			for (let i = 0; i < j; i++) {
				if (conflict(decl[i], decl[j])) batch = Math.max(batch, out[i] + 1);
			}
			out.push(batch);
		}
		return out;
	}
}
