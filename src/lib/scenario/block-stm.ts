/**
 * Builds the `block-stm-gantt` view's data (model/block-stm.ts) from a Block-STM run
 * (protocols/block-stm.ts) and the sequential execution of the same block.
 */
import type { BlockStmRunView } from '#lib/model/block-stm.ts';
import type {
	BlockStmResult,
	BlockTx,
	SequentialExecution
} from '#lib/protocols/parallel-execution.ts';

/** A short label of a transaction: "transfer alice → bob 5", "increment counter". */
export function txLabel(tx: BlockTx): string {
	switch (tx.kind) {
		case 'transfer':
			return `transfer ${tx.from} → ${tx.to} ${tx.amount}`;
		case 'increment':
			return `increment ${tx.key}${tx.by !== undefined && tx.by !== 1 ? ` by ${tx.by}` : ''}`;
		case 'copy':
			return `copy ${tx.from} → ${tx.to}`;
		case 'read':
			return `read ${tx.keys.join(', ')}`;
	}
}

/** Same key set and values (numbers and bigints compared as written). */
export function sameState(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const ka = Object.keys(a).sort();
	const kb = Object.keys(b).sort();
	return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/**
 * The view data of one run.
 * @param cursors the timeline steps that show the run, each with the simulated time it reaches
 *   (in the run's time units, 0..makespan)
 */
export function blockStmRunView(
	title: string,
	txs: BlockTx[],
	run: BlockStmResult,
	sequential: SequentialExecution,
	cursors: { step: number; time: number }[]
): BlockStmRunView {
	return {
		title,
		threads: run.threads,
		seed: run.seed,
		txs: txs.map((tx, i) => ({
			label: txLabel(tx),
			status: sequential.results[i].status,
			cost: run.txCosts[i],
			incarnations: run.incarnations[i]
		})),
		tasks: run.tasks.map((t) => ({ ...t })),
		makespan: run.makespan,
		sequentialTime: run.sequentialTime,
		executions: run.executions,
		validations: run.validations,
		aborts: run.aborts,
		matchesSequential: sameState(run.state, sequential.state),
		cursors
	};
}
