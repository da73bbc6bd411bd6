/**
 * Parallel execution of a block: the sequential semantics every parallel executor must reproduce,
 * the read-from dependencies of a block, and Sealevel-style batches from declared accounts.
 *
 * A block is an ordered list of transactions over a key-value state (`Record<string, number |
 * bigint>`: account balances and counters, in whole units). Executing them one after another in
 * the block's order defines the result; a parallel executor is correct when its final state is
 * the sequential one.
 *
 * Sources:
 * - Rati Gelashvili, Alexander Spiegelman, Zhuolun Xiang, George Danezis, Zekun Li, Dahlia Malkhi,
 *   Yu Xia, Runtian Zhou, "Block-STM: Scaling Blockchain Execution by Turning Ordering Curse to a
 *   Performance Blessing", arXiv 2203.06871 (2022). §1 and §3: the block's transactions have a
 *   preset order and the outcome must equal executing them sequentially in that order; a read of
 *   transaction `j` returns the value written by the highest transaction `i < j` that wrote the
 *   location, or storage when none did (§3, the multi-version memory's `read`); a transaction's
 *   read set records, for each location, the version (writer transaction, incarnation) it saw, and
 *   its write set the locations and values it wrote (§3.1, `ReadSet`/`WriteSet`). The read-from
 *   edges below are the dependencies Block-STM discovers at run time rather than up front (§1).
 * - Anatoly Yakovenko, Solana Labs, "Sealevel — Parallel Processing Thousands of Smart Contracts"
 *   (medium.com/solana-labs, 2019): every transaction declares up front the accounts it reads and
 *   the accounts it writes; transactions whose accounts do not overlap, or that only read an
 *   account in common, run in parallel; a writable account is locked exclusively. The declaration
 *   is static, so it is a superset of what the transaction touches when it runs: a transfer that
 *   will fail for lack of funds still locks both accounts.
 *
 * Transaction indices are 0-based block positions throughout (the paper numbers them the same
 * way, `txn_idx` from 0); Sealevel batch numbers start at 1.
 */

/** A value in the block's state: a balance or a counter, in whole units. */
export type StateValue = number | bigint;

/** The block's state: key (account or counter name) -> value. A missing key reads as 0. */
export type BlockState = Record<string, StateValue>;

/** Extra declared accounts, on top of those a transaction's kind always declares. */
export type ExtraDeclaration = {
	/** accounts the transaction says it may read (shared locks) */
	reads?: readonly string[];
	/** accounts the transaction says it may write (exclusive locks) */
	writes?: readonly string[];
};

/**
 * A transaction in a block. Every kind reads before it writes and reads each key at most once.
 *
 * - `transfer`: moves `amount` from `from` to `to`. It reads `from`; when the balance is short
 *   (`balance < amount`) it fails with no writes (and does not read `to`). Otherwise it reads `to`
 *   and writes `from = balance - amount`, `to = to + amount` (a transfer to oneself reads and
 *   writes `from` once, unchanged). Declares writes `[from, to]`, whether or not it will fail.
 * - `increment`: adds `by` (default 1) to the counter `key`. Reads and writes `key`; never
 *   fails. Declares writes `[key]`.
 * - `copy`: writes the value of `from` into `to` (e.g. a vault recording an oracle price). Reads
 *   `from`, writes `to`. Declares reads `[from]`, writes `[to]` (the same key: writes `[to]`).
 * - `read`: reads `keys` and writes nothing (a balance check, a view call). Never fails. Declares
 *   reads `keys`.
 *
 * Any kind may carry `declare`, extra accounts it declares for Sealevel without touching them at
 * run time (declarations are static supersets; an over-declared account still locks).
 *
 * Amounts are whole numbers >= 0, as `number` (safe integers) or `bigint`; arithmetic with a
 * bigint on either side is done in bigint.
 */
export type BlockTx =
	| {
			kind: 'transfer';
			from: string;
			to: string;
			amount: StateValue;
			declare?: ExtraDeclaration;
	  }
	| { kind: 'increment'; key: string; by?: StateValue; declare?: ExtraDeclaration }
	| { kind: 'copy'; from: string; to: string; declare?: ExtraDeclaration }
	| { kind: 'read'; keys: readonly string[]; declare?: ExtraDeclaration };

/** One read of a transaction: the key, the value seen, and where it came from. */
export type TxRead = {
	key: string;
	value: StateValue;
	/** `'storage'` (the block's pre-state) or the index of the earlier transaction that wrote it */
	from: 'storage' | number;
};

/** One write of a transaction. */
export type TxWrite = { key: string; value: StateValue };

/** What one transaction did in sequential execution. */
export type TxResult = {
	index: number;
	status: 'ok' | 'failed';
	/** why a failed transaction failed, e.g. `"insufficient balance: alice has 3, needs 5"` */
	reason?: string;
	/** reads in the order made */
	reads: TxRead[];
	/** writes in the order made; empty when the transaction failed */
	writes: TxWrite[];
};

/** The outcome of `executeSequential`. */
export type SequentialExecution = {
	/** the final state: the pre-state's keys plus every key written, in first-seen order */
	state: BlockState;
	/** one result per transaction, in block order */
	results: TxResult[];
};

/** The effect of running one transaction against some view of the state. */
export type TxEffect = {
	status: 'ok' | 'failed';
	reason?: string;
	/** writes in the order made; empty when the transaction failed */
	writes: TxWrite[];
};

/** A read-from edge: transaction `reader` read `key` from the value transaction `writer` wrote. */
export type ReadFromEdge = { reader: number; key: string; writer: number };

function checkKey(key: unknown, what: string): string {
	if (typeof key !== 'string' || key === '') {
		throw new TypeError(`${what} must be a non-empty string, got ${String(key)}`);
	}
	return key;
}

function checkAmount(amount: unknown, what: string): StateValue {
	if (typeof amount === 'bigint') {
		if (amount < 0n) throw new RangeError(`${what} must be >= 0, got ${amount}`);
		return amount;
	}
	if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0) return amount;
	throw new RangeError(`${what} must be a whole number >= 0, got ${String(amount)}`);
}

/** a + b, in bigint when either side is a bigint (a number side must then be a whole number). */
function add(a: StateValue, b: StateValue): StateValue {
	if (typeof a === 'number' && typeof b === 'number') return a + b;
	return BigInt(a) + BigInt(b);
}

function sub(a: StateValue, b: StateValue): StateValue {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return BigInt(a) - BigInt(b);
}

/**
 * Checks a transaction's shape and returns it.
 * @throws TypeError for an unknown kind or a missing/empty key; RangeError for an amount or `by`
 *   that is not a whole number >= 0
 */
export function checkTx(tx: BlockTx, index = 0): BlockTx {
	const at = `txs[${index}]`;
	if (tx === null || typeof tx !== 'object') throw new TypeError(`${at} is not an object`);
	switch (tx.kind) {
		case 'transfer':
			checkKey(tx.from, `${at}.from`);
			checkKey(tx.to, `${at}.to`);
			checkAmount(tx.amount, `${at}.amount`);
			break;
		case 'increment':
			checkKey(tx.key, `${at}.key`);
			if (tx.by !== undefined) checkAmount(tx.by, `${at}.by`);
			break;
		case 'copy':
			checkKey(tx.from, `${at}.from`);
			checkKey(tx.to, `${at}.to`);
			break;
		case 'read':
			if (!Array.isArray(tx.keys)) throw new TypeError(`${at}.keys must be an array`);
			tx.keys.forEach((k, i) => checkKey(k, `${at}.keys[${i}]`));
			break;
		default:
			throw new TypeError(`${at} has unknown kind ${String((tx as { kind?: unknown }).kind)}`);
	}
	if (tx.declare !== undefined) {
		for (const side of ['reads', 'writes'] as const) {
			const keys = tx.declare[side];
			if (keys === undefined) continue;
			if (!Array.isArray(keys)) throw new TypeError(`${at}.declare.${side} must be an array`);
			keys.forEach((k, i) => checkKey(k, `${at}.declare.${side}[${i}]`));
		}
	}
	return tx;
}

/**
 * Runs one transaction against `read`, a view of the state (storage, a sequential prefix, or a
 * multi-version memory). Calls `read` at most once per key, in the order documented on `BlockTx`,
 * and returns the status and the writes; it does not apply them. Missing keys must be returned as
 * 0 by `read`.
 * @throws as `checkTx`
 */
export function runTransaction(tx: BlockTx, read: (key: string) => StateValue): TxEffect {
	checkTx(tx);
	switch (tx.kind) {
		case 'transfer': {
			const balance = read(tx.from);
			if (balance < tx.amount) {
				return {
					status: 'failed',
					reason: `insufficient balance: ${tx.from} has ${balance}, needs ${tx.amount}`,
					writes: []
				};
			}
			if (tx.to === tx.from) return { status: 'ok', writes: [{ key: tx.from, value: balance }] };
			const toBalance = read(tx.to);
			return {
				status: 'ok',
				writes: [
					{ key: tx.from, value: sub(balance, tx.amount) },
					{ key: tx.to, value: add(toBalance, tx.amount) }
				]
			};
		}
		case 'increment': {
			const value = read(tx.key);
			return { status: 'ok', writes: [{ key: tx.key, value: add(value, tx.by ?? 1) }] };
		}
		case 'copy': {
			const value = read(tx.from);
			return { status: 'ok', writes: [{ key: tx.to, value }] };
		}
		case 'read': {
			for (const key of new Set(tx.keys)) read(key);
			return { status: 'ok', writes: [] };
		}
	}
}

/**
 * Executes a block sequentially, in its order (Block-STM §1, the semantics a parallel executor
 * must reproduce): each transaction reads the state left by all earlier ones (an earlier
 * transaction's writes are visible to every later read); a failed transaction writes nothing; a
 * transaction that fails stays failed even when a later transaction would have funded it.
 *
 * @param state the pre-state (not modified); a key not in it reads as 0 from storage
 * @param txs the block, in order
 * @returns the final state and one `TxResult` per transaction, whose reads say where each value
 *   came from (`'storage'` or the index of the last earlier transaction that wrote the key)
 * @throws TypeError/RangeError for a malformed transaction (see `checkTx`) or a state value that
 *   is not a number or bigint
 */
export function executeSequential(state: BlockState, txs: BlockTx[]): SequentialExecution {
	const current: BlockState = {};
	for (const [key, value] of Object.entries(state)) {
		if (typeof value !== 'number' && typeof value !== 'bigint') {
			throw new TypeError(`state.${key} must be a number or bigint, got ${typeof value}`);
		}
		current[key] = value;
	}
	const lastWriter = new Map<string, number>();
	const results: TxResult[] = [];
	txs.forEach((tx, index) => {
		checkTx(tx, index);
		const reads: TxRead[] = [];
		const effect = runTransaction(tx, (key) => {
			const value = Object.hasOwn(current, key) ? current[key] : 0;
			reads.push({ key, value, from: lastWriter.get(key) ?? 'storage' });
			return value;
		});
		for (const { key, value } of effect.writes) {
			current[key] = value;
			lastWriter.set(key, index);
		}
		results.push({
			index,
			status: effect.status,
			...(effect.reason !== undefined ? { reason: effect.reason } : {}),
			reads,
			writes: effect.writes
		});
	});
	return { state: current, results };
}

/**
 * The read-from dependencies of a block: one edge per read that saw another transaction's write
 * (reads from storage give no edge). Transaction `reader` cannot produce its sequential result
 * before `writer` has (Block-STM §1: these are the dependencies the algorithm discovers
 * optimistically instead of declaring them).
 *
 * Call it with the pre-state and the block, or with an `executeSequential` result.
 * @returns edges in block order of the reader, then in the order of its reads
 * @throws as `executeSequential`
 */
export function readFromDependencies(state: BlockState, txs: BlockTx[]): ReadFromEdge[];
export function readFromDependencies(execution: SequentialExecution): ReadFromEdge[];
export function readFromDependencies(
	stateOrExecution: BlockState | SequentialExecution,
	txs?: BlockTx[]
): ReadFromEdge[] {
	const execution =
		txs === undefined
			? (stateOrExecution as SequentialExecution)
			: executeSequential(stateOrExecution as BlockState, txs);
	const edges: ReadFromEdge[] = [];
	for (const result of execution.results) {
		for (const read of result.reads) {
			if (read.from !== 'storage') {
				edges.push({ reader: result.index, key: read.key, writer: read.from });
			}
		}
	}
	return edges;
}

/** The accounts a transaction declares, after Sealevel: what it may read and what it may write. */
export type DeclaredAccounts = {
	/** read-only accounts (shared locks), not also written, sorted */
	reads: string[];
	/** writable accounts (exclusive locks), sorted */
	writes: string[];
};

/**
 * The accounts a transaction declares up front (see `BlockTx` for each kind), plus its extra
 * `declare` entries. An account both read and written is declared writable only.
 * @throws as `checkTx`
 */
export function declaredAccounts(tx: BlockTx): DeclaredAccounts {
	checkTx(tx);
	const reads = new Set<string>(tx.declare?.reads ?? []);
	const writes = new Set<string>(tx.declare?.writes ?? []);
	switch (tx.kind) {
		case 'transfer':
			writes.add(tx.from).add(tx.to);
			break;
		case 'increment':
			writes.add(tx.key);
			break;
		case 'copy':
			reads.add(tx.from);
			writes.add(tx.to);
			break;
		case 'read':
			for (const k of tx.keys) reads.add(k);
			break;
	}
	for (const k of writes) reads.delete(k);
	return { reads: [...reads].sort(), writes: [...writes].sort() };
}

/**
 * Whether two transactions' declared accounts conflict (Sealevel): one writes an account the other
 * reads or writes. Two reads of the same account do not conflict (read locks are shared).
 */
export function declaredConflict(a: DeclaredAccounts, b: DeclaredAccounts): boolean {
	const aw = new Set(a.writes);
	const bw = new Set(b.writes);
	return (
		b.writes.some((k) => aw.has(k)) ||
		b.reads.some((k) => aw.has(k)) ||
		a.reads.some((k) => bw.has(k))
	);
}

/**
 * Sealevel-style batches from declared accounts: transaction `j` runs in batch
 * `1 + max(batch[i])` over the earlier transactions `i < j` whose declared accounts conflict with
 * `j`'s (write-write or read-write), or in batch 1 when none does. Transactions in one batch touch
 * disjoint writable accounts and can run in parallel; the batches run one after another, so the
 * block's order is respected wherever it matters. A transfer that will fail still declares, and so
 * locks, both its accounts (the schedule is fixed before anything runs).
 *
 * @returns the batch number (1-based) of each transaction, in block order
 * @throws as `checkTx`
 */
export function sealevelBatches(txs: BlockTx[]): number[] {
	const declared = txs.map((tx, i) => declaredAccounts(checkTx(tx, i)));
	const batches: number[] = [];
	for (let j = 0; j < txs.length; j++) {
		let batch = 1;
		for (let i = 0; i < j; i++) {
			if (batches[i] + 1 > batch && declaredConflict(declared[i], declared[j])) {
				batch = batches[i] + 1;
			}
		}
		batches.push(batch);
	}
	return batches;
}

/** Groups per-transaction batch numbers into batches: `result[b - 1]` lists batch b's indices. */
export function groupBatches(batches: readonly number[]): number[][] {
	const groups: number[][] = [];
	batches.forEach((b, index) => {
		while (groups.length < b) groups.push([]);
		groups[b - 1].push(index);
	});
	return groups;
}

// Block-STM (block-stm.ts) over the same BlockTx, importable from here as the issue names it.
export { blockStm, MVMemory, Scheduler } from './block-stm.ts';
export type {
	BlockStmOptions,
	BlockStmResult,
	MvData,
	MvEntry,
	StmHooks,
	StmOutcome,
	StmRead,
	StmTask,
	StmVersion
} from './block-stm.ts';
