/**
 * Lesson 03-amms/06 (leverage loop): the reference loop reproduces the closed form with Aave's
 * rounding, the run liquidates the looped position before Bob, and each check catches the mistake
 * it is named after (a mutant of the solution per check).
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import {
	LIMIT_HF,
	closedFormLeverage,
	referenceLoop,
	tokens,
	usd,
	wad
} from '../../../lessons/03-amms/06-leverage-loop/loop-world.ts';

const ID = '03-amms/06-leverage-loop';
const FILE = 'contracts/LoopStrategy.ts';

/** The solution with each `from` replaced by its `to` (each must occur once). */
function mutant(...edits: [from: string, to: string][]): Record<string, string> {
	let text = lessonSources(ID, 'solution')[FILE];
	for (const [from, to] of edits) {
		expect(text.split(from).length, `${from} occurs once`).toBe(2);
		text = text.replace(from, to);
	}
	return { [FILE]: text };
}

async function outcome(sources: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, sources, 1);
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	const failed = checks.filter((c) => !c.passed).map((c) => c.id);
	return { result, summary, failed };
}

describe('the reference loop', () => {
	test('10 WETH at 2,000 USD, target 1.10: six loops, 3.951424x, 59,028.48 DAI', () => {
		const steps = referenceLoop(tokens(10), wad('1.1'), usd(2000));
		const last = steps.at(-1)!;
		expect(last.loop).toBe(6);
		// 10 * (1 - 0.8^7) / 0.2 = 39.51424 WETH; debt 16,000 * (1 - 0.8^6) / 0.2 = 59,028.48 DAI
		expect(last.collateral).toBe(tokens('39.51424'));
		expect(last.debt).toBe(tokens('59028.48'));
		expect(closedFormLeverage(6)).toBeCloseTo(3.951424, 12);
		// health factors fall toward LT / LTV = 1.0375 and stay above it
		const hfs = steps.slice(1).map((s) => Number(s.healthFactor) / 1e18);
		expect(hfs.map((h) => h.toFixed(4))).toEqual([
			'1.8675',
			'1.4064',
			'1.2552',
			'1.1815',
			'1.1386',
			'1.1112'
		]);
		for (let i = 1; i < hfs.length; i++) expect(hfs[i]).toBeLessThan(hfs[i - 1]);
		expect(LIMIT_HF).toBe(1.0375);
	});

	test('with no target the loop runs to MAX_LOOPS, under 5x and above LT / LTV', () => {
		const last = referenceLoop(tokens(1), 0n, usd(2000)).at(-1)!;
		expect(last.loop).toBe(25);
		const leverage = Number(last.collateral) / 1e18;
		expect(leverage).toBeCloseTo(closedFormLeverage(25), 9);
		expect(leverage).toBeLessThan(5);
		expect(Number(last.healthFactor) / 1e18).toBeGreaterThan(LIMIT_HF);
	});
});

describe(ID, () => {
	test('the starter loops once and is never liquidated; every check fails', async () => {
		const { summary, failed } = await outcome('starter');
		expect(summary['Loops made']).toBe('1');
		expect(summary['Leverage after the loops']).toBe('1.8000x');
		expect(summary['Your loop first liquidated at']).toBe('not liquidated');
		expect(failed).toEqual(['loop-closed-form', 'stops-at-target', 'looped-liquidated-first']);
	});

	test('the solution: six loops, liquidated at 1,700 USD with a 100% close factor, Bob at 1,400', async () => {
		const { result, summary, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		expect(summary['Loops made']).toBe('6');
		expect(summary['Leverage after the loops']).toBe('3.9514x');
		expect(summary['Your loop first liquidated at']).toBe('1,700 USD');
		expect(summary['Bob first liquidated at']).toBe('1,400 USD');
		const [loop, bob] = result.overview.liquidations!;
		expect([loop.borrower, loop.debtRepaid, loop.healthFactorAfter]).toEqual([
			'Your loop',
			'59028.48',
			Infinity
		]);
		expect(loop.healthFactorBefore).toBeLessThanOrEqual(0.95);
		expect([bob.borrower, bob.debtRepaid, bob.collateralSeized]).toEqual(['Bob', '6000', '4.5']);
	});

	test.each([
		{
			check: 'loop-closed-form',
			name: 'borrowing LTV of the first deposit every loop',
			sources: () =>
				mutant([
					'const borrowAmount = this.borrowable(lastDeposit);\n\t\t\tconst bought',
					'const borrowAmount = this.borrowable(amount);\n\t\t\tconst bought'
				])
		},
		{
			check: 'stops-at-target',
			name: 'a strict comparison that refuses a loop landing exactly on the target',
			sources: () =>
				mutant([
					'debt + borrowAmount) < targetHealthFactor',
					'debt + borrowAmount) <= targetHealthFactor'
				])
		},
		{
			check: 'stops-at-target',
			name: 'checking the HF before the loop instead of after it',
			sources: () =>
				mutant([
					'this.healthFactorOf(collateral + bought, debt + borrowAmount)',
					'this.healthFactorOf(collateral, debt)'
				])
		},
		{
			check: 'looped-liquidated-first',
			name: 'a loop capped at three rounds',
			sources: () => mutant(['const MAX_LOOPS = 25;', 'const MAX_LOOPS = 3;'])
		}
	])('$name fails $check', async ({ sources, check }) => {
		const { failed } = await outcome(sources());
		expect(failed).toContain(check);
	});
});
