import { expect, test } from 'vitest';
import { reducedMotion, transition, watchReducedMotion } from '#lib/viz/motion.ts';

test('without a window there is no motion', () => {
	expect(reducedMotion()).toBe(true);
	expect(transition('transform', 200)).toBe('none');
	const seen: boolean[] = [];
	const stop = watchReducedMotion((r) => seen.push(r));
	stop();
	expect(seen).toEqual([true]);
});

test('follows matchMedia when there is one', () => {
	const listeners = new Set<() => void>();
	const query = {
		matches: false,
		addEventListener: (_: string, l: () => void) => listeners.add(l),
		removeEventListener: (_: string, l: () => void) => listeners.delete(l)
	};
	const g = globalThis as { window?: unknown };
	g.window = { matchMedia: () => query };
	try {
		expect(reducedMotion()).toBe(false);
		expect(transition('transform', 200)).toBe('transform 200ms ease-out');
		const seen: boolean[] = [];
		const stop = watchReducedMotion((r) => seen.push(r));
		query.matches = true;
		listeners.forEach((l) => l());
		stop();
		expect(listeners.size).toBe(0);
		expect(seen).toEqual([false, true]);
	} finally {
		delete g.window;
	}
});
