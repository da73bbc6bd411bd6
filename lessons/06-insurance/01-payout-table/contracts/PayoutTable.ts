// file: PayoutTable.ts
import { Contract, require } from 'chainlab';

// Etherisc FlightDelayChainlink 0.1.6 (xDai chain). Amounts in wei of xDAI (18 decimals).
const MIN_OBSERVATIONS = 10n;
const MIN_PREMIUM = 15n * 10n ** 18n; // 1500 * 10 ** 16 in the contract
const MAX_PREMIUM = 15n * 10n ** 18n;
const MAX_PAYOUT = 750n * 10n ** 18n; // cap on each payout option
const MARGIN_PERCENT = 30n;
// weights of ['observations', 'late15', 'late30', 'late45', 'cancelled', 'diverted']
const WEIGHT_PATTERN = [0n, 0n, 0n, 30n, 50n, 50n];

/** The parametric payout table of a flight-delay policy. */
export default class PayoutTable extends Contract {
	/**
	 * The payout of each option for a `premium` (wei) and the flight's `statistics`, six counts of
	 * past flights: [observations, late15, late30, late45, cancelled, diverted]. Returns the weight
	 * and five payouts (wei) in the option order [15-29 min, 30-44 min, >= 45 min, cancelled, diverted].
	 */
	calculatePayouts(premium: bigint, statistics: bigint[]): { weight: bigint; payouts: bigint[] } {
		require(premium >= MIN_PREMIUM, 'ERROR:FDD-009:INVALID_PREMIUM');
		require(premium <= MAX_PREMIUM, 'ERROR:FDD-010:INVALID_PREMIUM');
		require(statistics.length === 6, 'statistics must be six counts');
		// TODO 1. revert with 'ERROR:FDD-011:LOW_OBSERVATIONS' below MIN_OBSERVATIONS observations;
		// 2. weight = the sum over i = 1..5 of WEIGHT_PATTERN[i] * statistics[i] * 10000n / statistics[0],
		//    each term divided (and so truncated) on its own;
		// 3. a weight of 0 becomes 100000n / statistics[0];
		// 4. add the margin: weight * (100n + MARGIN_PERCENT) / 100n;
		// 5. payouts[i] = premium * WEIGHT_PATTERN[i + 1] * 10000n / weight, at most MAX_PAYOUT.
		return { weight: 0n, payouts: [0n, 0n, 0n, 0n, 0n] };
	}
}
