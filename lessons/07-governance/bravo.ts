// The governance lessons' world: a Comp-like VotesToken and the learner's governor on the chain,
// and the reference model (src/lib/protocols/governor.ts) fed the same transactions at the same
// blocks and times, so a check can ask both for a proposal's state at an exact block.
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import {
	GovernanceClock,
	Governor,
	Timelock,
	VotesToken,
	type GovernorRules,
	type ProposalStateName
} from '#lib/protocols/governor.ts';
import { RevertError } from '#lib/protocols/revert.ts';
import { formatTokens } from '#lib/model/units.ts';

export const E18 = 10n ** 18n;
export const DAY = 86_400;
/** Comp.sol's supply: 10,000,000 COMP. */
export const SUPPLY = 10_000_000n * E18;
/** Compound's settings (docs.compound.finance/v2/governance): 25,000 COMP to propose, 400,000 For. */
export const PROPOSAL_THRESHOLD = 25_000n * E18;
export const QUORUM_VOTES = 400_000n * E18;
/** 2 and 3 days at 13.15 s a block: the docs' review period and vote. */
export const VOTING_DELAY = 13_140;
export const VOTING_PERIOD = 19_710;
/** Compound's timelock delay, 2 days (Timelock.sol's MINIMUM_DELAY). */
export const TIMELOCK_DELAY = 2 * DAY;
/** 1 December 2026 00:00 UTC: the lessons' genesis (illustrative). */
export const GENESIS = 1_796_083_200;
/** The support values of castVote. */
export const SUPPORT = ['Against', 'For', 'Abstain'] as const;

export const comp = (wei: bigint) => formatTokens(wei, 'COMP', 18);
export const reasonOf = (r: Receipt) => r.error?.message ?? 'no reason given';
const name = (who: string) => who[0].toUpperCase() + who.slice(1);
export { name as displayName };

/** The reference's revert reason for `act`, or its value. */
export function attempt<T>(act: () => T): { ok: true; value: T } | { ok: false; reason: string } {
	try {
		return { ok: true, value: act() };
	} catch (error) {
		if (error instanceof RevertError) return { ok: false, reason: error.reason };
		throw error;
	}
}

export type WorldOptions = {
	/** the learner's governor file */
	file: string;
	rules: GovernorRules;
	/** COMP wei per holder; each delegates to itself unless `undelegated` names it */
	holders: Record<string, bigint>;
	undelegated?: string[];
	/** constructor args after the token's address */
	args?: unknown[];
	/** the governor's display name (default: its file's name) */
	name?: string;
};

/** The chain's token and governor with the reference model beside them. */
export class GovernanceWorld {
	readonly clock: GovernanceClock;
	readonly refToken: VotesToken;
	readonly refTimelock: Timelock;
	readonly ref: Governor;
	readonly token: string;
	readonly governor: string;

	/**
	 * @param base a world whose token (and holders) this one shares: only a second governor is
	 *   deployed, with its own reference governor over the same reference token
	 */
	constructor(
		readonly s: ScenarioContext,
		readonly options: WorldOptions,
		base?: GovernanceWorld
	) {
		this.clock = base?.clock ?? new GovernanceClock(s.blockNumber(), s.time(), s.chain.blockTime);
		this.refToken = base?.refToken ?? new VotesToken(this.clock);
		this.token =
			base?.token ?? s.deploy('contracts/VotesToken.ts', { from: 'treasury', args: [SUPPLY] });
		this.sync();
		if (!base) this.refToken.mint('treasury', SUPPLY);
		this.refTimelock = new Timelock(this.clock, 'governor', TIMELOCK_DELAY);
		this.ref = new Governor({
			rules: options.rules,
			token: this.refToken,
			timelock: this.refTimelock,
			votingDelay: VOTING_DELAY,
			votingPeriod: VOTING_PERIOD,
			proposalThreshold: PROPOSAL_THRESHOLD,
			quorumVotes: QUORUM_VOTES
		});
		this.governor = s.deploy(options.file, {
			from: 'deployer',
			args: [this.token, ...(options.args ?? [])],
			...(options.name ? { name: options.name } : {})
		});
		if (base) return;
		for (const [who, amount] of Object.entries(options.holders)) {
			this.tx('treasury', this.token, 'transfer', [s.address(who), amount], () =>
				this.refToken.transfer('treasury', who, amount)
			);
			if (!options.undelegated?.includes(who))
				this.tx(who, this.token, 'delegate', [s.address(who)], () =>
					this.refToken.delegate(who, who)
				);
		}
	}

	/** The reference clock at the chain's head (the block a transaction just ran in, or a view reads). */
	sync(): void {
		this.clock.block = this.s.blockNumber();
		this.clock.timestamp = this.s.time();
	}

	/**
	 * Send a transaction, then apply `model` to the reference at the same block and time.
	 * @throws Error when the token's own setup transactions fail (the lesson's files, not the learner's)
	 */
	tx<T>(from: string, to: string, method: string, args: unknown[], model: () => T) {
		const receipt = this.s.send({ from, to, method, args });
		this.sync();
		const ref = attempt(model);
		if (to === this.token && receipt.status !== 'success')
			throw new Error(`${method} on the token failed: ${reasonOf(receipt)}`);
		return { receipt, ref };
	}

	/** `who` proposes on both governors. */
	propose(who: string, description: string) {
		return this.tx(who, this.governor, 'propose', [description], () => this.ref.propose(who));
	}

	/**
	 * `who` votes on both governors (on `refId` in the reference, when its id differs); `weight`
	 * is what the reference counted (0 when it refused).
	 */
	vote(who: string, id: number, support: number, refId = id) {
		const r = this.tx(who, this.governor, 'castVote', [id, support], () =>
			this.ref.castVote(who, refId, support)
		);
		return { ...r, weight: r.ref.ok ? (r.ref.value as bigint) : 0n };
	}

	queue(who: string, id: number, refId = id) {
		return this.tx(who, this.governor, 'queue', [id], () => this.ref.queue(refId));
	}

	execute(who: string, id: number, refId = id) {
		return this.tx(who, this.governor, 'execute', [id], () => this.ref.execute(refId));
	}

	cancel(who: string, id: number, refId = id) {
		return this.tx(who, this.governor, 'cancel', [id], () => this.ref.cancel(who, refId));
	}

	/** Mine empty blocks until the head is block `n` (never back). */
	mineTo(n: number): void {
		const head = this.s.blockNumber();
		if (n > head) this.s.mine(n - head);
		this.sync();
	}

	/** Mine one block at unix time `t` (or the next block time, if later). */
	mineAt(t: number): void {
		if (t > this.s.time()) this.s.chain.warp(t - this.s.time());
		this.s.mine(1);
		this.sync();
	}

	/** What the learner's state(id) returns at the head, or why it failed. */
	state(id: number): string {
		try {
			return String(this.s.view(this.governor, 'state', [id]));
		} catch (error) {
			return `an error (${error instanceof Error ? error.message : String(error)})`;
		}
	}

	/** The reference's state at the head. */
	refState(id: number): ProposalStateName {
		this.sync();
		return this.ref.state(id);
	}
}
