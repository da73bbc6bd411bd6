/**
 * Block-STM on simulated threads: optimistic parallel execution of a block over a multi-version
 * memory, with incarnations, ESTIMATE markers, validation and aborts, and the paper's
 * collaborative scheduler. The final state equals `executeSequential`'s for every seed and thread
 * count.
 *
 * Source: Rati Gelashvili, Alexander Spiegelman, Zhuolun Xiang, George Danezis, Zekun Li, Dahlia
 * Malkhi, Yu Xia, Runtian Zhou, "Block-STM: Scaling Blockchain Execution by Turning Ordering Curse
 * to a Performance Blessing", arXiv 2203.06871 (2022), its pseudocode:
 * - Algorithm 1, the thread loop (`run`, `try_execute`, the validation branch): the
 *   event loop of `blockStm` (`begin` starts a task, `finish` ends it).
 * - Algorithm 2, the multi-version memory (`apply_write_set`, `rcu_update_written_locations`,
 *   `record`, `convert_writes_to_estimates`, `read`, `validate_read_set`, `snapshot`): `MVMemory`.
 * - Algorithm 3, the VM's reads (`execute`: a read of the transaction's own write set, then
 *   `MVMemory.read`, `READ_ERROR` on an ESTIMATE): `vmExecute`.
 * - Algorithms 4 and 5, the collaborative scheduler (`execution_idx`, `validation_idx`,
 *   `decrease_cnt`, `num_active_tasks`, `done_marker`, `txn_status`, `txn_dependency`;
 *   `next_task`, `try_incarnate`, `add_dependency`, `finish_execution`, `try_validation_abort`,
 *   `finish_validation`, `check_done`): `Scheduler`.
 * aptos-labs/aptos-core `aptos-move/block-executor/src/scheduler.rs` at commit 3b224d08 keeps the
 * same status machine (Ready(i) -> Executing(i) -> Executed(i) -> Aborting(i) -> Ready(i + 1), a
 * suspension on a dependency, `execution_idx`, `validation_idx`, `txn_dependency`, `done_marker`)
 * and adds what this model leaves out: validation waves, in-order commit and halting on a gas limit.
 * Procedure names and line-level structure follow the paper's pseudocode rather than that file.
 *
 * There are no real threads. A deterministic event loop plays `threads` workers: the worker with
 * the earliest clock (ties: the lowest id) takes its next atomic step. A task's reads happen when
 * it starts and its writes and scheduler updates when it ends, `duration` simulated time units
 * later; durations come from a seeded PRNG (mulberry32), so a seed fixes the interleaving. Any
 * interleaving of these atomic steps is one a real machine could produce, and the paper's
 * correctness argument covers them all.
 */
import {
	checkTx,
	runTransaction,
	type BlockState,
	type BlockTx,
	type StateValue
} from './parallel-execution.ts';

/** A version: (transaction index, incarnation number), both from 0 (the paper's `version`). */
export type StmVersion = { txIdx: number; incarnation: number };

/** One entry of the multi-version memory: an incarnation's value, or the ESTIMATE marker. */
export type MvEntry = { incarnation: number; value: StateValue } | 'ESTIMATE';

/** One read of a read set: the location and the version it saw, `null` for storage. */
export type StmRead = { key: string; version: StmVersion | null };

/**
 * A plain snapshot of the multi-version memory for some locations: key -> txIdx -> entry
 * (txIdx as the object key, a decimal string). What the pluggable validate and abort see.
 */
export type MvData = Record<string, Record<string, MvEntry>>;

/**
 * Hooks that replace the multi-version memory's validation and abort (a lesson plugs a learner's
 * functions in here). Each receives a copy and must not rely on identity.
 */
export type StmHooks = {
	/**
	 * Algorithm 2 `validate_read_set(txn_idx)`: true when every read of `readSet` would see the same
	 * version now. `data` holds the current entries of every location in the read set.
	 */
	validateReadSet?: (txIdx: number, readSet: StmRead[], data: MvData) => boolean;
	/**
	 * Algorithm 2 `convert_writes_to_estimates(txn_idx)`: the new entries of the locations
	 * `written` (the aborted incarnation's write set) after marking them. Returns the new `data`
	 * for those locations (the executor replaces them with it).
	 */
	convertWritesToEstimates?: (txIdx: number, written: string[], data: MvData) => MvData;
};

/** Options of `blockStm`. */
export type BlockStmOptions = {
	/** simulated worker threads, a whole number >= 1 */
	threads: number;
	/** the PRNG seed that fixes task durations and so the interleaving */
	seed: number;
	/** mean duration of an execution task, in simulated time units (default 10) */
	executeCost?: number;
	/** mean duration of a validation task, in simulated time units (default 2) */
	validateCost?: number;
	/** replacements for validation and abort over the multi-version map */
	hooks?: StmHooks;
	/** stop with an Error after this many tasks (default 50 * block size + 1,000): a broken hook may loop */
	maxTasks?: number;
};

/** What a task ended with. */
export type StmOutcome =
	| 'executed' // execution recorded its write set
	| 'suspended' // execution read an ESTIMATE and waits for that transaction (add_dependency)
	| 'valid' // validation found every read unchanged
	| 'aborted' // validation failed and this thread aborted the incarnation
	| 'stale'; // validation failed, but the incarnation was already aborted by another thread

/** One task on one simulated thread, for the Gantt view. */
export type StmTask = {
	/** order of the task's start in the run, from 0 */
	seq: number;
	/** the thread, from 0 */
	thread: number;
	/** simulated start and end time */
	start: number;
	end: number;
	kind: 'execute' | 'validate';
	txIdx: number;
	incarnation: number;
	outcome: StmOutcome;
	/** a suspended execution: the transaction whose ESTIMATE it read */
	blockedBy?: number;
};

/** The outcome of `blockStm`. */
export type BlockStmResult = {
	/** the final state (the snapshot of the multi-version memory over storage) */
	state: BlockState;
	/** execution tasks started (suspended ones included) */
	executions: number;
	/** validation tasks started */
	validations: number;
	/** incarnations aborted by a failed validation */
	aborts: number;
	/** executions that read an ESTIMATE and suspended on a dependency */
	suspensions: number;
	/** incarnations each transaction ran to its end (1 when never aborted) */
	incarnations: number[];
	/** every task, in start order */
	tasks: StmTask[];
	/** simulated time when the last thread saw the scheduler done */
	makespan: number;
	/** simulated time the same block takes on one thread without Block-STM (sum of execution costs) */
	sequentialTime: number;
	/** each transaction's execution cost, the same for every incarnation (simulated time units) */
	txCosts: number[];
	threads: number;
	seed: number;
};

const keyOf = (txIdx: number) => String(txIdx);

/** Uniform numbers in [0, 1) from a seed: mulberry32 (Tommy Ettinger, public domain), 32-bit ops only. */
type Prng = { next(): number };
function createPrng(seed: number): Prng {
	let state = Math.trunc(seed) >>> 0;
	return {
		next() {
			state = (state + 0x6d2b79f5) | 0;
			let t = Math.imul(state ^ (state >>> 15), 1 | state);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		}
	};
}

/**
 * The multi-version memory (Algorithm 2): per location, txIdx -> (incarnation, value) or ESTIMATE;
 * per transaction, the locations its last incarnation wrote and the read set it read.
 */
export class MVMemory {
	/** location -> txIdx -> entry */
	readonly data = new Map<string, Map<number, MvEntry>>();
	readonly lastWrittenLocations: string[][];
	readonly lastReadSet: StmRead[][];

	constructor(
		readonly size: number,
		private readonly hooks: StmHooks = {}
	) {
		this.lastWrittenLocations = Array.from({ length: size }, () => []);
		this.lastReadSet = Array.from({ length: size }, () => []);
	}

	/** Algorithm 2 `record`: applies the write set, updates written locations; true on a new location. */
	record(version: StmVersion, readSet: StmRead[], writes: Map<string, StateValue>): boolean {
		const { txIdx, incarnation } = version;
		// apply_write_set
		for (const [key, value] of writes) {
			let row = this.data.get(key);
			if (!row) this.data.set(key, (row = new Map()));
			row.set(txIdx, { incarnation, value });
		}
		// rcu_update_written_locations: remove what the previous incarnation wrote and this one did not
		const prev = this.lastWrittenLocations[txIdx];
		for (const key of prev) if (!writes.has(key)) this.data.get(key)?.delete(txIdx);
		const next = [...writes.keys()];
		const prevSet = new Set(prev);
		const wroteNewLocation = next.some((k) => !prevSet.has(k));
		this.lastWrittenLocations[txIdx] = next;
		this.lastReadSet[txIdx] = readSet;
		return wroteNewLocation;
	}

	/**
	 * Algorithm 2 `read(location, txn_idx)`: the entry of the highest transaction below `txIdx` that
	 * wrote `key`: `{ kind: 'ok' }` with its version and value, `{ kind: 'estimate' }` naming the
	 * blocking transaction, or `{ kind: 'not-found' }` (read storage).
	 */
	read(
		key: string,
		txIdx: number
	):
		| { kind: 'ok'; version: StmVersion; value: StateValue }
		| { kind: 'estimate'; blocking: number }
		| { kind: 'not-found' } {
		const row = this.data.get(key);
		if (!row) return { kind: 'not-found' };
		let best = -1;
		for (const j of row.keys()) if (j < txIdx && j > best) best = j;
		if (best < 0) return { kind: 'not-found' };
		const entry = row.get(best)!;
		if (entry === 'ESTIMATE') return { kind: 'estimate', blocking: best };
		return {
			kind: 'ok',
			version: { txIdx: best, incarnation: entry.incarnation },
			value: entry.value
		};
	}

	/** A plain copy of the entries of `keys`. */
	view(keys: Iterable<string>): MvData {
		const out: MvData = {};
		for (const key of keys) {
			const row: Record<string, MvEntry> = {};
			for (const [j, e] of this.data.get(key) ?? [])
				row[keyOf(j)] = e === 'ESTIMATE' ? e : { ...e };
			out[key] = row;
		}
		return out;
	}

	/** Algorithm 2 `validate_read_set(txn_idx)`: every prior read would see the same version now. */
	validateReadSet(txIdx: number): boolean {
		const readSet = this.lastReadSet[txIdx];
		if (this.hooks.validateReadSet) {
			const copy = readSet.map((r) => ({ key: r.key, version: r.version && { ...r.version } }));
			return this.hooks.validateReadSet(txIdx, copy, this.view(new Set(readSet.map((r) => r.key))));
		}
		for (const { key, version } of readSet) {
			const cur = this.read(key, txIdx);
			if (cur.kind === 'estimate') return false;
			if (cur.kind === 'not-found') {
				if (version !== null) return false;
			} else if (
				version === null ||
				cur.version.txIdx !== version.txIdx ||
				cur.version.incarnation !== version.incarnation
			) {
				return false;
			}
		}
		return true;
	}

	/** Algorithm 2 `convert_writes_to_estimates(txn_idx)`: the aborted incarnation's writes become ESTIMATE. */
	convertWritesToEstimates(txIdx: number): void {
		const written = this.lastWrittenLocations[txIdx];
		if (this.hooks.convertWritesToEstimates) {
			const next = this.hooks.convertWritesToEstimates(txIdx, [...written], this.view(written));
			for (const key of written) {
				const row = new Map<number, MvEntry>();
				for (const [j, e] of Object.entries(next?.[key] ?? {})) {
					row.set(Number(j), e === 'ESTIMATE' ? e : { incarnation: e.incarnation, value: e.value });
				}
				this.data.set(key, row);
			}
			return;
		}
		for (const key of written) this.data.get(key)?.set(txIdx, 'ESTIMATE');
	}

	/** Algorithm 2 `snapshot()`: the value every location has after the block, over `storage`. */
	snapshot(storage: BlockState): BlockState {
		const out: BlockState = { ...storage };
		for (const key of this.data.keys()) {
			const cur = this.read(key, this.size);
			if (cur.kind === 'ok') out[key] = cur.value;
			if (cur.kind === 'estimate') throw new Error(`ESTIMATE left at ${key} (tx ${cur.blocking})`);
		}
		return out;
	}
}

type Status = 'READY_TO_EXECUTE' | 'EXECUTING' | 'EXECUTED' | 'ABORTING';
type Task = { kind: 'execute' | 'validate'; version: StmVersion };

/** The collaborative scheduler of Algorithms 4 and 5 (each method atomic in the event loop). */
export class Scheduler {
	executionIdx = 0;
	validationIdx = 0;
	decreaseCnt = 0;
	numActiveTasks = 0;
	doneMarker = false;
	readonly txnDependency: Set<number>[];
	readonly txnStatus: { incarnation: number; status: Status }[];

	constructor(readonly size: number) {
		this.txnDependency = Array.from({ length: size }, () => new Set());
		this.txnStatus = Array.from({ length: size }, () => ({
			incarnation: 0,
			status: 'READY_TO_EXECUTE' as Status
		}));
	}

	private decreaseExecutionIdx(target: number) {
		this.executionIdx = Math.min(this.executionIdx, target);
		this.decreaseCnt++;
	}

	private decreaseValidationIdx(target: number) {
		this.validationIdx = Math.min(this.validationIdx, target);
		this.decreaseCnt++;
	}

	done(): boolean {
		return this.doneMarker;
	}

	/** Algorithm 4 `check_done`: both indices past the block, no task active, no decrease since. */
	private checkDone() {
		const observed = this.decreaseCnt;
		if (
			Math.min(this.executionIdx, this.validationIdx) >= this.size &&
			this.numActiveTasks === 0 &&
			observed === this.decreaseCnt
		)
			this.doneMarker = true;
	}

	/** Algorithm 4 `try_incarnate`: READY_TO_EXECUTE(i) -> EXECUTING(i), else give the task back. */
	private tryIncarnate(txIdx: number): StmVersion | null {
		if (txIdx < this.size) {
			const s = this.txnStatus[txIdx];
			if (s.status === 'READY_TO_EXECUTE') {
				s.status = 'EXECUTING';
				return { txIdx, incarnation: s.incarnation };
			}
		}
		this.numActiveTasks--;
		return null;
	}

	private nextVersionToExecute(): StmVersion | null {
		if (this.executionIdx >= this.size) {
			this.checkDone();
			return null;
		}
		this.numActiveTasks++;
		return this.tryIncarnate(this.executionIdx++);
	}

	private nextVersionToValidate(): StmVersion | null {
		if (this.validationIdx >= this.size) {
			this.checkDone();
			return null;
		}
		this.numActiveTasks++;
		const idx = this.validationIdx++;
		if (idx < this.size) {
			const s = this.txnStatus[idx];
			if (s.status === 'EXECUTED') return { txIdx: idx, incarnation: s.incarnation };
		}
		this.numActiveTasks--;
		return null;
	}

	/** Algorithm 4 `next_task`: validation first when validation_idx < execution_idx. */
	nextTask(): Task | null {
		if (this.validationIdx < this.executionIdx) {
			const v = this.nextVersionToValidate();
			return v ? { kind: 'validate', version: v } : null;
		}
		const v = this.nextVersionToExecute();
		return v ? { kind: 'execute', version: v } : null;
	}

	/**
	 * Algorithm 4 `add_dependency`: `txIdx` read an ESTIMATE of `blocking`. False when `blocking`
	 * has executed meanwhile (re-execute at once); else `txIdx` waits in ABORTING until it resumes.
	 */
	addDependency(txIdx: number, blocking: number): boolean {
		if (this.txnStatus[blocking].status === 'EXECUTED') return false;
		this.txnStatus[txIdx].status = 'ABORTING';
		this.txnDependency[blocking].add(txIdx);
		this.numActiveTasks--;
		return true;
	}

	/** Algorithm 5 `set_ready_status`: ABORTING(i) -> READY_TO_EXECUTE(i + 1). */
	private setReadyStatus(txIdx: number) {
		const s = this.txnStatus[txIdx];
		s.incarnation++;
		s.status = 'READY_TO_EXECUTE';
	}

	private resumeDependencies(deps: number[]) {
		for (const d of deps) this.setReadyStatus(d);
		if (deps.length > 0) this.decreaseExecutionIdx(Math.min(...deps));
	}

	/**
	 * Algorithm 5 `finish_execution`: EXECUTED; resume the dependents; validate this version at
	 * once, or, after a write to a new location, lower validation_idx to `txIdx`.
	 */
	finishExecution(txIdx: number, incarnation: number, wroteNewLocation: boolean): Task | null {
		this.txnStatus[txIdx].status = 'EXECUTED';
		const deps = [...this.txnDependency[txIdx]];
		this.txnDependency[txIdx].clear();
		this.resumeDependencies(deps);
		if (this.validationIdx > txIdx) {
			if (wroteNewLocation) this.decreaseValidationIdx(txIdx);
			else return { kind: 'validate', version: { txIdx, incarnation } };
		}
		this.numActiveTasks--;
		return null;
	}

	/** Algorithm 5 `try_validation_abort`: EXECUTED(i) -> ABORTING(i); false if someone already did. */
	tryValidationAbort(txIdx: number, incarnation: number): boolean {
		const s = this.txnStatus[txIdx];
		if (s.incarnation === incarnation && s.status === 'EXECUTED') {
			s.status = 'ABORTING';
			return true;
		}
		return false;
	}

	/**
	 * Algorithm 5 `finish_validation`: after an abort, the next incarnation is ready, every higher
	 * transaction re-validates (validation_idx lowered to txIdx + 1), and this thread re-executes
	 * at once when execution_idx is already past it.
	 */
	finishValidation(txIdx: number, aborted: boolean): Task | null {
		if (aborted) {
			this.setReadyStatus(txIdx);
			this.decreaseValidationIdx(txIdx + 1);
			if (this.executionIdx > txIdx) {
				const v = this.tryIncarnate(txIdx);
				if (v) return { kind: 'execute', version: v };
				return null; // try_incarnate already gave the task back
			}
		}
		this.numActiveTasks--;
		return null;
	}
}

/**
 * Algorithm 3 `execute`: runs the transaction against the multi-version memory. Its own writes
 * are read back first; an ESTIMATE stops it with the blocking transaction.
 */
function vmExecute(
	tx: BlockTx,
	txIdx: number,
	mv: MVMemory,
	storage: BlockState
):
	| { kind: 'done'; readSet: StmRead[]; writes: Map<string, StateValue> }
	| { kind: 'read-error'; blocking: number } {
	const readSet: StmRead[] = [];
	class ReadError {
		constructor(readonly blocking: number) {}
	}
	try {
		const effect = runTransaction(tx, (key) => {
			const cur = mv.read(key, txIdx);
			if (cur.kind === 'estimate') throw new ReadError(cur.blocking);
			if (cur.kind === 'not-found') {
				readSet.push({ key, version: null });
				return Object.hasOwn(storage, key) ? storage[key] : 0;
			}
			readSet.push({ key, version: cur.version });
			return cur.value;
		});
		const writes = new Map<string, StateValue>();
		for (const w of effect.writes) writes.set(w.key, w.value);
		return { kind: 'done', readSet, writes };
	} catch (e) {
		if (e instanceof ReadError) return { kind: 'read-error', blocking: e.blocking };
		throw e;
	}
}

/** A duration around `mean`: uniform in [0.5 mean, 1.5 mean), at least 0.1. */
function draw(rng: Prng, mean: number): number {
	return Math.max(0.1, mean * (0.5 + rng.next()));
}

/**
 * Executes a block with Block-STM on `threads` simulated threads (see the module comment).
 *
 * @param state the pre-state (storage; not modified); a missing key reads 0
 * @param txs the block, in its preset order (`BlockTx`, parallel-execution.ts)
 * @param options `threads` (whole number >= 1), `seed` (PRNG seed of the task durations), and
 *   optional mean costs (simulated time units), hooks replacing validation and abort, a task cap
 * @returns the final state, counts of executions, validations, aborts and suspensions, every
 *   task with its thread, times, kind, version and outcome, the makespan and the sequential time
 * @throws RangeError for a bad thread count; TypeError/RangeError for a malformed transaction
 *   (`checkTx`); Error when the run exceeds `maxTasks` or leaves an ESTIMATE behind (only a
 *   broken hook can)
 */
export function blockStm(
	state: BlockState,
	txs: BlockTx[],
	options: BlockStmOptions
): BlockStmResult {
	const { threads, seed } = options;
	if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
	if (!Number.isInteger(threads) || threads < 1)
		throw new RangeError(`threads must be a whole number >= 1, got ${threads}`);
	txs.forEach((tx, i) => checkTx(tx, i));
	const executeCost = options.executeCost ?? 10;
	const validateCost = options.validateCost ?? 2;
	const n = txs.length;
	const maxTasks = options.maxTasks ?? 50 * n + 1_000;
	const rng = createPrng(seed);
	// A transaction's own cost (the same for every incarnation and for the sequential baseline),
	// jittered per task.
	const txCost = txs.map(() => draw(rng, executeCost));
	const sequentialTime = txCost.reduce((a, b) => a + b, 0);
	const mv = new MVMemory(n, options.hooks);
	const sched = new Scheduler(n);
	const tasks: StmTask[] = [];
	const incarnations = new Array<number>(n).fill(0);
	let executions = 0;
	let validations = 0;
	let aborts = 0;
	let suspensions = 0;

	type Pending =
		| { kind: 'execute'; version: StmVersion; trace: StmTask; result: ReturnType<typeof vmExecute> }
		| { kind: 'validate'; version: StmVersion; trace: StmTask; valid: boolean };
	type Worker = {
		id: number;
		clock: number;
		task: Task | null;
		pending: Pending | null;
		exited: boolean;
	};
	const workers: Worker[] = Array.from({ length: threads }, (_, id) => ({
		id,
		clock: 0,
		task: null,
		pending: null,
		exited: false
	}));
	const poll = Math.max(0.05, validateCost / 4);

	const begin = (w: Worker, task: Task) => {
		if (tasks.length >= maxTasks)
			throw new Error(`Block-STM did not finish within ${maxTasks} tasks`);
		const { txIdx, incarnation } = task.version;
		const trace: StmTask = {
			seq: tasks.length,
			thread: w.id,
			start: w.clock,
			end: w.clock,
			kind: task.kind,
			txIdx,
			incarnation,
			outcome: task.kind === 'execute' ? 'executed' : 'valid'
		};
		tasks.push(trace);
		let duration: number;
		if (task.kind === 'execute') {
			executions++;
			const result = vmExecute(txs[txIdx], txIdx, mv, state);
			// an execution stopped by an ESTIMATE ran only part of the transaction
			duration = txCost[txIdx] * (result.kind === 'done' ? 0.8 + 0.4 * rng.next() : 0.3);
			w.pending = { kind: 'execute', version: task.version, trace, result };
		} else {
			validations++;
			duration = draw(rng, validateCost);
			w.pending = {
				kind: 'validate',
				version: task.version,
				trace,
				valid: mv.validateReadSet(txIdx)
			};
		}
		trace.end = w.clock + duration;
		w.clock = trace.end;
		w.task = null;
	};

	/** The end of a task: Algorithm 1's second half of try_execute, or of the validation branch. */
	const finish = (w: Worker, p: Pending): Task | null => {
		const { txIdx, incarnation } = p.version;
		if (p.kind === 'execute') {
			if (p.result.kind === 'read-error') {
				p.trace.outcome = 'suspended';
				p.trace.blockedBy = p.result.blocking;
				suspensions++;
				// dependency resolved in the meantime: re-execute the same incarnation at once
				if (!sched.addDependency(txIdx, p.result.blocking))
					return { kind: 'execute', version: p.version };
				return null;
			}
			const wroteNew = mv.record(p.version, p.result.readSet, p.result.writes);
			incarnations[txIdx] = Math.max(incarnations[txIdx], incarnation + 1);
			return sched.finishExecution(txIdx, incarnation, wroteNew);
		}
		const aborted = !p.valid && sched.tryValidationAbort(txIdx, incarnation);
		if (!p.valid) p.trace.outcome = aborted ? 'aborted' : 'stale';
		if (aborted) {
			aborts++;
			mv.convertWritesToEstimates(txIdx);
		}
		return sched.finishValidation(txIdx, aborted);
	};

	let makespan = 0;
	for (;;) {
		let w: Worker | null = null;
		for (const x of workers) if (!x.exited && (w === null || x.clock < w.clock)) w = x;
		if (w === null) break;
		if (w.pending) {
			const p = w.pending;
			w.pending = null;
			w.task = finish(w, p);
			continue;
		}
		if (w.task) {
			begin(w, w.task);
			continue;
		}
		if (sched.done()) {
			w.exited = true;
			makespan = Math.max(makespan, w.clock);
			continue;
		}
		const next = sched.nextTask();
		if (next) begin(w, next);
		else w.clock += poll;
	}

	return {
		state: mv.snapshot(state),
		executions,
		validations,
		aborts,
		suspensions,
		incarnations,
		tasks,
		makespan,
		sequentialTime,
		txCosts: txCost,
		threads,
		seed
	};
}
