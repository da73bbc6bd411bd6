/**
 * The governor model against Compound's own tests (compound-protocol a3214f67,
 * tests/Governance/GovernorBravo/StateTest.js, ProposeTest.js, CastVoteTest.js, tests/TimelockTest.js)
 * and OpenZeppelin's (fddac901, test/governance/Governor.test.js,
 * test/governance/extensions/GovernorVotesQuorumFraction.test.js), plus the boundaries the
 * contracts' comparisons set (threshold, quorum, blocks, eta and grace period).
 */
import { describe, expect, test } from 'vitest';
import {
	ABSTAIN,
	AGAINST,
	BRAVO_QUORUM_VOTES,
	FOR,
	GRACE_PERIOD,
	GovernanceClock,
	Governor,
	MAXIMUM_DELAY,
	MINIMUM_DELAY,
	NOOP_ACTION,
	NOT_YET_DETERMINED,
	Timelock,
	VotesToken,
	meetsProposalThreshold,
	proposalState,
	quorumReached,
	type GovernorRules,
	type ProposalCore
} from '#lib/protocols/governor.ts';
import { RevertError } from '#lib/protocols/revert.ts';

const E18 = 10n ** 18n;
const DAY = 86_400;

/** The reason a call reverts with (fails the test when it does not revert). */
function reason(act: () => unknown): string {
	try {
		act();
	} catch (error) {
		if (error instanceof RevertError) return error.reason;
		throw error;
	}
	throw new Error('expected a revert');
}

/**
 * StateTest.js's world: time frozen at 100, Comp's 10M to root, a timelock of 4 days, a governor
 * with a voting period of 17,280 blocks, a delay of 1 block and a threshold of 100,000 COMP; acct
 * gets 4M COMP and delegates to itself, root delegates to itself.
 */
function stateTestWorld(rules: GovernorRules = 'bravo') {
	const clock = new GovernanceClock(1, 100);
	const token = new VotesToken(clock);
	token.mint('root', 10_000_000n * E18);
	const timelock = new Timelock(clock, 'governor', 4 * DAY);
	const gov = new Governor({
		rules,
		token,
		timelock,
		votingPeriod: 17_280,
		votingDelay: 1,
		proposalThreshold: 100_000n * E18
	});
	clock.mine();
	token.transfer('root', 'acct', 4_000_000n * E18);
	clock.mine();
	token.delegate('acct', 'acct');
	clock.mine();
	token.delegate('root', 'root');
	clock.mine();
	return { clock, token, timelock, gov };
}

/** A succeeded and queued proposal of acct's in the StateTest world; returns its id and eta. */
function queued(w: ReturnType<typeof stateTestWorld>) {
	const id = w.gov.propose('acct');
	w.clock.mine(2);
	w.gov.castVote('acct', id, FOR);
	w.clock.mine(20_000);
	w.clock.timestamp += 1;
	const eta = w.gov.queue(id);
	return { id, eta };
}

describe('VotesToken (Comp.sol checkpoints)', () => {
	test('votes follow delegation, transfers move them, getPriorVotes reads past blocks only', () => {
		const clock = new GovernanceClock(10, 0);
		const token = new VotesToken(clock);
		token.mint('a', 100n);
		expect(token.getCurrentVotes('a')).toBe(0n); // not delegated: votes for nobody
		clock.mine();
		token.delegate('a', 'a'); // block 11
		clock.mine();
		token.transfer('a', 'b', 30n); // block 12: b never delegated, so a loses 30 votes
		clock.mine();
		token.delegate('b', 'c'); // block 13
		clock.mine();
		expect(token.getPriorVotes('a', 10)).toBe(0n);
		expect(token.getPriorVotes('a', 11)).toBe(100n);
		expect(token.getPriorVotes('a', 12)).toBe(70n);
		expect(token.getPriorVotes('c', 12)).toBe(0n);
		expect(token.getPriorVotes('c', 13)).toBe(30n);
		expect(reason(() => token.getPriorVotes('a', clock.block))).toBe(NOT_YET_DETERMINED);
		expect(reason(() => token.getPriorVotes('a', clock.block + 5))).toBe(NOT_YET_DETERMINED);
	});

	test('two changes in one block leave one checkpoint (Comp.sol _writeCheckpoint)', () => {
		const clock = new GovernanceClock(5, 0);
		const token = new VotesToken(clock);
		token.mint('a', 50n);
		token.delegate('a', 'a');
		token.transfer('a', 'b', 20n);
		expect(token.checkpointsOf('a')).toEqual([{ fromBlock: 5, votes: 30n }]);
		expect(reason(() => token.transfer('b', 'a', 21n))).toBe(
			'Comp::_transferTokens: transfer amount exceeds balance'
		);
	});
});

describe('GovernorBravo#state/1 (StateTest.js)', () => {
	test('Invalid for proposal not found', () => {
		expect(reason(() => stateTestWorld().gov.state(5))).toBe(
			'GovernorBravo::state: invalid proposal id'
		);
	});

	test('Pending, then Active after two blocks, then Defeated with no votes', () => {
		const w = stateTestWorld();
		const id = w.gov.propose('root');
		expect(w.gov.state(id)).toBe('Pending');
		w.clock.mine(2);
		expect(w.gov.state(id)).toBe('Active');
		w.clock.mine(20_000);
		expect(w.gov.state(id)).toBe('Defeated');
	});

	test('Canceled once the proposer’s delegates are sent away', () => {
		const w = stateTestWorld();
		w.token.transfer('root', 'a0', 4_000_000n * E18);
		w.token.delegate('a0', 'a0');
		w.clock.mine();
		const id = w.gov.propose('a0');
		w.token.delegate('a0', 'root');
		w.clock.mine();
		w.gov.cancel('root', id);
		expect(w.gov.state(id)).toBe('Canceled');
	});

	test('Succeeded, Queued, then Queued at eta + GRACE_PERIOD - 1 and Expired at eta + GRACE_PERIOD', () => {
		const w = stateTestWorld();
		const id = w.gov.propose('acct');
		w.clock.mine(2);
		w.gov.castVote('acct', id, FOR);
		w.clock.mine(20_000);
		expect(w.gov.state(id)).toBe('Succeeded');
		w.clock.timestamp += 1;
		const eta = w.gov.queue(id);
		expect(eta).toBe(w.clock.timestamp + 4 * DAY);
		expect(w.gov.state(id)).toBe('Queued');
		w.clock.timestamp = eta + GRACE_PERIOD - 1;
		expect(w.gov.state(id)).toBe('Queued');
		w.clock.timestamp = eta + GRACE_PERIOD;
		expect(w.gov.state(id)).toBe('Expired');
		expect(reason(() => w.gov.execute(id))).toBe(
			'GovernorBravo::execute: proposal can only be executed if it is queued'
		);
	});

	test('Executed at eta + GRACE_PERIOD - 1, and still Executed when it would be expired', () => {
		const w = stateTestWorld();
		const { id, eta } = queued(w);
		w.clock.timestamp = eta + GRACE_PERIOD - 1;
		w.gov.execute(id);
		expect(w.gov.state(id)).toBe('Executed');
		w.clock.timestamp = eta + GRACE_PERIOD;
		expect(w.gov.state(id)).toBe('Executed');
	});

	test('a queued proposal cannot execute one second before eta, and can at eta', () => {
		const w = stateTestWorld();
		const { id, eta } = queued(w);
		w.clock.timestamp = eta - 1;
		expect(reason(() => w.gov.execute(id))).toBe(
			"Timelock::executeTransaction: Transaction hasn't surpassed time lock."
		);
		expect(w.gov.state(id)).toBe('Queued');
		w.clock.timestamp = eta;
		w.gov.execute(id);
		expect(w.gov.state(id)).toBe('Executed');
	});
});

describe('GovernorBravo#propose/5 (ProposeTest.js)', () => {
	test('startBlock is the proposal block + votingDelay, endBlock + votingPeriod', () => {
		const w = stateTestWorld();
		const proposalBlock = w.clock.block;
		const id = w.gov.propose('root');
		const p = w.gov.proposal(id)!;
		expect([p.startBlock, p.endBlock]).toEqual([proposalBlock + 1, proposalBlock + 1 + 17_280]);
		expect([p.forVotes, p.againstVotes, p.eta, p.canceled, p.executed]).toEqual([
			0n,
			0n,
			0,
			false,
			false
		]);
	});

	test('must provide actions; one live proposal per proposer (pending, then active)', () => {
		const w = stateTestWorld();
		expect(reason(() => w.gov.propose('root', []))).toBe(
			'GovernorBravo::propose: must provide actions'
		);
		w.gov.propose('root');
		expect(reason(() => w.gov.propose('root'))).toBe(
			'GovernorBravo::propose: one live proposal per proposer, found an already pending proposal'
		);
		w.clock.mine(2);
		expect(reason(() => w.gov.propose('root'))).toBe(
			'GovernorBravo::propose: one live proposal per proposer, found an already active proposal'
		);
	});

	test('propose reads the proposer’s votes at the block before: a delegation in the same block is not seen', () => {
		const w = stateTestWorld();
		w.token.transfer('root', 'late', 200_000n * E18);
		w.token.delegate('late', 'late');
		expect(reason(() => w.gov.propose('late'))).toBe(
			'GovernorBravo::propose: proposer votes below proposal threshold'
		);
		w.clock.mine();
		expect(w.gov.propose('late')).toBe(1);
	});
});

describe('proposal threshold: strictly greater (Bravo) against at least (OZ)', () => {
	for (const [rules, exactly, oneMore, oneLess] of [
		['bravo', 'GovernorBravo::propose: proposer votes below proposal threshold', 1, null],
		['oz', 1, 1, 'GovernorInsufficientProposerVotes']
	] as const) {
		test(`${rules}: exactly the threshold ${exactly === 1 ? 'proposes' : 'reverts'}`, () => {
			const at = (votes: bigint) => {
				const w = stateTestWorld(rules);
				w.token.transfer('root', 'p', votes);
				w.token.delegate('p', 'p');
				w.clock.mine();
				try {
					return w.gov.propose('p');
				} catch (error) {
					if (error instanceof RevertError) return error.reason;
					throw error;
				}
			};
			const threshold = 100_000n * E18;
			expect(at(threshold)).toBe(exactly);
			expect(at(threshold + 1n)).toBe(oneMore);
			if (oneLess) expect(at(threshold - 1n)).toBe(oneLess);
		});
	}

	test('the pure rule', () => {
		const t = 1_000n;
		expect([t - 1n, t, t + 1n].map((v) => meetsProposalThreshold('bravo', v, t))).toEqual([
			false,
			false,
			true
		]);
		expect([t - 1n, t, t + 1n].map((v) => meetsProposalThreshold('oz', v, t))).toEqual([
			false,
			true,
			true
		]);
		// OZ skips the check for a threshold of 0; Bravo needs more than 0 votes
		expect(meetsProposalThreshold('oz', 0n, 0n)).toBe(true);
		expect(meetsProposalThreshold('bravo', 0n, 0n)).toBe(false);
	});
});

describe('quorum: For only (Bravo) against For + Abstain (OZ)', () => {
	/** Votes For and Abstain (and Against) by fresh delegates, then the state after endBlock. */
	function outcome(
		rules: GovernorRules,
		votes: { for: bigint; abstain?: bigint; against?: bigint }
	) {
		const w = stateTestWorld(rules);
		const voters: [string, bigint, number][] = [
			['f', votes.for, FOR],
			['x', votes.abstain ?? 0n, ABSTAIN],
			['n', votes.against ?? 0n, AGAINST]
		];
		for (const [who, amount] of voters) {
			w.token.transfer('root', who, amount);
			w.token.delegate(who, who);
		}
		w.clock.mine();
		const id = w.gov.propose('acct');
		w.clock.mine(2);
		for (const [who, amount, support] of voters)
			if (amount > 0n) expect(w.gov.castVote(who, id, support)).toBe(amount);
		w.clock.mine(17_280);
		return w.gov.state(id);
	}
	const Q = BRAVO_QUORUM_VOTES;

	test('Bravo: exactly 400,000 COMP For succeeds, one wei less is defeated', () => {
		expect(outcome('bravo', { for: Q })).toBe('Succeeded');
		expect(outcome('bravo', { for: Q - 1n })).toBe('Defeated');
		expect(outcome('bravo', { for: Q + 1n })).toBe('Succeeded');
	});

	test('Bravo: abstain does not count toward the quorum; OZ: it does', () => {
		const votes = { for: Q - 1n, abstain: 1n };
		expect(outcome('bravo', votes)).toBe('Defeated');
		expect(outcome('oz', votes)).toBe('Succeeded');
		expect(outcome('oz', { for: Q - 2n, abstain: 1n })).toBe('Defeated');
	});

	test('both need For strictly over Against: a tie is defeated', () => {
		expect(outcome('bravo', { for: Q, against: Q })).toBe('Defeated');
		expect(outcome('oz', { for: Q, against: Q })).toBe('Defeated');
		expect(outcome('oz', { for: Q + 1n, against: Q })).toBe('Succeeded');
	});

	test('the pure rule', () => {
		const t = { forVotes: 9n, againstVotes: 0n, abstainVotes: 1n };
		expect(quorumReached('bravo', t, 10n)).toBe(false);
		expect(quorumReached('oz', t, 10n)).toBe(true);
		expect(quorumReached('bravo', { ...t, forVotes: 10n }, 10n)).toBe(true);
	});
});

describe('GovernorVotesQuorumFraction.test.js (OZ): supply 100, quorum 8%', () => {
	function world() {
		const clock = new GovernanceClock(1, 1_000);
		const token = new VotesToken(clock);
		token.mint('owner', 100n * E18);
		clock.mine();
		for (const [who, amount] of [
			['voter1', 10n],
			['voter2', 7n],
			['voter3', 5n],
			['voter4', 2n]
		] as const) {
			token.transfer('owner', who, amount * E18);
			token.delegate(who, who);
		}
		clock.mine();
		const timelock = new Timelock(clock, 'governor', MINIMUM_DELAY);
		const gov = new Governor({
			rules: 'oz',
			token,
			timelock,
			votingDelay: 4,
			votingPeriod: 16,
			proposalThreshold: 0n,
			quorumNumerator: 8n
		});
		return { clock, gov };
	}

	test('quorum(clock - 1) is 8 tokens', () => {
		const { clock, gov } = world();
		expect(gov.quorum(clock.block - 1)).toBe(8n * E18);
	});

	for (const [voter, want] of [
		['voter1', 'Succeeded'],
		['voter2', 'Defeated']
	] as const) {
		test(`${voter} alone For: ${want}`, () => {
			const { clock, gov } = world();
			const id = gov.propose('owner');
			clock.mine(5); // waitForSnapshot
			gov.castVote(voter, id, FOR);
			clock.mine(16); // waitForDeadline
			expect(gov.state(id)).toBe(want);
		});
	}
});

describe('weights at startBlock', () => {
	test('votes delegated after startBlock weigh 0; a transfer after it does not move the vote', () => {
		const w = stateTestWorld();
		const id = w.gov.propose('root');
		const start = w.gov.proposal(id)!.startBlock;
		w.clock.mine(); // block startBlock: a delegation here is at startBlock and still counts
		w.token.transfer('root', 'early', 1_000n * E18);
		w.token.delegate('early', 'early');
		w.clock.mine(); // startBlock + 1: too late
		w.token.transfer('root', 'late', 500_000n * E18);
		w.token.delegate('late', 'late');
		w.clock.mine();
		expect(w.clock.block).toBe(start + 2);
		expect(w.gov.castVote('late', id, FOR)).toBe(0n);
		expect(w.gov.castVote('early', id, FOR)).toBe(1_000n * E18);
		// acct sends its tokens away after startBlock: its weight stays 4M
		w.token.transfer('acct', 'root', 4_000_000n * E18);
		expect(w.gov.castVote('acct', id, AGAINST)).toBe(4_000_000n * E18);
		expect(reason(() => w.gov.castVote('acct', id, FOR))).toBe(
			'GovernorBravo::castVoteInternal: voter already voted'
		);
		expect(reason(() => w.gov.castVote('root', id, 3))).toBe(
			'GovernorBravo::castVoteInternal: invalid vote type'
		);
	});

	test('voting is closed at startBlock and after endBlock (CastVoteTest.js)', () => {
		const w = stateTestWorld();
		const id = w.gov.propose('root');
		w.clock.mine(); // block == startBlock
		expect(reason(() => w.gov.castVote('acct', id, FOR))).toBe(
			'GovernorBravo::castVoteInternal: voting is closed'
		);
		w.clock.mine(17_280); // block == endBlock
		expect(w.gov.castVote('acct', id, FOR)).toBe(4_000_000n * E18);
		w.clock.mine(); // endBlock + 1
		expect(reason(() => w.gov.castVote('root', id, FOR))).toBe(
			'GovernorBravo::castVoteInternal: voting is closed'
		);
	});
});

describe('proposalState at the boundary blocks and times', () => {
	const p: ProposalCore = {
		startBlock: 100,
		endBlock: 200,
		forVotes: 5n,
		againstVotes: 1n,
		abstainVotes: 0n,
		eta: 0,
		canceled: false,
		executed: false
	};
	const opts = { rules: 'bravo' as const, quorum: 5n };
	const at = (block: number, timestamp = 0, q: ProposalCore = p) =>
		proposalState(q, { block, timestamp }, opts);

	test('Pending through startBlock, Active through endBlock, then the outcome', () => {
		expect([99, 100, 101, 200, 201].map((b) => at(b))).toEqual([
			'Pending',
			'Pending',
			'Active',
			'Active',
			'Succeeded'
		]);
		expect(at(201, 0, { ...p, forVotes: 4n })).toBe('Defeated');
		expect(at(150, 0, { ...p, canceled: true })).toBe('Canceled');
	});

	test('Queued until eta + GRACE_PERIOD - 1, Expired from eta + GRACE_PERIOD', () => {
		const q = { ...p, eta: 1_000_000 };
		expect(at(300, q.eta - 1, q)).toBe('Queued');
		expect(at(300, q.eta, q)).toBe('Queued');
		expect(at(300, q.eta + GRACE_PERIOD - 1, q)).toBe('Queued');
		expect(at(300, q.eta + GRACE_PERIOD, q)).toBe('Expired');
		expect(at(300, q.eta + GRACE_PERIOD, { ...q, executed: true })).toBe('Executed');
	});
});

describe('Timelock (TimelockTest.js)', () => {
	const call = { ...NOOP_ACTION, target: 'timelock', signature: 'setDelay(uint256)' };

	test('the delay must lie within 2 and 30 days', () => {
		const clock = new GovernanceClock(1, 100);
		expect(reason(() => new Timelock(clock, 'root', MINIMUM_DELAY - 1))).toBe(
			'Timelock::constructor: Delay must exceed minimum delay.'
		);
		expect(reason(() => new Timelock(clock, 'root', MAXIMUM_DELAY + 1))).toBe(
			'Timelock::setDelay: Delay must not exceed maximum delay.'
		);
		expect(new Timelock(clock, 'root', MINIMUM_DELAY).delay).toBe(2 * DAY);
		expect(new Timelock(clock, 'root', MAXIMUM_DELAY).delay).toBe(30 * DAY);
		const t = new Timelock(clock, 'root', 7 * DAY);
		expect(reason(() => t.setDelay('root', 14 * DAY))).toBe(
			'Timelock::setDelay: Call must come from Timelock.'
		);
	});

	test('queue needs eta >= now + delay; execute from eta to eta + GRACE_PERIOD inclusive', () => {
		const clock = new GovernanceClock(1, 100);
		const delay = 7 * DAY;
		const t = new Timelock(clock, 'root', delay);
		const eta = 100 + delay;
		expect(reason(() => t.queueTransaction('notAdmin', call, eta))).toBe(
			'Timelock::queueTransaction: Call must come from admin.'
		);
		expect(reason(() => t.queueTransaction('root', call, eta - 1))).toBe(
			'Timelock::queueTransaction: Estimated execution block must satisfy delay.'
		);
		t.queueTransaction('root', call, eta);
		expect(t.isQueued(call, eta)).toBe(true);
		expect(reason(() => t.executeTransaction('root', call, eta + 1))).toBe(
			"Timelock::executeTransaction: Transaction hasn't been queued."
		);
		expect(reason(() => t.executeTransaction('root', call, eta))).toBe(
			"Timelock::executeTransaction: Transaction hasn't surpassed time lock."
		);
		clock.timestamp = eta + GRACE_PERIOD + 1;
		expect(reason(() => t.executeTransaction('root', call, eta))).toBe(
			'Timelock::executeTransaction: Transaction is stale.'
		);
		clock.timestamp = eta + GRACE_PERIOD;
		t.executeTransaction('root', call, eta);
		expect(t.isQueued(call, eta)).toBe(false);
	});
});

describe('governor settings (Bravo initialize bounds)', () => {
	test('a voting period under 5,760 blocks is refused under Bravo, allowed under OZ', () => {
		const clock = new GovernanceClock();
		const token = new VotesToken(clock);
		const timelock = new Timelock(clock, 'governor', MINIMUM_DELAY);
		const base = { token, timelock, votingDelay: 1, proposalThreshold: 1_000n * E18 };
		expect(reason(() => new Governor({ ...base, rules: 'bravo', votingPeriod: 5_759 }))).toBe(
			'GovernorBravo::initialize: invalid voting period'
		);
		expect(new Governor({ ...base, rules: 'oz', votingPeriod: 10 }).votingPeriod).toBe(10);
	});
});
