// The call trace of a transaction (Receipt.calls): nested and re-entrant frames, native transfers
// that run receive(), reverted frames with their reason, balances at entry and exit, gas per frame.
import { describe, expect, test } from 'vitest';
import { createWorld, ETHER } from '#lib/sim/index.ts';

const VAULT = `
import { Contract, StorageMap, msg, require, transfer } from 'chainlab';
export default class Vault extends Contract {
	deposits = new StorageMap<string, bigint>('deposits');
	deposit() { this.deposits.set(msg.sender, (this.deposits.get(msg.sender) ?? 0n) + msg.value); }
	withdraw() {
		const amount = this.deposits.get(msg.sender) ?? 0n;
		require(amount > 0n, 'nothing to withdraw');
		transfer(msg.sender, amount); // interaction before the effect: re-entrant
		this.deposits.set(msg.sender, 0n);
	}
}`;

const ATTACKER = `
import { Contract, StorageValue, Contract as C, require } from 'chainlab';
export default class Attacker extends Contract {
	vault: any;
	rounds = new StorageValue<number>('rounds', 0);
	constructor(vault: string) { super(); this.vault = C.at(vault); }
	attack() { Contract.at(this.vault.address, { value: 10n ** 18n }).deposit(); this.vault.withdraw(); }
	failing() { this.vault.withdraw(); require(false, 'attacker gives up'); }
	receive() {
		const n = this.rounds.get();
		this.rounds.set(n + 1);
		if (n < 2) this.vault.withdraw();
	}
}`;

function setup() {
	const world = createWorld({ seed: 1 });
	const chain = world.chain();
	const vault = chain.deploy(VAULT, { name: 'Vault', from: 'deployer' });
	for (const who of ['alice', 'bob'])
		chain.send({ from: who, to: vault, method: 'deposit', value: 2n * ETHER });
	const attacker = chain.deploy(ATTACKER, { name: 'Attacker', from: 'mallory', args: [vault] });
	chain.setBalance(attacker, ETHER);
	return { world, chain, vault, attacker };
}

describe('call trace', () => {
	test('a plain call has one frame: the transaction itself', () => {
		const { chain, vault } = setup();
		const r = chain.send({ from: 'alice', to: vault, method: 'deposit', value: ETHER });
		expect(r.calls).toHaveLength(1);
		const [f] = r.calls!;
		expect(f).toMatchObject({
			depth: 0,
			parent: -1,
			caller: chain.address('alice'),
			callee: vault,
			method: 'deposit',
			value: ETHER,
			balanceIn: 4n * ETHER,
			balanceOut: 5n * ETHER,
			status: 'ok'
		});
		// the frame's gas is the transaction's less its intrinsic gas (21,000 plus calldata)
		const again = chain.send({ from: 'alice', to: vault, method: 'deposit', value: ETHER });
		const intrinsic = r.gasUsed - f.gasUsed;
		expect(intrinsic).toBeGreaterThanOrEqual(21_000);
		expect(intrinsic).toBeLessThan(21_000 + 16 * 20);
		expect(again.gasUsed - again.calls![0].gasUsed).toBe(intrinsic);
	});

	test('re-entrant withdraw: frames nest through receive(), balances fall frame by frame', () => {
		const { chain, vault, attacker } = setup();
		const r = chain.send({ from: 'mallory', to: attacker, method: 'attack' });
		expect(r.status).toBe('success');
		const calls = r.calls!;
		const shape = calls.map(
			(c) => `${c.depth}:${c.method}@${c.callee === vault ? 'vault' : 'attacker'}`
		);
		expect(shape).toEqual([
			'0:attack@attacker',
			'1:deposit@vault',
			'1:withdraw@vault',
			'2:receive@attacker',
			'3:withdraw@vault',
			'4:receive@attacker',
			'5:withdraw@vault',
			'6:receive@attacker'
		]);
		// each frame's parent is the frame just above it in depth
		for (let i = 1; i < calls.length; i++)
			expect(calls[calls[i].parent].depth).toBe(calls[i].depth - 1);
		// the attacker's 1 ETH went into the deposit; each receive() gets 1 ETH more
		expect(calls[3]).toMatchObject({ caller: vault, value: ETHER, balanceIn: 0n });
		expect(calls[7]).toMatchObject({ balanceIn: 2n * ETHER, balanceOut: 3n * ETHER });
		// the vault paid 1 ETH three times out of 5 ETH
		expect(calls[2].balanceIn).toBe(5n * ETHER);
		expect(calls[2].balanceOut).toBe(2n * ETHER);
		expect(calls.every((c) => c.status === 'ok')).toBe(true);
		// gas of a frame includes its nested frames
		expect(calls[2].gasUsed).toBeGreaterThan(calls[3].gasUsed);
		expect(calls[0].gasUsed).toBeLessThan(r.gasUsed - 21_000 + 1);
	});

	test('a reverted frame is marked with its reason and its balance restored', () => {
		const { chain, attacker, vault } = setup();
		const r = chain.send({ from: 'mallory', to: attacker, method: 'failing' });
		expect(r.status).toBe('reverted');
		const calls = r.calls!;
		expect(calls[0]).toMatchObject({ status: 'reverted', method: 'failing' });
		expect(calls[0].error?.message).toContain('nothing to withdraw');
		expect(calls[1]).toMatchObject({ callee: vault, method: 'withdraw', status: 'reverted' });
		expect(calls[1].balanceOut).toBe(calls[1].balanceIn);
	});

	test('a deploy has a constructor frame; an invalid transaction has none', () => {
		const { chain, vault } = setup();
		const bad = chain.send({ from: 'alice', to: vault, method: 'deposit', value: 10n ** 30n });
		expect(bad.included).toBe(false);
		expect(bad.calls).toEqual([]);
		const world = createWorld({ seed: 2 });
		const c = world.chain();
		const addr = c.deploy(ATTACKER, { name: 'Attacker', from: 'mallory', args: [vault] });
		const deploy = c.head.receipts[0];
		expect(deploy.calls).toHaveLength(1);
		expect(deploy.calls![0]).toMatchObject({ method: 'constructor', callee: addr, status: 'ok' });
	});

	test('traceTokens records token balances of each callee at entry and exit', () => {
		const world = createWorld({ seed: 3 });
		const chain = world.chain();
		const tok = chain.deployToken({ name: 'Token', symbol: 'TOK', from: 'alice', supply: 100n });
		chain.traceTokens = [tok];
		const bob = chain.address('bob');
		const r = chain.send({ from: 'alice', to: tok, method: 'transfer', args: [bob, 30n] });
		expect(r.calls![0].tokens).toEqual([{ token: tok, balanceIn: 0n, balanceOut: 0n }]);
		const SINK = `
import { Contract, Token, msg } from 'chainlab';
export default class Sink extends Contract {
	pull(token: string, amount: bigint) { Token.at(token).transferFrom(msg.sender, this.address, amount); }
}`;
		const sink = chain.deploy(SINK, { name: 'Sink', from: 'bob' });
		chain.send({ from: 'bob', to: tok, method: 'approve', args: [sink, 10n] });
		const pull = chain.send({ from: 'bob', to: sink, method: 'pull', args: [tok, 10n] });
		expect(pull.status).toBe('success');
		expect(pull.calls![0].tokens).toEqual([{ token: tok, balanceIn: 0n, balanceOut: 10n }]);
	});

	test('traceCalls off: no trace, the same gas and state hash', () => {
		const traced = setup();
		const plain = setup();
		plain.chain.traceCalls = false;
		const a = traced.chain.send({ from: 'mallory', to: traced.attacker, method: 'attack' });
		const b = plain.chain.send({ from: 'mallory', to: plain.attacker, method: 'attack' });
		expect(a.calls).toHaveLength(8);
		expect(b.calls).toEqual([]);
		expect(b.gasUsed).toBe(a.gasUsed);
		expect(plain.chain.digest()).toBe(traced.chain.digest());
	});
});
