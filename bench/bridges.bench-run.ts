// Bridges: (a) lock-and-mint round trips through the scenario pipeline (lock on chain A, one
// confirmation, the relayer bot's mint on chain B, the bridge trace), with lesson 01's solution
// contracts; (b) StandardMerkleTree proofs of a 1,024-leaf tree verified by learner code in the
// sandbox: lesson 02's solution verifier, called through chain.view. Medians over the runs.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import { standardLeafHash, standardMerkleTree } from '#lib/protocols/merkle.ts';
import { defineScenario } from '#lib/scenario/define.ts';
import { runScenario } from '#lib/scenario/runner.ts';
import { createWorld } from '#lib/sim/index.ts';
import {
	CHAINS,
	E,
	lockFor,
	openBridge,
	wrapped
} from '../lessons/05-bridges/01-lock-and-mint/world.ts';
import { median, report } from './measure.ts';

const RUNS = 5;
const TRANSFERS = 100;
const LEAVES = 1024;
const TYPES = ['address', 'uint256'];
const solution = (lesson: string, file: string) =>
	readFileSync(`lessons/05-bridges/${lesson}/solution/${file}`, 'utf8');

test('bridge round trips: lock, relay, mint through the scenario pipeline', () => {
	const sources = {
		'contracts/BridgeLock.ts': solution('01-lock-and-mint', 'BridgeLock.ts'),
		'contracts/BridgeMint.ts': solution('01-lock-and-mint', 'BridgeMint.ts')
	};
	const scenario = defineScenario({
		chains: CHAINS,
		maxSteps: TRANSFERS * 2 + 2,
		*run(s) {
			const b = openBridge(s, true);
			yield 'set up';
			for (let i = 0; i < TRANSFERS; i++) {
				lockFor(s, b, 'alice', 'bob', 1n * E, s.time(2) + 3600);
				yield `lock ${i}`;
				s.mine(1, 1);
				yield `relay and mint ${i}`;
			}
			return wrapped(s, b);
		},
		checks: []
	});
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const t0 = performance.now();
		const run = runScenario(scenario, { sources, seed: 1 });
		times.push(performance.now() - t0);
		expect(run.error).toBeUndefined();
		expect(run.result).toBe(BigInt(TRANSFERS) * E);
		run.dispose();
	}
	const perSec = Math.round((TRANSFERS / median(times)) * 1000);
	report('bridges-transfers', { bridgeTransfersPerSec: perSec }, [
		`${TRANSFERS} round trips (lock, confirmation, relayed mint) per run, 2 steps each, set-up included; runs: ${times.map((t) => Math.round(t)).join(', ')} ms`
	]);
});

test('Merkle proofs verified by learner code in the sandbox', () => {
	const world = createWorld({ seed: 1 });
	const chain = world.chains[0];
	const rng = createPrng(1);
	const byte = () => rng.int(256).toString(16).padStart(2, '0');
	const values = Array.from({ length: LEAVES }, () => [
		'0x' + Array.from({ length: 20 }, byte).join(''),
		(BigInt(rng.int(2 ** 30)) * 10n ** 12n).toString()
	]);
	const tree = standardMerkleTree(values, TYPES);
	const proofs = values.map((_, i) => tree.proof(i));
	const leaves = values.map((v) => standardLeafHash(TYPES, v));
	const deployer = chain.address('operator');
	const address = chain.deploy(solution('02-merkle-proofs', 'Withdrawals.ts'), {
		name: 'Withdrawals',
		from: deployer,
		args: [deployer, deployer]
	});
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const t0 = performance.now();
		let ok = 0;
		for (let i = 0; i < LEAVES; i++) {
			if (chain.view(address, 'verify', [tree.root, leaves[i], proofs[i]]) === true) ok++;
		}
		times.push(performance.now() - t0);
		expect(ok).toBe(LEAVES);
	}
	world.dispose();
	const perSec = Math.round((LEAVES / median(times)) * 1000);
	report('bridges-merkle', { merkleProofsPerSec: perSec }, [
		`${LEAVES} leaves, ${proofs[0].length} siblings per proof, lesson 02's verify() in the sandbox via chain.view; runs: ${times.map((t) => Math.round(t)).join(', ')} ms`
	]);
});
