/**
 * A view's props read one key at a time. A component given `{...props}` from an object that is
 * new at every step re-runs everything that reads any of its props, because the spread tracks
 * the whole object: a chart redraws its paths over the whole run when only `step` moved. Here
 * each key is its own derived, so a reader re-runs only when its value changes (by identity).
 */

/**
 * Props whose keys (read once, now) each follow `read()[key]` through their own derived.
 * @param read the current props (a new object may come at every step)
 * @returns an object with one getter per key, to spread into the component
 */
export function byKey<P extends Record<string, unknown>>(read: () => P): P {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(read())) {
		const value = $derived(read()[key]);
		Object.defineProperty(out, key, { get: () => value, enumerable: true });
	}
	return out as P;
}
