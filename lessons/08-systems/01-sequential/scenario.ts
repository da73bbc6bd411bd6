// Sequential semantics: the learner's block executor runs the track's main block (Bob pays Carol
// before Alice funds him), then a seeded block; the checks compare its final state, statuses, read
// sets and write sets with the reference model's executeSequential on the named edge cases and on
// 40 seeded blocks.
import {
	defineScenario,
	ensure,
	type CheckContext,
	type ScenarioContext
} from '#lib/scenario/index.ts';
import {
	executeSequential,
	type BlockTx,
	type SequentialExecution
} from '#lib/protocols/parallel-execution.ts';
import { parallelBlock, txLabel } from '#lib/scenario/parallel.ts';
import type { SyntheticBlock } from '#lib/data/blocks.ts';
import { CHAIN, FUND_LATER, MAIN, NO_WRITES, SYNTHETIC, seededBlocks } from '../blocks.ts';

const FILE = 'contracts/Executor.ts';

type Mine = {
	state: Record<string, unknown>;
	results: { status?: unknown; reads?: unknown[]; writes?: unknown[] }[];
};
type Outcome = { mine: Mine } | { failed: string };

/** The learner's execute over a block, as one transaction. */
function execute(s: ScenarioContext, executor: string, block: SyntheticBlock): Outcome {
	const r = s.send({
		from: 'validator',
		to: executor,
		method: 'execute',
		args: [block.state, block.txs],
		gasLimit: 30_000_000
	});
	if (r.status !== 'success') return { failed: r.error?.message ?? r.status };
	const v = r.returnValue as Mine | null;
	if (!v || typeof v !== 'object' || !Array.isArray(v.results) || typeof v.state !== 'object') {
		return { failed: 'execute must return { state, results }' };
	}
	return { mine: v };
}

const show = (x: unknown) =>
	JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? `${v}` : v)) ?? 'nothing';
const fmtState = (st: Record<string, unknown>) =>
	Object.entries(st)
		.map(([k, v]) => `${k} ${String(v)}`)
		.join(', ');
const tx = (txs: BlockTx[], i: number) => `tx ${i} (${txLabel(txs[i])})`;

type Aspect = 'state' | 'status' | 'writes' | 'reads';

/** The first difference between the learner's execution and the reference in `aspect`, or null. */
export function difference(
	aspect: Aspect,
	block: SyntheticBlock,
	mine: Mine,
	ref: SequentialExecution
): string | null {
	const { txs } = block;
	if (mine.results.length !== txs.length && aspect !== 'state') {
		return `your execute returned ${mine.results.length} results for ${txs.length} transactions.`;
	}
	if (aspect === 'state') {
		const keys = new Set([...Object.keys(ref.state), ...Object.keys(mine.state ?? {})]);
		for (const k of keys) {
			if (mine.state?.[k] !== ref.state[k]) {
				return `after the block your state has ${k} = ${String(mine.state?.[k])}, sequential execution ends with ${k} = ${String(ref.state[k])} (${fmtState(ref.state)}).`;
			}
		}
		return null;
	}
	for (let i = 0; i < txs.length; i++) {
		const got = mine.results[i] ?? {};
		const want = ref.results[i];
		if (aspect === 'status' && got.status !== want.status) {
			return `${tx(txs, i)} is '${String(got.status)}' in yours, '${want.status}' in sequential execution${want.reason ? ` (${want.reason})` : ''}.`;
		}
		if (aspect === 'writes' && show(got.writes) !== show(want.writes)) {
			return `${tx(txs, i)} wrote ${show(got.writes)} in yours; sequential execution writes ${show(want.writes)}${want.status === 'failed' ? ' (it failed, so nothing)' : ''}.`;
		}
		if (aspect === 'reads' && show(got.reads) !== show(want.reads)) {
			return `${tx(txs, i)} read ${show(got.reads)} in yours; sequential execution reads ${show(want.reads)}.`;
		}
	}
	return null;
}

/** Run the learner's executor on each block and compare the named aspects; fail at the first difference. */
function judge<R>(c: CheckContext<R>, blocks: [string, SyntheticBlock][], aspects: Aspect[]) {
	const s = c.fresh();
	const executor = s.deploy(FILE, { from: 'validator' });
	for (const [name, block] of blocks) {
		const out = execute(s, executor, block);
		ensure(
			'mine' in out,
			`${name}: your execute reverted (${'failed' in out ? out.failed : ''}). When a transaction's code throws, that transaction is 'failed'; the block goes on.`
		);
		const ref = executeSequential(block.state, block.txs);
		for (const aspect of aspects) {
			const diff = difference(aspect, block, out.mine, ref);
			c.assert(diff === null, `${name}: ${diff}`);
		}
	}
}

function learnerStatuses(out: Outcome, n: number): (string | undefined)[] {
	if (!('mine' in out)) return Array.from({ length: n }, () => 'reverted');
	return Array.from({ length: n }, (_, i) => {
		const st = out.mine.results[i]?.status;
		return st === undefined ? undefined : String(st);
	});
}

const SEEDED = seededBlocks(40, 20);

export default defineScenario({
	*run(s) {
		s.total = 2;
		const executor = s.deploy(FILE, { from: 'validator' });
		const blocks: ReturnType<typeof parallelBlock>[] = [];

		const main = execute(s, executor, MAIN);
		const ref = executeSequential(MAIN.state, MAIN.txs);
		blocks.push(
			parallelBlock({
				name: 'the main block',
				source: SYNTHETIC,
				step: 0,
				state: MAIN.state,
				txs: MAIN.txs,
				learner: { statuses: learnerStatuses(main, MAIN.txs.length) },
				note: `Pre-state: ${fmtState(MAIN.state)}. The table's Yours column is the status your execute returned.`
			})
		);
		s.overview.parallel = { blocks };
		const mineState = 'mine' in main ? main.mine.state : null;
		s.summary("Carol's balance after the block", mineState ? String(mineState.carol) : 'reverted', {
			reference: String(ref.state.carol)
		});
		s.summary(
			'Failed transactions',
			'mine' in main
				? main.mine.results
						.map((r, i) => (r.status === 'failed' ? String(i) : null))
						.filter((x) => x !== null)
						.join(', ') || 'none'
				: 'reverted',
			{
				reference: ref.results
					.filter((r) => r.status === 'failed')
					.map((r) => r.index)
					.join(', ')
			}
		);
		yield 'The main block: Bob pays Carol 5 before Alice funds him, then again after';

		const seeded = SEEDED[6];
		const out = execute(s, executor, seeded);
		blocks.push(
			parallelBlock({
				name: 'seeded block 7 (20 transactions)',
				source: `${SYNTHETIC}: data/blocks.ts, seed 7`,
				step: 1,
				state: seeded.state,
				txs: seeded.txs,
				learner: { statuses: learnerStatuses(out, seeded.txs.length) }
			})
		);
		const refSeeded = executeSequential(seeded.state, seeded.txs);
		const same = 'mine' in out && difference('state', seeded, out.mine, refSeeded) === null;
		s.summary('Seeded block 7: your final state', same ? 'equals sequential' : 'differs', {
			reference: 'equals sequential'
		});
		yield 'A seeded block of 20 transfers, increments, copies and reads';
	},

	checks: [
		{
			id: 'reads-see-writes',
			title: 'Each transaction reads what the earlier ones wrote, and the final state follows',
			run(c) {
				judge(c, [['A block where every transaction succeeds', CHAIN]], ['writes', 'state']);
				return c.pass(
					`Every write and the final state (${fmtState(executeSequential(CHAIN.state, CHAIN.txs).state)}) match sequential execution.`
				);
			}
		},
		{
			id: 'failed-stays-failed',
			title: 'A transfer that fails early stays failed when a later transaction funds the account',
			run(c) {
				judge(
					c,
					[
						['Bob pays before Alice funds him', FUND_LATER],
						['The main block', MAIN]
					],
					['status', 'state']
				);
				return c.pass(
					'Bob’s first transfer fails (he has 0), his second, after Alice’s, succeeds: order decides.'
				);
			}
		},
		{
			id: 'failed-no-writes',
			title: 'A failed transaction leaves no writes, even the debit it made before failing',
			run(c) {
				judge(
					c,
					[['Failed transfers between successful ones', NO_WRITES]],
					['status', 'writes', 'state']
				);
				return c.pass(
					'The failed transfers wrote nothing; the next reads saw the state before them.'
				);
			}
		},
		{
			id: 'read-sets',
			title:
				'Each read records its value and where it came from: storage or the last earlier writer',
			run(c) {
				judge(
					c,
					[
						['A block where every transaction succeeds', CHAIN],
						['Failed transfers between successful ones', NO_WRITES],
						['The main block', MAIN]
					],
					['reads']
				);
				return c.pass(
					'Every read set matches: a failed transaction is never the writer a read comes from.'
				);
			}
		},
		{
			id: 'seeded-blocks',
			title: 'Equal to sequential execution on 40 seeded blocks of 20 transactions',
			run(c) {
				judge(
					c,
					SEEDED.map((b, i): [string, SyntheticBlock] => [`Seeded block ${i + 1}`, b]),
					['status', 'reads', 'writes', 'state']
				);
				return c.pass(
					'All 40 seeded blocks (seeds 1 to 40, low to high contention) match, read for read.'
				);
			}
		}
	]
});
