/**
 * Shared security, two ways a validator's stake backs more than one chain or service.
 *
 * (a) Cosmos Interchain Security (ICS): consumer chains run with the provider chain's validator
 * set; infractions seen on a consumer are punished on the provider's stake.
 * - Downtime, reported by a consumer (a SlashPacket over the CCV channel), only JAILS the
 *   validator on the provider: "validators are not slashed for downtime on consumer chains"
 *   (cosmos/interchain-security docs/docs/frequently-asked-questions.md 119-128 and
 *   docs/docs/features/slashing.md 15-21, at commit 1c995af3, April 2025). The provider also
 *   throttles how much of the set consumers can jail at once (ADR-002, docs/docs/adrs/
 *   adr-002-throttle.md); this model leaves throttling out.
 * - Double signing (equivocation) SLASHES `slashFractionDoubleSign` of the validator's stake,
 *   jails and TOMBSTONES it, once: a tombstoned validator is never slashed again and can never be
 *   unjailed, whatever the number of consumer chains or pieces of evidence
 *   (x/ccv/provider/keeper/consumer_equivocation.go 32-97 HandleConsumerDoubleVoting, 419-460
 *   JailAndTombstoneValidator "so that we cannot slash the validator more than once", 496-510
 *   SlashValidator refusing a tombstoned validator, at 1c995af3; ADR-013 line 90). The version
 *   modelled is the line with cryptographic equivocation verification (ADR-005,
 *   MsgSubmitConsumerDoubleVoting: valid evidence slashes and tombstones at once). In the v1-v3
 *   line the provider only recorded the double sign and a governance `EquivocationProposal` had to
 *   pass before the slash and tombstone (ADR-003; FAQ before commit 1294f904, May 2024).
 * - Evidence older than the unbonding period is refused: after it the stake may have left
 *   (ADR-005 lines 19-21: "Given a three-week unbonding period..."; cosmos/cosmos-sdk
 *   x/evidence/keeper/infraction.go at 04750254, "Reject evidence if the double-sign is too old").
 * - Parameters: the Cosmos SDK x/slashing defaults, `DefaultSlashFractionDoubleSign = 1/20` (5%)
 *   and `DefaultDowntimeJailDuration = 600 s` (cosmos/cosmos-sdk x/slashing/types/params.go 12-21
 *   at 086e5635); a 21-day unbonding period (the Cosmos Hub's; ADR-005 says three weeks). A
 *   consumer may set its own infraction parameters in later releases (ADR-020); the Hub's live
 *   values should be read on chain.
 * - Unjail refuses a tombstoned validator and one whose jail time has not passed
 *   (cosmos/cosmos-sdk x/slashing/keeper/unjail.go at 0f260f20, `if info.Tombstoned`).
 *
 * (b) Restaking with EigenLayer's slashing (ELIP-002, "Slashing via Unique Stake & Operator
 * Sets", eigenfoundation/ELIPs ELIPs/ELIP-002.md at aa39caf0, created 12 December 2024; live on
 * Ethereum mainnet on 17 April 2025, EigenLayer's announcement of 2 April 2025 as reported by
 * Cointelegraph, 3 April 2025). An operator's delegated stake is split by MAGNITUDES out of a
 * total magnitude that starts at 1e18; the stake allocated to an operator set is
 * `stake * magnitude / totalMagnitude`. A slash by one AVS of `wadToSlash` (1e18 = 100%) removes
 * `magnitude * wadToSlash / 1e18` from that set's magnitude AND from the total, and the operator's
 * stake falls in the same proportion, so every other set keeps its nominal stake ("slashing by
 * one Operator Set does not affect the magnitudes of EIGEN allocated to other Operator Sets",
 * ELIP-002 lines 518-538, whose 200 EIGEN example the unit test reproduces). Against it, the
 * POOLED model of EigenLayer's first design (ELIP-002 lines 734-742: "the entire stake delegated
 * to that Operator could be slashed by any of those AVSs"): every AVS is backed by the whole
 * stake, so one AVS's slash lowers the security of all.
 *
 * Amounts are bigint in the token's smallest unit (uatom, wei); times are unix seconds;
 * fractions are basis points (ICS) or WAD (EigenLayer).
 */
import { RevertError } from './revert.ts';

/** 10,000 basis points = 100%. */
export const BPS = 10_000n;
/** x/slashing DefaultSlashFractionDoubleSign = 1/20 (params.go 19): 500 bps. */
export const SLASH_FRACTION_DOUBLE_SIGN_BPS = 500n;
/** x/slashing DefaultDowntimeJailDuration = 60 * 10 s (params.go 14). */
export const DOWNTIME_JAIL_SECONDS = 600;
/** The Cosmos Hub's unbonding period, 21 days in seconds. */
export const UNBONDING_PERIOD_SECONDS = 21 * 86_400;
/** ELIP-002 INITIAL_TOTAL_MAGNITUDE and the WAD of `wadsToSlash`. */
export const WAD = 10n ** 18n;
export const INITIAL_TOTAL_MAGNITUDE = WAD;

/** ICS parameters of the model (defaults above). */
export type IcsParams = {
	slashFractionDoubleSignBps: bigint;
	downtimeJailSeconds: number;
	unbondingPeriodSeconds: number;
};

/** One provider validator: bonded stake (smallest units), jail state and what it lost. */
export type ValidatorState = {
	stake: bigint;
	jailed: boolean;
	/** unix seconds before which unjail is refused */
	jailedUntil: number;
	tombstoned: boolean;
	slashed: bigint;
};

/** What a piece of evidence did on the provider. */
export type EvidenceOutcome = 'jailed' | 'slashed' | 'ignored';

/**
 * The provider chain of ICS: its validators, the consumer chains that report to it, and the
 * handlers for their evidence. Methods throw RevertError with the provider's error text where
 * the provider refuses the message.
 */
export class ProviderChain {
	readonly params: IcsParams;
	readonly consumers = new Set<string>();
	readonly validators = new Map<string, ValidatorState>();
	/** stake removed by slashes (burned), smallest units */
	totalSlashed = 0n;

	constructor(params: Partial<IcsParams> = {}) {
		this.params = {
			slashFractionDoubleSignBps: SLASH_FRACTION_DOUBLE_SIGN_BPS,
			downtimeJailSeconds: DOWNTIME_JAIL_SECONDS,
			unbondingPeriodSeconds: UNBONDING_PERIOD_SECONDS,
			...params
		};
	}

	addConsumer(chain: string): void {
		this.consumers.add(chain);
	}

	/** Bond `amount` (smallest units) to `validator`. */
	bond(validator: string, amount: bigint): void {
		const v = this.validators.get(validator);
		if (v) v.stake += amount;
		else
			this.validators.set(validator, {
				stake: amount,
				jailed: false,
				jailedUntil: 0,
				tombstoned: false,
				slashed: 0n
			});
	}

	/** Sum of bonded stake. */
	totalStake(): bigint {
		let t = 0n;
		for (const v of this.validators.values()) t += v.stake;
		return t;
	}

	private get(validator: string): ValidatorState {
		const v = this.validators.get(validator);
		if (!v) throw new RevertError('unknown validator', `${validator} is not a provider validator.`);
		return v;
	}

	private consumer(chain: string): void {
		if (!this.consumers.has(chain))
			throw new RevertError(
				'unknown consumer',
				`${chain} is not a consumer chain of this provider.`
			);
	}

	/**
	 * A consumer's downtime report (relay.go HandleSlashPacket): jail until `now +
	 * downtimeJailSeconds`, never slash. A tombstoned validator's report is dropped ('ignored', as
	 * relay.go 452-460 drops it). Throws 'unknown consumer' / 'unknown validator'.
	 */
	handleDowntime(consumer: string, validator: string, now: number): EvidenceOutcome {
		this.consumer(consumer);
		const v = this.get(validator);
		if (v.tombstoned) return 'ignored';
		v.jailed = true;
		v.jailedUntil = Math.max(v.jailedUntil, now + this.params.downtimeJailSeconds);
		return 'jailed';
	}

	/**
	 * Evidence of a double sign at `infractionTime` on `consumer`
	 * (HandleConsumerDoubleVoting): slash `stake * slashFractionDoubleSignBps / BPS` (rounded
	 * down), jail, tombstone. Returns the amount slashed. Throws 'evidence too old' when
	 * `now - infractionTime > unbondingPeriodSeconds`, 'validator is tombstoned' for a second
	 * piece of evidence (SlashValidator 508-510), and the unknown-consumer/validator errors.
	 */
	handleDoubleSign(
		consumer: string,
		validator: string,
		infractionTime: number,
		now: number
	): bigint {
		this.consumer(consumer);
		const v = this.get(validator);
		if (now - infractionTime > this.params.unbondingPeriodSeconds)
			throw new RevertError(
				'evidence too old',
				`The double sign is ${now - infractionTime} s old, more than the ${this.params.unbondingPeriodSeconds} s unbonding period.`
			);
		if (v.tombstoned)
			throw new RevertError(
				'validator is tombstoned',
				`${validator} was already slashed and tombstoned for a double sign.`
			);
		const amount = (v.stake * this.params.slashFractionDoubleSignBps) / BPS;
		v.stake -= amount;
		v.slashed += amount;
		this.totalSlashed += amount;
		v.jailed = true;
		v.tombstoned = true;
		v.jailedUntil = Number.MAX_SAFE_INTEGER; // DoubleSignJailEndTime: jailed forever
		return amount;
	}

	/**
	 * x/slashing Unjail: refuse a tombstoned validator ('validator is tombstoned'), one not
	 * jailed ('validator not jailed') and one whose jail time has not passed ('validator still
	 * jailed').
	 */
	unjail(validator: string, now: number): void {
		const v = this.get(validator);
		if (!v.jailed) throw new RevertError('validator not jailed', `${validator} is not jailed.`);
		if (v.tombstoned)
			throw new RevertError('validator is tombstoned', `${validator} is tombstoned for good.`);
		if (now < v.jailedUntil)
			throw new RevertError(
				'validator still jailed',
				`${validator} is jailed until ${v.jailedUntil}, now is ${now}.`
			);
		v.jailed = false;
	}
}

/** An operator's state in the AllocationManager: stake and magnitudes per operator set. */
export type OperatorState = {
	/** delegated stake, smallest units */
	stake: bigint;
	/** starts at INITIAL_TOTAL_MAGNITUDE, only decreases */
	totalMagnitude: bigint;
	/** magnitude allocated to each operator set (one per AVS here) */
	allocations: Map<string, bigint>;
};

/**
 * EigenLayer's AllocationManager after ELIP-002, with unique stake: one operator set per AVS.
 * Throws RevertError 'insufficient magnitude' when allocations would exceed the total,
 * 'invalid wad' outside 0..1e18.
 */
export class AllocationManager {
	readonly operators = new Map<string, OperatorState>();
	/** stake burned by slashes, smallest units */
	burned = 0n;

	delegate(operator: string, amount: bigint): void {
		const o = this.operators.get(operator);
		if (o) o.stake += amount;
		else
			this.operators.set(operator, {
				stake: amount,
				totalMagnitude: INITIAL_TOTAL_MAGNITUDE,
				allocations: new Map()
			});
	}

	private get(operator: string): OperatorState {
		const o = this.operators.get(operator);
		if (!o) throw new RevertError('unknown operator', `${operator} has no delegation.`);
		return o;
	}

	/** Set `operator`'s magnitude for `avs` (modifyAllocations; delays left out). */
	allocate(operator: string, avs: string, magnitude: bigint): void {
		const o = this.get(operator);
		let encumbered = 0n;
		for (const [k, m] of o.allocations) if (k !== avs) encumbered += m;
		if (encumbered + magnitude > o.totalMagnitude)
			throw new RevertError(
				'insufficient magnitude',
				'Allocations cannot exceed the total magnitude.'
			);
		o.allocations.set(avs, magnitude);
	}

	/** The stake slashable by `avs`: `stake * magnitude / totalMagnitude` (rounded down). */
	allocatedStake(operator: string, avs: string): bigint {
		const o = this.get(operator);
		return (o.stake * (o.allocations.get(avs) ?? 0n)) / o.totalMagnitude;
	}

	/**
	 * slashOperator (ELIP-002 lines 503-538): remove `magnitude * wadToSlash / WAD` from `avs`'s
	 * allocation and from the total; the stake falls by `stake * slashedMagnitude /
	 * totalMagnitudeBefore`, burned. Returns the stake slashed.
	 */
	slashOperator(avs: string, operator: string, wadToSlash: bigint): bigint {
		if (wadToSlash < 0n || wadToSlash > WAD)
			throw new RevertError('invalid wad', 'wadToSlash must be between 0 and 1e18.');
		const o = this.get(operator);
		const magnitude = o.allocations.get(avs) ?? 0n;
		const slashedMagnitude = (magnitude * wadToSlash) / WAD;
		if (slashedMagnitude === 0n) return 0n;
		const amount = (o.stake * slashedMagnitude) / o.totalMagnitude;
		o.allocations.set(avs, magnitude - slashedMagnitude);
		o.totalMagnitude -= slashedMagnitude;
		o.stake -= amount;
		this.burned += amount;
		return amount;
	}
}

/**
 * The pooled comparison: every AVS in `avss` is backed by the operator's whole `stake`; a slash of
 * `wadToSlash` by any of them takes that share of the whole stake. Returns the stake backing each
 * AVS after the slash (all equal) and the amount slashed.
 */
export function pooledSlash(
	stake: bigint,
	avss: readonly string[],
	wadToSlash: bigint
): { slashed: bigint; backing: Map<string, bigint> } {
	if (wadToSlash < 0n || wadToSlash > WAD)
		throw new RevertError('invalid wad', 'wadToSlash must be between 0 and 1e18.');
	const slashed = (stake * wadToSlash) / WAD;
	return { slashed, backing: new Map(avss.map((a) => [a, stake - slashed])) };
}
