/**
 * The view loader: each view's component is loaded once, on first use, and kept for the page; a
 * load that fails (a chunk that could not be fetched) is reported and tried again on request.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { VIEWS } from '#lib/viz/registry.ts';
import { loadView, loadedView, preloadViews, viewFailure } from '#lib/viz/view-loader.svelte.ts';

afterEach(() => {
	vi.restoreAllMocks();
});

test('a view loads once, on first use, and is kept', async () => {
	const load = vi.spyOn(VIEWS.balances, 'load');
	expect(loadedView('balances')).toBeUndefined();
	const [a, b] = await Promise.all([loadView('balances'), loadView('balances')]);
	expect(a).toBe(b);
	expect(loadedView('balances')).toBe(a);
	expect(await loadView('balances')).toBe(a);
	expect(load).toHaveBeenCalledTimes(1);
});

test('preloading starts the loads of the known ids and skips the others', async () => {
	const load = vi.spyOn(VIEWS.health, 'load');
	preloadViews(['health', 'no-such-view']);
	expect(load).toHaveBeenCalledTimes(1);
	await vi.waitFor(() => expect(loadedView('health')).toBeDefined());
});

test('a failed load says why and is tried again on the next call', async () => {
	const load = vi.spyOn(VIEWS.price, 'load').mockRejectedValueOnce(new Error('offline'));
	await expect(loadView('price')).rejects.toThrow('offline');
	expect(viewFailure('price')).toBe('offline');
	expect(loadedView('price')).toBeUndefined();
	const view = await loadView('price');
	expect(viewFailure('price')).toBeUndefined();
	expect(loadedView('price')).toBe(view);
	expect(load).toHaveBeenCalledTimes(2);
});
