/**
 * A reusable relayer bot: it follows an event on one chain (`s.logs`) and delivers each message
 * as a transaction on another chain, the off-chain messenger of a lock-and-mint bridge. It can
 * wait for confirmations, and it can misbehave on purpose, as bridge lessons need: lose a
 * message, deliver messages out of order, or deliver one twice (a replay, which the destination
 * contract must reject by remembering the message's nonce). Every choice it makes comes from a
 * random source seeded by the world's seed, the relayer's name and what it follows, so a run is reproducible and
 * adding a relayer does not shift the world's own `s.random()` draws.
 */
import type { ScenarioContext } from './context.ts';
import { Random } from './engine.ts';
import type { LogRecord } from './logs.ts';
import type { Bot } from './types.ts';

/** A contract on a chain; `address` may be a function when the contract is deployed later. */
type Endpoint = { chainId: number; address: string | (() => string | undefined) };

/** Which messages to mistreat: by ordinal (0 = the first message seen) or at a per-message rate. */
export type FaultPick = readonly number[] | { rate: number };

/** Deliberate faults, for lessons about what a bridge must withstand. */
export type RelayerFaults = {
	/** messages the relayer loses: never delivered */
	drop?: FaultPick;
	/**
	 * deliver the messages that fall due in the same step in a seeded shuffled order; when two or
	 * more are due, the order always differs from the order they were emitted in
	 */
	reorder?: boolean;
	/** messages delivered a second time, right after the first delivery (a replay) */
	replay?: FaultPick;
};

export type RelayerOptions = {
	/** the relayer's account name: it signs the deliveries and names the bot (default `relayer`) */
	account?: string;
	/** where messages come from: the emitting contract and the event name */
	from: Endpoint & { event: string };
	/** where they go: the contract and the method each message calls */
	to: Endpoint & { method: string };
	/**
	 * The delivered call's arguments: event field names in order (`['to', 'amount', 'nonce']`), or
	 * a function of the log. Default: every field of the event, in the order it was emitted.
	 */
	args?: readonly string[] | ((log: LogRecord) => unknown[]);
	/**
	 * Confirmations, in blocks of the source chain: a message emitted in block b is delivered once
	 * the source chain's head is at least b + delay (default 0: in the step it was emitted).
	 */
	delay?: number;
	faults?: RelayerFaults;
	/** print a console line per message (default true) */
	notes?: boolean;
};

/** One delivery transaction of a message. */
export type Delivery = {
	step: number;
	txHash: string;
	status: 'success' | 'reverted';
	/** true for the second, replayed delivery */
	replay: boolean;
};

/** A message the relayer saw and what became of it. */
export type RelayedMessage = {
	/** 0-based order in which the relayer saw it */
	ordinal: number;
	/** the event's `nonce` field when it has one, else the ordinal (as text) */
	id: string;
	log: LogRecord;
	fate: 'pending' | 'delivered' | 'dropped';
	deliveries: Delivery[];
};

export type Relayer = {
	bot: Bot;
	/** every message seen so far, in the order seen */
	readonly messages: RelayedMessage[];
	/** messages still waiting for their confirmations or their destination */
	pending(): RelayedMessage[];
};

const resolve = (endpoint: Endpoint) =>
	typeof endpoint.address === 'function' ? endpoint.address() : endpoint.address;

/** FNV-1a of a text, to separate the random streams of relayers with different names. */
function hashText(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

function picked(pick: FaultPick | undefined, ordinal: number, draw: number): boolean {
	if (pick === undefined) return false;
	if ('rate' in pick) return draw < pick.rate;
	return pick.includes(ordinal);
}

function checkOptions(options: RelayerOptions): void {
	const delay = options.delay ?? 0;
	if (!Number.isInteger(delay) || delay < 0) {
		throw new RangeError(
			`relayer: delay must be a whole number of blocks (0 or more), got ${delay}`
		);
	}
	for (const [name, pick] of Object.entries({
		drop: options.faults?.drop,
		replay: options.faults?.replay
	})) {
		if (pick && 'rate' in pick && !(pick.rate >= 0 && pick.rate <= 1)) {
			throw new RangeError(`relayer: faults.${name}.rate must be in [0, 1], got ${pick.rate}`);
		}
	}
}

/** A seeded shuffle that never keeps the original order of two or more items. */
function reordered<T>(items: T[], random: Random): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random.next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	if (out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift()!);
	return out;
}

/**
 * Register a relayer bot on `s`. It acts at the end of every step (after the step's own
 * transactions, in bot registration order): reads new `from.event` logs of `from.address`, then
 * delivers every message whose confirmations are in as `to.method(...args)` from `account`.
 * A delivery that reverts is an ordinary reverted receipt in the step (a replay rejected by the
 * destination shows up that way). The relayer starts listening at the source chain's next block.
 * @returns the bot (set `bot.enabled = false` to pause it) and the messages it has seen
 * @throws RangeError for a negative or fractional delay, or a fault rate outside [0, 1]
 */
export function relayer(s: ScenarioContext, options: RelayerOptions): Relayer {
	checkOptions(options);
	const account = options.account ?? 'relayer';
	const delay = options.delay ?? 0;
	const faults = options.faults ?? {};
	const { from } = options;
	const random = new Random((s.seed ^ hashText(`${account}:${from.chainId}:${from.event}`)) | 0);
	const messages: RelayedMessage[] = [];
	let queue: RelayedMessage[] = [];
	const replays = new Set<RelayedMessage>();
	let since = s.blockNumber(options.from.chainId) + 1;
	const note = (text: string) => {
		if (options.notes !== false) s.note(text);
	};
	const argsOf = (log: LogRecord): unknown[] => {
		if (typeof options.args === 'function') return options.args(log);
		if (options.args) return options.args.map((field) => log.args[field]);
		return Object.values(log.args);
	};

	const observe = (source: string) => {
		const { chainId, event } = options.from;
		const logs = s.logs({ chainId, event, address: source, since });
		since = s.blockNumber(chainId) + 1;
		for (const log of logs) {
			const ordinal = messages.length;
			const nonce = log.args.nonce;
			const id = nonce === undefined ? String(ordinal) : String(nonce);
			const message: RelayedMessage = { ordinal, id, log, fate: 'pending', deliveries: [] };
			messages.push(message);
			// both draws are always taken, so one fault's setting never shifts the other's stream
			const dropDraw = random.next();
			const replayDraw = random.next();
			if (picked(faults.drop, ordinal, dropDraw)) {
				message.fate = 'dropped';
				note(
					`The ${account} saw ${event} #${id} on chain ${chainId} (block ${log.blockNumber}) and drops it: it is never delivered.`
				);
				continue;
			}
			if (picked(faults.replay, ordinal, replayDraw)) replays.add(message);
			queue.push(message);
		}
	};

	const deliver = (message: RelayedMessage, target: string, replay: boolean) => {
		const receipt = s.send({
			chainId: options.to.chainId,
			from: account,
			to: target,
			method: options.to.method,
			args: argsOf(message.log)
		});
		message.deliveries.push({
			step: s.step,
			txHash: receipt.txHash,
			status: receipt.status,
			replay
		});
	};

	const act = () => {
		const source = resolve(options.from);
		if (source !== undefined) observe(source);
		const head = s.blockNumber(options.from.chainId);
		let due = queue.filter((m) => head >= m.log.blockNumber + delay);
		if (due.length === 0) return;
		const target = resolve(options.to);
		if (target === undefined) return;
		queue = queue.filter((m) => !due.includes(m));
		if (faults.reorder) due = reordered(due, random);
		const { chainId: fromChain, event } = options.from;
		for (const message of due) {
			const replay = replays.has(message);
			note(
				`The ${account} saw ${event} #${message.id} on chain ${fromChain} (block ${message.log.blockNumber}) and calls ${options.to.method} on chain ${options.to.chainId}.`
			);
			deliver(message, target, false);
			message.fate = 'delivered';
			if (replay) {
				note(
					`The ${account} replays ${event} #${message.id}: it calls ${options.to.method} again.`
				);
				deliver(message, target, true);
			}
		}
	};

	const bot = s.bot(account, act);
	return { bot, messages, pending: () => queue.slice() };
}
