// The playground forms' ABIs, read in the worker from sucrase's tokens (scenario/abi.ts over
// sim/sandbox/members.ts): the cases the page's old hand scanner handled, and those it got wrong.
import { describe, expect, test } from 'vitest';
import { TOKEN_ABI } from '#lib/playground/abi.ts';
import { PlaygroundSession } from '#lib/playground/session.ts';
import { TEMPLATES } from '#lib/playground/templates.ts';
import { readAbi } from '#lib/scenario/abi.ts';
import type { Abi } from '#lib/model/abi.ts';

/** Each method as `name(param:type, ...)`, the form's view of it. */
const shape = (abi: Abi | null) =>
	abi?.methods.map((m) => `${m.name}(${m.params.map((p) => `${p.name}:${p.type}`).join(', ')})`);

const contract = (body: string, head = '') => `import { Contract, StorageMap } from 'chainlab';
${head}
export default class Box extends Contract {
${body}
}
`;

describe('ABI from source', () => {
	test('the session reads every template file: a class with typed public methods', async () => {
		const session = new PlaygroundSession();
		for (const template of Object.values(TEMPLATES)) {
			const sources = Object.fromEntries(template.files.map((f) => [f.path, f.text]));
			const abis = await session.abi(sources);
			expect(Object.keys(abis).sort()).toEqual(Object.keys(sources).sort());
			for (const [path, abi] of Object.entries(abis)) {
				expect(abi, path).not.toBeNull();
				expect(abi!.methods.length, path).toBeGreaterThan(0);
			}
		}
		const lending = Object.fromEntries(TEMPLATES.lending.files.map((f) => [f.path, f.text]));
		const pool = (await session.abi(lending))['contracts/LendingPool.ts']!;
		expect(pool.className).toBe('LendingPool');
		expect(pool.constructorParams.map((p) => p.type)).toEqual(['address', 'address', 'address']);
		expect(pool.methods.map((m) => m.name)).toEqual([
			'supply',
			'deposit',
			'borrow',
			'repay',
			'liquidate',
			'healthFactor',
			'collateralOf',
			'debtOf'
		]);
		expect(pool.methods.find((m) => m.name === 'liquidate')?.params).toEqual([
			{ name: 'user', type: 'address', ts: 'string' },
			{ name: 'debtToCover', type: 'bigint', ts: 'bigint' }
		]);
		expect(TOKEN_ABI.methods.map((m) => m.name)).toContain('approve');
	});

	test('a file that does not parse is left out; one without a default class is null', async () => {
		const abis = await new PlaygroundSession().abi({
			'contracts/Good.ts': contract('ping(): void {}'),
			'contracts/Broken.ts': contract('ping(: void {'),
			'contracts/lib.ts': 'export const x = 1;',
			'notes.md': '# not code'
		});
		expect(shape(abis['contracts/Good.ts'])).toEqual(['ping()']);
		expect(abis['contracts/lib.ts']).toBeNull();
		expect(Object.keys(abis).sort()).toEqual(['contracts/Good.ts', 'contracts/lib.ts']);
	});

	test('comments, strings, generics, fields and private members do not confuse it', () => {
		const abi = readAbi(`
			import { Contract } from 'chainlab';
			// export default class Fake {}
			export default class Box<T> extends Contract {
				label = "a { brace ( in a string";
				items = new StorageMap<string, bigint>('items');
				static create() {}
				private secret(x: bigint) {}
				get size() { return 1; }
				/* put(x: bigint) in a comment */
				put(key: string, owner: string, value: { a: number; b: [string, bigint] }, flag = false): void {
					if (flag) { const f = (y: bigint) => { return y; }; }
				}
				receive() {}
				pick<K>(k: K, n: number): number { return n; }
			}
		`);
		expect(abi?.className).toBe('Box');
		expect(shape(abi)).toEqual([
			'put(key:string, owner:address, value:json, flag:json)',
			'pick(k:json, n:number)'
		]);
		expect(abi?.methods[0].params[2].ts).toBe('{ a: number; b: [string, bigint] }');
		expect(abi?.methods[0].returns).toBe('void');
		expect(readAbi('export const x = 1;')).toBeNull();
	});

	test('generic types keep their text; defaults with commas and arrows end where they end', () => {
		const abi = readAbi(
			contract(`
	put(balances: Map<string, bigint>, label = 'a, b', pick = (x: number, y: number) => x, amount: bigint): void {}
	cut(check = (x: number) => x > 1, amount: bigint, to?: string): bigint { return amount; }
	mix(opts = { a: 1, b: [2, 3] }, ...rest: bigint[]): void {}`)
		);
		expect(abi?.methods.map((m) => [m.name, m.params.map((p) => [p.name, p.ts, p.type])])).toEqual([
			[
				'put',
				[
					['balances', 'Map<string, bigint>', 'json'],
					['label', 'unknown', 'json'],
					['pick', 'unknown', 'json'],
					['amount', 'bigint', 'bigint']
				]
			],
			[
				'cut',
				[
					['check', 'unknown', 'json'],
					['amount', 'bigint', 'bigint'],
					['to', 'string', 'address']
				]
			],
			[
				'mix',
				[
					['opts', 'unknown', 'json'],
					['...rest', 'bigint[]', 'json']
				]
			]
		]);
		expect(abi?.methods[1].returns).toBe('bigint');
	});

	test('braces in template literals and regular expressions do not end the class', () => {
		const abi = readAbi(
			contract(`
	first(s: string): boolean { return /[{"]/.test(s) && \`\${'}'}\`.length > 0; }
	second(amount: bigint): void {}`)
		);
		expect(shape(abi)).toEqual(['first(s:address)', 'second(amount:bigint)']);
	});

	test('overloads give one method; accessors, #private, static and receive are left out', () => {
		const abi = readAbi(
			contract(`
	constructor(public readonly owner: string, private cap: bigint) { super(); }
	over(a: string): void;
	over(a: string, b: bigint): void;
	over(a: string, b?: bigint): void {}
	get total(): bigint { return 0n; }
	set total(v: bigint) {}
	#hidden(x: bigint) {}
	protected guarded(): void {}
	static make(): void {}
	async later(n: number): Promise<void> {}
	receive(): void {}`)
		);
		expect(abi?.constructorParams).toEqual([
			{ name: 'owner', ts: 'string', type: 'address' },
			{ name: 'cap', ts: 'bigint', type: 'bigint' }
		]);
		expect(shape(abi)).toEqual(['over(a:address, b:bigint)', 'later(n:number)']);
	});

	test('methods named get, set or async are methods', () => {
		const abi = readAbi(
			contract(`
	get(key: string): bigint { return 0n; }
	set(key: string, value: bigint): void {}
	async(): void {}`)
		);
		expect(shape(abi)).toEqual(['get(key:string)', 'set(key:string, value:bigint)', 'async()']);
	});

	test('only the default-exported class counts', () => {
		const abi = readAbi(`import { Contract } from 'chainlab';
class Helper { help(x: bigint): void {} }
export default class Main extends Contract { run(n: number): void {} }
class After { later(): void {} }
`);
		expect(abi?.className).toBe('Main');
		expect(shape(abi)).toEqual(['run(n:number)']);
	});
});
