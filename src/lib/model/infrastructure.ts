/**
 * Data of the `stake-by-provider` view: a validator set's stake grouped by hosting provider and
 * by region, sampled at each step with the providers switched off in it, the chain's liveness and
 * safety verdicts as the reference computes them and as the learner's code did. Plain data:
 * stakes are decimal strings in smallest units (lamports), shares numbers in [0, 1].
 */

/** One provider (or region) at one step. */
export type StakeGroup = {
	name: string;
	/** smallest units, decimal string */
	stake: string;
	/** stake / total stake */
	share: number;
	validators: number;
	/** the share of the TOTAL stake this group has offline at the step (its whole share when switched off) */
	offlineShare: number;
	/** switched off at this step (a provider), or wholly offline (a region) */
	off: boolean;
};

/** The verdicts of one step. */
export type StakeVerdict = {
	/** offline stake, smallest units, decimal string */
	offline: string;
	offlineShare: number;
	/** more than 2/3 of the stake still online */
	live: boolean;
	/** 'safe' | 'fork-with-partition' | 'own-quorum', if the switched-off providers were an adversary */
	safety: string;
};

/** One step of the timeline. */
export type InfrastructureSnapshot = {
	step: number;
	label: string;
	/** providers switched off at this step */
	removed: string[];
	reference: StakeVerdict;
	/** the learner's results for the same step, null where their code returned nothing usable */
	learner?: { offline: string | null; live: boolean | null; safety: string | null };
	providers: StakeGroup[];
	regions: StakeGroup[];
};

export type InfrastructureOverview = {
	/** e.g. "Solana, August 2022 shares" */
	name: string;
	/** where the figures come from, with its date, and what is synthetic */
	source: string;
	symbol: string;
	decimals: number;
	total: string;
	/** the reference's Nakamoto coefficient by provider and by region (more than 1/3); null when unreachable */
	nakamoto: { byProvider: number | null; byRegion: number | null; learner?: number | null };
	snapshots: InfrastructureSnapshot[];
	note?: string;
};

/** The snapshot a view shows at `step`: the latest one at or before it, else the first. */
export function snapshotAt(
	overview: InfrastructureOverview,
	step: number
): InfrastructureSnapshot | null {
	let best: InfrastructureSnapshot | null = overview.snapshots[0] ?? null;
	for (const s of overview.snapshots) if (s.step <= step) best = s;
	return best;
}
