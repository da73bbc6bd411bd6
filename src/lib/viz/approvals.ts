/** Layout and wording of the signers view (SignersView.svelte): pure, so it is unit-tested. */
import type { ApprovalRecord, SignatureKind } from '#lib/model/approvals.ts';

/** What each kind of signature is called in the legend and the table. */
export const KIND_LABEL: Record<SignatureKind, string> = {
	validator: 'validator',
	delegate: 'delegate (live entry)',
	'stale-delegate': 'stale allow-list entry',
	repeat: 'repeat of a counted validator',
	outsider: 'not in the set',
	forged: 'forged (no signature checked)'
};

/** The kinds in legend order. */
export const KINDS: readonly SignatureKind[] = [
	'validator',
	'delegate',
	'stale-delegate',
	'repeat',
	'outsider',
	'forged'
];

/** The withdrawals shown at `step`: those sent at or before it. */
export function approvalsUpTo(records: readonly ApprovalRecord[], step: number): ApprovalRecord[] {
	return records.filter((r) => r.step <= step);
}

/**
 * How many slots a row's axis needs so every record fits: its signatures, its validator set and
 * its threshold, at least 1.
 */
export function slotCount(records: readonly ApprovalRecord[]): number {
	let n = 1;
	for (const r of records) n = Math.max(n, r.signatures.length, r.setSize, r.required ?? 0);
	return n;
}

/** The verdict of a row in words: "paid: 5 counted, 5 required" / "refused: 4 of 7 signatures". */
export function verdict(r: ApprovalRecord): string {
	const counts =
		r.counted === null || r.required === null
			? 'count unavailable'
			: `${r.counted} counted, ${r.required} required`;
	return `${r.paid ? 'paid' : 'refused'}: ${counts}`;
}

/** Signatures that count under the lesson's rules. */
export function countsByRules(r: ApprovalRecord): number {
	return r.signatures.filter((s) => s.counts).length;
}
