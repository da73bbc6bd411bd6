/**
 * Builds the dependency-graph view's data (model/parallel.ts) from a pre-state and a block, with
 * the reference's sequential execution, read-from edges and Sealevel batches
 * (protocols/parallel-execution.ts), and the learner's results converted to the same shape.
 */
import type { ParallelBlock, ParallelEdge } from '#lib/model/parallel.ts';
import {
	declaredAccounts,
	executeSequential,
	readFromDependencies,
	sealevelBatches,
	type BlockState,
	type BlockTx
} from '#lib/protocols/parallel-execution.ts';

/** A transaction in a few words: "bob → carol 5", "votes + 1", "copy alice → snap", "read alice, carol". */
export function txLabel(tx: BlockTx): string {
	switch (tx.kind) {
		case 'transfer':
			return `${tx.from} → ${tx.to} ${tx.amount}`;
		case 'increment':
			return `${tx.key} + ${tx.by ?? 1}`;
		case 'copy':
			return `copy ${tx.from} → ${tx.to}`;
		case 'read':
			return `read ${tx.keys.join(', ')}`;
	}
}

/** What a learner's contract returned for a block, as far as the lesson asks. */
export type LearnerBlock = {
	statuses?: (string | undefined)[];
	batches?: (number | undefined)[];
	edges?: ParallelEdge[];
};

/**
 * The view's block: the reference's execution, edges and batches of `txs` over `state`, with the
 * learner's results beside them.
 * @throws as executeSequential for a malformed block
 */
export function parallelBlock(options: {
	name: string;
	source: string;
	step: number;
	state: BlockState;
	txs: BlockTx[];
	learner?: LearnerBlock;
	note?: string;
}): ParallelBlock {
	const { state, txs, learner } = options;
	const run = executeSequential(state, txs);
	const batches = sealevelBatches(txs);
	return {
		name: options.name,
		source: options.source,
		step: options.step,
		txs: txs.map((tx, i) => {
			const declared = declaredAccounts(tx);
			const r = run.results[i];
			const mine: { status?: string; batch?: number } = {};
			if (learner?.statuses) mine.status = String(learner.statuses[i] ?? 'missing');
			if (learner?.batches) mine.batch = Number(learner.batches[i] ?? 0);
			return {
				index: i,
				label: txLabel(tx),
				status: r.status,
				batch: batches[i],
				declaredReads: declared.reads,
				declaredWrites: declared.writes,
				reads: r.reads.map((x) => ({ key: x.key, value: String(x.value), from: x.from })),
				writes: r.writes.map((w) => ({ key: w.key, value: String(w.value) })),
				...(learner?.statuses || learner?.batches ? { learner: mine } : {})
			};
		}),
		edges: readFromDependencies(run),
		...(learner?.edges ? { learnerEdges: learner.edges } : {}),
		finalState: Object.fromEntries(Object.entries(run.state).map(([k, v]) => [k, String(v)])),
		...(options.note ? { note: options.note } : {})
	};
}
