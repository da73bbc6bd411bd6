/**
 * The cave: the verifier's view (receipts, events, return values, notes, step labels, views,
 * check messages, public storage) holds only what a verifier sees: the shout and the mouth the
 * prover came out of, never the word, its hash or the side the prover went in by.
 */
import { describe, expect, test } from 'vitest';
import { keccak256 } from '#lib/sim/index.ts';
import { runScenario, toRunResult, type ScenarioRun } from '#lib/scenario/index.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '04-zero-knowledge/01-the-cave';
const CAVE = 'contracts/Cave.ts';
const WORD = 'open sesame';
const SECRETS = [WORD, keccak256(WORD), keccak256(WORD).slice(2)];

type ContractRecord = { kind: string; fields?: string };
type Stateful = { state: { get(key: string): unknown } };

/** Everything a verifier (or anyone reading the chain and the page) can see after a run. */
function verifierView(run: ScenarioRun<unknown>) {
	const frames = run.steps.map((_, i) => run.frame(i));
	const chain = run.context.chain;
	const storage = [...chain.dumpState()].map(([key, value]) => {
		// a contract record is dumped as its digest: add its fields (plain fields a contract keeps)
		const record = key.startsWith('c')
			? ((chain as unknown as Stateful).state.get(key) as ContractRecord)
			: undefined;
		return [key, value, record?.fields ?? ''];
	});
	return { frames, overview: run.overview, storage };
}

async function runCave(sources: 'starter' | 'solution', seed: number, proverSeed?: number) {
	const { caveScenario } =
		await import('../../../lessons/04-zero-knowledge/01-the-cave/scenario.ts');
	const definition = caveScenario({ proverSeed });
	const run = runScenario(definition, { sources: lessonSources(ID, sources), seed });
	expect(run.error).toBeUndefined();
	return { run, definition };
}

describe('the cave does not leak the word or the entry side', () => {
	test.each(['starter', 'solution'] as const)(
		'%s: no receipt, log, note, frame, view or storage slot holds the word or the entry side',
		async (sources) => {
			const { run, checks } = await runLesson(ID, sources, 3);
			const view = verifierView(run);
			const receipts = view.frames.flatMap((f) => f.receipts);
			expect(receipts.length).toBeGreaterThan(300);
			for (const r of receipts) {
				const seen = JSON.stringify([r.method, r.args, r.logs, r.returnValue, r.error]);
				for (const secret of SECRETS) expect(seen).not.toContain(secret);
				// enter() carries no side; exit() carries the mouth the verifier watched
				if (r.method === 'enter') expect(r.args).toEqual([]);
				if (r.method === 'exit') expect(r.args).toHaveLength(1);
				for (const log of r.logs)
					expect(Object.keys(log.args).sort()).toEqual(['accepted', 'exit', 'prover', 'shout']);
			}
			const text = JSON.stringify({ ...view, checks, result: toRunResult(run) });
			for (const secret of SECRETS) expect(text).not.toContain(secret);
			expect(text).not.toMatch(/entered [AB]\b|in by [AB]\b|went in by [AB]\b/i);
			run.dispose();
		}
	);

	test('Peggy’s hidden entry sides change nothing a verifier sees', async () => {
		const a = await runCave('solution', 3, 1);
		const b = await runCave('solution', 3, 2);
		const entries = (run: ScenarioRun<unknown>) =>
			(run.result as { peggyEntries: number[] }).peggyEntries;
		// the two runs really walk in differently
		expect(entries(a.run)).toHaveLength(4);
		expect(entries(a.run)).not.toEqual(entries(b.run));
		const va = verifierView(a.run);
		const vb = verifierView(b.run);
		expect(vb.frames.map((f) => f.stateHash)).toEqual(va.frames.map((f) => f.stateHash));
		expect(JSON.stringify(vb)).toBe(JSON.stringify(va));
		a.run.dispose();
		b.run.dispose();
	});
});

describe('the cave lesson: starter, solution and each half of the fix', () => {
	const solution = lessonSources(ID, 'solution')[CAVE];
	const starter = lessonSources(ID, 'starter')[CAVE];
	const onlyAccepts = starter.replace('return true;', 'return side === shout;');
	const onlyShout = solution.replace('return side === shout;', 'return true;');

	test.each([
		{ name: 'the solution', source: solution, failing: [] },
		{ name: 'the starter', source: starter, failing: ['cheater-caught', 'wrong-side-refused'] },
		{ name: 'only the exit rule fixed', source: onlyAccepts, failing: ['cheater-caught'] },
		{
			name: 'only the shout moved to the next block',
			source: onlyShout,
			failing: ['cheater-caught', 'wrong-side-refused']
		}
	])('$name fails $failing', async ({ source, failing }) => {
		expect(source).not.toBe('');
		const { run, checks } = await runLesson(ID, { [CAVE]: source }, 3);
		run.dispose();
		expect(checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(failing);
	});

	test('the survival summary is compared with the 2^-5 bound', async () => {
		const { run, result } = await runLesson(ID, 'solution', 3);
		run.dispose();
		const row = result.ok ? result.overview.summary?.[0] : undefined;
		expect(row?.label).toBe('Cheater survives 5 rounds');
		expect(row?.reference).toBe('3.1% (2^-5)');
		const empirical = Number(row?.value.replace('%', '')) / 100;
		// 150 sessions: the share alive after 5 rounds is binomial(150, 1/32)/150, sd 1.4%
		expect(Math.abs(empirical - 2 ** -5)).toBeLessThan(
			4 * Math.sqrt((2 ** -5 * (1 - 2 ** -5)) / 150)
		);
	});
});
