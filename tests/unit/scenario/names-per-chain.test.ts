// Two chains can hold different contracts at one address: a deployer's nonce repeats on each, as
// on Ethereum. Receipts, errors and log queries name the contract of their own chain.
import { describe, expect, test } from 'vitest';
import { ScenarioContext } from '#lib/scenario/context.ts';

const PING = `import { Contract, emit } from 'chainlab';
export default class Ping extends Contract {
	ping(): number { emit('Pinged', { n: 1n }); return 1; }
}`;
const PONG = `import { Contract, emit, revert } from 'chainlab';
export default class Pong extends Contract {
	pong(): number { emit('Ponged', { n: 2n }); return 2; }
	broken(): number { revert('pong is broken'); return 0; }
}`;
const sources = { 'contracts/Ping.ts': PING, 'contracts/Pong.ts': PONG };
const CHAINS = [
	{ id: 1, blockTime: 12 },
	{ id: 2, blockTime: 2 }
];

/**
 * Ping on chain 1 and Pong on chain 2, both deployed by the same account with nonce 0 (Pong first
 * when `pongFirst`, so the name given last is Ping's).
 */
function twoChains(pongFirst = false) {
	const s = ScenarioContext.fresh(sources, 1, CHAINS);
	const deployPong = () => s.deploy('contracts/Pong.ts', { chainId: 2, from: 'deployer' });
	const pongEarly = pongFirst ? deployPong() : undefined;
	const ping = s.deploy('contracts/Ping.ts', { chainId: 1, from: 'deployer' });
	const pong = pongEarly ?? deployPong();
	return { s, ping, pong };
}

describe('names per chain', () => {
	test('the same deployer and nonce give the same address on both chains', () => {
		const { ping, pong } = twoChains();
		expect(ping.toLowerCase()).toBe(pong.toLowerCase());
	});

	test("each chain's receipts name that chain's contract", () => {
		const { s, ping, pong } = twoChains();
		s.send({ chainId: 1, from: 'alice', to: ping, method: 'ping' });
		s.send({ chainId: 2, from: 'alice', to: pong, method: 'pong' });
		const views = s.takePending().txs.map((t) => t.view);
		const calls = views.filter((v) => v.method === 'ping' || v.method === 'pong');
		expect(calls.map((v) => [v.chainId, v.to, v.method])).toEqual([
			[1, 'Ping', 'ping'],
			[2, 'Pong', 'pong']
		]);
		const deploys = views.filter((v) => v.method === 'constructor');
		expect(deploys.map((v) => [v.chainId, v.to])).toEqual([
			[1, 'Ping'],
			[2, 'Pong']
		]);
		expect(s.nameOf(ping, 1)).toBe('Ping');
		expect(s.nameOf(pong, 2)).toBe('Pong');
		expect(s.fileOf(ping, 1)).toBe('contracts/Ping.ts');
		expect(s.fileOf(pong, 2)).toBe('contracts/Pong.ts');
		// without a chain: the name given last
		expect(s.nameOf(ping)).toBe('Pong');
	});

	test("a failed call on chain 2 points at chain 2's file, and logs carry chain 2's name", () => {
		const { s, pong } = twoChains(true);
		const receipt = s.send({ chainId: 2, from: 'alice', to: pong, method: 'broken' });
		expect(receipt.status).toBe('reverted');
		const view = s.takePending().txs.at(-1)!.view;
		expect(view.to).toBe('Pong');
		expect(view.error?.file).toBe('contracts/Pong.ts');
		s.send({ chainId: 2, from: 'alice', to: pong, method: 'pong' });
		const logs = s.logs({ chainId: 2, event: 'Ponged' });
		expect(logs).toHaveLength(1);
		expect(logs[0].contract).toBe('Pong');
	});
});
