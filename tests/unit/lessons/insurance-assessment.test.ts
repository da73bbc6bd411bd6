/**
 * Insurance lesson 03, the claim assessment timeline: each check catches the mistake it is named
 * after (a solution with one rule broken fails that check), and the run's poll timeline carries
 * the learner's contract's figures beside the Nexus Mutual v2 model's.
 */
import { describe, expect, test } from 'vitest';
import { getLesson } from '#lib/lessons/catalog.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { Assessment, ONE_NXM } from '#lib/protocols/nexus-assessment.ts';

const ID = '06-insurance/03-claim-assessment';
const CONTRACT = 'contracts/Assessment.ts';
const PLAN = 'contracts/MyVote.ts';
/** 2 June 2025 00:00 UTC, the claim's submission in the scenario */
const T0 = 1_748_822_400;
const HOUR = 3_600;

/** The solution with `from` replaced by `to` in `path` (where it must occur once). */
function mutant(path: string, from: string, to: string): Record<string, string> {
	const text = lessonSources(ID, 'solution')[path];
	expect(text.split(from).length, `${from} occurs once in ${path}`).toBe(2);
	return { [path]: text.replace(from, to) };
}

async function failedChecks(sources: Record<string, string>): Promise<string[]> {
	const { run, checks } = await runLesson(ID, sources, 1);
	run.dispose();
	return checks.filter((c) => !c.passed).map((c) => c.id);
}

type Mutant = { name: string; check: string; path?: string; from: string; to: string };
const MUTANTS: Mutant[] = [
	{
		name: 'a deny may come first',
		check: 'first-vote-accepts',
		from: "require(poll.accepted > 0n || isAcceptVote, 'AcceptVoteRequired');",
		to: ''
	},
	{
		name: 'the first accept does not restart the period',
		check: 'first-vote-accepts',
		from: 'if (poll.accepted === 0n) poll.end = now + MIN_VOTING_PERIOD;',
		to: ''
	},
	{
		name: 'the extension counts the vote itself in the totals',
		check: 'silent-ending',
		from: '* stake) / (poll.accepted + poll.denied)',
		to: '* stake) / (poll.accepted + poll.denied + stake)'
	},
	{
		name: 'the extension has no 1-day cap',
		check: 'silent-ending',
		from: 'Math.min(SILENT_ENDING_PERIOD, Number(extension))',
		to: 'Number(extension)'
	},
	{
		name: 'a vote exactly 1 day before the end extends',
		check: 'silent-ending',
		from: 'poll.end - now < SILENT_ENDING_PERIOD',
		to: 'poll.end - now <= SILENT_ENDING_PERIOD'
	},
	{
		name: 'a vote at the end itself counts',
		check: 'voting-closed',
		from: "require(now < poll.end, 'VotingClosed');",
		to: "require(now <= poll.end, 'VotingClosed');"
	},
	{
		name: 'a tie accepts',
		check: 'outcome',
		from: "poll.accepted > poll.denied ? 'accepted'",
		to: "poll.accepted >= poll.denied ? 'accepted'"
	},
	{
		name: 'the end itself is still pending',
		check: 'outcome',
		from: "if (block.timestamp < poll.end) return 'pending';",
		to: "if (block.timestamp <= poll.end) return 'pending';"
	},
	{
		name: 'a vote does not start the lockup',
		check: 'stake-lockup',
		from: 'this.lastVoteAt.set(msg.sender, now);',
		to: ''
	},
	{
		name: 'the lockup ends on its last second',
		check: 'stake-lockup',
		from: 'require(block.timestamp > expiry',
		to: 'require(block.timestamp >= expiry'
	},
	{
		name: 'your vote comes after the poll closed',
		check: 'your-vote',
		path: PLAN,
		from: 'hour: 100',
		to: 'hour: 119'
	}
];

describe(ID, () => {
	test.each(MUTANTS)('$name fails $check', async ({ path, from, to, check }) => {
		const failed = await failedChecks(mutant(path ?? CONTRACT, from, to));
		expect(failed).toContain(check);
	});

	test('the solution’s run: the poll timeline is the model’s, and the summary carries the predictions’ answers', async () => {
		const { run, result } = await runLesson(ID, 'solution', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const poll = result.overview.insurance!.polls![0];
		// the same votes on the model, at the times the run sent them
		const ref = new Assessment({ start: BigInt(poll.start), totalRewardInNXM: 0n });
		for (const v of poll.votes) {
			let refused = false;
			try {
				ref.castVote(v.voter, v.accept, BigInt(v.stake) * ONE_NXM, BigInt(v.time));
			} catch {
				refused = true;
			}
			expect(v.reverted !== undefined, `${v.voter} at ${v.time}`).toBe(refused);
			const after = poll.samples.find((s) => s.step === v.step)!;
			expect(BigInt(after.end)).toBe(ref.end);
		}
		expect(poll.start).toBe(T0);
		// Dora's late deny: 78 h + 86400 * 3000 / 3500 s
		const dora = poll.votes.find((v) => v.voter === 'Dora')!;
		expect(poll.samples.find((s) => s.step === dora.step)!.end).toBe(T0 + 78 * HOUR + 74_057);
		expect(poll.votes.find((v) => v.voter === 'You')).toMatchObject({ accept: false, stake: 1500 });
		const lesson = getLesson(ID)!;
		const answer = lesson.predictions.find((p) => p.id === 'end-after-dora')!;
		expect(answer.kind === 'number' && answer.answer).toBe(98.57);
		const summary = JSON.stringify(result.overview.summary);
		expect(summary).toContain('hour 98.57 (6 Jun 02:34:17 UTC)');
		expect(summary).toContain('10.4 NXM');
		expect(summary).toContain('0.26 ETH');
		expect(poll.votes[0]).toMatchObject({ voter: 'Ben', reverted: 'AcceptVoteRequired' });
	});

	test('the starter’s timeline draws the starter’s poll, not the reference’s', async () => {
		const { run, result } = await runLesson(ID, 'starter', 1);
		run.dispose();
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const poll = result.overview.insurance!.polls![0];
		// the starter never moves the end and counts every vote
		expect(new Set(poll.samples.map((s) => s.end))).toEqual(new Set([T0 + 72 * HOUR]));
		expect(poll.samples.at(-1)!.referenceEnd).toBeGreaterThan(T0 + 100 * HOUR);
		expect(poll.votes.some((v) => v.voter === 'You')).toBe(false);
		expect(poll.votes.find((v) => v.voter === 'Finn')).toMatchObject({
			referenceRevert: 'VotingClosed'
		});
		expect(poll.votes.find((v) => v.voter === 'Finn')!.reverted).toBeUndefined();
	});
});
