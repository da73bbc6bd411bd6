/**
 * Starts Chainlab's service worker from the page (Kit's own registration is switched off, see
 * update.svelte.ts). Browser only; does nothing in development, where caching would only get in
 * the way of fresh code, or where service workers are unavailable (old browsers, insecure origins).
 */
import { dev } from '$app/env';
import { resolve } from '$app/paths';
import { pwa } from './update.svelte.ts';

/** Re-check the server for a new version this often while a tab is open. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** localStorage when the browser allows it (it may throw in private modes). */
function memory(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

/** Registers the worker once the page has loaded (so precaching never slows the first paint). */
export function startPwa(): void {
	if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const go = () =>
		void pwa.start(`${resolve('/').replace(/\/$/, '')}/service-worker.js`, {
			container: navigator.serviceWorker,
			reload: () => location.reload(),
			checkEveryMs: CHECK_EVERY_MS,
			memory: memory()
		});
	if (document.readyState === 'complete') go();
	else addEventListener('load', go, { once: true });
}
