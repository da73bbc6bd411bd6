/**
 * What the lesson page and the playground share of their state (Svelte 5 runes): the files in
 * the editor, the world seed, the run on screen (overview, timeline, errors), the console's notice,
 * the screen reader's announcement and the shared copy, if any. `Workbench.svelte` lays out any
 * Workspace; `lesson/lesson-state.svelte.ts` and `playground/state.svelte.ts` extend it with what
 * only they do (checks and hints; a script of actions).
 */
import type { SharedState } from '#lib/share/index.ts';
import type { SourceError } from '#lib/model/errors.ts';
import type { Frame } from '#lib/model/frame.ts';
import type { RunOverview } from '#lib/model/overview.ts';
import { DEFAULT_SEED } from '#lib/model/run.ts';
import { Timeline } from '#lib/ui/timeline.svelte.ts';
import type { SharedCopy } from './shared-copy.ts';

/** A file as the editor shows it. */
export type WorkspaceFile = { path: string; text: string; editable: boolean };

/** Asks the learner to confirm a destructive action; resolves true to go ahead. */
export type Confirm = (question: {
	title: string;
	body: string;
	confirm: string;
}) => Promise<boolean>;

export abstract class Workspace {
	/** path -> text of every file, the learner's edits included */
	sources = $state<Record<string, string>>({});
	/** the file the editor shows */
	active = $state('');
	/** the world's seed (uint32) for the next run */
	seed = $state(DEFAULT_SEED);
	/** the run's figures for the views (null before a run) */
	overview = $state.raw<RunOverview | null>(null);
	/** errors of the last load or run (compile errors, reverts that ended the run, crashes) */
	errors = $state.raw<SourceError[]>([]);
	/** a one-line message for the learner in the console (cancelled, restarted, reset) */
	notice = $state<string | null>(null);
	/** a short sentence for screen readers when a run ends */
	announcement = $state('');
	running = $state(false);
	/** true once storage is loaded and the worker is attached */
	ready = $state(false);
	/** true once the page's opening has ended, even if it failed (the editor starts then at the latest) */
	settled = $state(false);
	/** set while the page shows a shared copy; its edits stay out of the learner's drafts */
	shared = $state.raw<SharedCopy | null>(null);
	/** the steps of the run on screen; frames come from the worker */
	readonly timeline = new Timeline((step) => this.frameAt(step));

	/** The files as the editor shows them, in tab order. */
	abstract get files(): WorkspaceFile[];

	/** True while the worker is busy for this workspace (Run and its kin are disabled). */
	get busy(): boolean {
		return this.running;
	}

	/** The editor reports an edit. */
	abstract edit(path: string, text: string): void;

	/** Runs the workspace (Run, Ctrl+Enter). */
	abstract run(): Promise<void>;

	/** Runs the lesson's checks (Check, Ctrl+Shift+Enter); a workspace without checks ignores it. */
	check(): Promise<void> {
		return Promise.resolve();
	}

	/** The state a share link carries. */
	abstract shareState(): SharedState;

	/** The frame of a step of the run, from the worker. */
	protected abstract frameAt(step: number): Promise<Frame>;
}
