import { describe, expect, test } from 'vitest';
import { PlaygroundSession } from '#lib/playground/session.ts';
import { TEMPLATES } from '#lib/playground/templates.ts';
import type { Action, ArgInput, PlaygroundRequest } from '#lib/playground/types.ts';
import { InputError, parseAmount } from '#lib/playground/values.ts';
import type { TemplateId } from '#lib/playground/workspaces.ts';

const sourcesOf = (id: TemplateId) =>
	Object.fromEntries(TEMPLATES[id].files.map((f) => [f.path, f.text]));
const a = (text: string): ArgInput => ({ type: 'address', text });
const n = (text: string): ArgInput => ({ type: 'bigint', text });
const send = (from: string, to: string, method: string, args: ArgInput[], chainId = 1): Action => ({
	kind: 'send',
	chainId,
	from,
	to,
	method,
	args,
	value: ''
});

function request(id: TemplateId, extra: Action[] = [], seed = 42): PlaygroundRequest {
	return {
		template: id,
		sources: sourcesOf(id),
		seed,
		actions: [...TEMPLATES[id].setup, ...extra]
	};
}

describe('amounts', () => {
	test('units, decimals, exponents and hex', () => {
		expect(parseAmount('1000')).toBe(1000n);
		expect(parseAmount('1_000')).toBe(1000n);
		expect(parseAmount('2.5 ether')).toBe(2_500_000_000_000_000_000n);
		expect(parseAmount('3 gwei')).toBe(3_000_000_000n);
		expect(parseAmount('1e18')).toBe(10n ** 18n);
		expect(parseAmount('0x10')).toBe(16n);
		expect(parseAmount('0.5', 'ether')).toBe(5n * 10n ** 17n);
		expect(() => parseAmount('1.5')).toThrow(InputError);
		expect(() => parseAmount('ten')).toThrow(/not an amount/);
		expect(() => parseAmount('1 bananas')).toThrow(/not a unit/);
	});
});

describe('templates run', () => {
	test('one chain: the setup deploys, a deposit and a withdrawal move ETH, mining moves time', async () => {
		const session = new PlaygroundSession();
		const result = await session.run(
			request('one-chain', [
				{
					kind: 'send',
					chainId: 1,
					from: 'bob',
					to: 'Vault',
					method: 'deposit',
					args: [],
					value: '2'
				},
				send('bob', 'Vault', 'withdraw', [n('0.5 ether')]),
				send('carol', 'Token', 'transfer', [a('bob'), n('1 ether')]),
				{ kind: 'mine', chainId: 1, blocks: 5 }
			])
		);
		expect(result.errors).toEqual([]);
		expect(result.contracts.map((c) => c.name)).toEqual(['Token', 'Vault']);
		expect(result.steps).toBe(6);
		const deposit = await session.goto(2);
		expect(deposit.receipts[0]).toMatchObject({ status: 'success', method: 'deposit' });
		const carol = await session.goto(4);
		expect(carol.receipts[0]).toMatchObject({ status: 'reverted' });
		const mined = await session.goto(5);
		expect(mined.blockNumber - carol.blockNumber).toBe(5);
		const read = await session.read({
			chainId: 1,
			to: 'Vault',
			method: 'balanceOf',
			args: [a('bob')]
		});
		expect(read).toEqual({ ok: true, value: String(15n * 10n ** 17n) });
		// reading at an earlier step sees that step's state
		await session.goto(2);
		expect(
			await session.read({ chainId: 1, to: 'Vault', method: 'balanceOf', args: [a('bob')] })
		).toEqual({ ok: true, value: String(2n * 10n ** 18n) });
	});

	test('two chains: the relayer mints each lock once; a replay reverts', async () => {
		const session = new PlaygroundSession();
		const result = await session.run(
			request('two-chains', [
				send('alice', 'BridgeLock', 'lock', [a('bob'), n('10 ether')]),
				send('relayer', 'BridgeMint', 'mint', [a('bob'), n('10 ether'), n('0')], 2)
			])
		);
		expect(result.errors).toEqual([]);
		const lock = await session.goto(4);
		expect(lock.receipts.map((r) => [r.chainId, r.method, r.status])).toEqual([
			[1, 'lock', 'success'],
			[2, 'mint', 'success']
		]);
		const replay = await session.goto(5);
		expect(replay.receipts[0]).toMatchObject({ status: 'reverted' });
		expect(replay.receipts[0].error?.message).toContain('already minted');
		expect(
			await session.read({ chainId: 2, to: 'BridgeMint', method: 'balanceOf', args: [a('bob')] })
		).toEqual({ ok: true, value: String(10n ** 19n) });
	});

	test('two chains: a burn on chain 2 is released on chain 1 by the same relayer bot', async () => {
		const session = new PlaygroundSession();
		const result = await session.run(
			request('two-chains', [
				send('alice', 'BridgeLock', 'lock', [a('bob'), n('10 ether')]),
				send('bob', 'BridgeMint', 'burn', [a('carol'), n('4 ether')], 2)
			])
		);
		expect(result.errors).toEqual([]);
		const burn = await session.goto(5);
		expect(burn.receipts.map((r) => [r.chainId, r.method, r.status])).toEqual([
			[2, 'burn', 'success'],
			[1, 'release', 'success']
		]);
		expect(burn.notes).toContain(
			'The relayer saw Burned #0 on chain 2 (block 3) and calls release on chain 1.'
		);
		expect(burn.heads.map((h) => h.chainId)).toEqual([1, 2]);
		const read = (chainId: number, to: string, method: string, args: ArgInput[]) =>
			session.read({ chainId, to, method, args });
		expect(await read(1, 'TOK', 'balanceOf', [a('carol')])).toEqual({
			ok: true,
			value: String(4n * 10n ** 18n)
		});
		expect(await read(1, 'BridgeLock', 'totalLocked', [])).toEqual({
			ok: true,
			value: String(6n * 10n ** 18n)
		});
		expect(await read(2, 'BridgeMint', 'totalSupply', [])).toEqual({
			ok: true,
			value: String(6n * 10n ** 18n)
		});
	});

	test('lending: borrow, a price drop, then a liquidation; prices feed the price view', async () => {
		const session = new PlaygroundSession();
		const result = await session.run(
			request('lending', [
				send('alice', 'WETH', 'approve', [a('LendingPool'), n('10 ether')]),
				send('alice', 'LendingPool', 'deposit', [n('10 ether')]),
				send('alice', 'LendingPool', 'borrow', [n('15000 ether')]),
				send('oracle', 'Oracle', 'setPrice', [n('150000000000')]),
				send('carol', 'USDC', 'approve', [a('LendingPool'), n('100000 ether')]),
				send('carol', 'LendingPool', 'liquidate', [a('alice'), n('5000 ether')])
			])
		);
		expect(result.errors).toEqual([]);
		const last = await session.goto(result.steps - 1);
		expect(last.receipts[0]).toMatchObject({ method: 'liquidate', status: 'success' });
		expect(result.overview.prices?.points.map((p) => p.price)).toContain(1500);
		expect(result.overview.prices?.points[0].price).toBe(2000);
	});

	test('a failing action is a step that says why, and the script goes on', async () => {
		const session = new PlaygroundSession();
		const sources = { ...sourcesOf('one-chain'), 'contracts/Broken.ts': 'export default class {' };
		const result = await session.run({
			...request('one-chain', [
				{ kind: 'deploy', chainId: 1, from: 'alice', file: 'contracts/Broken.ts', args: [] },
				send('alice', 'Nobody Here', 'x', []),
				send('alice', 'Token', 'transfer', [a('bob'), n('ten')]),
				send('alice', 'Token', 'transfer', [a('bob'), n('1 ether')])
			]),
			sources
		});
		expect(result.errors.map((e) => e.action)).toEqual([2, 3, 4]);
		expect(result.errors[2].error.message).toMatch(/not an amount/);
		expect(result.steps).toBe(6);
		expect((await session.goto(5)).receipts[0]).toMatchObject({ status: 'success' });
	});

	test('after a syntax error, later steps do not call a contract that was never deployed', async () => {
		const session = new PlaygroundSession();
		const sources = { ...sourcesOf('one-chain'), 'contracts/Vault.ts': 'export default class {' };
		const deposit: Action = {
			kind: 'send',
			chainId: 1,
			from: 'bob',
			to: 'Vault',
			method: 'deposit',
			args: [],
			value: '1'
		};
		const result = await session.run({ ...request('one-chain', [deposit]), sources });
		// step 2 deploys Vault and fails; step 3 must fail too, naming why, with no transaction
		expect(result.errors.map((e) => e.action)).toEqual([1, 2]);
		expect(result.errors[1].error.message).toMatch(
			/Vault does not exist: deploying it failed at step 2/
		);
		const frame = await session.goto(2);
		expect(frame.receipts).toEqual([]);
		expect(frame.label).toMatch(/^Failed/);
		// bob's ETH did not go anywhere
		const bob = frame.balances?.find((b) => b.account === 'bob' && b.asset === 'ETH');
		expect(bob?.amount).toBe('100');
	});

	test('the same script and seed give the same state hash', async () => {
		const one = await new PlaygroundSession().run(request('lending'));
		const two = await new PlaygroundSession().run(request('lending'));
		expect(one.last?.stateHash).toBe(two.last?.stateHash);
	});
});
