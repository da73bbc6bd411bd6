/**
 * Helpers of the concentration views: the threshold as text, the measures as text, and the
 * cumulative share of the k largest stakes.
 */
import type { ConcentrationDistribution, ConcentrationMeasures } from '#lib/model/concentration.ts';
import { formatInt } from './format.ts';

/** "more than 1/2" or "at least 1/3". */
export function thresholdText(t: ConcentrationDistribution['threshold']): string {
	return `${t.inclusive ? 'at least' : 'more than'} ${t.numerator}/${t.denominator}`;
}

/** The Nakamoto coefficient as text ("none" when no coalition reaches the line). */
export const nakamotoText = (m: ConcentrationMeasures | undefined): string =>
	m === undefined ? '-' : m.nakamoto === null ? 'none' : String(m.nakamoto);

/** The Gini coefficient as "0.4529 (5661/12500)", the fraction shortened when long. */
export function giniText(m: ConcentrationMeasures | undefined): string {
	if (!m) return '-';
	const { numerator, denominator, value } = m.gini;
	const fraction =
		numerator.length + denominator.length <= 14 ? ` (${numerator}/${denominator})` : '';
	return `${Number.isFinite(value) ? value.toFixed(4) : '-'}${fraction}`;
}

export const hhiText = (m: ConcentrationMeasures | undefined): string =>
	m === undefined ? '-' : formatInt(m.hhi);

/** Cumulative shares of the k largest values, k = 1..n (values are shares in [0, 1]). */
export function topShares(shares: number[]): number[] {
	const sorted = [...shares].sort((a, b) => b - a);
	let sum = 0;
	return sorted.map((s) => (sum += s));
}
