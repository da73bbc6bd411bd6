/**
 * Builds the `stake-by-provider` view's data (model/infrastructure.ts) from a validator set and
 * the providers switched off at each step, with the reference's verdicts
 * (protocols/infrastructure.ts) and the learner's results beside them.
 */
import type {
	InfrastructureOverview,
	InfrastructureSnapshot,
	StakeGroup
} from '#lib/model/infrastructure.ts';
import {
	isHit,
	nakamotoByProvider,
	ONE_THIRD,
	outageReport,
	stakeBy,
	type HostedValidator
} from '#lib/protocols/infrastructure.ts';

/** `part / whole` as a number (0 when whole is 0), exact to about 12 digits. */
function share(part: bigint, whole: bigint): number {
	return whole === 0n ? 0 : Number((part * 10n ** 12n) / whole) / 1e12;
}

function groups(
	validators: readonly HostedValidator[],
	by: 'provider' | 'region',
	removed: readonly string[],
	total: bigint
): StakeGroup[] {
	return stakeBy(validators, by).map((g) => {
		let offline = 0n;
		for (const v of validators)
			if (
				(by === 'provider' ? v.provider : v.region) === g.name &&
				isHit(v, { providers: removed })
			)
				offline += v.stake;
		return {
			name: g.name,
			stake: String(g.stake),
			share: share(g.stake, total),
			validators: g.validators,
			offlineShare: share(offline, total),
			off: g.stake > 0n ? offline === g.stake : removed.includes(g.name)
		};
	});
}

/**
 * One step's snapshot: providers and regions with what is offline, and the reference's
 * verdicts for the providers in `removed` switched off.
 * @throws RangeError for a negative stake
 */
export function infrastructureSnapshot(
	validators: readonly HostedValidator[],
	step: number,
	label: string,
	removed: readonly string[],
	learner?: InfrastructureSnapshot['learner']
): InfrastructureSnapshot {
	const r = outageReport(validators, { providers: removed });
	return {
		step,
		label,
		removed: [...removed],
		reference: {
			offline: String(r.offline),
			offlineShare: share(r.offline, r.total),
			live: r.live,
			safety: r.safety
		},
		...(learner ? { learner } : {}),
		providers: groups(validators, 'provider', removed, r.total),
		regions: groups(validators, 'region', removed, r.total)
	};
}

const finite = (k: number) => (Number.isFinite(k) ? k : null);

/** The overview's frame: totals and the reference's Nakamoto coefficients (more than 1/3). */
export function infrastructureOverview(
	validators: readonly HostedValidator[],
	input: { name: string; source: string; symbol: string; decimals: number; note?: string },
	snapshots: InfrastructureSnapshot[],
	learnerNakamoto?: number | null
): InfrastructureOverview {
	const total = validators.reduce((a, v) => a + v.stake, 0n);
	return {
		name: input.name,
		source: input.source,
		symbol: input.symbol,
		decimals: input.decimals,
		total: String(total),
		nakamoto: {
			byProvider: finite(nakamotoByProvider(validators, ONE_THIRD)),
			byRegion: finite(nakamotoByProvider(validators, ONE_THIRD, 'region')),
			...(learnerNakamoto !== undefined ? { learner: learnerNakamoto } : {})
		},
		snapshots,
		...(input.note ? { note: input.note } : {})
	};
}
