/**
 * The lesson page's state (Svelte 5 runes), a Workspace of the workbench: the learner's sources
 * (drafts over starters), the run (overview, timeline, current frame), check results, hints,
 * progress and errors, with the actions the toolbar, timeline and editor call. The editor, the
 * worker client and storage meet here and nowhere else.
 */
import type { HintSet, LessonFile } from '#lib/lessons/types.ts';
import type { DraftRow, ProgressRow } from '#lib/storage/db.ts';
import type { DraftStore } from '#lib/storage/drafts.ts';
import type { InputStore } from '#lib/storage/inputs.ts';
import { isSeed } from '#lib/storage/inputs.ts';
import type { ProgressStore } from '#lib/storage/progress.ts';
import { emptyProgress } from '#lib/storage/progress.ts';
import { starterHash } from '#lib/storage/starter.ts';
import type { SourceError } from '#lib/model/errors.ts';
import { DEFAULT_SEED } from '#lib/model/run.ts';
import type { Frame } from '#lib/model/frame.ts';
import type { CheckResult, RunProgress, RunResult } from '#lib/model/run.ts';
import { failureSummary } from '#lib/ui/failures.ts';
import type { LoadRequest, LoadResult } from '#lib/worker/protocol.ts';
import type { RestartReason } from '#lib/worker/client.ts';
import { isCancelled } from '#lib/worker/client.ts';
import type { SharedState } from '#lib/share/index.ts';
import { linkState } from '#lib/workbench/shared-copy.ts';
import { Workspace, type Confirm, type WorkspaceFile } from '#lib/workbench/workspace.svelte.ts';
import { showShared } from './shared-copy.ts';
import { chooseHint } from './hints.ts';

/** What the state needs of a lesson (a slice of Lesson). */
export type LessonInput = { id: string; focus: string; files: LessonFile[]; hints: HintSet[] };

/** The slice of SimClient the state uses (tests pass a fake). */
export type SimLike = {
	load(request: LoadRequest): Promise<LoadResult>;
	run(onProgress?: (p: RunProgress) => void): Promise<RunResult>;
	goto(step: number): Promise<Frame>;
	check(): Promise<CheckResult[]>;
	cancel(): void;
};

export type LessonDeps = {
	client: SimLike;
	drafts: DraftStore;
	progress: ProgressStore;
	/** the learner's guesses and seed per lesson */
	inputs: InputStore;
	/** asks the learner to confirm a destructive action; resolves true to go ahead */
	confirm: Confirm;
};

/** The world seed a lesson runs with unless a share link says otherwise (model/run.ts). */
export { DEFAULT_SEED };

const asError = (e: unknown): SourceError => ({
	kind: 'runtime',
	message: e instanceof Error ? e.message : String(e)
});

export class LessonState extends Workspace {
	readonly lesson: LessonInput;
	checks = $state.raw<CheckResult[]>([]);
	progress = $state<ProgressRow>(emptyProgress(''));
	/** why Hint revealed nothing (all shown, no hints), shown with the checks */
	hintNotice = $state<string | null>(null);
	checking = $state(false);
	runProgress = $state.raw<RunProgress | null>(null);
	/** the learner's guess per prediction id (text typed or choice picked), saved with the draft */
	guesses = $state<Record<string, string>>({});
	/** true once a Run finished on the code on screen: the worked answers are shown */
	revealed = $state(false);
	/**
	 * Editable files whose saved draft was written against another starter than this lesson's
	 * current one (a new deploy changed it): the page says so until the learner keeps the draft
	 * or opens the new starter. Paths in lesson order.
	 */
	staleStarters = $state.raw<string[]>([]);

	#deps: LessonDeps | null = null;
	/** JSON of the sources last loaded into the worker, to skip needless reloads */
	#loadedKey: string | null = null;
	#started = false;
	/** the starter hash each file's draft is saved with: the current starter's, or while the
	 * draft is stale the hash it was written against (editing does not silence the notice) */
	#writtenFor: Record<string, string> = {};
	/** each editable file's current starter hash (storage/starter.ts) */
	readonly #starterHashes: Record<string, string>;

	constructor(lesson: LessonInput) {
		super();
		this.lesson = lesson;
		this.#starterHashes = Object.fromEntries(
			lesson.files.filter((f) => f.editable).map((f) => [f.path, starterHash(f.starter)])
		);
		this.sources = Object.fromEntries(lesson.files.map((f) => [f.path, f.starter]));
		this.active = lesson.focus;
		this.progress = emptyProgress(lesson.id);
	}

	/** The files as the editor shows them. */
	get files(): WorkspaceFile[] {
		return this.lesson.files.map((f) => ({
			path: f.path,
			text: this.sources[f.path] ?? f.starter,
			editable: f.editable
		}));
	}

	/** Is any editable file different from its starter? */
	get edited(): boolean {
		return this.lesson.files.some((f) => f.editable && this.sources[f.path] !== f.starter);
	}

	override get busy(): boolean {
		return this.running || this.checking;
	}

	/** The state a share link carries: editable sources, seed, the step shown and its state hash. */
	shareState(): SharedState {
		const sources: Record<string, string> = {};
		for (const f of this.lesson.files) if (f.editable) sources[f.path] = this.sources[f.path];
		return linkState(this.lesson.id, sources, this.seed, this.timeline);
	}

	protected frameAt(step: number): Promise<Frame> {
		return this.#client().goto(step);
	}

	/** The first check that failed in the last Check, if any. */
	get firstFailing(): CheckResult | undefined {
		return this.checks.find((c) => !c.passed);
	}

	/** Hint layers (HTML) revealed so far for a check. */
	revealedHints(checkId: string): string[] {
		const set = this.lesson.hints.find((h) => h.checkId === checkId);
		const shown = this.progress.hintsRevealed[checkId] ?? 0;
		return set ? set.layers.slice(0, shown) : [];
	}

	/**
	 * Connects storage and the worker (in onMount); loads drafts and progress. With `shared` (a
	 * decoded share link for this lesson) the page shows that shared copy instead of the drafts,
	 * which stay untouched.
	 */
	async attach(deps: LessonDeps, shared?: SharedState): Promise<void> {
		this.#deps = deps;
		const [rows, progress, inputs] = await Promise.all([
			deps.drafts.loadRows(this.lesson.id),
			deps.progress.get(this.lesson.id),
			deps.inputs.get(this.lesson.id)
		]);
		// guesses typed while storage was loading win, and are saved now
		const early = this.guesses;
		this.guesses = { ...inputs.predictions, ...early };
		if (Object.keys(early).length > 0) {
			void deps.inputs.update(this.lesson.id, { predictions: early });
		}
		const drafts = Object.fromEntries(rows.map((r) => [r.path, r.text]));
		this.#findStale(rows);
		if (shared) {
			showShared(this, shared);
		} else {
			for (const f of this.lesson.files) {
				if (f.editable && drafts[f.path] !== undefined) this.sources[f.path] = drafts[f.path];
			}
			if (inputs.seed !== undefined) this.seed = inputs.seed;
		}
		this.progress = progress;
		this.#started = progress.status !== 'not-started';
		this.ready = true;
	}

	/**
	 * Marks the drafts written against another starter than the current one. A row without a
	 * starter hash (saved before hashes were kept) counts as matching, and so does a draft whose
	 * text is the current starter.
	 */
	#findStale(rows: DraftRow[]): void {
		const stale: string[] = [];
		for (const f of this.lesson.files) {
			const row = rows.find((r) => r.path === f.path);
			if (!f.editable || row?.starter === undefined) continue;
			if (row.starter !== this.#starterHashes[f.path] && row.text !== f.starter) {
				stale.push(f.path);
				this.#writtenFor[f.path] = row.starter;
			}
		}
		this.staleStarters = stale;
	}

	/** The starter hash to save a draft of `path` with (see `#writtenFor`). */
	starterFor(path: string): string | undefined {
		return this.#writtenFor[path] ?? this.#starterHashes[path];
	}

	/**
	 * These files are no longer stale: their drafts are saved as written for the current starter
	 * from now on (after Keep my draft, Start from the new starter, Reset, or keeping a shared copy).
	 */
	settleStarters(paths: readonly string[]): void {
		for (const p of paths) delete this.#writtenFor[p];
		this.staleStarters = this.staleStarters.filter((p) => !paths.includes(p));
	}

	/**
	 * Keeps the learner's drafts of the stale files as they are, recording them as written for
	 * the current starter so the notice is not shown again.
	 */
	async keepDrafts(): Promise<void> {
		if (!this.#deps) return;
		const paths = this.staleStarters;
		this.settleStarters(paths);
		for (const p of paths) {
			await this.#deps.drafts.keepStarter(this.lesson.id, p, this.#starterHashes[p]);
		}
		this.notice = `Your ${paths.length === 1 ? 'draft stays' : 'drafts stay'} open.`;
	}

	/**
	 * Opens the current starter for each stale file, after keeping the learner's draft as a copy
	 * beside it (DraftStore.setAside; listed in Your work). A file whose copy could not be stored
	 * keeps its draft open, and the notice stays for it.
	 */
	async useNewStarters(): Promise<void> {
		if (!this.#deps || this.busy || this.shared) return;
		const done: string[] = [];
		for (const f of this.lesson.files) {
			if (!this.staleStarters.includes(f.path)) continue;
			if ((await this.#deps.drafts.setAside(this.lesson.id, f.path)) === null) continue;
			done.push(f.path);
			this.sources[f.path] = f.starter;
		}
		this.settleStarters(done);
		if (done.length > 0) this.forgetRun();
		const files = done.join(', ');
		this.notice =
			this.staleStarters.length > 0
				? `Chainlab could not store a copy of your draft of ${this.staleStarters.join(', ')}, so it stays open; nothing was discarded.`
				: `The new starter for ${files} is open. Your old draft is kept as a copy in Your work.`;
	}

	/** Stops playback and timers (page teardown). */
	detach(): void {
		this.timeline.pause();
		this.#deps = null;
	}

	/**
	 * The editor reports an edit. Saved as a draft (debounced) and the lesson marked started; in a
	 * shared copy it stays in the copy (the page keeps it in the link), never in the drafts.
	 */
	edit(path: string, text: string): void {
		const file = this.lesson.files.find((f) => f.path === path);
		if (!file?.editable || this.sources[path] === text) return;
		this.sources[path] = text;
		if (this.shared) return;
		this.#deps?.drafts.set(this.lesson.id, path, text, this.starterFor(path));
		void this.markStarted();
	}

	/** Records the learner's guess for a prediction (saved at once with the lesson's inputs). */
	guess(predictionId: string, text: string): void {
		if (this.guesses[predictionId] === text) return;
		this.guesses = { ...this.guesses, [predictionId]: text };
		void this.#deps?.inputs.update(this.lesson.id, { predictions: { [predictionId]: text } });
		void this.markStarted();
	}

	/**
	 * Sets the world seed for the next Run. Saved with the lesson's inputs, except in a shared
	 * copy, whose seed lives in its link.
	 * @throws RangeError when `seed` is not a whole number from 0 to 2^32 - 1
	 */
	setSeed(seed: number): void {
		if (!isSeed(seed)) {
			throw new RangeError(`the seed must be a whole number from 0 to 4294967295, not ${seed}`);
		}
		if (this.seed === seed) return;
		this.seed = seed;
		if (!this.shared) void this.#deps?.inputs.update(this.lesson.id, { seed });
	}

	/** Back to the learner's own saved seed (or the default), after a shared copy. */
	async restoreSeed(): Promise<void> {
		const saved = this.#deps ? (await this.#deps.inputs.get(this.lesson.id)).seed : undefined;
		this.seed = saved ?? DEFAULT_SEED;
	}

	/**
	 * Drops the run on screen: timeline, views, summary, console lines, check results, errors and
	 * the worked answers of the predictions (the next Run loads the sources again).
	 */
	forgetRun(): void {
		this.#loadedKey = null;
		this.timeline.reset(0, null, null);
		this.overview = null;
		this.checks = [];
		this.errors = [];
		this.hintNotice = null;
		this.revealed = false;
	}

	/** Compiles the sources, runs the scenario and shows its first step. */
	async run(): Promise<void> {
		if (this.busy || !this.#deps) return;
		this.timeline.pause();
		this.running = true;
		this.notice = null;
		this.errors = [];
		// the worker replaces its run: the old timeline, views and summary go now, not at the end
		this.overview = null;
		this.timeline.reset(0, null, null);
		this.runProgress = { step: 0, total: null };
		try {
			if (!(await this.#load())) return;
			const result = await this.#client().run((p) => (this.runProgress = p));
			void this.markStarted();
			if (result.ok) {
				this.overview = result.overview;
				this.timeline.reset(result.steps, result.first, result.last, result.failures);
				this.revealed = true;
				const failed = failureSummary(result.failures);
				this.announcement = `Run finished: ${result.steps} steps.${failed ? ` ${failed}.` : ''}`;
			} else {
				this.errors = [result.error];
				this.announcement = `Run stopped: ${result.error.message}`;
				this.overview = null;
				this.timeline.reset(result.steps, null, null, result.failures);
				if (result.steps > 0) await this.timeline.goto(result.steps - 1);
			}
		} catch (error) {
			this.#failed(error, 'Run cancelled.');
		} finally {
			this.running = false;
			this.runProgress = null;
		}
	}

	/** Stops a run or check in progress (the worker is terminated and restarted). */
	cancel(): void {
		if (!this.busy) return;
		this.#client().cancel();
	}

	/** Runs the lesson's checks against the current sources and records the result. */
	override async check(): Promise<void> {
		if (this.busy || !this.#deps) return;
		this.checking = true;
		this.notice = null;
		try {
			if (!(await this.#load())) return;
			const results = await this.#client().check();
			this.checks = results;
			this.hintNotice = null;
			const passed = results.filter((r) => r.passed).length;
			this.announcement = `${passed} of ${results.length} checks passed.`;
			// someone else's code passing does not solve the lesson for this learner
			if (this.shared) return;
			this.progress = await this.#deps.progress.recordChecks(this.lesson.id, results);
			this.#started = true;
		} catch (error) {
			this.#failed(error, 'Check cancelled.');
		} finally {
			this.checking = false;
		}
	}

	/** Reveals the next hint layer (see chooseHint): of `checkId`, else of the first failing check. */
	async hint(checkId?: string): Promise<void> {
		if (!this.#deps) return;
		const p = this.progress;
		const choice = chooseHint(
			this.lesson.hints,
			this.checks,
			p.checksPassed,
			p.hintsRevealed,
			checkId
		);
		if (choice.checkId === undefined) {
			this.hintNotice = choice.notice;
			return;
		}
		this.hintNotice = null;
		this.progress = await this.#deps.progress.revealHint(
			this.lesson.id,
			choice.checkId,
			choice.layers
		);
	}

	/** After confirmation, loads the reference solution into the editor and records it. */
	async showSolution(): Promise<void> {
		if (!this.#deps || this.busy) return;
		const ok = await this.#deps.confirm({
			title: 'Show the solution?',
			body: 'The reference solution replaces your code in the editable files. Reset brings back the starter; your current edits are replaced.',
			confirm: 'Load the solution'
		});
		if (!ok || !this.#deps) return;
		if (!this.shared) this.settleStarters(this.staleStarters);
		for (const f of this.lesson.files) {
			if (!f.editable) continue;
			this.sources[f.path] = f.solution;
			if (!this.shared) {
				this.#deps.drafts.set(this.lesson.id, f.path, f.solution, this.#starterHashes[f.path]);
			}
		}
		// results of the code that was replaced no longer describe what the editor shows
		this.forgetRun();
		this.progress = await this.#deps.progress.recordSolutionShown(this.lesson.id);
	}

	/**
	 * After confirmation, restores the starter code and forgets the drafts, and drops the run on
	 * screen (forgetRun): nothing the old code produced stays.
	 */
	async reset(): Promise<void> {
		if (!this.#deps || this.busy) return;
		const ok = await this.#deps.confirm({
			title: 'Reset to the starter code?',
			body: 'Your edits to this lesson are discarded and the starter code comes back. Progress and hints stay.',
			confirm: 'Discard my edits'
		});
		if (!ok || !this.#deps) return;
		if (!this.shared) {
			await this.#deps.drafts.discard(this.lesson.id, this.#ownPaths());
			this.settleStarters(this.staleStarters);
		}
		for (const f of this.lesson.files) this.sources[f.path] = f.starter;
		this.forgetRun();
		this.notice = 'The starter code is back. Press Run to see what it does.';
	}

	/** The worker restarted under us (crash, timeout, cancel): the old run is gone. */
	restarted(reason: RestartReason): void {
		this.#loadedKey = null;
		this.timeline.reset(0, null, null);
		this.overview = null;
		if (reason === 'crash') {
			this.notice = 'The simulator stopped unexpectedly and was restarted. Press Run again.';
		}
	}

	async #load(): Promise<boolean> {
		const sources = $state.snapshot(this.sources);
		const seed = this.seed;
		const key = JSON.stringify({ sources, seed });
		if (key === this.#loadedKey) return true;
		// a new load replaces the worker's run, so the old timeline can no longer be browsed
		this.#loadedKey = null;
		this.timeline.reset(0, null, null);
		this.overview = null;
		const loaded = await this.#client().load({ lessonId: this.lesson.id, sources, seed });
		if (!loaded.ok) {
			this.errors = loaded.errors;
			this.announcement = `Your code has ${loaded.errors.length === 1 ? 'an error' : `${loaded.errors.length} errors`}; see the console.`;
			return false;
		}
		this.#loadedKey = key;
		return true;
	}

	#failed(error: unknown, cancelledNotice: string): void {
		if (isCancelled(error)) {
			this.notice = cancelledNotice;
			// the live region says it too: the notice is in the console, which is not announced
			this.announcement = `${cancelledNotice} Your code is kept.`;
		} else this.errors = [asError(error)];
	}

	/** Marks the lesson in progress (once). */
	async markStarted(): Promise<void> {
		if (this.#started || !this.#deps) return;
		this.#started = true;
		this.progress = await this.#deps.progress.markStarted(this.lesson.id);
	}

	/** The lesson's file paths (Reset discards their drafts; kept copies stay). */
	#ownPaths(): string[] {
		return this.lesson.files.map((f) => f.path);
	}

	#client(): SimLike {
		if (!this.#deps) throw new Error('The simulator is still loading.');
		return this.#deps.client;
	}
}
