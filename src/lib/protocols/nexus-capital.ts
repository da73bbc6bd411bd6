/**
 * Nexus Mutual v2 capital: the minimum capital requirement (MCR) the pool must hold against its
 * active cover, how the stored MCR moves toward it, and the MCR ratio. Exact integer math.
 *
 * Sources: NexusMutual/smart-contracts tag v2.12.4 (commit 01c72951e93586b8b4121874c015318c1ea4329e):
 * - `contracts/modules/capital/MCR.sol` 17-25 (parameters and state), 37-38 (constants), 147-178
 *   (_updateMCR), 191-212 (getMCR), 214-216 (getGearedMCR).
 * - `contracts/modules/capital/Pool.sol` 40 (MCR_RATIO_DECIMALS), 369 (a payout forces an MCR
 *   update), 383-388 (calculateMCRRatio), 440-444 (getMCRRatio).
 * `gearingFactor`, `maxMCRIncrement` and `minUpdateTime` are governance parameters; the values here
 * are the contract's initial values (48000, 500, 3600), and a deployed MCR copies its predecessor's,
 * so a lesson quoting live figures must say "as of" a date.
 *
 * Units: ETH wei for cover, capital and MCR; basis points for the gearing factor, increments and
 * the ratio (10000 = 100%); seconds for time.
 */
import { PANIC_DIVISION_BY_ZERO, RevertError, requireUint } from './revert.ts';

/** MCR.sol 37: the virtual MCR moves at most 100 basis points (1%) away from the stored one. */
export const MAX_MCR_ADJUSTMENT = 100n;
/** MCR.sol 38. */
export const BASIS_PRECISION = 10_000n;
/** Pool.sol 40: the MCR ratio has 4 decimals (13000 = 130%). */
export const MCR_RATIO_DECIMALS = 4n;
const DAY = 86_400n;

/** Governance parameters of MCR.sol 18-21. */
export type MCRParams = {
	/** Basis points per day the virtual MCR moves toward the desired MCR (500 = 5% a day). */
	maxMCRIncrement: bigint;
	/** Basis points: desired MCR = active cover * 10000 / gearingFactor (48000: cover / 4.8). */
	gearingFactor: bigint;
	/** Seconds between unforced updates. */
	minUpdateTime: bigint;
};
export const MCR_PARAMS_V2_12_4: MCRParams = {
	maxMCRIncrement: 500n,
	gearingFactor: 48_000n,
	minUpdateTime: 3_600n
};

/** MCR.sol 23-25: what the contract stores. ETH wei and seconds. */
export type MCRState = { mcr: bigint; desiredMCR: bigint; lastUpdateTime: bigint };

/**
 * The geared MCR, which becomes the desired MCR at an update (MCR.sol 168, 214-216):
 * `totalActiveCoverInETH * 10000 / gearingFactor`, truncated. ETH wei. Throws `Panic(0x12)` for a
 * gearing factor of 0.
 */
export function desiredMCR(
	totalActiveCoverInETH: bigint,
	gearingFactor: bigint = MCR_PARAMS_V2_12_4.gearingFactor
): bigint {
	requireUint(totalActiveCoverInETH, 'totalActiveCoverInETH');
	requireUint(gearingFactor, 'gearingFactor');
	if (gearingFactor === 0n)
		throw new RevertError(PANIC_DIVISION_BY_ZERO, 'the gearing factor is 0');
	return (totalActiveCoverInETH * BASIS_PRECISION) / gearingFactor;
}

/**
 * getMCR (MCR.sol 191-212), the current virtual MCR: the stored `mcr` moved toward `desiredMCR` by
 * `min(maxMCRIncrement * (now - lastUpdateTime) / 1 day, 100)` basis points of `mcr` (truncated),
 * never past `desiredMCR`; the stored value itself when `now == lastUpdateTime`. So it moves at most
 * 1% between stored updates, reached after 4.8 hours at 500 a day. ETH wei; `now` in seconds.
 * Throws a RangeError when `now` is before `lastUpdateTime`.
 */
export function getMCR(
	state: MCRState,
	now: bigint,
	params: MCRParams = MCR_PARAMS_V2_12_4
): bigint {
	const mcr = requireUint(state.mcr, 'mcr');
	const desired = requireUint(state.desiredMCR, 'desiredMCR');
	const last = requireUint(state.lastUpdateTime, 'lastUpdateTime');
	requireUint(now, 'now');
	if (now < last) throw new RangeError(`now (${now}) is before the last MCR update (${last})`);
	if (now === last) return mcr;
	let adjustment = (params.maxMCRIncrement * (now - last)) / DAY;
	if (adjustment > MAX_MCR_ADJUSTMENT) adjustment = MAX_MCR_ADJUSTMENT;
	if (desired > mcr) {
		const up = (mcr * (adjustment + BASIS_PRECISION)) / BASIS_PRECISION;
		return up < desired ? up : desired;
	}
	const down = (mcr * (BASIS_PRECISION - adjustment)) / BASIS_PRECISION;
	return down > desired ? down : desired;
}

/**
 * _updateMCR (MCR.sol 147-178): unless forced (a payout forces one, Pool.sol 369), nothing happens
 * before `lastUpdateTime + minUpdateTime`; otherwise the virtual MCR is stored, the desired MCR is
 * set from the active cover (`desiredMCR`), and `lastUpdateTime = now`. Returns the new state (the
 * same object when skipped). ETH wei; seconds.
 */
export function updateMCR(
	state: MCRState,
	now: bigint,
	totalActiveCoverInETH: bigint,
	options: { forceUpdate?: boolean; params?: MCRParams } = {}
): MCRState {
	const params = options.params ?? MCR_PARAMS_V2_12_4;
	requireUint(now, 'now');
	if (!options.forceUpdate && state.lastUpdateTime + params.minUpdateTime > now) return state;
	return {
		mcr: getMCR(state, now, params),
		desiredMCR: desiredMCR(totalActiveCoverInETH, params.gearingFactor),
		lastUpdateTime: now
	};
}

/**
 * calculateMCRRatio (Pool.sol 383-388): `totalAssetValue * 10^4 / mcr`, truncated, so 10000 is
 * 100% (capital exactly at the MCR). Both in ETH wei. Throws `Panic(0x12)` for an MCR of 0.
 */
export function mcrRatio(totalAssetValue: bigint, mcr: bigint): bigint {
	requireUint(totalAssetValue, 'totalAssetValue');
	requireUint(mcr, 'mcr');
	if (mcr === 0n)
		throw new RevertError(PANIC_DIVISION_BY_ZERO, 'the MCR is 0, so the ratio divides by zero');
	return (totalAssetValue * 10n ** MCR_RATIO_DECIMALS) / mcr;
}
