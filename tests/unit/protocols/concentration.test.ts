/**
 * concentration.ts: hand-worked figures (each worked out in the comment beside it), the DOJ's own
 * HHI example, edge cases, property tests over seeded random distributions (permutation and
 * scaling invariance, bounds) and cross-checks against the O(n²) definitions.
 */
import { describe, expect, test } from 'vitest';
import { gini, hhi, lorenzPoints, nakamotoCoefficient } from '#lib/protocols/concentration.ts';

const HALF = { numerator: 1n, denominator: 2n };
const THIRD = { numerator: 1n, denominator: 3n };

/** A seeded PRNG (mulberry32), so the property tests are the same every run. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomStakes(rand: () => number): bigint[] {
	const n = 1 + Math.floor(rand() * 40);
	return Array.from({ length: n }, () => {
		const r = rand();
		// a mix of zeros, small and whale-sized stakes
		if (r < 0.1) return 0n;
		if (r < 0.2) return BigInt(Math.floor(rand() * 1e9)) * 10n ** 18n;
		return BigInt(Math.floor(rand() * 1e6));
	});
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
	const out = [...xs];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
	while (b) [a, b] = [b, a % b];
	return abs(a);
}

/** Gini's definition as written, O(n²): ΣΣ|xi-xj| / (2 n² x̄) = ΣΣ|xi-xj| / (2 n T). */
function bruteGini(xs: bigint[]) {
	const t = xs.reduce((a, b) => a + b, 0n);
	if (t === 0n) return { numerator: 0n, denominator: 1n };
	let sum = 0n;
	for (const a of xs) for (const b of xs) sum += abs(a - b);
	const den = 2n * BigInt(xs.length) * t;
	const g = gcd(sum, den);
	return { numerator: sum / g, denominator: den / g };
}

/** Every subset's size, O(2ⁿ) for small n: the smallest coalition of any holders over the line. */
function bruteNakamoto(xs: bigint[], num: bigint, den: bigint, inclusive = false) {
	const t = xs.reduce((a, b) => a + b, 0n);
	let best = Infinity;
	for (let mask = 0; mask < 1 << xs.length; mask++) {
		let s = 0n;
		let k = 0;
		for (let i = 0; i < xs.length; i++)
			if (mask & (1 << i)) {
				s += xs[i];
				k++;
			}
		if (inclusive ? s * den >= num * t : s * den > num * t) best = Math.min(best, k);
	}
	return best;
}

/** HHI with float shares, to compare with the exact rounding away from half-way cases. */
function floatHhi(xs: bigint[]) {
	const t = Number(xs.reduce((a, b) => a + b, 0n));
	return xs.reduce((a, x) => a + (Number(x) / t) ** 2, 0) * 10_000;
}

describe('nakamotoCoefficient', () => {
	test('hand-worked figures', () => {
		// 40, 30, 20, 10: the top one holds 40% (not > 50%), the top two 70% -> 2
		expect(nakamotoCoefficient([10n, 40n, 20n, 30n], HALF)).toBe(2);
		// more than a third: 40% > 33.3% -> 1
		expect(nakamotoCoefficient([10n, 40n, 20n, 30n], THIRD)).toBe(1);
		// 50, 30, 20: the top one holds exactly half: not more than half (2), but at least half (1)
		expect(nakamotoCoefficient([30n, 50n, 20n], HALF)).toBe(2);
		expect(nakamotoCoefficient([30n, 50n, 20n], { ...HALF, inclusive: true })).toBe(1);
		// 10 equal holders, more than half: 5 hold exactly half, 6 are needed
		expect(nakamotoCoefficient(Array(10).fill(7n), HALF)).toBe(6);
		// UNI's four buckets (Uniswap, 16 Sep 2020), in thousandths of a percent: community 60%
		expect(nakamotoCoefficient([60_000n, 21_266n, 18_044n, 690n], HALF)).toBe(1);
	});

	test('edge cases', () => {
		expect(nakamotoCoefficient([], HALF)).toBe(Infinity);
		expect(nakamotoCoefficient([], { ...HALF, inclusive: true })).toBe(0);
		expect(nakamotoCoefficient([0n, 0n], HALF)).toBe(Infinity);
		expect(nakamotoCoefficient([0n, 0n], { ...HALF, inclusive: true })).toBe(0);
		// more than 100% is never reached; at least 100% needs every non-zero holder
		expect(nakamotoCoefficient([5n, 0n, 3n], { numerator: 1n, denominator: 1n })).toBe(Infinity);
		expect(
			nakamotoCoefficient([5n, 0n, 3n], { numerator: 1n, denominator: 1n, inclusive: true })
		).toBe(2);
		expect(nakamotoCoefficient([5n, 3n], { numerator: 0n, denominator: 1n })).toBe(1);
		expect(nakamotoCoefficient([5n, 3n], { numerator: 0n, denominator: 1n, inclusive: true })).toBe(
			0
		);
		expect(nakamotoCoefficient([9n], HALF)).toBe(1);
	});

	test('throws on a negative stake and a threshold outside [0, 1]', () => {
		expect(() => nakamotoCoefficient([1n, -1n], HALF)).toThrow(RangeError);
		expect(() => nakamotoCoefficient([1n], { numerator: 3n, denominator: 2n })).toThrow(RangeError);
		expect(() => nakamotoCoefficient([1n], { numerator: -1n, denominator: 2n })).toThrow(
			RangeError
		);
		expect(() => nakamotoCoefficient([1n], { numerator: 1n, denominator: 0n })).toThrow(RangeError);
		expect(() => nakamotoCoefficient([1n], { numerator: -1n, denominator: -2n })).toThrow(
			RangeError
		);
	});

	test('agrees with the smallest coalition over every subset (random small distributions)', () => {
		const rand = prng(11);
		for (let run = 0; run < 200; run++) {
			const xs = randomStakes(rand).slice(0, 10);
			const den = BigInt(1 + Math.floor(rand() * 12));
			const num = BigInt(Math.floor(rand() * (Number(den) + 1)));
			const inclusive = rand() < 0.5;
			expect(nakamotoCoefficient(xs, { numerator: num, denominator: den, inclusive })).toBe(
				bruteNakamoto(xs, num, den, inclusive)
			);
		}
	});

	test('is invariant under permutation and scaling, and within 1..n when reachable', () => {
		const rand = prng(12);
		for (let run = 0; run < 200; run++) {
			const xs = randomStakes(rand);
			if (xs.every((x) => x === 0n)) continue;
			const k = nakamotoCoefficient(xs, HALF);
			expect(nakamotoCoefficient(shuffle(xs, rand), HALF)).toBe(k);
			expect(
				nakamotoCoefficient(
					xs.map((x) => x * 1_000_003n),
					HALF
				)
			).toBe(k);
			expect(k).toBeGreaterThanOrEqual(1);
			expect(k).toBeLessThanOrEqual(xs.length);
			// a lower line never needs more holders
			expect(nakamotoCoefficient(xs, THIRD)).toBeLessThanOrEqual(k);
		}
	});
});

describe('gini', () => {
	test('hand-worked figures', () => {
		// 1, 2, 3, 4 (T = 10, n = 4): ΣΣ|xi-xj| = 2(1+2+3+1+2+1) = 20; G = 20 / (2·4·10) = 1/4
		expect(gini([3n, 1n, 4n, 2n])).toEqual({ numerator: 1n, denominator: 4n });
		// 0, 0, 0, 10: one holds all, G = (n-1)/n = 3/4
		expect(gini([0n, 10n, 0n, 0n])).toEqual({ numerator: 3n, denominator: 4n });
		// equal holders: 0
		expect(gini([5n, 5n, 5n])).toEqual({ numerator: 0n, denominator: 1n });
		// 1, 3: |1-3|·2 = 4; 2·2·4 = 16 -> 1/4
		expect(gini([1n, 3n])).toEqual({ numerator: 1n, denominator: 4n });
		// UNI's four buckets in thousandths of a percent, sorted 690, 18,044, 21,266, 60,000 (T = 100,000):
		// Σ(2i-5)x = -3·690 - 18,044 + 21,266 + 3·60,000 = 181,152; G = 181,152 / 400,000 = 5,661/12,500 (0.45288)
		expect(gini([60_000n, 21_266n, 18_044n, 690n])).toEqual({
			numerator: 5_661n,
			denominator: 12_500n
		});
	});

	test('edge cases: empty, all zero and a single holder are 0', () => {
		expect(gini([])).toEqual({ numerator: 0n, denominator: 1n });
		expect(gini([0n, 0n])).toEqual({ numerator: 0n, denominator: 1n });
		expect(gini([10n ** 27n])).toEqual({ numerator: 0n, denominator: 1n });
		expect(() => gini([2n, -1n])).toThrow(RangeError);
	});

	test('equals the O(n²) definition, is reduced, invariant and within [0, (n-1)/n]', () => {
		const rand = prng(21);
		for (let run = 0; run < 300; run++) {
			const xs = randomStakes(rand);
			const g = gini(xs);
			expect(g).toEqual(bruteGini(xs));
			expect(gcd(g.numerator, g.denominator)).toBe(1n);
			expect(gini(shuffle(xs, rand))).toEqual(g);
			expect(gini(xs.map((x) => x * 977n))).toEqual(g);
			expect(g.numerator).toBeGreaterThanOrEqual(0n);
			const n = BigInt(xs.length);
			// G <= (n-1)/n
			expect(g.numerator * n).toBeLessThanOrEqual((n - 1n) * g.denominator);
		}
	});
});

describe('hhi', () => {
	test('the DOJ example and hand-worked figures', () => {
		// DOJ, "Herfindahl-Hirschman Index": 30² + 30² + 20² + 20² = 2,600
		expect(hhi([30n, 30n, 20n, 20n])).toBe(2_600);
		expect(hhi([7n])).toBe(10_000);
		expect(hhi(Array(4).fill(1n))).toBe(2_500);
		// three equal holders: 3,333.33... rounds down to 3,333
		expect(hhi([1n, 1n, 1n])).toBe(3_333);
		// 1 and 3: 625 + 5,625 = 6,250 exactly
		expect(hhi([1n, 3n])).toBe(6_250);
		// 1, 1, 1, 1, 1, 1, 1, 1 and 0: 8 equal holders, 1,250; zeros add nothing
		expect(hhi([...Array(8).fill(1n), 0n])).toBe(1_250);
		// half up: shares 1/200 and 199/200 give 0.25 + 9,900.25 = 9,900.5, which rounds to 9,901
		expect(hhi([1n, 199n])).toBe(9_901);
		// UNI's four buckets: 3,600 + 452.242756 + 325.585936 + 0.4761 = 4,378.304792 -> 4,378
		expect(hhi([60_000n, 21_266n, 18_044n, 690n])).toBe(4_378);
	});

	test('edge cases', () => {
		expect(hhi([])).toBe(0);
		expect(hhi([0n, 0n])).toBe(0);
		expect(() => hhi([-3n])).toThrow(RangeError);
	});

	test('matches float shares, is invariant and within [10,000/n, 10,000]', () => {
		const rand = prng(31);
		for (let run = 0; run < 300; run++) {
			const xs = randomStakes(rand);
			if (xs.every((x) => x === 0n)) continue;
			const h = hhi(xs);
			expect(Math.abs(h - floatHhi(xs))).toBeLessThanOrEqual(0.5 + 1e-6);
			expect(hhi(shuffle(xs, rand))).toBe(h);
			expect(hhi(xs.map((x) => x * 10n ** 12n))).toBe(h);
			expect(h).toBeLessThanOrEqual(10_000);
			expect(h).toBeGreaterThanOrEqual(Math.floor(10_000 / xs.length));
		}
	});
});

describe('lorenzPoints', () => {
	test('runs from (0, 0) to (1, 1), ascending, below the equality line', () => {
		const pts = lorenzPoints([3n, 1n, 4n, 2n]);
		expect(pts).toEqual([
			{ population: 0, share: 0 },
			{ population: 0.25, share: 0.1 },
			{ population: 0.5, share: 0.3 },
			{ population: 0.75, share: 0.6 },
			{ population: 1, share: 1 }
		]);
		expect(lorenzPoints([])).toEqual([
			{ population: 0, share: 0 },
			{ population: 1, share: 1 }
		]);
	});
});
