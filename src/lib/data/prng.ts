/**
 * A small seeded pseudo-random generator for reproducible synthetic data.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, public domain): one 32-bit state word, period 2^32,
 * plenty for data sets of thousands of numbers. Normal deviates use the Box-Muller transform.
 * `next()` and `int()` use only 32-bit integer operations, so they are identical in every engine;
 * `normal()` also uses Math.log/sqrt/cos, which Node and Chromium (both V8) compute identically.
 * Not for cryptography.
 */

export type Prng = {
	/** Uniform in [0, 1), a multiple of 2^-32. */
	next(): number;
	/** Uniform whole number in [0, n); throws a RangeError unless n is a whole number >= 1. */
	int(n: number): number;
	/** Standard normal deviate (mean 0, standard deviation 1). */
	normal(): number;
};

/**
 * Creates a generator from a seed (any finite number; only its low 32 bits are used).
 * Throws a RangeError on a non-finite seed.
 */
export function createPrng(seed: number): Prng {
	if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
	let state = Math.trunc(seed) >>> 0;

	const next = (): number => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};

	return {
		next,
		int(n: number): number {
			if (!Number.isInteger(n) || n < 1) {
				throw new RangeError(`int(n) needs a whole number n >= 1, got ${n}`);
			}
			return Math.floor(next() * n);
		},
		normal(): number {
			// 1 - next() is in (0, 1], so the log is finite
			const u = 1 - next();
			const v = next();
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		}
	};
}
