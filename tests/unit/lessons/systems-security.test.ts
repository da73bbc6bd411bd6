/**
 * Lesson 08-systems/04 (shared security): the run fills the slashing ledger from the learner's
 * contracts with the reference beside them, the predictions' answers are the reference run's
 * figures, and each check catches the mistake it is named after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '08-systems/04-shared-security';
const PROVIDER = 'contracts/Provider.ts';
const RESTAKING = 'contracts/Restaking.ts';

/** The solution with each `from` replaced by its `to` in `file` (where each must occur once). */
function mutant(file: string, ...edits: [string, string][]): Record<string, string> {
	const sources = lessonSources(ID, 'solution');
	let text = sources[file];
	for (const [from, to] of edits) {
		expect(text.split(from).length, `${from} occurs once`).toBe(2);
		text = text.replace(from, to);
	}
	return { ...sources, [file]: text };
}

describe(ID, () => {
	test('the run draws the ledger and the restaking slash, equal to the reference', async () => {
		const { run, result } = await runLesson(ID, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const o = result.overview.security!;
		expect(o.chains).toEqual(['Consumer A', 'Consumer B']);
		expect(o.steps.length).toBe(8);
		for (const step of o.steps) expect(step.validators).toEqual(step.reference);
		// the double-sign step: one slash of 50,000 ATOM, then two refusals
		const ds = o.steps.find((x) => x.evidence.some((e) => e.kind === 'double-sign'))!;
		expect(ds.evidence.map((e) => [e.accepted, e.slashed])).toEqual([
			[true, 50_000],
			[false, 0],
			[false, 0]
		]);
		const dave = o.steps.at(-1)!.validators.find((v) => v.name === 'Dave')!;
		expect(dave).toEqual({
			name: 'Dave',
			stake: 950_000,
			slashed: 50_000,
			jailed: true,
			tombstoned: true
		});
		// the predictions' answers are the run's figures
		const lesson = getLesson(ID)!;
		const answer = (id: string) => {
			const p = lesson.predictions.find((x) => x.id === id)!;
			return 'answer' in p ? Number(p.answer) : NaN;
		};
		expect(1_000_000 - dave.stake).toBe(answer('double-sign-loss'));
		const r = o.restaking!;
		const avs2 = r.rows.find((x) => x.avs === 'AVS 2')!;
		expect(avs2).toEqual({
			avs: 'AVS 2',
			before: 50,
			unique: 50,
			reference: 50,
			pooledBefore: 200,
			pooled: 100
		});
		expect(avs2.unique).toBe(answer('avs2-after'));
		expect(r.stake).toEqual({ before: 200, unique: 180, pooled: 100 });
	});

	test.each([
		{
			check: 'downtime-jails-only',
			name: 'downtime that also slashes 1%',
			file: PROVIDER,
			from: '\t\tthis.jailed.set(validator, true);\n\t\tconst until',
			to: '\t\tthis.stake.set(validator, ((this.stake.get(validator) ?? 0n) * 99n) / 100n);\n\t\tthis.jailed.set(validator, true);\n\t\tconst until'
		},
		{
			check: 'double-sign-once',
			name: 'no tombstone check on evidence',
			file: PROVIDER,
			from: "require(!this.tombstoned.get(validator), 'validator is tombstoned');",
			to: ''
		},
		{
			check: 'tombstone-no-unjail',
			name: 'unjail that checks neither the tombstone nor the jail time',
			file: PROVIDER,
			from: "require(!this.tombstoned.get(v), 'validator is tombstoned');\n\t\trequire(block.timestamp >= (this.jailedUntil.get(v) ?? 0), 'validator still jailed');",
			to: ''
		},
		{
			check: 'tombstone-no-unjail',
			name: 'unjail without the tombstone check, after an ordinary jail time for a double sign',
			file: PROVIDER,
			from: "require(!this.tombstoned.get(v), 'validator is tombstoned');",
			to: '',
			more: [
				[
					'this.jailedUntil.set(validator, FOREVER);',
					'this.jailedUntil.set(validator, block.timestamp + DOWNTIME_JAIL_SECONDS);'
				] as [string, string]
			]
		},
		{
			check: 'stale-evidence',
			name: 'no age limit on evidence',
			file: PROVIDER,
			from: 'block.timestamp - infractionTime <= UNBONDING_PERIOD_SECONDS',
			to: 'true'
		},
		{
			check: 'unique-allocation',
			name: 'a slash that leaves the total magnitude as it was',
			file: RESTAKING,
			from: 'this.totalMagnitude.set(operator, total - slashedMagnitude);',
			to: ''
		},
		{
			check: 'stake-conserved',
			name: 'a double sign that is not added to totalSlashed',
			file: PROVIDER,
			from: 'this.totalSlashed.set(this.totalSlashed.get() + amount);',
			to: ''
		},
		{
			check: 'stake-conserved',
			name: 'a restaking slash that burns nothing',
			file: RESTAKING,
			from: 'this.burned.set(this.burned.get() + amount);',
			to: ''
		}
	])('$name fails $check', async ({ file, from, to, check, more }) => {
		const { run, checks } = await runLesson(ID, mutant(file, [from, to], ...(more ?? [])), 1);
		run.dispose();
		const failed = checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toContain(check);
	});
});
