/**
 * What the bridge views draw: messages crossing between chains with the state each reached at
 * each step (the sequence view), supply on each chain over time (the supply view), a Merkle tree
 * with one proof's path (the Merkle view) and the bridge's L2BEAT-style risk card. Plain data (no
 * bigint); amounts are decimal strings in whole units. Built on the scenario side by
 * `scenario/bridge-trace.ts` from the logs of named events (see src/lib/lessons/README.md).
 */

/**
 * The states a cross-chain message goes through, in order: `sent` (its event on the source
 * chain), `relayed` (a relayer delivered it to the destination), `proven` (the destination
 * accepted its proof: a Merkle proof, a light-client header, a quorum of signatures), `executed`
 * (the destination acted on it: minted, released, acknowledged) and `timed-out` (it was not
 * executed in time and the source refunded it).
 */
export const MESSAGE_STATES = ['sent', 'relayed', 'proven', 'executed', 'timed-out'] as const;

/** One state of a message's life. */
export type MessageState = (typeof MESSAGE_STATES)[number];

/** A chain of the bridge, as the views label its lane. */
export type BridgeChain = { chainId: number; name: string };

/** One thing that happened to a message: a state reached (or tried, `status: 'reverted'`). */
export type MessageMark = {
	/** timeline step it happened in */
	step: number;
	state: MessageState;
	/** the chain it happened on */
	chainId: number;
	/** the event (`Locked`) or the relayer's call (`mint`) that marks it */
	label: string;
	/** 'reverted' for a delivery the destination refused: the message did not reach the state */
	status: 'success' | 'reverted';
	/** true for a relayer's second, replayed delivery */
	replay?: boolean;
	txHash?: string;
};

/** One message and its marks, oldest first. */
export type BridgeMessage = {
	/** unique in the run: `${route}#${id}` */
	key: string;
	/** the route's name (`A→B`, `lock`, `burn`) */
	route: string;
	/** the message's id on its route: the event's id field (default `nonce`) as text */
	id: string;
	/** source and destination chain ids */
	from: number;
	to: number;
	/** the amount it carries in whole units, with its symbol, when its sent event has one */
	amount?: string;
	marks: MessageMark[];
};

/** Supply on the bridge's chains at one step: one value per series, in whole units. */
export type SupplySample = { step: number; values: string[] };

/** The supply series the supply view plots (e.g. locked on A, wrapped on B, in flight). */
export type SupplySeries = { name: string; chainId: number; symbol: string };

/** An L2BEAT-style grade of one bridge (l2beat.com/bridges, "Validated by", "Token"). */
export type RiskCard = {
	/** the bridge graded (`your bridge`) */
	name: string;
	rows: {
		/** the L2BEAT field (`Validated by`, `Destination token`) */
		field: string;
		/** the grade (`Light client`, `Multisig 2/5`, `Wrapped`) */
		value: string;
		/** `good` / `warning` / `bad`, the colour L2BEAT gives it */
		level: 'good' | 'warning' | 'bad';
		/** why, in a sentence the learner can check against the run */
		because: string;
	}[];
};

/** One proof checked against a tree of the Merkle view, at a step of the timeline. */
export type MerkleProofView = {
	/** timeline step the proof was checked in */
	step: number;
	/** the proven leaf, by position in `levels[0]` */
	leaf: number;
	/** what was claimed (`alice withdraws 100 TOK`, `tx 2 of block 100000`) */
	label: string;
	/** whether the learner's verifier accepted it (null: not checked) */
	accepted: boolean | null;
	/** whether the reference model accepts it (a forged proof: false) */
	valid: boolean;
};

/**
 * A Merkle tree for the Merkle view, level by level, and the proofs checked against it. The path
 * of a proof of leaf `i` is node `i >> k` at level `k`, and its sibling is `(i >> k) ^ 1` (the node
 * itself when it is the last of an odd level: Bitcoin pairs it with itself).
 */
export type MerkleTreeView = {
	/** what the tree is (`Withdrawals: OpenZeppelin StandardMerkleTree`) */
	title: string;
	/** node hashes level by level, leaves (level 0) first, the root alone last; hex */
	levels: string[][];
	/** labels of the leaves (`alice 100 TOK`), same order as levels[0] */
	leafLabels: string[];
	proofs: MerkleProofView[];
};

/** Everything the bridge views need, in `RunOverview.bridge`. */
export type BridgeOverview = {
	chains: BridgeChain[];
	messages: BridgeMessage[];
	supply?: { series: SupplySeries[]; samples: SupplySample[] };
	/** Merkle trees and the proofs checked against them (the Merkle view) */
	merkle?: MerkleTreeView[];
	risk?: RiskCard;
	/** words the views print for some states instead of the generic ones (IBC's `received`) */
	stateWords?: Partial<Record<MessageState, string>>;
};

/** Rank of each state in a message's life (`sent` 0 ... `timed-out` 4). */
export const MESSAGE_ORDER: Record<MessageState, number> = {
	sent: 0,
	relayed: 1,
	proven: 2,
	executed: 3,
	'timed-out': 4
};

/**
 * The furthest state a message reached by `step` (a reverted delivery does not count), or null
 * when nothing had happened to it yet.
 */
export function stateAt(message: BridgeMessage, step: number): MessageState | null {
	let best: MessageState | null = null;
	for (const mark of message.marks) {
		if (mark.step > step || mark.status !== 'success') continue;
		if (best === null || MESSAGE_ORDER[mark.state] > MESSAGE_ORDER[best]) best = mark.state;
	}
	return best;
}
