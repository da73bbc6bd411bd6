/**
 * Etherisc flight-delay insurance: the parametric payout table and the settlement rule, with the
 * contracts' exact integer math. Three versions are modelled; a lesson names the one it uses.
 *
 * Sources (line numbers at these commits):
 * - '0.1.6', the production product (`VERSION = "0.1.6"`): etherisc/flightdelay-contracts commit
 *   ffbb291f ("Final adjustments for production", 2022-01-19),
 *   `contracts-available/FlightDelayChainlink.sol` 25-50 (constants), 155-165 (cluster risk on
 *   application), 236-239 (fewer than 10 observations: declined, premium paid back), 258-265
 *   (premium multiplier), 293-325 (flightStatusCallback), 340-371 (calculatePayouts).
 * - '0.1.3': the same repository, commit 8750459b, `contracts/FlightDelayChainlink.sol` 25-45
 *   (constants), 246-278 (flightStatusCallback), 297-326 (calculatePayouts): no margin, premium 0
 *   to 25 tokens (the minimum was 0 "for testing purposes").
 * - 'gif-v3': etherisc/gif-next commit 495114db, `contracts/examples/flight/FlightLib.sol` 99-131
 *   (checkAndGetPayoutOption), 134-159 (calculateWeight), 162-196 (calculatePayoutAmounts);
 *   `FlightProduct.sol` 681-685 (weight pattern, 10 observations, 30% margin); the amounts set by
 *   `scripts/deploy_flightdelay_components.ts` 220-232 and `test/examples/flight/FlightBase.t.sol`
 *   222-226: FlightUSD (6 decimals), premium exactly 15 USD, at most 200 USD per option, 600 USD
 *   per flight.
 * The repository etherisc/flightDelay is the earlier Oraclize product (2016-2017): its weight is
 * not normalised by the number of observations, so it is a different formula and not modelled.
 *
 * Statistics are `[observations, late15, late30, late45, cancelled, diverted]` (counts of past
 * flights); payouts are in the option order `[15-29 min, 30-44 min, >= 45 min, cancelled,
 * diverted]`, in the premium's smallest unit (token wei with 18 decimals for 0.1.x, FlightUSD with
 * 6 decimals for GIF v3). With the weight pattern `[0, 0, 0, 30, 50, 50]` the two shorter delays pay
 * nothing in every version.
 *
 * Not modelled: the per-flight cluster-risk check (`maxTotalPayout` and the premium multiplier of
 * 0.1.6 lines 155-165 and 258-265) is given as a constant only, and the oracles are the caller's.
 */
import { PANIC_DIVISION_BY_ZERO, RevertError, requireUint } from './revert.ts';

export type FlightDelayVersion = '0.1.6' | '0.1.3' | 'gif-v3';

/** The constants of one version, in the premium's smallest unit. */
export type FlightDelayParams = {
	version: FlightDelayVersion;
	/** Decimals of the premium and payout token: 18 (0.1.x) or 6 (FlightUSD, GIF v3). */
	decimals: number;
	minPremium: bigint;
	maxPremium: bigint;
	/** Cap on each payout option. */
	maxPayout: bigint;
	/** Cap on what one flight may pay out over all its policies; null where the version has none. */
	maxTotalPayout: bigint | null;
	/** Fewer observations than this and the contract refuses to price the flight. */
	minObservations: bigint;
	/** Percent added to the weight, so every payout shrinks by 1/(1 + margin). */
	marginPercent: bigint;
	/** The contract's revert reasons for a premium too small, too large, and too few observations. */
	errors: { premiumTooSmall: string; premiumTooLarge: string; lowObservations: string };
	/** Where the figures come from. */
	source: string;
};

/** Weights of `[observations, late15, late30, late45, cancelled, diverted]`, the same in all three. */
export const WEIGHT_PATTERN: readonly bigint[] = [0n, 0n, 0n, 30n, 50n, 50n];

const TOKEN = 10n ** 18n;
const FLIGHT_USD = 10n ** 6n;

export const FLIGHT_DELAY_VERSIONS: Readonly<Record<FlightDelayVersion, FlightDelayParams>> = {
	'0.1.6': {
		version: '0.1.6',
		decimals: 18,
		minPremium: 15n * TOKEN,
		maxPremium: 15n * TOKEN,
		maxPayout: 750n * TOKEN,
		maxTotalPayout: 3n * 750n * TOKEN,
		minObservations: 10n,
		marginPercent: 30n,
		errors: {
			premiumTooSmall: 'ERROR:FDD-009:INVALID_PREMIUM',
			premiumTooLarge: 'ERROR:FDD-010:INVALID_PREMIUM',
			lowObservations: 'ERROR:FDD-011:LOW_OBSERVATIONS'
		},
		source:
			'etherisc/flightdelay-contracts ffbb291f contracts-available/FlightDelayChainlink.sol 25-50, 340-371'
	},
	'0.1.3': {
		version: '0.1.3',
		decimals: 18,
		minPremium: 0n,
		maxPremium: 25n * TOKEN,
		maxPayout: 750n * TOKEN,
		maxTotalPayout: null,
		minObservations: 10n,
		marginPercent: 0n,
		errors: {
			premiumTooSmall: 'ERROR:FDD-007:INVALID_PREMIUM',
			premiumTooLarge: 'ERROR:FDD-008:INVALID_PREMIUM',
			lowObservations: 'ERROR:FDD-009:LOW_OBSERVATIONS'
		},
		source:
			'etherisc/flightdelay-contracts 8750459b contracts/FlightDelayChainlink.sol 25-45, 297-326'
	},
	'gif-v3': {
		version: 'gif-v3',
		decimals: 6,
		minPremium: 15n * FLIGHT_USD,
		maxPremium: 15n * FLIGHT_USD,
		maxPayout: 200n * FLIGHT_USD,
		maxTotalPayout: 600n * FLIGHT_USD,
		minObservations: 10n,
		marginPercent: 30n,
		errors: {
			premiumTooSmall: 'ErrorFlightProductPremiumAmountTooSmall',
			premiumTooLarge: 'ErrorFlightProductPremiumAmountTooLarge',
			lowObservations: 'ErrorFlightProductNotEnoughObservations'
		},
		source:
			'etherisc/gif-next 495114db contracts/examples/flight/FlightLib.sol 134-196, FlightProduct.sol 681-685'
	}
};

function paramsOf(version: FlightDelayVersion): FlightDelayParams {
	const params = (FLIGHT_DELAY_VERSIONS as Record<string, FlightDelayParams | undefined>)[version];
	if (!params) {
		throw new RangeError(`version must be '0.1.6', '0.1.3' or 'gif-v3', got ${String(version)}`);
	}
	return params;
}

/**
 * The weight of a flight's statistics: `sum_i floor(w_i * stat_i * 10000 / stat_0)` for i = 1..5,
 * each term truncated on its own; 0 becomes `floor(100000 / stat_0)` (so payouts never divide by
 * zero for up to 100,000 observations); then `weight * (100 + margin) / 100`, truncated.
 * Throws a RevertError with the version's reason when `statistics[0]` is below 10.
 */
export function calculateWeight(
	statistics: readonly bigint[],
	version: FlightDelayVersion
): bigint {
	const params = paramsOf(version);
	checkStatistics(statistics);
	const observations = statistics[0];
	if (observations < params.minObservations) {
		throw new RevertError(
			params.errors.lowObservations,
			`${observations} past flights is fewer than the ${params.minObservations} observations needed to price this flight`
		);
	}
	let weight = 0n;
	for (let i = 1; i < 6; i++)
		weight += (WEIGHT_PATTERN[i] * statistics[i] * 10_000n) / observations;
	if (weight === 0n) weight = 100_000n / observations;
	return (weight * (100n + params.marginPercent)) / 100n;
}

/**
 * The payout table of a policy: `{ weight, payouts }` with `payouts[i] = min(maxPayout,
 * floor(premium * w_(i+1) * 10000 / weight))` in the option order `[15-29 min, 30-44 min, >= 45
 * min, cancelled, diverted]`, in the premium's smallest unit.
 *
 * - `premium`: token wei (18 decimals) for '0.1.6' and '0.1.3', FlightUSD (6 decimals) for 'gif-v3'.
 *   0.1.6 and GIF v3 accept exactly 15 tokens; 0.1.3 accepts 0 to 25.
 * - `statistics`: six counts `[observations, late15, late30, late45, cancelled, diverted]`.
 *
 * Throws a RevertError whose message is the contract's reason: a premium outside the version's range
 * (checked first, as the contracts do), fewer than 10 observations, or `Panic(0x12)` when more than
 * 100,000 observations with no delays leave a weight of 0 to divide by. Throws a TypeError or
 * RangeError for input that is not six whole bigints of at least 0.
 */
export function calculatePayouts(
	premium: bigint,
	statistics: bigint[],
	version: FlightDelayVersion
): { weight: bigint; payouts: bigint[] } {
	const params = paramsOf(version);
	requireUint(premium, 'premium');
	const unit = `${params.decimals === 18 ? 'token wei' : 'FlightUSD units'}`;
	if (premium < params.minPremium) {
		throw new RevertError(
			params.errors.premiumTooSmall,
			`a premium of ${premium} ${unit} is below version ${version}'s minimum of ${params.minPremium}`
		);
	}
	if (premium > params.maxPremium) {
		throw new RevertError(
			params.errors.premiumTooLarge,
			`a premium of ${premium} ${unit} is above version ${version}'s maximum of ${params.maxPremium}`
		);
	}
	const weight = calculateWeight(statistics, version);
	if (weight === 0n) {
		throw new RevertError(
			PANIC_DIVISION_BY_ZERO,
			`the weight is 0 (no delays in ${statistics[0]} observations, and 100000 / ${statistics[0]} rounds to 0), so the payouts divide by zero`
		);
	}
	const payouts: bigint[] = [];
	for (let i = 0; i < 5; i++) {
		const payout = (premium * WEIGHT_PATTERN[i + 1] * 10_000n) / weight;
		payouts.push(payout > params.maxPayout ? params.maxPayout : payout);
	}
	return { weight, payouts };
}

function checkStatistics(statistics: readonly bigint[]): void {
	if (!Array.isArray(statistics) || statistics.length !== 6) {
		throw new TypeError(
			'statistics must be six counts: [observations, late15, late30, late45, cancelled, diverted]'
		);
	}
	const names = ['observations', 'late15', 'late30', 'late45', 'cancelled', 'diverted'];
	statistics.forEach((value, i) => requireUint(value, `statistics[${i}] (${names[i]})`));
}

/** What the contract does with one flight-status report. */
export type FlightStatusOutcome =
	/** A payout option (0-4) fires. */
	| { kind: 'payout'; option: number }
	/** Landed less than 15 minutes late (or early): the policy expires with no payout. */
	| { kind: 'expire' }
	/** 'A' (still active): logged as unexpected, to be checked again later. */
	| { kind: 'recheck' }
	/** Any other status: logged as unprocessable, nothing happens. */
	| { kind: 'unprocessable' };

/**
 * The settlement rule of all three versions (0.1.6 FlightDelayChainlink.sol 301-324, 0.1.3 254-277,
 * GIF v3 FlightLib.sol 114-130): status `C` (cancelled) is option 3, `D` (diverted) option 4; `L`
 * (landed) with a delay of `>= 15 && < 30` minutes is option 0, `>= 30 && < 45` option 1, `>= 45`
 * option 2, anything less expires the policy; `A` (active) is re-checked later; any other status
 * (compared byte for byte, so `l` is not `L`) is unprocessable.
 *
 * `delayMinutes` is the oracle's int256 delay in whole minutes (negative = early); it only matters
 * for `L`, where a number that is not a whole number throws a RangeError.
 */
export function flightStatusOutcome(status: string, delayMinutes: number): FlightStatusOutcome {
	if (typeof status !== 'string')
		throw new TypeError('status must be a one-letter string such as "L"');
	if (status === 'C') return { kind: 'payout', option: 3 };
	if (status === 'D') return { kind: 'payout', option: 4 };
	if (status === 'A') return { kind: 'recheck' };
	if (status !== 'L') return { kind: 'unprocessable' };
	if (typeof delayMinutes !== 'number' || !Number.isInteger(delayMinutes)) {
		throw new RangeError(
			`delayMinutes must be a whole number of minutes, got ${String(delayMinutes)}`
		);
	}
	if (delayMinutes >= 15 && delayMinutes < 30) return { kind: 'payout', option: 0 };
	if (delayMinutes >= 30 && delayMinutes < 45) return { kind: 'payout', option: 1 };
	if (delayMinutes >= 45) return { kind: 'payout', option: 2 };
	return { kind: 'expire' };
}

/**
 * The payout option (0-4, an index into `calculatePayouts(...).payouts`) a flight-status report
 * selects, or null when it selects none (landed under 15 minutes late, still active, or an
 * unprocessable status); GIF v3 returns 255 (`type(uint8).max`) where this returns null. See
 * `flightStatusOutcome` for the rule and what throws.
 */
export function payoutOption(status: string, delayMinutes: number): number | null {
	const outcome = flightStatusOutcome(status, delayMinutes);
	return outcome.kind === 'payout' ? outcome.option : null;
}
