/** The zero-knowledge lessons: starter fails, solution passes, and the run carries proof data. */
import { describe, expect, test } from 'vitest';
import { getLesson, lessonIds } from '#lib/lessons/catalog.ts';
import { runLesson } from '#lib/scenario/run-lesson.ts';

const zk = lessonIds.filter((id) => id.startsWith('04-zero-knowledge/'));

test('the track has its lessons in the catalog', () => {
	expect(zk.length).toBeGreaterThan(0);
});

describe.each(zk)('%s', (id) => {
	test('solution passes every check and fills the proof overview', async () => {
		const { run, result, checks } = await runLesson(id, 'solution', 3);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		expect(checks.filter((c) => !c.passed)).toEqual([]);
		if (result.ok) expect(result.overview.proofs).toBeDefined();
	});

	test('starter fails at least one check with a message', async () => {
		const { run, result, checks } = await runLesson(id, 'starter', 3);
		run.dispose();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const failed = checks.filter((c) => !c.passed);
		expect(failed.length).toBeGreaterThan(0);
	});
});

describe('what the lessons claim, and what they cite for it', () => {
	const lesson = (slug: string) => getLesson(`04-zero-knowledge/${slug}`)!;

	test('Schnorr: the protocol is called honest-verifier zero knowledge, with what breaks', () => {
		const { html, sources } = lesson('04-schnorr');
		expect(html).toContain('honest-verifier zero knowledge');
		expect(html).toMatch(/dishonest verifier/);
		expect(html).not.toMatch(/<strong>Zero knowledge\.<\/strong>/);
		expect(sources.join('\n')).toMatch(/Schnorr.*1991/);
	});

	test('Fiat-Shamir: BPW 2012 for the statement left out of the hash, Frozen Heart for the bugs', () => {
		const { html, sources } = lesson('05-fiat-shamir');
		const bpw = sources.find((s) => s.includes('Bernhard'))!;
		expect(bpw).toMatch(/ASIACRYPT 2012/);
		expect(bpw).toMatch(/statement|public key/);
		const tob = sources.find((s) => s.includes('Trail of Bits'))!;
		expect(tob).toMatch(/April 2022/);
		expect(tob).toMatch(/Frozen Heart/);
		expect(html).toContain('weak Fiat-Shamir');
		expect(html).toContain('Frozen Heart');
	});
});
