/**
 * Transactions before and after they run: the pending form, the hash, intrinsic gas, the validity
 * rules (Ethereum's: nonce, gas limit, funds for gasLimit * gasPrice + value), receipts, and which
 * mempool transactions go into the next block.
 */
import type { Outcome } from './access.ts';
import { decodeValue } from './codec.ts';
import { BLOCK_GAS_LIMIT, GAS, GAS_PRICE, intrinsicGas } from './gas.ts';
import { fmix32, hashLanes, keccak256, LANE_SEED_A, LANE_SEED_B } from './hash.ts';
import type { Compiled } from './sandbox/transform.ts';
import type { ChainState } from './state.ts';
import type { CallFrame, Receipt, TokenRecord } from './types.ts';

/** A transaction waiting in the mempool (or about to be included). */
export type PendingTx = {
	hash: string;
	kind: 'call' | 'deploy' | 'token';
	from: string;
	to: string;
	method: string | null;
	args: unknown[];
	argsText: string;
	value: bigint;
	gasLimit: number;
	gasPrice: bigint;
	nonce: number;
	seq: number;
	/** why it cannot be valid whatever the state (bad arguments), checked at inclusion */
	malformed?: string;
	deploy?: { name: string; source: string; code: Compiled };
	token?: TokenRecord & { supply: bigint };
};

const lanes = new Int32Array(2);

/**
 * keccak256(chainId:from:nonce:body) where body is a 64-bit digest (hash.ts lanes) of recipient,
 * method, arguments, value, gasLimit and gasPrice: one keccak block per transaction. Included
 * transactions are unique by chain, sender and nonce, as on Ethereum.
 */
export function txHash(chainId: number, tx: PendingTx): string {
	const what =
		tx.kind === 'deploy'
			? `deploy:${tx.deploy?.name}:${tx.deploy?.source}`
			: tx.kind === 'token'
				? `token:${tx.token?.name}:${tx.token?.symbol}`
				: (tx.method ?? '');
	hashLanes(
		`${tx.to}:${what}:${tx.argsText}:${tx.value}:${tx.gasLimit}:${tx.gasPrice}`,
		LANE_SEED_A,
		LANE_SEED_B,
		lanes
	);
	const body =
		(fmix32(lanes[0]) >>> 0).toString(16).padStart(8, '0') +
		(fmix32(lanes[1]) >>> 0).toString(16).padStart(8, '0');
	return keccak256(`${chainId}:${tx.from}:${tx.nonce}:${body}`);
}

/**
 * The pending transaction of `fields`, with a lazy `hash`: txHash(chainId, tx) is computed the
 * first time it is read (the same value
 * as computing it at once, since a prepared transaction's fields do not change afterwards) and
 * kept. Most transactions' hashes are only read when a block hash or a receipt lookup needs them,
 * so the keccak leaves the hot path. Assigning `tx.hash` sets it outright.
 */
export function withLazyHash(chainId: number, fields: Omit<PendingTx, 'hash'>): PendingTx {
	let hash: string | undefined;
	// an object literal with an accessor keeps a fast shape (defineProperty would not)
	const tx: PendingTx = {
		get hash(): string {
			return (hash ??= txHash(chainId, tx));
		},
		set hash(value: string) {
			hash = value;
		},
		kind: fields.kind,
		from: fields.from,
		to: fields.to,
		method: fields.method,
		args: fields.args,
		argsText: fields.argsText,
		value: fields.value,
		gasLimit: fields.gasLimit,
		gasPrice: fields.gasPrice,
		nonce: fields.nonce,
		seq: fields.seq,
		malformed: fields.malformed
	};
	if (fields.deploy !== undefined) tx.deploy = fields.deploy;
	if (fields.token !== undefined) tx.token = fields.token;
	return tx;
}

/** Gas a transaction pays before it runs: txBase, data, and create costs for deploys. */
export function intrinsicGasOf(tx: PendingTx): number {
	const data = (tx.method?.length ?? 0) + tx.argsText.length;
	if (tx.kind === 'deploy')
		return intrinsicGas(data) + GAS.create + GAS.createByte * (tx.deploy?.source.length ?? 0);
	if (tx.kind === 'token') return intrinsicGas(data) + GAS.create;
	return intrinsicGas(data);
}

/** Why `tx` cannot be included now, or undefined. */
export function invalidReason(tx: PendingTx, state: ChainState): string | undefined {
	if (tx.malformed !== undefined) return tx.malformed;
	if (typeof tx.value !== 'bigint' || tx.value < 0n)
		return `value must be a non-negative bigint (wei), got ${String(tx.value)}`;
	if (typeof tx.gasPrice !== 'bigint' || tx.gasPrice < GAS_PRICE)
		return `gasPrice must be a bigint of at least ${GAS_PRICE} wei (1 gwei), got ${String(tx.gasPrice)}`;
	if (!Number.isSafeInteger(tx.gasLimit) || tx.gasLimit <= 0)
		return `gasLimit must be a positive integer, got ${String(tx.gasLimit)}`;
	if (tx.gasLimit > BLOCK_GAS_LIMIT)
		return `gasLimit ${tx.gasLimit} is above the block gas limit ${BLOCK_GAS_LIMIT}`;
	const intrinsic = intrinsicGasOf(tx);
	if (tx.gasLimit < intrinsic)
		return `intrinsic gas too low: the transaction needs at least ${intrinsic} gas before running, gasLimit is ${tx.gasLimit}`;
	const nonce = (state.get('n' + tx.from) as number | undefined) ?? 0;
	if (!Number.isInteger(tx.nonce)) return `nonce must be an integer, got ${String(tx.nonce)}`;
	if (tx.nonce < nonce)
		return `nonce too low: the account's next nonce is ${nonce}, the transaction has ${tx.nonce}`;
	if (tx.nonce > nonce)
		return `nonce too high: the account's next nonce is ${nonce}, the transaction has ${tx.nonce}`;
	const need = BigInt(tx.gasLimit) * tx.gasPrice + tx.value;
	const have = (state.get('b' + tx.from) as bigint | undefined) ?? 0n;
	if (have < need)
		return `insufficient funds for gas * price + value: the account has ${have} wei and needs ${need} wei`;
	return undefined;
}

/**
 * The receipt of `tx` with outcome `out`. `txHash` reads `tx.hash` when first read (see
 * withLazyHash); `logs` may be a function giving the decoded logs, called once when `logs` is
 * first read, so a receipt nobody inspects never decodes its events. Both are own enumerable
 * properties, so spreading, JSON and structured clone see them as plain fields.
 */
export function makeReceipt(
	chainId: number,
	tx: PendingTx,
	out: Outcome,
	gasUsed: number,
	logs: Receipt['logs'] | (() => Receipt['logs']),
	blockNumber: number,
	included: boolean,
	calls: CallFrame[] = []
): Receipt {
	let source: PendingTx | null = tx;
	let hash: string | undefined;
	let decoded = typeof logs === 'function' ? undefined : logs;
	let decode = typeof logs === 'function' ? logs : null;
	const receipt: Receipt = {
		status: out.ok ? 'success' : 'reverted',
		gasUsed,
		get logs(): Receipt['logs'] {
			if (decoded === undefined && decode !== null) {
				decoded = decode();
				decode = null;
			}
			return decoded as Receipt['logs'];
		},
		set logs(value: Receipt['logs']) {
			decoded = value;
			decode = null;
		},
		returnValue: out.ok && tx.kind === 'call' ? decodeValue(out.value) : undefined,
		get txHash(): string {
			if (hash === undefined && source !== null) {
				hash = source.hash;
				source = null;
			}
			return hash as string;
		},
		set txHash(value: string) {
			hash = value;
			source = null;
		},
		blockNumber,
		from: tx.from,
		to: tx.to,
		method: tx.kind === 'call' ? (tx.method ?? 'receive') : 'constructor',
		args: tx.args,
		chainId,
		value: tx.value,
		nonce: tx.nonce,
		gasLimit: tx.gasLimit,
		gasPrice: tx.gasPrice,
		fee: BigInt(gasUsed) * tx.gasPrice,
		included,
		calls
	};
	if (!out.ok) receipt.error = out.failure;
	return receipt;
}

/** The receipt of a transaction that cannot be included: no block, no fee, no nonce change. */
export function invalidReceipt(
	chainId: number,
	tx: PendingTx,
	message: string,
	head: number
): Receipt {
	return makeReceipt(
		chainId,
		tx,
		{ ok: false, failure: { kind: 'invalid-tx', message } },
		0,
		[],
		head,
		false
	);
}

/**
 * Picks the next block's transactions from `mempool`: highest gasPrice first (ties in arrival
 * order), each sender's nonces in order, until BLOCK_GAS_LIMIT is used up (counted by gasLimit).
 * Stale or unfundable transactions are picked too and fail as invalid; future nonces wait in `rest`.
 */
export function selectForBlock(
	mempool: PendingTx[],
	state: ChainState
): { chosen: PendingTx[]; rest: PendingTx[] } {
	const queue = mempool
		.slice()
		.sort((a, b) => (a.gasPrice === b.gasPrice ? a.seq - b.seq : a.gasPrice > b.gasPrice ? -1 : 1));
	const chosen: PendingTx[] = [];
	const nonces = new Map<string, number>();
	let room = BLOCK_GAS_LIMIT;
	for (let progress = true; progress;) {
		progress = false;
		for (let i = 0; i < queue.length; i++) {
			const tx = queue[i];
			const next = nonces.get(tx.from) ?? (state.get('n' + tx.from) as number | undefined) ?? 0;
			if (tx.nonce > next || (tx.gasLimit > room && tx.gasLimit <= BLOCK_GAS_LIMIT)) continue;
			queue.splice(i, 1);
			chosen.push(tx);
			if (tx.nonce === next) nonces.set(tx.from, next + 1);
			room -= Math.min(tx.gasLimit, room);
			progress = true;
			break;
		}
	}
	return { chosen, rest: mempool.filter((tx) => queue.includes(tx)) };
}
