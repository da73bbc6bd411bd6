// traceBridge: the bridge views' data from named events and relayer deliveries, step by step.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { stateAt } from '#lib/model/bridge.ts';
import { traceBridge } from '#lib/scenario/bridge-trace.ts';
import { defineScenario } from '#lib/scenario/define.ts';
import { relayer } from '#lib/scenario/relayer.ts';
import { runScenario } from '#lib/scenario/runner.ts';

const dir = 'src/lib/playground/contracts/two-chains';
const sources = {
	'contracts/BridgeLock.ts': readFileSync(`${dir}/BridgeLock.ts`, 'utf8'),
	'contracts/BridgeMint.ts': readFileSync(`${dir}/BridgeMint.ts`, 'utf8')
};
const E = 10n ** 18n;

const scenario = (drop: number[]) =>
	defineScenario({
		chains: [
			{ id: 1, blockTime: 12 },
			{ id: 2, blockTime: 2 }
		],
		*run(s) {
			const token = s.deployToken({
				chainId: 1,
				name: 'T',
				symbol: 'TOK',
				from: 'alice',
				supply: 100n * E
			});
			const r = s.address('relayer', 1);
			const lock = s.deploy('contracts/BridgeLock.ts', {
				chainId: 1,
				from: 'alice',
				args: [token, r]
			});
			const mint = s.deploy('contracts/BridgeMint.ts', { chainId: 2, from: 'relayer', args: [r] });
			s.send({ chainId: 1, from: 'alice', to: token, method: 'approve', args: [lock, 100n * E] });
			const out = relayer(s, {
				from: { chainId: 1, address: lock, event: 'Locked' },
				to: { chainId: 2, address: mint, method: 'mint' },
				args: ['to', 'amount', 'nonce'],
				delay: 1,
				faults: { drop, replay: [1] }
			});
			traceBridge(s, {
				chains: [
					{ chainId: 1, name: 'A' },
					{ chainId: 2, name: 'B' }
				],
				routes: [
					{
						name: 'A → B',
						from: 1,
						to: 2,
						relayer: out,
						amount: { symbol: 'TOK' },
						events: [
							{ chainId: 1, event: 'Locked', state: 'sent', address: lock },
							{ chainId: 2, event: 'Minted', state: 'executed' }
						]
					}
				],
				supply: [
					{
						name: 'Locked on A',
						chainId: 1,
						symbol: 'TOK',
						read: (s) => s.view(lock, 'totalLocked', [], 1) as bigint
					},
					{
						name: 'Wrapped on B',
						chainId: 2,
						symbol: 'wTOK',
						read: (s) => s.view(mint, 'totalSupply', [], 2) as bigint
					}
				]
			});
			yield 'set up';
			s.send({
				chainId: 1,
				from: 'alice',
				to: lock,
				method: 'lock',
				args: [s.address('bob', 1), 3n * E]
			});
			yield 'lock 3';
			s.mine(1, 1);
			yield 'a confirmation';
			s.send({
				chainId: 1,
				from: 'alice',
				to: lock,
				method: 'lock',
				args: [s.address('bob', 1), 2n * E]
			});
			s.mine(1, 1);
			yield 'lock 2, confirmed, relayed twice';
		},
		checks: []
	});

test('a lock is sent, then relayed and executed one confirmation later; supply is sampled per step', () => {
	const run = runScenario(scenario([]), { sources, seed: 1 });
	expect(run.error).toBeUndefined();
	const bridge = run.overview.bridge!;
	const [first, second] = bridge.messages;
	expect(first.key).toBe('A → B#0');
	expect(first.amount).toBe('3 TOK');
	expect([0, 1, 2, 3].map((step) => stateAt(first, step))).toEqual([
		null,
		'sent',
		'executed',
		'executed'
	]);
	expect(first.marks.map((m) => [m.step, m.state, m.status])).toEqual([
		[1, 'sent', 'success'],
		[2, 'relayed', 'success'],
		[2, 'executed', 'success']
	]);
	// the replayed delivery is a refused relay: it reverts on the nonce check
	expect(second.marks.map((m) => [m.state, m.status, m.replay ?? false])).toEqual([
		['sent', 'success', false],
		['relayed', 'success', false],
		['executed', 'success', false],
		['relayed', 'reverted', true]
	]);
	expect(bridge.supply!.samples.map((x) => x.values)).toEqual([
		['0', '0'],
		['3', '0'],
		['3', '3'],
		['5', '5']
	]);
	run.dispose();
});

test('a dropped message stays sent', () => {
	const run = runScenario(scenario([0]), { sources, seed: 1 });
	const [first] = run.overview.bridge!.messages;
	expect(stateAt(first, 3)).toBe('sent');
	expect(run.overview.bridge!.supply!.samples.at(-1)!.values).toEqual(['5', '2']);
	run.dispose();
});
