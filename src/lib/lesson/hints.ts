/**
 * Which hint the Hint button reveals: the next layer of the first failing check that still has
 * one; before any Check, of the first check with hints that has not passed yet.
 */
import type { HintSet } from '#lib/lessons/types.ts';
import type { CheckResult } from '#lib/model/run.ts';

export type HintChoice =
	{ checkId: string; layers: number } | { checkId?: undefined; notice: string };

/**
 * @param hints the lesson's hint sets
 * @param checks results of the last Check (empty before any)
 * @param passed ids of checks passed, as stored in progress
 * @param revealed layers shown so far by check id
 * @param checkId a check the learner asked about, if any
 */
export function chooseHint(
	hints: HintSet[],
	checks: CheckResult[],
	passed: string[],
	revealed: Record<string, number>,
	checkId?: string
): HintChoice {
	const hasMore = (set: HintSet) => (revealed[set.checkId] ?? 0) < set.layers.length;
	const candidates = checkId
		? hints.filter((h) => h.checkId === checkId)
		: checks.length
			? checks.filter((c) => !c.passed).flatMap((c) => hints.filter((h) => h.checkId === c.id))
			: hints.filter((h) => !passed.includes(h.checkId));
	const next = candidates.find(hasMore);
	if (next) return { checkId: next.checkId, layers: next.layers.length };
	if (candidates.length) {
		return { notice: 'Every hint for this is shown. Show solution loads the reference code.' };
	}
	if (checks.length && checks.every((c) => c.passed)) {
		return { notice: 'Every check passes; no hint needed.' };
	}
	return { notice: 'There is no hint for this check. Show solution is always there.' };
}
