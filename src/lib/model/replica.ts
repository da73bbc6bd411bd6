/**
 * An optimistic bridge's inbox over time, for the optimistic-window view: each message, the
 * window of the root it was posted under, and every attempt to process it. Times are unix
 * seconds; plain data.
 */

/** One call that tried to process a message. */
export type ReplicaAttempt = {
	step: number;
	time: number;
	/** whether the message was processed (and paid) by this call */
	paid: boolean;
	/** the revert reason when it was not */
	reason?: string;
};

/** One message the destination was asked to process. */
export type ReplicaMessage = {
	/** who it pays and how much (`Alice: 2 WBTC`) */
	label: string;
	/** true when the origin chain really sent it (it is a leaf of a posted root) */
	dispatched: boolean;
	/** when the root holding it was posted, null for a message in no root */
	postedAt: number | null;
	/** when that root becomes acceptable (postedAt + the window), null for none */
	acceptableFrom: number | null;
	attempts: ReplicaAttempt[];
};

/** The inbox of one run. */
export type ReplicaOverview = {
	/** the optimistic window, in seconds */
	windowSeconds: number;
	messages: ReplicaMessage[];
};
