/**
 * Seeded synthetic blocks for the parallel-execution lessons, tests and bench: a pre-state of
 * account balances and counters, and a block of transfers (some of which fail for lack of funds),
 * counter increments, copies and reads, with a tunable contention (how often a transaction touches
 * one of a few hot keys).
 *
 * The same seed and options give the same block in every engine (`createPrng` is mulberry32).
 */
import { createPrng } from './prng.ts';
import type { BlockState, BlockTx } from '../protocols/parallel-execution.ts';

export type BlockOptions = {
	/** number of transactions, >= 0 */
	size: number;
	/** number of accounts (named a0, a1, ...), >= 2 */
	accounts?: number;
	/** number of counters (named c0, c1, ...), >= 1 */
	counters?: number;
	/**
	 * probability in [0, 1] that a transaction's keys are drawn from the two hottest accounts and
	 * the first counter instead of uniformly (0 = low contention, 1 = every transaction collides)
	 */
	contention?: number;
	/** largest starting balance (balances are uniform in 0..maxBalance), >= 0 */
	maxBalance?: number;
};

/** A pre-state and a block. */
export type SyntheticBlock = { state: BlockState; txs: BlockTx[] };

/**
 * Generates a seeded block. Transaction kinds: about 55% transfers (amounts up to the largest
 * starting balance, so some fail), 25% increments, 10% copies of an account into a counter, 10%
 * reads of two accounts.
 * @throws RangeError for options outside the ranges documented on `BlockOptions`
 */
export function generateBlock(seed: number, options: BlockOptions): SyntheticBlock {
	const { size, accounts = 8, counters = 2, contention = 0.2, maxBalance = 20 } = options;
	if (!Number.isInteger(size) || size < 0) throw new RangeError(`size must be >= 0, got ${size}`);
	if (!Number.isInteger(accounts) || accounts < 2) {
		throw new RangeError(`accounts must be a whole number >= 2, got ${accounts}`);
	}
	if (!Number.isInteger(counters) || counters < 1) {
		throw new RangeError(`counters must be a whole number >= 1, got ${counters}`);
	}
	if (!(contention >= 0 && contention <= 1)) {
		throw new RangeError(`contention must be in [0, 1], got ${contention}`);
	}
	if (!Number.isInteger(maxBalance) || maxBalance < 0) {
		throw new RangeError(`maxBalance must be a whole number >= 0, got ${maxBalance}`);
	}
	const rng = createPrng(seed);
	const state: BlockState = {};
	for (let i = 0; i < accounts; i++) state[`a${i}`] = rng.int(maxBalance + 1);
	for (let i = 0; i < counters; i++) state[`c${i}`] = 0;
	const hot = () => rng.next() < contention;
	const account = () => `a${hot() ? rng.int(2) : rng.int(accounts)}`;
	const counter = () => `c${hot() ? 0 : rng.int(counters)}`;
	const txs: BlockTx[] = [];
	for (let t = 0; t < size; t++) {
		const r = rng.next();
		if (r < 0.55) {
			const from = account();
			let to = account();
			if (to === from) to = `a${(Number(from.slice(1)) + 1) % accounts}`;
			txs.push({ kind: 'transfer', from, to, amount: 1 + rng.int(Math.max(1, maxBalance)) });
		} else if (r < 0.8) {
			txs.push({ kind: 'increment', key: counter() });
		} else if (r < 0.9) {
			txs.push({ kind: 'copy', from: account(), to: counter() });
		} else {
			txs.push({ kind: 'read', keys: [account(), account()] });
		}
	}
	return { state, txs };
}
