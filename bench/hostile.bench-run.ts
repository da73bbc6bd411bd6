// (e) Host time per gas over the hostile cases (tests/unit/sim/hostile-cases.ts): for each case the
// median wall time of its transaction over three runs, divided by the gas it was charged, per
// 100,000 gas. hostileWorstMsPer100kGas is the worst case; the target is about 50 ms of host CPU
// per 100,000 gas on the development machine (a contract cannot make the host work much longer
// than its gas pays for).
import { test } from 'vitest';
import { createWorld, DeployError, type ErrorKind, type Receipt } from '#lib/sim/index.ts';
import {
	HOSTILE_2,
	HOSTILE_CASES,
	PROTO_CASES,
	STRAIGHT_CASES,
	STRAIGHT_TOP
} from '../tests/unit/sim/hostile-cases.ts';
import { median, report } from './measure.ts';

const RUNS = 3;

test('host milliseconds per 100,000 gas over the hostile cases', () => {
	const world = createWorld({ seed: 1 });
	const chain = world.chain();
	const hostile = chain.deploy(HOSTILE_2, { name: 'Hostile2', from: 'mallory' });
	const rows: { name: string; msPer100k: number; ms: number; gas: number }[] = [];
	/** Times `run` RUNS times; each run must fail with `kind`. */
	const measure = (name: string, kind: ErrorKind, run: () => Receipt) => {
		const ms: number[] = [];
		let gas = 0;
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			const r = run();
			ms.push(performance.now() - t0);
			if (r.error?.kind !== kind)
				throw new Error(
					`${name}: expected ${kind}, got ${r.error?.kind ?? r.status}: ${r.error?.message.slice(0, 200)}`
				);
			gas = r.gasUsed;
		}
		const m = median(ms);
		rows.push({ name, ms: m, gas, msPer100k: (m / gas) * 100_000 });
	};
	for (const c of HOSTILE_CASES)
		measure(c.name, c.kind, () =>
			chain.send({
				from: 'mallory',
				to: hostile,
				method: c.method,
				args: c.args,
				gasLimit: c.gasLimit
			})
		);
	for (const c of [...STRAIGHT_CASES, ...PROTO_CASES]) {
		const to = chain.deploy(c.source, { name: 'Straight', from: 'mallory', gasLimit: 30_000_000 });
		measure(c.name, c.kind, () =>
			chain.send({ from: 'mallory', to, method: 'run', gasLimit: c.gasLimit })
		);
	}
	measure('a top-level loop whose body is 1,000 statements (deploy)', 'out-of-gas', () => {
		try {
			chain.deploy(STRAIGHT_TOP, { name: 'Top', from: 'mallory', gasLimit: 5_000_000 });
		} catch (error) {
			if (error instanceof DeployError && error.receipt) return error.receipt;
			throw error;
		}
		throw new Error('the top-level loop deployed');
	});
	world.dispose();
	rows.sort((a, b) => b.msPer100k - a.msPer100k);
	report(
		'hostile',
		{ hostileWorstMsPer100kGas: +rows[0].msPer100k.toFixed(1) },
		rows.map(
			(r) =>
				`${r.name}: ${r.msPer100k.toFixed(1)} ms per 100k gas (${r.ms.toFixed(0)} ms, ${r.gas} gas)`
		)
	);
});
