import { describe, expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';
import {
	Assessment,
	MAX_REWARD_IN_NXM,
	MIN_VOTING_PERIOD,
	PAYOUT_COOLDOWN,
	PAYOUT_REDEMPTION_PERIOD,
	SILENT_ENDING_PERIOD,
	STAKE_LOCKUP_PERIOD,
	assessmentDepositAndReward,
	expectedPayoutInNXM
} from '#lib/protocols/nexus-assessment.ts';
import { expectRevert as reverts } from './revert-helpers.ts';

// Scenarios follow NexusMutual/smart-contracts v2.12.4 test/unit/Assessment/*.js and
// test/unit/IndividualClaims/*.js; figures are worked out by hand in the comments.

const E18 = 10n ** 18n;
const NXM = E18;
const DAY = 86_400n;
const T = 1_700_000_000n; // claim submitted
const REWARD = 10n * NXM;

const poll = (totalRewardInNXM = REWARD) => new Assessment({ start: T, totalRewardInNXM });

describe('assessmentDepositAndReward (IndividualClaims.sol 103-129)', () => {
	// test/unit/IndividualClaims/setup.js 35: 1 NXM ~ 0.0382 ETH
	const nxmPriceInETH = 382n * 10n ** 14n;

	test('a 1 ETH claim on 30-day cover: 1.3%/year of the payout, deposit at its 0.05 ETH floor', () => {
		// 1e18 * 1e18 / 0.0382e18 = 26178010471204188481 NXM wei
		const payout = expectedPayoutInNXM(E18, nxmPriceInETH);
		expect(payout).toBe(26_178_010_471_204_188_481n);
		// 26178010471204188481 * 130 * 2592000 / 31536000 / 10000 = 27971024887040091 (0.028 NXM)
		expect(
			assessmentDepositAndReward({
				expectedPayoutInNXM: payout,
				coverPeriod: 30n * DAY,
				nxmPriceInETH
			})
		).toEqual({
			totalRewardInNXM: 27_971_024_887_040_091n,
			deposit: 5n * 10n ** 16n
		});
	});

	test('the deposit is the reward in ETH, not 5% of the claim', () => {
		// 100 ETH for a year: 2617.8 NXM; reward 2617801047120418848167 * 130 / 10000 = 34.03 NXM;
		// deposit 34031413612565445026 * 0.0382 = 1.2999... ETH, where 5% of the claim would be 5 ETH
		const payout = expectedPayoutInNXM(100n * E18, nxmPriceInETH);
		expect(
			assessmentDepositAndReward({
				expectedPayoutInNXM: payout,
				coverPeriod: 365n * DAY,
				nxmPriceInETH
			})
		).toEqual({
			totalRewardInNXM: 34_031_413_612_565_445_026n,
			deposit: 1_299_999_999_999_999_999n
		});
	});

	test('the reward is capped at 50 NXM', () => {
		// 10000 NXM for a year: 130 NXM -> 50 NXM; deposit 50 * 0.0382 = 1.91 ETH
		expect(
			assessmentDepositAndReward({
				expectedPayoutInNXM: 10_000n * NXM,
				coverPeriod: 365n * DAY,
				nxmPriceInETH
			})
		).toEqual({ totalRewardInNXM: MAX_REWARD_IN_NXM, deposit: 191n * 10n ** 16n });
	});

	test('the properties of getAssessmentDepositAndReward.js', () => {
		const maxUint96 = 2n ** 96n - 1n;
		const at = (amount: bigint, days: bigint) =>
			assessmentDepositAndReward({
				expectedPayoutInNXM: expectedPayoutInNXM(amount, nxmPriceInETH),
				coverPeriod: days * DAY,
				nxmPriceInETH
			});
		for (const [amount, days] of [
			[1n, 30n],
			[100n, 30n],
			[E18, 30n],
			[maxUint96, 365n]
		] as const) {
			const { totalRewardInNXM, deposit } = at(amount, days);
			expect(totalRewardInNXM <= MAX_REWARD_IN_NXM).toBe(true);
			expect(deposit >= 5n * 10n ** 16n).toBe(true);
			expect(deposit * nxmPriceInETH >= totalRewardInNXM).toBe(true);
		}
		// rises with the requested amount and with the cover period
		const byAmount = [1n, 100_000n, 100_000_000n, E18].map((a) => at(a, 30n).totalRewardInNXM);
		const byPeriod = [30n, 60n, 90n, 365n].map((d) => at(10n * E18, d).totalRewardInNXM);
		for (const series of [byAmount.slice(1), byPeriod]) {
			for (let i = 1; i < series.length; i++) expect(series[i] > series[i - 1]).toBe(true);
		}
	});

	test('bad input', () => {
		expect(() =>
			assessmentDepositAndReward({
				expectedPayoutInNXM: 1,
				coverPeriod: 1n,
				nxmPriceInETH: 1n
			} as never)
		).toThrow(TypeError);
		expect(() =>
			assessmentDepositAndReward({ expectedPayoutInNXM: -1n, coverPeriod: 1n, nxmPriceInETH: 1n })
		).toThrow(/at least 0/);
		reverts(() => expectedPayoutInNXM(E18, 0n), 'Panic(0x12)');
	});
});

describe('castVote (Assessment.sol 344-390, test/unit/Assessment/castVotes.js)', () => {
	test('a new poll ends 3 days after submission', () => {
		expect(poll().end).toBe(T + MIN_VOTING_PERIOD);
	});

	test('reverts: AlreadyVoted, StakeRequired, AcceptVoteRequired, VotingClosed at the exact second', () => {
		const a = poll();
		reverts(() => a.castVote('alice', false, 100n * NXM, T + 1n), 'AcceptVoteRequired');
		reverts(() => a.castVote('alice', true, 0n, T + 1n), 'StakeRequired');
		a.castVote('alice', true, 100n * NXM, T + 1n);
		reverts(() => a.castVote('alice', true, 100n * NXM, T + 2n), 'AlreadyVoted');
		reverts(() => a.castVote('alice', false, 100n * NXM, T + 2n), 'AlreadyVoted');
		// no votes: closed at start + 3 days exactly
		const b = poll();
		reverts(() => b.castVote('bob', true, 100n * NXM, T + MIN_VOTING_PERIOD), 'VotingClosed');
		b.castVote('bob', true, 100n * NXM, T + MIN_VOTING_PERIOD - 1n);
	});

	test('the first accept vote resets the end to now + 3 days', () => {
		const a = poll();
		a.castVote('alice', true, 100n * NXM, T + DAY);
		expect(a.end).toBe(T + DAY + MIN_VOTING_PERIOD);
		// a second vote with more than a day left does not move it
		a.castVote('bob', false, 100n * NXM, T + 2n * DAY);
		expect(a.end).toBe(T + DAY + MIN_VOTING_PERIOD);
	});

	test("extends the voting period up to 24h based on the user's stake if the poll ends in < 24h", () => {
		// castVotes.js: stakes 100, 100, 200, 800, 300; each vote 1 second before the end
		const a = poll();
		a.castVote('user1', true, 100n * NXM, T + 1n);
		let now = a.end - 1n;
		a.castVote('user2', true, 100n * NXM, now); // 1 day * 100/100 -> 1 day
		expect(a.end).toBe(now + DAY + 1n);
		now = a.end - 1n;
		a.castVote('user3', true, 200n * NXM, now); // 200/200 -> 1 day
		expect(a.end).toBe(now + DAY + 1n);
		now = a.end - 1n;
		a.castVote('user4', true, 800n * NXM, now); // 800/400 = 2 days -> capped at 1 day
		expect(a.end).toBe(now + DAY + 1n);
		now = a.end - 1n;
		a.castVote('user5', true, 300n * NXM, now); // 300 of 1200 -> a quarter day = 21600 s
		expect(a.end).toBe(now + 21_600n + 1n);
	});

	test('the silent ending starts strictly inside the last day and uses the totals before the vote', () => {
		const a = poll();
		a.castVote('alice', true, 300n * NXM, T);
		const end = a.end;
		// exactly 1 day left: no extension
		a.castVote('bob', false, 100n * NXM, end - SILENT_ENDING_PERIOD);
		expect(a.end).toBe(end);
		// 1 day - 1 s left: extension 86400 * 200 / (300 + 100) = 43200, the 200 not yet counted
		a.castVote('carol', false, 200n * NXM, end - SILENT_ENDING_PERIOD + 1n);
		expect(a.end).toBe(end + 43_200n);
		expect([a.accepted, a.denied]).toEqual([300n * NXM, 300n * NXM]);
	});

	test('accounts votes from multiple members correctly (6 accept, 4 deny of 100 NXM)', () => {
		const a = poll();
		const votes = [true, false, true, false, false, true, true, false, true, true];
		votes.forEach((v, i) => a.castVote(`m${i}`, v, 100n * NXM, T + BigInt(i)));
		expect([a.accepted, a.denied]).toEqual([600n * NXM, 400n * NXM]);
	});

	test('time does not run backwards', () => {
		const a = poll();
		a.castVote('alice', true, NXM, T + 100n);
		expect(() => a.castVote('bob', true, NXM, T + 99n)).toThrow(/only moves forward/);
		expect(() => a.castVote('bob', true, NXM, T - 1n)).toThrow(RangeError);
	});
});

describe('outcome, payout and cooldown (IndividualClaims.sol 137-168, 333-363)', () => {
	test('pending before the end, then accepted only if accept > deny', () => {
		const a = poll();
		a.castVote('alice', true, 100n * NXM, T);
		a.castVote('bob', false, 99n * NXM, T + 1n);
		expect(a.outcome(a.end - 1n)).toBe('pending');
		expect(a.outcome(a.end)).toBe('accepted');
	});

	test('a tie denies, and no votes deny', () => {
		const tie = poll();
		tie.castVote('alice', true, 100n * NXM, T);
		tie.castVote('bob', false, 100n * NXM, T + 1n);
		expect(tie.outcome(tie.end)).toBe('denied');
		expect(poll().outcome(T + MIN_VOTING_PERIOD)).toBe('denied');
		expect(poll().payoutStatus(T + MIN_VOTING_PERIOD)).toBe('denied');
	});

	test('the payout waits for the cooldown and expires after 30 days', () => {
		const a = new Assessment({
			start: T,
			totalRewardInNXM: REWARD,
			assessmentDepositInETH: 5n * 10n ** 16n
		});
		a.castVote('alice', true, 100n * NXM, T);
		reverts(() => a.redeemPayout(a.end - 1n), 'ClaimAssessmentNotFinished');
		reverts(() => a.redeemPayout(a.end + PAYOUT_COOLDOWN - 1n), 'CooldownPeriodNotPassed');
		reverts(
			() => a.redeemPayout(a.end + PAYOUT_COOLDOWN + PAYOUT_REDEMPTION_PERIOD),
			'RedemptionPeriodExpired'
		);
		expect(a.payoutStatus(a.end + PAYOUT_COOLDOWN + PAYOUT_REDEMPTION_PERIOD)).toBe('unclaimed');
		expect(a.redeemPayout(a.end + PAYOUT_COOLDOWN)).toEqual({ depositReturned: 5n * 10n ** 16n });
		expect(a.payoutStatus(a.end + PAYOUT_COOLDOWN)).toBe('complete');
		reverts(() => a.redeemPayout(a.end + PAYOUT_COOLDOWN + 1n), 'PayoutAlreadyRedeemed');
	});

	test('a denied claim cannot be redeemed', () => {
		const a = poll();
		a.castVote('alice', true, 100n * NXM, T);
		a.castVote('bob', false, 100n * NXM, T);
		reverts(() => a.redeemPayout(a.end + PAYOUT_COOLDOWN), 'ClaimNotAccepted');
	});

	test('stake is locked until 14 days after the vote (strictly)', () => {
		const a = poll();
		a.castVote('alice', true, NXM, T + 5n);
		expect(a.canUnstake('alice', T + 5n + STAKE_LOCKUP_PERIOD)).toBe(false);
		expect(a.canUnstake('alice', T + 6n + STAKE_LOCKUP_PERIOD)).toBe(true);
		expect(a.canUnstake('nobody', T)).toBe(true);
	});
});

describe('rewards (Assessment.sol 105-144, 237-274; getRewards.js, withdrawRewards.js)', () => {
	test("pro rata to each voter's stake, whichever side", () => {
		// getRewards.js: stakes 10 and 90 -> 1/10 and 9/10
		const a = poll();
		a.castVote('user1', true, 10n * NXM, T);
		a.castVote('user2', false, 90n * NXM, T);
		expect(a.rewardOf('user1')).toBe(REWARD / 10n);
		expect(a.rewardOf('user2')).toBe((REWARD * 9n) / 10n);
		expect(a.rewardOf('nobody')).toBe(0n);
		// withdrawRewards.js: stakes 20, 37, 43 -> 20%, 37%, 43%
		const b = poll();
		for (const [who, s] of [
			['u1', 20n],
			['u2', 37n],
			['u3', 43n]
		] as const)
			b.castVote(who, true, s * NXM, T);
		expect(['u1', 'u2', 'u3'].map((v) => b.rewardOf(v))).toEqual([
			(REWARD * 20n) / 100n,
			(REWARD * 37n) / 100n,
			(REWARD * 43n) / 100n
		]);
	});

	test('withdrawable only after end + cooldown (strictly), once', () => {
		const a = poll();
		a.castVote('alice', true, 10n * NXM, T);
		const final = a.end + PAYOUT_COOLDOWN;
		expect(a.withdrawableRewardOf('alice', final)).toBe(0n);
		expect(a.withdrawReward('alice', final)).toBe(0n); // "withdraws zero amount if poll is not final"
		expect(a.withdrawableRewardOf('alice', final + 1n)).toBe(REWARD);
		expect(a.withdrawReward('alice', final + 1n)).toBe(REWARD);
		reverts(() => a.withdrawReward('alice', final + 2n), 'NoWithdrawableRewards');
		reverts(() => a.withdrawReward('bob', final + 2n), 'NoWithdrawableRewards');
	});

	test('property: rewards sum to at most the total, losing less than 1 wei per voter', () => {
		const rng = createPrng(11);
		for (let round = 0; round < 200; round++) {
			const total = BigInt(1 + rng.int(1_000_000_000)) * 10n ** 9n + BigInt(rng.int(1000));
			const a = poll(total);
			const n = 1 + rng.int(12);
			for (let i = 0; i < n; i++) {
				a.castVote(
					`v${i}`,
					i === 0 || rng.next() < 0.5,
					BigInt(1 + rng.int(1_000_000)) * 10n ** 12n,
					T + BigInt(i)
				);
			}
			const sum = a.votes.reduce((s, v) => s + a.rewardOf(v.voter), 0n);
			expect(sum <= total).toBe(true);
			expect(total - sum < BigInt(n)).toBe(true);
		}
	});
});

describe('processFraud (Assessment.sol 420-497, test/unit/Assessment/processFraud.js)', () => {
	test('a coordinated accept is undone before the poll is final: the outcome flips, honest voters share all', () => {
		const a = poll();
		for (const f of ['f1', 'f2', 'f3']) a.castVote(f, true, 100n * NXM, T + 1n);
		a.castVote('h1', false, 100n * NXM, T + 2n);
		a.castVote('h2', false, 100n * NXM, T + 3n);
		const end = a.end;
		expect(a.outcome(end)).toBe('accepted'); // 300 vs 200
		// governance proves the fraud 1 second before the poll is final
		const now = end + PAYOUT_COOLDOWN - 1n;
		for (const f of ['f1', 'f2', 'f3'])
			expect(a.processFraud(f, now)).toEqual({ removedFromPoll: true, burned: 100n * NXM });
		expect([a.accepted, a.denied]).toEqual([0n, 200n * NXM]);
		expect(a.end).toBe(now + DAY); // "extends the poll voting period" to now + 1 day
		expect(a.outcome(a.end - 1n)).toBe('pending');
		expect(a.outcome(a.end)).toBe('denied');
		expect(['f1', 'h1', 'h2'].map((v) => a.rewardOf(v))).toEqual([0n, REWARD / 2n, REWARD / 2n]);
		expect(a.stakeOf('f1')).toBe(0n);
		// nothing is on accept again, so a new vote must accept, and it restarts the 3 days
		reverts(() => a.castVote('late', false, NXM, now + 10n), 'AcceptVoteRequired');
		a.castVote('late', true, NXM, now + 10n);
		expect(a.end).toBe(now + 10n + MIN_VOTING_PERIOD);
	});

	test('skips polls that are outside the cooldown period, but the reward is still forfeited', () => {
		// processFraud.js "skips polls that are outside the cooldown period": poll 0 is final, poll 1 not
		const poll0 = poll();
		poll0.castVote('fraud', true, 100n * NXM, T + 1n); // end0 = T + 1 + 3 days
		const poll1 = new Assessment({ start: T + 2n, totalRewardInNXM: REWARD });
		poll1.castVote('fraud', true, 100n * NXM, T + 3n); // end1 = T + 3 + 3 days
		poll1.castVote('other1', false, 100n * NXM, T + 3n * DAY + 2n); // 1 s left: +1 day
		poll1.castVote('other2', false, 200n * NXM, T + 4n * DAY + 1n); // 2 s left: +1 day
		expect(poll1.end).toBe(T + 3n + 5n * DAY);
		const now = T + 6n * DAY; // poll 0 final since T + 1 + 4 days, poll 1 final at T + 3 + 6 days
		expect(poll0.processFraud('fraud', now, 100n * NXM).removedFromPoll).toBe(false);
		expect(poll1.processFraud('fraud', now, 100n * NXM).removedFromPoll).toBe(true);
		expect([poll0.accepted, poll0.denied]).toEqual([100n * NXM, 0n]);
		expect([poll1.accepted, poll1.denied]).toEqual([0n, 300n * NXM]);
		// "burn all fraudulent member rewards not claimed": the final poll's reward is gone too
		expect(poll0.withdrawableRewardOf('fraud', now)).toBe(0n);
		expect(poll0.outcome(now)).toBe('accepted');
	});

	test('at the exact second the poll becomes final, fraud no longer changes it', () => {
		const a = poll();
		a.castVote('fraud', true, 100n * NXM, T);
		expect(a.processFraud('fraud', a.end + PAYOUT_COOLDOWN)).toEqual({
			removedFromPoll: false,
			burned: 100n * NXM
		});
		expect(a.accepted).toBe(100n * NXM);
		expect(a.outcome(a.end)).toBe('accepted');
		expect(a.rewardOf('fraud')).toBe(0n);
	});

	test('extends the poll to now + 1 day when it ends sooner, even after the end', () => {
		const a = poll();
		a.castVote('fraud', true, 100n * NXM, T);
		const now = a.end; // processFraud.js: time set to poll.end
		a.processFraud('fraud', now);
		expect(a.end).toBe(now + DAY);
	});

	test('burns min(burnAmount, stake) once; processing again does nothing', () => {
		// "should do nothing when trying to process an already processed fraud": stake 100, burn 33
		const a = poll();
		a.castVote('fraud', true, 100n * NXM, T);
		expect(a.processFraud('fraud', T + 1n, 33n * NXM)).toEqual({
			removedFromPoll: true,
			burned: 33n * NXM
		});
		expect(a.stakeOf('fraud')).toBe(67n * NXM);
		expect(a.accepted).toBe(0n);
		expect(a.processFraud('fraud', T + 2n, 33n * NXM)).toEqual({
			removedFromPoll: false,
			burned: 0n
		});
		expect(a.stakeOf('fraud')).toBe(67n * NXM);
		const b = poll();
		b.castVote('fraud', true, 100n * NXM, T);
		expect(b.processFraud('fraud', T + 1n, 500n * NXM).burned).toBe(100n * NXM);
	});

	test('a reward already withdrawn stays withdrawn; the stake is still burned', () => {
		const a = poll();
		a.castVote('fraud', true, 100n * NXM, T);
		a.castVote('honest', true, 100n * NXM, T);
		const after = a.end + PAYOUT_COOLDOWN + 1n;
		expect(a.withdrawReward('fraud', after)).toBe(REWARD / 2n);
		expect(a.processFraud('fraud', after + 1n)).toEqual({
			removedFromPoll: false,
			burned: 100n * NXM
		});
		expect(a.rewardOf('honest')).toBe(REWARD / 2n);
	});

	test('an assessor with no vote here cannot be processed', () => {
		reverts(() => poll().processFraud('nobody', T), 'Panic(0x32)');
	});
});
