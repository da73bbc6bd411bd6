/**
 * The insurance track's flight-delay helpers, shared by its scenarios: the payout options, amounts
 * as text, and payout tables for the payout-table view built from the learner's contract and from
 * the Etherisc reference model (`calculatePayouts` of versions 0.1.6, 0.1.3 and GIF v3).
 *
 * Amounts: 0.1.6 and 0.1.3 pay in wei of the chain's native coin (18 decimals; xDAI on the xDai
 * chain, where 0.1.6 ran), GIF v3 in FlightUSD (6 decimals).
 */
import type { Receipt } from '#lib/scenario/engine.ts';
import type { PayoutSeries, PayoutTable } from '#lib/model/insurance.ts';
import { formatTokens, formatUnits } from '#lib/model/units.ts';
import {
	FLIGHT_DELAY_VERSIONS,
	calculatePayouts,
	type FlightDelayVersion
} from '#lib/protocols/etherisc-flight-delay.ts';
import { RevertError } from '#lib/protocols/revert.ts';

/** The payout options, in the contracts' order. */
export const OPTIONS = ['15-29 min', '30-44 min', '>= 45 min', 'cancelled', 'diverted'];
/** The statistics' names, in the contracts' order. */
export const STATISTICS = ['observations', 'late15', 'late30', 'late45', 'cancelled', 'diverted'];

/** One whole xDAI (18 decimals) and one FlightUSD (6 decimals). */
export const XDAI = 10n ** 18n;
export const FLIGHT_USD = 10n ** 6n;
/** The 0.1.6 premium, exactly 15 xDAI (`MIN_PREMIUM = MAX_PREMIUM = 1500 * 10 ** 16`). */
export const PREMIUM = 15n * XDAI;

/** An xDAI amount (wei) as `82.4175 xDAI` (4 decimals, truncated). */
export const xdai = (amount: bigint, digits = 4): string => formatTokens(amount, 'xDAI', digits);

/** A flight of the lessons: its name, the six statistics, where they come from. */
export type Flight = { name: string; statistics: bigint[]; source: string; synthetic: boolean };

/** Statistics as text: `[20, 2, 5, 3, 1, 0]`. */
export const showStatistics = (statistics: readonly bigint[]): string =>
	`[${statistics.join(', ')}]`;

const VERSION_LABEL: Record<FlightDelayVersion, string> = {
	'0.1.6': '0.1.6 (reference)',
	'0.1.3': '0.1.3 (no margin)',
	'gif-v3': 'GIF v3'
};

/** A payout series from exact amounts (smallest units) of `decimals` decimals. */
export function series(
	id: string,
	label: string,
	unit: string,
	decimals: number,
	result: { weight: bigint; payouts: bigint[] } | { note: string }
): PayoutSeries {
	if ('note' in result) {
		return { id, label, unit, weight: null, payouts: null, exact: null, note: result.note };
	}
	return {
		id,
		label,
		unit,
		weight: result.weight.toString(),
		payouts: result.payouts.map((p) => Number(formatUnits(p, decimals))),
		exact: result.payouts.map((p) => formatUnits(p, decimals))
	};
}

/** The reference model's series for a version; a revert becomes a note with its reason. */
export function referenceSeries(statistics: bigint[], version: FlightDelayVersion): PayoutSeries {
	const params = FLIGHT_DELAY_VERSIONS[version];
	const premium = 15n * 10n ** BigInt(params.decimals);
	const unit = params.decimals === 18 ? 'xDAI' : 'USD';
	try {
		const table = calculatePayouts(premium, statistics, version);
		return series(version, VERSION_LABEL[version], unit, params.decimals, table);
	} catch (error) {
		if (!(error instanceof RevertError)) throw error;
		return series(version, VERSION_LABEL[version], unit, params.decimals, {
			note: `reverts with ${error.reason}`
		});
	}
}

/** A payout table entry for the view; `premium` is the premium as the caption reads it. */
export function payoutTable(
	step: number,
	flight: Flight,
	list: PayoutSeries[],
	settled?: PayoutTable['settled'],
	premium = '15 xDAI (15 USD in GIF v3)'
): PayoutTable {
	return {
		step,
		title: flight.name,
		statistics: flight.statistics.map(Number),
		premium,
		options: OPTIONS,
		series: list,
		source: flight.source,
		synthetic: flight.synthetic,
		...(settled ? { settled } : {})
	};
}

/** The table a learner contract's `calculatePayouts` returned, if it is one. */
export function tableOf(value: unknown): { weight: bigint; payouts: bigint[] } | null {
	if (typeof value !== 'object' || value === null) return null;
	const { weight, payouts } = value as { weight?: unknown; payouts?: unknown };
	if (typeof weight !== 'bigint' || !Array.isArray(payouts) || payouts.length !== 5) return null;
	if (!payouts.every((p) => typeof p === 'bigint')) return null;
	return { weight, payouts: payouts as bigint[] };
}

/** A failed receipt's reason as the learner reads it: `ERROR:FDD-011:LOW_OBSERVATIONS (line 20)`. */
export const reasonOf = (r: Receipt): string =>
	r.error
		? `${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`
		: 'no reason given';
