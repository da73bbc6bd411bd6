/**
 * The scanners of learner code (private names, the loop map, method signatures, hidden methods)
 * all read one tokenizer, sucrase's parse (sim/sandbox/tokens.ts). These are the inputs that
 * hand-written quote, comment and bracket skipping gets wrong.
 */
import { describe, expect, test } from 'vitest';
import { CompileError, compileContract } from '#lib/sim/sandbox/transform.ts';
import { DeployError } from '#lib/sim/index.ts';
import { fresh, lineOf } from './helpers.ts';

const HEAD = `import { Contract } from 'chainlab';\n`;

/** The CompileError a source throws, or undefined when it compiles. */
function compileError(source: string): CompileError | undefined {
	try {
		compileContract(source);
	} catch (error) {
		if (error instanceof CompileError) return error;
		throw error;
	}
	return undefined;
}

describe('private #names', () => {
	test('a #name after a regex with a quote, or a template holding a backtick, is still found', () => {
		for (const before of [`const q = /'/;`, 'const t = `${"`"}`;', `const r = /[/"']/g;`]) {
			const source = `${HEAD}${before}
export default class Sneaky extends Contract {
	#secret = 1; // SECRET
	peek(): number { return 1; }
}`;
			const error = compileError(source);
			expect(error?.message, before).toMatch(/private #names are not supported/);
			expect(error?.line, before).toBe(lineOf(source, 'SECRET'));
		}
	});

	test('#names inside strings, templates, regexes and comments are not private names', () => {
		const source = `${HEAD}export default class Notes extends Contract {
	tag = '#draft';
	label = \`
#heading \${"#x"}\`;
	pattern = /{#id}/;
	// #commented = 1;
	/* #also = 2; */
	read(): string { return this.tag + "\\"#quoted"; }
}`;
		expect(compileError(source)).toBeUndefined();
	});

	test('a brand check `#x in o` names its line', () => {
		const source = `${HEAD}export default class Brand extends Contract {
	is(o: object): boolean {
		return #x in o; // BRAND
	}
}`;
		expect(compileError(source)?.line).toBe(lineOf(source, 'BRAND'));
	});
});

describe('loop map', () => {
	test('loops past templates with ${} braces, regexes with // and quotes, comments with code', () => {
		const source = `${HEAD}export default class Loops extends Contract {
	m(s: string): number {
		const t = \`a \${ { b: "}" }.b } \${ \`\${'{'}\` } // while (no) {\`;
		const r = /\\/\\/[{'"]/g; // for (;;) {
		/* do { */ const q = "while (\\"x\\") {";
		let i = 0;
		while (i < 3) { // LOOP-1
			i++;
		}
		do i++; while (i < 5); // LOOP-2
		for (const k of [1]) { i += k; } // LOOP-3
		return i + t.length + q.length + (r.test(s) ? 1 : 0);
	}
	while(): number { return 0; }
	typed(x: {
		a: number;
		b: number;
	}): number {
		for (let j = 0; j < x.a; j++) { // LOOP-4
			x.b++;
		}
		return x.b;
	}
}`;
		const { loops } = compileContract(source);
		const at = (marker: string) => lineOf(source, marker);
		expect(loops.loops).toEqual([
			[at('LOOP-1'), at('LOOP-1') + 2],
			[at('LOOP-2'), at('LOOP-2')],
			[at('LOOP-3'), at('LOOP-3')],
			[at('LOOP-4'), at('LOOP-4') + 2]
		]);
		// the multi-line parameter type is not a block: only the method's body and the loop's
		const typedBody = lineOf(source, '}): number {');
		expect(loops.blocks.filter(([open]) => open >= at('typed(') && open < typedBody)).toEqual([]);
	});

	test('out of gas names the loop after a regex literal holding quotes and a template', () => {
		const source = `${HEAD}export default class Spin extends Contract {
	spin(): void {
		const re = /["'\`{]/; const s = \`\${ { a: '}' }.a }\`;
		let n = re.test(s) ? 1 : 0;
		while (n >= 0) { // SPIN
			n++;
		}
	}
}`;
		const { chain } = fresh();
		const spin = chain.deploy(source, { name: 'Spin', from: 'alice' });
		const receipt = chain.send({ from: 'alice', to: spin, method: 'spin', gasLimit: 300_000 });
		expect(receipt.error?.kind).toBe('out-of-gas');
		expect(receipt.error?.line).toBe(lineOf(source, 'SPIN'));
	}, 20_000);
});

describe('method signatures', () => {
	const source = `${HEAD}const api = {
	borrow(a: bigint, b: bigint) { return a + b; }
};
class Helper {
	settle(x: bigint, y: bigint, z: bigint) { return x + y + z; }
}
export default class Pool extends Contract {
	count = 0;
	handler = (a: bigint, b: bigint) => a + b;
	constructor(private readonly cap: bigint = 10n, public owner = 'x') {
		super();
	}
	borrow(amount: bigint) { return amount + api.borrow(1n, 2n); }
	settle(amount: bigint, note?: string) { return String(amount) + (note ?? ''); }
	pick(x: bigint, cap = x > 10n ? 10n : x, pattern = /\\)/, label = \`a\${")"}\`): bigint {
		return cap + BigInt(pattern.source.length + label.length);
	}
	mix(fn = (a: number, b: number) => [a, b], { p, q }: { p: number; q: [string, number] } = { p: 1, q: ['(', 2] }, ...more: number[]): number {
		return fn(p, q[1]).length + more.length;
	}
	quote(s = 'it\\'s, (really)', t = "\\"", u: string): string { return s + t + u; }
	dépôt(montant: bigint): bigint { return montant; }
	async load(id: number) { return id; }
	*walk(from: number, to: number) { yield from; yield to; }
	static make(n: number) { return n; }
	get size(): number { return this.count; }
	set size(v: number) { this.count = v; }
	over(a: number): number;
	over(a: string): string;
	over(a: number | string): number | string { return a; }
	bound(this: Pool, k: number): number { return k; }
	private réserve(x: bigint): bigint { return x; }
	protected static async *drain(n: number) { yield n; }
	private hidden(): void {}
}`;

	test('defaults with commas, brackets, regexes, templates and arrows; unicode; accessors', () => {
		const s = compileContract(source).signatures;
		expect({ ...s }).toEqual({
			constructor: { params: ['cap', 'owner'], min: 0, max: 2 },
			borrow: { params: ['amount'], min: 1, max: 1 },
			settle: { params: ['amount', 'note'], min: 1, max: 2 },
			pick: { params: ['x', 'cap', 'pattern', 'label'], min: 1, max: 4 },
			mix: { params: ['fn', '{ p, q }', '...more'], min: 0, max: -1 },
			quote: { params: ['s', 't', 'u'], min: 0, max: 3 },
			dépôt: { params: ['montant'], min: 1, max: 1 },
			load: { params: ['id'], min: 1, max: 1 },
			walk: { params: ['from', 'to'], min: 2, max: 2 },
			make: { params: ['n'], min: 1, max: 1 },
			size: { params: [], min: 0, max: 0 },
			over: { params: ['a'], min: 1, max: 1 },
			bound: { params: ['k'], min: 1, max: 1 },
			réserve: { params: ['x'], min: 1, max: 1 },
			drain: { params: ['n'], min: 1, max: 1 },
			hidden: { params: [], min: 0, max: 0 }
		});
		// fields (even arrow functions) and object-literal methods are not methods of the class
		expect(Object.hasOwn(s, 'handler')).toBe(false);
	});

	test('private and protected methods are hidden, whatever their name or modifiers', () => {
		expect([...compileContract(source).privates].sort()).toEqual(['drain', 'hidden', 'réserve']);
	});

	test("calls are checked against the exported class's own parameter lists", () => {
		// the engine refuses async and generator methods at deploy
		const callable = source
			.split('\n')
			.filter((line) => !/async|\*walk|handler/.test(line))
			.join('\n');
		const { chain } = fresh();
		const pool = chain.deploy(callable, { name: 'Pool', from: 'alice' });
		const call = (method: string, args: unknown[]) =>
			chain.send({ from: 'alice', to: pool, method, args }).error?.message;
		expect(call('borrow', [1n, 2n])).toBe('TypeError: borrow(amount) expects 1 argument, got 2');
		expect(call('pick', [])).toBe(
			'TypeError: pick(x, cap, pattern, label) expects 1 to 4 arguments, got 0'
		);
		// not the helper class's settle(x, y, z) above it
		expect(call('settle', [])).toBe(
			'TypeError: settle(amount, note) expects 1 to 2 arguments, got 0'
		);
		expect(chain.view(pool, 'pick', [3n])).toBe(3n + 2n + 2n); // cap = x, then the lengths of \) and a)
		expect(call('mix', [])).toBeUndefined();
		expect(() =>
			chain.deploy(callable, { name: 'Pool2', from: 'alice', args: [1n, 'o', 3] })
		).toThrow(DeployError);
	}, 20_000);
});
