/**
 * Infrastructure that fails together: validators labelled by hosting provider and region, a set
 * of providers (or regions) switched off, and what a stake-weighted BFT chain can still do.
 * Exact integer arithmetic over bigint stakes (lamports for Solana, 1 SOL = 10^9 lamports).
 *
 * The thresholds, in stake:
 * - **Liveness.** A block is confirmed when validators with MORE than 2/3 of the stake vote for
 *   it. Solana: solana-labs/solana `core/src/vote_stake_tracker.rs` at commit a479fb4f, lines
 *   27-29 (`threshold_stake = (total_stake as f64 * threshold) as u64; old_stake <=
 *   threshold_stake && threshold_stake < new_stake`, with `VOTE_THRESHOLD_SIZE = 2/3`; its test
 *   confirms at 7 of 10 and not at 6). Tendermint: "+2/3" of the voting power (Buchman, Kwon and
 *   Milosevic, "The latest gossip on BFT consensus", arXiv 1807.04938, 2018). So the chain keeps
 *   liveness only while the stake online is more than 2/3, that is while the stake offline is
 *   LESS than 1/3: exactly 1/3 offline already halts (2/3 online is not more than 2/3).
 * - **Safety.** Two quorums of more than 2/3 each overlap in more than 1/3 of the stake. An
 *   adversary holding at most 1/3 cannot be the whole overlap, so no two conflicting blocks are
 *   both confirmed. With more than 1/3 it can be the whole overlap and, with a network split of the
 *   honest validators, confirm two conflicting blocks; with more than 2/3 it is a quorum on its own
 *   and confirms what it likes. With at least 1/3 it can also halt the chain by not voting.
 * - **Nakamoto coefficient by provider**: the fewest providers whose validators together hold
 *   more than a threshold share (1/3: the providers that can halt the chain by switching off),
 *   `nakamotoCoefficient` of concentration.ts over the providers' summed stakes.
 */
import { nakamotoCoefficient, type Fraction, type Threshold } from './concentration.ts';

/** One validator: its stake in smallest units (lamports), hosting provider and region labels. */
export type HostedValidator = {
	/** identity label (a vote account or a name) */
	id: string;
	/** stake in smallest units (lamports), >= 0 */
	stake: bigint;
	/** hosting provider (an ASN's company: "Hetzner", "OVH") */
	provider: string;
	/** region or data centre ("Falkenstein, DE") */
	region: string;
};

/** What is switched off (a crash fault) or held by an adversary (a Byzantine fault). */
export type Outage = { providers?: readonly string[]; regions?: readonly string[] };

/** More than one third: the liveness line. */
export const ONE_THIRD: Threshold = { numerator: 1n, denominator: 3n };
/** More than two thirds: the quorum line. */
export const TWO_THIRDS: Threshold = { numerator: 2n, denominator: 3n };

function checkValidators(validators: readonly HostedValidator[]): bigint {
	let total = 0n;
	for (const [i, v] of validators.entries()) {
		if (typeof v.stake !== 'bigint') throw new TypeError(`validators[${i}].stake is not a bigint`);
		if (v.stake < 0n) throw new RangeError(`validators[${i}].stake is negative (${v.stake})`);
		total += v.stake;
	}
	return total;
}

/** Total stake of `validators`, in smallest units. @throws RangeError for a negative stake */
export function totalStake(validators: readonly HostedValidator[]): bigint {
	return checkValidators(validators);
}

/** Whether `v` is hit by `outage`: its provider or its region is listed. */
export function isHit(v: HostedValidator, outage: Outage): boolean {
	return !!(outage.providers?.includes(v.provider) || outage.regions?.includes(v.region));
}

/**
 * Stake of the validators the outage hits (hosted at a listed provider or in a listed region;
 * a validator hit by both counts once), in smallest units.
 * @throws RangeError for a negative stake; TypeError for a stake that is not a bigint
 */
export function offlineStake(validators: readonly HostedValidator[], outage: Outage): bigint {
	checkValidators(validators);
	let sum = 0n;
	for (const v of validators) if (isHit(v, outage)) sum += v.stake;
	return sum;
}

/**
 * Stake summed per provider (or per region with `by: 'region'`), largest first, ties by name.
 * @throws RangeError for a negative stake
 */
export function stakeBy(
	validators: readonly HostedValidator[],
	by: 'provider' | 'region' = 'provider'
): { name: string; stake: bigint; validators: number }[] {
	checkValidators(validators);
	const groups = new Map<string, { stake: bigint; validators: number }>();
	for (const v of validators) {
		const key = by === 'provider' ? v.provider : v.region;
		const g = groups.get(key) ?? { stake: 0n, validators: 0 };
		g.stake += v.stake;
		g.validators += 1;
		groups.set(key, g);
	}
	return [...groups.entries()]
		.map(([name, g]) => ({ name, ...g }))
		.sort((a, b) =>
			a.stake > b.stake
				? -1
				: a.stake < b.stake
					? 1
					: a.name < b.name
						? -1
						: a.name > b.name
							? 1
							: 0
		);
}

/**
 * Liveness with `offline` of `total` stake switched off: the stake online must be more than
 * 2/3 of the total (Solana's vote_stake_tracker.rs, Tendermint's +2/3), i.e. `3·offline < total`.
 * Exactly 1/3 offline halts; one lamport less keeps the chain live. An empty chain (total 0) has
 * no quorum and is not live.
 * @throws RangeError when offline is negative or more than total
 */
export function isLive(offline: bigint, total: bigint): boolean {
	if (offline < 0n || offline > total)
		throw new RangeError(`offline stake ${offline} is outside [0, ${total}]`);
	return 3n * (total - offline) > 2n * total;
}

/** What an adversary's stake allows against safety (see safetyVerdict). */
export type SafetyVerdict = 'safe' | 'fork-with-partition' | 'own-quorum';

/**
 * What an adversary holding `byzantine` of `total` stake can do to safety:
 * - `'safe'`: at most 1/3 (`3·b <= total`): no two conflicting blocks can both be confirmed;
 * - `'fork-with-partition'`: more than 1/3: it can be the whole overlap of two quorums and, with a
 *   network split of the honest validators, confirm two conflicting blocks;
 * - `'own-quorum'`: more than 2/3 (`3·b > 2·total`): it confirms whatever it signs, alone.
 * @throws RangeError when byzantine is negative or more than total
 */
export function safetyVerdict(byzantine: bigint, total: bigint): SafetyVerdict {
	if (byzantine < 0n || byzantine > total)
		throw new RangeError(`byzantine stake ${byzantine} is outside [0, ${total}]`);
	if (3n * byzantine > 2n * total) return 'own-quorum';
	if (3n * byzantine > total) return 'fork-with-partition';
	return 'safe';
}

/** Everything the lesson asks about one outage. */
export type OutageReport = {
	total: bigint;
	offline: bigint;
	/** offline / total, exact (denominator 1 when total is 0) */
	offlineShare: Fraction;
	/** validators hit */
	validatorsOffline: number;
	live: boolean;
	/** if the outage's providers were an adversary instead of switched off */
	safety: SafetyVerdict;
	/** an adversary holding them could halt the chain by not voting (at least 1/3) */
	canHalt: boolean;
};

/**
 * The report for one outage over `validators`.
 * @throws RangeError for a negative stake
 */
export function outageReport(validators: readonly HostedValidator[], outage: Outage): OutageReport {
	const total = checkValidators(validators);
	const offline = offlineStake(validators, outage);
	return {
		total,
		offline,
		offlineShare: { numerator: offline, denominator: total === 0n ? 1n : total },
		validatorsOffline: validators.filter((v) => isHit(v, outage)).length,
		live: isLive(offline, total),
		safety: safetyVerdict(offline, total),
		canHalt: total > 0n && 3n * offline >= total
	};
}

/**
 * The Nakamoto coefficient by provider (or region): the fewest providers whose validators
 * together hold more than `threshold` of the stake (`nakamotoCoefficient` of concentration.ts
 * over `stakeBy`), Infinity when unreachable. Halting needs AT LEAST 1/3 offline, so the number
 * of providers whose switching off halts the chain is this with `{ ...ONE_THIRD, inclusive:
 * true }` (`providersToHalt`); the two differ only when some top-k sum is exactly 1/3.
 * @throws RangeError for a negative stake or a threshold outside [0, 1]
 */
export function nakamotoByProvider(
	validators: readonly HostedValidator[],
	threshold: Threshold,
	by: 'provider' | 'region' = 'provider'
): number {
	return nakamotoCoefficient(
		stakeBy(validators, by).map((g) => g.stake),
		threshold
	);
}

/**
 * The fewest providers whose switching off halts the chain (offline at least 1/3 of the stake),
 * and which: the largest first, greedily, which is optimal because any k providers hold at most
 * what the k largest hold. null when even all of them do not (an empty set).
 */
export function providersToHalt(
	validators: readonly HostedValidator[]
): { count: number; providers: string[] } | null {
	const groups = stakeBy(validators);
	const total = groups.reduce((a, g) => a + g.stake, 0n);
	let sum = 0n;
	for (const [i, g] of groups.entries()) {
		sum += g.stake;
		if (!isLive(sum, total))
			return { count: i + 1, providers: groups.slice(0, i + 1).map((x) => x.name) };
	}
	return null;
}
