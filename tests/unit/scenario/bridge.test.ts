// A two-chain world driven by the scenario relayer: lock on chain 1, a relayed mint on chain 2,
// a burn back and its release on chain 1; then the relayer's faults (delay, drop, reorder,
// replay), TxFilter.chainId, per-chain heads and s.logs.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runChecks } from '#lib/scenario/checks.ts';
import type { ScenarioContext } from '#lib/scenario/context.ts';
import { defineScenario } from '#lib/scenario/define.ts';
import { relayer, type RelayerFaults, type Relayer } from '#lib/scenario/relayer.ts';
import { runScenario } from '#lib/scenario/runner.ts';
import type { Check } from '#lib/scenario/types.ts';

const dir = 'src/lib/playground/contracts/two-chains';
const LOCK = readFileSync(`${dir}/BridgeLock.ts`, 'utf8');
const MINT = readFileSync(`${dir}/BridgeMint.ts`, 'utf8');
const sources = { 'contracts/BridgeLock.ts': LOCK, 'contracts/BridgeMint.ts': MINT };
const E = 10n ** 18n;
const CHAINS = [
	{ id: 1, blockTime: 12 },
	{ id: 2, blockTime: 2 }
];

type Bridge = { token: string; lock: string; mint: string; out: Relayer; back: Relayer };

/** Token, both bridge halves and the two relayers (out: Locked -> mint, back: Burned -> release). */
function setUp(s: ScenarioContext, faults: RelayerFaults = {}, delay = 0): Bridge {
	const token = s.deployToken({
		chainId: 1,
		name: 'Token',
		symbol: 'TOK',
		from: 'alice',
		supply: 1000n * E
	});
	const relayerAddress = s.address('relayer', 1);
	const lock = s.deploy('contracts/BridgeLock.ts', {
		chainId: 1,
		from: 'alice',
		args: [token, relayerAddress]
	});
	const mint = s.deploy('contracts/BridgeMint.ts', {
		chainId: 2,
		from: 'relayer',
		args: [relayerAddress]
	});
	s.send({ chainId: 1, from: 'alice', to: token, method: 'approve', args: [lock, 1000n * E] });
	const args = ['to', 'amount', 'nonce'];
	const out = relayer(s, {
		from: { chainId: 1, address: lock, event: 'Locked' },
		to: { chainId: 2, address: mint, method: 'mint' },
		args,
		delay,
		faults
	});
	const back = relayer(s, {
		from: { chainId: 2, address: mint, event: 'Burned' },
		to: { chainId: 1, address: lock, method: 'release' },
		args
	});
	return { token, lock, mint, out, back };
}

const lockFor = (s: ScenarioContext, b: Bridge, to: string, amount: bigint) =>
	s.send({
		chainId: 1,
		from: 'alice',
		to: b.lock,
		method: 'lock',
		args: [s.address(to, 1), amount]
	});

const tok = (s: ScenarioContext, b: Bridge, who: string) =>
	s.view(b.token, 'balanceOf', [s.address(who, 1)], 1) as bigint;
const wrapped = (s: ScenarioContext, b: Bridge, who: string) =>
	s.view(b.mint, 'balanceOf', [s.address(who, 2)], 2) as bigint;
const supply = (s: ScenarioContext, b: Bridge) => s.view(b.mint, 'totalSupply', [], 2) as bigint;
const locked = (s: ScenarioContext, b: Bridge) => tok(s, b, b.lock);

describe('a two-chain bridge with the scenario relayer', () => {
	const seen: { step: string; locked: bigint; supply: bigint }[] = [];
	const roundTrip = defineScenario({
		chains: CHAINS,
		*run(s) {
			const b = setUp(s);
			yield 'set up';
			lockFor(s, b, 'bob', 10n * E);
			yield 'alice locks 10 TOK for bob';
			seen.push({ step: 'after lock', locked: locked(s, b), supply: supply(s, b) });
			s.send({
				chainId: 2,
				from: 'bob',
				to: b.mint,
				method: 'burn',
				args: [s.address('carol', 1), 4n * E]
			});
			yield 'bob burns 4 for carol on chain 1';
			seen.push({ step: 'after burn', locked: locked(s, b), supply: supply(s, b) });
			return b;
		},
		checks: [
			{
				id: 'chain-filter',
				title: 'receipts({ chainId }) keeps one chain',
				run(c) {
					const two = c.receipts({ chainId: 2 }).map((tx) => tx.view.method);
					const one = c.receipts({ chainId: 1, status: 'success' }).map((tx) => tx.view.method);
					c.assert(
						JSON.stringify(two) === JSON.stringify(['constructor', 'mint', 'burn']),
						`chain 2 had ${two.join(', ')}`
					);
					c.assert(
						JSON.stringify(one) ===
							JSON.stringify(['constructor', 'constructor', 'approve', 'lock', 'release']),
						`chain 1 had ${one.join(', ')}`
					);
					return c.pass('filtered');
				}
			} satisfies Check<Bridge>
		]
	});

	test('lock on chain 1, relayed mint on chain 2, burn back released on chain 1', async () => {
		seen.length = 0;
		const run = runScenario(roundTrip, { sources, seed: 7 });
		expect(run.error).toBeUndefined();
		const s = run.context;
		const b = run.result!;
		// balances on both chains
		expect(tok(s, b, 'alice')).toBe(990n * E);
		expect(tok(s, b, 'carol')).toBe(4n * E);
		expect(locked(s, b)).toBe(6n * E);
		expect(wrapped(s, b, 'bob')).toBe(6n * E);
		// supply conservation: what is locked on chain 1 equals what circulates on chain 2
		expect(seen).toEqual([
			{ step: 'after lock', locked: 10n * E, supply: 10n * E },
			{ step: 'after burn', locked: 6n * E, supply: 6n * E }
		]);
		// the relayer's deliveries sit in the step of the event they carry, on the other chain
		const lockStep = run.frame(1);
		expect(lockStep.receipts.map((r) => [r.chainId, r.method, r.status])).toEqual([
			[1, 'lock', 'success'],
			[2, 'mint', 'success']
		]);
		expect(lockStep.notes).toContain(
			'The relayer saw Locked #0 on chain 1 (block 4) and calls mint on chain 2.'
		);
		expect(run.frame(2).receipts.map((r) => [r.chainId, r.method, r.status])).toEqual([
			[2, 'burn', 'success'],
			[1, 'release', 'success']
		]);
		// events on both chains, read the way a bot reads them
		expect(s.logs({ chainId: 2, event: 'Minted' }).map((l) => l.args)).toEqual([
			{ to: s.address('bob', 2), amount: 10n * E, nonce: 0n }
		]);
		expect(s.logs({ chainId: 2, event: 'Burned' }).map((l) => l.args)).toEqual([
			{ from: s.address('bob', 2), to: s.address('carol', 1), amount: 4n * E, nonce: 0n }
		]);
		expect(s.logs({ chainId: 1, event: 'Released' }).map((l) => l.args)).toEqual([
			{ to: s.address('carol', 1), amount: 4n * E, nonce: 0n }
		]);
		expect(b.out.messages.map((m) => m.fate)).toEqual(['delivered']);
		expect(b.back.messages.map((m) => m.fate)).toEqual(['delivered']);
		// checks see TxFilter.chainId
		const [filtered] = await runChecks(roundTrip, run);
		expect(filtered).toMatchObject({ passed: true });
		run.dispose();
	});

	test('every step and frame carries both chains heads', () => {
		const run = runScenario(roundTrip, { sources, seed: 7 });
		const frames = run.steps.map((_, i) => run.frame(i));
		for (const frame of frames) {
			expect(frame.heads.map((h) => h.chainId)).toEqual([1, 2]);
			// the single-chain fields still describe the default chain
			expect(frame.blockNumber).toBe(frame.heads[0].number);
			expect(frame.time).toBe(frame.heads[0].timestamp);
		}
		// the burn mined a block on chain 2 only; the release one on chain 1
		const [, lock, burn] = frames;
		expect(burn.heads[1].number - lock.heads[1].number).toBe(1);
		expect(burn.heads[1].timestamp - lock.heads[1].timestamp).toBe(2);
		expect(burn.heads[0].number - lock.heads[0].number).toBe(1);
		expect(burn.heads[0].timestamp - lock.heads[0].timestamp).toBe(12);
		expect(run.steps[2].heads).toEqual(burn.heads);
		run.dispose();
	});
});

/** Run a scenario body on a fresh two-chain world with the bridge contracts. */
function runBridge<R>(
	body: (s: ScenarioContext) => Generator<string, R, void>,
	seed = 1,
	code = sources
) {
	const run = runScenario(defineScenario({ chains: CHAINS, run: body, checks: [] }), {
		sources: code,
		seed
	});
	expect(run.error).toBeUndefined();
	return run;
}

describe('relayer faults', () => {
	test('delay: a message waits for its confirmations on the source chain', () => {
		const run = runBridge(function* (s) {
			const b = setUp(s, {}, 2);
			lockFor(s, b, 'bob', 5n * E);
			yield 'lock';
			const early = { pending: b.out.pending().length, wrapped: wrapped(s, b, 'bob') };
			s.mine(1, 1);
			yield 'one confirmation';
			const one = { pending: b.out.pending().length, wrapped: wrapped(s, b, 'bob') };
			s.mine(1, 1);
			yield 'two confirmations';
			return {
				early,
				one,
				late: { pending: b.out.pending().length, wrapped: wrapped(s, b, 'bob') }
			};
		});
		expect(run.result).toEqual({
			early: { pending: 1, wrapped: 0n },
			one: { pending: 1, wrapped: 0n },
			late: { pending: 0, wrapped: 5n * E }
		});
		run.dispose();
	});

	test('drop: a lost message is never minted, and locked no longer equals supply', () => {
		const run = runBridge(function* (s) {
			const b = setUp(s, { drop: [0] });
			lockFor(s, b, 'bob', 3n * E);
			yield 'first lock (lost)';
			lockFor(s, b, 'bob', 2n * E);
			yield 'second lock';
			return {
				fates: b.out.messages.map((m) => m.fate),
				wrapped: wrapped(s, b, 'bob'),
				locked: locked(s, b),
				supply: supply(s, b),
				minted: s.logs({ chainId: 2, event: 'Minted' }).map((l) => l.args.nonce)
			};
		});
		expect(run.result).toEqual({
			fates: ['dropped', 'delivered'],
			wrapped: 2n * E,
			locked: 5n * E,
			supply: 2n * E,
			minted: [1n]
		});
		expect((run.frame(0).notes ?? []).join('\n')).toContain('drops it: it is never delivered');
		run.dispose();
	});

	test('reorder: messages due together arrive out of order', () => {
		const order = (reorder: boolean) => {
			const run = runBridge(function* (s) {
				const b = setUp(s, { reorder }, 2);
				lockFor(s, b, 'bob', 1n * E);
				lockFor(s, b, 'carol', 2n * E);
				lockFor(s, b, 'dave', 3n * E);
				yield 'three locks, in three blocks';
				s.mine(2, 1);
				yield 'confirmations for all three';
				return s.logs({ chainId: 2, event: 'Minted' }).map((l) => Number(l.args.nonce));
			});
			run.dispose();
			return run.result!;
		};
		expect(order(false)).toEqual([0, 1, 2]);
		const shuffled = order(true);
		expect(shuffled).not.toEqual([0, 1, 2]);
		expect([...shuffled].sort()).toEqual([0, 1, 2]);
	});

	test('replay: the second delivery is visible and the nonce check rejects it', () => {
		const run = runBridge(function* (s) {
			const b = setUp(s, { replay: [0] });
			lockFor(s, b, 'bob', 10n * E);
			yield 'lock, relayed twice';
			return { b, deliveries: b.out.messages[0].deliveries, supply: supply(s, b) };
		});
		const { deliveries, supply: minted } = run.result!;
		expect(deliveries.map((d) => [d.replay, d.status])).toEqual([
			[false, 'success'],
			[true, 'reverted']
		]);
		const step = run.frame(0);
		const replay = step.receipts.filter((r) => r.method === 'mint');
		expect(replay.map((r) => r.status)).toEqual(['success', 'reverted']);
		expect(replay[1].error?.message).toContain('this lock was already minted');
		expect(step.notes).toContain('The relayer replays Locked #0: it calls mint again.');
		expect(minted).toBe(10n * E);
		run.dispose();
	});

	test('replay against a bridge without replay protection mints twice', () => {
		const naive = MINT.replace(
			"require(!this.processed.has(nonce.toString()), 'this lock was already minted');",
			''
		);
		expect(naive).not.toBe(MINT);
		const run = runBridge(
			function* (s) {
				const b = setUp(s, { replay: [0] });
				lockFor(s, b, 'bob', 10n * E);
				yield 'lock, relayed twice';
				return { locked: locked(s, b), supply: supply(s, b) };
			},
			1,
			{ ...sources, 'contracts/BridgeMint.ts': naive }
		);
		expect(run.result).toEqual({ locked: 10n * E, supply: 20n * E });
		run.dispose();
	});

	test('fault rates are seeded: same seed, same fates; rate 0 and 1 are exact', () => {
		const fates = (rate: number, seed: number) => {
			const run = runBridge(function* (s) {
				const b = setUp(s, { drop: { rate } });
				for (let i = 0; i < 12; i++) lockFor(s, b, 'bob', 1n * E);
				yield 'twelve locks';
				return b.out.messages.map((m) => m.fate);
			}, seed);
			run.dispose();
			return run.result!;
		};
		const a = fates(0.5, 3);
		expect(fates(0.5, 3)).toEqual(a);
		expect(a).toHaveLength(12);
		expect(a).toContain('dropped');
		expect(a).toContain('delivered');
		expect(fates(0, 3).every((f) => f === 'delivered')).toBe(true);
		expect(fates(1, 3).every((f) => f === 'dropped')).toBe(true);
	});

	test('bad options get a clear error', () => {
		const run = runScenario(
			defineScenario({
				chains: CHAINS,
				*run(s) {
					relayer(s, {
						from: { chainId: 1, address: '0x1', event: 'Locked' },
						to: { chainId: 2, address: '0x2', method: 'mint' },
						delay: -1
					});
					yield 'never';
				},
				checks: []
			}),
			{ sources, seed: 1 }
		);
		expect(run.error?.message).toContain('delay must be a whole number of blocks');
		run.dispose();
	});
});

describe('s.logs', () => {
	test('filters by chain, event and contract name; since is an inclusive block number', () => {
		const run = runBridge(function* (s) {
			const b = setUp(s);
			lockFor(s, b, 'bob', 1n * E);
			const first = s.blockNumber(1);
			lockFor(s, b, 'bob', 2n * E);
			yield 'two locks';
			const amounts = (since?: number) =>
				s
					.logs({ chainId: 1, event: 'Locked', address: 'BridgeLock', since })
					.map((l) => l.args.amount);
			return {
				all: amounts(),
				fromFirst: amounts(first),
				afterFirst: amounts(first + 1),
				afterHead: amounts(s.blockNumber(1) + 1),
				otherChain: s.logs({ chainId: 2, event: 'Locked' }).length,
				byAddress: s.logs({ chainId: 1, address: b.lock }).map((l) => l.event),
				record: s.logs({ chainId: 1, event: 'Locked', since: first })[0],
				firstBlock: first
			};
		});
		const r = run.result!;
		expect(r.all).toEqual([1n * E, 2n * E]);
		expect(r.fromFirst).toEqual([1n * E, 2n * E]);
		expect(r.afterFirst).toEqual([2n * E]);
		expect(r.afterHead).toEqual([]);
		expect(r.otherChain).toBe(0);
		expect(r.byAddress).toEqual(['Locked', 'Locked']);
		expect(r.record).toMatchObject({
			chainId: 1,
			blockNumber: r.firstBlock,
			contract: 'BridgeLock',
			event: 'Locked'
		});
		expect(r.record.txHash).toMatch(/^0x[0-9a-f]{64}$/);
		run.dispose();
	});

	test('a bad since is a RangeError', () => {
		const run = runBridge(function* (s) {
			yield 'start';
			let message = '';
			try {
				s.logs({ since: -1 });
			} catch (error) {
				message = (error as Error).message;
			}
			return message;
		});
		expect(run.result).toBe('logs: since must be a block number (0 or more), got -1');
		run.dispose();
	});
});
