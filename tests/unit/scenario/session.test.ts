import { describe, expect, test } from 'vitest';
import { Session, throttleProgress } from '#lib/worker/session.ts';
import { lessonSources } from '#lib/scenario/run-lesson.ts';
import type { RunProgress } from '#lib/model/run.ts';
import { assertPlain, lineOf } from './helpers.ts';

const LESSON = '01-foundations/01-first-transaction';
const FILE = 'contracts/Token.ts';
const starter = lessonSources(LESSON, 'starter');
const solution = lessonSources(LESSON, 'solution');

describe('Session', () => {
	test('refuses to run before load and to step before run', async () => {
		const session = new Session();
		await expect(session.run()).rejects.toThrow('no lesson is loaded');
		await session.load({ lessonId: LESSON, sources: starter, seed: 1 });
		await expect(session.goto(0)).rejects.toThrow('nothing has run yet');
	});

	test('an unknown lesson is a load error, not a crash', async () => {
		const result = await new Session().load({ lessonId: '99-none/01-none', sources: {}, seed: 1 });
		expect(result).toEqual({
			ok: false,
			errors: [{ kind: 'runtime', message: 'lesson "99-none/01-none" has no scenario' }]
		});
	});

	test('load, run with progress, frames, goto, trace and check', async () => {
		const session = new Session();
		expect(await session.load({ lessonId: LESSON, sources: solution, seed: 3 })).toEqual({
			ok: true
		});
		const progress: RunProgress[] = [];
		const started = performance.now();
		const result = await session.run((p) => progress.push(p));
		const elapsed = performance.now() - started;
		assertPlain(result);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(progress.at(-1)).toEqual({ step: result.steps, total: result.steps });
		// at most ~20 reports a second, plus the final one
		expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
		expect(result.overview.summary).toEqual([
			{ label: 'TOK held by Alice, Bob and Carol', value: '1000 TOK' },
			{ label: 'Total supply', value: '1000 TOK' }
		]);
		const frames = await Promise.all(
			Array.from({ length: result.steps }, (_, i) => session.frame(i))
		);
		for (const frame of frames) assertPlain(frame);
		expect(frames.map((f) => f.receipts.map((r) => r.method))).toEqual([
			['constructor'],
			['transfer'],
			['transfer'],
			['transfer']
		]);
		expect(frames[0].receipts[0].gasUsed).toBeGreaterThan(21_000);
		const carol = frames[3].receipts[0];
		expect(carol).toMatchObject({
			from: 'carol',
			to: 'Token',
			method: 'transfer',
			status: 'reverted'
		});
		expect(carol.error).toMatchObject({
			kind: 'revert',
			message: 'insufficient balance',
			file: FILE
		});
		expect(carol.error?.line).toBe(lineOf(solution[FILE], 'require(balance >= amount'));
		expect(frames[3].notes?.[0]).toMatch(/^Carol's transfer: reverted, gasUsed \d+$/);
		expect(frames[3].balances).toContainEqual({ account: 'carol', asset: 'TOK', amount: '100' });

		const back = await session.goto(1);
		expect(back).toEqual(frames[1]);
		expect((await session.goto(3)).stateHash).toBe(frames[3].stateHash);
		const trace = await session.trace(0, 99);
		expect(trace.map((r) => r.from)).toEqual(['alice', 'alice', 'bob', 'carol']);
		expect(await session.trace(2, 2)).toEqual(frames[2].receipts);

		const checks = await session.check();
		assertPlain(checks);
		expect(checks.map((c) => [c.id, c.passed])).toEqual([
			['transfer-moves-tokens', true],
			['transfer-reverts-when-short', true],
			['transfer-emits-event', true]
		]);
	});

	test('the starter runs and fails checks with learner-facing messages', async () => {
		const session = new Session();
		await session.load({ lessonId: LESSON, sources: starter, seed: 1 });
		const checks = await session.check();
		const moves = checks.find((c) => c.id === 'transfer-moves-tokens')!;
		expect(moves.passed).toBe(false);
		expect(moves.message).toBe(
			'After Alice sends 250 TOK to Bob, expected Alice 750 TOK and Bob 250 TOK; got Alice 1000 TOK ' +
				'and Bob 250 TOK. Tokens appeared from nowhere: the sender was not debited.'
		);
		expect(checks.find((c) => c.id === 'transfer-reverts-when-short')?.message).toBe(
			'Carol holds 100 TOK and tried to send 500 TOK: expected a revert, but it succeeded.'
		);
	});

	test('a syntax error is reported at load and at run, with file and line', async () => {
		const session = new Session();
		const broken = solution[FILE].replace('return true;', 'return true +;');
		const line = lineOf(broken, 'return true +;');
		const loaded = await session.load({ lessonId: LESSON, sources: { [FILE]: broken }, seed: 1 });
		expect(loaded.ok).toBe(false);
		if (loaded.ok) return;
		expect(loaded.errors).toEqual([expect.objectContaining({ kind: 'syntax', file: FILE, line })]);
		const result = await session.run();
		expect(result).toMatchObject({
			ok: false,
			steps: 0,
			error: { kind: 'syntax', file: FILE, line }
		});
		const checks = await session.check();
		expect(checks.every((c) => !c.passed)).toBe(true);
	});

	test('while (true) in transfer gives out-of-gas receipts on its line, and the next run works', async () => {
		const session = new Session();
		const looping = solution[FILE].replace(
			'const from = msg.sender;',
			'const from = msg.sender;\n\t\twhile (true) {}'
		);
		const line = lineOf(looping, 'while (true) {}');
		await session.load({ lessonId: LESSON, sources: { [FILE]: looping }, seed: 1 });
		const result = await session.run();
		expect(result.ok).toBe(true);
		const receipts = (await session.trace(0, 10)).filter((r) => r.method === 'transfer');
		expect(receipts).toHaveLength(3);
		for (const receipt of receipts) {
			expect(receipt.status).toBe('reverted');
			expect(receipt.error).toMatchObject({ kind: 'out-of-gas', file: FILE, line });
			expect(receipt.gasUsed).toBe(receipt.gasLimit);
		}
		await session.load({ lessonId: LESSON, sources: solution, seed: 1 });
		const again = await session.run();
		expect(again.ok).toBe(true);
		expect((await session.check()).every((c) => c.passed)).toBe(true);
	});
});

describe('throttleProgress', () => {
	test('passes at most 20 reports a second, always the forced one, and survives a throwing callback', () => {
		let now = 0;
		const seen: RunProgress[] = [];
		const report = throttleProgress(
			(p) => seen.push(p),
			20,
			() => now
		);
		for (let step = 1; step <= 1000; step++) {
			now = step; // one step per millisecond: 1 second in all
			report(step, 1000);
		}
		report(1000, 1000, true);
		expect(seen.length).toBe(21);
		expect(seen[0]).toEqual({ step: 1, total: 1000 });
		expect(seen[1]).toEqual({ step: 51, total: 1000 });
		expect(seen.at(-1)).toEqual({ step: 1000, total: 1000 });
		const throwing = throttleProgress(() => {
			throw new Error('released');
		});
		expect(() => throwing(1, null, true)).not.toThrow();
	});
});
