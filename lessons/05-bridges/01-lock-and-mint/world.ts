/**
 * The lock-and-mint world of this lesson: TOK (a built-in ERC-20, 18 decimals) on chain A (id 1,
 * 12 s blocks), the learner's BridgeLock there, their BridgeMint (wTOK) on chain B (id 2, 2 s
 * blocks), and three relayer routes: Locked -> mint, TimedOut -> refund, Burned -> release. Each
 * lock waits one block of chain A (one confirmation) before the relayer carries it.
 */
import { relayer, traceBridge, type Relayer, type ScenarioContext } from '#lib/scenario/index.ts';
import { formatUnits } from '#lib/scenario/format.ts';
import type { Receipt } from '#lib/scenario/engine.ts';

export const A = 1;
export const B = 2;
export const CHAINS = [
	{ id: A, blockTime: 12 },
	{ id: B, blockTime: 2 }
];
export const E = 10n ** 18n;

/** Addresses of one bridge and its relayers. */
export type Bridge = { token: string; lock: string; mint: string; out: Relayer };

/** TOK amount (wei) as text: `10 TOK`. */
export const tok = (amount: bigint, symbol = 'TOK') => `${formatUnits(amount, 18)} ${symbol}`;

/**
 * Deploy TOK (alice holds 1,000), the learner's BridgeLock and BridgeMint, and the relayers; with
 * `trace`, also follow the bridge for the sequence and supply views.
 * @throws ScenarioError when a lesson contract does not compile or deploy
 */
export function openBridge(s: ScenarioContext, trace = false): Bridge {
	const token = s.deployToken({
		chainId: A,
		name: 'Token',
		symbol: 'TOK',
		from: 'alice',
		supply: 1000n * E
	});
	const relayerAddress = s.address('relayer', A);
	const lock = s.deploy('contracts/BridgeLock.ts', {
		chainId: A,
		from: 'deployer',
		args: [token, relayerAddress]
	});
	const mint = s.deploy('contracts/BridgeMint.ts', {
		chainId: B,
		from: 'deployer',
		args: [relayerAddress]
	});
	s.send({ chainId: A, from: 'alice', to: token, method: 'approve', args: [lock, 1000n * E] });
	const out = relayer(s, {
		from: { chainId: A, address: lock, event: 'Locked' },
		to: { chainId: B, address: mint, method: 'mint' },
		args: ['to', 'amount', 'nonce', 'timeout'],
		delay: 1
	});
	relayer(s, {
		account: 'relayer',
		from: { chainId: B, address: mint, event: 'TimedOut' },
		to: { chainId: A, address: lock, method: 'refund' },
		args: ['nonce']
	});
	relayer(s, {
		from: { chainId: B, address: mint, event: 'Burned' },
		to: { chainId: A, address: lock, method: 'release' },
		args: ['to', 'amount', 'nonce']
	});
	const bridge = { token, lock, mint, out };
	if (trace) follow(s, bridge);
	return bridge;
}

/** The sequence and supply views' trace (registered after the relayers). */
function follow(s: ScenarioContext, b: Bridge): void {
	traceBridge(s, {
		chains: [
			{ chainId: A, name: 'Chain A' },
			{ chainId: B, name: 'Chain B' }
		],
		routes: [
			{
				name: 'lock → mint',
				from: A,
				to: B,
				relayer: b.out,
				amount: { symbol: 'TOK' },
				events: [
					{ chainId: A, event: 'Locked', state: 'sent', address: b.lock },
					{ chainId: B, event: 'Minted', state: 'executed', address: b.mint },
					{ chainId: B, event: 'TimedOut', state: 'timed-out', address: b.mint },
					{ chainId: A, event: 'Refunded', state: 'timed-out', address: b.lock }
				]
			},
			{
				name: 'burn → release',
				from: B,
				to: A,
				amount: { symbol: 'wTOK' },
				events: [
					{ chainId: B, event: 'Burned', state: 'sent', address: b.mint },
					{ chainId: A, event: 'Released', state: 'executed', address: b.lock }
				]
			}
		],
		supply: [
			{ name: 'Locked on A', chainId: A, symbol: 'TOK', read: (s) => locked(s, b) },
			{ name: 'Wrapped on B', chainId: B, symbol: 'wTOK', read: (s) => wrapped(s, b) },
			{ name: 'In flight', chainId: A, symbol: 'TOK', read: (s) => inFlight(s, b) }
		]
	});
}

/** TOK held by the BridgeLock contract (what it really holds, not its own counter). */
export const locked = (s: ScenarioContext, b: Bridge) =>
	s.view(b.token, 'balanceOf', [b.lock], A) as bigint;

/** wTOK in circulation on chain B. */
export const wrapped = (s: ScenarioContext, b: Bridge) =>
	s.view(b.mint, 'totalSupply', [], B) as bigint;

/** TOK balance on chain A. */
export const tokOf = (s: ScenarioContext, b: Bridge, who: string) =>
	s.view(b.token, 'balanceOf', [s.address(who, A)], A) as bigint;

/** wTOK balance on chain B. */
export const wtokOf = (s: ScenarioContext, b: Bridge, who: string) =>
	s.view(b.mint, 'balanceOf', [s.address(who, B)], B) as bigint;

const key = (value: unknown) => String(value);

/**
 * Value in flight, from the bridge's events up to the chains' current heads (or `heads`): locks
 * with neither a Minted on B nor a Refunded on A, plus burns not yet Released on A. What the
 * supply invariant subtracts: wrapped on B = locked on A - in flight.
 */
export function inFlight(s: ScenarioContext, b: Bridge, heads?: { a: number; b: number }): bigint {
	const upTo = (chainId: number, event: string, address: string) =>
		s
			.logs({ chainId, event, address })
			.filter((l) => !heads || l.blockNumber <= (chainId === A ? heads.a : heads.b));
	const minted = new Set(upTo(B, 'Minted', b.mint).map((l) => key(l.args.nonce)));
	const refunded = new Set(upTo(A, 'Refunded', b.lock).map((l) => key(l.args.nonce)));
	const released = new Set(upTo(A, 'Released', b.lock).map((l) => key(l.args.nonce)));
	let total = 0n;
	for (const l of upTo(A, 'Locked', b.lock)) {
		const n = key(l.args.nonce);
		if (!minted.has(n) && !refunded.has(n)) total += l.args.amount as bigint;
	}
	for (const l of upTo(B, 'Burned', b.mint)) {
		if (!released.has(key(l.args.nonce))) total += l.args.amount as bigint;
	}
	return total;
}

/** Lock `amount` TOK for `to` on chain B, timing out at chain B's `timeout` (unix seconds). */
export const lockFor = (
	s: ScenarioContext,
	b: Bridge,
	from: string,
	to: string,
	amount: bigint,
	timeout: number
): Receipt =>
	s.send({
		chainId: A,
		from,
		to: b.lock,
		method: 'lock',
		args: [s.address(to, B), amount, BigInt(timeout)]
	});

/** Why a receipt failed, in a few words. */
export const whyFailed = (r: Receipt) =>
	r.status === 'success' ? 'it succeeded' : (r.error?.message ?? 'reverted');
