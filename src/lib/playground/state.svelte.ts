/**
 * The playground page's state (Svelte 5 runes), a Workspace of the workbench: the workspace of the chosen template (files,
 * seed, script of actions), its run (timeline, views, contracts), and the actions the forms call.
 * A workspace is stored like a lesson under `playground/<template>`: each edited file is a draft
 * and the script is the draft `workspace.json`. A shared copy (from a link) is never stored
 * unless the learner keeps it. The forms read each contract file's ABI from `abis`, which the
 * worker reads from the sources whenever they are loaded or changed (edits debounced).
 */
import { isCopyPath } from '#lib/storage/backup.ts';
import type { DraftStore } from '#lib/storage/drafts.ts';
import type { SharedState } from '#lib/share/index.ts';
import { linkState, reproduced, sharedCopyOf } from '#lib/workbench/shared-copy.ts';
import { Workspace, type Confirm, type WorkspaceFile } from '#lib/workbench/workspace.svelte.ts';
import type { Frame } from '#lib/model/frame.ts';
import { isCancelled, type RestartReason } from '#lib/worker/client.ts';
import type { PlaygroundClient } from './client.ts';
import { SCRIPT_FILE, readScript, writeScript } from './script-file.ts';
import { templateOf, type PlaygroundTemplate } from './templates.ts';
import type { Abi, Action, ActionError, ContractInfo, ReadRequest, ReadResult } from './types.ts';
import { workspaceId, type TemplateId } from './workspaces.ts';
import { DEFAULT_SEED } from '#lib/model/run.ts';

export { DEFAULT_SEED };

export type PlaygroundDeps = {
	client: Pick<PlaygroundClient, 'run' | 'goto' | 'read' | 'abi'>;
	drafts: DraftStore;
	confirm: Confirm;
	/** milliseconds after the last edit before the ABIs are read again (ABI_DELAY_MS by default) */
	abiDelayMs?: number;
};

/** Milliseconds after the last keystroke before the forms' ABIs are read again. */
export const ABI_DELAY_MS = 300;

const STARTER = (name: string) => `import { Contract, StorageValue, msg, emit } from 'chainlab';

export default class ${name} extends Contract {
	owner = new StorageValue<string>('owner', '');

	constructor() {
		super();
		this.owner.set(msg.sender);
	}

	hello(): string {
		emit('Hello', { from: msg.sender });
		return 'hello from ' + this.address;
	}
}
`;

export class PlaygroundState extends Workspace {
	template = $state<TemplateId>('one-chain');
	/** file paths in tab order: the template's, then the learner's */
	paths = $state<string[]>([]);
	actions = $state.raw<Action[]>([]);
	contracts = $state.raw<ContractInfo[]>([]);
	actionErrors = $state.raw<ActionError[]>([]);
	/** files were edited since the last run: Run again applies them */
	stale = $state(false);
	/**
	 * The ABI of each contract file by path, for the forms (null: no default-exported class). A
	 * file that stops parsing keeps the last ABI it had; one that never parsed has none.
	 */
	abis = $state.raw<Record<string, Abi | null>>({});
	#deps: PlaygroundDeps | null = null;
	#abiTimer: ReturnType<typeof setTimeout> | undefined;
	/** how many ABI reads were asked for: only the latest one's answer is applied */
	#abiAsked = 0;

	get spec(): PlaygroundTemplate {
		return templateOf(this.template);
	}

	get workspace(): string {
		return workspaceId(this.template);
	}

	/** The files as the editor shows them (all editable). */
	get files(): WorkspaceFile[] {
		return this.paths.map((path) => ({ path, text: this.sources[path] ?? '', editable: true }));
	}

	/** Files the learner added (they can be deleted; the template's can be reset). */
	get ownFiles(): string[] {
		return this.paths.filter((p) => !this.spec.files.some((f) => f.path === p));
	}

	/** Connects the worker and storage, opens a template's workspace (or a shared copy) and runs it. */
	async attach(deps: PlaygroundDeps, template: TemplateId, shared?: SharedState): Promise<void> {
		this.#deps = deps;
		if (shared) {
			this.template = shared.lessonId.split('/')[1] as TemplateId;
			this.#fill(shared.sources, this.template);
			this.seed = shared.seed;
			this.shared = sharedCopyOf(shared);
			this.ready = true;
			await this.run(shared.step);
			if (this.shared) this.shared = reproduced(this.shared, this.timeline);
			return;
		}
		await this.open(template);
	}

	/** Opens the stored workspace of a template (saving the current one first) and runs it. */
	async open(template: TemplateId): Promise<void> {
		const deps = this.#need();
		if (!this.shared) await deps.drafts.flush();
		this.shared = null;
		this.template = template;
		this.#fill(await deps.drafts.load(workspaceId(template)), template);
		this.ready = true;
		await this.run();
	}

	/** Sources and script of a workspace from stored (or shared) files over the template's. */
	#fill(stored: Record<string, string>, template: TemplateId): void {
		const spec = templateOf(template);
		const sources: Record<string, string> = {};
		for (const f of spec.files) sources[f.path] = stored[f.path] ?? f.text;
		const extra = Object.keys(stored)
			.filter((p) => !(p in sources) && p !== SCRIPT_FILE && !isCopyPath(p) && p.endsWith('.ts'))
			.sort();
		for (const p of extra) sources[p] = stored[p];
		this.sources = sources;
		this.paths = [...spec.files.map((f) => f.path), ...extra];
		this.active = this.paths[0] ?? '';
		const script = readScript(stored[SCRIPT_FILE]);
		if (stored[SCRIPT_FILE] !== undefined && !script) {
			this.notice = 'The saved steps of this workspace could not be read, so it starts over.';
		}
		this.seed = script?.seed ?? DEFAULT_SEED;
		this.actions = script?.actions ?? spec.setup;
		this.abis = {};
		void this.readAbis();
	}

	/** The editor reports an edit: stored as a draft (unless a shared copy); Run again applies it. */
	edit(path: string, text: string): void {
		if (this.sources[path] === text) return;
		this.sources[path] = text;
		this.stale = true;
		if (!this.shared) this.#need().drafts.set(this.workspace, path, text);
		clearTimeout(this.#abiTimer);
		this.#abiTimer = setTimeout(() => void this.readAbis(), this.#deps?.abiDelayMs ?? ABI_DELAY_MS);
	}

	/**
	 * Asks the worker for the ABI of every file and keeps it in `abis`; a file that does not parse
	 * keeps its last ABI. A newer read supersedes one still under way; a failed read (the worker
	 * restarting, the page closing) leaves the ABIs as they are.
	 */
	async readAbis(): Promise<void> {
		clearTimeout(this.#abiTimer);
		if (!this.#deps) return;
		const asked = ++this.#abiAsked;
		const sources = $state.snapshot(this.sources);
		let read: Record<string, Abi | null>;
		try {
			read = await this.#deps.client.abi(sources);
		} catch {
			return;
		}
		if (asked !== this.#abiAsked) return;
		const abis: Record<string, Abi | null> = {};
		for (const path of Object.keys(sources)) {
			const abi = Object.hasOwn(read, path) ? read[path] : this.abis[path];
			if (abi !== undefined) abis[path] = abi;
		}
		this.abis = abis;
	}

	/** Adds an action at the end of the script and runs it; the timeline shows its step. */
	async act(action: Action): Promise<void> {
		this.actions = [...this.actions, action];
		this.#saveScript();
		await this.run();
	}

	/** Removes the last step of the script. */
	async undo(): Promise<void> {
		if (this.actions.length === 0) return;
		this.actions = this.actions.slice(0, -1);
		this.#saveScript();
		await this.run();
	}

	/**
	 * Sets the world seed (uint32) of the next run, saved with the script; like an edit, Run again
	 * applies it (a seed typed digit by digit does not run the script once per digit).
	 */
	setSeed(seed: number): void {
		if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff || seed === this.seed) return;
		this.seed = seed;
		this.stale = true;
		this.#saveScript();
	}

	/**
	 * Adds a contract file `contracts/<name>.ts` with a small starter.
	 * @returns a learner-facing reason when the name is not usable, else null
	 */
	newFile(name: string): string | null {
		const clean = name.trim().replace(/\.ts$/, '');
		if (!/^[A-Z][A-Za-z0-9_]{0,39}$/.test(clean)) {
			return 'Name the contract like a class: a capital letter, then letters, digits or _ (e.g. Auction).';
		}
		const path = `contracts/${clean}.ts`;
		if (path in this.sources) return `There is already a file ${path}.`;
		this.sources[path] = STARTER(clean);
		this.paths = [...this.paths, path];
		this.active = path;
		if (!this.shared) this.#need().drafts.set(this.workspace, path, this.sources[path]);
		void this.readAbis();
		return null;
	}

	/** Deletes a file the learner added, after confirmation. */
	async deleteFile(path: string): Promise<void> {
		const deps = this.#need();
		if (!this.ownFiles.includes(path)) return;
		const ok = await deps.confirm({
			title: `Delete ${path}?`,
			body: 'The file and its code are removed from this workspace. Steps that deploy it will fail.',
			confirm: 'Delete the file'
		});
		if (!ok) return;
		this.paths = this.paths.filter((p) => p !== path);
		delete this.sources[path];
		const { [path]: _gone, ...abis } = this.abis;
		this.abis = abis;
		if (this.active === path) this.active = this.paths[0] ?? '';
		if (!this.shared) await deps.drafts.discard(this.workspace, [path]);
		this.stale = true;
	}

	/** After confirmation, brings back the template's files and steps. */
	async reset(): Promise<void> {
		const deps = this.#need();
		const ok = await deps.confirm({
			title: 'Start this workspace over?',
			body: `Your files and steps in "${this.spec.title}" are discarded and the template comes back.`,
			confirm: 'Start over'
		});
		if (!ok) return;
		if (!this.shared) await deps.drafts.discard(this.workspace);
		this.shared = null;
		this.#fill({}, this.template);
		this.notice = 'The template is back.';
		await this.run();
	}

	/** Runs the whole script from a fresh world and shows step `step` (default: the last). */
	async run(step?: number): Promise<void> {
		const deps = this.#need();
		if (this.running) return;
		this.running = true;
		this.stale = false;
		this.errors = [];
		try {
			const result = await deps.client.run({
				template: this.template,
				sources: $state.snapshot(this.sources),
				seed: this.seed,
				actions: $state.snapshot(this.actions) as Action[]
			});
			this.contracts = result.contracts;
			this.actionErrors = result.errors;
			this.errors = result.errors.map((e) => ({
				...e.error,
				message: e.action >= 0 ? `Step ${e.action + 1}: ${e.error.message}` : e.error.message
			}));
			this.overview = result.overview;
			this.timeline.reset(result.steps, result.first, result.last);
			await this.timeline.goto(step ?? result.steps - 1);
			const failed = result.errors.length;
			this.announcement = `${result.steps} steps${failed ? `, ${failed} failed` : ''}.`;
		} catch (error) {
			if (!isCancelled(error)) {
				this.errors = [{ kind: 'runtime', message: (error as Error).message ?? String(error) }];
			}
		} finally {
			this.running = false;
		}
	}

	/** A read-only call at the step shown. */
	read(request: ReadRequest): Promise<ReadResult> {
		return this.#need().client.read(request);
	}

	/** The state a share link carries: every file and the script, the seed and the step shown. */
	shareState(): SharedState {
		const sources: Record<string, string> = { ...$state.snapshot(this.sources) };
		sources[SCRIPT_FILE] = writeScript(this.seed, this.actions);
		return linkState(this.workspace, sources, this.seed, this.timeline);
	}

	protected frameAt(step: number): Promise<Frame> {
		return this.#need().client.goto(step);
	}

	/** Makes the shared copy the learner's workspace of its template, asking before replacing. */
	async keepShared(): Promise<boolean> {
		const deps = this.#need();
		if (!this.shared) return false;
		const own = await deps.drafts.load(this.workspace);
		if (Object.keys(own).length > 0) {
			const ok = await deps.confirm({
				title: 'Replace your workspace?',
				body: `You have your own files or steps in "${this.spec.title}". Keeping the shared copy replaces them.`,
				confirm: 'Replace my workspace'
			});
			if (!ok) return false;
		}
		await deps.drafts.discard(this.workspace);
		for (const path of this.paths) {
			const starter = this.spec.files.find((f) => f.path === path)?.text;
			if (this.sources[path] !== starter) deps.drafts.set(this.workspace, path, this.sources[path]);
		}
		this.shared = null;
		this.#saveScript();
		await deps.drafts.flush();
		this.notice = 'The shared copy is now your workspace.';
		return true;
	}

	/** Leaves the shared copy for the learner's own workspace of the same template. */
	async leaveShared(): Promise<void> {
		if (!this.shared) return;
		this.shared = null;
		await this.open(this.template);
		this.notice = 'Back to your own workspace.';
	}

	/** The worker was restarted: its run is gone, so run the script again. */
	restarted(reason: RestartReason): void {
		this.timeline.reset(0, null, null);
		if (reason === 'crash') {
			this.notice = 'The simulator stopped unexpectedly and was restarted; your steps run again.';
			void this.run();
		}
	}

	/**
	 * Stores the script at once: a step is one deliberate action, not a keystroke, so it is not
	 * left to the drafts' debounce (a page closed right after a step would lose it).
	 */
	#saveScript(): void {
		if (this.shared || !this.#deps) return;
		this.#deps.drafts.set(this.workspace, SCRIPT_FILE, writeScript(this.seed, this.actions));
		void this.#deps.drafts.flush();
	}

	#need(): PlaygroundDeps {
		if (!this.#deps) throw new Error('The simulator is still loading.');
		return this.#deps;
	}
}
