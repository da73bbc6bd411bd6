/**
 * The run's timeline: which step is shown, its frame, stepping and playback. Frames come from the
 * worker (`goto`), are cached, and rapid requests (a dragged slider) collapse to the latest one.
 * Play advances about 8 steps a second and stops at the end; with reduced motion it still steps,
 * the views simply do not animate.
 */
import type { Frame } from '#lib/model/frame.ts';
import type { FailedStep } from '#lib/model/run.ts';

/** Steps per second while playing. */
export const PLAY_RATE = 8;

export class Timeline {
	/** number of steps in the run (0 before any run); steps are 0..total-1 */
	total = $state(0);
	/** the step the learner asked for (the slider's value) */
	step = $state(0);
	/** the frame shown (may lag `step` for a moment while it loads) */
	frame = $state.raw<Frame | null>(null);
	playing = $state(false);
	loading = $state(false);
	error = $state<string | null>(null);
	/** steps holding failed transactions, ascending (from the run result) */
	failures = $state.raw<FailedStep[]>([]);

	readonly #fetch: (step: number) => Promise<Frame>;
	// a plain cache: the shown frame is the reactive `frame`
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<number, Frame>();
	#wanted: number | null = null;
	#pump: Promise<void> | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#generation = 0;
	/** bumped by pause, so a tick still awaiting its frame cannot resume an older playback */
	#playRun = 0;

	constructor(fetch: (step: number) => Promise<Frame>) {
		this.#fetch = fetch;
	}

	get last(): number {
		return Math.max(0, this.total - 1);
	}
	get atStart(): boolean {
		return this.step <= 0;
	}
	get atEnd(): boolean {
		return this.step >= this.last;
	}

	/** Failed transactions in the whole run (the sum over `failures`). */
	get failedTxs(): number {
		return this.failures.reduce((sum, f) => sum + f.count, 0);
	}
	/** The first failed step after the one shown, if any. */
	get nextFailure(): FailedStep | undefined {
		return this.failures.find((f) => f.step > this.step);
	}
	/** The last failed step before the one shown, if any. */
	get previousFailure(): FailedStep | undefined {
		return this.failures.findLast((f) => f.step < this.step);
	}

	/**
	 * Starts over with a new run of `total` steps, showing `first` (and caching `last`);
	 * `failures` are the run's steps holding failed transactions.
	 */
	reset(total: number, first: Frame | null, last: Frame | null, failures: FailedStep[] = []): void {
		this.pause();
		this.#generation++;
		this.#cache.clear();
		this.#wanted = null;
		this.total = total;
		this.error = null;
		this.failures = failures.filter((f) => f.step >= 0 && f.step < total);
		if (first) this.#cache.set(first.step, first);
		if (last) this.#cache.set(last.step, last);
		this.frame = first;
		this.step = first?.step ?? 0;
	}

	/** Shows a step (clamped to the run). Resolves once that frame, or a later request, is shown. */
	goto(step: number): Promise<void> {
		if (this.total === 0) return Promise.resolve();
		const target = Math.min(this.last, Math.max(0, Math.round(step)));
		this.step = target;
		const cached = this.#cache.get(target);
		if (cached && !this.#pump) {
			this.frame = cached;
			return Promise.resolve();
		}
		this.#wanted = target;
		this.#pump ??= this.#drain().finally(() => (this.#pump = null));
		return this.#pump;
	}

	stepBack(): Promise<void> {
		this.pause();
		return this.goto(this.step - 1);
	}

	stepForward(): Promise<void> {
		this.pause();
		return this.goto(this.step + 1);
	}

	/** Shows the first failed step of the run (nothing when none failed). */
	firstFailure(): Promise<void> {
		this.pause();
		const first = this.failures[0];
		return first ? this.goto(first.step) : Promise.resolve();
	}

	/** Shows the next failed step after the one shown (nothing at the last one). */
	gotoNextFailure(): Promise<void> {
		this.pause();
		const next = this.nextFailure;
		return next ? this.goto(next.step) : Promise.resolve();
	}

	/** Shows the failed step before the one shown (nothing at the first one). */
	gotoPreviousFailure(): Promise<void> {
		this.pause();
		const previous = this.previousFailure;
		return previous ? this.goto(previous.step) : Promise.resolve();
	}

	/** Plays from the current step (from the start when at the end) until the last step. */
	play(): void {
		if (this.playing || this.total < 2) return;
		if (this.atEnd) void this.goto(0);
		this.playing = true;
		this.#tick();
	}

	pause(): void {
		this.playing = false;
		this.#playRun++;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}

	#tick(delay = 1000 / PLAY_RATE): void {
		const run = this.#playRun;
		this.#timer = setTimeout(async () => {
			this.#timer = null;
			if (!this.playing || run !== this.#playRun) return;
			const started = performance.now();
			await this.goto(this.step + 1);
			if (!this.playing || run !== this.#playRun) return;
			if (this.atEnd || this.error) {
				this.pause();
				return;
			}
			// a slow frame eats into the next delay instead of slowing playback further
			this.#tick(Math.max(0, 1000 / PLAY_RATE - (performance.now() - started)));
		}, delay);
	}

	async #drain(): Promise<void> {
		const generation = this.#generation;
		this.loading = true;
		try {
			while (this.#wanted !== null) {
				const step = this.#wanted;
				this.#wanted = null;
				let frame = this.#cache.get(step);
				if (!frame) {
					frame = await this.#fetch(step);
					if (generation !== this.#generation) return;
					this.#cache.set(step, frame);
				}
				if (this.#wanted === null) this.frame = frame;
			}
			this.error = null;
		} catch (error) {
			if (generation !== this.#generation) return;
			this.pause();
			this.#wanted = null;
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.#generation) this.loading = false;
		}
	}
}
