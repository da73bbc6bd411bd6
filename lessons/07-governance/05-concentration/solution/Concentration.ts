// Three measures of how concentrated a list of stakes is (token balances or delegated votes, in
// the token's smallest units). The run calls them on Uniswap's UNI allocation and on a community
// before and after delegation; the checks compare them with a reference.
import { Contract } from 'chainlab';

const descending = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

export default class Concentration extends Contract {
	/**
	 * The Nakamoto coefficient (Srinivasan & Lee, "Quantifying Decentralization", 27 July 2017): the
	 * smallest number k of holders whose k LARGEST stakes together hold MORE THAN
	 * numerator / denominator of the total. Return -1 when no coalition does (more than 100%, or
	 * every stake 0). The stakes come in any order.
	 */
	nakamoto(stakes: bigint[], numerator: bigint, denominator: bigint): number {
		const total = stakes.reduce((a, b) => a + b, 0n);
		const sorted = [...stakes].sort(descending);
		let sum = 0n;
		for (let k = 0; k < sorted.length; k++) {
			sum += sorted[k];
			// exact: sum / total > numerator / denominator
			if (sum * denominator > numerator * total) return k + 1;
		}
		return -1;
	}

	/**
	 * The Gini coefficient G = Σi Σj |xi - xj| / (2 n² x̄) as an exact fraction in lowest terms,
	 * [numerator, denominator]. With the stakes sorted ascending, Σi Σj |xi - xj| =
	 * 2 Σi (2i - n - 1) x(i) for i = 1..n. Return [0n, 1n] when every stake is 0.
	 */
	gini(stakes: bigint[]): bigint[] {
		const total = stakes.reduce((a, b) => a + b, 0n);
		if (total === 0n) return [0n, 1n];
		const n = BigInt(stakes.length);
		const sorted = [...stakes].sort(descending).reverse();
		let weighted = 0n;
		for (let i = 0; i < sorted.length; i++) weighted += (2n * BigInt(i + 1) - n - 1n) * sorted[i];
		// G = 2 Σ (2i - n - 1) x(i) / (2 n · n x̄) = Σ (2i - n - 1) x(i) / (n · total)
		const denominator = n * total;
		const g = gcd(weighted, denominator);
		return [weighted / g, denominator / g];
	}

	/**
	 * The Herfindahl-Hirschman index: the sum of the squared shares in percent,
	 * 10,000 Σ xi² / (Σ x)², rounded half up to a whole number. 0 when every stake is 0.
	 */
	hhi(stakes: bigint[]): number {
		const total = stakes.reduce((a, b) => a + b, 0n);
		if (total === 0n) return 0;
		let squares = 0n;
		for (const x of stakes) squares += x * x;
		// half up: floor(10,000 Σx² / T² + 1/2) = floor((20,000 Σx² + T²) / (2 T²))
		return Number((20_000n * squares + total * total) / (2n * total * total));
	}
}
