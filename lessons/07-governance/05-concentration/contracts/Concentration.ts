// Three measures of how concentrated a list of stakes is (token balances or delegated votes, in
// the token's smallest units). The run calls them on Uniswap's UNI allocation and on a community
// before and after delegation; the checks compare them with a reference.
import { Contract } from 'chainlab';

export default class Concentration extends Contract {
	/**
	 * The Nakamoto coefficient (Srinivasan & Lee, "Quantifying Decentralization", 27 July 2017): the
	 * smallest number k of holders whose k LARGEST stakes together hold MORE THAN
	 * numerator / denominator of the total. Return -1 when no coalition does (more than 100%, or
	 * every stake 0). The stakes come in any order.
	 */
	nakamoto(stakes: bigint[], numerator: bigint, denominator: bigint): number {
		// TODO
		return 0;
	}

	/**
	 * The Gini coefficient G = Σi Σj |xi - xj| / (2 n² x̄) as an exact fraction in lowest terms,
	 * [numerator, denominator]. With the stakes sorted ascending, Σi Σj |xi - xj| =
	 * 2 Σi (2i - n - 1) x(i) for i = 1..n. Return [0n, 1n] when every stake is 0.
	 */
	gini(stakes: bigint[]): bigint[] {
		// TODO
		return [0n, 1n];
	}

	/**
	 * The Herfindahl-Hirschman index: the sum of the squared shares in percent,
	 * 10,000 Σ xi² / (Σ x)², rounded half up to a whole number. 0 when every stake is 0.
	 */
	hhi(stakes: bigint[]): number {
		// TODO
		return 0;
	}
}
