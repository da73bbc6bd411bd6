// Insurance: lesson 05's Monte Carlo of 1,000 years (100 paths of 10 years, one runYear
// transaction a year with 24 cover requests and the year's claims) through the worker's
// Session as the page drives it: load (compile), run with progress reports, the RunResult with
// its overview. The solution's contract; medians over the runs. Target: 1,000 years in 5 s.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { RunProgress } from '#lib/model/run.ts';
import { Session } from '#lib/worker/session.ts';
import { PATHS, YEARS } from '../lessons/06-insurance/05-pricing-solvency/mutual.ts';
import { median, report } from './measure.ts';

const RUNS = 5;
const LESSON = '06-insurance/05-pricing-solvency';
const sources = {
	'contracts/CoverPool.ts': readFileSync(`lessons/${LESSON}/solution/CoverPool.ts`, 'utf8')
};

test('1,000 seeded years of a cover pool through the Session', async () => {
	const years = PATHS * YEARS;
	const times: number[] = [];
	for (let r = 0; r <= RUNS; r++) {
		const session = new Session();
		const reports: RunProgress[] = [];
		const t0 = performance.now();
		const loaded = await session.load({ lessonId: LESSON, sources, seed: 42 + r });
		const result = await session.run((p) => reports.push(p));
		const ms = performance.now() - t0;
		expect(loaded.ok).toBe(true);
		expect(result.ok && result.overview.solvency?.paths).toBe(PATHS);
		expect(reports.at(-1)?.work).toEqual({ done: years, total: years, unit: 'years' });
		// the first run warms the engine and is not counted
		if (r > 0) times.push(ms);
	}
	const perSec = Math.round((years / median(times)) * 1000);
	report('insurance', { insuranceYearsPerSec: perSec }, [
		`${years} years (${PATHS} paths x ${YEARS}), one runYear transaction each, load and progress included; runs: ${times.map((t) => Math.round(t)).join(', ')} ms (median ${Math.round(median(times))} ms, target <= 5000)`
	]);
});
