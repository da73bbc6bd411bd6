/**
 * The hostile-contract suite: contract code that tries to hang, exhaust, escape or corrupt the
 * sandbox. Each case fails with a named error kind and a clear message, changes nothing but the
 * sender's fee and nonce, and the next transaction works.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	type Chain,
	DeployError,
	type ErrorKind,
	MAX_CALL_DEPTH,
	type Receipt,
	type World
} from '#lib/sim/index.ts';
import { expectOnlyFeeAndNonce, fresh, lineOf, TOKEN, WAD } from './helpers.ts';

const HOSTILE = `import { Contract, StorageMap, StorageValue, msg, emit, transfer, keccak256, Token } from 'chainlab';

export default class Hostile extends Contract {
	notes = new StorageMap<string, bigint>('notes');
	count = new StorageValue<bigint>('count', 0n);

	spin() { this.count.set(1n); while (true) {} }
	longSpin(): number {
		let i = 0;
		this.count.set(11n);
		while (i >= 0) { // LOOP-LINE
			i++;
		}
		return i;
	}
	recurse(n: number): number { return this.recurse(n + 1) + 1; } // RECURSE
	bigArray() { this.count.set(2n); const a = new Array(1e8).fill(0); return a.length; }
	bigString() { this.count.set(3n); return 'x'.repeat(1e8).length; }
	growForever() { const keep: Uint8Array[] = []; while (true) keep.push(new Uint8Array(1 << 20)); }
	regex() { this.count.set(4n); return /(a+)+$/.test('a'.repeat(40) + 'b'); }
	catchGas() {
		this.count.set(5n);
		for (;;) {
			try { while (true) {} } catch (e) { this.notes.set('caught', 1n); }
		}
	}
	finallyGas() { try { while (true) {} } finally { this.count.set(99n); } }
	reach(what: string): unknown {
		this.count.set(6n);
		const g = globalThis as any;
		if (what === 'fetch') return (fetch as any)('https://example.com');
		if (what === 'postMessage') return g.postMessage('hi');
		if (what === 'indexedDB') return g.indexedDB.open('x');
		if (what === 'importScripts') return g.importScripts('evil.js');
		if (what === 'self') return g.self.location;
		if (what === 'constructor') return (this as any).constructor.constructor('return process')().env;
		return 'unknown';
	}
	globals(): string { return Object.getOwnPropertyNames(globalThis).join(','); }
	now() { this.count.set(7n); return Date.now(); } // DATE
	dice() { this.count.set(8n); return Math.random(); } // RANDOM
	newDate() { return new Date().getTime(); }
	pollute(): string {
		const results: string[] = [];
		const attempts: [string, () => void][] = [
			['Object.prototype', () => { (Object.prototype as any).polluted = 'yes'; }],
			['Array.prototype.push', () => { (Array.prototype as any).push = () => 0; }],
			['JSON.stringify', () => { (JSON as any).stringify = () => 'owned'; }],
			['String.prototype', () => { (String.prototype as any).evil = 1; }],
			['globalThis', () => { (globalThis as any).leak = 1; }],
			['Math.random', () => { (Math as any).random = () => 4; }]
		];
		for (const [name, run] of attempts) {
			try { run(); results.push(name + ':changed'); } catch (e) { results.push(name + ':refused'); }
		}
		return results.join(' ');
	}
	polluteUncaught() { (Object.prototype as any).polluted = 'yes'; } // POLLUTE
	throwString() { this.count.set(9n); throw 'boom'; } // THROW-STRING
	throwObject() { throw { code: 42 }; }
	throwNull() { throw null; }
	cyclic() { const a: any = { name: 'a' }; a.self = a; return a; }
	huge() { return new Array(200000).fill(1n); }
	hugeString() { return 'y'.repeat(300000); }
	promise() { return Promise.resolve(1); }
	asyncHelper() { const f = async () => 1; return f(); }
	wrongTypes(which: string) {
		this.count.set(10n);
		const anyTransfer = transfer as any, anyEmit = emit as any, anyHash = keccak256 as any;
		if (which === 'transfer') anyTransfer(123, 'lots');
		if (which === 'emit') anyEmit(42, 'args');
		if (which === 'hash') anyHash(5);
		if (which === 'key') (this.notes as any).set({ k: 1 }, 1n);
		if (which === 'value') (this.notes as any).set('k', () => 1);
		if (which === 'token') (Token as any).at(5);
		if (which === 'map') new (StorageMap as any)(7);
		return 'unreachable';
	}
	field() { (this as any).count = 5n; } // FIELD
	newField() { (this as any).extra = 1; }
	reenter(depth: number): number { return (Contract.at(this.address) as any).reenter(depth + 1); } // REENTER
	ok(): string { return 'fine'; }
}
`;

const CLEAN = `import { Contract } from 'chainlab';
export default class Clean extends Contract {
	probe(): string {
		const o: any = {};
		return [String(o.polluted), typeof (Object.prototype as any).polluted, [1, 2].map((x) => x * 2).join(','), JSON.stringify({ a: 1 })].join('|');
	}
}
`;

let world: World;
let chain: Chain;
let hostile: string;
let token: string;

beforeEach(() => {
	({ world, chain } = fresh(7));
	hostile = chain.deploy(HOSTILE, { name: 'Hostile', from: 'mallory' });
	token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
});

afterEach(() => world.dispose());

/** Sends a hostile call and checks the failure, the state and that the chain still works. */
function attack(
	method: string,
	args: unknown[],
	kind: ErrorKind,
	message: RegExp,
	gasLimit = 5_000_000
): Receipt {
	const before = chain.dumpState();
	const r = chain.send({ from: 'mallory', to: hostile, method, args, gasLimit });
	expect(r.status, `${method}: ${r.error?.message}`).toBe('reverted');
	expect(r.error?.kind, r.error?.message).toBe(kind);
	expect(r.error?.message).toMatch(message);
	expectOnlyFeeAndNonce(chain, before, r);
	const next = chain.send({
		from: 'alice',
		to: token,
		method: 'transfer',
		args: [chain.address('bob'), WAD]
	});
	expect(next.status, next.error?.message).toBe('success');
	expect(chain.view(hostile, 'ok')).toBe('fine');
	return r;
}

describe('compute', () => {
	test('an infinite loop runs out of gas, uses all of it, and names the loop line', () => {
		const r = attack('spin', [], 'out-of-gas', /out of gas/);
		expect(r.gasUsed).toBe(r.gasLimit);
		const long = attack('longSpin', [], 'out-of-gas', /out of gas/);
		expect(long.error?.line).toBe(lineOf(HOSTILE, 'LOOP-LINE'));
		expect(long.error?.address).toBe(hostile);
	});

	test('infinite recursion hits the stack limit (call-depth) on its line', () => {
		const r = attack('recurse', [0], 'call-depth', /stack overflow/);
		expect(r.error?.line).toBe(lineOf(HOSTILE, 'RECURSE'));
	});

	test('a catastrophic regex is stopped by the gas meter', () => {
		attack('regex', [], 'out-of-gas', /out of gas/);
	});

	test('catching the out-of-gas error and looping on does not help', () => {
		attack('catchGas', [], 'out-of-gas', /out of gas/);
		attack('finallyGas', [], 'out-of-gas', /out of gas/);
	});
});

describe('memory', () => {
	test('a huge array is a memory fault; the sandbox is rebuilt and contracts reload', () => {
		// fill() pays for its 10^8 elements first (builtinItems), then the allocation fails
		attack('bigArray', [], 'memory', /out of memory/, 30_000_000);
		expect(world.sandboxRebuilds).toBe(1);
		expect(chain.view(token, 'balanceOf', [chain.address('bob')])).toBe(WAD);
	});

	test('a huge string is a memory fault', () => {
		attack('bigString', [], 'memory', /out of memory/, 30_000_000);
	});

	test('holding memory until the limit fails with memory or out-of-gas, never hangs', () => {
		const r = attack('growForever', [], 'memory', /out of memory/, 30_000_000);
		expect(r.gasUsed).toBeLessThanOrEqual(r.gasLimit);
	});
});

describe('escape', () => {
	test.each([
		['fetch', /fetch is not available in contracts/],
		['postMessage', /postMessage is not available in contracts/],
		['indexedDB', /indexedDB is not available in contracts/],
		['importScripts', /importScripts is not available in contracts/],
		['self', /self is not available in contracts/],
		['constructor', /process is not available in contracts/]
	])('reaching %s fails with a clear runtime error', (what, message) => {
		attack('reach', [what], 'runtime', message);
	});

	test('the global object holds only the language and the stubs', () => {
		const names = String(chain.view(hostile, 'globals')).split(',');
		for (const host of [
			'require',
			'module',
			'exports',
			'console',
			'WebAssembly',
			'Atomics',
			'os',
			'std',
			'Buffer',
			'global'
		])
			expect(names).not.toContain(host);
		expect(names).toContain('Object');
	});

	test('Date and Math.random are refused with a clear message and the line', () => {
		const date = attack(
			'now',
			[],
			'runtime',
			/Date\.now is not available in contracts: .*block\.timestamp/
		);
		expect(date.error?.line).toBe(lineOf(HOSTILE, 'DATE'));
		attack('newDate', [], 'runtime', /Date is not available in contracts/);
		const dice = attack('dice', [], 'runtime', /Math\.random is not available in contracts/);
		expect(dice.error?.line).toBe(lineOf(HOSTILE, 'RANDOM'));
	});
});

describe('integrity', () => {
	test('built-in prototypes are frozen, and nothing leaks into another contract', () => {
		expect(chain.view(hostile, 'pollute')).toBe(
			'Object.prototype:refused Array.prototype.push:refused JSON.stringify:refused String.prototype:refused globalThis:refused Math.random:refused'
		);
		const r = attack('polluteUncaught', [], 'runtime', /TypeError/);
		expect(r.error?.line).toBe(lineOf(HOSTILE, 'POLLUTE'));
		const clean = chain.deploy(CLEAN, { name: 'Clean', from: 'alice' });
		expect(chain.view(clean, 'probe')).toBe('undefined|undefined|2,4|{"a":1}');
	});

	test('throwing non-Error values gives a runtime error that shows the value', () => {
		const s = attack('throwString', [], 'runtime', /uncaught exception: "boom"/);
		expect(s.error?.address).toBe(hostile);
		attack('throwObject', [], 'runtime', /uncaught exception: \{"code":42\}/);
		attack('throwNull', [], 'runtime', /uncaught exception: null/);
	});

	test('cyclic and huge return values are refused, not hung on', () => {
		attack('cyclic', [], 'runtime', /return value of cyclic\(\) is cyclic/);
		attack('huge', [], 'runtime', /return value of huge\(\) is too large/);
		attack('hugeString', [], 'runtime', /return value of hugeString\(\) is too large/);
	});

	test('promises are refused: contract calls are synchronous', () => {
		attack('promise', [], 'runtime', /Promise\.resolve is not available in contracts/);
		attack('asyncHelper', [], 'runtime', /asyncHelper\(\) returned a Promise/);
	});

	test('an async method is refused at deploy', () => {
		const source = `import { Contract } from 'chainlab';
export default class Later extends Contract {
	async soon() { return 1; }
}`;
		const before = chain.dumpState();
		let error: unknown;
		try {
			chain.deploy(source, { name: 'Later', from: 'mallory' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DeployError);
		const e = error as DeployError;
		expect(e.kind).toBe('syntax');
		expect(e.message).toMatch(/soon\(\) is async: contract calls are synchronous/);
		expect(e.receipt).toBeDefined();
		expectOnlyFeeAndNonce(chain, before, e.receipt as Receipt);
	});

	test('re-entering past the call-depth limit fails with call-depth', () => {
		const r = attack(
			'reenter',
			[0],
			'call-depth',
			new RegExp(`more than ${MAX_CALL_DEPTH} nested calls`),
			30_000_000
		);
		expect(r.error?.line).toBe(lineOf(HOSTILE, 'REENTER'));
	});

	test.each([
		['transfer', /transfer\(to, amount\): to must be an address/],
		['emit', /emit\(name, args\): name must be an identifier/],
		['hash', /keccak256\(data\): data must be a string or a Uint8Array/],
		['key', /StorageMap 'notes': keys must be string, number or bigint, not an object/],
		['value', /a value of StorageMap 'notes' cannot be a function/],
		['token', /Token\.at\(address\) must be an address/],
		['map', /new StorageMap\(name\): the name must be a non-empty string/]
	])('host function %s called with wrong types: a clear runtime error', (which, message) => {
		attack('wrongTypes', [which], 'runtime', message);
	});

	test('assigning a field after deploy says to use storage', () => {
		const r = attack(
			'field',
			[],
			'runtime',
			/cannot set this\.count after deploy.*StorageValue or StorageMap/
		);
		expect(r.error?.line).toBe(lineOf(HOSTILE, 'FIELD'));
		attack('newField', [], 'runtime', /cannot set this\.extra after deploy/);
	});
});

describe('source problems', () => {
	test('a syntax error is refused before sending, with kind syntax and the line', () => {
		const source = `import { Contract } from 'chainlab';
export default class Broken extends Contract {
	ok() { return 1; }
	broken( { return 2; }
}`;
		const before = chain.dumpState();
		let error: unknown;
		try {
			chain.deploy(source, { name: 'Broken', from: 'mallory' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DeployError);
		expect((error as DeployError).kind).toBe('syntax');
		expect((error as DeployError).line).toBe(4);
		expect((error as DeployError).receipt).toBeUndefined();
		expect(chain.dumpState()).toEqual(before);
	});

	test('private #names are refused with the line', () => {
		const source = `import { Contract } from 'chainlab';
export default class Secret extends Contract {
	#hidden = 1;
}`;
		expect(() => chain.deploy(source, { name: 'Secret', from: 'mallory' })).toThrow(
			/private #names are not supported/
		);
	});

	test('a TypeScript type error does not block deploy or run (types are only stripped)', () => {
		const source = `import { Contract } from 'chainlab';
export default class Loose extends Contract {
	add(a: number, b: number): number {
		const label: number = 'not a number';
		return (a + b) as unknown as string as any;
	}
	label(): string { const n: string = 5; return typeof n; }
}`;
		const loose = chain.deploy(source, { name: 'Loose', from: 'alice' });
		expect(chain.view(loose, 'add', [2, 3])).toBe(5);
		const r = chain.send({ from: 'alice', to: loose, method: 'label' });
		expect(r.status).toBe('success');
		expect(r.returnValue).toBe('number');
	});
});
