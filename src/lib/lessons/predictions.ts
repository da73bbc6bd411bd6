/**
 * Judging a learner's guess against a lesson's prediction (types.ts `Prediction`). Pure and
 * client-safe: the lesson page imports it; the catalog (server only) does not need it.
 */
import type { Prediction } from './types.ts';
import type { SummaryRow } from '#lib/model/overview.ts';

/** How a guess compares with the answer. */
export type Verdict =
	/** nothing guessed */
	| { state: 'none' }
	/** a number prediction whose text is not a number */
	| { state: 'invalid'; message: string }
	/** the answer is not known yet (`fromRun` and no summary row with a number) */
	| { state: 'unknown' }
	| { state: 'right' | 'wrong'; answer: string; guess: string; off?: number };

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as the page shows it: grouped thousands, up to 6 decimals ("6,000", "0.968"). */
export function showNumber(n: number): string {
	return grouped.format(n);
}

/**
 * Reads a typed number: digits with an optional sign, decimal point and thousands commas
 * ("6,000", "-0.5", "1e3"), optionally followed by the prediction's unit ("6000 DAI") or "%".
 * @returns the number, or null when the text is not one
 */
export function parseGuess(text: string, unit?: string): number | null {
	let t = text.trim();
	if (unit && t.toLowerCase().endsWith(unit.toLowerCase())) t = t.slice(0, -unit.length).trim();
	if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(t) || !/\d/.test(t)) {
		return null;
	}
	const n = Number(t.replaceAll(',', ''));
	return Number.isFinite(n) ? n : null;
}

/**
 * The first number in a summary row's value text ("412", "1,234.5 USD", "0.968 (HF)").
 * @returns the number, or null when the text has none
 */
export function numberIn(text: string): number | null {
	const match = /[-+]?\d[\d,]*(?:\.\d+)?/.exec(text);
	return match ? Number(match[0].replaceAll(',', '')) : null;
}

/** The answer of a number prediction: fixed, or read from the run's summary (`fromRun`). */
export function numberAnswer(
	p: Extract<Prediction, { kind: 'number' }>,
	summary: readonly SummaryRow[] | undefined
): number | null {
	if (p.answer !== undefined) return p.answer;
	const row = summary?.find((r) => r.label === p.fromRun);
	return row ? numberIn(row.value) : null;
}

/**
 * The answer as the page shows it ("6,000 DAI", "Yes"), or null when it comes from the run and
 * the run has no such summary row (yet).
 */
export function answerText(p: Prediction, summary?: readonly SummaryRow[]): string | null {
	if (p.kind === 'choice') return p.answer;
	const answer = numberAnswer(p, summary);
	return answer === null ? null : `${showNumber(answer)}${p.unit ? ` ${p.unit}` : ''}`;
}

/**
 * Compares a guess with the answer. A number guess is right within ±tolerance (in the
 * prediction's unit); a choice is right when it is the answer.
 * @param guess the text typed or the choice picked ('' when none)
 * @param summary the run's summary rows, for answers that come from the run
 */
export function judge(p: Prediction, guess: string, summary?: readonly SummaryRow[]): Verdict {
	if (guess.trim() === '') return { state: 'none' };
	if (p.kind === 'choice') {
		return { state: guess === p.answer ? 'right' : 'wrong', answer: p.answer, guess };
	}
	const n = parseGuess(guess, p.unit);
	if (n === null) {
		return { state: 'invalid', message: `Write a number, such as ${example(p)}.` };
	}
	const answer = numberAnswer(p, summary);
	if (answer === null) return { state: 'unknown' };
	const off = n - answer;
	// a tolerance in decimals (0.01) must not miss a guess by floating-point dust
	const right = Math.abs(off) <= p.tolerance + 1e-9 * Math.max(1, Math.abs(answer));
	const unit = p.unit ? ` ${p.unit}` : '';
	return {
		state: right ? 'right' : 'wrong',
		answer: `${showNumber(answer)}${unit}`,
		guess: `${showNumber(n)}${unit}`,
		off
	};
}

function example(p: Extract<Prediction, { kind: 'number' }>): string {
	const sample = p.tolerance > 0 && p.tolerance < 1 ? '1.25' : '1,500';
	return p.unit ? `${sample} (${p.unit})` : sample;
}
