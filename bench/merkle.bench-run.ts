// StandardMerkleTree proofs checked by the JS reference model (src/lib/protocols/merkle.ts), not by
// learner code in the sandbox: a tree of 1,024 (address, uint256) withdrawals, every proof verified
// against the root. The figure is the median rate over the runs.
import { expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import { standardMerkleTree, verifyStandardProof } from '#lib/protocols/merkle.ts';
import { median, report, timeRuns } from './measure.ts';

const LEAVES = 1024;
const RUNS = 5;
const TYPES = ['address', 'uint256'];

test('Merkle proofs verified by the JS model', () => {
	const rng = createPrng(1);
	const byte = () => rng.int(256).toString(16).padStart(2, '0');
	const values = Array.from({ length: LEAVES }, () => [
		'0x' + Array.from({ length: 20 }, byte).join(''),
		BigInt(rng.int(2 ** 30)) * 10n ** 12n
	]);
	const tree = standardMerkleTree(values, TYPES);
	const proofs = values.map((_, i) => tree.proof(i));
	const times = timeRuns(RUNS, () => {
		let ok = 0;
		for (let i = 0; i < LEAVES; i++)
			if (verifyStandardProof(tree.root, TYPES, values[i], proofs[i])) ok++;
		expect(ok).toBe(LEAVES);
		return ok;
	});
	const perSec = Math.round((LEAVES / median(times)) * 1000);
	report('merkle-model', { merkleModelProofsPerSec: perSec }, [
		`${LEAVES} leaves, ${proofs[0].length} siblings per proof; runs: ${times.map((t) => Math.round(t)).join(', ')} ms`
	]);
});
