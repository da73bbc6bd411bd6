// Dependencies and batches: the learner's readFrom finds which earlier transaction each read of a
// sequential run came from, and batches schedules the block Sealevel-style from declared accounts.
// The run shows the main block and a seeded one in the dependency graph, the learner's batches and
// edges beside the reference's; the checks compare both with the reference model on the named edge
// cases and on 40 seeded blocks.
import {
	defineScenario,
	ensure,
	type CheckContext,
	type ScenarioContext
} from '#lib/scenario/index.ts';
import {
	executeSequential,
	readFromDependencies,
	sealevelBatches,
	type ReadFromEdge
} from '#lib/protocols/parallel-execution.ts';
import { parallelBlock, txLabel } from '#lib/scenario/parallel.ts';
import type { SyntheticBlock } from '#lib/data/blocks.ts';
import {
	CHAIN,
	FUND_LATER,
	LOCKS,
	MAIN,
	NO_WRITES,
	READERS,
	SYNTHETIC,
	seededBlocks
} from '../blocks.ts';

const FILE = 'contracts/Scheduler.ts';
const GAS = 30_000_000;

type Got<T> = { value: T } | { failed: string };

/** The keys each transaction read and wrote in the sequential run (what readFrom gets). */
function readWriteKeys(block: SyntheticBlock): { reads: string[][]; writes: string[][] } {
	const { results } = executeSequential(block.state, block.txs);
	return {
		reads: results.map((r) => r.reads.map((x) => x.key)),
		writes: results.map((r) => r.writes.map((w) => w.key))
	};
}

function call<T>(s: ScenarioContext, scheduler: string, method: string, args: unknown[]): Got<T> {
	const r = s.send({ from: 'leader', to: scheduler, method, args, gasLimit: GAS });
	return r.status === 'success'
		? { value: r.returnValue as T }
		: { failed: r.error?.message ?? r.status };
}

const learnerEdges = (s: ScenarioContext, scheduler: string, block: SyntheticBlock) => {
	const { reads, writes } = readWriteKeys(block);
	return call<ReadFromEdge[]>(s, scheduler, 'readFrom', [reads, writes]);
};
const learnerBatches = (s: ScenarioContext, scheduler: string, block: SyntheticBlock) =>
	call<number[]>(s, scheduler, 'batches', [block.txs]);

const edgeText = (e: { reader?: unknown; key?: unknown; writer?: unknown }) =>
	`tx ${String(e.reader)} reads ${String(e.key)} from tx ${String(e.writer)}`;
const edgesText = (es: ReadFromEdge[]) => (es.length ? es.map(edgeText).join('; ') : 'no edges');

/** The first difference between the learner's edges and the reference's, or null. */
export function edgeDifference(block: SyntheticBlock, got: unknown): string | null {
	const want = readFromDependencies(block.state, block.txs);
	if (!Array.isArray(got)) return `readFrom returned ${String(got)}, not a list of edges.`;
	for (let i = 0; i < Math.max(want.length, got.length); i++) {
		const g = got[i] as Partial<ReadFromEdge> | undefined;
		const w = want[i];
		if (!w)
			return `your edge ${i + 1} (${edgeText(g ?? {})}) is one too many; the reference has ${edgesText(want)}.`;
		if (!g || g.reader !== w.reader || g.key !== w.key || g.writer !== w.writer) {
			return `edge ${i + 1} should be "${edgeText(w)}", yours is ${g ? `"${edgeText(g)}"` : 'missing'} (all edges: ${edgesText(want)}).`;
		}
	}
	return null;
}

/** The first difference between the learner's batches and the reference's, or null. */
export function batchDifference(block: SyntheticBlock, got: unknown): string | null {
	const want = sealevelBatches(block.txs);
	if (!Array.isArray(got) || got.length !== want.length) {
		return `batches returned ${JSON.stringify(got)}; it should give one batch per transaction (${want.length}).`;
	}
	for (let j = 0; j < want.length; j++) {
		if (Number(got[j]) !== want[j]) {
			return `tx ${j} (${txLabel(block.txs[j])}) is in your batch ${String(got[j])}, Sealevel's rule puts it in batch ${want[j]} (all: ${want.join(', ')}).`;
		}
	}
	return null;
}

function judge<R>(
	c: CheckContext<R>,
	what: 'edges' | 'batches',
	blocks: [string, SyntheticBlock][]
): void {
	const s = c.fresh();
	const scheduler = s.deploy(FILE, { from: 'leader' });
	for (const [name, block] of blocks) {
		const got =
			what === 'edges' ? learnerEdges(s, scheduler, block) : learnerBatches(s, scheduler, block);
		ensure(
			'value' in got,
			`${name}: your ${what === 'edges' ? 'readFrom' : 'batches'} reverted (${'failed' in got ? got.failed : ''}).`
		);
		const diff =
			what === 'edges' ? edgeDifference(block, got.value) : batchDifference(block, got.value);
		c.assert(diff === null, `${name}: ${diff}`);
	}
}

const SEEDED = seededBlocks(40, 20, 101);

/** The number of batches in the learner's answer (its highest batch), or null when it reverted. */
const batchCount = (got: Got<number[]>): number | null =>
	'value' in got && Array.isArray(got.value) ? Math.max(0, ...got.value.map(Number)) : null;

export default defineScenario({
	*run(s) {
		s.total = 2;
		const scheduler = s.deploy(FILE, { from: 'leader' });
		const blocks: ReturnType<typeof parallelBlock>[] = [];
		const show = (
			name: string,
			source: string,
			step: number,
			block: SyntheticBlock,
			note?: string
		) => {
			const edges = learnerEdges(s, scheduler, block);
			const batches = learnerBatches(s, scheduler, block);
			blocks.push(
				parallelBlock({
					name,
					source,
					step,
					state: block.state,
					txs: block.txs,
					learner: {
						batches:
							'value' in batches && Array.isArray(batches.value) ? batches.value.map(Number) : [],
						edges:
							'value' in edges && Array.isArray(edges.value)
								? edges.value.map((e) => ({
										reader: Number(e?.reader),
										key: String(e?.key),
										writer: Number(e?.writer)
									}))
								: []
					},
					...(note ? { note } : {})
				})
			);
			return { edges, batches };
		};

		const main = show(
			'the main block',
			SYNTHETIC,
			0,
			MAIN,
			'Pre-state: alice 10, bob 0, carol 5, votes 0. Transactions 0 and 7 fail: they write nothing, so no edge leaves them, but they still hold their locks.'
		);
		s.overview.parallel = { blocks };
		const mineCount = batchCount(main.batches);
		s.summary(
			'Sealevel batches for the main block',
			mineCount === null ? 'reverted' : String(mineCount),
			{
				reference: String(Math.max(...sealevelBatches(MAIN.txs)))
			}
		);
		s.summary(
			'Read-from edges in the main block',
			'value' in main.edges && Array.isArray(main.edges.value)
				? String(main.edges.value.length)
				: 'reverted',
			{ reference: String(readFromDependencies(MAIN.state, MAIN.txs).length) }
		);
		yield 'The main block: read-from edges and Sealevel batches';

		const seeded = SEEDED[0];
		const more = show(
			'seeded block 101 (20 transactions)',
			`${SYNTHETIC}: data/blocks.ts, seed 101`,
			1,
			seeded
		);
		s.summary(
			'Seeded block 101: Sealevel batches',
			String(batchCount(more.batches) ?? 'reverted'),
			{
				reference: `${Math.max(...sealevelBatches(seeded.txs))} (for ${seeded.txs.length} transactions)`
			}
		);
		yield 'A seeded block of 20 transactions';
	},

	checks: [
		{
			id: 'read-from',
			title: 'readFrom: each read comes from the last earlier transaction that wrote the key',
			run(c) {
				judge(c, 'edges', [
					['A block where every transaction succeeds', CHAIN],
					['Failed transfers between successful ones', NO_WRITES],
					['The main block', MAIN],
					...SEEDED.slice(0, 20).map((b, i): [string, SyntheticBlock] => [
						`Seeded block ${101 + i}`,
						b
					])
				]);
				return c.pass(
					'Every edge matches on the named blocks and 20 seeded ones; a failed transaction is never a writer.'
				);
			}
		},
		{
			id: 'failed-transfer-locks',
			title: 'A transfer that will fail still locks both its accounts',
			run(c) {
				judge(c, 'batches', [
					['x pays y 3 while x has 0, then y pays z', LOCKS],
					['Bob pays before Alice funds him', FUND_LATER]
				]);
				return c.pass(
					'The failing transfer x → y still holds y: y → z waits for batch 2, with no read-from edge between them.'
				);
			}
		},
		{
			id: 'read-read',
			title: 'Two reads of an account never conflict; a write waits for every earlier reader',
			run(c) {
				judge(c, 'batches', [['Readers of p, then a writer of p', READERS]]);
				return c.pass(
					'Three readers of p share batch 1; the increment of p runs after all of them, in batch 3.'
				);
			}
		},
		{
			id: 'batches-seeded',
			title: 'batches equal Sealevel’s rule on the main block and 40 seeded blocks',
			run(c) {
				judge(c, 'batches', [
					['The main block', MAIN],
					...SEEDED.map((b, i): [string, SyntheticBlock] => [`Seeded block ${101 + i}`, b])
				]);
				return c.pass(
					'All batches match: each transaction runs right after the highest batch it conflicts with.'
				);
			}
		}
	]
});
