/**
 * The view components, loaded on first use: each registry entry's `load` is called at most once
 * per page (a failed load may be tried again), and the loaded component is kept in a reactive map
 * that ViewHost reads, so a view is drawn as soon as its chunk arrives.
 */
import type { Component } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { isViewId, type ViewId } from '#lib/model/views.ts';
import { VIEWS } from './registry.ts';

type AnyComponent = Component<Record<string, unknown>>;

/** Components loaded so far, by view id (reactive: ViewHost draws a view once it is here). */
const loaded = new SvelteMap<ViewId, AnyComponent>();
/** Why a view's last load failed, by view id (reactive; cleared by the next attempt). */
const failed = new SvelteMap<ViewId, string>();
/** Loads under way or done, so each chunk is requested once (plain: never rendered). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pending = new Map<ViewId, Promise<AnyComponent>>();

/**
 * Loads the component of view `id` (once; a failed load is retried on the next call).
 * @returns the component; rejects with the loader's error (a chunk that could not be fetched)
 */
export function loadView(id: ViewId): Promise<AnyComponent> {
	let load = pending.get(id);
	if (!load) {
		failed.delete(id);
		load = VIEWS[id].load().then(
			(module) => {
				loaded.set(id, module.default);
				return module.default;
			},
			(error: unknown) => {
				pending.delete(id);
				failed.set(id, error instanceof Error ? error.message : String(error));
				throw error;
			}
		);
		pending.set(id, load);
	}
	return load;
}

/**
 * Starts loading the views a page names (unknown ids are skipped; the panel reports them), so
 * they are ready when a run first shows them. Failures are kept for `viewFailure`.
 */
export function preloadViews(ids: readonly string[]): void {
	for (const id of ids) if (isViewId(id)) loadView(id).catch(() => {});
}

/** The component of view `id` if it has loaded, else undefined (reactive). */
export const loadedView = (id: ViewId): AnyComponent | undefined => loaded.get(id);

/** Why view `id` could not load, or undefined (reactive). */
export const viewFailure = (id: ViewId): string | undefined => failed.get(id);
