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
		const observations = statistics[0];
		require(observations >= MIN_OBSERVATIONS, 'ERROR:FDD-011:LOW_OBSERVATIONS');

		let weight = 0n;
		for (let i = 1; i < 6; i++) {
			weight += (WEIGHT_PATTERN[i] * statistics[i] * 10000n) / observations;
		}
		// no delays at all: a minimal weight, so the payouts never divide by zero
		if (weight === 0n) weight = 100000n / observations;
		weight = (weight * (100n + MARGIN_PERCENT)) / 100n;

		const payouts: bigint[] = [];
		for (let i = 0; i < 5; i++) {
			const payout = (premium * WEIGHT_PATTERN[i + 1] * 10000n) / weight;
			payouts.push(payout > MAX_PAYOUT ? MAX_PAYOUT : payout);
		}
		return { weight, payouts };
	}
}
