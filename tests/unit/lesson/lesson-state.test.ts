// The lesson page's state without a browser: Show solution, Check, Reset leave no stale run,
// checks, summary or console (issue 7, item 5); guesses and the seed are saved with the draft and
// the seed goes into the next load; the worked answers show only after a Run.
import { describe, expect, test } from 'vitest';
import { DraftStore } from '#lib/storage/drafts.ts';
import { InputStore } from '#lib/storage/inputs.ts';
import { ProgressStore } from '#lib/storage/progress.ts';
import { isCopyPath } from '#lib/storage/backup.ts';
import { starterHash } from '#lib/storage/starter.ts';
import { DEFAULT_SEED, LessonState, type SimLike } from '#lib/lesson/lesson-state.svelte.ts';
import type { CheckResult } from '#lib/model/run.ts';
import type { LoadRequest } from '#lib/worker/protocol.ts';
import { frameAt } from '../model/frames.ts';
import { freshDb, quotaDb } from '../storage/helpers.ts';

const LESSON = '02-lending/01-borrow-against-collateral';
const FILE = 'contracts/LendingPool.ts';
const lesson = {
	id: LESSON,
	focus: FILE,
	files: [{ path: FILE, starter: '// TODO', solution: '// solved', editable: true }],
	hints: []
};

const frame = (step: number) => frameAt(step, 2);

/** A simulator whose checks pass for the solution's text only; it records every load. */
function fakeSim() {
	const loads: LoadRequest[] = [];
	let sources: Record<string, string> = {};
	const sim: SimLike = {
		load: async (request) => {
			loads.push(request);
			sources = request.sources;
			return { ok: true };
		},
		run: async () => ({
			ok: true,
			steps: 2,
			first: frame(0),
			last: frame(1),
			overview: { summary: [{ label: 'Alice: DAI held', value: '6,000 DAI' }] },
			failures: []
		}),
		goto: async (step) => frame(step),
		check: async () =>
			['a', 'b', 'c'].map((id): CheckResult => ({
				id,
				title: id,
				passed: sources[FILE] === '// solved',
				message: 'm'
			})),
		cancel: () => {}
	};
	return { sim, loads };
}

async function attached(db = freshDb()) {
	const { sim, loads } = fakeSim();
	const deps = {
		client: sim,
		drafts: new DraftStore({ db, journal: null, delayMs: 0 }),
		progress: new ProgressStore({ db }),
		inputs: new InputStore({ db }),
		confirm: async () => true
	};
	const ls = new LessonState(lesson);
	await ls.attach(deps);
	return { ls, loads, deps, db };
}

describe('Show solution, Check, Reset', () => {
	test('Reset drops the run, views, summary, checks and errors; progress keeps the solved lesson', async () => {
		const { ls } = await attached();
		await ls.showSolution();
		await ls.check();
		expect(ls.checks.filter((c) => c.passed)).toHaveLength(3);
		expect(ls.progress).toMatchObject({ status: 'solved', solutionShown: true });
		await ls.run();
		expect(ls.overview?.summary).toHaveLength(1);
		expect(ls.timeline.frame?.step).toBe(0);
		expect(ls.revealed).toBe(true);

		await ls.reset();
		expect(ls.sources[FILE]).toBe('// TODO');
		expect(ls.checks).toEqual([]);
		expect(ls.overview).toBeNull();
		expect(ls.timeline.frame).toBeNull();
		expect(ls.timeline.total).toBe(0);
		expect(ls.errors).toEqual([]);
		expect(ls.revealed).toBe(false);
		expect(ls.progress).toMatchObject({ status: 'solved', solutionShown: true });
	});

	test('Show solution drops the checks and run of the code it replaced', async () => {
		const { ls } = await attached();
		await ls.check();
		await ls.run();
		expect(ls.checks.some((c) => !c.passed)).toBe(true);
		await ls.showSolution();
		expect(ls.checks).toEqual([]);
		expect(ls.overview).toBeNull();
		expect(ls.timeline.frame).toBeNull();
	});

	test('a new Run drops the old summary at once', async () => {
		const { ls } = await attached();
		await ls.run();
		const running = ls.run();
		expect(ls.overview).toBeNull();
		await running;
		expect(ls.overview).not.toBeNull();
	});
});

describe('guesses and seed', () => {
	test('a guess typed before storage is attached is kept and saved', async () => {
		const db = freshDb();
		const inputs = new InputStore({ db });
		const ls = new LessonState(lesson);
		ls.guess('dai-held', '6000');
		await ls.attach({
			client: fakeSim().sim,
			drafts: new DraftStore({ db, journal: null }),
			progress: new ProgressStore({ db }),
			inputs,
			confirm: async () => true
		});
		expect(ls.guesses).toEqual({ 'dai-held': '6000' });
		await inputs.settled();
		expect((await new InputStore({ db }).get(LESSON)).predictions).toEqual({ 'dai-held': '6000' });
	});

	test('are saved, come back on the next visit, and the seed goes into the next load', async () => {
		const first = await attached();
		expect(first.ls.seed).toBe(DEFAULT_SEED);
		first.ls.guess('dai-held', '5,000');
		first.ls.setSeed(7);
		expect(() => first.ls.setSeed(-1)).toThrow(RangeError);
		await first.deps.inputs.settled();
		await first.ls.run();
		expect(first.loads.at(-1)?.seed).toBe(7);

		const again = await attached(first.db);
		expect(again.ls.guesses).toEqual({ 'dai-held': '5,000' });
		expect(again.ls.seed).toBe(7);
		expect(again.ls.revealed).toBe(false);
		await again.ls.run();
		expect(again.ls.revealed).toBe(true);
		expect(again.loads.at(-1)?.seed).toBe(7);
	});
});

describe('a draft written against an older starter', () => {
	const OLD = starterHash('// the starter of an earlier deploy');
	const NEW = starterHash('// TODO');
	const stale = { lessonId: LESSON, path: FILE, text: 'my draft', updatedAt: 1, starter: OLD };

	async function seeded(row: object = stale) {
		const db = freshDb();
		await db.drafts.put({ ...stale, ...row });
		return db;
	}

	test('is flagged and shown as the learner left it', async () => {
		const { ls } = await attached(await seeded());
		expect(ls.staleStarters).toEqual([FILE]);
		expect(ls.sources[FILE]).toBe('my draft');
	});

	test('is not flagged without a stored hash, with the current hash, or when it is the starter', async () => {
		const { starter: _none, ...old } = stale;
		const noHash = freshDb();
		await noHash.drafts.put(old);
		for (const db of [noHash, await seeded({ starter: NEW }), await seeded({ text: '// TODO' })]) {
			const { ls } = await attached(db);
			expect(ls.staleStarters).toEqual([]);
		}
	});

	test('editing it keeps the old hash, so the notice comes back on the next visit', async () => {
		const { ls, deps, db } = await attached(await seeded());
		ls.edit(FILE, 'my draft, edited');
		await deps.drafts.flush();
		expect(await db.drafts.get([LESSON, FILE])).toMatchObject({ starter: OLD });
		expect((await attached(db)).ls.staleStarters).toEqual([FILE]);
	});

	test('Keep my draft dismisses the notice for good and keeps the text', async () => {
		const { ls, db } = await attached(await seeded());
		await ls.keepDrafts();
		expect(ls.staleStarters).toEqual([]);
		expect(ls.sources[FILE]).toBe('my draft');
		expect(await db.drafts.get([LESSON, FILE])).toMatchObject({ text: 'my draft', starter: NEW });
		const again = await attached(db);
		expect(again.ls.staleStarters).toEqual([]);
		expect(again.ls.sources[FILE]).toBe('my draft');
	});

	test('Start from the new starter opens it and keeps the old draft as a copy', async () => {
		const { ls, db } = await attached(await seeded());
		await ls.run();
		await ls.useNewStarters();
		expect(ls.sources[FILE]).toBe('// TODO');
		expect(ls.staleStarters).toEqual([]);
		expect(ls.overview).toBeNull();
		expect(ls.notice).toMatch(/kept as a copy in Your work/);
		const rows = await db.drafts.toArray();
		expect(rows).toHaveLength(1);
		expect(isCopyPath(rows[0].path)).toBe(true);
		expect(rows[0]).toMatchObject({ text: 'my draft', starter: OLD });
		// the next visit opens the starter, and a Reset there leaves the copy alone
		const again = await attached(db);
		expect(again.ls.sources[FILE]).toBe('// TODO');
		expect(again.ls.staleStarters).toEqual([]);
		again.ls.edit(FILE, 'new work');
		await again.ls.reset();
		expect((await db.drafts.toArray()).map((r) => r.text)).toEqual(['my draft']);
	});

	test('Start from the new starter keeps the draft open when its copy cannot be stored', async () => {
		const db = quotaDb();
		const { ls, deps } = await attached(db);
		// the failing database holds nothing: the draft lives in this tab's memory
		deps.drafts.set(LESSON, FILE, 'my draft', OLD);
		const again = new LessonState(lesson);
		await again.attach(deps);
		expect(again.staleStarters).toEqual([FILE]);
		await again.useNewStarters();
		expect(again.sources[FILE]).toBe('my draft');
		expect(again.staleStarters).toEqual([FILE]);
		expect(again.notice).toMatch(/could not store a copy .* nothing was discarded/);
		expect((await deps.drafts.load(LESSON))[FILE]).toBe('my draft');
		expect(ls.staleStarters).toEqual([]);
	});
});
