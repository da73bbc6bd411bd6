// What a stake-weighted BFT chain can still do when hosting providers fail together. Stakes are
// lamports (1 SOL = 10^9 lamports) as bigint; the run calls these on a validator set labelled
// by provider and region, and the checks compare them with a reference.
import { Contract } from 'chainlab';

/** One validator: its stake, hosting provider and region. */
type Validator = { id: string; stake: bigint; provider: string; region: string };

export default class Infrastructure extends Contract {
	/**
	 * The stake of the validators hosted at any provider in `providers` (a provider listed twice
	 * still counts once), in lamports.
	 */
	offlineStake(validators: Validator[], providers: string[]): bigint {
		let offline = 0n;
		for (const v of validators) if (providers.includes(v.provider)) offline += v.stake;
		return offline;
	}

	/**
	 * Liveness: a block is confirmed only with votes of MORE than 2/3 of the stake
	 * (Solana's vote_stake_tracker.rs, Tendermint's +2/3). Is the chain still live with `offline`
	 * of `total` lamports switched off?
	 */
	isLive(offline: bigint, total: bigint): boolean {
		return 3n * (total - offline) > 2n * total;
	}

	/**
	 * Safety against an adversary holding `byzantine` of `total` lamports: 'safe' up to 1/3,
	 * 'fork-with-partition' above 1/3, 'own-quorum' above 2/3.
	 */
	safety(byzantine: bigint, total: bigint): string {
		if (3n * byzantine > 2n * total) return 'own-quorum';
		if (3n * byzantine > total) return 'fork-with-partition';
		return 'safe';
	}

	/**
	 * The Nakamoto coefficient by provider: the fewest PROVIDERS whose validators together hold
	 * more than numerator / denominator of the stake; -1 when no set of providers does.
	 */
	nakamotoByProvider(validators: Validator[], numerator: bigint, denominator: bigint): number {
		const byProvider = new Map<string, bigint>();
		let total = 0n;
		for (const v of validators) {
			byProvider.set(v.provider, (byProvider.get(v.provider) ?? 0n) + v.stake);
			total += v.stake;
		}
		const stakes = [...byProvider.values()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
		let sum = 0n;
		for (let k = 0; k < stakes.length; k++) {
			sum += stakes[k];
			if (sum * denominator > numerator * total) return k + 1;
		}
		return -1;
	}
}
