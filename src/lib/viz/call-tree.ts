/**
 * The call-tree view's data: the frames of one transaction's call trace (ReceiptView.calls) laid
 * out as an indented tree, with re-entries found and the balance changes worth showing picked.
 * Pure functions, no DOM.
 */
import type { CallView, ReceiptView } from '#lib/model/receipt.ts';
import { formatWei } from './format.ts';

/** One frame as the view draws it. */
export type CallRow = {
	/** index in the trace (the tree's pre-order) */
	index: number;
	frame: CallView;
	/** row of the calling frame, -1 for the transaction's own frame */
	parent: number;
	/** the callee is already running in a frame above this one: a re-entrant call */
	reentry: boolean;
	/** a frame above this one reverted, so this frame's effects were undone even if it returned ok */
	undone: boolean;
	/** `Pair.swap`, `Attacker.receive` */
	label: string;
	/** the changes worth a line: value sent, native balance, traced tokens that moved */
	details: string[];
};

/** One transaction's tree. */
export type CallTree = { receipt: ReceiptView; rows: CallRow[]; depth: number; reentries: number };

/** The receipts of a step that carry a call trace, as trees. */
export function callTrees(receipts: readonly ReceiptView[]): CallTree[] {
	return receipts.filter((r) => r.calls && r.calls.length > 0).map(callTree);
}

/** One receipt's call trace as rows (throws nothing; a receipt without calls gives no rows). */
export function callTree(receipt: ReceiptView): CallTree {
	const calls = receipt.calls ?? [];
	const rows: CallRow[] = calls.map((frame, index) => {
		let reentry = false;
		let undone = false;
		for (let p = frame.parent; p >= 0; p = calls[p].parent) {
			if (calls[p].callee === frame.callee) reentry = true;
			if (calls[p].status === 'reverted') undone = true;
		}
		return {
			index,
			frame,
			parent: frame.parent,
			reentry,
			undone,
			label: `${frame.callee}.${frame.method}`,
			details: details(frame)
		};
	});
	return {
		receipt,
		rows,
		depth: rows.reduce((d, r) => Math.max(d, r.frame.depth), 0),
		reentries: rows.filter((r) => r.reentry).length
	};
}

/** `1 ETH sent`, `ETH 5 → 2`, `WETH 1,000 → 900`: what changed in one frame. */
export function details(frame: CallView): string[] {
	const out: string[] = [];
	if (frame.value !== '0') out.push(`${formatWei(frame.value)} sent`);
	if (frame.value !== '0' || frame.balanceIn !== frame.balanceOut)
		out.push(`ETH ${amount(frame.balanceIn)} → ${amount(frame.balanceOut)}`);
	for (const t of frame.tokens ?? [])
		if (t.balanceIn !== t.balanceOut)
			out.push(`${t.token} ${amount(t.balanceIn)} → ${amount(t.balanceOut)}`);
	return out;
}

/** An 18-decimal amount without its symbol: `"1500000000000000000"` -> `"1.5"`. */
export function amount(units: string): string {
	return formatWei(units, '').trimEnd();
}

/**
 * The balance cell of the table, one line per asset, entry → exit: native coin when it is not
 * zero throughout, then each traced token.
 */
export function balanceLines(frame: CallView): string[] {
	const lines: string[] = [];
	if (frame.balanceIn !== '0' || frame.balanceOut !== '0' || frame.value !== '0')
		lines.push(`ETH ${amount(frame.balanceIn)} → ${amount(frame.balanceOut)}`);
	for (const t of frame.tokens ?? [])
		lines.push(`${t.token} ${amount(t.balanceIn)} → ${amount(t.balanceOut)}`);
	return lines;
}
