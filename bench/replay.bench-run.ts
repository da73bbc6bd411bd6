// (b) the March 2020 replay (1,000 borrowers x 744 hourly steps) through the worker's Session, the
// path the page uses: scenario + sandbox + per-step snapshots and state hashes, wall time per Run.
// (c) restoring a random step of that replay with Session.goto (world.restore + the step's frame).
import { test } from 'vitest';
import { lessonSources } from '#lib/scenario/run-lesson.ts';
import { Session } from '#lib/worker/session.ts';
import { createPrng } from '#lib/data/prng.ts';
import { median, report } from './measure.ts';

const LESSON = '02-lending/04-march-2020-replay';
const RUNS = 5;
const GOTOS = 200;
const SEED = 1;

/** A session loaded with the lesson's starter or solution sources. */
async function loaded(which: 'starter' | 'solution'): Promise<Session> {
	const session = new Session();
	const sources = lessonSources(LESSON, which);
	const load = await session.load({ lessonId: LESSON, sources, seed: SEED });
	if (!load.ok) throw new Error(`the lesson did not load: ${JSON.stringify(load.errors)}`);
	return session;
}

/** Wall times (ms) of `RUNS` runs after one warm-up run (timed as `cold`); throws if a run fails. */
async function timeReplay(
	session: Session
): Promise<{ times: number[]; cold: number; steps: number }> {
	let steps = 0;
	const once = async () => {
		const t0 = performance.now();
		const result = await session.run();
		const ms = performance.now() - t0;
		if (!result.ok) throw new Error(`the replay failed: ${JSON.stringify(result.error)}`);
		steps = result.steps;
		return ms;
	};
	const cold = await once();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) times.push(await once());
	return { times, cold, steps };
}

test('March 2020 replay: run and restore', async () => {
	const solution = await loaded('solution');
	const replay = await timeReplay(solution);

	// goto on the last run: random steps, seeded, each timed alone
	const prng = createPrng(7);
	const gotoTimes: number[] = [];
	for (let i = 0; i < GOTOS; i++) {
		const step = prng.int(replay.steps);
		const t0 = performance.now();
		const frame = await solution.goto(step);
		gotoTimes.push(performance.now() - t0);
		if (frame.step !== step) throw new Error(`goto(${step}) returned step ${frame.step}`);
	}
	const sorted = [...gotoTimes].sort((a, b) => a - b);

	const starter = await timeReplay(await loaded('starter'));
	const round = (ms: number) => +ms.toFixed(3);
	report(
		'replay',
		{
			replayMs: Math.round(median(replay.times)),
			starterReplayMs: Math.round(median(starter.times)),
			restoreMs: round(median(gotoTimes)),
			restoreMaxMs: round(sorted[sorted.length - 1])
		},
		[
			`lesson ${LESSON}, seed ${SEED}, ${replay.steps} steps`,
			`solution: first run in this process ${Math.round(replay.cold)} ms, then ${replay.times.map(Math.round).join(', ')}`,
			`starter: first run ${Math.round(starter.cold)} ms, then ${starter.times.map(Math.round).join(', ')}`,
			`goto: ${GOTOS} random steps, p95 ${round(sorted[Math.floor(GOTOS * 0.95)])} ms`
		]
	);
});
