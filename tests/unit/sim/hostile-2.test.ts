/**
 * The second hostile suite: native work the tick counter does not see (length-driven built-ins,
 * BigInt arithmetic), work at a file's top level, host stack faults, oversized text, and the
 * small leaks of meaning (event fields named __proto__, argument counts). Every case fails with
 * its named kind, changes only the sender's fee and nonce, leaves the chain working, and has its
 * own timeout so a hang fails instead of stalling the run.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GAS, hashGas } from '#lib/sim/gas.ts';
import { STEP_PER_HOP } from '#lib/sim/sandbox/proto-charge.ts';
import { STEP_OPS } from '#lib/sim/sandbox/step-charge.ts';
import {
	type Chain,
	createWorld,
	DeployError,
	GAS_PRICE,
	type Receipt,
	type World
} from '#lib/sim/index.ts';
import { expectOnlyFeeAndNonce, fresh, lineOf, TOKEN, WAD } from './helpers.ts';
import { HOSTILE_2, HOSTILE_CASES } from './hostile-cases.ts';

let world: World;
let chain: Chain;
let hostile: string;
let token: string;

beforeEach(() => {
	({ world, chain } = fresh(9));
	hostile = chain.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
	token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
});

afterEach(() => world.dispose());

/** The chain still works: a token transfer succeeds and a view answers. */
function stillWorks(c: Chain, t: string, h: string): void {
	const next = c.send({ from: 'alice', to: t, method: 'transfer', args: [c.address('bob'), WAD] });
	expect(next.status, next.error?.message).toBe('success');
	expect(c.view(h, 'ok')).toBe('fine');
}

function attack(method: string, args: unknown[], gasLimit = 30_000_000): Receipt {
	const before = chain.dumpState();
	const r = chain.send({ from: 'mallory', to: hostile, method, args, gasLimit });
	expect(r.status, `${method}: ${r.error?.message?.slice(0, 200)}`).toBe('reverted');
	expectOnlyFeeAndNonce(chain, before, r);
	stillWorks(chain, token, hostile);
	return r;
}

describe('every hostile case fails with its kind, costs only fee and nonce, and stays within the host-time budget', () => {
	// the memory bomb has its own file (hostile-memory.test.ts): it needs a fresh WebAssembly heap
	test.each(
		HOSTILE_CASES.filter((c) => c.method !== 'growForever').map((c) => [c.name, c] as const)
	)(
		'%s',
		(_, c) => {
			const r = attack(c.method, c.args, c.gasLimit);
			expect(r.error?.kind, r.error?.message?.slice(0, 200)).toBe(c.kind);
			expect(r.error?.message).toMatch(c.message);
		},
		// the timeout only catches a hang (uncharged native work took 4-26 s per case before); host
		// time per gas is a speed figure, measured by the bench (hostileWorstMsPer100kGas)
		20_000
	);
});

describe('native work is paid before it runs', () => {
	test('the metered Number, parseInt and parseFloat behave as the built-ins', () => {
		const source = `import { Contract } from 'chainlab';
export default class Num extends Contract {
	check(): string {
		const boxed = new Number(3);
		return [Number('12.5'), Number(), Number(7n), parseInt('ff', 16), parseFloat('2.5e3'),
			Number.parseInt === parseInt, Number.parseFloat === parseFloat, boxed instanceof Number,
			typeof boxed, (5).constructor === Number, Number.isInteger(4), Number.MAX_SAFE_INTEGER,
			Number.length, Number.name, Number.prototype.toFixed.call(1.5, 2)].join(' ');
	}
}`;
		const num = chain.deploy(source, { name: 'Num', from: 'alice' });
		expect(chain.view(num, 'check')).toBe(
			'12.5 0 7 255 2500 true true true object true true 9007199254740991 1 Number 1.50'
		);
	});
	test('indexOf over a sparse array of length 2^27 is refused for its gas, without the 9 s of work', () => {
		const source = `import { Contract } from 'chainlab';
export default class Sparse extends Contract {
	find(): number { const a: unknown[] = []; a.length = 2 ** 27; return a.indexOf(1); }
	small(): number { const a = [1, 2, 3]; return a.indexOf(3); }
}`;
		const sparse = chain.deploy(source, { name: 'Sparse', from: 'alice' });
		const r = chain.send({ from: 'mallory', to: sparse, method: 'find', gasLimit: 30_000_000 });
		expect(r.error?.kind).toBe('out-of-gas');
		expect(chain.view(sparse, 'small')).toBe(2);
		// the timeout catches the 9 s of native work the uncharged indexOf did
	}, 5_000);

	test('a length-driven built-in costs builtinItems per 4 items past the first 256', () => {
		const source = `import { Contract } from 'chainlab';
export default class Scan extends Contract {
	scan(n: number): number { const a: unknown[] = []; a.length = n; return a.indexOf(1); }
}`;
		const scan = chain.deploy(source, { name: 'Scan', from: 'alice' });
		const gas = (n: number) =>
			chain.send({ from: 'alice', to: scan, method: 'scan', args: [n] }).gasUsed;
		// the argument's encoding is as long in both calls (6 digits), so only the scan differs:
		// builtinItems per 4 items, and each missing item's lookup walks array, Array.prototype
		// and Object.prototype (3 prototype hops, a step each: sandbox/proto-charge.ts)
		const hops = Math.round((300_000 * 3 * STEP_PER_HOP) / STEP_OPS) * GAS.compute;
		expect(Math.abs(gas(400_256) - gas(100_256) - (300_000 / 4 + hops))).toBeLessThanOrEqual(
			GAS.compute
		);
	}, 10_000);

	test('gas stays deterministic: the same calls give the same gas and state hash in a second world', () => {
		const run = () => {
			const w = createWorld({ seed: 3 });
			const c = w.chain();
			const h = c.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
			const used = ['sparseLoop', 'stringScan', 'bigMul', 'joinRead', 'appendRead', 'keyGrow'].map(
				(m) => c.send({ from: 'mallory', to: h, method: m, gasLimit: 2_000_000 }).gasUsed
			);
			const out = { used, hash: w.stateHash() };
			w.dispose();
			return out;
		};
		expect(run()).toEqual(run());
	}, 20_000);
});

describe("a file's top level is charged to the deploy", () => {
	const hashing = (count: number) => `import { Contract, keccak256 } from 'chainlab';
const BIG = 'q'.repeat(4_000_000);
const HASHES: string[] = [];
for (let i = 0; i < ${count}; i++) HASHES.push(keccak256(BIG + i));
export default class Hashes extends Contract {
	first(): string { return HASHES[0]; }
}`;

	test('three 4 MB hashes at the top level cost at least their keccak256 gas', () => {
		const balance = chain.balance('alice');
		const address = chain.deploy(hashing(3), {
			name: 'Hashes',
			from: 'alice',
			gasLimit: 30_000_000
		});
		const used = Number((balance - chain.balance('alice')) / GAS_PRICE);
		expect(used).toBeGreaterThan(3 * hashGas(4_000_001));
		expect(String(chain.view(address, 'first'))).toMatch(/^0x[0-9a-f]{64}$/);
	}, 20_000);

	test('twenty 4 MB hashes at the top level run out of gas quickly, charging only fee and nonce', () => {
		const before = chain.dumpState();
		let error: unknown;
		try {
			chain.deploy(hashing(20), { name: 'Hashes', from: 'mallory', gasLimit: 5_000_000 });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DeployError);
		const e = error as DeployError;
		expect(e.kind).toBe('out-of-gas');
		expectOnlyFeeAndNonce(chain, before, e.receipt as Receipt);
		stillWorks(chain, token, hostile);
		// the timeout catches the 26 s the twenty hashes took when the top level was not charged
	}, 15_000);

	test('a loop at the top level and a loop or deep recursion in a constructor name their line', () => {
		const top = `import { Contract } from 'chainlab';
let x = 0;
while (true) { // TOP-LOOP
	x++;
}
export default class Top extends Contract {}`;
		const ctorLoop = `import { Contract } from 'chainlab';
export default class Spin extends Contract {
	constructor() {
		super();
		let i = 0;
		while (i >= 0) { // CTOR-LOOP
			i++;
		}
	}
}`;
		const ctorDeep = `import { Contract } from 'chainlab';
function down(n: number): number {
	return down(n + 1) + 1; // CTOR-REC
}
export default class Deep extends Contract {
	constructor() {
		super();
		down(0);
	}
}`;
		for (const [name, source, kind, marker] of [
			['Top', top, 'out-of-gas', 'TOP-LOOP'],
			['Spin', ctorLoop, 'out-of-gas', 'CTOR-LOOP'],
			['Deep', ctorDeep, 'call-depth', 'CTOR-REC']
		] as const) {
			const before = chain.dumpState();
			let error: unknown;
			try {
				chain.deploy(source, { name, from: 'mallory', gasLimit: 2_000_000 });
			} catch (e) {
				error = e;
			}
			const e = error as DeployError;
			expect(e, name).toBeInstanceOf(DeployError);
			expect(e.kind, name).toBe(kind);
			expect(e.line, name).toBe(lineOf(source, marker));
			expectOnlyFeeAndNonce(chain, before, e.receipt as Receipt);
		}
		stillWorks(chain, token, hostile);
	}, 20_000);
});

const DEEP = `import { Contract } from 'chainlab';
export default class Deep extends Contract {
	parse(n: number): unknown { return JSON.parse('['.repeat(n) + ']'.repeat(n)); }
}`;

describe('host stack faults never break the engine', () => {
	test('200 host stack overflows in one process, then a normal transaction and a fresh world work', () => {
		// a large QuickJS stack makes native recursion overflow the host's (V8's) stack first
		const w = createWorld({ seed: 5, stackLimit: 512 * 1024 });
		const c = w.chain();
		const deep = c.deploy(DEEP, { name: 'Deep', from: 'mallory' });
		const h = c.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
		const t = c.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
		let hostFaults = 0;
		for (let i = 0; i < 200; i++) {
			const before = c.dumpState();
			const r = c.send({ from: 'mallory', to: deep, method: 'parse', args: [100_000] });
			expect(r.error?.kind).toBe('call-depth');
			if (/host stack/.test(r.error?.message ?? '')) hostFaults++;
			expectOnlyFeeAndNonce(c, before, r);
		}
		expect(hostFaults).toBe(200);
		stillWorks(c, t, h);
		w.dispose();
		const { world: w2, chain: c2 } = fresh(6);
		const h2 = c2.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
		const t2 = c2.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
		stillWorks(c2, t2, h2);
		w2.dispose();
	}, 120_000);

	test('at the default stack, native recursion stops inside QuickJS: no fault, no rebuild', () => {
		for (const method of ['jsonDeep']) {
			const r = attack(method, []);
			expect(r.error?.kind).toBe('call-depth');
			expect(r.error?.message).toMatch(/stack overflow/);
			expect(r.error?.message).not.toMatch(/host stack/);
		}
		expect(world.sandboxRebuilds).toBe(0);
	}, 20_000);
});

describe('oversized text is cut or refused before it leaves the engine', () => {
	test('a 5 MB revert reason is cut to 1,000 characters with a marker', () => {
		const r = attack('hugeRevert', []);
		expect(r.error?.kind).toBe('revert');
		expect(r.error?.message).toBe('x'.repeat(1000) + '… [cut 4,999,000 characters]');
		expect(r.error?.line).toBeDefined();
	}, 20_000);

	test('a 5 MB error message is cut, and a 200,000-character event is refused', () => {
		const e = attack('hugeError', []);
		expect(e.error?.message.length).toBeLessThan(1_100);
		const ev = attack('hugeEvent', []);
		expect(ev.error?.kind).toBe('runtime');
		expect(ev.error?.message).toMatch(/too large/);
	}, 20_000);
});

describe('small leaks of meaning', () => {
	test('an event field named __proto__ survives, and args objects keep a normal prototype', () => {
		const r = chain.send({ from: 'alice', to: hostile, method: 'protoEvent' });
		expect(r.status, r.error?.message).toBe('success');
		const [odd, nul] = r.logs;
		expect(Object.getOwnPropertyNames(odd.args)).toEqual(['__proto__', 'plain']);
		expect(Object.getOwnPropertyDescriptor(odd.args, '__proto__')?.value).toBe(5n);
		expect(Object.getPrototypeOf(odd.args)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(nul.args)).toBe(Object.prototype);
		expect(nul.args.plain).toBe(2n);
	});

	test("a missing or extra argument is named in the learner's terms", () => {
		const missing = attack('borrow', []);
		expect(missing.error?.kind).toBe('runtime');
		expect(missing.error?.message).toBe('TypeError: borrow(amount) expects 1 argument, got 0');
		const extra = attack('borrow', [1n, 2n]);
		expect(extra.error?.message).toBe('TypeError: borrow(amount) expects 1 argument, got 2');
		const optional = attack('settle', []);
		expect(optional.error?.message).toBe(
			'TypeError: settle(amount, note) expects 1 to 2 arguments, got 0'
		);
		expect(chain.view(hostile, 'settle', [5n])).toBe('5');
		expect(chain.view(hostile, 'settle', [5n, '!'])).toBe('5!');
		let error: unknown;
		try {
			chain.deploy(TOKEN, { name: 'Token', from: 'alice' });
		} catch (e) {
			error = e;
		}
		expect((error as DeployError).message).toBe(
			'TypeError: the constructor of Token(initialSupply) expects 1 argument, got 0'
		);
	});
});
