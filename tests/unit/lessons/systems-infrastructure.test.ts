/**
 * Lesson 08-systems/05 (infrastructure): the run fills the stake-by-provider view from the
 * learner's contract and the reference, the validator set keeps the cited shares exactly, the
 * predictions' answers are the run's figures, and each check catches the mistake it is named
 * after.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { stakeBy, totalStake } from '#lib/protocols/infrastructure.ts';
import {
	EQUINIX_AWS,
	HETZNER,
	SHARES_PERCENT,
	TOTAL,
	VALIDATORS
} from '../../../lessons/08-systems/05-infrastructure/validators.ts';

const ID = '08-systems/05-infrastructure';
const FILE = 'contracts/Infrastructure.ts';

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
	return { overview: result.overview, failed, checks };
}

describe(ID, () => {
	test('the synthetic set keeps the cited shares exactly: Hetzner 20%, Equinix + AWS 45%', () => {
		expect(totalStake(VALIDATORS)).toBe(TOTAL);
		for (const g of stakeBy(VALIDATORS))
			expect(g.stake * 100n).toBe(TOTAL * SHARES_PERCENT[g.name]);
		const hetzner = stakeBy(VALIDATORS).find((g) => g.name === HETZNER)!;
		// about 40% of the nodes (press, as of 3 November 2022)
		expect(hetzner.validators / VALIDATORS.length).toBe(0.4);
		expect(SHARES_PERCENT[HETZNER] + SHARES_PERCENT[EQUINIX_AWS]).toBe(65n);
	});

	test('the solution passes every check and the run carries the verdicts per step', async () => {
		const { overview, failed } = await outcome('solution');
		expect(failed).toEqual([]);
		const infra = overview.infrastructure!;
		const verdicts = infra.snapshots.map((s) => [
			s.reference.offlineShare,
			s.reference.live,
			s.reference.safety
		]);
		expect(verdicts).toEqual([
			[0, true, 'safe'],
			[0.2, true, 'safe'],
			[0.25, true, 'safe'],
			[0.3, true, 'safe'],
			[0.35, false, 'fork-with-partition'],
			[0.45, false, 'fork-with-partition'],
			[0.65, false, 'fork-with-partition']
		]);
		for (const s of infra.snapshots)
			expect(s.learner).toEqual({
				offline: s.reference.offline,
				live: s.reference.live,
				safety: s.reference.safety
			});
		expect(infra.nakamoto).toEqual({ byProvider: 1, byRegion: 3, learner: 1 });
		const hetzner = infra.snapshots[1].providers.find((p) => p.name === HETZNER)!;
		expect([hetzner.off, hetzner.share, hetzner.validators]).toEqual([true, 0.2, 20]);
		// the predictions' answers are these figures
		const answers = Object.fromEntries(
			getLesson(ID)!.predictions.map((p) => [p.id, 'answer' in p ? p.answer : undefined])
		);
		expect(answers['hetzner-alone']).toBe(infra.snapshots[1].reference.live ? 'No' : 'Yes');
		const firstHalted = infra.snapshots.findIndex((s) => !s.reference.live);
		expect(answers['others-to-halt']).toBe(infra.snapshots[firstHalted].removed.length - 1);
	});

	test('the starter fails every check', async () => {
		const { failed } = await outcome('starter');
		expect(failed).toEqual([
			'offline-stake',
			'liveness-boundary',
			'safety-lines',
			'nakamoto-by-provider',
			'fail-one-by-one'
		]);
	});

	test.each([
		{
			check: 'offline-stake',
			name: 'a provider listed twice counted twice',
			from: 'for (const v of validators) if (providers.includes(v.provider)) offline += v.stake;',
			to: 'for (const p of providers) for (const v of validators) if (v.provider === p) offline += v.stake;'
		},
		{
			check: 'liveness-boundary',
			name: 'exactly 1/3 offline taken as live',
			from: 'return 3n * (total - offline) > 2n * total;',
			to: 'return 3n * offline <= total;'
		},
		{
			check: 'liveness-boundary',
			name: 'a third computed by integer division',
			from: 'return 3n * (total - offline) > 2n * total;',
			to: 'return offline < total / 3n;'
		},
		{
			check: 'safety-lines',
			name: 'at least instead of more than 1/3',
			from: 'if (3n * byzantine > total) return',
			to: 'if (3n * byzantine >= total) return'
		},
		{
			check: 'safety-lines',
			name: 'at least instead of more than 2/3',
			from: 'if (3n * byzantine > 2n * total) return',
			to: 'if (3n * byzantine >= 2n * total) return'
		},
		{
			check: 'nakamoto-by-provider',
			name: 'validators counted instead of providers',
			from: 'byProvider.set(v.provider, (byProvider.get(v.provider) ?? 0n) + v.stake);',
			to: 'byProvider.set(v.id, v.stake);'
		},
		{
			check: 'nakamoto-by-provider',
			name: 'providers counted in the order given',
			from: 'const stakes = [...byProvider.values()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));',
			to: 'const stakes = [...byProvider.values()];'
		},
		{
			check: 'fail-one-by-one',
			name: 'the liveness line at half the stake',
			from: 'return 3n * (total - offline) > 2n * total;',
			to: 'return 2n * offline < total;'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { failed } = await outcome(mutant(from, to));
		expect(failed).toContain(check);
	});
});
