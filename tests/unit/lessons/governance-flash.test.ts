/**
 * Lesson 07-governance/03 (flash-loan vote): the starter's governor is drained by the attack in
 * one transaction, the solution refuses it and still passes the honest grant, and each check
 * catches the mistake it is named after.
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

const ID = '07-governance/03-flash-loan-vote';
const FILE = 'contracts/Governor.ts';

/** The solution with `from` replaced by `to` (which must occur once). */
function mutant(from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[FILE];
	expect(text.split(from).length, `${from} occurs once`).toBe(2);
	return { [FILE]: text.replace(from, to) };
}

async function outcome(sources: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, sources, 1);
	const calls = run.steps.flatMap((s) => s.txs.map((t) => t.receipt));
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	const failed = checks.filter((c) => !c.passed).map((c) => c.id);
	return { calls, summary, checks, failed, overview: result.overview };
}

describe('the flash-loan vote', () => {
	test('the starter is captured in one transaction and the grant cannot be paid', async () => {
		const { calls, summary, failed } = await outcome('starter');
		const attack = calls.filter((r) => r.method === 'attack');
		expect(attack.map((r) => r.status)).toEqual(['success']);
		// 120,000,000 of 152,050,000 BEAN deposited at the vote: 78.92%
		expect(summary['Attack vote, share of all votes']).toBe('78.9%');
		expect(summary['Attack vote weight']).toBe('120,000,000 BEAN');
		expect(summary['USDC left in the treasury']).toBe('0 USDC');
		expect(summary['Honest grant']).toBe('not executed');
		expect(failed).toEqual(['flash-weight-zero', 'treasury-kept', 'voting-delay', 'delegation']);
	});

	test('the holders view: the loan alone holds two thirds of the deposits, nothing at the snapshot', async () => {
		const { overview } = await outcome('starter');
		const [silo] = overview.concentration!.distributions;
		expect(silo.step).toBe(3); // the attack's step
		expect(silo.threshold).toEqual({ numerator: 2, denominator: 3, inclusive: true });
		expect(silo.holders[0].label).toBe("Exploiter's contract");
		expect(silo.holders[0].balanceShare).toBeCloseTo(120 / 152.05, 9);
		expect(silo.holders[0].votes).toBe('0');
		// at least 2/3 of the deposits: the contract alone; of the snapshot's votes: Alice, Bob and Carol
		expect([silo.balances.nakamoto, silo.votes?.nakamoto]).toEqual([1, 3]);
	});

	test('the solution gives the attack no weight and pays the grant', async () => {
		const { calls, summary, failed } = await outcome('solution');
		const attack = calls.find((r) => r.method === 'attack')!;
		expect(attack.status).toBe('success');
		const refused = attack.logs.filter((l) => l.event === 'Refused').map((l) => l.args);
		expect(refused).toEqual([
			{ call: 'vote', reason: 'Governance: no votes at the snapshot' },
			{ call: 'emergencyCommit', reason: 'Governance: Must have super majority.' }
		]);
		expect(summary['Attack vote, share of all votes']).toBe('0.0%');
		expect(summary['USDC left in the treasury']).toBe('181,900,000 USDC');
		expect(summary['Honest grant']).toBe('executed');
		expect(failed).toEqual([]);
	});

	test.each([
		{
			check: 'flash-weight-zero',
			name: 'live votes in vote()',
			from: 'const weight = this.getPriorVotes(msg.sender, p.snapshot);',
			to: 'const weight = this.getVotes(msg.sender);'
		},
		{
			check: 'treasury-kept',
			name: 'no two-thirds line in emergencyCommit',
			from: 'const needed = total * SUPERMAJORITY.numerator;',
			to: 'const needed = 0n * total;'
		},
		{
			check: 'treasury-kept',
			name: 'a total that is never checkpointed on deposit',
			from: 'this.moveVotes(this.delegateOf(msg.sender), amount);\n\t\tthis.moveVotes(TOTAL, amount);',
			to: 'this.moveVotes(this.delegateOf(msg.sender), amount);'
		},
		{
			check: 'voting-delay',
			name: 'no voting delay',
			from: 'const VOTING_DELAY = 1;',
			to: 'const VOTING_DELAY = 0;'
		},
		{
			check: 'honest-passes',
			name: 'emergencyCommit switched off',
			from: "'Governance: Too early.');",
			to: "'Governance: Too early.');\n\t\trequire(false, 'Governance: emergencyCommit is disabled');"
		},
		{
			check: 'delegation',
			name: 'delegate() that records the delegate but moves no votes',
			from: 'this.moveVotes(from, -amount);\n\t\t\tthis.moveVotes(to, amount);',
			to: ''
		}
	])('$name fails $check', async ({ from, to, check }) => {
		const { failed } = await outcome(mutant(from, to));
		expect(failed).toContain(check);
	});
});
