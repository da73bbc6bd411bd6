/**
 * Run data of the Block-STM views (the `block-stm-gantt` view): one or more runs of the Block-STM
 * model (protocols/block-stm.ts) as plain data, each with its block in the preset order, every task
 * of every simulated thread and the timeline steps that show it. Built by
 * `blockStmRunView` (scenario/block-stm.ts).
 */

/** One task of one simulated thread (times in simulated time units). */
export type BlockStmTaskView = {
	/** order of the task's start in the run, from 0 */
	seq: number;
	thread: number;
	start: number;
	end: number;
	kind: 'execute' | 'validate';
	txIdx: number;
	incarnation: number;
	/** executed / suspended (read an ESTIMATE) / valid / aborted / stale (already aborted) */
	outcome: 'executed' | 'suspended' | 'valid' | 'aborted' | 'stale';
	/** a suspended execution: the transaction whose ESTIMATE it read */
	blockedBy?: number;
};

/** One transaction of the block, in its preset order. */
export type BlockStmTxView = {
	/** e.g. "transfer alice → bob 5" */
	label: string;
	status: 'ok' | 'failed';
	/** its execution cost on one thread (simulated time units) */
	cost: number;
	/** incarnations it took in the run (1 = never aborted) */
	incarnations: number;
};

/** One Block-STM run. */
export type BlockStmRunView = {
	title: string;
	threads: number;
	seed: number;
	txs: BlockStmTxView[];
	tasks: BlockStmTaskView[];
	makespan: number;
	sequentialTime: number;
	executions: number;
	validations: number;
	aborts: number;
	/** whether the final state equals sequential execution's */
	matchesSequential: boolean;
	/** the timeline steps that show this run and the simulated time each reaches */
	cursors: { step: number; time: number }[];
};

export type BlockStmOverview = { runs: BlockStmRunView[] };

/**
 * The run a timeline step shows and the simulated time it reaches: the run with the latest cursor
 * at or before `step`; after a run's last cursor, its whole makespan. Null before any cursor.
 */
export function blockStmAt(
	overview: BlockStmOverview,
	step: number
): { run: BlockStmRunView; time: number } | null {
	let best: { run: BlockStmRunView; time: number; step: number } | null = null;
	for (const run of overview.runs) {
		for (const c of run.cursors) {
			if (c.step <= step && (best === null || c.step >= best.step))
				best = { run, time: c.time, step: c.step };
		}
	}
	return best && { run: best.run, time: best.time };
}
