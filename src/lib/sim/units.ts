/**
 * Fixed-point amounts as text: 1 ETH = 10^18 wei, a token with 18 decimals the same.
 */

export { formatUnits, parseUnits } from '../model/units.ts';

/** 1 ether in wei. */
export const ETHER = 10n ** 18n;
/** 1 gwei in wei. */
export const GWEI = 10n ** 9n;
