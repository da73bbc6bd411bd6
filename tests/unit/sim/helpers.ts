/** Helpers shared by the engine tests. */
import { expect } from 'vitest';
import { type Chain, createWorld, GAS_PRICE, type Receipt, type World } from '#lib/sim/index.ts';

/** A fresh world with one chain. */
export function fresh(seed = 1): { world: World; chain: Chain } {
	const world = createWorld({ seed });
	return { world, chain: world.chain() };
}

/** 1-based line of the first line of `source` containing `marker`. */
export function lineOf(source: string, marker: string): number {
	const index = source.split('\n').findIndex((line) => line.includes(marker));
	if (index < 0) throw new Error(`marker ${marker} not in source`);
	return index + 1;
}

/** Keys whose value differs between two dumps, with [before, after]. */
export function stateDiff(
	before: Map<string, string>,
	after: Map<string, string>
): Map<string, [string | undefined, string | undefined]> {
	const out = new Map<string, [string | undefined, string | undefined]>();
	for (const key of new Set([...before.keys(), ...after.keys()])) {
		if (before.get(key) !== after.get(key)) out.set(key, [before.get(key), after.get(key)]);
	}
	return out;
}

/**
 * Asserts that the only state changes between `before` and now are the sender's nonce (+1) and
 * native balance (minus gasUsed * GAS_PRICE): what a failed transaction leaves behind.
 */
export function expectOnlyFeeAndNonce(
	chain: Chain,
	before: Map<string, string>,
	receipt: Receipt
): void {
	const diff = stateDiff(before, chain.dumpState());
	const from = receipt.from;
	expect([...diff.keys()].sort()).toEqual(['b' + from, 'n' + from].sort());
	const [balanceBefore, balanceAfter] = diff.get('b' + from) ?? [];
	expect(
		BigInt((balanceBefore ?? '0n').slice(0, -1)) - BigInt((balanceAfter ?? '0n').slice(0, -1))
	).toBe(BigInt(receipt.gasUsed) * GAS_PRICE);
	const [nonceBefore, nonceAfter] = diff.get('n' + from) ?? [];
	expect(Number(nonceAfter)).toBe(Number(nonceBefore ?? '0') + 1);
	expect(receipt.fee).toBe(BigInt(receipt.gasUsed) * GAS_PRICE);
}

/** A small token contract in the style of the lessons. */
export const TOKEN = `import { Contract, StorageMap, StorageValue, msg, require, emit } from 'chainlab';

export default class Token extends Contract {
	balances = new StorageMap<string, bigint>('balances');
	supply = new StorageValue<bigint>('supply', 0n);

	constructor(initialSupply: bigint) {
		super();
		this.balances.set(msg.sender, initialSupply);
		this.supply.set(initialSupply);
	}

	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	transfer(to: string, amount: bigint): boolean {
		const from = msg.sender;
		const balance = this.balanceOf(from);
		require(balance >= amount, 'insufficient balance'); // REVERT-LINE
		this.balances.set(from, balance - amount);
		this.balances.set(to, this.balanceOf(to) + amount);
		emit('Transfer', { from, to, amount });
		return true;
	}
}
`;

export const WAD = 10n ** 18n;
