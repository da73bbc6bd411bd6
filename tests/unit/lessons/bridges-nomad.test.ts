/**
 * The Nomad lesson replays the zero-root exploit: it drains the starter's router and is refused by
 * the solution, which still delivers the honest transfers.
 */
import { describe, expect, test } from 'vitest';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '05-bridges/04-zero-root';

async function outcome(which: 'starter' | 'solution') {
	const { run, result, checks } = await runLesson(ID, which, 1);
	const calls = run.steps.flatMap((s) => s.txs.map((t) => t.receipt));
	const attacks = calls.filter((r) => r.method === 'process');
	const relays = calls.filter((r) => r.method === 'proveAndProcess');
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	return { attacks, relays, summary, checks };
}

describe('Nomad zero root', () => {
	test('the copy-paste attack succeeds against the starter from every address', async () => {
		const { attacks, summary, checks } = await outcome('starter');
		expect(attacks).toHaveLength(4);
		expect(new Set(attacks.map((r) => r.from)).size).toBe(4);
		expect(attacks.every((r) => r.status === 'success')).toBe(true);
		expect(summary['WBTC left in the BridgeRouter']).toBe('0 WBTC');
		expect(checks.find((c) => c.id === 'unproven-refused')?.passed).toBe(false);
	});

	test('the solution refuses every attack and pays the honest transfers after the window', async () => {
		const { attacks, relays, summary } = await outcome('solution');
		expect(attacks.map((r) => [r.status, r.error?.message])).toEqual(
			Array(4).fill(['reverted', '!proven'])
		);
		// Alice early (refused), Alice after the window, Bob, Alice's replay (refused)
		expect(relays.map((r) => r.status)).toEqual(['reverted', 'success', 'success', 'reverted']);
		expect(relays[0].error?.message).toBe('!prove');
		expect(relays[3].error?.message).toBe('already processed');
		expect(summary['Honest messages delivered']).toBe('2 of 2');
		expect(summary['WBTC left in the BridgeRouter']).toBe('399 WBTC');
	});
});

describe('Nomad zero root: the optimistic-window view', () => {
	test('with the solution, Alice is refused inside her window and paid at its end', async () => {
		const { run, result } = await runLesson(ID, 'solution', 1);
		run.dispose();
		if (!result.ok) throw new Error(JSON.stringify(result));
		const replica = result.overview.replica!;
		expect(replica.windowSeconds).toBe(1800);
		const [alice, bob, ...attacks] = replica.messages;
		expect(alice.acceptableFrom! - alice.postedAt!).toBe(1800);
		expect(alice.attempts.map((a) => [a.paid, a.time >= alice.acceptableFrom!])).toEqual([
			[false, false],
			[true, true],
			[false, true]
		]);
		expect(bob.attempts.map((a) => a.paid)).toEqual([true]);
		expect(attacks.every((m) => !m.dispatched && m.postedAt === null)).toBe(true);
		expect(attacks.flatMap((m) => m.attempts.map((a) => a.paid))).toEqual([
			false,
			false,
			false,
			false
		]);
	});
});
