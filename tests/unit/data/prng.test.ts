import { describe, expect, test } from 'vitest';
import { createPrng } from '#lib/data/prng.ts';

describe('seeded PRNG (mulberry32)', () => {
	test('same seed, same sequence; different seed, different sequence', () => {
		const a = createPrng(42);
		const b = createPrng(42);
		const c = createPrng(43);
		const seqA = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
	});

	test('next() is in [0, 1) and roughly uniform', () => {
		const prng = createPrng(7);
		const draws = Array.from({ length: 20_000 }, () => prng.next());
		expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...draws)).toBeLessThan(1);
		const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
		expect(mean).toBeGreaterThan(0.49);
		expect(mean).toBeLessThan(0.51);
	});

	test('int(n) covers 0..n-1 only', () => {
		const prng = createPrng(1);
		const seen = new Set(Array.from({ length: 2_000 }, () => prng.int(6)));
		expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
		expect(() => prng.int(0)).toThrow(RangeError);
		expect(() => prng.int(2.5)).toThrow(RangeError);
	});

	test('normal() has mean ~0 and standard deviation ~1', () => {
		const prng = createPrng(99);
		const xs = Array.from({ length: 20_000 }, () => prng.normal());
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(sd).toBeGreaterThan(0.97);
		expect(sd).toBeLessThan(1.03);
		expect(xs.every(Number.isFinite)).toBe(true);
	});
});
