/**
 * Commitments lesson: scenario, prose and checks agree. Every honest opening the run makes passes
 * the reference solution, the cheat is refused, and the prose names the actors the run has.
 */
import { describe, expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import { getLesson } from '#lib/lessons/catalog.ts';
import { ZERO_SALT, commit, randomSalt } from '#lib/protocols/commitment.ts';
import { ScenarioContext } from '#lib/scenario/index.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '04-zero-knowledge/02-commitments';
const CR = 'contracts/CommitReveal.ts';

describe('commitments: the run', () => {
	test('with the solution, Alice and Bob open honestly and pass; Carol’s other bid is refused', async () => {
		const { run, result, frames } = await runLesson(ID, 'solution', 3);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const reveals = frames
			.flatMap((f) => f.receipts)
			.filter((r) => r.method === 'reveal')
			.map((r) => ({ from: r.from, status: r.status, error: r.error?.message }));
		expect(reveals).toEqual([
			{ from: 'alice', status: 'success', error: undefined },
			{ from: 'bob', status: 'success', error: undefined },
			{ from: 'carol', status: 'reverted', error: expect.stringMatching(/does not match/) }
		]);
		const rounds = result.ok ? result.overview.proofs!.rounds! : [];
		expect(rounds.map((r) => [r.prover, r.accepted])).toEqual([
			['Alice', true],
			['Bob', true],
			['Carol', false]
		]);
		// the breaker finds Bob's bid behind the zero salt, not Alice's behind a random one
		const notes = frames.flatMap((f) => f.notes ?? []).join('\n');
		expect(notes).toContain("Breaker on Alice's commitment: -1; on Bob's: 420");
	});

	test('the prose names the run’s actors and no one else retries', () => {
		const html = getLesson(ID)!.html;
		expect(html).toContain('Carol');
		expect(html).not.toMatch(/Bob tries to reveal a different bid/);
		expect(html).not.toMatch(/Alice a different salt/);
		for (const who of ['Alice', 'Bob', 'Carol', 'Mallory']) expect(html).toContain(who);
	});
});

describe('commitments: the reference CommitReveal', () => {
	test('accepts every honest opening (random and zero salts) and refuses every altered one', () => {
		const rng = createPrng(42);
		const s = ScenarioContext.fresh(lessonSources(ID, 'solution'), 5);
		try {
			for (let i = 0; i < 12; i++) {
				const cr = s.deploy(CR, { from: 'deployer' });
				const who = `user${i}`;
				const value = BigInt(rng.int(1_000_000)) * (i % 3 === 0 ? 10n ** 60n : 1n);
				const salt = i % 4 === 0 ? ZERO_SALT : randomSalt(rng.next);
				const c = s.send({ from: who, to: cr, method: 'commit', args: [commit(value, salt)] });
				expect(c.status).toBe('success');
				const otherSalt = randomSalt(rng.next);
				for (const [v, sa] of [
					[value + 1n, salt],
					[value, otherSalt]
				] as const) {
					const bad = s.send({ from: who, to: cr, method: 'reveal', args: [v, sa] });
					expect(bad.status, `reveal(${v}, ${sa}) of a commitment to ${value}`).toBe('reverted');
				}
				const ok = s.send({ from: who, to: cr, method: 'reveal', args: [value, salt] });
				expect(ok.status, `honest reveal of ${value} with ${salt}: ${ok.error?.message}`).toBe(
					'success'
				);
				expect(s.view(cr, 'revealedOf', [s.address(who)])).toBe(value);
			}
		} finally {
			s.world.dispose();
		}
	});
});
