/**
 * A shared copy: what a share link put on screen, apart from the learner's own work. Both the
 * lesson page and the playground show one the same way (SharedCopyBanner) and write its state
 * back into the link.
 */
import type { SharedState } from '#lib/share/index.ts';
import type { Timeline } from '#lib/ui/timeline.svelte.ts';

/** A shared copy on screen: what the link asked for, and whether the run reproduced it. */
export type SharedCopy = {
	seed: number;
	step: number;
	/** the sender's state hash at `step` (0x-hex) */
	stateHash?: string;
	/** after the reproduction run: true when our state hash at `step` equals the sender's */
	match: boolean | null;
};

/** The shared copy a decoded link opens, before its reproduction run. */
export function sharedCopyOf(shared: SharedState): SharedCopy {
	return { seed: shared.seed, step: shared.step, stateHash: shared.stateHash, match: null };
}

/** Whether the state hash shown at the link's step is the sender's (null: nothing to compare). */
export function reproduced(shared: SharedCopy, timeline: Timeline): SharedCopy {
	const hash = timeline.frame?.stateHash;
	const match =
		shared.stateHash === undefined || hash === undefined ? null : hash === shared.stateHash;
	return { ...shared, match };
}

/**
 * The state a share link carries: the given sources and seed, the step shown and, once its frame
 * is on screen, that step's state hash.
 */
export function linkState(
	workspaceId: string,
	sources: Record<string, string>,
	seed: number,
	timeline: Timeline
): SharedState {
	const frame = timeline.frame;
	const state: SharedState = { lessonId: workspaceId, sources, seed, step: timeline.step };
	if (frame && frame.step === timeline.step) state.stateHash = frame.stateHash;
	return state;
}
