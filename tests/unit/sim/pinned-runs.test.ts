// Pins what every lesson's runs produce, so engine speed work cannot change an observable result:
// for the starter and the solution of each lesson (seed 1), the total gas of every receipt, the
// final state hash, a digest of every step's state hash, a digest of every receipt as the page
// sees it (status, gas, logs, revert reasons, return values, call trace, tx hashes) and the check
// verdicts with their messages. The fixture was recorded before the engine's speed changes.
//
// Regenerate (only when a change is MEANT to alter results, e.g. a new lesson, a lesson edit, or a
// deliberate gas-schedule change; say why in the commit message):
//   CHAINLAB_PIN_WRITE=1 npx vitest run tests/unit/sim/pinned-runs.test.ts
// An engine optimisation must never need a regeneration: if this test fails after one, the
// optimisation changed behaviour.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { lessonIds } from '#lib/lessons/catalog.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const FIXTURE = 'tests/unit/sim/fixtures/pinned-runs.json';
const WRITE = process.env.CHAINLAB_PIN_WRITE === '1';

type Pinned = {
	ok: boolean;
	steps: number;
	txs: number;
	totalGas: number;
	finalStateHash: string | null;
	stateHashes: string;
	receipts: string;
	checks: { id: string; passed: boolean; message: string }[];
};

const digest = (value: unknown) =>
	createHash('sha256')
		.update(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))
		.digest('hex');

async function pin(id: string, which: 'starter' | 'solution'): Promise<Pinned> {
	const { run, result, checks } = await runLesson(id, which, 1);
	try {
		const views = run.steps.flatMap((s) => s.txs.map((tx) => tx.view));
		return {
			ok: result.ok,
			steps: run.steps.length,
			txs: views.length,
			totalGas: views.reduce((sum, v) => sum + v.gasUsed, 0),
			finalStateHash: run.steps.at(-1)?.stateHash ?? null,
			stateHashes: digest(run.steps.map((s) => s.stateHash)),
			receipts: digest(views),
			checks: checks.map((c) => ({ id: c.id, passed: c.passed, message: c.message }))
		};
	} finally {
		run.dispose();
	}
}

const expected: Record<string, Pinned> =
	!WRITE && existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, 'utf8')) : {};
const recorded: Record<string, Pinned> = {};

describe.each(lessonIds)('%s', (id) => {
	test.each(['starter', 'solution'] as const)('%s run is unchanged', async (which) => {
		const key = `${id}:${which}`;
		const got = await pin(id, which);
		recorded[key] = got;
		if (WRITE) return;
		expect(expected[key], `${key} is missing from ${FIXTURE}`).toBeDefined();
		expect(got).toEqual(expected[key]);
	});
});

afterAll(() => {
	if (!WRITE) return;
	const sorted = Object.fromEntries(
		Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))
	);
	writeFileSync(FIXTURE, JSON.stringify(sorted, null, '\t') + '\n');
});
