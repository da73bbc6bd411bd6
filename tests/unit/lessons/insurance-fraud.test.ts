/**
 * The insurance track's fraud lesson: each check catches the mistake it is named after (the
 * solution with one rule of processFraud broken fails that check), the fraud root's proofs are
 * OpenZeppelin proofs, and the run fills the assessor ledger with the figures the prose names.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { processStandardProof } from '#lib/protocols/merkle.ts';
import {
	fraudTree,
	leafHash,
	type FraudLeaf
} from '../../../lessons/06-insurance/04-fraud/fraud.ts';

const FRAUD = '06-insurance/04-fraud';
const FILE = 'contracts/Assessment.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(FRAUD, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once in ${FILE}`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

describe('the fraud root', () => {
	const leaf = (i: number): FraudLeaf => ({
		assessor: `0x${(i + 1).toString(16).padStart(40, '0')}`,
		lastFraudulentVoteIndex: i,
		burnAmount: BigInt(i) * 10n ** 18n,
		fraudCount: i % 2
	});

	test('packs address, uint256, uint96 and uint16 (abi.encodePacked) before hashing', () => {
		const one = leaf(0);
		expect(leafHash(one)).toMatch(/^0x[0-9a-f]{64}$/);
		// every field moves the hash
		for (const change of [
			{ assessor: `0x${'2'.padStart(40, '0')}` },
			{ lastFraudulentVoteIndex: 1 },
			{ burnAmount: 1n },
			{ fraudCount: 1 }
		]) {
			expect(leafHash({ ...one, ...change })).not.toBe(leafHash(one));
		}
	});

	test.each([1, 2, 3, 5, 7, 8])(
		'with %i leaves every proof folds to the root as OpenZeppelin folds it',
		(n) => {
			const leaves = Array.from({ length: n }, (_, i) => leaf(i));
			const { root, proofs } = fraudTree(leaves);
			leaves.forEach((l, i) => expect(processStandardProof(leafHash(l), proofs[i])).toBe(root));
			// a leaf with another burn amount is not in the tree
			expect(processStandardProof(leafHash({ ...leaves[0], burnAmount: 7n }), proofs[0])).not.toBe(
				root
			);
		}
	);

	test('no leaves is an error', () => {
		expect(() => fraudTree([])).toThrow(RangeError);
	});
});

describe(FRAUD, () => {
	test('the run denies Eve’s claim, burns 2,700 NXM and pays the honest three; the ledger shows before and after', async () => {
		const { run, result } = await runLesson(FRAUD, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const row = (label: string) => result.overview.summary!.find((r) => r.label === label)!;
		expect(row("Eve's claim").value).toBe('denied');
		expect(row('NXM burned').value).toBe('2,700 NXM');
		expect(row("Alice's reward for Eve's claim").value).toBe('25 NXM');
		expect(row("Alice's rewards paid").value).toBe(row("Alice's rewards paid").reference);
		expect(row("Mallory's rewards paid").value).toBe('0 NXM');
		const lesson = getLesson(FRAUD)!;
		const alice = lesson.predictions.find((p) => p.id === 'alice-reward')!;
		expect(alice.kind === 'number' && alice.answer).toBe(25);

		const ledger = result.overview.assessorLedger!;
		expect(ledger.snapshots.map((s) => s.phase)).toEqual([
			'before',
			'before',
			'before',
			'before',
			'after',
			'after',
			'after',
			'after',
			'after'
		]);
		const before = ledger.snapshots[3];
		const last = ledger.snapshots.at(-1)!;
		expect(before.polls[1]).toMatchObject({ accepted: '2700', denied: '2000', status: 'accepted' });
		expect(last.polls[1]).toMatchObject({
			accepted: '0',
			denied: '2000',
			status: 'denied',
			final: true
		});
		const mallory = last.assessors.find((a) => a.name === 'Mallory')!;
		expect(mallory).toMatchObject({
			fraudulent: true,
			processed: true,
			stake: '0',
			burned: '1200'
		});
		const aliceRow = last.assessors.find((a) => a.name === 'Alice')!;
		expect(aliceRow).toMatchObject({ fraudulent: false, burned: '0', rewardOwed: '0' });
		expect(aliceRow.rewardPaid.startsWith('28.5135')).toBe(true);
	});

	test.each([
		{
			name: 'votes left in the poll',
			check: 'outcome-flips',
			from: 'if (vote.accepted) poll.accepted -= vote.stakedAmount;\n\t\t\telse poll.denied -= vote.stakedAmount;',
			to: ''
		},
		{
			name: 'the end not extended',
			check: 'outcome-flips',
			from: 'if (poll.end < nextDay) poll.end = nextDay;',
			to: ''
		},
		{
			name: 'the burn not capped at the stake',
			check: 'stake-burned',
			from: 'burnAmount > stake.amount ? stake.amount : burnAmount',
			to: 'burnAmount'
		},
		{
			name: 'the reward index left where it was',
			check: 'honest-rewards',
			from: 'if (processUntil > stake.rewardsWithdrawableFromIndex) {',
			to: 'if (false) {'
		},
		{
			name: 'final polls changed too',
			check: 'final-poll-untouched',
			from: 'if (block.timestamp >= poll.end + PAYOUT_COOLDOWN) continue;',
			to: ''
		},
		{
			name: 'a burn on every call',
			check: 'process-twice',
			from: 'if (fraudCount === stake.fraudCount) {',
			to: 'if (true) {'
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { run, checks } = await runLesson(FRAUD, mutant(from, to), 1);
		run.dispose();
		expect(checks.filter((c) => !c.passed).map((c) => c.id)).toContain(check);
	});
});
