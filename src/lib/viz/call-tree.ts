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
	/**
	 * a re-entrant call: the callee is already running in a frame above this one, and it is not the
	 * contract that started the transaction (see `callTree`)
	 */
	reentry: boolean;
	/**
	 * a callback into the contract that started the transaction (its `receive()` paid by a
	 * withdrawal, its `uniswapV2Call` from a flash swap): that contract is running above too, but
	 * it asked for this call, so it is not counted as a re-entry
	 */
	callback: boolean;
	/** a frame above this one reverted, so this frame's effects were undone even if it returned ok */
	undone: boolean;
	/** `Pair.swap`, `Attacker.receive` */
	label: string;
	/** the changes worth a line: value sent, native balance, traced tokens that moved */
	details: string[];
};

/**
 * One transaction's tree: its rows in pre-order, the deepest frame's depth, the number of
 * re-entrant frames and the contracts they re-entered (first re-entered first).
 */
export type CallTree = {
	receipt: ReceiptView;
	rows: CallRow[];
	depth: number;
	reentries: number;
	reentered: string[];
};

/** The receipts of a step that carry a call trace, as trees. */
export function callTrees(receipts: readonly ReceiptView[]): CallTree[] {
	return receipts.filter((r) => r.calls && r.calls.length > 0).map(callTree);
}

/**
 * One receipt's call trace as rows (throws nothing; a receipt without calls gives no rows).
 *
 * A frame re-enters when its callee already has a frame on the call stack above it (an ancestor
 * with the same callee) and that callee is not the transaction's own contract (the root frame's
 * callee). The contract that started the transaction is on the stack throughout, and the calls
 * back into it are the ones it asked for (`Attacker.receive` paid by `Vault.withdraw`,
 * `uniswapV2Call` from `Pair.swap`); the re-entries that matter are into the contracts it called
 * (`Vault.withdraw` called again from inside `Attacker.receive`). Those callbacks are flagged
 * `callback` instead.
 */
export function callTree(receipt: ReceiptView): CallTree {
	const calls = receipt.calls ?? [];
	const root = calls[0]?.callee;
	const rows: CallRow[] = calls.map((frame, index) => {
		let onStack = false;
		let undone = false;
		for (let p = frame.parent; p >= 0; p = calls[p].parent) {
			if (calls[p].callee === frame.callee) onStack = true;
			if (calls[p].status === 'reverted') undone = true;
		}
		return {
			index,
			frame,
			parent: frame.parent,
			reentry: onStack && frame.callee !== root,
			callback: onStack && frame.callee === root,
			undone,
			label: `${frame.callee}.${frame.method}`,
			details: details(frame)
		};
	});
	return {
		receipt,
		rows,
		depth: rows.reduce((d, r) => Math.max(d, r.frame.depth), 0),
		reentries: rows.filter((r) => r.reentry).length,
		reentered: [...new Set(rows.filter((r) => r.reentry).map((r) => r.frame.callee))]
	};
}

/** `11 re-entries into Vault`, `2 re-entries into Pair, Router`; '' when there are none. */
export function reentrySummary(tree: CallTree): string {
	if (tree.reentries === 0) return '';
	const n = tree.reentries;
	return `${n} re-entr${n === 1 ? 'y' : 'ies'} into ${tree.reentered.join(', ')}`;
}

/**
 * The horizontal step between two depths of the drawn tree, in px: `full` while the deepest frame
 * still leaves `labelWidth` px for its label in `width`, else compressed so that it does, but never
 * below `min` (a tree deeper than that scrolls sideways rather than hiding its nodes).
 * `indentFor(700, 24, 220)` is 16; `indentFor(325, 24, 200)` is about 4.5.
 */
export function indentFor(
	width: number,
	depth: number,
	labelWidth: number,
	full = 16,
	min = 3
): number {
	if (depth <= 0) return full;
	const room = (width - 8 - 9 - labelWidth) / depth;
	return Math.max(min, Math.min(full, room));
}

/** `text` cut to at most `chars` characters, ending in `…` when cut. */
export function clip(text: string, chars: number): string {
	if (text.length <= chars) return text;
	return text.slice(0, Math.max(1, chars - 1)) + '…';
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
