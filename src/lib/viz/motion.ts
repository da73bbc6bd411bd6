/**
 * Motion preference: views animate only when the learner has not asked the system to reduce
 * motion. Safe to call during prerendering (no `window`: no motion).
 */

/** True when `prefers-reduced-motion: reduce` is set, or when there is no window to ask. */
export function reducedMotion(): boolean {
	if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
	return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A CSS `transition` value for `property` over `ms` milliseconds, or `'none'` under reduced motion. */
export function transition(property: string, ms: number): string {
	return reducedMotion() ? 'none' : `${property} ${ms}ms ease-out`;
}

/**
 * Calls `onChange` now and whenever the reduced-motion preference changes; returns the
 * unsubscribe function (fits a Svelte `$effect`). Without a window it reports `true` once.
 */
export function watchReducedMotion(onChange: (reduced: boolean) => void): () => void {
	if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') {
		onChange(true);
		return () => {};
	}
	const query = window.matchMedia('(prefers-reduced-motion: reduce)');
	const listener = () => onChange(query.matches);
	listener();
	query.addEventListener('change', listener);
	return () => query.removeEventListener('change', listener);
}
