/**
 * The multisig lesson replays Ronin's and Harmony's compromises: both pay against the starter's
 * gateway and are refused by the solution's, which still pays the honest withdrawals.
 */
import { describe, expect, test } from 'vitest';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '05-bridges/03-multisig-threshold';

async function approvals(which: 'starter' | 'solution') {
	const { run, result } = await runLesson(ID, which, 1);
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.overview.approvals ?? [];
}

describe('Ronin and Harmony replayed', () => {
	test('against the starter every attack withdrawal is paid', async () => {
		const rows = await approvals('starter');
		const attacks = rows.filter((r) => r.attack);
		expect(attacks.map((r) => [r.bridge, r.paid, r.counted, r.required])).toEqual([
			['Ronin', true, 5, 5],
			['Ronin', true, 5, 5],
			['Harmony', true, 2, 2],
			['Harmony', true, 2, 2]
		]);
		// the fifth Ronin signature is the allow-listed key, whose entry ended before the theft
		expect(attacks[0].signatures.map((s) => s.kind)).toEqual([
			'validator',
			'validator',
			'validator',
			'validator',
			'stale-delegate'
		]);
	});

	test('against the solution the same signatures are refused and honest withdrawals paid', async () => {
		const rows = await approvals('solution');
		expect(rows.filter((r) => r.attack).map((r) => [r.paid, r.counted, r.required])).toEqual([
			[false, 4, 7],
			[false, 4, 7],
			[false, 2, 4],
			[false, 2, 4]
		]);
		expect(rows.filter((r) => !r.attack).map((r) => [r.bridge, r.paid])).toEqual([
			['Ronin', true],
			['Harmony', true]
		]);
	});
});
