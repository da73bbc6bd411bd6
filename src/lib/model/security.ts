/**
 * Data of the slashing-ledger view (viz/SlashingLedgerView.svelte): a provider chain's validators
 * step by step as the learner's contract reports them, beside the reference model's
 * (protocols/shared-security.ts), the evidence each step delivered from the consumer chains, and a
 * restaking operator's stake per AVS before and after one slash under unique and pooled
 * allocation. Plain data: amounts are whole tokens as plain numbers (ATOM, ETH).
 */

/** One validator's state at the end of a step. */
export type LedgerValidator = {
	name: string;
	/** bonded stake, whole tokens */
	stake: number;
	/** stake removed by slashes so far, whole tokens */
	slashed: number;
	jailed: boolean;
	tombstoned: boolean;
};

/** One piece of evidence (or an unjail) handled in a step. */
export type LedgerEvidence = {
	/** the consumer chain it came from ('' for an unjail on the provider) */
	chain: string;
	validator: string;
	kind: 'downtime' | 'double-sign' | 'unjail';
	/** whether the learner's contract accepted it (the transaction succeeded) */
	accepted: boolean;
	/** stake the learner's contract removed, whole tokens */
	slashed: number;
	/** what the reference model did with the same message */
	reference: { accepted: boolean; slashed: number };
	/** why it was refused, in the contract's words */
	reason?: string;
};

/** The ledger at the end of one timeline step. */
export type LedgerStep = {
	step: number;
	label: string;
	/** the learner's contract */
	validators: LedgerValidator[];
	/** the reference model, same order */
	reference: LedgerValidator[];
	evidence: LedgerEvidence[];
};

/** Stake backing one AVS, whole tokens: before the slash, after it under each allocation. */
export type AllocationRow = {
	avs: string;
	before: number;
	/** the learner's contract, unique stake allocation */
	unique: number;
	/** the reference model, unique stake allocation */
	reference: number;
	/** the pooled comparison: every AVS backed by the whole stake, before and after the slash */
	pooledBefore: number;
	pooled: number;
};

/** One restaking slash: which AVS slashed which operator, by how much, and every AVS's stake. */
export type RestakingSlash = {
	step: number;
	operator: string;
	slashedBy: string;
	/** share of the slashing AVS's allocation slashed, 0..1 */
	fraction: number;
	symbol: string;
	/** operator's total stake: before, after (learner, unique), after (pooled) */
	stake: { before: number; unique: number; pooled: number };
	rows: AllocationRow[];
};

/** `overview.security`. */
export type SecurityOverview = {
	/** the provider's staking token */
	symbol: string;
	/** consumer chains, in the order the view draws them */
	chains: string[];
	steps: LedgerStep[];
	restaking?: RestakingSlash;
	/** a short note under the view (what is synthetic) */
	note?: string;
};

/** The ledger at `step`: the last sampled step at or before it, else null. */
export function ledgerAt(o: SecurityOverview, step: number): LedgerStep | null {
	let found: LedgerStep | null = null;
	for (const s of o.steps) if (s.step <= step) found = s;
	return found;
}
