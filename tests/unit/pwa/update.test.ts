import { describe, expect, it, vi } from 'vitest';
import { OFFLINE_UNAVAILABLE, PwaUpdate } from '#lib/pwa/update.svelte.ts';
import { SKIP_WAITING, cachePrefix } from '#lib/pwa/protocol.ts';

/** A minimal EventTarget-based fake of the browser's service worker objects. */
class FakeWorker extends EventTarget {
	state: ServiceWorkerState = 'installing';
	messages: unknown[] = [];
	postMessage(message: unknown) {
		this.messages.push(message);
	}
	setState(state: ServiceWorkerState) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	updates = 0;
	async update() {
		this.updates++;
	}
	/** A new version downloads and installs; it waits unless nothing is active. */
	install(): FakeWorker {
		const worker = new FakeWorker();
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		this.installing = null;
		this.waiting = worker;
		worker.setState('installed');
		return worker;
	}
}

class FakeContainer extends EventTarget {
	controller: FakeWorker | null;
	registration = new FakeRegistration();
	registered: { url: string; options?: RegistrationOptions }[] = [];
	constructor(controlled: boolean) {
		super();
		this.controller = controlled ? new FakeWorker() : null;
	}
	async register(url: string, options?: RegistrationOptions) {
		this.registered.push({ url, options });
		return this.registration;
	}
	/** The waiting worker takes over (after skipWaiting, or another tab's). */
	switchTo(worker: FakeWorker) {
		this.registration.waiting = null;
		this.registration.active = worker;
		worker.setState('activated');
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

function setup(controlled = true) {
	const container = new FakeContainer(controlled);
	const reload = vi.fn();
	const pwa = new PwaUpdate();
	const start = pwa.start('/service-worker.js', {
		container: container as unknown as ServiceWorkerContainer,
		reload
	});
	return { container, reload, pwa, start };
}

describe('service worker updates', () => {
	it('registers a module worker and, on a first visit, reports offline-ready without an update', async () => {
		const { container, pwa, start, reload } = setup(false);
		await start;
		expect(container.registered).toEqual([
			{ url: '/service-worker.js', options: { type: 'module' } }
		]);
		const first = container.registration.install();
		expect(pwa.updateAvailable).toBe(false);
		container.switchTo(first); // first install activates and claims the page
		expect(pwa.offlineReady).toBe(true);
		expect(pwa.updateAvailable).toBe(false);
		expect(pwa.updatedElsewhere).toBe(false);
		expect(reload).not.toHaveBeenCalled();
	});

	it('shows "update available" for a waiting version and never reloads on its own', async () => {
		const { container, pwa, start, reload } = setup();
		await start;
		const next = container.registration.install();
		expect(pwa.updateAvailable).toBe(true);
		expect(next.messages).toEqual([]);
		pwa.dismiss();
		expect(pwa.dismissed).toBe(true);
		expect(reload).not.toHaveBeenCalled();
	});

	it('notices a version that was already waiting when the page opened', async () => {
		const container = new FakeContainer(true);
		container.registration.waiting = new FakeWorker();
		const pwa = new PwaUpdate();
		await pwa.start('/sw.js', {
			container: container as unknown as ServiceWorkerContainer,
			reload: () => {}
		});
		expect(pwa.updateAvailable).toBe(true);
	});

	it('accepting saves every draft first, then switches, then reloads', async () => {
		const { container, pwa, start, reload } = setup();
		await start;
		const next = container.registration.install();
		const order: string[] = [];
		const save = vi.fn(async () => {
			order.push('save');
			expect(next.messages).toEqual([]); // nothing switched before the save finished
			return true;
		});
		next.postMessage = (m: unknown) => {
			order.push('switch');
			next.messages.push(m);
		};
		expect(await pwa.apply(save)).toBe(true);
		expect(order).toEqual(['save', 'switch']);
		expect(next.messages).toEqual([{ type: SKIP_WAITING }]);
		expect(reload).not.toHaveBeenCalled();
		container.switchTo(next);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('does not switch when the drafts could not be saved', async () => {
		const { container, pwa, start, reload } = setup();
		await start;
		const next = container.registration.install();
		expect(await pwa.apply(async () => false)).toBe(false);
		expect(pwa.error).toMatch(/could not be saved/);
		expect(await pwa.apply(() => Promise.reject(new Error('quota')))).toBe(false);
		expect(next.messages).toEqual([]);
		expect(pwa.updating).toBe(false);
		expect(reload).not.toHaveBeenCalled();
	});

	it('a switch made in another tab is reported, not reloaded', async () => {
		const { container, pwa, start, reload } = setup();
		await start;
		const next = container.registration.install();
		container.switchTo(next);
		expect(pwa.updatedElsewhere).toBe(true);
		expect(reload).not.toHaveBeenCalled();
		// the learner then chooses to save and reload this tab
		expect(await pwa.apply(async () => true)).toBe(true);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('a failed registration is explained, not thrown', async () => {
		const container = new FakeContainer(false);
		container.register = () => Promise.reject(new Error('SecurityError: insecure origin'));
		const pwa = new PwaUpdate();
		await pwa.start('/sw.js', {
			container: container as unknown as ServiceWorkerContainer,
			reload: () => {}
		});
		expect(pwa.notice).toMatch(/offline use/i);
	});

	it('a blocked service worker (register resolves to nothing) is said in words, once', async () => {
		const memory = new Map<string, string>();
		const storage = {
			getItem: (k: string) => memory.get(k) ?? null,
			setItem: (k: string, v: string) => void memory.set(k, v)
		};
		for (const expected of [OFFLINE_UNAVAILABLE, null]) {
			const container = new FakeContainer(false);
			container.register = () => Promise.resolve(undefined as never);
			const pwa = new PwaUpdate();
			await pwa.start('/sw.js', {
				container: container as unknown as ServiceWorkerContainer,
				reload: () => {},
				memory: storage
			});
			expect(pwa.error).toBeNull();
			expect(pwa.notice).toBe(expected);
			expect(pwa.notice ?? '').not.toMatch(/Cannot read|undefined/);
		}
	});

	it('cache names are per deployment path', () => {
		expect(cachePrefix('https://a.example/')).toBe('chainlab:/:');
		expect(cachePrefix('https://a.example/chainlab/')).toBe('chainlab:/chainlab/:');
	});
});
