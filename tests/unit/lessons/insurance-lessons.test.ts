/**
 * The insurance track's lessons: each check catches the mistake it is named after (a solution
 * with one rule broken fails that check), and the run fills the payout-table view.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { calculatePayouts } from '#lib/protocols/etherisc-flight-delay.ts';
import { formatTokens, formatUnits } from '#lib/model/units.ts';

const PAYOUTS = '06-insurance/01-payout-table';
const TABLE = 'contracts/PayoutTable.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(id: string, path: string, from: string, to: string): Record<string, string> {
	const text = lessonSources(id, 'solution')[path];
	expect(text.split(from).length, `${from} occurs once in ${path}`).toBe(2);
	return { [path]: text.replace(from, to) };
}

async function failedChecks(id: string, sources: Record<string, string>): Promise<string[]> {
	const { run, checks } = await runLesson(id, sources, 1);
	run.dispose();
	return checks.filter((c) => !c.passed).map((c) => c.id);
}

/** A solution with one rule broken (`from` replaced by `to`) and the check that must catch it. */
type Mutant = { name: string; check: string; from: string; to: string };

/** One test per mutant: the lesson's checks run on it, and `check` fails. */
function mutantsFail(id: string, path: string, mutants: Mutant[]) {
	test.each(mutants)('$name fails $check', async ({ from, to, check }) => {
		const failed = await failedChecks(id, mutant(id, path, from, to));
		expect(failed).toContain(check);
	});
}

describe(PAYOUTS, () => {
	test('the run draws every flight under four series, and the LX 180 figures are the model’s', async () => {
		const { run, result } = await runLesson(PAYOUTS, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const tables = result.overview.insurance!.payoutTables;
		expect(tables.map((t) => t.title)).toHaveLength(5);
		expect(tables.every((t) => t.series.length === 4)).toBe(true);
		const lx = tables[0];
		const want = calculatePayouts(15n * 10n ** 18n, [20n, 2n, 5n, 3n, 1n, 0n], '0.1.6');
		expect(lx.series[0].weight).toBe(want.weight.toString());
		expect(lx.series[0].exact).toEqual(lx.series[1].exact);
		// the new route reverts under every version: no bars, a reason
		expect(
			tables[4].series.every(
				(s) => s.payouts === null && /LOW_OBSERVATIONS|NotEnough/.test(s.note!)
			)
		).toBe(true);
		// the predictions' answers are on the page after the run
		const lesson = getLesson(PAYOUTS)!;
		const summary = JSON.stringify(result.overview.summary);
		expect(lesson.predictions[0].kind === 'number' && lesson.predictions[0].answer).toBe(82.42);
		expect(summary).toContain('82.4175 xDAI');
		expect(summary).toContain('107.1428 xDAI');
	});

	const mutants: Mutant[] = [
		{
			name: 'a weight divided once at the end',
			check: 'per-term-truncation',
			from: 'weight += (WEIGHT_PATTERN[i] * statistics[i] * 10000n) / observations;\n\t\t}',
			to: 'weight += WEIGHT_PATTERN[i] * statistics[i] * 10000n;\n\t\t}\n\t\tweight = weight / observations;'
		},
		{
			name: 'no fallback',
			check: 'zero-weight-fallback',
			from: 'if (weight === 0n) weight = 100000n / observations;',
			to: ''
		},
		{
			name: 'no margin',
			check: 'margin-and-cap',
			from: 'weight = (weight * (100n + MARGIN_PERCENT)) / 100n;',
			to: ''
		},
		{
			name: 'no cap',
			check: 'margin-and-cap',
			from: 'payout > MAX_PAYOUT ? MAX_PAYOUT : payout',
			to: 'payout'
		},
		{
			name: 'more than 10 observations required',
			check: 'too-few-observations',
			from: 'observations >= MIN_OBSERVATIONS',
			to: 'observations > MIN_OBSERVATIONS'
		},
		{
			name: 'no minimum',
			check: 'too-few-observations',
			from: "require(observations >= MIN_OBSERVATIONS, 'ERROR:FDD-011:LOW_OBSERVATIONS');",
			to: ''
		}
	];
	mutantsFail(PAYOUTS, TABLE, mutants);
});

const SETTLEMENT = '06-insurance/02-oracle-settlement';
const PRODUCT = 'contracts/FlightDelay.ts';

describe(SETTLEMENT, () => {
	test('the run pays Dana, Eli and Fay the LX 180 table, and the summary carries the predictions’ answers', async () => {
		const { run, result } = await runLesson(SETTLEMENT, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const row = (label: string) => result.overview.summary!.find((r) => r.label === label)!;
		const table = calculatePayouts(15n * 10n ** 18n, [20n, 2n, 5n, 3n, 1n, 0n], '0.1.6').payouts;
		const total = table[2] + table[3] + table[4];
		expect(row('Paid out by the pool').value).toBe(`${formatTokens(total, 'xDAI', 4)}`);
		expect(row('Paid out by the pool').reference).toBe(row('Paid out by the pool').value);
		expect(row('Chen received').value).toBe('0 xDAI');
		expect(row('Mallory received').value).toBe('0 xDAI');
		const lesson = getLesson(SETTLEMENT)!;
		const pool = lesson.predictions.find((p) => p.id === 'pool-paid-out')!;
		expect(
			pool.kind === 'number' && Math.abs(pool.answer! - Number(formatUnits(total))) < 0.01
		).toBe(true);
		// every report step has its table, with the option the contract selected outlined; Mallory's
		// report and the repeated one revert and select nothing
		const settled = result.overview.insurance!.payoutTables.filter((t) => t.settled);
		expect(settled.map((t) => t.settled!.option)).toEqual([null, 0, 1, 2, 3, null, 4, null, null]);
	});

	const mutants: Mutant[] = [
		{
			name: 'anyone may report',
			check: 'only-oracle',
			from: "require(msg.sender === this.oracle.get(), 'only the oracle may report a flight status');",
			to: ''
		},
		{
			name: 'settled policies are not refused',
			check: 'no-double-payout',
			from: "require(policy.state === 'active', `policy ${id} is ${policy.state}: it was settled already`);",
			to: ''
		},
		{
			name: 'option 0 from 16 minutes',
			check: 'boundary-15',
			from: 'delay >= 15 && delay < 30',
			to: 'delay > 15 && delay < 30'
		},
		{
			name: 'option 0 up to 30 minutes',
			check: 'boundary-30',
			from: 'delay >= 15 && delay < 30',
			to: 'delay >= 15 && delay <= 30'
		},
		{
			name: 'option 2 from 46 minutes',
			check: 'boundary-45',
			from: 'if (delay >= 45) return 2;',
			to: 'if (delay > 45) return 2;'
		},
		{
			name: "'A' expires the policy",
			check: 'status-codes',
			from: "if (status !== 'L' && status !== 'C' && status !== 'D') {",
			to: "if (status !== 'L' && status !== 'C' && status !== 'D' && status !== 'A') {"
		},
		{
			name: 'a lowercase status read as L',
			check: 'status-codes',
			from: "if (status !== 'L') return null;",
			to: "if (status.toUpperCase() !== 'L') return null;"
		}
	];
	mutantsFail(SETTLEMENT, PRODUCT, mutants);
});
