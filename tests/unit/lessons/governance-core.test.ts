/**
 * Governance lessons 01 (proposal lifecycle), 02 (threshold and quorum) and 04 (timelock): each
 * check catches the mistake it is named after (a mutant of the solution fails it, and only the
 * checks that mistake touches), and the runs fill the proposal-timeline view from the learner's
 * contracts beside the reference.
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { GRACE_PERIOD } from '#lib/protocols/governor.ts';

/** The solution of `file` in `id` with `from` replaced by `to` (which must occur once). */
function mutant(id: string, file: string, from: string, to: string): Record<string, string> {
	const text = lessonSources(id, 'solution')[file];
	expect(text.split(from).length, `${from} occurs once in ${file}`).toBe(2);
	return { ...lessonSources(id, 'solution'), [file]: text.replace(from, to) };
}

async function failedChecks(id: string, sources: Record<string, string>) {
	const { run, checks } = await runLesson(id, sources, 1);
	run.dispose();
	return checks.filter((c) => !c.passed).map((c) => c.id);
}

const LIFECYCLE = '07-governance/01-proposal-lifecycle';
const QUORUM = '07-governance/02-threshold-quorum';
const TIMELOCK = '07-governance/04-timelock';
const GOVERNOR = 'contracts/Governor.ts';
const LOCK = 'contracts/Timelock.ts';

describe(LIFECYCLE, () => {
	test('the run traces the proposal: your state equals the reference at every step, ending Expired', async () => {
		const { run, result } = await runLesson(LIFECYCLE, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [p] = result.overview.governance!.proposals;
		expect(p.endBlock - p.startBlock).toBe(19_710);
		expect(p.startBlock - p.proposedBlock).toBe(13_140);
		for (const s of p.samples) expect(s.state).toBe(s.referenceState);
		const states = p.samples.map((s) => s.referenceState);
		expect(states).toEqual(
			expect.arrayContaining(['Pending', 'Active', 'Succeeded', 'Queued', 'Expired'])
		);
		// the sample at startBlock is Pending, the next Active; Bob's first vote is refused
		const atStart = p.samples.find((s) => s.block === p.startBlock)!;
		expect(atStart.referenceState).toBe('Pending');
		expect(p.votes[0].reverted).toBe('GovernorBravo::castVoteInternal: voting is closed');
		expect(p.votes[1].reverted).toBeUndefined();
		// the bands end with the grace period after eta, then Expired
		expect(p.bands.map((b) => b.state)).toEqual([
			'Pending',
			'Active',
			'Succeeded',
			'Queued',
			'Executable',
			'Expired'
		]);
		expect(p.bands.at(-1)!.from).toBe(p.eta! + GRACE_PERIOD);
		expect(p.samples.at(-1)!.forVotes).toBe(460_000);
	});

	test.each([
		{
			check: 'pending-until-start',
			name: 'Pending only before startBlock',
			from: "if (block.number <= p.startBlock) return 'Pending';",
			to: "if (block.number < p.startBlock) return 'Pending';"
		},
		{
			check: 'active-through-end',
			name: 'Active only before endBlock',
			from: "if (block.number <= p.endBlock) return 'Active';",
			to: "if (block.number < p.endBlock) return 'Active';"
		},
		{
			check: 'defeated-outcomes',
			name: 'a tie that passes',
			from: 'p.forVotes <= p.againstVotes ||',
			to: 'p.forVotes < p.againstVotes ||'
		},
		{
			check: 'defeated-outcomes',
			name: 'no quorum',
			from: ' || p.forVotes < QUORUM_VOTES',
			to: ''
		},
		{
			check: 'queued-and-expired',
			name: 'Expired only after eta + GRACE_PERIOD',
			from: 'block.timestamp >= p.eta + GRACE_PERIOD',
			to: 'block.timestamp > p.eta + GRACE_PERIOD'
		},
		{
			check: 'queued-and-expired',
			name: 'an executed proposal that expires',
			from: "if (p.executed) return 'Executed';",
			to: ''
		},
		{
			check: 'canceled',
			name: 'no Canceled state',
			from: "if (p.canceled) return 'Canceled';",
			to: ''
		}
	])('$name fails $check', async ({ check, from, to }) => {
		const failed = await failedChecks(LIFECYCLE, mutant(LIFECYCLE, GOVERNOR, from, to));
		expect(failed).toContain(check);
	});
});

describe(QUORUM, () => {
	test('the run: Bravo refuses Carol and defeats the vote, OpenZeppelin passes it', async () => {
		const { run, result } = await runLesson(QUORUM, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const proposals = result.overview.governance!.proposals;
		expect(proposals.map((p) => [p.rules, p.quorumCounts])).toEqual([
			['bravo', 'For'],
			['oz', 'For + Abstain']
		]);
		const last = proposals.map((p) => p.samples.at(-1)!);
		expect(last.map((s) => [s.state, s.referenceState])).toEqual([
			['Defeated', 'Defeated'],
			['Queued', 'Queued']
		]);
		// For + Abstain under OZ is exactly the quorum
		expect(last[1].forVotes + last[1].abstainVotes).toBe(proposals[1].quorum);
		const rows = Object.fromEntries(result.overview.summary!.map((r) => [r.label, r.value]));
		expect(rows['Governor Bravo: the outcome']).toBe('Defeated');
		expect(rows['OpenZeppelin Governor: the outcome']).toBe('Succeeded');
	});

	test.each([
		{
			check: 'threshold-bravo',
			name: 'Bravo at least the threshold',
			from: "if (this.rules.get() === 'bravo') return votes > PROPOSAL_THRESHOLD;",
			to: "if (this.rules.get() === 'bravo') return votes >= PROPOSAL_THRESHOLD;"
		},
		{
			check: 'threshold-oz',
			name: 'OpenZeppelin strictly over the threshold',
			from: 'return votes >= PROPOSAL_THRESHOLD;',
			to: 'return votes > PROPOSAL_THRESHOLD;'
		},
		{
			check: 'quorum-bravo',
			name: 'Bravo counting abstain',
			from: "if (this.rules.get() === 'bravo') return p.forVotes >= QUORUM_VOTES;",
			to: "if (this.rules.get() === 'bravo') return p.forVotes + p.abstainVotes >= QUORUM_VOTES;"
		},
		{
			check: 'quorum-bravo',
			name: 'Bravo needing more than the quorum',
			from: "if (this.rules.get() === 'bravo') return p.forVotes >= QUORUM_VOTES;",
			to: "if (this.rules.get() === 'bravo') return p.forVotes > QUORUM_VOTES;"
		},
		{
			check: 'quorum-oz',
			name: 'OpenZeppelin not counting abstain',
			from: 'return p.forVotes + p.abstainVotes >= QUORUM_VOTES;',
			to: 'return p.forVotes >= QUORUM_VOTES;'
		},
		{
			check: 'quorum-oz',
			name: 'OpenZeppelin needing more than the quorum',
			from: 'return p.forVotes + p.abstainVotes >= QUORUM_VOTES;',
			to: 'return p.forVotes + p.abstainVotes > QUORUM_VOTES;'
		}
	])('$name fails $check', async ({ check, from, to }) => {
		const failed = await failedChecks(QUORUM, mutant(QUORUM, GOVERNOR, from, to));
		expect(failed).toContain(check);
	});
});

describe(TIMELOCK, () => {
	test('the run: Alice leaves with 100 ETH during the delay, the fee changes at eta, Bob gets 50', async () => {
		const { run, result } = await runLesson(TIMELOCK, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const rows = Object.fromEntries(result.overview.summary!.map((r) => [r.label, r.value]));
		expect(rows['Alice’s withdrawal during the delay']).toBe('100 ETH');
		expect(rows['Bob’s withdrawal after execution']).toBe('50 ETH');
		expect(rows['Executed at']).toBe('eta');
		const [p] = result.overview.governance!.proposals;
		expect(p.delaySeconds).toBe(2 * 86_400);
		expect(p.bands.map((b) => b.state)).toEqual([
			'Pending',
			'Active',
			'Succeeded',
			'Queued',
			'Executable',
			'Executed'
		]);
		expect(p.samples.at(-1)!.state).toBe('Executed');
	});

	test.each([
		{
			check: 'delay-bounds',
			name: 'no minimum delay',
			from: "require(delay >= MINIMUM_DELAY, 'Timelock::constructor: Delay must exceed minimum delay.');",
			to: ''
		},
		{
			check: 'delay-bounds',
			name: 'a maximum delay of 30 days less 1 s',
			from: 'require(delay <= MAXIMUM_DELAY,',
			to: 'require(delay < MAXIMUM_DELAY,'
		},
		{
			check: 'queue-needs-delay',
			name: 'no eta check at queue',
			from: 'if (eta < block.timestamp + this.delaySeconds.get())',
			to: 'if (eta < block.timestamp)'
		},
		{
			check: 'no-early-execute',
			name: 'execute before eta',
			from: 'if (block.timestamp < eta)',
			to: 'if (block.timestamp < eta - 86_400)'
		},
		{
			check: 'stale-after-grace',
			name: 'never stale',
			from: 'if (block.timestamp > eta + GRACE_PERIOD)',
			to: 'if (false)'
		},
		{
			check: 'stale-after-grace',
			name: 'stale at eta + GRACE_PERIOD already',
			from: 'if (block.timestamp > eta + GRACE_PERIOD)',
			to: 'if (block.timestamp >= eta + GRACE_PERIOD)'
		}
	])('$name fails $check', async ({ check, from, to }) => {
		const failed = await failedChecks(TIMELOCK, mutant(TIMELOCK, LOCK, from, to));
		expect(failed).toContain(check);
	});

	test('a timelock that runs a call at once fails exit-during-delay as well', async () => {
		const sources = mutant(TIMELOCK, LOCK, 'if (block.timestamp < eta)', 'if (false)');
		const failed = await failedChecks(TIMELOCK, sources);
		expect(failed).toEqual(expect.arrayContaining(['no-early-execute', 'exit-during-delay']));
	});
});
