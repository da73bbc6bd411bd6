/**
 * Data of the `dependency-graph` view: blocks of transactions in their preset order, the read-from
 * edges of their sequential execution (which earlier transaction each read came from, by key) and
 * their Sealevel batches from declared accounts, as the reference model computes them
 * (protocols/parallel-execution.ts) and, where a lesson asks for them, as the learner's contract
 * did. Plain data: values are decimal strings, indices 0-based block positions, batches from 1.
 */

/** One read-from edge: transaction `reader` read `key` from what `writer` wrote. */
export type ParallelEdge = { reader: number; key: string; writer: number };

/** One transaction of a block as the view draws it. */
export type ParallelTx = {
	/** 0-based position in the block */
	index: number;
	/** e.g. "bob → carol 5", "votes + 1" */
	label: string;
	/** the reference's sequential status */
	status: 'ok' | 'failed';
	/** the reference's Sealevel batch, from 1 */
	batch: number;
	/** declared accounts (Sealevel): read-only and writable */
	declaredReads: string[];
	declaredWrites: string[];
	/** the reference's read set: key, value seen, `'storage'` or the writer's index */
	reads: { key: string; value: string; from: 'storage' | number }[];
	/** the reference's write set */
	writes: { key: string; value: string }[];
	/** what the learner's contract returned for this transaction, when the lesson asks */
	learner?: { status?: string; batch?: number };
};

/** One block as the view draws it. */
export type ParallelBlock = {
	name: string;
	/** where the block comes from ("synthetic", a seed) */
	source: string;
	/** the first step of the timeline that shows it (the view shows the latest at or before the step) */
	step: number;
	txs: ParallelTx[];
	/** the reference's read-from edges */
	edges: ParallelEdge[];
	/** the learner's read-from edges, when the lesson asks for them */
	learnerEdges?: ParallelEdge[];
	/** the reference's final state (decimal strings) */
	finalState: Record<string, string>;
	/** a sentence under the figure */
	note?: string;
};

export type ParallelOverview = { blocks: ParallelBlock[] };

/** The block a view shows at `step`: the latest whose step is at or before it, else the first. */
export function blockAt(overview: ParallelOverview, step: number): ParallelBlock | null {
	let best: ParallelBlock | null = overview.blocks[0] ?? null;
	for (const b of overview.blocks) if (b.step <= step) best = b;
	return best;
}
