/**
 * Data shaping for the assessor-ledger view (AssessorLedgerView.svelte): the ledger at a timeline
 * step set beside the ledger before processFraud, as rows with numbers to draw and exact text to
 * read. Pure, so it is unit-tested.
 */
import type {
	AssessorLedger,
	LedgerAssessor,
	LedgerSnapshot,
	LedgerVote
} from '#lib/model/assessors.ts';
import { formatUnits, parseUnits } from '#lib/model/units.ts';
import { indexAtStep } from './aggregate.ts';

/** One assessor as the view draws them: whole NXM as numbers (bars) and as exact text (table). */
export type LedgerRow = {
	name: string;
	/** once a fraud root is submitted: 'fraudulent' if it names them, else 'honest'; 'no finding' before */
	finding: 'fraudulent' | 'honest' | 'no finding';
	processed: boolean;
	votes: LedgerVote[];
	stake: number;
	stakeBefore: number;
	burned: number;
	/** rewards owed plus rewards paid, now and before processFraud */
	reward: number;
	rewardBefore: number;
	rewardPaid: number;
	text: {
		stake: string;
		stakeBefore: string;
		burned: string;
		reward: string;
		rewardBefore: string;
		rewardPaid: string;
	};
};

/** What the view shows at a step. */
export type LedgerAt = {
	snapshot: LedgerSnapshot;
	/** the last snapshot before the first processFraud; the same as `snapshot` until then */
	baseline: LedgerSnapshot;
	/** true once `snapshot` is after processFraud, so before and after differ */
	compared: boolean;
	rows: LedgerRow[];
	/** the largest stake and reward, now or before, for the bars' scales (at least 1) */
	maxStake: number;
	maxReward: number;
};

/** Whole NXM text plus whole NXM text, exactly ('10.5' + '3.25' -> '13.75'). */
export function addNxm(a: string, b: string): string {
	return formatUnits(parseUnits(a) + parseUnits(b));
}

const rewardOf = (a: LedgerAssessor) => addNxm(a.rewardOwed, a.rewardPaid);

/**
 * The ledger at `step`: the latest snapshot at or before it (the first one before the run
 * reaches it), its baseline (the last 'before' snapshot), and a row per assessor of the snapshot,
 * matched to the baseline by name (an assessor missing from the baseline compares with zero).
 * Returns null for a ledger with no snapshots.
 */
export function ledgerAt(ledger: AssessorLedger, step: number): LedgerAt | null {
	const i = indexAtStep(ledger.snapshots, step);
	if (i < 0) return null;
	const snapshot = ledger.snapshots[i];
	const befores = ledger.snapshots.filter((s) => s.phase === 'before');
	const compared = snapshot.phase === 'after' && befores.length > 0;
	const baseline = compared ? befores[befores.length - 1] : snapshot;
	const rows = snapshot.assessors.map((a): LedgerRow => {
		const b = baseline.assessors.find((x) => x.name === a.name);
		const reward = rewardOf(a);
		const rewardBefore = b ? rewardOf(b) : '0';
		const stakeBefore = b?.stake ?? '0';
		return {
			name: a.name,
			finding: a.fraudulent ? 'fraudulent' : snapshot.fraudSubmitted ? 'honest' : 'no finding',
			processed: a.processed,
			votes: a.votes,
			stake: Number(a.stake),
			stakeBefore: Number(stakeBefore),
			burned: Number(a.burned),
			reward: Number(reward),
			rewardBefore: Number(rewardBefore),
			rewardPaid: Number(a.rewardPaid),
			text: {
				stake: a.stake,
				stakeBefore,
				burned: a.burned,
				reward,
				rewardBefore,
				rewardPaid: a.rewardPaid
			}
		};
	});
	const maxStake = Math.max(1, ...rows.flatMap((r) => [r.stake + r.burned, r.stakeBefore]));
	const maxReward = Math.max(1, ...rows.flatMap((r) => [r.reward, r.rewardBefore]));
	return { snapshot, baseline, compared, rows, maxStake, maxReward };
}

/** A row's votes in words, one per claim: 'accept on Claim 0, deny on Claim 1' ('no vote' when none). */
export function votesText(votes: readonly LedgerVote[], claims: readonly string[]): string {
	const cast = votes.flatMap((v, i) =>
		v ? [`${v} on ${claims[i]?.split(':')[0] ?? `Claim ${i}`}`] : []
	);
	return cast.length ? cast.join(', ') : 'no vote';
}
