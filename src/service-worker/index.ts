/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Chainlab's service worker: after one visit the whole app works offline.
 *
 * - install: precache this build (every file of `$app/manifest`'s `immutable`, plus the Web Worker
 *   bundles it references: the simulator worker, Monaco's workers, the QuickJS wasm), the static
 *   files and every prerendered page and its __data.json, into one cache per version. A failed
 *   download fails the install, so a half-filled cache never serves.
 * - it does not skip waiting by itself: the page shows "Update available" and sends SKIP_WAITING
 *   once the learner accepts and the drafts are saved (src/lib/pwa).
 * - activate: delete this deployment's older caches, then claim open pages.
 * - fetch: cache-first for precached build files and static assets (their URL changes when their
 *   content does, or the version does); network-first with a cache fallback for pages, data and
 *   anything else of ours, so an online learner sees the newest page and an offline one the last.
 */
import { assets, immutable, prerendered } from '$app/manifest';
import { version } from '$app/env';
import { self } from '$app/service-worker';
import { isScript, relativeReferences } from '#lib/pwa/crawl.ts';
import { SKIP_WAITING, cachePrefix } from '#lib/pwa/protocol.ts';

const scope = self.registration.scope;
const PREFIX = cachePrefix(scope);
const CACHE = `${PREFIX}${version}`;
/** How long a page request may wait for the network before a cached copy is served. */
const NETWORK_TIMEOUT_MS = 4000;

const href = (path: string) => new URL(path, scope).href;

const STATIC = new Set([...immutable, ...assets].map((f) => href(f.path)));
/** Prerendered pages and, for pages with a server load, their `__data.json` (Kit lists both). */
const PAGES = prerendered.map((f) => href(f.path));
/** Content-hashed build output: a URL here never changes meaning, so the cache answers first. */
const IMMUTABLE_DIR = href('_app/immutable/');

/**
 * Precaches what the cached scripts load by relative URL and the manifest does not list: the Web
 * Worker bundles (simulator, Monaco, TypeScript), their chunks and the QuickJS wasm. A reference
 * that is not a file (minified code can look like one) is skipped.
 */
async function precacheReferenced(cache: Cache): Promise<void> {
	const seen = new Set(STATIC);
	const queue = [...STATIC].filter((url) => url.startsWith(IMMUTABLE_DIR) && isScript(url));
	for (let url = queue.pop(); url !== undefined; url = queue.pop()) {
		const text = await (await cache.match(url))?.text();
		if (!text) continue;
		for (const ref of relativeReferences(text, url, IMMUTABLE_DIR)) {
			if (seen.has(ref)) continue;
			seen.add(ref);
			// a network failure fails the install (retried later); a 404 is a false match
			const response = await fetch(ref, { cache: 'reload' });
			if (!response.ok) continue;
			await cache.put(ref, response);
			if (isScript(ref)) queue.push(ref);
		}
	}
}

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// bypass the HTTP cache: a stale page or asset must not be frozen into this version
			await cache.addAll([...STATIC, ...PAGES].map((url) => new Request(url, { cache: 'reload' })));
			await precacheReferenced(cache);
		})()
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			await self.clients.claim();
		})()
	);
});

self.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) void self.skipWaiting();
});

/**
 * A cached response from this deployment's caches, ours first (a waiting version's next).
 * `Vary` is ignored: servers send `Vary: Origin`, and a module script's request carries an Origin
 * header the precache request did not, which would otherwise miss every cached script offline.
 */
async function cached(
	request: Request | string,
	ignoreSearch = false
): Promise<Response | undefined> {
	const options = { ignoreSearch, ignoreVary: true };
	const own = await (await caches.open(CACHE)).match(request, options);
	if (own) return own;
	for (const key of await caches.keys()) {
		if (!key.startsWith(PREFIX) || key === CACHE) continue;
		const hit = await (await caches.open(key)).match(request, options);
		if (hit) return hit;
	}
	return undefined;
}

async function cacheFirst(request: Request): Promise<Response> {
	const hit = await cached(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
	return response;
}

function offlinePage(): Response {
	const html =
		'<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
		'<title>Offline · Chainlab</title><p style="font:1rem system-ui;margin:2rem">' +
		'You are offline, and this page was not saved on this device. ' +
		`<a href="${scope}">Open the catalog</a>; every lesson you can see there works offline.</p>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

async function networkFirst(request: Request): Promise<Response> {
	const network = fetch(request).then(async (response) => {
		if (response.ok && response.type === 'basic') {
			await (await caches.open(CACHE)).put(request, response.clone());
		}
		return response;
	});
	network.catch(() => {}); // a late failure after the cached copy was served is not an error
	let timer: ReturnType<typeof setTimeout> | undefined;
	// on a very slow network, a cached copy after a few seconds beats a spinner
	const slow = new Promise<Response>((resolve, reject) => {
		timer = setTimeout(() => {
			cached(request, true).then((hit) => (hit ? resolve(hit) : network.then(resolve, reject)));
		}, NETWORK_TIMEOUT_MS);
	});
	try {
		return await Promise.race([network, slow]);
	} catch {
		const hit = await cached(request, true);
		if (hit) return hit;
		return request.mode === 'navigate' ? offlinePage() : Response.error();
	} finally {
		clearTimeout(timer);
	}
}

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (!url.href.startsWith(scope)) return;
	url.hash = '';
	const immutableFile = url.href.startsWith(IMMUTABLE_DIR) || STATIC.has(url.href);
	event.respondWith(immutableFile ? cacheFirst(request) : networkFirst(request));
});
