/** The sandbox as contract code sees it: lines, values across the boundary, fields, the API. */
import { afterEach, describe, expect, test } from 'vitest';
import { CONTRACT_API_DTS } from '#lib/sim/contract-api.ts';
import { type Chain, keccak256, type World } from '#lib/sim/index.ts';
import { fresh, lineOf, TOKEN, WAD } from './helpers.ts';

const worlds: World[] = [];
function setup(): { world: World; chain: Chain } {
	const w = fresh(11);
	worlds.push(w.world);
	return w;
}
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});

const KITCHEN = `import { Contract, StorageMap, StorageValue, msg, block, require, emit, keccak256, Token } from 'chainlab';

type Position = { collateral: bigint; debt: bigint; tags: string[] };

const FEE_BPS = 30n;

export default class Kitchen extends Contract {
	positions = new StorageMap<string, Position>('positions');
	byNumber = new StorageMap<number, string>('byNumber');
	byBig = new StorageMap<bigint, boolean>('byBig');
	note = new StorageValue<string>('note', 'none');
	config = { fee: FEE_BPS, names: ['a', 'b'] };
	token: ReturnType<typeof Token.at>;
	owner: string;

	constructor(token: string) {
		super();
		this.token = Token.at(token);
		this.owner = msg.sender;
	}

	echo(a: bigint, b: number, c: string, d: boolean, e: null, f: bigint[], g: { x: bigint }) {
		return { a: a * 2n, b: b + 1, c: c + '!', d: !d, e, f: f.map((v) => v + 1n), g: { x: g.x - 1n }, big: 2n ** 255n };
	}

	store(who: string, collateral: bigint) {
		this.positions.set(who, { collateral, debt: collateral / 2n, tags: ['x', 'y\\u0000z'] });
		this.byNumber.set(1, 'number one');
		this.byBig.set(1n, true);
		this.note.set('with \\u0000 inside and \\u0001 too');
	}

	read(who: string) {
		const p = this.positions.get(who);
		p!.debt = 0n; // a copy: not stored
		return { stored: this.positions.get(who), one: this.byNumber.get(1), oneString: this.byNumber.get('1' as any), big: this.byBig.has(1n), note: this.note.get() };
	}

	env() {
		return { sender: msg.sender, value: msg.value, number: block.number, timestamp: block.timestamp, chainId: block.chainId, self: this.address, balance: this.balance, owner: this.owner, fee: this.config.fee };
	}

	hashes() {
		return [keccak256(''), keccak256('hello'), keccak256('0x68656c6c6f'), keccak256(new Uint8Array([104, 101, 108, 108, 111])), keccak256('a\\u0000b')];
	}

	tokenBalance(who: string): bigint {
		return this.token.balanceOf(who);
	}

	mutateConfig() {
		this.config.names.push('c'); // CONFIG
	}

	deleteIt(who: string): boolean[] {
		return [this.positions.delete(who), this.positions.delete(who), this.positions.has(who)];
	}

	private helper(): string { return 'helped'; }
	protected other(): string { return 'other'; }
	usesHelper(): string { return this.helper() + ' ' + this.other(); }

	fail(amount: bigint) {
		require(amount > 10n, 'amount too small'); // LINE-A
		if (amount > 100n) {
			const x: any = undefined;
			return x.boom; // LINE-B
		}
		emit('Fine', { amount });
	}
}
`;

function kitchen(chain: Chain) {
	const weth = chain.deployToken({
		name: 'Wrapped Ether',
		symbol: 'WETH',
		from: 'alice',
		supply: 10n * WAD
	});
	const k = chain.deploy(KITCHEN, { name: 'Kitchen', from: 'alice', args: [weth], value: 2n });
	return { weth, k };
}

describe('lines', () => {
	test('a revert, a runtime error and a host error report the learner line', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		const a = chain.send({ from: 'bob', to: k, method: 'fail', args: [5n] });
		expect(a.error).toMatchObject({
			kind: 'revert',
			message: 'amount too small',
			line: lineOf(KITCHEN, 'LINE-A')
		});
		const b = chain.send({ from: 'bob', to: k, method: 'fail', args: [500n] });
		expect(b.error?.kind).toBe('runtime');
		expect(b.error?.message).toMatch(/TypeError/);
		expect(b.error?.line).toBe(lineOf(KITCHEN, 'LINE-B'));
		const c = chain.send({ from: 'bob', to: k, method: 'mutateConfig' });
		expect(c.error?.line).toBe(lineOf(KITCHEN, 'CONFIG'));
		expect(chain.send({ from: 'bob', to: k, method: 'fail', args: [50n] }).logs[0].args).toEqual({
			amount: 50n
		});
	});
});

describe('values', () => {
	test('bigint and structured values cross the boundary both ways', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		const out = chain.view(k, 'echo', [2n ** 200n, 1.5, 'hi', true, null, [1n, 2n], { x: 10n }]);
		expect(out).toEqual({
			a: 2n ** 201n,
			b: 2.5,
			c: 'hi!',
			d: false,
			e: null,
			f: [2n, 3n],
			g: { x: 9n },
			big: 2n ** 255n
		});
	});

	test('storage keeps objects, key types apart, and strings with control characters', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		const bob = chain.address('bob');
		expect(chain.send({ from: 'bob', to: k, method: 'store', args: [bob, 100n] }).status).toBe(
			'success'
		);
		const read = chain.view(k, 'read', [bob]);
		expect(read).toEqual({
			stored: { collateral: 100n, debt: 50n, tags: ['x', 'y\u0000z'] },
			one: 'number one',
			oneString: undefined,
			big: true,
			note: 'with \u0000 inside and \u0001 too'
		});
		expect(chain.storage(k).get('positions', bob)).toEqual({
			collateral: 100n,
			debt: 50n,
			tags: ['x', 'y\u0000z']
		});
		expect(chain.storage(k).get('byNumber', 1)).toBe('number one');
		expect(chain.storage(k).value('note')).toBe('with \u0000 inside and \u0001 too');
		expect(chain.send({ from: 'bob', to: k, method: 'deleteIt', args: [bob] }).returnValue).toEqual(
			[true, false, false]
		);
		expect(chain.storage(k).get('positions', bob)).toBeUndefined();
	});

	test('keccak256 matches the reference hashes for text, hex and bytes', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		expect(chain.view(k, 'hashes')).toEqual([
			'0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
			'0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8',
			'0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8',
			'0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8',
			keccak256(new Uint8Array([97, 0, 98]))
		]);
	});
});

describe('environment and fields', () => {
	test('msg, block, this.address, this.balance and constructor fields', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		const r = chain.send({ from: 'bob', to: k, method: 'env', value: 3n });
		const env = r.returnValue as Record<string, unknown>;
		expect(env).toEqual({
			sender: chain.address('bob'),
			value: 3n,
			number: r.blockNumber,
			timestamp: chain.block(r.blockNumber)!.timestamp,
			chainId: 1,
			self: k,
			balance: 5n,
			owner: chain.address('alice'),
			fee: 30n
		});
	});

	test('a Token.at handle kept in a field works, also after the sandbox is rebuilt', () => {
		const { world, chain } = setup();
		const { weth, k } = kitchen(chain);
		const alice = chain.address('alice');
		expect(chain.view(k, 'tokenBalance', [alice])).toBe(10n * WAD);
		const bomb = chain.deploy(
			`import { Contract } from 'chainlab';
export default class Bomb extends Contract { go() { return 'x'.repeat(2 ** 26).length; } }`,
			{ name: 'Bomb', from: 'mallory' }
		);
		expect(
			chain.send({ from: 'mallory', to: bomb, method: 'go', gasLimit: 30_000_000 }).error?.kind
		).toBe('memory');
		expect(world.sandboxRebuilds).toBe(1);
		chain.send({ from: 'alice', to: weth, method: 'transfer', args: [k, WAD] });
		expect(chain.view(k, 'tokenBalance', [k])).toBe(WAD);
		expect(chain.view(k, 'env', [], { from: 'bob' })).toMatchObject({ owner: alice, fee: 30n });
	});

	test('private and protected methods are callable inside only', () => {
		const { chain } = setup();
		const { k } = kitchen(chain);
		expect(chain.view(k, 'usesHelper')).toBe('helped other');
		expect(() => chain.view(k, 'helper')).toThrow(/Kitchen\.helper\(\) is private/);
		expect(() => chain.view(k, 'other')).toThrow(/Kitchen\.other\(\) is private/);
		expect(chain.code(k)?.methods).not.toContain('helper');
		expect(chain.code(k)?.methods).toContain('usesHelper');
	});

	test('module-level code cannot touch state, and contracts can only import chainlab', () => {
		const { chain } = setup();
		expect(() =>
			chain.deploy(
				`import { Contract, msg } from 'chainlab';\nconst who = msg.sender;\nexport default class A extends Contract {}`,
				{ name: 'A', from: 'alice' }
			)
		).toThrow(/msg\.sender is only available while the contract is being called/);
		expect(() =>
			chain.deploy(
				`import { Contract } from 'chainlab';\nimport { x } from './other';\nexport default class B extends Contract { get() { return x; } }`,
				{ name: 'B', from: 'alice' }
			)
		).toThrow(/contracts can only import from 'chainlab' \(this file imports '\.\/other'\)/);
		expect(() => chain.deploy(`export const x = 1;`, { name: 'C', from: 'alice' })).toThrow(
			/the file must export a contract/
		);
	});

	test('a lesson-style token works end to end', () => {
		const { chain } = setup();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		const r = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [chain.address('bob'), 40n]
		});
		expect(r.returnValue).toBe(true);
		expect(r.logs).toEqual([
			{
				address: token,
				event: 'Transfer',
				args: { from: chain.address('alice'), to: chain.address('bob'), amount: 40n }
			}
		]);
	});
});

describe('editor typings', () => {
	test('CONTRACT_API_DTS declares the chainlab module with docs', () => {
		expect(CONTRACT_API_DTS).toMatch(/declare module 'chainlab'/);
		for (const name of [
			'Contract',
			'StorageValue',
			'StorageMap',
			'msg',
			'block',
			'require',
			'revert',
			'emit',
			'transfer',
			'keccak256',
			'Token',
			'CallError'
		])
			expect(CONTRACT_API_DTS).toMatch(
				new RegExp(`export (abstract class|class|const|function|interface) ${name}\\b`)
			);
	});
});
