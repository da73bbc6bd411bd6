/**
 * Shared copies on the lesson page (their shape: workbench/shared-copy.ts). A share link opens
 * as a separate copy: its sources and seed replace what the editor shows, never the learner's
 * drafts. The learner can keep it as their own code (asked first when that would replace a draft
 * that differs) or go back to their code.
 */
import type { SharedState } from '#lib/share/index.ts';
import type { DraftStore } from '#lib/storage/drafts.ts';
import { reproduced, sharedCopyOf } from '#lib/workbench/shared-copy.ts';
import type { Confirm } from '#lib/workbench/workspace.svelte.ts';
import type { LessonState } from './lesson-state.svelte.ts';

/** Puts a decoded share link on screen as a shared copy (sources and seed; drafts untouched). */
export function showShared(ls: LessonState, shared: SharedState): void {
	for (const f of ls.lesson.files) {
		if (f.editable && shared.sources[f.path] !== undefined) {
			ls.sources[f.path] = shared.sources[f.path];
		}
	}
	ls.seed = shared.seed;
	ls.shared = sharedCopyOf(shared);
}

/**
 * Runs the shared copy and shows the step the sender was on, then records whether the state hash
 * there matches the sender's (`ls.shared.match`).
 */
export async function reproduceShared(ls: LessonState): Promise<void> {
	const shared = ls.shared;
	if (!shared) return;
	await ls.run();
	// this run is the link's, not the learner's: the worked answers wait for their own Run
	ls.revealed = false;
	if (ls.timeline.total === 0) return;
	await ls.timeline.goto(shared.step);
	if (ls.shared !== shared) return;
	ls.shared = reproduced(shared, ls.timeline);
}

/**
 * Makes the shared copy the learner's own code. Asks first when it would replace a saved draft
 * of theirs that differs.
 * @returns false when the learner said no (nothing changed)
 */
export async function keepShared(
	ls: LessonState,
	drafts: DraftStore,
	confirm: Confirm
): Promise<boolean> {
	if (!ls.shared) return false;
	const own = await drafts.load(ls.lesson.id);
	const editable = ls.lesson.files.filter((f) => f.editable);
	const differs = editable
		.filter((f) => own[f.path] !== undefined && own[f.path] !== ls.sources[f.path])
		.map((f) => f.path);
	if (differs.length > 0) {
		const ok = await confirm({
			title: 'Replace your own code?',
			body: `Your saved code in ${differs.join(', ')} differs from this shared copy. Keeping the shared copy replaces it.`,
			confirm: 'Replace my code'
		});
		if (!ok || !ls.shared) return false;
	}
	for (const f of editable) {
		const text = ls.sources[f.path];
		if (own[f.path] !== text && (own[f.path] !== undefined || text !== f.starter)) {
			ls.settleStarters([f.path]);
			drafts.set(ls.lesson.id, f.path, text, ls.starterFor(f.path));
		}
	}
	await drafts.flush();
	const seed = ls.seed;
	ls.shared = null;
	ls.setSeed(seed);
	ls.notice = 'The shared copy is now your own code.';
	void ls.markStarted();
	return true;
}

/** Leaves the shared copy for the learner's own drafts (or the starters) and their own seed. */
export async function leaveShared(ls: LessonState, drafts: DraftStore): Promise<void> {
	if (!ls.shared || ls.busy) return;
	const own = await drafts.load(ls.lesson.id);
	for (const f of ls.lesson.files) {
		ls.sources[f.path] = f.editable && own[f.path] !== undefined ? own[f.path] : f.starter;
	}
	ls.shared = null;
	await ls.restoreSeed();
	ls.forgetRun();
	ls.errors = [];
	ls.notice = 'Back to your own code.';
}
