/**
 * Schnorr lesson: Carol's nonce-reuse demo uses a real nonce, so her secret comes out of two
 * transcripts that share r and not out of either one alone.
 */
import { describe, expect, test } from 'vitest';
import { extractSecret, modInverse, toyGroup, verify } from '#lib/protocols/schnorr.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '04-zero-knowledge/04-schnorr';
const { q } = toyGroup;
const CAROL_X = 9n;

/** Carol's rounds as the proof-rounds view shows them, parsed back to numbers. */
async function carolRounds(seed: number) {
	const { run, result } = await runLesson(ID, 'solution', seed);
	run.dispose();
	expect(result.ok, JSON.stringify(result)).toBe(true);
	if (!result.ok) throw new Error('run failed');
	const num = (text: string) => BigInt(text.match(/= (\d+)/)![1]);
	const rounds = result.overview
		.proofs!.rounds!.filter((r) => r.prover.startsWith('Carol'))
		.map((r) => ({ t: num(r.commitment), c: num(r.challenge), s: num(r.response) }));
	return { rounds, summary: result.overview.summary ?? [] };
}

describe('Schnorr: Carol reuses a real nonce', () => {
	test.each([1, 2, 3, 4, 5, 6])(
		'seed %i: t != 1, one transcript hides x, two give it',
		async (seed) => {
			const { rounds, summary } = await carolRounds(seed);
			const carolY = toyGroup.exp(toyGroup.g, CAROL_X);
			expect(rounds.length).toBeGreaterThanOrEqual(2);
			for (const tr of rounds) {
				expect(tr.t, 'Carol commits to g^r with r != 0').not.toBe(1n);
				expect(tr.t).toBe(rounds[0].t);
				expect(verify(toyGroup, carolY, tr)).toBe(true);
				// the one-transcript shortcut that works when r = 0: x = s / c
				if (tr.c !== 0n) expect((tr.s * modInverse(tr.c, q)) % q).not.toBe(CAROL_X);
			}
			const [a, b] = rounds.slice(-2);
			expect(a.c).not.toBe(b.c);
			expect(extractSecret(toyGroup, a, b)).toBe(CAROL_X);
			expect(summary.find((r) => r.label === 'Carol’s secret, extracted')).toEqual({
				label: 'Carol’s secret, extracted',
				value: '9',
				reference: '9 (her real key)'
			});
		}
	);
});
