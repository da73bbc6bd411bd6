/**
 * The second hostile suite's contract and cases, shared by tests/unit/sim/hostile-2.test.ts and
 * the benchmark (bench/hostile.bench-run.ts, which reports the worst host milliseconds per
 * 100,000 gas over these cases). Each case is one transaction that must fail with `kind`.
 */
import type { ErrorKind } from '#lib/sim/index.ts';

export const HOSTILE_2 = `import { Contract, StorageValue, emit, revert, keccak256 } from 'chainlab';

export default class Hostile2 extends Contract {
	count = new StorageValue<bigint>('count', 0n);

	sparse(which: string): unknown {
		this.count.set(1n);
		const a: unknown[] = [];
		a.length = 2 ** 32 - 1;
		if (which === 'indexOf') return a.indexOf(1);
		if (which === 'lastIndexOf') return a.lastIndexOf(1);
		if (which === 'includes') return a.includes(1);
		if (which === 'join') return a.join(',').length;
		if (which === 'fill') return a.fill(0).length;
		if (which === 'copyWithin') return a.copyWithin(0, 1).length;
		if (which === 'sort') return a.sort().length;
		if (which === 'forEach') { a.forEach(() => 0); return 0; }
		if (which === 'from') return Array.from({ length: 2 ** 32 - 1 }).length;
		return 0;
	}
	sparseLoop(): number {
		this.count.set(2n);
		const a: unknown[] = [];
		a.length = 200000;
		let n = 0;
		for (;;) n += a.indexOf(1);
	}
	stringScan(): number {
		this.count.set(3n);
		const s = 'ab'.repeat(500000);
		let n = 0;
		for (;;) n += s.indexOf('c');
	}
	bigShift(): bigint { this.count.set(4n); return 1n << 500000n; }
	bigMul(): bigint {
		this.count.set(5n);
		const x = (1n << 500n) - 12345n;
		let y = 0n;
		for (;;) y = x * x;
	}
	bigText(): number {
		this.count.set(6n);
		const x = (1n << 1270n) - 1n;
		let n = 0;
		for (;;) n += String(x).length;
	}
	jsonDeep(): unknown { this.count.set(7n); return JSON.parse('['.repeat(10000) + ']'.repeat(10000)); }
	deepReturn(): unknown {
		this.count.set(8n);
		let a: unknown[] = [];
		for (let i = 0; i < 5000; i++) a = [a];
		return a;
	}
	stringifyDeep(): number {
		let a: unknown[] = [];
		for (let i = 0; i < 10000; i++) a = [a];
		return JSON.stringify(a).length;
	}
	joinRead(): number {
		this.count.set(11n);
		const s = 'x'.repeat(1 << 20);
		let n = 0;
		for (;;) { const t = s + 'y'; n += t.charCodeAt(5); }
	}
	appendRead(): number {
		this.count.set(12n);
		const big = 'x'.repeat(1 << 16);
		let s = '';
		let n = 0;
		for (;;) { s += big; n += s.charCodeAt(0); }
	}
	templateRead(): number {
		const s = 'x'.repeat(1 << 20);
		let n = 0;
		for (;;) { const t = \`\${s}!\`; n += t.charCodeAt(1); }
	}
	keyGrow(): number {
		const s = 'k'.repeat(1 << 20);
		const o: Record<string, number> = {};
		let n = 0;
		for (;;) { o[s + n] = n; n++; }
	}
	parseLong(which: string): number {
		this.count.set(17n);
		const s = '1'.repeat(1_000_000);
		let n = 0;
		for (;;) n += which === 'int'
			? parseInt(s)
			: which === 'float'
				? parseFloat(s)
				: which === 'Number'
					? Number(s)
					: Number.parseFloat(s);
	}
	compareLong(): number {
		this.count.set(18n);
		const a = 'x'.repeat(1_000_000) + 'a';
		const b = 'x'.repeat(1_000_000) + 'b';
		let n = 0;
		for (;;) n += a.localeCompare(b);
	}
	operatorLong(which: string, length: number): number {
		this.count.set(19n);
		// equal texts in distinct strings: each comparison reads every character
		const a = 'x'.repeat(length) + 'a';
		const b = 'x'.repeat(length) + 'a';
		const d = '1'.repeat(length);
		const m = new Map<string, number>([[a, 1]]);
		const o: Record<string, number> = { [a]: 1 };
		let n = 0;
		if (which === '===') for (;;) n += a === b ? 1 : 0;
		if (which === '<') for (;;) n += a < b ? 1 : 0;
		if (which === 'Map') for (;;) n += m.get(b) ?? 0;
		if (which === 'key') for (;;) n += o[b];
		if (which === '+') for (;;) n += +d;
		for (;;) n += (d as unknown as number) * 1;
	}
	hugeRevert() { this.count.set(9n); revert('x'.repeat(5_000_000)); }
	hugeError() { this.count.set(10n); throw new Error('y'.repeat(5_000_000)); }
	hugeEvent() { emit('Big', { data: 'z'.repeat(200_000) }); }
	hugeEventArg() { this.count.set(13n); emit('Big', { data: 'e'.repeat(5_000_000) }); }
	hugeReturn(): string { this.count.set(14n); return 'r'.repeat(5_000_000); }
	wideReturn(): number[] { this.count.set(15n); return new Array(1_000_000).fill(7); }
	wideEvent() { this.count.set(16n); emit('Wide', { list: new Array(1_000_000).fill(7) }); }
	hashLoop(): string {
		const s = 'h'.repeat(4_000_000);
		let h = '';
		for (;;) h = keccak256(s);
	}
	growForever() {
		const keep: Uint8Array[] = [];
		while (true) keep.push(new Uint8Array(1 << 20));
	}
	recurse(n: number): number { return this.recurse(n + 1) + 1; }
	borrow(amount: bigint): bigint { return amount * 2n; }
	settle(amount: bigint, note?: string): string { return String(amount) + (note ?? ''); }
	protoEvent() { emit('Odd', { ['__proto__']: 5n, plain: 1n }); emit('Nul', { __proto__: null, plain: 2n } as any); }
	ok(): string { return 'fine'; }
}
`;

/** One hostile transaction: what it calls and how it must fail. */
export type HostileCase = {
	name: string;
	method: string;
	args: unknown[];
	kind: ErrorKind;
	message: RegExp;
	gasLimit: number;
};

const GAS = 5_000_000;

/** The cases, one per class of the sandbox-hardening issue. */
export const HOSTILE_CASES: HostileCase[] = [
	// first, so it meets a fresh WebAssembly heap: it fails when the 512 MiB heap is full, that is
	// after about 500 arrays of 1 MiB (each costs about 20,000 gas of allocChunk)
	{
		name: 'memory bomb',
		method: 'growForever',
		args: [],
		kind: 'memory',
		message: /out of memory/,
		gasLimit: 30_000_000
	},
	...[
		'indexOf',
		'lastIndexOf',
		'includes',
		'join',
		'fill',
		'copyWithin',
		'sort',
		'forEach',
		'from'
	].map((which): HostileCase => ({
		name: `sparse ${which}`,
		method: 'sparse',
		args: [which],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	})),
	{
		name: 'indexOf in a loop',
		method: 'sparseLoop',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	{
		name: 'string scan in a loop',
		method: 'stringScan',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	...[
		['a long string joined with + and read, in a loop', 'joinRead'],
		['a string grown with += and read, in a loop', 'appendRead'],
		['a template literal of a long string, in a loop', 'templateRead'],
		['long strings as property keys, in a loop', 'keyGrow']
	].map(([name, method]): HostileCase => ({
		name,
		method,
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	})),
	...(
		[
			['int', 'parseInt'],
			['float', 'parseFloat'],
			['Number.parseFloat', 'Number.parseFloat'],
			['Number', 'Number()']
		] as const
	).map(([which, what]): HostileCase => ({
		name: `${what} of a 1,000,000-digit string, in a loop`,
		method: 'parseLong',
		args: [which],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	})),
	{
		name: 'localeCompare of two 1,000,000-character strings, in a loop',
		method: 'compareLong',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	...(
		[
			['===', 1_000_000, 'two equal 1,000,001-character strings compared with ==='],
			['<', 1_000_000, 'two equal 1,000,001-character strings compared with <'],
			['Map', 1_000_000, 'a 1,000,001-character Map key looked up'],
			['Map', 4_000, 'a 4,001-character Map key looked up'],
			['key', 1_000_000, 'a 1,000,001-character property name looked up'],
			['+', 1_000_000, 'unary + of a 1,000,000-digit string'],
			['+', 4_000, 'unary + of a 4,000-digit string'],
			['*', 1_000_000, 'a 1,000,000-digit string times 1']
		] as const
	).map(([which, length, what]): HostileCase => ({
		name: `${what}, in a loop`,
		method: 'operatorLong',
		args: [which, length],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	})),
	{
		name: 'a 500,000-bit BigInt',
		method: 'bigShift',
		args: [],
		kind: 'runtime',
		message: /BigInt is too large to allocate/,
		gasLimit: GAS
	},
	{
		name: 'BigInt products in a loop',
		method: 'bigMul',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	{
		name: 'BigInt to text in a loop',
		method: 'bigText',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	{
		name: 'JSON.parse 10,000 deep',
		method: 'jsonDeep',
		args: [],
		kind: 'call-depth',
		message: /stack overflow/,
		gasLimit: GAS
	},
	{
		name: 'returning a 5,000-deep array',
		method: 'deepReturn',
		args: [],
		kind: 'runtime',
		message: /nested more than 64 levels deep/,
		gasLimit: GAS
	},
	{
		name: 'JSON.stringify 10,000 deep',
		method: 'stringifyDeep',
		args: [],
		kind: 'runtime',
		message: /JSON.stringify\(value\): value is nested more than 64 levels deep/,
		gasLimit: GAS
	},
	{
		name: 'keccak256 of 4 MB in a loop',
		method: 'hashLoop',
		args: [],
		kind: 'out-of-gas',
		message: /out of gas/,
		gasLimit: GAS
	},
	{
		name: 'a 5 MB event argument',
		method: 'hugeEventArg',
		args: [],
		kind: 'runtime',
		message:
			/the arguments of event 'Big' is too large \(5000011 characters encoded; the limit is 100000\)/,
		gasLimit: GAS
	},
	{
		name: 'a 5 MB return value',
		method: 'hugeReturn',
		args: [],
		kind: 'runtime',
		message:
			/the return value of hugeReturn\(\) is too large \(a string of 5000000 characters; the limit is 100000\)/,
		gasLimit: GAS
	},
	{
		name: 'returning an array of 1,000,000 numbers',
		method: 'wideReturn',
		args: [],
		kind: 'runtime',
		message: /the return value of wideReturn\(\) is too large \(more than 10000 values\)/,
		gasLimit: GAS
	},
	{
		name: 'an event argument of 1,000,000 numbers',
		method: 'wideEvent',
		args: [],
		kind: 'runtime',
		message: /the arguments of event 'Wide' is too large \(more than 10000 values\)/,
		gasLimit: GAS
	},
	{
		name: 'a 5 MB revert reason',
		method: 'hugeRevert',
		args: [],
		kind: 'revert',
		message: /\[cut 4,999,000 characters\]$/,
		gasLimit: GAS
	},
	{
		name: 'a 5 MB error message',
		method: 'hugeError',
		args: [],
		kind: 'runtime',
		message: /^Error: y+… \[cut 4,999,007 characters\]$/,
		gasLimit: GAS
	}
];

/** `count` copies of `statement`, one a line: straight-line code of a known length. */
export function lines(count: number, statement: string): string {
	return Array.from({ length: count }, () => statement).join('\n');
}

/** A contract of one method `run` (with `body`, after `before` at the file's top level) and `ok`. */
function straight(body: string, before = ''): string {
	return `import { Contract } from 'chainlab';
${before}
export default class Straight extends Contract {
	run(): number {
		${body}
	}
	ok(): string { return 'fine'; }
}
`;
}

/** A straight-line case: one transaction to `run` of its own contract, `source`. */
export type StraightCase = Omit<HostileCase, 'method' | 'args'> & { source: string };

/**
 * Code without a branch or a call between its ticks: loop bodies, one long expression, a
 * function of 10,000 statements called in a loop (each iteration is one jump and one call, the
 * rest is straight-line work). Each must run out of gas, paying for the statements it ran.
 */
export const STRAIGHT_CASES: StraightCase[] = [
	[
		'a loop whose body is 1,000 statements',
		`let k = 0; for (;;) { ${lines(1_000, 'k = k + 1;')} }`
	],
	[
		'a loop whose body is 10,000 statements',
		`let k = 0; for (;;) { ${lines(10_000, 'k = k + 1;')} }`
	],
	[
		'a loop over one expression of 2,000 terms',
		`const a = 1; let k = 0; for (;;) k = ${lines(1_999, 'a +')} a;`
	],
	[
		'a loop calling a function of 10,000 statements',
		'let k = 0; for (;;) k = flat(k);',
		`function flat(k: number): number {\n${lines(10_000, 'k = k + 1;')}\nreturn k;\n}`
	]
].map(([name, body, before]) => ({
	name,
	source: straight(body, before),
	kind: 'out-of-gas',
	message: /out of gas/,
	gasLimit: GAS
}));

/** A contract file whose top level loops over a body of 1,000 statements: its deploy runs out of gas. */
export const STRAIGHT_TOP = `import { Contract } from 'chainlab';
let k = 0;
for (;;) { // TOP-LOOP
${lines(1_000, 'k = k + 1;')}
}
export default class Top extends Contract {}
`;

/** Depth of the prototype chains the PROTO_CASES build (each lookup of a missing name walks it). */
export const PROTO_DEPTH = 20_000;
/** Gas of a prototype case: enough to build the chain and walk it a few thousand times. */
export const PROTO_GAS = 1_000_000;

/**
 * Deep prototype chains: QuickJS walks a chain natively inside one bytecode instruction, so each
 * lookup of a missing name on a chain of PROTO_DEPTH objects walked it all for one step. Each
 * builds its chain one way and loops over one operation that walks it; each must run out of gas.
 */
export const PROTO_CASES: StraightCase[] = [
	['a missing property read (Object.create)', 'chain()', 'if (p.missing) n++;'],
	['`in` on a missing name', 'chain()', "if ('missing' in p) n++;"],
	['`instanceof` a class not on the chain', 'chain()', 'if (p instanceof Other) n++;'],
	['isPrototypeOf', 'chain()', 'if (other.isPrototypeOf(p)) n++;'],
	['a property write on a new object', 'chain()', 'Object.create(p).x = n;'],
	['for...in over the chain', 'chain()', 'for (const k in p) n += k.length;'],
	['a missing static read (class extends)', 'classes()', 'if (p.missing) n++;'],
	['a missing property read (__proto__ literal)', 'literal()', 'if (p.missing) n++;'],
	['a missing property read (setPrototypeOf)', 'reset()', 'if (p.missing) n++;'],
	['a getter at the end of the chain', 'getter()', 'n += p.x;']
].map(([name, build, step]) => ({
	name: `a ${PROTO_DEPTH.toLocaleString('en-US')}-deep prototype chain: ${name}`,
	source: straight(
		`const p = ${build}; const other = {}; let n = 0; for (;;) ${step}`,
		`const D = ${PROTO_DEPTH};
class Other {}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
function chain(): Any { let p: Any = {}; for (let i = 0; i < D; i++) p = Object.create(p); return p; }
function classes(): Any { let C: Any = class {}; for (let i = 0; i < D; i++) C = class extends C {}; return C; }
function literal(): Any { let p: Any = {}; for (let i = 0; i < D; i++) p = { __proto__: p }; return p; }
function getter(): Any { let p: Any = { get x() { return 1; } }; for (let i = 0; i < D; i++) p = Object.create(p); return p; }
function reset(): Any { let p: Any = {}; for (let i = 0; i < D; i++) { const q = {}; Object.setPrototypeOf(q, p); p = q; } return p; }`
	),
	kind: 'out-of-gas',
	message: /out of gas/,
	gasLimit: PROTO_GAS
}));
