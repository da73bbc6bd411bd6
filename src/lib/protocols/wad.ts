/**
 * Fixed-point helpers with the exact rounding of Aave v3's math libraries.
 *
 * - `wadMul` / `wadDiv` follow aave/aave-v3-core `contracts/protocol/libraries/math/WadRayMath.sol`
 *   (WAD = 1e18, results rounded half up).
 * - `percentMul` / `percentDiv` follow `contracts/protocol/libraries/math/PercentageMath.sol`
 *   (percentages have 4 decimals: 10000 = 100%, results rounded half up).
 *
 * Solidity reverts when a uint256 overflows or a divisor is zero; these functions throw instead, so a
 * result is always one the contract could have produced.
 */

import { WAD, parseUnits as parseAmount } from '../model/units.ts';

/** 1.0 as a WAD (18 decimals), from model/units.ts. */
export { WAD };
/** 0.5 as a WAD: the half added before dividing, so results round half up. */
export const HALF_WAD = WAD / 2n;
/** 100% with 4 decimals (PercentageMath.PERCENTAGE_FACTOR). */
export const PERCENTAGE_FACTOR = 10_000n;
/** 50% with 4 decimals (PercentageMath.HALF_PERCENTAGE_FACTOR). */
export const HALF_PERCENTAGE_FACTOR = 5_000n;
/** type(uint256).max: Aave's health factor when there is no debt. */
export const MAX_UINT256 = 2n ** 256n - 1n;

function uint(value: bigint | number, name: string): bigint {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw new RangeError(`${name} must be a whole number, got ${value}`);
		}
		value = BigInt(value);
	}
	if (value < 0n) throw new RangeError(`${name} must not be negative, got ${value}`);
	if (value > MAX_UINT256) throw new RangeError(`${name} does not fit in a uint256`);
	return value;
}

function checked(result: bigint, op: string): bigint {
	// the Solidity versions revert when the intermediate product overflows 256 bits
	if (result > MAX_UINT256) throw new RangeError(`${op} overflows uint256`);
	return result;
}

/**
 * `value * percentage / 10000`, rounded half up: `(value * percentage + 5000) / 10000`.
 * `percentage` has 4 decimals (8300 = 83%). Throws a RangeError on negative input or uint256
 * overflow. Source: PercentageMath.sol `percentMul`.
 */
export function percentMul(value: bigint, percentage: bigint | number): bigint {
	const v = uint(value, 'value');
	const p = uint(percentage, 'percentage');
	return checked(v * p + HALF_PERCENTAGE_FACTOR, 'percentMul') / PERCENTAGE_FACTOR;
}

/**
 * `value * 10000 / percentage`, rounded half up: `(value * 10000 + percentage / 2) / percentage`.
 * Throws a RangeError when `percentage` is 0, on negative input or on uint256 overflow.
 * Source: PercentageMath.sol `percentDiv`.
 */
export function percentDiv(value: bigint, percentage: bigint | number): bigint {
	const v = uint(value, 'value');
	const p = uint(percentage, 'percentage');
	if (p === 0n) throw new RangeError('percentDiv by a percentage of 0');
	return checked(v * PERCENTAGE_FACTOR + p / 2n, 'percentDiv') / p;
}

/**
 * `a * b / 1e18` for WADs, rounded half up: `(a * b + 0.5e18) / 1e18`.
 * Throws a RangeError on negative input or uint256 overflow. Source: WadRayMath.sol `wadMul`.
 */
export function wadMul(a: bigint, b: bigint): bigint {
	const x = uint(a, 'a');
	const y = uint(b, 'b');
	return checked(x * y + HALF_WAD, 'wadMul') / WAD;
}

/**
 * `a * 1e18 / b` as a WAD, rounded half up: `(a * 1e18 + b / 2) / b`.
 * Throws a RangeError when `b` is 0, on negative input or on uint256 overflow.
 * Source: WadRayMath.sol `wadDiv`.
 */
export function wadDiv(a: bigint, b: bigint): bigint {
	const x = uint(a, 'a');
	const y = uint(b, 'b');
	if (y === 0n) throw new RangeError('wadDiv by 0');
	return checked(x * WAD + y / 2n, 'wadDiv') / y;
}

/**
 * Decimal text or number to an integer of `decimals` decimals, e.g. `parseUnits('112.35', 8)` ->
 * `11235000000n` (a USD price as the Aave oracle gives it) or `parseUnits(1.5, 18)` -> wei.
 * Extra fractional digits round half up (model/units.ts `parseUnits` with `'round'`).
 * @throws RangeError on anything that is not a plain decimal
 */
export function parseUnits(value: string | number, decimals: number): bigint {
	return parseAmount(value, decimals, 'round');
}

export { formatUnits } from '../model/units.ts';
