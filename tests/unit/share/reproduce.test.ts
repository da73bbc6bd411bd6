import { describe, expect, it } from 'vitest';
import { decodeShareToken, encodeShareToken, readShareLink, shareUrl } from '#lib/share/index.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { lessonIds } from '#lib/lessons/catalog.ts';

const LESSON = '01-foundations/01-first-transaction';

describe('a share link reproduces the same state', () => {
	it('same sources, seed and step give the same state hash after a round trip', async () => {
		const sources = lessonSources(LESSON, 'solution');
		const seed = 7;
		const sent = await runLesson(LESSON, sources, seed);
		try {
			expect(sent.frames.length).toBeGreaterThan(2);
			const step = sent.frames.length - 2;
			const stateHash = sent.frames[step].stateHash;
			const link = await shareUrl(`https://chainlab.example/learn/${LESSON}`, {
				lessonId: LESSON,
				sources,
				seed,
				step,
				stateHash
			});
			const opened = await readShareLink(link, { lessonIds, lessonId: LESSON });
			expect(opened).not.toBeNull();
			const got = await runLesson(LESSON, opened!.sources, opened!.seed);
			try {
				expect(got.frames[opened!.step].stateHash).toBe(stateHash);
				expect(opened!.stateHash).toBe(stateHash);
			} finally {
				got.run.dispose();
			}
		} finally {
			sent.run.dispose();
		}
	});

	it('the hash depends on the shared sources, so equal hashes mean equal states', async () => {
		const token = await encodeShareToken({
			lessonId: LESSON,
			sources: lessonSources(LESSON, 'starter'),
			seed: 7,
			step: 0
		});
		const shared = await decodeShareToken(token, { lessonIds });
		const starter = await runLesson(LESSON, shared.sources, shared.seed);
		const solution = await runLesson(LESSON, lessonSources(LESSON, 'solution'), shared.seed);
		try {
			const last = Math.min(starter.frames.length, solution.frames.length) - 1;
			expect(last).toBeGreaterThan(0);
			expect(starter.frames[last].stateHash).not.toBe(solution.frames[last].stateHash);
		} finally {
			starter.run.dispose();
			solution.run.dispose();
		}
	});
});
