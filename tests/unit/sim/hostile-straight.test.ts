/**
 * Straight-line code: QuickJS ticks only at calls and jumps, so code without either (a long loop
 * body, one long expression, a long function) ran for free between two ticks. The step charge
 * (sandbox/step-charge.ts) makes every STEP_OPS steps past a tick cost one more. Every hostile case
 * runs out of gas in a transaction and in a view, changes only the sender's fee and nonce, and
 * leaves the chain working; each has its own timeout so a hang fails instead of stalling the run.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GAS } from '#lib/sim/gas.ts';
import {
	type Chain,
	DeployError,
	ExecutionError,
	GAS_PRICE,
	type Receipt,
	type World
} from '#lib/sim/index.ts';
import { STEP_OPS } from '#lib/sim/sandbox/step-charge.ts';
import { expectOnlyFeeAndNonce, fresh, lineOf, TOKEN, WAD } from './helpers.ts';
import { lines, STRAIGHT_CASES, STRAIGHT_TOP } from './hostile-cases.ts';

let world: World;
let chain: Chain;
let token: string;

beforeEach(() => {
	({ world, chain } = fresh(11));
	token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
});

afterEach(() => world.dispose());

/** A token transfer succeeds and, when given, a contract's `ok` view answers. */
function stillWorks(straight?: string): void {
	const next = chain.send({
		from: 'alice',
		to: token,
		method: 'transfer',
		args: [chain.address('bob'), WAD]
	});
	expect(next.status, next.error?.message).toBe('success');
	if (straight !== undefined) expect(chain.view(straight, 'ok')).toBe('fine');
}

/** Deploys from mallory, who sends the hostile transactions (so mallory's account exists). */
function deploy(source: string, name = 'Straight'): string {
	return chain.deploy(source, { name, from: 'mallory', gasLimit: 30_000_000 });
}

/** Gas a deploy of `source` paid, read from the deployer's balance. */
function deployGas(source: string): number {
	const before = chain.balance('mallory');
	deploy(source);
	return Number((before - chain.balance('mallory')) / GAS_PRICE);
}

describe('straight-line code runs out of gas', () => {
	test.each(STRAIGHT_CASES.map((c) => [c.name, c] as const))(
		'%s, in a transaction',
		(_, c) => {
			const straight = deploy(c.source);
			const before = chain.dumpState();
			const r = chain.send({ from: 'mallory', to: straight, method: 'run', gasLimit: c.gasLimit });
			expect(r.status).toBe('reverted');
			expect(r.error?.kind, r.error?.message?.slice(0, 200)).toBe(c.kind);
			expect(r.error?.message).toMatch(c.message);
			expect(r.gasUsed).toBe(c.gasLimit);
			expectOnlyFeeAndNonce(chain, before, r);
			stillWorks(straight);
		},
		// hang guard only: before the step charge a 5,000,000-gas case took 13-55 s
		60_000
	);

	test(
		'a loop whose body is 1,000 statements, in a view',
		() => {
			const straight = deploy(STRAIGHT_CASES[0].source);
			const before = chain.dumpState();
			let error: unknown;
			try {
				chain.view(straight, 'run');
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(ExecutionError);
			expect((error as ExecutionError).kind).toBe('out-of-gas');
			// a view changes nothing at all
			expect(chain.dumpState()).toEqual(before);
			stillWorks(straight);
		},
		// hang guard only: the view's 50,000,000 gas took about 130 s before the step charge
		120_000
	);

	test("a loop at a file's top level whose body is 1,000 statements fails its deploy", () => {
		const before = chain.dumpState();
		let error: unknown;
		try {
			chain.deploy(STRAIGHT_TOP, { name: 'Top', from: 'alice', gasLimit: 5_000_000 });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DeployError);
		const e = error as DeployError;
		expect(e.kind).toBe('out-of-gas');
		expect(e.line).toBe(lineOf(STRAIGHT_TOP, 'TOP-LOOP'));
		expectOnlyFeeAndNonce(chain, before, e.receipt as Receipt);
		stillWorks();
	}, 60_000);
});

describe('straight-line work costs gas in proportion to its length, wherever it runs', () => {
	/** `k = k + 1` is at least two steps, so 1,000 of them cost at least this many gas. */
	const atLeast = Math.floor((2 * 1_000) / STEP_OPS) * GAS.compute;
	const thousand = lines(1_000, 'k = k + 1;');

	test('a method body without loops: 2,000 statements cost twice what 1,000 cost', () => {
		const straight = deploy(`import { Contract } from 'chainlab';
export default class Straight extends Contract {
	none(): number { let k = 0; return k; }
	one(): number { let k = 0; ${thousand} return k; }
	two(): number { let k = 0; ${thousand} ${thousand} return k; }
}`);
		const gas = (method: string) =>
			chain.send({ from: 'mallory', to: straight, method }).gasUsed -
			GAS.txDataByte * method.length;
		const first = gas('one') - gas('none');
		const second = gas('two') - gas('one');
		expect(first).toBeGreaterThanOrEqual(atLeast);
		// the same thousand statements again cost the same, to a tick
		expect(Math.abs(second - first)).toBeLessThanOrEqual(GAS.compute);
	});

	test('in a getter, a generator, an async function, class fields, an arrow body and a constructor', () => {
		const fields = Array.from({ length: 1_000 }, (_, i) => `f${i} = this.k + 1;`).join('\n');
		const straight = deploy(`import { Contract } from 'chainlab';
class Fields { k = 1;
${fields}
}
class Built { k = 0; constructor() { let k = 0; ${thousand} this.k = k; } }
function* generator(): Generator<number> { let k = 0; ${thousand} yield k; }
async function later(): Promise<number> { let k = 0; ${thousand} return k; }
const arrow = (a: number): number => ${lines(999, 'a + a +')} a;
class Held { get value(): number { let k = 0; ${thousand} return k; } }
export default class Straight extends Contract {
	getter(): number { return new Held().value; }
	gen(): number { return generator().next().value; }
	asyncFn(): number { void later(); return 0; }
	fields(): number { return new Fields().k; }
	arrow(): number { return arrow(1); }
	built(): number { return new Built().k; }
	empty(): number { return 0; }
}`);
		const gas = (method: string) =>
			chain.send({ from: 'mallory', to: straight, method }).gasUsed -
			GAS.txDataByte * method.length;
		const base = gas('empty');
		for (const method of ['getter', 'gen', 'asyncFn', 'fields', 'arrow', 'built'])
			expect(gas(method) - base, method).toBeGreaterThanOrEqual(atLeast);
	});

	test("at a file's top level, charged to the deploy", () => {
		// two files of the same size and bytecode: in one the 1,000 statements run
		const file = (runs: 0 | 1) => `import { Contract } from 'chainlab';
let k = 0;
if ('x'.length === ${runs}) {
${thousand}
}
export default class Straight extends Contract { value(): number { return k; } }
`;
		expect(deployGas(file(1)) - deployGas(file(0))).toBeGreaterThanOrEqual(atLeast);
	});

	test('the charge is the same in a second world, and short code costs what it did', () => {
		const run = () => {
			const { world: w, chain: c } = fresh(12);
			const s = c.deploy(STRAIGHT_CASES[2].source, {
				name: 'Straight',
				from: 'alice',
				gasLimit: 30_000_000
			});
			const small = c.deploy(
				`import { Contract } from 'chainlab';
export default class Small extends Contract {
	sum(n: number): number { let t = 0; for (let i = 0; i < n; i++) t += i; return t; }
}`,
				{ name: 'Small', from: 'alice' }
			);
			const used = [
				c.send({ from: 'alice', to: s, method: 'run', gasLimit: 300_000 }).gasUsed,
				c.send({ from: 'alice', to: small, method: 'sum', args: [100] }).gasUsed,
				c.send({ from: 'alice', to: small, method: 'sum', args: [200] }).gasUsed
			];
			const out = { used, hash: w.stateHash() };
			w.dispose();
			return out;
		};
		const a = run();
		expect(run()).toEqual(a);
		// a loop whose body is a few steps pays its ticks only: 100 more iterations, 100 more of
		// the same gas each (its jumps and branch), nothing for their steps
		const [, hundred, twoHundred] = a.used;
		expect((twoHundred - hundred) % 100).toBe(0);
	}, 30_000);
});
