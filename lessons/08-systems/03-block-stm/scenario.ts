// Block-STM with the learner's validation and abort: the executor (the collaborative scheduler on
// simulated threads, the VM's reads, the multi-version memory's other operations) is the model of
// protocols/block-stm.ts; at every validation and every abort it calls the learner's
// MultiVersionMemory contract with plain copies of the memory. The run executes a small block of
// transfers (one of which fails) and counter increments on 4 threads, then a block of 16
// increments of one counter, and steps through each run's simulated time.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { BlockStmRunView } from '#lib/model/block-stm.ts';
import { blockStmRunView, sameState } from '#lib/scenario/block-stm.ts';
import { generateBlock } from '#lib/data/blocks.ts';
import {
	blockStm,
	executeSequential,
	type BlockState,
	type BlockStmResult,
	type BlockTx,
	type MvData,
	type StmHooks
} from '#lib/protocols/parallel-execution.ts';

const FILE = 'contracts/MultiVersionMemory.ts';
const THREADS = 4;
const SEED = 1;

/** The lesson's block: transfers among three accounts (tx 4 fails) and increments of a counter. */
export const BLOCK: { state: BlockState; txs: BlockTx[] } = {
	state: { alice: 10, bob: 2, carol: 0, counter: 0 },
	txs: [
		{ kind: 'transfer', from: 'alice', to: 'bob', amount: 4 },
		{ kind: 'increment', key: 'counter' },
		{ kind: 'transfer', from: 'bob', to: 'carol', amount: 6 },
		{ kind: 'increment', key: 'counter' },
		{ kind: 'transfer', from: 'carol', to: 'alice', amount: 9 },
		{ kind: 'increment', key: 'counter' },
		{ kind: 'transfer', from: 'alice', to: 'carol', amount: 5 },
		{ kind: 'increment', key: 'counter' },
		{ kind: 'transfer', from: 'carol', to: 'bob', amount: 3 },
		{ kind: 'increment', key: 'counter' },
		{ kind: 'copy', from: 'counter', to: 'lastCount' },
		{ kind: 'increment', key: 'counter' }
	]
};

/** The prediction's block: 16 increments of one counter, every transaction reads what the previous one wrote. */
export const INCREMENTS: { state: BlockState; txs: BlockTx[] } = {
	state: { counter: 0 },
	txs: Array.from({ length: 16 }, () => ({ kind: 'increment', key: 'counter' }) as BlockTx)
};

/** The seeds and thread counts of the equal-to-sequential check. */
export const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
export const THREAD_COUNTS = [2, 4, 8];

/**
 * Hooks that call the learner's contract: as transactions (`send`, so the receipts view shows
 * them) or as read-only calls. A call that fails stops the run with the contract's error.
 */
export function learnerHooks(s: ScenarioContext, mvm: string, send: boolean): StmHooks {
	const call = (method: string, args: unknown[]): unknown => {
		if (!send) return s.view(mvm, method, args);
		const r = s.send({ from: 'executor', to: mvm, method, args });
		if (r.status !== 'success')
			throw new Error(`${method} failed: ${r.error?.message ?? r.status}`);
		return r.returnValue;
	};
	return {
		validateReadSet: (txIdx, readSet, data) =>
			call('validateReadSet', [txIdx, readSet, data]) === true,
		convertWritesToEstimates: (txIdx, written, data) =>
			call('convertWritesToEstimates', [txIdx, written, data]) as MvData
	};
}

type Attempt = { run: BlockStmResult } | { error: string };

/** One Block-STM run with the learner's hooks; an error (a run that never ends) is returned, not thrown. */
function attempt(
	block: { state: BlockState; txs: BlockTx[] },
	threads: number,
	seed: number,
	hooks: StmHooks
): Attempt {
	try {
		return { run: blockStm(block.state, block.txs, { threads, seed, hooks }) };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

/** The first key whose value differs, in the learner's terms. */
function difference(mine: BlockState, expected: BlockState): string {
	const keys = [...new Set([...Object.keys(expected), ...Object.keys(mine)])];
	const k = keys.find((key) => mine[key] !== expected[key]) ?? keys[0];
	return `${k} is ${mine[k] ?? 'missing'}, sequential execution gives ${expected[k] ?? 'missing'}`;
}

const neverEnds = (error: string) =>
	`${error}: transactions kept aborting or kept reading an ESTIMATE that no re-execution clears. Does validateReadSet return false for reads that are still valid, or does convertWritesToEstimates mark another transaction's entries?`;

/** Cursors at `parts` evenly spaced simulated times, from `first` step on. */
function cursors(first: number, parts: number, makespan: number) {
	return Array.from({ length: parts }, (_, i) => ({
		step: first + i,
		time: (makespan * (i + 1)) / parts
	}));
}

const v = (txIdx: number, incarnation: number) => ({ txIdx, incarnation });
const e = (incarnation: number, value: number) => ({ incarnation, value });

/** Validation cases: reader tx 2 read `x`; what the memory holds now; the right answer; why. */
const VALIDATE_CASES: {
	why: string;
	read: { key: string; version: { txIdx: number; incarnation: number } | null };
	data: MvData;
	valid: boolean;
}[] = [
	{
		why: 'tx 2 read x from storage and no transaction below it has written x',
		read: { key: 'x', version: null },
		data: { x: { '3': e(0, 9) } },
		valid: true
	},
	{
		why: 'tx 2 read x from tx 0, incarnation 0, and that entry is still there',
		read: { key: 'x', version: v(0, 0) },
		data: { x: { '0': e(0, 5) } },
		valid: true
	},
	{
		why: 'tx 2 read x from tx 0, incarnation 0, but tx 0 re-executed: the entry is now incarnation 1',
		read: { key: 'x', version: v(0, 0) },
		data: { x: { '0': e(1, 5) } },
		valid: false
	},
	{
		why: 'tx 2 read x from storage, but tx 1 has since written x',
		read: { key: 'x', version: null },
		data: { x: { '1': e(0, 7) } },
		valid: false
	},
	{
		why: "tx 2 read x from tx 1, incarnation 0, and tx 1's entry is now an ESTIMATE (tx 1 was aborted)",
		read: { key: 'x', version: v(1, 0) },
		data: { x: { '0': e(0, 5), '1': 'ESTIMATE' } },
		valid: false
	},
	{
		why: 'tx 2 read x from tx 0, and tx 1 (between them) has since written x',
		read: { key: 'x', version: v(0, 0) },
		data: { x: { '0': e(0, 5), '1': e(0, 6) } },
		valid: false
	},
	{
		why: 'tx 2 read x from tx 1, which no longer writes x: a read now finds tx 0',
		read: { key: 'x', version: v(1, 0) },
		data: { x: { '0': e(0, 5) } },
		valid: false
	},
	{
		why: 'tx 2 read x from tx 1, incarnation 2; tx 3 and tx 5 (above tx 2) wrote x since, which tx 2 never sees',
		read: { key: 'x', version: v(1, 2) },
		data: { x: { '1': e(2, 4), '3': 'ESTIMATE', '5': e(0, 1) } },
		valid: true
	}
];

export default defineScenario<string>({
	*run(s) {
		s.total = 10;
		const mvm = s.deploy(FILE, { from: 'executor' });
		const runs: BlockStmRunView[] = [];
		s.overview.blockStm = { runs };
		const seq = executeSequential(BLOCK.state, BLOCK.txs);
		const failed = seq.results.filter((r) => r.status === 'failed').map((r) => r.index);
		s.note(
			`Sequential result: alice ${seq.state.alice}, bob ${seq.state.bob}, carol ${seq.state.carol}, counter ${seq.state.counter}; tx ${failed.join(', ')} fails.`
		);

		const a = attempt(BLOCK, THREADS, SEED, learnerHooks(s, mvm, true));
		if ('error' in a) {
			s.note(neverEnds(a.error));
			s.summary('Final state equals sequential', 'no (the run did not finish)');
			yield 'Block-STM on 4 threads did not finish';
			return mvm;
		}
		const main = a.run;
		runs.push(
			blockStmRunView('12 transfers and increments', BLOCK.txs, main, seq, [
				{ step: 0, time: 0 },
				...cursors(1, 6, main.makespan)
			])
		);
		yield 'The block in its preset order; 4 threads ready (t = 0)';
		for (let i = 1; i <= 6; i++) {
			const done = main.tasks.filter((t) => t.end <= (main.makespan * i) / 6);
			const aborted = done.filter((t) => t.outcome === 'aborted').length;
			yield `t = ${((main.makespan * i) / 6).toFixed(1)}: ${done.length} tasks done, ${aborted} aborts so far`;
		}
		s.note(
			sameState(main.state, seq.state)
				? 'The final state equals sequential execution.'
				: `The final state differs from sequential execution: ${difference(main.state, seq.state)}.`
		);

		const incSeq = executeSequential(INCREMENTS.state, INCREMENTS.txs);
		const b = attempt(INCREMENTS, THREADS, SEED, learnerHooks(s, mvm, true));
		if ('error' in b) {
			s.note(neverEnds(b.error));
			yield '16 increments on 4 threads did not finish';
			return mvm;
		}
		const inc = b.run;
		runs.push(
			blockStmRunView(
				'16 increments of one counter',
				INCREMENTS.txs,
				inc,
				incSeq,
				cursors(7, 3, inc.makespan)
			)
		);
		yield '16 increments of one counter: the first third of the run';
		yield '16 increments: two thirds';
		s.summary(
			'Final state equals sequential',
			sameState(main.state, seq.state) && sameState(inc.state, incSeq.state) ? 'yes' : 'no',
			{ reference: 'yes' }
		);
		s.summary('Aborts, 16 increments of one counter on 4 threads', String(inc.aborts));
		s.summary('Executions, 16 increments on 4 threads', String(inc.executions), {
			reference: '16 on one thread'
		});
		s.summary(
			'Speed-up over one thread, 16 increments',
			`${(inc.sequentialTime / inc.makespan).toFixed(2)}x`
		);
		s.summary(
			'Speed-up over one thread, the 12-transaction block',
			`${(main.sequentialTime / main.makespan).toFixed(2)}x`
		);
		yield `16 increments: done with ${inc.aborts} aborts and ${inc.executions} executions`;
		return mvm;
	},

	checks: [
		{
			id: 'validate-read-set',
			title: 'validateReadSet compares versions: writer and incarnation, ESTIMATE and storage',
			run(c) {
				const s = c.fresh();
				const mvm = s.deploy(FILE, { from: 'executor' });
				for (const k of VALIDATE_CASES) {
					const got = s.view(mvm, 'validateReadSet', [2, [k.read], k.data]);
					ensure(
						got === k.valid,
						`When ${k.why}, validateReadSet(2, ...) returned ${String(got)}; the read set is ${k.valid ? 'still valid (true)' : 'invalid (false)'}.`
					);
				}
				return c.pass(`Right on all ${VALIDATE_CASES.length} read sets.`);
			}
		},
		{
			id: 'convert-writes-to-estimates',
			title:
				"convertWritesToEstimates marks the aborted transaction's writes ESTIMATE, nothing else",
			run(c) {
				const s = c.fresh();
				const mvm = s.deploy(FILE, { from: 'executor' });
				const data: MvData = {
					x: { '0': e(0, 1), '2': e(1, 4), '3': e(0, 6) },
					y: { '2': e(1, 9) }
				};
				const got = s.view(mvm, 'convertWritesToEstimates', [2, ['x', 'y'], data]) as MvData;
				const expected: MvData = {
					x: { '0': e(0, 1), '2': 'ESTIMATE', '3': e(0, 6) },
					y: { '2': 'ESTIMATE' }
				};
				for (const key of ['x', 'y']) {
					for (const j of Object.keys(expected[key])) {
						const want = JSON.stringify(expected[key][j]);
						const have = JSON.stringify(got?.[key]?.[j] ?? null);
						ensure(
							want === have,
							`After tx 2 aborts, its writes to x and y become ESTIMATE. The entry of tx ${j} at ${key} is ${have}, expected ${want}.`
						);
					}
					ensure(
						Object.keys(got?.[key] ?? {}).length === Object.keys(expected[key]).length,
						`The entries at ${key} are ${JSON.stringify(got?.[key])}; an abort adds and removes no entry, it marks.`
					);
				}
				return c.pass("tx 2's entries at x and y are ESTIMATE; tx 0's and tx 3's are untouched.");
			}
		},
		{
			id: 'equals-sequential',
			title: `The final state equals sequential execution for ${SEEDS.length} seeds on 2, 4 and 8 threads`,
			run(c) {
				const s = c.fresh();
				const mvm = s.deploy(FILE, { from: 'executor' });
				const hooks = learnerHooks(s, mvm, false);
				let runs = 0;
				for (const seed of SEEDS) {
					// the lesson's block for odd seeds, a seeded high-contention block for even ones
					const block =
						seed % 2 === 1
							? BLOCK
							: generateBlock(seed, { size: 12, accounts: 4, counters: 1, contention: 0.6 });
					const expected = executeSequential(block.state, block.txs).state;
					for (const threads of THREAD_COUNTS) {
						const a = attempt(block, threads, seed, hooks);
						const what = `${seed % 2 === 1 ? "The lesson's block" : `Synthetic block ${seed}`}, seed ${seed}, ${threads} threads`;
						if ('error' in a) ensure(false, `${what}: ${neverEnds(a.error)}`);
						else
							ensure(
								sameState(a.run.state, expected),
								`${what}: ${difference(a.run.state, expected)}. A read that was no longer valid passed validation.`
							);
						runs++;
					}
				}
				return c.pass(`Equal to sequential in all ${runs} runs.`);
			}
		},
		{
			id: 'counts-match-model',
			title: 'Executions, validations and aborts match the paper’s algorithm for the same seeds',
			run(c) {
				const s = c.fresh();
				const mvm = s.deploy(FILE, { from: 'executor' });
				const hooks = learnerHooks(s, mvm, false);
				for (const [name, block] of [
					["the lesson's block", BLOCK],
					['16 increments', INCREMENTS]
				] as const) {
					for (const seed of [1, 2, 3]) {
						const a = attempt(block, THREADS, seed, hooks);
						if ('error' in a) ensure(false, `${name}, seed ${seed}: ${neverEnds(a.error)}`);
						const ref = blockStm(block.state, block.txs, { threads: THREADS, seed });
						const n = block.txs.length;
						ensure(
							a.run.executions >= n && a.run.validations >= n,
							`${name}, seed ${seed}: ${a.run.executions} executions and ${a.run.validations} validations for ${n} transactions; every transaction executes and is validated at least once.`
						);
						ensure(
							a.run.executions === ref.executions &&
								a.run.validations === ref.validations &&
								a.run.aborts === ref.aborts,
							`${name}, seed ${seed}, 4 threads: your run made ${a.run.executions} executions, ${a.run.validations} validations and ${a.run.aborts} aborts; Algorithm 2's validation and abort give ${ref.executions}, ${ref.validations} and ${ref.aborts} with the same timing.`
						);
					}
				}
				return c.pass('The same executions, validations and aborts as the reference in 6 runs.');
			}
		}
	]
});
