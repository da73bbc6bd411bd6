/**
 * Deep prototype chains: QuickJS walks a chain natively inside one bytecode instruction, so a
 * lookup of a missing name on a 20,000-deep chain walked it all for one step (about 877 ms of host
 * time per 100,000 gas). The prototype-hop charge (sandbox/proto-charge.ts) makes every hop a
 * step. Each hostile case runs out of gas, changes only the sender's fee and nonce, and leaves the
 * chain working; each has its own timeout so a hang fails instead of stalling the run.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GAS } from '#lib/sim/gas.ts';
import { type Chain, type World } from '#lib/sim/index.ts';
import { STEP_PER_HOP } from '#lib/sim/sandbox/proto-charge.ts';
import { STEP_OPS } from '#lib/sim/sandbox/step-charge.ts';
import { expectOnlyFeeAndNonce, fresh, TOKEN, WAD } from './helpers.ts';
import { PROTO_CASES } from './hostile-cases.ts';

let world: World;
let chain: Chain;
let token: string;

beforeEach(() => {
	({ world, chain } = fresh(12));
	token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n * WAD] });
});

afterEach(() => world.dispose());

function deploy(source: string): string {
	return chain.deploy(source, { name: 'Chain', from: 'mallory', gasLimit: 30_000_000 });
}

describe('lookups along a deep prototype chain run out of gas', () => {
	test.each(PROTO_CASES.map((c) => [c.name, c] as const))(
		'%s',
		(_, c) => {
			const to = deploy(c.source);
			const before = chain.dumpState();
			const r = chain.send({ from: 'mallory', to, method: 'run', gasLimit: c.gasLimit });
			expect(r.status).toBe('reverted');
			expect(r.error?.kind, r.error?.message?.slice(0, 200)).toBe(c.kind);
			expect(r.error?.message).toMatch(c.message);
			expect(r.gasUsed).toBe(c.gasLimit);
			expectOnlyFeeAndNonce(chain, before, r);
			const next = chain.send({
				from: 'alice',
				to: token,
				method: 'transfer',
				args: [chain.address('bob'), WAD]
			});
			expect(next.status, next.error?.message).toBe('success');
			expect(chain.view(to, 'ok')).toBe('fine');
		},
		// hang guard only: before the hop charge each case took about 9 s
		30_000
	);
});

describe('a lookup pays for the prototypes it walks', () => {
	const source = `import { Contract } from 'chainlab';
type Any = any;
export default class Deep extends Contract {
	read(depth: number, times: number): number {
		let p: Any = {}; for (let i = 0; i < depth; i++) p = Object.create(p);
		let n = 0; for (let i = 0; i < times; i++) if (p.missing) n++;
		return n;
	}
}`;

	test('1,000 more reads of a missing name on a 4,000-deep chain cost its hops', () => {
		const deep = chain.deploy(source, { name: 'Deep', from: 'alice' });
		const gas = (times: number) =>
			chain.send({ from: 'alice', to: deep, method: 'read', args: [4_000, times] }).gasUsed;
		// each read walks 4,001 objects to the end of the chain: 4,001 hops of STEP_PER_HOP steps
		const perRead = (4_001 * STEP_PER_HOP) / STEP_OPS;
		const extra = gas(2_000) - gas(1_000);
		expect(extra).toBeGreaterThanOrEqual(Math.floor(1_000 * perRead) * GAS.compute);
		// plus the loop's own ticks (about 3 a read) and one tick of rounding per read
		expect(extra).toBeLessThanOrEqual(Math.ceil(1_000 * (perRead + 4)) * GAS.compute);
	}, 20_000);
});
