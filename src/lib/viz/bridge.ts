/**
 * Pure helpers of the bridge views: where each message mark goes in the sequence view (its lane
 * and row), what a message looks like at a step, and the supply samples up to a step.
 */
import {
	stateAt,
	type BridgeChain,
	type BridgeMessage,
	type MessageMark,
	type MerkleProofView,
	type MerkleTreeView,
	type MessageState,
	type SupplySample
} from '#lib/model/bridge.ts';

/** Words for each state, as the views print them. */
export const STATE_WORDS: Record<MessageState, string> = {
	sent: 'sent',
	relayed: 'relayed',
	proven: 'proven',
	executed: 'executed',
	'timed-out': 'timed out'
};

/** STATE_WORDS with a bridge's own words for some states (IBC: `received`, `acknowledged`). */
export function stateWords(
	own?: Partial<Record<MessageState, string>>
): Record<MessageState, string> {
	return { ...STATE_WORDS, ...own };
}

/** The three lanes of the sequence view: the first chain, the relayer, the second chain. */
export type Lane = 0 | 1 | 2;

/** Which lane a mark is drawn in: relays in the middle, the rest on their chain's lane. */
export function laneOf(mark: MessageMark, chains: BridgeChain[]): Lane {
	if (mark.state === 'relayed') return 1;
	return mark.chainId === chains[0]?.chainId ? 0 : 2;
}

/** The steps that have a mark up to `step`, ascending, and `step` itself: the rows drawn. */
export function rowsUpTo(messages: BridgeMessage[], step: number): number[] {
	const steps = new Set<number>([step]);
	for (const m of messages) for (const mark of m.marks) if (mark.step <= step) steps.add(mark.step);
	return [...steps].sort((a, b) => a - b);
}

/** One message as the views show it at a step. */
export type MessageRow = {
	message: BridgeMessage;
	/** its furthest state by the step, or null before anything happened to it */
	state: MessageState | null;
	/** its marks up to the step */
	marks: MessageMark[];
	/** a delivery the destination refused, up to the step */
	refused: boolean;
	/** no `sent` mark at all: the destination acted on a message its source never sent */
	unbacked: boolean;
};

/** Messages with at least one mark by `step`, oldest first. */
export function messagesAt(messages: BridgeMessage[], step: number): MessageRow[] {
	const rows: MessageRow[] = [];
	for (const message of messages) {
		const marks = message.marks.filter((m) => m.step <= step);
		if (marks.length === 0) continue;
		rows.push({
			message,
			state: stateAt(message, step),
			marks,
			refused: marks.some((m) => m.status === 'reverted'),
			unbacked: !message.marks.some((m) => m.state === 'sent')
		});
	}
	return rows.sort((a, b) => a.marks[0].step - b.marks[0].step);
}

/** How a message reads in one line: `lock → mint #0 · 10 TOK · executed`. */
export function describeMessage(row: MessageRow, words = STATE_WORDS): string {
	const { message } = row;
	const parts = [`${message.route} #${message.id}`];
	if (message.amount) parts.push(message.amount);
	parts.push(row.state ? words[row.state] : 'refused');
	if (row.unbacked) parts.push('never sent');
	return parts.join(' · ');
}

/** Supply samples up to `step` (the last one is the step's own). */
export function samplesUpTo(samples: SupplySample[], step: number): SupplySample[] {
	return samples.filter((x) => x.step <= step);
}

/** A mark's place in the sequence view. */
export type PlacedMark = { x: number; y: number; mark: MessageMark };

/**
 * Each message's marks as points: x on the mark's lane, y on its step's row; marks of several
 * messages in one lane and row are spread 9 px apart (inwards from the outer lanes, alternately
 * either side of the middle one).
 * @param laneX x of the three lanes (px); @param rowY y of a step's row (px)
 */
export function placeMarks(
	rows: MessageRow[],
	chains: BridgeChain[],
	laneX: number[],
	rowY: (step: number) => number
): { row: MessageRow; points: PlacedMark[] }[] {
	const crowd = new Map<string, number>();
	return rows.map((row) => {
		const points = row.marks.map((mark) => {
			const lane = laneOf(mark, chains);
			const cell = `${lane}:${mark.step}`;
			const k = crowd.get(cell) ?? 0;
			crowd.set(cell, k + 1);
			const spread = lane === 0 ? k : lane === 2 ? -k : (k % 2 ? -1 : 1) * Math.ceil(k / 2);
			return { x: laneX[lane] + spread * 9, y: rowY(mark.step), mark };
		});
		return { row, points };
	});
}

/** The latest proof checked against a tree by `step`, or null. */
export function proofAt(tree: MerkleTreeView, step: number): MerkleProofView | null {
	let latest: MerkleProofView | null = null;
	for (const proof of tree.proofs) if (proof.step <= step) latest = proof;
	return latest;
}

/** A proof's path through a tree: per level, the node on the path and its sibling (positions). */
export function proofPath(tree: MerkleTreeView, leaf: number): { node: number; sibling: number }[] {
	return tree.levels.slice(0, -1).map((level, k) => {
		const node = leaf >> k;
		const sibling = (node ^ 1) < level.length ? node ^ 1 : node;
		return { node, sibling };
	});
}

/** A hash cut for a node label: `0x6958…7772`. */
export const shortHash = (hash: string) =>
	hash.length > 12 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
