import { describe, expect, test } from 'vitest';
import { CompileError, compileContract, compileCount } from '#lib/sim/sandbox/transform.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { syntaxErrors } from '#lib/scenario/syntax.ts';

/** The sources with a comment unique to this test, so no earlier compile can be reused. */
function unique(sources: Record<string, string>, tag: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(sources).map(([file, code]) => [file, `${code}\n// ${tag}\n`])
	);
}

describe('one compile per distinct source', () => {
	test('a Run with checks compiles each distinct file once: syntax pass, deploys, fresh() probes', async () => {
		const id = '02-lending/02-health-factor';
		const sources = unique(lessonSources(id, 'solution'), `run ${Math.random()}`);
		const distinct = new Set(Object.values(sources)).size;
		const before = compileCount();
		// as the worker's Session does: a syntax pass first, then the Run and its checks
		expect(syntaxErrors(sources)).toEqual([]);
		const { run, result, checks } = await runLesson(id, sources, 1);
		run.dispose();
		expect(result.ok).toBe(true);
		expect(checks.length).toBeGreaterThan(1);
		expect(checks.every((c) => c.passed)).toBe(true);
		expect(compileCount() - before).toBe(distinct);
	});

	test('the same text gives the same frozen result; a new text compiles anew', () => {
		const source = `export default class A { x = 1 }\n// ${Math.random()}`;
		const first = compileContract(source);
		const count = compileCount();
		expect(compileContract(source)).toBe(first);
		expect(compileCount()).toBe(count);
		expect(Object.isFrozen(first)).toBe(true);
		compileContract(`${source} `);
		expect(compileCount()).toBe(count + 1);
	});

	test('a source that does not compile throws its CompileError every time, compiled once', () => {
		const source = `export default class B { f( { }\n// ${Math.random()}`;
		const count = compileCount();
		const thrown = (): unknown => {
			try {
				compileContract(source);
			} catch (error) {
				return error;
			}
			return undefined;
		};
		const first = thrown();
		expect(first).toBeInstanceOf(CompileError);
		expect(String(first)).toMatch(/SyntaxError/);
		expect(thrown()).toBe(first);
		expect(compileCount()).toBe(count + 1);
	});
});
