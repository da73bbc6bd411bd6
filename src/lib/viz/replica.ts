/** Pure helpers of the optimistic-window view (OptimisticWindowView.svelte). */
import type { ReplicaMessage, ReplicaOverview } from '#lib/model/replica.ts';

/** The time span (unix seconds) that holds every window and attempt, padded by 2% each side. */
export function timeSpan(replica: ReplicaOverview): [number, number] {
	const times = replica.messages.flatMap((m) => [
		...(m.postedAt === null ? [] : [m.postedAt]),
		...(m.acceptableFrom === null ? [] : [m.acceptableFrom]),
		...m.attempts.map((a) => a.time)
	]);
	if (!times.length) return [0, 1];
	const lo = Math.min(...times);
	const hi = Math.max(...times);
	const pad = Math.max(60, (hi - lo) * 0.02);
	return [lo - pad, hi + pad];
}

/** A message's attempts up to `step`. */
export function attemptsUpTo(message: ReplicaMessage, step: number) {
	return message.attempts.filter((a) => a.step <= step);
}

/** A time as the view prints it: `21:32:00 UTC`. */
export function utcTime(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(11, 19) + ' UTC';
}

/** What the table says of a message's proof: its root's window, or that it is in no root. */
export function proofText(m: ReplicaMessage): string {
	if (m.postedAt === null || m.acceptableFrom === null) return 'in no posted root (never proven)';
	return `root posted ${utcTime(m.postedAt)}, acceptable from ${utcTime(m.acceptableFrom)}`;
}
