/**
 * The pre-parse scan (sandbox/depth.ts): sucrase's recursive parser overflowed the JavaScript
 * stack on a 10,000-term sum or 1,000 nested brackets, at a depth that depends on the platform;
 * such sources are now refused at fixed limits with the line, and ordinary sources are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_NESTING, MAX_OPERATORS, nestingProblem } from '#lib/sim/sandbox/depth.ts';
import { CompileError, compileContract } from '#lib/sim/sandbox/transform.ts';

const header = `import { Contract } from 'chainlab';\n`;
const contract = (body: string) =>
	`${header}export default class C extends Contract {\n\trun(): unknown {\n\t\t${body}\n\t}\n}\n`;

/** The CompileError compiling `source` throws. */
function refusal(source: string): CompileError {
	try {
		compileContract(source);
	} catch (error) {
		if (error instanceof CompileError) return error;
		throw error;
	}
	throw new Error('the source compiled');
}

describe('sources past the limits are refused with their line', () => {
	test('a sum of 10,000 terms', () => {
		const e = refusal(contract(`return ${Array(10_000).fill('1').join(' + ')};`));
		expect(e.message).toBe(
			`expression holds more than ${MAX_OPERATORS.toLocaleString('en-US')} operators at line 4; split it`
		);
		expect(e.line).toBe(4);
	});

	test('a sum of 10,000 terms, one a line', () => {
		const e = refusal(contract(`return 1 +\n${Array(9_999).fill('1').join(' +\n')};`));
		expect(e.message).toMatch(
			/^expression holds more than 2,048 operators at line 2052; split it$/
		);
	});

	test('10,000 nested parentheses, arrays, blocks, template holes and arrow bodies', () => {
		const deep = 10_000;
		const nests = [
			`return ${'('.repeat(deep)}1${')'.repeat(deep)};`,
			`return ${'['.repeat(deep)}${']'.repeat(deep)};`,
			`${'{'.repeat(deep)}${'}'.repeat(deep)}`,
			`return ${'`${'.repeat(deep)}1${'}`'.repeat(deep)};`,
			`return ${'() => '.repeat(deep)}1;`
		];
		for (const body of nests) {
			const e = refusal(contract(body));
			expect(e.message).toBe(`expression nests deeper than ${MAX_NESTING} at line 4; split it`);
			expect(e.line).toBe(4);
		}
	});

	test('operators add up along the nesting path', () => {
		const half = Array(1_100).fill('1').join(' + ');
		expect(nestingProblem(`x = ${half} + (${half});`)?.message).toMatch(
			/more than 2,048 operators/
		);
		// the same terms in two statements are two expressions
		expect(nestingProblem(`x = ${half};\ny = ${half};`)).toBeUndefined();
	});

	test('the limits are exact', () => {
		const nested = (d: number) => `x = ${'('.repeat(d)}1${')'.repeat(d)};`;
		expect(nestingProblem(nested(MAX_NESTING))).toBeUndefined();
		expect(nestingProblem(nested(MAX_NESTING + 1))).toBeDefined();
		const chain = (ops: number) => `x = ${Array(ops).fill('1').join(' + ')};`; // `=` is one more
		expect(nestingProblem(chain(MAX_OPERATORS))).toBeUndefined();
		expect(nestingProblem(chain(MAX_OPERATORS + 1))).toBeDefined();
	});
});

describe('ordinary sources are accepted', () => {
	test('brackets and operators inside strings, templates, comments and regexes do not count', () => {
		const many = '((((['.repeat(200) + '+'.repeat(3_000);
		const source = contract(
			[
				`const a = '${many}';`,
				`const b = "${many}";`,
				`const c = \`${many} \${a.length} ${many}\`;`,
				`// ${many}`,
				`/* ${many}\n${many} */`,
				`const r = /[(]{2}\\/${'\\('.repeat(300)}/g;`,
				`return a.length / 2 + b.length / 2 + c.length + (r.test(a) ? 1 : 0);`
			].join('\n')
		);
		expect(nestingProblem(source)).toBeUndefined();
		expect(() => compileContract(source)).not.toThrow();
	});

	test('10,000 statements without semicolons, and an expression of 2,000 terms', () => {
		expect(nestingProblem(contract(Array(10_000).fill('k = k + 1').join('\n')))).toBeUndefined();
		expect(nestingProblem(contract(`k = ${Array(2_000).fill('a').join(' +\n')};`))).toBeUndefined();
	});

	test('every contract file of the lessons and the playground', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				else if (entry.name.endsWith('.ts') && readFileSync(path, 'utf8').includes("'chainlab'"))
					files.push(path);
			}
		};
		walk('lessons');
		walk('src/lib/playground');
		expect(files.length).toBeGreaterThan(50);
		for (const path of files)
			expect(nestingProblem(readFileSync(path, 'utf8')), path).toBeUndefined();
	});
});
