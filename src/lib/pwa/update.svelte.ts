/**
 * Chainlab's service worker registration and update state (Svelte 5 runes).
 *
 * Kit's own registration is off (`serviceWorker.register: false` in vite.config.ts) so that this
 * module decides when a new version takes over: never on its own. When a new worker is installed
 * and waiting, `updateAvailable` turns true; `apply(save)` saves every draft first, and only if
 * that succeeded asks the waiting worker to take over, then reloads this tab once it has.
 */
import { SKIP_WAITING } from './protocol.ts';

/** The slice of the browser the state uses (tests pass fakes). */
export type PwaEnv = {
	container: ServiceWorkerContainer;
	reload: () => void;
	/** how often to ask the server for a new version while the page is open, in ms (0: never) */
	checkEveryMs?: number;
	/** where "offline use is unavailable" is remembered as said, so it is said once (localStorage) */
	memory?: Pick<Storage, 'getItem' | 'setItem'>;
};

/** The memory key of the offline-unavailable notice. */
export const OFFLINE_NOTICE_KEY = 'chainlab:offline-unavailable-said';

/** What a learner reads when the browser will not run Chainlab's service worker. */
export const OFFLINE_UNAVAILABLE =
	'Offline use is not available in this browser (it does not let Chainlab install its service worker), so Chainlab needs the network to load. Everything else works, and your work is still saved.';

/** How long the waiting worker may take to take over before the learner is told. */
const SWITCH_TIMEOUT_MS = 10_000;

const SAVE_FAILED =
	'Your latest edits could not be saved to browser storage, so Chainlab did not update (updating reloads the page and would lose them). Export a backup or copy your code, then try again.';

export class PwaUpdate {
	/** a new version is installed and waits for the learner */
	updateAvailable = $state(false);
	/** the learner chose "Later" for the waiting version */
	dismissed = $state(false);
	/** the learner accepted: drafts are being saved, then the version switches */
	updating = $state(false);
	/** another tab switched to a newer version; this tab still runs the old one */
	updatedElsewhere = $state(false);
	/** the first install finished: Chainlab now works offline */
	offlineReady = $state(false);
	/** a learner-facing sentence when updating failed */
	error = $state<string | null>(null);
	/** a learner-facing sentence when offline use is unavailable (said once per browser) */
	notice = $state<string | null>(null);

	#env: PwaEnv | null = null;
	#registration: ServiceWorkerRegistration | null = null;
	#accepted = false;

	/**
	 * Registers `scriptUrl` (a module worker; scope = its folder) and starts watching for updates.
	 * Idempotent; resolves when registration settled. A failure sets `error`, never throws.
	 */
	async start(scriptUrl: string, env: PwaEnv): Promise<void> {
		if (this.#env) return;
		this.#env = env;
		const { container } = env;
		const hadController = !!container.controller;
		let controlled = hadController;
		container.addEventListener('controllerchange', () => {
			// the first install claiming this page is not an update; any later change is
			if (!controlled) {
				controlled = true;
				this.offlineReady = true;
			} else if (this.#accepted) {
				env.reload();
			} else {
				this.updatedElsewhere = true;
			}
		});
		let registration: ServiceWorkerRegistration | undefined;
		try {
			// a browser (or a test harness) that blocks service workers may resolve to nothing
			registration = (await container.register(scriptUrl, { type: 'module' })) ?? undefined;
		} catch {
			registration = undefined;
		}
		if (!registration) {
			this.#unavailable(env);
			return;
		}
		this.#registration = registration;
		this.#watch(registration, hadController);
		if (env.checkEveryMs) {
			setInterval(() => void this.checkForUpdate(), env.checkEveryMs);
		}
	}

	/** Says once per browser, in words, that offline use is unavailable. */
	#unavailable(env: PwaEnv): void {
		try {
			if (env.memory?.getItem(OFFLINE_NOTICE_KEY)) return;
			env.memory?.setItem(OFFLINE_NOTICE_KEY, '1');
		} catch {
			// storage refused: say it on this page view
		}
		this.notice = OFFLINE_UNAVAILABLE;
	}

	#watch(registration: ServiceWorkerRegistration, hadController: boolean): void {
		const waiting = () => {
			if (registration.waiting && (hadController || this.#env?.container.controller)) {
				this.updateAvailable = true;
				this.dismissed = false;
			}
		};
		waiting();
		registration.addEventListener('updatefound', () => {
			const worker = registration.installing;
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') waiting();
				if (worker.state === 'activated' && !hadController) this.offlineReady = true;
			});
		});
	}

	/** Asks the server whether a newer version exists (the browser also checks on navigation). */
	async checkForUpdate(): Promise<void> {
		try {
			await this.#registration?.update();
		} catch {
			// offline or the server is unreachable: try again next time
		}
	}

	/** Hides the prompt until a newer version arrives. */
	dismiss(): void {
		this.dismissed = true;
	}

	/**
	 * Saves, then switches to the waiting version and reloads this tab.
	 * @param save writes every draft to storage; resolves true when all are stored
	 * @returns false (with `error` set) when saving failed, so nothing switched
	 */
	async apply(save: () => Promise<boolean>): Promise<boolean> {
		if (this.updating) return false;
		this.updating = true;
		this.error = null;
		let saved: boolean;
		try {
			saved = await save();
		} catch {
			saved = false;
		}
		if (!saved) {
			this.error = SAVE_FAILED;
			this.updating = false;
			return false;
		}
		const waiting = this.#registration?.waiting;
		this.#accepted = true;
		if (!waiting) {
			this.#env?.reload(); // already active (another tab switched it): just load it
			return true;
		}
		waiting.postMessage({ type: SKIP_WAITING });
		setTimeout(() => {
			if (!this.updating) return;
			this.updating = false;
			this.error = 'The new version did not start. Your work is saved; reload the page to update.';
		}, SWITCH_TIMEOUT_MS);
		return true;
	}
}

/** The page's one update state. */
export const pwa = new PwaUpdate();
