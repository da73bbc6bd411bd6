// Lesson 05-bridges/02-merkle-proofs: the starter fails every check, the solution passes them,
// and each check catches the bug it is named for on an otherwise correct verifier.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lessonVerdicts, mutate } from './verdicts.ts';

const ID = '05-bridges/02-merkle-proofs';
const SOLUTION = readFileSync(`lessons/${ID}/solution/Withdrawals.ts`, 'utf8');

const verdicts = (sources: 'starter' | 'solution' | Record<string, string>) =>
	lessonVerdicts(ID, sources);
const mutated = (from: string, to: string) => ({
	'contracts/Withdrawals.ts': mutate(SOLUTION, from, to)
});

describe('Merkle proofs', () => {
	test('the starter fails every check; the solution passes every one', async () => {
		const starter = await verdicts('starter');
		expect(Object.values(starter.byId).map((c) => [c.id, c.passed])).toEqual([
			['leaf-matches-standard', false],
			['verifies-real-proofs', false],
			['rejects-forged-proofs', false],
			['bitcoin-root', false],
			['spv-branch', false]
		]);
		const solution = await verdicts('solution');
		for (const c of Object.values(solution.byId))
			expect(c, c.message).toMatchObject({ passed: true });
		// the Merkle view: 8 leaves in 4 levels, the four withdrawals then the SPV branch
		const [withdrawals, bitcoin] = solution.overview.bridge!.merkle!;
		expect(withdrawals.levels.map((l) => l.length)).toEqual([8, 4, 2, 1]);
		expect(withdrawals.proofs.map((p) => [p.step, p.accepted, p.valid])).toEqual([
			[1, true, true],
			[2, true, true],
			[3, false, false],
			[4, false, true]
		]);
		expect(bitcoin.levels.at(-1)).toEqual([
			'f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766'
		]);
		expect(bitcoin.proofs).toMatchObject([{ step: 5, leaf: 2, accepted: true }]);
	});

	test('a verifier with unsorted pairs fails on real proofs only', async () => {
		const { byId } = await verdicts(
			mutated(
				'const [first, second] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];',
				'const [first, second] = [a, b];'
			)
		);
		expect(byId['verifies-real-proofs'].passed).toBe(false);
		expect(byId['leaf-matches-standard'].passed).toBe(true);
		expect(byId['bitcoin-root'].passed).toBe(true);
	});

	test('a withdraw that forgets claimed pays twice, and the forged-proof check says so', async () => {
		const { byId } = await verdicts(
			mutated("require(!this.claimed.has(msg.sender), 'already withdrawn');", '')
		);
		expect(byId['rejects-forged-proofs'].passed).toBe(false);
		expect(byId['rejects-forged-proofs'].message).toContain('Alice withdrew twice');
		expect(byId['verifies-real-proofs'].passed).toBe(true);
	});

	test('a root in internal byte order is named as byte-reversed', async () => {
		const { byId } = await verdicts(
			mutated(
				'return this.reverse(this.sha256d(this.reverse(left) + this.reverse(right)));',
				'return this.sha256d(this.reverse(left) + this.reverse(right));'
			)
		);
		expect(byId['bitcoin-root'].passed).toBe(false);
		expect(byId['spv-branch'].passed).toBe(false);
		expect(byId['leaf-matches-standard'].passed).toBe(true);
	});

	test('an SPV check that ignores leftover index bits accepts a branch for a deeper tree', async () => {
		const { byId } = await verdicts(
			mutated(
				'return position === 0 && hash === root.toLowerCase();',
				'return hash === root.toLowerCase();'
			)
		);
		expect(byId['spv-branch'].passed).toBe(false);
		expect(byId['spv-branch'].message).toContain('an index beyond the branch');
	});
});
