/**
 * Lesson 07-governance/05 (concentration lab): the run fills the holders and Lorenz views from
 * the learner's contract and the reference, delegation moves the votes' Nakamoto coefficient
 * while no balance moves, the predictions' answers are the run's figures, and each check catches
 * the mistake it is named after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '07-governance/05-concentration';
const FILE = 'contracts/Concentration.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

async function outcome(sources: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, sources, 1);
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const failed = checks.filter((c) => !c.passed).map((c) => c.id);
	return { overview: result.overview, failed };
}

describe(ID, () => {
	test('the solution fills three distributions, equal to the reference', async () => {
		const { overview, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		const [uni, before, after] = overview.concentration!.distributions;
		// UNI's buckets (Uniswap, 16 September 2020): 60% alone is more than half
		expect(uni.holders.map((h) => h.balanceShare)).toEqual([0.6, 0.21266, 0.18044, 0.0069]);
		expect(uni.balances).toEqual({
			nakamoto: 1,
			gini: { numerator: '5661', denominator: '12500', value: 0.45288 },
			hhi: 4378
		});
		expect(uni.learner?.balances).toEqual(uni.balances);
		// the community: balances never move, votes concentrate
		expect(after.holders.map((h) => [h.label, h.balance])).toEqual(
			before.holders.map((h) => [h.label, h.balance])
		);
		expect([before.balances.nakamoto, before.votes?.nakamoto]).toEqual([5, 5]);
		expect([after.balances.nakamoto, after.votes?.nakamoto]).toEqual([5, 2]);
		expect(after.learner?.votes).toEqual(after.votes);
		expect(after.votes!.gini.value).toBeGreaterThan(after.balances.gini.value);
		expect(after.votes!.hhi).toBeGreaterThan(after.balances.hhi);
		// Ana votes with 270,000 GOV, the 15 small holders with none
		const ana = after.holders.find((h) => h.label === 'Ana')!;
		expect(ana.votes).toBe(String(270_000n * 10n ** 18n));
		expect(after.holders.filter((h) => h.votes === '0')).toHaveLength(15);
		// the predictions' answers are these figures
		const answers = Object.fromEntries(
			getLesson(ID)!.predictions.map((p) => [p.id, 'answer' in p ? p.answer : undefined])
		);
		expect(answers['uni-nakamoto']).toBe(uni.balances.nakamoto);
		expect(answers['votes-nakamoto']).toBe(after.votes?.nakamoto);
	});

	test('the starter fails every check', async () => {
		const { failed } = await outcome('starter');
		expect(failed).toEqual(['nakamoto', 'gini', 'hhi', 'delegation-shift']);
	});

	test.each([
		{
			check: 'nakamoto',
			name: 'at least instead of more than',
			from: 'if (sum * denominator > numerator * total) return k + 1;',
			to: 'if (sum * denominator >= numerator * total) return k + 1;'
		},
		{
			check: 'gini',
			name: 'a fraction left unreduced',
			from: 'return [weighted / g, denominator / g];',
			to: 'return [weighted, denominator];'
		},
		{
			check: 'gini',
			name: 'stakes left unsorted',
			from: 'const sorted = [...stakes].sort(descending).reverse();',
			to: 'const sorted = [...stakes];'
		},
		{
			check: 'hhi',
			name: 'rounding down',
			from: 'return Number((20_000n * squares + total * total) / (2n * total * total));',
			to: 'return Number((10_000n * squares) / (total * total));'
		},
		{
			check: 'delegation-shift',
			name: 'holders counted in the order given',
			from: 'const sorted = [...stakes].sort(descending);',
			to: 'const sorted = [...stakes];'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { failed } = await outcome(mutant(from, to));
		expect(failed).toContain(check);
	});
});
