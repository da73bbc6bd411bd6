/**
 * The bridge views' data, built while a scenario runs: a bot that follows named events on every
 * chain of a bridge (`s.logs`) and the deliveries of its relayers, and writes each message's
 * states into `s.overview.bridge.messages`, with the step each happened in; and, when asked, a
 * sample of each supply series (locked on A, wrapped on B, in flight) at the end of every step.
 * Register it after the relayers, so a step's deliveries are seen in that step. The contract a
 * scenario keeps to feed the views (event names, id and amount fields) is written down in
 * src/lib/lessons/README.md, "Bridge views".
 */
import {
	MESSAGE_ORDER,
	type BridgeChain,
	type BridgeMessage,
	type BridgeOverview,
	type MessageMark,
	type MessageState,
	type SupplySeries
} from '#lib/model/bridge.ts';
import type { ScenarioContext } from './context.ts';
import { formatUnits } from './format.ts';
import type { LogRecord } from './logs.ts';
import type { Relayer } from './relayer.ts';

/** One event that moves a message of a route to a state. */
export type TraceEvent = {
	/** the chain that emits it */
	chainId: number;
	/** event name as the contract emits it (`Locked`) */
	event: string;
	/** the state it marks */
	state: MessageState;
	/** the emitting contract (address or run name); default: any contract of that chain */
	address?: string | (() => string | undefined);
	/** the field holding the message's id on its route (default `nonce`) */
	id?: string;
};

/** A direction messages travel, with the events that mark their states. */
export type TraceRoute = {
	/** the route's name, shown on the view (`lock → mint`) */
	name: string;
	from: number;
	to: number;
	/** the events of this route; the `sent` one creates the message */
	events: TraceEvent[];
	/** its relayer: every delivery marks `relayed` (a reverted one is drawn as refused) */
	relayer?: Relayer;
	/** the sent event's amount field and how to show it (default field `amount`, 18 decimals) */
	amount?: { field?: string; symbol: string; decimals?: number };
};

/** A supply series, read from the chain at the end of every step (smallest units). */
export type TraceSupply = SupplySeries & { decimals?: number; read(s: ScenarioContext): bigint };

export type TraceOptions = {
	chains: BridgeChain[];
	routes: TraceRoute[];
	supply?: TraceSupply[];
	/** the bridge's own word for a state (IBC: proven = `received`, executed = `acknowledged`) */
	stateWords?: Partial<Record<MessageState, string>>;
};

const resolve = (address: TraceEvent['address']) =>
	typeof address === 'function' ? address() : address;

/**
 * Follow a bridge for its views. Creates `s.overview.bridge` and registers the `bridge-trace`
 * bot, which at the end of every step reads new logs of each route's events (from the chain's
 * next block on), marks the relayers' new deliveries and samples the supply series.
 * A marking event whose message was never sent on its route still creates the message (so a
 * mint with no lock shows up as a message with no `sent` mark).
 * @returns the overview the bot fills (the same object as `s.overview.bridge`)
 * @throws Error when a route's chain is not one of `chains`
 */
export function traceBridge(s: ScenarioContext, options: TraceOptions): BridgeOverview {
	const chainIds = new Set(options.chains.map((c) => c.chainId));
	for (const route of options.routes) {
		for (const chainId of [route.from, route.to, ...route.events.map((e) => e.chainId)]) {
			if (!chainIds.has(chainId)) {
				throw new Error(`traceBridge: route ${route.name} uses chain ${chainId}, not in chains`);
			}
		}
	}
	const overview: BridgeOverview = { chains: options.chains, messages: [] };
	if (options.stateWords) overview.stateWords = { ...options.stateWords };
	if (options.supply) {
		overview.supply = {
			series: options.supply.map(({ name, chainId, symbol }) => ({ name, chainId, symbol })),
			samples: []
		};
	}
	s.overview.bridge = overview;
	const byKey = new Map<string, BridgeMessage>();
	const since = new Map<number, number>();
	for (const c of options.chains) since.set(c.chainId, s.blockNumber(c.chainId) + 1);
	const seenDeliveries = new Map<Relayer, number>();

	const messageOf = (route: TraceRoute, id: string): BridgeMessage => {
		const key = `${route.name}#${id}`;
		let message = byKey.get(key);
		if (!message) {
			message = { key, route: route.name, id, from: route.from, to: route.to, marks: [] };
			byKey.set(key, message);
			overview.messages.push(message);
		}
		return message;
	};

	const amountOf = (route: TraceRoute, log: LogRecord): string | undefined => {
		if (!route.amount) return undefined;
		const raw = log.args[route.amount.field ?? 'amount'];
		if (typeof raw !== 'bigint') return undefined;
		return `${formatUnits(raw, route.amount.decimals ?? 18)} ${route.amount.symbol}`;
	};

	const readLogs = () => {
		const marks: { log: LogRecord; route: TraceRoute; rule: TraceEvent }[] = [];
		for (const c of options.chains) {
			const from = since.get(c.chainId)!;
			const logs = s.logs({ chainId: c.chainId, since: from });
			since.set(c.chainId, s.blockNumber(c.chainId) + 1);
			for (const log of logs) {
				for (const route of options.routes) {
					for (const rule of route.events) {
						if (rule.chainId !== c.chainId || rule.event !== log.event) continue;
						const address = resolve(rule.address);
						if (address !== undefined && !sameContract(address, log)) continue;
						marks.push({ log, route, rule });
					}
				}
			}
		}
		for (const { log, route, rule } of marks) {
			const id = String(log.args[rule.id ?? 'nonce'] ?? '?');
			const message = messageOf(route, id);
			if (rule.state === 'sent' && message.amount === undefined) {
				const amount = amountOf(route, log);
				if (amount !== undefined) message.amount = amount;
			}
			message.marks.push({
				step: s.step,
				state: rule.state,
				chainId: log.chainId,
				label: log.event,
				status: 'success',
				txHash: log.txHash
			});
		}
	};

	const readDeliveries = () => {
		for (const route of options.routes) {
			const relayer = route.relayer;
			if (!relayer) continue;
			const seen = seenDeliveries.get(relayer) ?? 0;
			let count = 0;
			for (const m of relayer.messages) {
				for (const d of m.deliveries) {
					if (count++ < seen) continue;
					const message = messageOf(route, m.id);
					const mark = {
						step: d.step,
						state: 'relayed' as const,
						chainId: route.to,
						label: d.replay ? 'replayed' : 'delivered',
						status: d.status,
						txHash: d.txHash
					};
					message.marks.push(d.replay ? { ...mark, replay: true } : mark);
				}
			}
			seenDeliveries.set(relayer, count);
		}
	};

	s.bot('bridge-trace', () => {
		readDeliveries();
		readLogs();
		for (const m of overview.messages) m.marks.sort(byStepThenState);
		if (options.supply && overview.supply) {
			overview.supply.samples.push({
				step: s.step,
				values: options.supply.map((series) => formatUnits(series.read(s), series.decimals ?? 18))
			});
		}
	});
	return overview;
}

/** Marks in step order; inside a step, by state, a refused (reverted) delivery after the rest. */
function byStepThenState(a: MessageMark, b: MessageMark): number {
	const refused = (m: MessageMark) => (m.status === 'reverted' ? 1 : 0);
	return (
		a.step - b.step || refused(a) - refused(b) || MESSAGE_ORDER[a.state] - MESSAGE_ORDER[b.state]
	);
}

function sameContract(address: string, log: LogRecord): boolean {
	const wanted = address.toLowerCase();
	return wanted === log.address || wanted === log.contract?.toLowerCase();
}
