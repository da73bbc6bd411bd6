/**
 * Fills `overview.security` for the slashing-ledger view (model/security.ts): a scenario calls
 * `traceSecurity(s, …)` once after deploying its provider, `trace.evidence(…)` after each piece
 * of evidence it delivers (with what the reference model did with the same message),
 * `trace.sample(label)` before each `yield`, and `trace.restaking(…)` once for a restaking slash.
 * Amounts come in as bigint smallest units and are stored as whole tokens (plain numbers).
 */
import type {
	AllocationRow,
	LedgerEvidence,
	LedgerValidator,
	RestakingSlash,
	SecurityOverview
} from '#lib/model/security.ts';
import type { ScenarioContext } from './context.ts';

/** A validator's state in smallest units, as the learner's contract or the model gives it. */
export type ValidatorReading = {
	stake: bigint;
	slashed: bigint;
	jailed: boolean;
	tombstoned: boolean;
};

export type SecurityTraceOptions = {
	symbol: string;
	/** decimals of the staking token (6 for uatom) */
	decimals: number;
	/** consumer chains' display names */
	chains: string[];
	/** validators' display names, in the order drawn */
	validators: string[];
	/** the learner's contract's state of a validator (by display name) */
	read: (s: ScenarioContext, name: string) => ValidatorReading;
	/** the reference model's state of the same validator */
	reference: (name: string) => ValidatorReading;
	note?: string;
};

/** Evidence as the scenario records it (amounts in smallest units). */
export type EvidenceRecord = Omit<LedgerEvidence, 'slashed' | 'reference'> & {
	slashed: bigint;
	reference: { accepted: boolean; slashed: bigint };
};

/** Whole tokens of `amount` smallest units with `decimals` decimals, as a plain number. */
export function wholeTokens(amount: bigint, decimals: number): number {
	const unit = 10n ** BigInt(decimals);
	return Number(amount / unit) + Number(amount % unit) / Number(unit);
}

/**
 * Start the ledger. Returns the recorder; `sample` reads every validator through `read` and
 * `reference` (a `read` that throws fails the run, as any scenario error does).
 */
export function traceSecurity(s: ScenarioContext, o: SecurityTraceOptions) {
	const overview: SecurityOverview = {
		symbol: o.symbol,
		chains: o.chains,
		steps: [],
		note: o.note
	};
	s.overview.security = overview;
	const whole = (x: bigint) => wholeTokens(x, o.decimals);
	const row = (name: string, r: ValidatorReading): LedgerValidator => ({
		name,
		stake: whole(r.stake),
		slashed: whole(r.slashed),
		jailed: r.jailed,
		tombstoned: r.tombstoned
	});
	let pending: LedgerEvidence[] = [];
	return {
		evidence(e: EvidenceRecord) {
			// only the ledger's fields: a caller's record may carry its receipt (bigints) too
			pending.push({
				chain: e.chain,
				validator: e.validator,
				kind: e.kind,
				accepted: e.accepted,
				...(e.reason === undefined ? {} : { reason: e.reason }),
				slashed: whole(e.slashed),
				reference: { accepted: e.reference.accepted, slashed: whole(e.reference.slashed) }
			});
		},
		sample(label: string) {
			overview.steps.push({
				step: s.step,
				label,
				validators: o.validators.map((n) => row(n, o.read(s, n))),
				reference: o.validators.map((n) => row(n, o.reference(n))),
				evidence: pending
			});
			pending = [];
		},
		restaking(r: {
			operator: string;
			slashedBy: string;
			fraction: number;
			symbol: string;
			decimals: number;
			stake: { before: bigint; unique: bigint; pooled: bigint };
			rows: {
				avs: string;
				before: bigint;
				unique: bigint;
				reference: bigint;
				pooledBefore: bigint;
				pooled: bigint;
			}[];
		}) {
			const w = (x: bigint) => wholeTokens(x, r.decimals);
			const rows: AllocationRow[] = r.rows.map((x) => ({
				avs: x.avs,
				before: w(x.before),
				unique: w(x.unique),
				reference: w(x.reference),
				pooledBefore: w(x.pooledBefore),
				pooled: w(x.pooled)
			}));
			const slash: RestakingSlash = {
				step: s.step,
				operator: r.operator,
				slashedBy: r.slashedBy,
				fraction: r.fraction,
				symbol: r.symbol,
				stake: { before: w(r.stake.before), unique: w(r.stake.unique), pooled: w(r.stake.pooled) },
				rows
			};
			overview.restaking = slash;
		}
	};
}
