// (a) token transfers per second through the full pipeline (send -> sandbox -> receipt), beside the
// same logic in plain JavaScript with no sandbox, and their ratio; (b) built-in token transfers per
// second (chain.deployToken: no sandbox, the same send -> receipt pipeline); (c) the wall time of
// one contract deploy (compile, a fresh QuickJS context with the prelude, the constructor).
import { test } from 'vitest';
import { createWorld } from '#lib/sim/index.ts';
import { median, report } from './measure.ts';

const TOKEN = `
import { Contract, StorageMap, msg, require, emit } from 'chainlab';

export default class Token extends Contract {
	balances = new StorageMap<string, bigint>('balances');

	constructor(supply: bigint) {
		super();
		this.balances.set(msg.sender, supply);
	}

	transfer(to: string, amount: bigint): boolean {
		const from = this.balances.get(msg.sender) ?? 0n;
		require(from >= amount, 'insufficient balance');
		this.balances.set(msg.sender, from - amount);
		this.balances.set(to, (this.balances.get(to) ?? 0n) + amount);
		emit('Transfer', { from: msg.sender, to, amount });
		return true;
	}
}
`;

const RUNS = 5;
const TRANSFERS = 5_000;
const BUILTIN_TRANSFERS = 20_000;
const DEPLOYS = 30;

/** The same transfer logic in plain JavaScript: a Map for balances and an array for logs. */
function plainTransfers(n: number, recipients: string[]): number {
	const balances = new Map<string, bigint>([['alice', 10n ** 30n]]);
	const logs: unknown[] = [];
	const t0 = performance.now();
	for (let i = 0; i < n; i++) {
		const to = recipients[i % recipients.length];
		const from = balances.get('alice') ?? 0n;
		if (from < 1n) throw new Error('insufficient balance');
		balances.set('alice', from - 1n);
		balances.set(to, (balances.get(to) ?? 0n) + 1n);
		logs.push({ event: 'Transfer', args: { from: 'alice', to, amount: 1n } });
	}
	const ms = performance.now() - t0;
	if (logs.length !== n) throw new Error('lost a log');
	return ms;
}

type Chain = ReturnType<ReturnType<typeof createWorld>['chain']>;

/**
 * Sends `n` transfers of 1 unit from alice, round-robin over `recipients`, through `chain.send`.
 * @returns the wall time in milliseconds
 * @throws Error naming the transfer when a receipt is not a success
 */
function timeTransfers(chain: Chain, token: string, recipients: string[], n: number): number {
	const t0 = performance.now();
	for (let i = 0; i < n; i++) {
		const r = chain.send({
			from: 'alice',
			to: token,
			method: 'transfer',
			args: [recipients[i % recipients.length], 1n]
		});
		if (r.status !== 'success') throw new Error(`transfer ${i} failed: ${r.error?.message}`);
	}
	return performance.now() - t0;
}

test('token transfers per second', () => {
	const sandboxRates: number[] = [];
	const plainRates: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const world = createWorld({ seed: run + 1 });
		const chain = world.chain();
		const token = chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [10n ** 30n] });
		const recipients = Array.from({ length: 100 }, (_, i) => chain.address(`user${i}`));
		// warm the contract's context and method handles
		chain.send({ from: 'alice', to: token, method: 'transfer', args: [recipients[0], 1n] });
		const ms = timeTransfers(chain, token, recipients, TRANSFERS);
		sandboxRates.push((TRANSFERS / ms) * 1000);
		plainRates.push((TRANSFERS / plainTransfers(TRANSFERS, recipients)) * 1000);
	}
	const transfersPerSec = Math.round(median(sandboxRates));
	const plainPerSec = Math.round(median(plainRates));
	report(
		'transfers',
		{
			transfersPerSec,
			plainTransfersPerSec: plainPerSec,
			sandboxOverhead: +(plainPerSec / transfersPerSec).toFixed(1)
		},
		[
			`runs: ${RUNS} x ${TRANSFERS} transfers`,
			`sandbox runs/s: ${sandboxRates.map(Math.round).join(', ')}`
		]
	);
});

test('built-in token transfers per second', () => {
	const rates: number[] = [];
	// one untimed run first: V8 tiers up the pipeline over the first few thousand transactions
	for (let run = -1; run < RUNS; run++) {
		const world = createWorld({ seed: run + 2 });
		const chain = world.chain();
		const token = chain.deployToken({
			name: 'Token',
			symbol: 'TOK',
			from: 'alice',
			supply: 10n ** 30n
		});
		const recipients = Array.from({ length: 100 }, (_, i) => chain.address(`user${i}`));
		chain.send({ from: 'alice', to: token, method: 'transfer', args: [recipients[0], 1n] });
		const ms = timeTransfers(chain, token, recipients, BUILTIN_TRANSFERS);
		if (run >= 0) rates.push((BUILTIN_TRANSFERS / ms) * 1000);
		world.dispose();
	}
	report('transfers-builtin', { builtinTransfersPerSec: Math.round(median(rates)) }, [
		`runs: ${RUNS} x ${BUILTIN_TRANSFERS} built-in token transfers after one untimed run`,
		`built-in runs/s: ${rates.map(Math.round).join(', ')}`
	]);
});

test('contract deploy time', () => {
	const world = createWorld({ seed: 7 });
	const chain = world.chain();
	// warm the compiler and the sandbox
	for (let i = 0; i < 3; i++)
		chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [10n ** 30n] });
	const times: number[] = [];
	for (let i = 0; i < DEPLOYS; i++) {
		const t0 = performance.now();
		// deploy throws a DeployError when the constructor fails
		chain.deploy(TOKEN, { name: 'Token', from: 'alice', args: [10n ** 30n] });
		times.push(performance.now() - t0);
	}
	world.dispose();
	report('transfers-deploy', { deployMs: +median(times).toFixed(2) }, [
		`deploys: ${DEPLOYS} (the token above, one chain.deploy each, after 3 untimed)`,
		`deploy ms: min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}`
	]);
});
