/** Engine invariants: conservation, reverts, nonces and fees, native transfers, calls, logs, chains. */
import { afterEach, describe, expect, test } from 'vitest';
import {
	createWorld,
	GAS,
	GAS_PRICE,
	STARTING_BALANCE,
	type World,
	ZERO_ADDRESS
} from '#lib/sim/index.ts';
import { expectOnlyFeeAndNonce, fresh, lineOf, stateDiff, TOKEN, WAD } from './helpers.ts';

const worlds: World[] = [];
function world(seed = 1): ReturnType<typeof fresh> {
	const w = fresh(seed);
	worlds.push(w.world);
	return w;
}
afterEach(() => {
	for (const w of worlds.splice(0)) w.dispose();
});

const BANK = `import { Contract, StorageMap, StorageValue, msg, require, revert, emit, transfer } from 'chainlab';

export default class Bank extends Contract {
	deposits = new StorageMap<string, bigint>('deposits');
	received = new StorageValue<bigint>('received', 0n);
	lastSender = new StorageValue<string>('lastSender', '');

	receive() {
		this.received.set(this.received.get() + msg.value);
		this.lastSender.set(msg.sender);
		this.deposits.set(msg.sender, (this.deposits.get(msg.sender) ?? 0n) + msg.value);
		emit('Received', { from: msg.sender, amount: msg.value });
	}

	deposit() {
		require(msg.value > 0n, 'send some coin');
		this.deposits.set(msg.sender, (this.deposits.get(msg.sender) ?? 0n) + msg.value);
	}

	withdraw(amount: bigint) {
		const have = this.deposits.get(msg.sender) ?? 0n;
		require(have >= amount, 'not enough deposited');
		this.deposits.set(msg.sender, have - amount);
		transfer(msg.sender, amount);
	}

	messUp(to: string) {
		this.deposits.set('ghost', 123n);
		emit('Messy', { to });
		transfer(to, 10n ** 18n);
		revert('changed my mind'); // MESS-REVERT
	}
}
`;

const CALLEE = `import { Contract, StorageValue, require, emit } from 'chainlab';

export default class Callee extends Contract {
	touched = new StorageValue<bigint>('touched', 0n);

	work(n: bigint): bigint {
		this.touched.set(this.touched.get() + n);
		emit('Worked', { n });
		return n * 2n;
	}

	fail(n: bigint): bigint {
		this.touched.set(999n);
		emit('Failing', { n });
		require(n < 0n, 'callee says no'); // CALLEE-FAIL
		return n;
	}
}
`;

const CALLER = `import { Contract, StorageValue, CallError, emit } from 'chainlab';

type Callee = { work(n: bigint): bigint; fail(n: bigint): bigint };

export default class Caller extends Contract {
	seen = new StorageValue<string>('seen', '');
	callee = new StorageValue<string>('callee', '');

	constructor(callee: string) {
		super();
		this.callee.set(callee);
	}

	tryBoth(): string {
		const c = Contract.at<Callee>(this.callee.get());
		const doubled = c.work(21n);
		emit('Before', { doubled });
		try {
			c.fail(5n);
			return 'no error';
		} catch (e) {
			if (!(e instanceof CallError)) throw e;
			this.seen.set(e.kind + ':' + e.reason);
			emit('Caught', { reason: e.reason });
			return e.kind + ':' + e.reason + ':' + e.line;
		}
	}

	passThrough(): bigint {
		return Contract.at<Callee>(this.callee.get()).fail(1n); // CALLER-LINE
	}
}
`;

describe('token conservation', () => {
	test('random transfers, failing ones included, keep the supply in the balances', () => {
		const { world: w, chain } = world(3);
		const supply = 1_000_000n * WAD;
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [supply] });
		const people = ['alice', 'bob', 'carol', 'dave', 'erin'].map((n) => chain.address(n));
		let failed = 0;
		for (let i = 0; i < 200; i++) {
			const from = people[w.randomInt(0, people.length - 1)];
			const to = people[w.randomInt(0, people.length - 1)];
			const amount = w.randomBigInt(300_000n * WAD);
			const r = chain.send({ from, to: token, method: 'transfer', args: [to, amount] });
			if (r.status === 'reverted') {
				failed++;
				expect(r.error?.kind).toBe('revert');
			}
		}
		expect(failed).toBeGreaterThan(0);
		const reader = chain.storage(token);
		const total = people.reduce(
			(sum, p) => sum + ((reader.get('balances', p) as bigint | undefined) ?? 0n),
			0n
		);
		expect(total).toBe(supply);
		expect(reader.value('supply')).toBe(supply);
		expect(reader.keys('balances').length).toBeLessThanOrEqual(people.length);
	});

	test('the built-in token conserves its supply through transfer, approve and transferFrom', () => {
		const { chain } = world();
		const weth = chain.deployToken({
			name: 'Wrapped Ether',
			symbol: 'WETH',
			from: 'deployer',
			supply: 1000n * WAD
		});
		const [deployer, bob, carol] = ['deployer', 'bob', 'carol'].map((n) => chain.address(n));
		expect(
			chain.send({ from: 'deployer', to: weth, method: 'transfer', args: [bob, 300n * WAD] }).status
		).toBe('success');
		expect(
			chain.send({ from: 'bob', to: weth, method: 'approve', args: [carol, 100n * WAD] }).status
		).toBe('success');
		const over = chain.send({
			from: 'carol',
			to: weth,
			method: 'transferFrom',
			args: [bob, carol, 101n * WAD]
		});
		expect(over.error).toMatchObject({ kind: 'revert', message: 'ERC20: insufficient allowance' });
		expect(
			chain.send({ from: 'carol', to: weth, method: 'transferFrom', args: [bob, carol, 60n * WAD] })
				.status
		).toBe('success');
		const tooMuch = chain.send({
			from: 'bob',
			to: weth,
			method: 'transfer',
			args: [carol, 1000n * WAD]
		});
		expect(tooMuch.error).toMatchObject({
			kind: 'revert',
			message: 'ERC20: transfer amount exceeds balance'
		});
		const balanceOf = (a: string) => chain.view(weth, 'balanceOf', [a]) as bigint;
		expect(balanceOf(deployer) + balanceOf(bob) + balanceOf(carol)).toBe(1000n * WAD);
		expect(chain.view(weth, 'allowance', [bob, carol])).toBe(40n * WAD);
		expect(chain.view(weth, 'totalSupply')).toBe(1000n * WAD);
		expect(chain.view(weth, 'symbol')).toBe('WETH');
		expect(chain.view(weth, 'decimals')).toBe(18);
		chain.mint(weth, 'dave', 5n * WAD);
		expect(balanceOf(chain.address('dave'))).toBe(5n * WAD);
		expect(chain.storage(weth).value('totalSupply')).toBe(1005n * WAD);
	});
});

describe('reverts', () => {
	test('a revert undoes storage writes, events and native transfers; only fee and nonce remain', () => {
		const { chain } = world();
		const bank = chain.deploy(BANK, { name: 'Bank', from: 'alice' });
		chain.send({ from: 'alice', to: bank, method: 'deposit', value: 5n * WAD });
		const carol = chain.address('carol');
		chain.address('bob');
		const before = chain.dumpState();
		const r = chain.send({ from: 'bob', to: bank, method: 'messUp', args: [carol] });
		expect(r.status).toBe('reverted');
		expect(r.error).toEqual({
			kind: 'revert',
			message: 'changed my mind',
			line: lineOf(BANK, 'MESS-REVERT'),
			address: bank
		});
		expect(r.logs).toEqual([]);
		expectOnlyFeeAndNonce(chain, before, r);
		expect(chain.balance(bank)).toBe(5n * WAD);
		expect(chain.storage(bank).get('deposits', 'ghost')).toBeUndefined();
	});
});

describe('nonces and fees', () => {
	test('every included transaction uses a nonce and pays gasUsed * 1 gwei, reverted or not', () => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		const start = chain.balance('alice');
		expect(chain.nonce('alice')).toBe(1);
		const ok = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [chain.address('bob'), 1n]
		});
		const bad = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [chain.address('bob'), 1000n]
		});
		expect([ok.status, bad.status]).toEqual(['success', 'reverted']);
		expect([ok.nonce, bad.nonce]).toEqual([1, 2]);
		expect(chain.nonce('alice')).toBe(3);
		expect(bad.gasUsed).toBeGreaterThan(GAS.txBase);
		expect(chain.balance('alice')).toBe(start - (ok.fee + bad.fee));
		expect(ok.fee).toBe(BigInt(ok.gasUsed) * GAS_PRICE);
	});

	test('an out-of-gas transaction pays its whole gas limit', () => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		const r = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [chain.address('bob'), 1n],
			gasLimit: 25_000
		});
		expect(r.error?.kind).toBe('out-of-gas');
		expect(r.gasUsed).toBe(25_000);
		expect(r.included).toBe(true);
	});

	test.each([
		['a wrong nonce', { nonce: 7 }, /nonce too high: the account's next nonce is 1/],
		['a stale nonce', { nonce: 0 }, /nonce too low/],
		['gas below the intrinsic cost', { gasLimit: 20_000 }, /intrinsic gas too low/],
		['gas above the block limit', { gasLimit: 40_000_000 }, /above the block gas limit/],
		[
			'too little coin for the fee',
			{ value: 101n * WAD },
			/insufficient funds for gas \* price \+ value/
		],
		['a gas price below 1 gwei', { gasPrice: 1n }, /gasPrice must be a bigint of at least/],
		[
			'arguments that cannot be encoded',
			{ args: [() => 1] },
			/cannot be a function|cannot contain a function/
		]
	])('%s makes an invalid transaction: not included, no fee, no nonce', (_, extra, message) => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		const before = chain.dumpState();
		const head = chain.blockNumber;
		const r = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [chain.address('alice'), 1n],
			...extra
		});
		expect(r.included).toBe(false);
		expect(r.error?.kind).toBe('invalid-tx');
		expect(r.error?.message).toMatch(message);
		expect([r.gasUsed, r.fee]).toEqual([0, 0n]);
		expect(stateDiff(before, chain.dumpState()).size).toBe(0);
		expect(chain.blockNumber).toBe(head);
		expect(chain.receipt(r.txHash)).toBe(r);
	});
});

describe('native coin', () => {
	test('a plain transfer between accounts costs exactly 21,000 gas', () => {
		const { chain } = world();
		const r = chain.send({ from: 'alice', to: 'bob', value: WAD });
		expect(r.status).toBe('success');
		expect(r.gasUsed).toBe(GAS.txBase);
		expect(chain.balance('bob')).toBe(STARTING_BALANCE + WAD);
		expect(chain.balance('alice')).toBe(STARTING_BALANCE - WAD - 21_000n * GAS_PRICE);
		expect(r.method).toBe('receive');
	});

	test('sending coin to a contract runs receive() with msg.sender and msg.value', () => {
		const { chain } = world();
		const bank = chain.deploy(BANK, { name: 'Bank', from: 'alice' });
		const r = chain.send({ from: 'bob', to: bank, value: 3n * WAD });
		expect(r.status).toBe('success');
		expect(r.logs).toEqual([
			{ address: bank, event: 'Received', args: { from: chain.address('bob'), amount: 3n * WAD } }
		]);
		expect(chain.storage(bank).value('received')).toBe(3n * WAD);
		expect(chain.storage(bank).value('lastSender')).toBe(chain.address('bob'));
		expect(chain.balance(bank)).toBe(3n * WAD);
	});

	test('a contract without receive() refuses plain transfers', () => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1n] });
		const r = chain.send({ from: 'bob', to: token, value: WAD });
		expect(r.error?.kind).toBe('runtime');
		expect(r.error?.message).toMatch(/Token has no receive\(\) method/);
		expect(chain.balance(token)).toBe(0n);
	});

	test('transfer() from a contract pays out and runs the recipient receive()', () => {
		const { chain } = world();
		const bank = chain.deploy(BANK, { name: 'Bank', from: 'alice' });
		const other = chain.deploy(BANK, { name: 'Bank', from: 'alice' });
		chain.send({ from: 'bob', to: bank, method: 'deposit', value: 2n * WAD });
		const bobBefore = chain.balance('bob');
		const r = chain.send({ from: 'bob', to: bank, method: 'withdraw', args: [WAD] });
		expect(r.status).toBe('success');
		expect(chain.balance('bob')).toBe(bobBefore + WAD - r.fee);
		// a contract's withdrawal to another contract runs that contract's receive()
		const fund = chain.send({ from: 'carol', to: other, method: 'deposit', value: WAD });
		expect(fund.status).toBe('success');
		expect(chain.storage(bank).value('received')).toBe(0n);
	});
});

describe('cross-contract calls', () => {
	test('a failed inner call can be caught; its writes and events are undone, the caller keeps its own', () => {
		const { chain } = world();
		const callee = chain.deploy(CALLEE, { name: 'Callee', from: 'alice' });
		const caller = chain.deploy(CALLER, { name: 'Caller', from: 'alice', args: [callee] });
		const r = chain.send({ from: 'bob', to: caller, method: 'tryBoth' });
		expect(r.status).toBe('success');
		expect(r.returnValue).toBe(`revert:callee says no:${lineOf(CALLEE, 'CALLEE-FAIL')}`);
		expect(r.logs.map((l) => `${l.address === callee ? 'callee' : 'caller'}.${l.event}`)).toEqual([
			'callee.Worked',
			'caller.Before',
			'caller.Caught'
		]);
		expect(chain.storage(callee).value('touched')).toBe(21n);
		expect(chain.storage(caller).value('seen')).toBe('revert:callee says no');
	});

	test('an uncaught inner failure reverts everything and reports where it happened', () => {
		const { chain } = world();
		const callee = chain.deploy(CALLEE, { name: 'Callee', from: 'alice' });
		const caller = chain.deploy(CALLER, { name: 'Caller', from: 'alice', args: [callee] });
		const r = chain.send({ from: 'bob', to: caller, method: 'passThrough' });
		expect(r.error).toEqual({
			kind: 'revert',
			message: 'callee says no',
			line: lineOf(CALLEE, 'CALLEE-FAIL'),
			address: callee
		});
		expect(chain.storage(callee).value('touched')).toBe(0n);
	});
});

describe('chains and worlds', () => {
	test('two chains in one world keep separate state and blocks; names map to the same address', () => {
		const w = createWorld({
			seed: 9,
			chains: [
				{ id: 1, blockTime: 12 },
				{ id: 10, blockTime: 2 }
			]
		});
		worlds.push(w);
		const l1 = w.chain(1);
		const l2 = w.chain(10);
		expect(l1.address('alice')).toBe(l2.address('alice'));
		const t1 = l1.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		const t2 = l2.deploy(TOKEN, { name: 'Token', from: 'alice', args: [50n] });
		expect(t1).toBe(t2); // same deployer and nonce: same address, as on Ethereum
		l2.send({ from: 'alice', to: t2, method: 'transfer', args: [l2.address('bob'), 20n] });
		expect(l1.view(t1, 'balanceOf', [l1.address('bob')])).toBe(0n);
		expect(l2.view(t2, 'balanceOf', [l2.address('bob')])).toBe(20n);
		expect([l1.blockNumber, l2.blockNumber]).toEqual([1, 2]);
		expect(l2.timestamp - l2.block(0)!.timestamp).toBe(4);
		expect(l1.digest()).not.toBe(l2.digest());
		expect(() => w.chain(5)).toThrow(/no chain 5/);
	});

	test('blocks link by parent hash and carry keccak roots', () => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [100n] });
		chain.send({ from: 'alice', to: token, method: 'transfer', args: [chain.address('bob'), 1n] });
		const h1 = chain.header(1);
		const h2 = chain.header(2);
		expect(h2.parentHash).toBe(h1.hash);
		expect(h2.timestamp - h1.timestamp).toBe(12);
		for (const h of [h1, h2])
			for (const v of [h.hash, h.logsRoot, h.stateRoot, h.transactionsRoot])
				expect(v).toMatch(/^0x[0-9a-f]{64}$/);
		expect(chain.header(0).parentHash).toBe('0x' + '0'.repeat(64));
		expect(h1.stateRoot).not.toBe(h2.stateRoot);
		expect(chain.block(2)!.receipts[0].logs[0].event).toBe('Transfer');
	});
});

describe('snapshots', () => {
	test('restore goes back and forth; the state hash follows; a new branch forks cleanly', () => {
		const { world: w, chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n] });
		const bob = chain.address('bob');
		const hashes: string[] = [];
		const snaps: number[] = [];
		for (let i = 0; i < 5; i++) {
			snaps.push(w.snapshot());
			hashes.push(w.stateHash());
			chain.send({ from: 'alice', to: token, method: 'transfer', args: [bob, 10n] });
		}
		const endHash = w.stateHash();
		const end = w.snapshot();
		w.restore(snaps[2]);
		expect(w.stateHash()).toBe(hashes[2]);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(20n);
		expect(chain.blockNumber).toBe(3);
		w.restore(end);
		expect(w.stateHash()).toBe(endHash);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(50n);
		w.restore(snaps[1]);
		const fork = chain.send({ from: 'alice', to: token, method: 'transfer', args: [bob, 500n] });
		expect(fork.blockNumber).toBe(3);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(510n);
		w.restore(end);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(50n);
		expect(chain.block(3)!.receipts[0].args[1]).toBe(10n);
		expect(() => w.restore(999)).toThrow(/no snapshot 999/);
	});

	test('views and empty blocks leave the state hash alone', () => {
		const { world: w, chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n] });
		const hash = w.stateHash();
		chain.view(token, 'balanceOf', [chain.address('alice')]);
		chain.mine(3);
		expect(w.stateHash()).toBe(hash);
	});
});

describe('determinism', () => {
	function scenario(seed: number): { hash: string; receipts: string[]; randoms: number[] } {
		const w = createWorld({ seed });
		worlds.push(w);
		const chain = w.chain();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [10n ** 24n] });
		const bank = chain.deploy(BANK, { name: 'Bank', from: 'bob' });
		const receipts: string[] = [];
		for (let i = 0; i < 30; i++) {
			const to = chain.address(`user${w.randomInt(0, 9)}`);
			const r = chain.send({
				from: 'alice',
				to: token,
				method: 'transfer',
				args: [to, w.randomBigInt(10n ** 21n)]
			});
			const d = chain.send({
				from: 'carol',
				to: bank,
				method: 'deposit',
				value: w.randomBigInt(WAD) + 1n
			});
			receipts.push(`${r.txHash}:${r.gasUsed}:${d.txHash}:${d.gasUsed}`);
		}
		return { hash: w.stateHash(), receipts, randoms: [w.random(), w.random()] };
	}

	test('same seed and inputs give the same receipts and state hash', () => {
		const a = scenario(42);
		const b = scenario(42);
		expect(b).toEqual(a);
		expect(scenario(43).hash).not.toBe(a.hash);
	});
});

describe('mempool', () => {
	test('with autoMine off, transactions wait; mine() includes them by gas price, nonces in order', () => {
		const { chain } = world();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [1000n] });
		chain.autoMine = false;
		expect(() => chain.send({ from: 'alice', to: 'bob', value: 1n })).toThrow(/autoMine is off/);
		const bob = chain.address('bob');
		const a1 = chain.submit({ from: 'alice', to: token, method: 'transfer', args: [bob, 1n] });
		const a2 = chain.submit({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [bob, 2n],
			gasPrice: 50n * GAS_PRICE
		});
		const c1 = chain.submit({ from: 'carol', to: 'dave', value: 1n, gasPrice: 10n * GAS_PRICE });
		expect(chain.pending().length).toBe(3);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(0n);
		const [block] = chain.mine();
		expect(block.receipts.map((r) => r.txHash)).toEqual([c1, a1, a2]);
		expect(chain.pending().length).toBe(0);
		expect(chain.view(token, 'balanceOf', [bob])).toBe(3n);
		expect(chain.receipt(a2)?.blockNumber).toBe(block.number);
		chain.submit({ from: 'alice', to: 'bob', value: 1n, nonce: 10 });
		expect(chain.mine()[0].receipts.length).toBe(0);
		expect(chain.pending().length).toBe(1);
	});

	test('warp moves the next block forward in time', () => {
		const { chain } = world();
		const t0 = chain.timestamp;
		chain.warp(86_400);
		const r = chain.send({ from: 'alice', to: 'bob', value: 1n });
		expect(chain.block(r.blockNumber)!.timestamp).toBe(t0 + 86_400);
	});
});

describe('views', () => {
	test('a view returns the value, costs nothing, and may not write', () => {
		const { chain } = world();
		const bank = chain.deploy(BANK, { name: 'Bank', from: 'alice' });
		const before = chain.dumpState();
		expect(() => chain.view(bank, 'deposit')).toThrow(/send some coin/);
		expect(() => chain.view(bank, 'withdraw', [0n])).toThrow(/a view call cannot change state/);
		expect(chain.dumpState()).toEqual(before);
		expect(() => chain.view(bank, 'nope')).toThrow(/Bank has no method 'nope'/);
		expect(() => chain.view(ZERO_ADDRESS, 'balanceOf', [])).toThrow(/is not a contract/);
	});
});
