/**
 * Concentration of a distribution of stakes (token balances, delegated votes, validator stake):
 * the Nakamoto coefficient, the Gini coefficient and the Herfindahl-Hirschman index, in exact
 * integer arithmetic over bigint stakes (smallest token units, wei for 18-decimal tokens).
 *
 * Sources:
 * - Balaji S. Srinivasan and Leland Lee, "Quantifying Decentralization", news.earn.com, 27 July
 *   2017: the Nakamoto coefficient, "the minimum number of entities required to compromise a
 *   subsystem" (their figures use 51%; the usual proof-of-stake liveness threshold is more than
 *   1/3), and the Lorenz curve and Gini coefficient as the other measure of a subsystem.
 * - Corrado Gini, "Variabilità e mutabilità" (Bologna, 1912): the mean difference
 *   `Δ = Σi Σj |xi - xj| / n²`, and the concentration ratio `G = Δ / (2 x̄)`, so
 *   `G = Σi Σj |xi - xj| / (2 n² x̄)`.
 * - U.S. Department of Justice and Federal Trade Commission, Horizontal Merger Guidelines
 *   (19 August 2010) §5.3, and the DOJ's page "Herfindahl-Hirschman Index": the HHI is the sum of
 *   the squared market shares in percent (four firms of 30, 30, 20 and 20% give 2,600), so
 *   `HHI = 10,000 Σ (xi / Σx)²`, from near 0 to 10,000 for a single holder.
 */

/** A share as an exact fraction, `numerator / denominator`. */
export type Fraction = { numerator: bigint; denominator: bigint };

/** A threshold share: "more than" `numerator / denominator` (or "at least" with `inclusive`). */
export type Threshold = Fraction & { inclusive?: boolean };

function checkStakes(stakes: readonly bigint[]): bigint {
	let total = 0n;
	for (const [i, x] of stakes.entries()) {
		if (typeof x !== 'bigint') throw new TypeError(`stakes[${i}] is not a bigint`);
		if (x < 0n) throw new RangeError(`stakes[${i}] is negative (${x}): a stake is at least 0`);
		total += x;
	}
	return total;
}

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

const descending = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);

/**
 * The Nakamoto coefficient (Srinivasan & Lee, 27 July 2017): the smallest number k of holders
 * whose k largest stakes together hold more than the `threshold` share of the total (with
 * `inclusive: true`, at least that share). Sorting is done on a copy; the order of `stakes` does
 * not matter.
 *
 * Edge cases, all from the same rule "smallest k in 0..n whose top-k sum S_k satisfies
 * S_k·d > n·T (or S_k·d ≥ n·T inclusive)", where T is the total and n/d the threshold:
 * - a threshold no coalition reaches returns `Infinity`: "more than 100%" (`1/1`, not
 *   inclusive) always, and any strict threshold over an empty or all-zero distribution (nobody
 *   holds more than 0 of nothing);
 * - with `inclusive`, a threshold of 0, or an empty or all-zero distribution, returns 0 (the empty
 *   coalition holds at least that share);
 * - a strict threshold of 0 returns 1 when anyone holds anything (one holder holds more than 0).
 *
 * @param stakes holders' stakes in smallest units, each >= 0
 * @param threshold e.g. `{ numerator: 1n, denominator: 2n }` for more than half (51% attacks),
 *   `{ numerator: 1n, denominator: 3n }` for more than a third (proof-of-stake liveness)
 * @returns the coefficient, a whole number in 0..stakes.length, or Infinity when unreachable
 * @throws RangeError for a negative stake, a denominator <= 0, or a threshold outside [0, 1];
 *   TypeError for a stake that is not a bigint
 */
export function nakamotoCoefficient(stakes: bigint[], threshold: Threshold): number {
	const total = checkStakes(stakes);
	const { numerator: num, denominator: den, inclusive = false } = threshold;
	if (den <= 0n) throw new RangeError(`threshold denominator must be > 0, got ${den}`);
	if (num < 0n || num > den) throw new RangeError(`threshold ${num}/${den} is outside [0, 1]`);
	const target = num * total;
	const reached = (sum: bigint) => (inclusive ? sum * den >= target : sum * den > target);
	if (reached(0n)) return 0;
	const sorted = [...stakes].sort(descending);
	let sum = 0n;
	for (const [i, x] of sorted.entries()) {
		sum += x;
		if (reached(sum)) return i + 1;
	}
	return Infinity;
}

/**
 * The Gini coefficient `G = Σi Σj |xi - xj| / (2 n² x̄)` (Gini, 1912) as an exact reduced
 * fraction, computed in O(n log n): with the stakes sorted ascending as x(1) <= ... <= x(n),
 * `Σi Σj |xi - xj| = 2 Σi (2i - n - 1) x(i)` (each x(i) is larger than the i - 1 before it and
 * smaller than the n - i after it), and `2 n² x̄ = 2 n T`, so `G = Σi (2i - n - 1) x(i) / (n T)`.
 *
 * G is 0 when every holder holds the same and at most (n - 1)/n, when one holder holds
 * everything. Edge cases: an empty or all-zero distribution has no inequality to measure and
 * returns 0/1; a single holder returns 0/1 too, because G compares the listed holders with each
 * other, not with the holders who are missing (which is why the Nakamoto coefficient, 1 for a
 * single holder, goes beside it).
 *
 * @param stakes holders' stakes in smallest units, each >= 0
 * @returns `{ numerator, denominator }` in lowest terms, denominator > 0
 * @throws RangeError for a negative stake; TypeError for a stake that is not a bigint
 */
export function gini(stakes: bigint[]): Fraction {
	const total = checkStakes(stakes);
	const n = BigInt(stakes.length);
	if (total === 0n) return { numerator: 0n, denominator: 1n };
	const sorted = [...stakes].sort(descending).reverse();
	let weighted = 0n;
	for (const [i, x] of sorted.entries()) weighted += (2n * BigInt(i + 1) - n - 1n) * x;
	const denominator = n * total;
	const g = gcd(weighted, denominator);
	return { numerator: weighted / g, denominator: denominator / g };
}

/**
 * The Herfindahl-Hirschman index (DOJ/FTC Horizontal Merger Guidelines, 2010, §5.3): the sum of
 * the squared shares in percent, `10,000 Σ xi² / (Σx)²`, rounded half up to a whole number
 * (computed exactly: `floor((20,000 Σ xi² + T²) / (2 T²))`). Four holders of 30, 30, 20 and
 * 20% give 2,600; one holder gives 10,000; n equal holders give 10,000 / n.
 *
 * Edge case: an empty or all-zero distribution has no shares and returns 0.
 *
 * @param stakes holders' stakes in smallest units, each >= 0
 * @returns the index, a whole number in 0..10,000
 * @throws RangeError for a negative stake; TypeError for a stake that is not a bigint
 */
export function hhi(stakes: bigint[]): number {
	const total = checkStakes(stakes);
	if (total === 0n) return 0;
	let squares = 0n;
	for (const x of stakes) squares += x * x;
	const t2 = total * total;
	return Number((20_000n * squares + t2) / (2n * t2));
}

/**
 * The Lorenz curve of `stakes`: the points (i/n, share of the i smallest holders) for i = 0..n,
 * as numbers for plotting (the exact Gini is `gini`). Empty or all-zero gives the equality line's
 * two ends.
 * @throws RangeError for a negative stake
 */
export function lorenzPoints(stakes: bigint[]): { population: number; share: number }[] {
	const total = checkStakes(stakes);
	const n = stakes.length;
	if (n === 0 || total === 0n)
		return [
			{ population: 0, share: 0 },
			{ population: 1, share: 1 }
		];
	const sorted = [...stakes].sort(descending).reverse();
	const points = [{ population: 0, share: 0 }];
	let sum = 0n;
	for (const [i, x] of sorted.entries()) {
		sum += x;
		// six significant decimals are plenty for a plot
		points.push({ population: (i + 1) / n, share: Number((sum * 1_000_000n) / total) / 1e6 });
	}
	return points;
}
