/**
 * The Wormhole lesson: a fake instructions account mints 120,000 wETH against the starter and is
 * refused by the solution, which still mints a real 13-of-19 guardian VAA.
 */
import { describe, expect, test } from 'vitest';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '05-bridges/05-signature-bypass';

async function approvals(which: 'starter' | 'solution') {
	const { run, result } = await runLesson(ID, which, 1);
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.overview.approvals ?? [];
}

describe('Wormhole signature bypass', () => {
	test('the starter counts 13 forged guardians and mints', async () => {
		const [alice, attack, short] = await approvals('starter');
		expect([attack.attack, attack.paid, attack.counted, attack.required]).toEqual([
			true,
			true,
			13,
			13
		]);
		expect(attack.signatures.every((s) => s.kind === 'forged')).toBe(true);
		expect([alice.paid, short.paid]).toEqual([true, false]);
	});

	test('the solution refuses the fake account and mints the real quorum only', async () => {
		const [alice, attack, short] = await approvals('solution');
		expect([attack.paid, attack.counted, attack.reason]).toEqual([
			false,
			0,
			'not the instructions sysvar'
		]);
		expect([alice.paid, alice.counted]).toEqual([true, 13]);
		expect([short.paid, short.counted]).toEqual([false, 12]);
	});
});
