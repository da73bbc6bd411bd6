/**
 * Lesson 06-insurance/05 (pricing and solvency): each check catches the mistake it is named
 * after, the run fills the capital view from the learner's contract, and the prediction's
 * bracket holds on other seeds than the page's.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import {
	PATHS,
	YEARS,
	drawYears,
	referenceRun,
	ruinProbability
} from '../../../lessons/06-insurance/05-pricing-solvency/mutual.ts';

const ID = '06-insurance/05-pricing-solvency';
const FILE = 'contracts/CoverPool.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

describe(ID, () => {
	test('the run draws 1,000 years of the learner’s pool, equal to the reference', async () => {
		const { run, result } = await runLesson(ID, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const o = result.overview.solvency!;
		expect([o.paths, o.years, o.perPath.length]).toEqual([PATHS, YEARS, PATHS]);
		const reference = referenceRun(drawYears(1));
		expect(o.ruinProbability).toBe(ruinProbability(reference));
		expect(o.reference).toBe(ruinProbability(reference));
		expect(o.noLine!).toBeGreaterThan(o.ruinProbability);
		// every year with an MCR is in the histogram (a year that sold no cover has no ratio)
		const withRatio = o.perPath.flat().filter((y) => y.ratio !== null).length;
		expect(withRatio).toBeGreaterThan(PATHS * YEARS * 0.99);
		expect(o.histogram.counts.reduce((a, b) => a + b)).toBe(withRatio);
		// the fromRun prediction reads this row
		const lesson = getLesson(ID)!;
		const rows = result.overview.summary!.map((r) => r.label);
		for (const p of lesson.predictions)
			if ('fromRun' in p && p.fromRun) expect(rows).toContain(p.fromRun);
	});

	test.each([
		{
			check: 'base-price-decay',
			name: 'no floor at the target',
			from: 'return price.bumpedPrice < price.targetPrice + drop',
			to: 'return price.bumpedPrice < drop'
		},
		{
			check: 'premium-and-bump',
			name: 'no bump',
			from: 'bumpedPrice: base + bump,',
			to: 'bumpedPrice: base,'
		},
		{
			check: 'mcr-and-ratio',
			name: 'a gearing factor of 480',
			from: 'const GEARING_FACTOR = 48_000n;',
			to: 'const GEARING_FACTOR = 4_800n;'
		},
		{
			check: 'refuses-below-line',
			name: 'a rule that leaves out the premium',
			from: 'this.mcrRatio(capital + premium, mcr) >= MIN_MCR_RATIO',
			to: 'this.mcrRatio(capital, mcr) >= MIN_MCR_RATIO'
		}
	])('$name fails $check and the 1,000 years', async ({ from, to, check }) => {
		const { run, checks } = await runLesson(ID, mutant(from, to), 1);
		run.dispose();
		const failed = checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toContain(check);
		expect(failed).toContain('thousand-years');
	});

	test('the ruin bracket of the prediction (0.5% to 5%) holds on 20 seeds; no line doubles it', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const draws = drawYears(seed);
			const ruin = ruinProbability(referenceRun(draws));
			expect(ruin, `seed ${seed}`).toBeGreaterThanOrEqual(0.005);
			expect(ruin, `seed ${seed}`).toBeLessThanOrEqual(0.05);
			expect(ruinProbability(referenceRun(draws, 0n))).toBeGreaterThan(ruin);
		}
	});
});
