// The real tree: the lending track keeps its Oracle once, in lessons/02-lending/contracts/, and
// both the catalog (page side) and the worker's sources see it in every lending lesson.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getLesson, lessonIds } from '#lib/lessons/catalog.ts';
import { lessonSources } from '#lib/scenario/run-lesson.ts';
import { Session } from '#lib/worker/session.ts';

const ORACLE = readFileSync('lessons/02-lending/contracts/Oracle.ts', 'utf8');
const lending = lessonIds.filter((id) => id.startsWith('02-lending/'));

describe('shared track contracts', () => {
	test('no lending lesson keeps its own Oracle.ts', () => {
		const copies = lending.flatMap((id) =>
			['contracts', 'solution'].flatMap((folder) => {
				const files = (() => {
					try {
						return readdirSync(`lessons/${id}/${folder}`);
					} catch {
						return [];
					}
				})();
				return files.filter((f) => f === 'Oracle.ts').map((f) => `${id}/${folder}/${f}`);
			})
		);
		expect(lending.length).toBeGreaterThanOrEqual(4);
		expect(copies).toEqual([]);
	});

	test.each(lending)('%s: the catalog and the worker both have the shared Oracle', async (id) => {
		const oracle = getLesson(id)!.files.find((f) => f.path === 'contracts/Oracle.ts');
		expect(oracle).toEqual({
			path: 'contracts/Oracle.ts',
			starter: ORACLE,
			solution: ORACLE,
			editable: false
		});
		// the worker completes what the page sends (only the editable file here) with it
		const sources = lessonSources(id, { 'contracts/LendingPool.ts': 'edited' });
		expect(sources['contracts/Oracle.ts']).toBe(ORACLE);
		expect(lessonSources(id, 'solution')['contracts/Oracle.ts']).toBe(ORACLE);
	});

	test('a worker session runs a lending lesson sent only its editable file', async () => {
		const id = '02-lending/01-borrow-against-collateral';
		const pool = getLesson(id)!.files.find((f) => f.path === 'contracts/LendingPool.ts')!;
		const session = new Session();
		const load = await session.load({
			lessonId: id,
			sources: { 'contracts/LendingPool.ts': pool.solution },
			seed: 1
		});
		expect(load).toEqual({ ok: true });
		const result = await session.run();
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const checks = await session.check();
		expect(checks.filter((c) => !c.passed)).toEqual([]);
	});
});
