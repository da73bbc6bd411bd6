// Cleo's claim goes to a stake-weighted poll (Nexus Mutual v2): six assessors vote over five days,
// late votes extend the poll, and the learner votes too, from their own account, at the hour their
// MyVote plan picks. Every vote runs on the learner's Assessment and on the reference model.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { tracePoll } from '#lib/scenario/poll-trace.ts';
import {
	Assessment as Reference,
	ONE_NXM,
	PAYOUT_COOLDOWN,
	SILENT_ENDING_PERIOD,
	assessmentDepositAndReward,
	expectedPayoutInNXM
} from '#lib/protocols/nexus-assessment.ts';
import { RevertError } from '#lib/protocols/revert.ts';
import { formatTokens } from '#lib/model/units.ts';

const FILE = 'contracts/Assessment.ts';
const PLAN = 'contracts/MyVote.ts';
const HOUR = 3_600;
const DAY = 24 * HOUR;
/** 2 June 2025 00:00 UTC: when Cleo submits her claim (an illustrative date). */
const T0 = 1_748_822_400;
const NXM = (n: number) => BigInt(Math.round(n * 1000)) * (ONE_NXM / 1000n);
const ETH = 10n ** 18n;

/** The claim: 20 ETH on a one-year cover, at an illustrative NXM price of 0.025 ETH. */
const REQUESTED = 20n * ETH;
const COVER_PERIOD = 365n * BigInt(DAY);
const NXM_PRICE = (25n * ETH) / 1000n;
const PAYOUT_NXM = expectedPayoutInNXM(REQUESTED, NXM_PRICE);
const { totalRewardInNXM: REWARD, deposit: DEPOSIT } = assessmentDepositAndReward({
	expectedPayoutInNXM: PAYOUT_NXM,
	coverPeriod: COVER_PERIOD,
	nxmPriceInETH: NXM_PRICE
});

/** The assessors and their stakes (illustrative), and the learner's account, `you`. */
const STAKES: Record<string, bigint> = {
	ana: NXM(2_000),
	ben: NXM(1_000),
	carl: NXM(500),
	dora: NXM(3_000),
	eve: NXM(4_000),
	finn: NXM(800),
	you: NXM(1_500)
};
type Ballot = { who: string; accept: boolean; hour: number };
/** The other assessors' votes, in hours after submission. */
const BALLOTS: Ballot[] = [
	{ who: 'ben', accept: false, hour: 2 },
	{ who: 'ana', accept: true, hour: 6 },
	{ who: 'ben', accept: false, hour: 20 },
	{ who: 'carl', accept: true, hour: 40 },
	{ who: 'dora', accept: false, hour: 70 },
	{ who: 'eve', accept: true, hour: 97 },
	{ who: 'finn', accept: true, hour: 130 }
];
/** When every voter tries to take their stake back (hours after submission). */
const UNSTAKE_HOUR = 400;

const name = (who: string) => (who === 'you' ? 'You' : who[0].toUpperCase() + who.slice(1));
const nxm = (wei: bigint) => formatTokens(wei, 'NXM');
const side = (accept: boolean) => (accept ? 'accept' : 'deny');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A time as hours after submission and as UTC: `hour 98.57 (6 Jun 02:34:17 UTC)`. */
function when(t: number | bigint): string {
	const seconds = Number(t);
	const hours = (seconds - T0) / HOUR;
	const d = new Date(seconds * 1000);
	const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
	const utc = `${day} ${d.toISOString().slice(11, 19)} UTC`;
	return `hour ${Number.isInteger(hours) ? hours : hours.toFixed(2)} (${utc})`;
}
const reasonOf = (r: Receipt) => r.error?.message ?? 'no reason given';
/** The reference's revert name for `act`, or undefined when it succeeds. */
function refRevert(act: () => void): string | undefined {
	try {
		act();
		return undefined;
	} catch (error) {
		if (error instanceof RevertError) return error.reason;
		throw error;
	}
}

/** A poll on a world: the learner's contract, its assessment id and the reference beside it. */
type Poll = { s: ScenarioContext; address: string; id: number; ref: Reference };

/** Move the clock so the next block is at `t` (unix seconds); it never goes back. */
function warpTo(s: ScenarioContext, t: number) {
	if (t > s.time()) s.chain.warp(t - s.time());
}

/** Deploy Assessment, stake each member's NXM, and open a poll at `start` (unix seconds). */
function open(s: ScenarioContext, stakes: Record<string, bigint>, start = T0): Poll {
	const address = s.deploy(FILE, { from: 'claims' });
	for (const [who, amount] of Object.entries(stakes)) {
		s.chain.setBalance(s.address(who), amount + ETH);
		const r = s.send({ from: who, to: address, method: 'stake', value: amount });
		if (r.status !== 'success') throw new Error(`stake failed for ${who}: ${reasonOf(r)}`);
	}
	warpTo(s, start);
	const r = s.send({ from: 'claims', to: address, method: 'startAssessment', args: [REWARD] });
	if (r.status !== 'success') throw new Error(`startAssessment failed: ${reasonOf(r)}`);
	const ref = new Reference({
		start: BigInt(s.time()),
		totalRewardInNXM: REWARD,
		assessmentDepositInETH: DEPOSIT
	});
	return { s, address, id: r.returnValue as number, ref };
}

/** Send `who`'s vote at `t` (or now) to both polls. */
function vote(p: Poll, who: string, accept: boolean, stake: bigint, t?: number) {
	if (t !== undefined) warpTo(p.s, t);
	const receipt = p.s.send({
		from: who,
		to: p.address,
		method: 'castVote',
		args: [p.id, accept]
	});
	const now = BigInt(p.s.time());
	const referenceRevert = refRevert(() => p.ref.castVote(who, accept, stake, now));
	return { receipt, referenceRevert };
}

type LearnerPoll = { accepted: bigint; denied: bigint; end: number };
function pollOf(p: Poll): LearnerPoll {
	return p.s.view(p.address, 'pollOf', [p.id]) as LearnerPoll;
}

/** Why a vote should have counted or reverted, in the learner's terms. */
function sameFate(c: CheckContext<unknown>, what: string, r: ReturnType<typeof vote>) {
	const counted = r.receipt.status === 'success';
	if (r.referenceRevert === undefined) {
		c.assert(counted, `${what} should count, but your castVote reverted: ${reasonOf(r.receipt)}.`);
	} else {
		c.assert(
			!counted,
			`${what} should revert with ${r.referenceRevert}, but your castVote accepted it.`
		);
	}
}

/** The learner's poll equals the reference's after `what`. */
function sameEnd(c: CheckContext<unknown>, p: Poll, what: string, hint = '') {
	const mine = pollOf(p);
	c.assert(
		BigInt(mine.end) === p.ref.end,
		`After ${what}, the poll should end at ${when(p.ref.end)}, yours ends at ${when(mine.end)}.${hint}`
	);
	c.assert(
		mine.accepted === p.ref.accepted && mine.denied === p.ref.denied,
		`After ${what}, the poll should hold ${nxm(p.ref.accepted)} on accept and ${nxm(p.ref.denied)} on deny; yours holds ${nxm(mine.accepted)} and ${nxm(mine.denied)}.`
	);
}

/** The learner's plan from MyVote.plan(), or a note saying why there is none. */
function readPlan(s: ScenarioContext): { plan: Ballot | null; note: string } {
	const address = s.deploy(PLAN, { from: 'you' });
	const raw = s.view(address, 'plan') as { accept?: unknown; hour?: unknown } | null;
	if (raw === null || raw === undefined) return { plan: null, note: 'plan() returned null' };
	const { accept, hour } = raw;
	if (typeof accept !== 'boolean' || typeof hour !== 'number' || !Number.isFinite(hour)) {
		return { plan: null, note: 'plan() should return { accept: boolean, hour: number } or null' };
	}
	if (hour < 0 || hour > 120) return { plan: null, note: `hour ${hour} is outside 0 to 120` };
	return { plan: { who: 'you', accept, hour }, note: '' };
}

/** What the run hands the checks about your vote. */
type Result = {
	you: {
		planned: boolean;
		note: string;
		hour?: number;
		counted?: boolean;
		reason?: string;
		referenceRevert?: string;
	};
};

export default defineScenario<Result>({
	chains: [{ id: 1, blockTime: 12, genesisTime: T0 - HOUR }],
	*run(s) {
		const { plan, note } = readPlan(s);
		const ballots = [...BALLOTS, ...(plan ? [plan] : [])].sort((a, b) => a.hour - b.hour);
		s.total = ballots.length + 3;
		const p = open(s, STAKES);
		const trace = tracePoll(s, {
			title: "Cleo's claim: 20 ETH",
			contract: p.address,
			id: p.id,
			start: s.time(),
			cooldownSeconds: Number(PAYOUT_COOLDOWN),
			silentEndingSeconds: Number(SILENT_ENDING_PERIOD),
			reference: p.ref
		});
		yield {
			label: `Cleo claims 20 ETH; the poll opens until ${when(p.ref.end)}`,
			notes: [
				`Expected payout ${nxm(PAYOUT_NXM)} at 0.025 ETH per NXM; assessors' reward ${nxm(REWARD)}; Cleo's deposit ${formatTokens(DEPOSIT, 'ETH')}.`,
				plan
					? `Your plan: ${side(plan.accept)} at hour ${plan.hour}, with your 1,500 NXM.`
					: `You do not vote (${note}). Write your plan in contracts/MyVote.ts.`
			]
		};

		let doraEnd: { mine: number; ref: bigint } | null = null;
		const you: Result['you'] = { planned: plan !== null, note };
		for (const b of ballots) {
			const endBefore = p.ref.end;
			const r = vote(p, b.who, b.accept, STAKES[b.who], T0 + Math.round(b.hour * HOUR));
			trace.vote({ voter: name(b.who), accept: b.accept, stake: STAKES[b.who], ...r });
			if (b.who === 'you') {
				Object.assign(you, {
					hour: b.hour,
					counted: r.receipt.status === 'success',
					reason: r.receipt.status === 'success' ? undefined : reasonOf(r.receipt),
					referenceRevert: r.referenceRevert
				});
			}
			const mine = pollOf(p);
			if (b.who === 'dora') doraEnd = { mine: mine.end, ref: p.ref.end };
			const moved = p.ref.end - endBefore;
			yield {
				label: `${name(b.who)} ${b.who === 'you' ? 'vote' : 'votes'} ${side(b.accept)} with ${nxm(STAKES[b.who])} at hour ${b.hour}`,
				notes: [
					r.receipt.status === 'success'
						? `Your contract counts it: ${nxm(mine.accepted)} accept, ${nxm(mine.denied)} deny; the poll ends at ${when(mine.end)}.`
						: `Your contract reverts: ${reasonOf(r.receipt)}.`,
					r.referenceRevert
						? `Reference: reverts with ${r.referenceRevert}.`
						: `Reference: the poll ends at ${when(p.ref.end)}${moved !== 0n ? ` (${moved > 0n ? '+' : ''}${moved} s)` : ''}.`
				]
			};
		}

		const end = Number(p.ref.end);
		warpTo(s, end + Number(PAYOUT_COOLDOWN) + 1);
		s.mine(1);
		const status = s.view(p.address, 'status', [p.id]) as string;
		const voters = [...new Set(ballots.map((b) => b.who))];
		yield {
			label: `The cooldown is over: the outcome is final (${status} in your contract)`,
			notes: [
				`Reference: ${p.ref.outcome(BigInt(s.time()))}, ${nxm(p.ref.accepted)} accept against ${nxm(p.ref.denied)} deny.`,
				...voters
					.filter((v) => p.ref.rewardOf(v) > 0n)
					.map((v) => `${name(v)}'s reward: ${nxm(p.ref.rewardOf(v))} (reference).`)
			]
		};

		warpTo(s, T0 + UNSTAKE_HOUR * HOUR);
		const unstaked: string[] = [];
		const freed: string[] = [];
		const freedRef: string[] = [];
		for (const v of voters) {
			const r = s.send({
				from: v,
				to: p.address,
				method: 'unstake',
				args: [STAKES[v]]
			});
			const allowed = p.ref.canUnstake(v, BigInt(s.time()));
			unstaked.push(
				`${name(v)}: ${r.status === 'success' ? 'withdrawn' : `refused (${reasonOf(r)})`}; reference: ${allowed ? 'withdrawn' : 'locked'}.`
			);
			if (r.status === 'success') freed.push(name(v));
			if (allowed) freedRef.push(name(v));
		}
		yield { label: `Hour ${UNSTAKE_HOUR}: every voter asks for their stake back`, notes: unstaked };

		const mine = pollOf(p);
		s.summary('Poll end after Dora’s vote', doraEnd ? when(doraEnd.mine) : 'no vote', {
			reference: doraEnd ? when(doraEnd.ref) : 'no vote'
		});
		s.summary('Poll end', when(mine.end), { reference: when(p.ref.end) });
		s.summary('Outcome', status, { reference: p.ref.outcome(BigInt(s.time())) });
		s.summary('Stake on accept / deny', `${nxm(mine.accepted)} / ${nxm(mine.denied)}`, {
			reference: `${nxm(p.ref.accepted)} / ${nxm(p.ref.denied)}`
		});
		s.summary('Assessors’ reward (all voters)', nxm(REWARD), {
			note: 'min(50 NXM, 1.3% of the expected payout per year of cover)'
		});
		s.summary('Cleo’s deposit', formatTokens(DEPOSIT, 'ETH'), {
			note: 'max(0.05 ETH, the reward in ETH); returned with an accepted claim’s payout'
		});
		s.summary(`Stakes withdrawn at hour ${UNSTAKE_HOUR}`, freed.join(', ') || 'none', {
			reference: freedRef.join(', ') || 'none',
			note: 'a stake is locked until 14 days after its owner’s latest vote'
		});
		if (plan) s.summary('Your reward', nxm(p.ref.rewardOf('you')), { note: 'reference model' });
		return { you };
	},
	checks: [
		{
			id: 'first-vote-accepts',
			title: 'The first vote must accept, and it restarts the 3-day voting period',
			run(c) {
				const p = open(c.fresh(), { ana: NXM(2_000), ben: NXM(1_000), carl: NXM(500) });
				const deny = vote(p, 'ben', false, NXM(1_000), T0 + 2 * HOUR);
				sameFate(c, 'Ben’s deny as the first vote (nothing on accept yet)', deny);
				sameEnd(c, p, 'Ben’s refused deny');
				const first = vote(p, 'ana', true, NXM(2_000), T0 + 10 * HOUR);
				sameFate(c, 'Ana’s accept at hour 10', first);
				sameEnd(
					c,
					p,
					'the first accept vote, at hour 10',
					' The first accept vote sets end = now + 3 days.'
				);
				const second = vote(p, 'carl', true, NXM(500), T0 + 20 * HOUR);
				sameFate(c, 'Carl’s accept at hour 20', second);
				sameEnd(c, p, 'a second accept vote', ' Only the first accept vote restarts the period.');
				vote(p, 'ben', false, NXM(1_000), T0 + 30 * HOUR);
				sameEnd(c, p, 'Ben’s deny after the first accept');
				return c.pass(
					`A first deny reverts; Ana's accept at hour 10 moves the end to ${when(p.ref.end)}, and later votes leave it.`
				);
			}
		},
		{
			id: 'silent-ending',
			title:
				'A vote in the last day extends the poll by 1 day × stake / the totals before it, at most 1 day',
			run(c) {
				const stakes = { a: NXM(2_000), b: NXM(1_000), c: NXM(10_000), d: NXM(700), e: NXM(1) };
				const p = open(c.fresh(), stakes);
				// each vote is timed from the end the reference has reached (seconds before it)
				const cases: [keyof typeof stakes, boolean, number, string][] = [
					['a', true, 3 * DAY, 'the first accept vote'],
					['e', true, DAY, 'a 1 NXM accept exactly 1 day before the end'],
					['b', false, 22 * HOUR, 'a 1,000 NXM deny 22 hours before the end'],
					['c', true, HOUR, 'a 10,000 NXM accept 1 hour before the end'],
					['d', false, 8 * HOUR, 'a 700 NXM deny 8 hours before the end']
				];
				const done: string[] = [];
				for (const [who, accept, early, what] of cases) {
					const before = p.ref.end;
					const r = vote(p, who, accept, stakes[who], Number(before) - early);
					sameFate(c, what, r);
					sameEnd(
						c,
						p,
						what,
						' Extend only when end - now < 1 day, by 1 day × stake / (accepted + denied) before this vote is added, truncated, and never by more than 1 day.'
					);
					done.push(
						`${what}: ${p.ref.end === before ? 'no extension' : `+${p.ref.end - before} s`}`
					);
				}
				return c.pass(done.join('; ') + '.');
			}
		},
		{
			id: 'voting-closed',
			title: 'Votes at or after the end revert; one vote per assessor, with a stake',
			run(c) {
				const p = open(c.fresh(), { ana: NXM(2_000), ben: NXM(1_000) });
				vote(p, 'ana', true, NXM(2_000), T0 + HOUR);
				const again = vote(p, 'ana', true, NXM(2_000), T0 + 2 * HOUR);
				sameFate(c, 'Ana’s second vote on the same claim', again);
				const none = vote(p, 'zoe', true, 0n, T0 + 3 * HOUR);
				sameFate(c, 'A vote from Zoe, who has nothing staked', none);
				const atEnd = vote(p, 'ben', false, NXM(1_000), Number(p.ref.end));
				sameFate(c, `Ben’s deny at the end itself (${when(p.ref.end)})`, atEnd);
				sameEnd(c, p, 'a vote that came too late');
				return c.pass('Late, repeated and stakeless votes revert; the poll is unchanged.');
			}
		},
		{
			id: 'outcome',
			title: 'After the end more stake on accept accepts; a tie or no votes deny',
			run(c) {
				const s = c.fresh();
				const polls: [string, Record<string, bigint>, [string, boolean][]][] = [
					['no votes', {}, []],
					[
						'a tie, 1,000 NXM each side',
						{ a: NXM(1_000), b: NXM(1_000) },
						[
							['a', true],
							['b', false]
						]
					],
					[
						'1,001 NXM accept against 1,000 deny',
						{ a: NXM(1_001), b: NXM(1_000) },
						[
							['a', true],
							['b', false]
						]
					],
					[
						'1,000 NXM accept against 1,001 deny',
						{ a: NXM(1_000), b: NXM(1_001) },
						[
							['a', true],
							['b', false]
						]
					]
				];
				const done: string[] = [];
				let start = T0;
				for (const [what, stakes, ballots] of polls) {
					const p = open(s, stakes, start);
					ballots.forEach(([who, accept], k) =>
						vote(p, who, accept, stakes[who], start + (k + 1) * HOUR)
					);
					const pending = s.view(p.address, 'status', [p.id]);
					c.assert(
						pending === 'pending',
						`With ${what}, before the end status should be 'pending', yours gives '${String(pending)}'.`
					);
					warpTo(s, Number(p.ref.end));
					s.mine(1);
					const got = s.view(p.address, 'status', [p.id]);
					const want = p.ref.outcome(BigInt(s.time()));
					c.assert(
						got === want,
						`With ${what}, at the end status should be '${want}', yours gives '${String(got)}'.`
					);
					done.push(`${what}: ${want}`);
					start = s.time() + DAY;
				}
				return c.pass(done.join('; ') + '.');
			}
		},
		{
			id: 'stake-lockup',
			title: 'A vote locks the voter’s stake for 14 days',
			run(c) {
				const s = c.fresh();
				const p = open(s, { ana: NXM(2_000), ben: NXM(1_000) });
				vote(p, 'ana', true, NXM(2_000), T0 + 5 * HOUR);
				const votedAt = s.time();
				const unstake = (who: string, t: number) => {
					warpTo(s, t);
					return s.send({ from: who, to: p.address, method: 'unstake', args: [NXM(100)] });
				};
				const ben = unstake('ben', votedAt + HOUR);
				c.assert(
					ben.status === 'success',
					`Ben never voted, so he may unstake at once; your unstake reverted: ${reasonOf(ben)}.`
				);
				const expiry = votedAt + Number(14n * BigInt(DAY));
				const early = unstake('ana', expiry);
				c.assert(
					early.status === 'reverted' && !p.ref.canUnstake('ana', BigInt(s.time())),
					`Ana voted at ${when(votedAt)}; unstaking at ${when(s.time())}, exactly 14 days later, should revert (StakeLockedForAssessment), but it succeeded. Record the vote's time in lastVoteAt.`
				);
				const later = unstake('ana', expiry + 1);
				c.assert(
					later.status === 'success',
					`One block after the 14 days (${when(s.time())}) Ana's unstake should succeed: ${reasonOf(later)}.`
				);
				return c.pass(`Ana's stake is locked until ${when(expiry)} and free one block later.`);
			}
		},
		{
			id: 'your-vote',
			title: 'You vote: your plan sends a vote that counts, before the poll closes',
			run(c) {
				const you = c.result.you;
				c.assert(
					you.planned,
					`You have not voted: ${you.note}. In contracts/MyVote.ts return { accept, hour } from plan().`
				);
				c.assert(
					you.referenceRevert === undefined,
					`Your vote at hour ${you.hour} is refused by the reference (${you.referenceRevert}): ${you.referenceRevert === 'VotingClosed' ? 'the poll had closed; vote before its end' : 'a first vote must accept'}.`
				);
				c.assert(
					you.counted === true,
					`Your vote at hour ${you.hour} should count, but your contract reverted: ${you.reason}.`
				);
				return c.pass(`Your vote at hour ${you.hour} counts with your 1,500 NXM.`);
			}
		}
	]
});
