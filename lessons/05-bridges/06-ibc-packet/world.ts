/**
 * The two IBC chains of this lesson. Chain A (id 1, 'chain-a-1') and chain B (id 2,
 * 'chain-b-1') each have four validators with real Ed25519 keys (@noble/curves, through
 * protocols/light-header.ts), a LightClient of the other chain and the learner's TransferChannel
 * (`transfer/channel-0`). TOK lives on chain A. A header of a chain commits, in its app hash, to
 * that chain's IBC store (SHA-256 of the JSON of `storeEntries()`).
 *
 * The relayer has four jobs, each a bot, in this order at the end of every step: update each
 * light client with a header of the other chain's head; deliver SendPacket as recvPacket on B
 * (relayer.ts: a delay of one block, and seeded faults: a replay, a reorder); deliver
 * WriteAcknowledgement as acknowledgePacket on A; prove a timeout on A for a packet whose
 * timeout B's header has reached with no receipt.
 */
import {
	relayer,
	traceBridge,
	type Relayer,
	type RelayerFaults,
	type ScenarioContext
} from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import type { LogRecord } from '#lib/scenario/logs.ts';
import { formatUnits } from '#lib/scenario/format.ts';
import {
	signHeader,
	validatorKey,
	validatorSetHash,
	type Header,
	type SignedHeader,
	type ValidatorKey
} from '#lib/protocols/light-header.ts';
import { timeoutElapsed, type Height } from '#lib/protocols/ibc.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const A = 1;
export const B = 2;
/** 1 March 2026, 00:00 UTC: both chains start together (synthetic) */
const GENESIS = Date.UTC(2026, 2, 1) / 1000;
export const BLOCK_TIME = 6;
export const CHAINS = [
	{ id: A, blockTime: BLOCK_TIME, genesisTime: GENESIS },
	{ id: B, blockTime: BLOCK_TIME, genesisTime: GENESIS }
];
export const CHAIN_ID: Record<number, string> = { [A]: 'chain-a-1', [B]: 'chain-b-1' };
export const E = 10n ** 18n;
export const NS = 1_000_000_000n;
/** Synthetic client parameters: a 14-day trusting period, 60 s of clock drift. */
const TRUSTING_PERIOD = 14 * 86_400;
const MAX_CLOCK_DRIFT = 60;

/** Each chain's four validators, 10 voting power each (simulated keys, never for real funds). */
export const VALIDATORS: Record<number, ValidatorKey[]> = {
	[A]: [1, 2, 3, 4].map((i) => validatorKey(`chain-a validator ${i}`, 10)),
	[B]: [1, 2, 3, 4].map((i) => validatorKey(`chain-b validator ${i}`, 10))
};
const setOf = (chainId: number) => VALIDATORS[chainId].map((k) => k.validator);

/** An ICS-004 packet as TransferChannel emits it in SendPacket. */
export type Packet = {
	sequence: bigint;
	sourcePort: string;
	sourceChannel: string;
	destinationPort: string;
	destinationChannel: string;
	data: string;
	timeoutHeight: Height;
	timeoutTimestamp: bigint;
};
/** A chain's IBC store as [path, value] pairs: the proof the other chain's LightClient checks. */
export type Store = [string, string][];

/** The deployed lesson: TOK, both channels and both clients, and the relayer's jobs. */
export type Ibc = {
	token: string;
	channel: Record<number, string>;
	/** client[X]: the LightClient on chain X (of the other chain) */
	client: Record<number, string>;
	/** stores[X][height]: chain X's IBC store at each height a header was made for */
	stores: Record<number, Map<number, Store>>;
	/** the relayer's bots, to pause them (empty until `startRelayer`) */
	bots: { enabled: boolean }[];
	recv?: Relayer;
};

const other = (chainId: number) => (chainId === A ? B : A);
export const storeRoot = (store: Store) =>
	'0x' + bytesToHex(sha256(utf8ToBytes(JSON.stringify(store))));

/** Chain `chainId`'s IBC store now (empty before its channel exists). */
export function storeOf(s: ScenarioContext, w: Ibc, chainId: number): Store {
	const channel = w.channel[chainId];
	return channel ? (s.view(channel, 'storeEntries', [], chainId) as Store) : [];
}

/** A header of chain `chainId` at its head, committing to `store` (default: its real store). */
export function headerOf(s: ScenarioContext, w: Ibc, chainId: number, store?: Store): Header {
	const entries = store ?? storeOf(s, w, chainId);
	const hash = validatorSetHash(setOf(chainId));
	const header: Header = {
		chainId: CHAIN_ID[chainId],
		height: s.blockNumber(chainId),
		time: s.time(chainId),
		validatorsHash: hash,
		nextValidatorsHash: hash,
		appHash: storeRoot(entries)
	};
	if (!store) w.stores[chainId].set(header.height, entries);
	return header;
}

/** MsgUpdateClient arguments for `signed`, trusting the client's latest height. */
export function updateArgs(
	s: ScenarioContext,
	w: Ibc,
	signed: SignedHeader,
	onChain: number,
	trusted?: number
) {
	const source = other(onChain);
	const trustedHeight =
		trusted ?? (s.view(w.client[onChain], 'latestHeight', [], onChain) as number);
	return {
		signedHeader: signed,
		validatorSet: setOf(source),
		trustedHeight,
		trustedValidators: setOf(source)
	};
}

/**
 * `from` submits a header of the other chain's head to the LightClient on `onChain`, trusting
 * `trusted` (default: the client's latest height).
 */
export function updateClient(
	s: ScenarioContext,
	w: Ibc,
	onChain: number,
	from = 'relayer',
	trusted?: number
) {
	const source = other(onChain);
	const signed = signHeader(headerOf(s, w, source), VALIDATORS[source]);
	return s.send({
		chainId: onChain,
		from,
		to: w.client[onChain],
		method: 'updateClient',
		args: [updateArgs(s, w, signed, onChain, trusted)]
	});
}

/**
 * The relayer's proof for an event of chain `source`: when the other chain's client has no header
 * of `source` at or above the event's block yet, it first submits one (Hermes bundles the same
 * MsgUpdateClient with the packet message), then returns that height and `source`'s store at it.
 */
function proofFor(s: ScenarioContext, w: Ibc, source: number, log: LogRecord): [number, Store] {
	const [height] = provenStore(s, w, source);
	if (height < log.blockNumber) updateClient(s, w, other(source));
	return provenStore(s, w, source);
}

/** The latest height of `source` the client on the other chain holds, and the store at it. */
export function provenStore(s: ScenarioContext, w: Ibc, source: number): [number, Store] {
	const height = s.view(w.client[other(source)], 'latestHeight', [], other(source)) as number;
	return [height, w.stores[source].get(height) ?? []];
}

/** Deploy TOK (Alice holds 1,000), both LightClients and both TransferChannels. */
export function openIbc(s: ScenarioContext): Ibc {
	const w: Ibc = {
		token: '',
		channel: {},
		client: {},
		stores: { [A]: new Map(), [B]: new Map() },
		bots: []
	};
	for (const chainId of [A, B]) {
		const trusted = headerOf(s, w, other(chainId));
		w.client[chainId] = s.deploy('contracts/LightClient.ts', {
			chainId,
			from: 'deployer',
			args: [CHAIN_ID[other(chainId)], trusted, TRUSTING_PERIOD, MAX_CLOCK_DRIFT]
		});
	}
	w.token = s.deployToken({
		chainId: A,
		name: 'Token',
		symbol: 'TOK',
		from: 'alice',
		supply: 1000n * E
	});
	for (const chainId of [A, B]) {
		w.channel[chainId] = s.deploy('contracts/TransferChannel.ts', {
			chainId,
			from: 'deployer',
			args: [chainId === A ? w.token : '', w.client[chainId]]
		});
	}
	s.send({
		chainId: A,
		from: 'alice',
		to: w.token,
		method: 'approve',
		args: [w.channel[A], 1000n * E]
	});
	return w;
}

/** Every packet chain A sent so far, by sequence (text). */
export function sentPackets(s: ScenarioContext, w: Ibc): Map<string, Packet> {
	const logs = s.logs({ chainId: A, event: 'SendPacket', address: w.channel[A] });
	return new Map(logs.map((l) => [String(l.args.nonce), l.args.packet as Packet]));
}

/** recvPacket arguments for a SendPacket log: the packet, and A's store at B's latest header of A. */
const recvArgs = (s: ScenarioContext, w: Ibc) => (log: LogRecord) => {
	const [height, store] = proofFor(s, w, A, log);
	return [log.args.packet, height, store];
};

/** The relayer's jobs (see the module comment); `faults` for the recvPacket deliveries. */
export function startRelayer(s: ScenarioContext, w: Ibc, faults: RelayerFaults = {}): void {
	const submitted: Record<number, number> = { [A]: -1, [B]: -1 };
	const headers = s.bot('relayer-headers', () => {
		for (const onChain of [B, A]) {
			const source = other(onChain);
			if (s.blockNumber(source) === submitted[source]) continue;
			// trust the last header this relayer submitted, not whatever the client holds last
			const trusted = submitted[source] < 0 ? undefined : submitted[source];
			submitted[source] = s.blockNumber(source);
			updateClient(s, w, onChain, 'relayer', trusted);
		}
	});
	w.recv = relayer(s, {
		from: { chainId: A, address: w.channel[A], event: 'SendPacket' },
		to: { chainId: B, address: w.channel[B], method: 'recvPacket' },
		args: recvArgs(s, w),
		delay: 1,
		faults
	});
	const acks = relayer(s, {
		from: { chainId: B, address: w.channel[B], event: 'WriteAcknowledgement' },
		to: { chainId: A, address: w.channel[A], method: 'acknowledgePacket' },
		args: (log) => {
			const [height, store] = proofFor(s, w, B, log);
			return [sentPackets(s, w).get(String(log.args.nonce)), log.args.ack, height, store];
		},
		delay: 1,
		notes: false
	});
	const tried = new Set<string>();
	const timeouts = s.bot('relayer-timeouts', () => {
		const [height, store] = provenStore(s, w, B);
		const state = s.view(w.client[A], 'consensusState', [height], A) as { time: number } | null;
		if (!state) return;
		const at = {
			height: { revisionNumber: 1n, revisionHeight: BigInt(height) },
			timestamp: BigInt(state.time) * NS
		};
		const committed = new Set(storeOf(s, w, A).map(([path]) => path));
		for (const [seq, packet] of sentPackets(s, w)) {
			const timeout = { height: packet.timeoutHeight, timestamp: packet.timeoutTimestamp };
			const received = store.some(([path]) => path === pathOf('receipts', packet));
			if (tried.has(seq) || received || !committed.has(pathOf('commitments', packet))) continue;
			if (!timeoutElapsed(timeout, at)) continue;
			tried.add(seq);
			s.note(
				`The relayer proves on chain A that packet ${seq} timed out: chain B's header at height ${height} has no receipt for it.`
			);
			s.send({
				chainId: A,
				from: 'relayer',
				to: w.channel[A],
				method: 'timeoutPacket',
				args: [packet, height, store]
			});
		}
	});
	w.bots.push(headers, w.recv.bot, acks.bot, timeouts);
}

/** An ICS-24 path of a packet: commitments on its source, receipts and acks on its destination. */
export function pathOf(kind: 'commitments' | 'receipts' | 'acks', p: Packet): string {
	const [port, channel] =
		kind === 'commitments'
			? [p.sourcePort, p.sourceChannel]
			: [p.destinationPort, p.destinationChannel];
	return `${kind}/ports/${port}/channels/${channel}/sequences/${p.sequence}`;
}

/**
 * Let `seconds` pass on both chains (a block every 6 s on each): time runs on both at once, and a
 * light client refuses a header more than 60 s ahead of its own chain's clock.
 */
export function wait(s: ScenarioContext, seconds: number): void {
	const blocks = Math.ceil(seconds / BLOCK_TIME);
	s.mine(blocks, A);
	s.mine(blocks, B);
}

/** Pause or resume every job of the relayer. */
export function relayerUp(w: Ibc, up: boolean): void {
	for (const bot of w.bots) bot.enabled = up;
}

/** Alice (or `from`) sends `amount` TOK to `to` on chain B with the given timeouts. */
export function transfer(
	s: ScenarioContext,
	w: Ibc,
	from: string,
	to: string,
	amount: bigint,
	timeout: { height?: bigint; timestamp?: bigint }
): Receipt {
	const timeoutHeight = {
		revisionNumber: timeout.height ? 1n : 0n,
		revisionHeight: timeout.height ?? 0n
	};
	return s.send({
		chainId: A,
		from,
		to: w.channel[A],
		method: 'sendTransfer',
		args: [s.address(to, B), amount, timeoutHeight, timeout.timestamp ?? 0n]
	});
}

/** The packet chain A committed to for sequence `seq`. */
export function packetOf(s: ScenarioContext, w: Ibc, seq: bigint): Packet {
	const p = sentPackets(s, w).get(String(seq));
	if (!p) throw new Error(`no packet ${seq} was sent`);
	return p;
}

/** Deliver `packet` to chain B's recvPacket from `from`, with A's store at B's latest header of A. */
export function deliver(s: ScenarioContext, w: Ibc, packet: Packet, from = 'relayer'): Receipt {
	const [height, store] = provenStore(s, w, A);
	return s.send({
		chainId: B,
		from,
		to: w.channel[B],
		method: 'recvPacket',
		args: [packet, height, store]
	});
}

/** Call timeoutPacket on chain A from `from`, with B's store at A's latest header of B. */
export function proveTimeout(
	s: ScenarioContext,
	w: Ibc,
	packet: Packet,
	from = 'relayer'
): Receipt {
	const [height, store] = provenStore(s, w, B);
	return s.send({
		chainId: A,
		from,
		to: w.channel[A],
		method: 'timeoutPacket',
		args: [packet, height, store]
	});
}

export const vouchers = (s: ScenarioContext, w: Ibc) =>
	s.view(w.channel[B], 'voucherSupply', [], B) as bigint;
export const escrowed = (s: ScenarioContext, w: Ibc) =>
	s.view(w.token, 'balanceOf', [w.channel[A]], A) as bigint;
export const voucherOf = (s: ScenarioContext, w: Ibc, who: string) =>
	s.view(w.channel[B], 'voucherBalance', [s.address(who, B)], B) as bigint;
export const tokOf = (s: ScenarioContext, w: Ibc, who: string) =>
	s.view(w.token, 'balanceOf', [s.address(who, A)], A) as bigint;

/** TOK in flight: sent, and neither received on B nor timed out on A (from the events). */
export function inFlight(s: ScenarioContext, w: Ibc): bigint {
	const seqs = (chainId: number, event: string) =>
		new Set(
			s.logs({ chainId, event, address: w.channel[chainId] }).map((l) => String(l.args.nonce))
		);
	const received = seqs(B, 'RecvPacket');
	const timedOut = seqs(A, 'TimeoutPacket');
	let total = 0n;
	for (const l of s.logs({ chainId: A, event: 'SendPacket', address: w.channel[A] })) {
		const seq = String(l.args.nonce);
		if (!received.has(seq) && !timedOut.has(seq)) total += l.args.amount as bigint;
	}
	return total;
}

/** The sequence and supply views' trace (register after the relayer). */
export function follow(s: ScenarioContext, w: Ibc): void {
	traceBridge(s, {
		chains: [
			{ chainId: A, name: 'Chain A' },
			{ chainId: B, name: 'Chain B' }
		],
		stateWords: { proven: 'received', executed: 'acknowledged' },
		routes: [
			{
				name: 'transfer/channel-0',
				from: A,
				to: B,
				relayer: w.recv,
				amount: { symbol: 'TOK' },
				events: [
					{ chainId: A, event: 'SendPacket', state: 'sent', address: w.channel[A] },
					{ chainId: B, event: 'RecvPacket', state: 'proven', address: w.channel[B] },
					{ chainId: A, event: 'AcknowledgePacket', state: 'executed', address: w.channel[A] },
					{ chainId: A, event: 'TimeoutPacket', state: 'timed-out', address: w.channel[A] }
				]
			}
		],
		supply: [
			{ name: 'Escrowed on A', chainId: A, symbol: 'TOK', read: (s) => escrowed(s, w) },
			{ name: 'Vouchers on B', chainId: B, symbol: 'ibc/…TOK', read: (s) => vouchers(s, w) },
			{ name: 'In flight', chainId: A, symbol: 'TOK', read: (s) => inFlight(s, w) }
		]
	});
}

/** Amount as text: `10 TOK`. */
export const tok = (amount: bigint, symbol = 'TOK') => `${formatUnits(amount, 18)} ${symbol}`;

/** Why a receipt failed, in a few words. */
export const whyFailed = (r: Receipt) =>
	r.status === 'success' ? 'it succeeded' : (r.error?.message ?? 'reverted');
