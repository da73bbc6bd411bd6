/**
 * The slice of the engine (src/lib/sim) the scenario runtime uses, in one place, so the rest of
 * the runtime speaks only these names.
 */
import {
	createWorld,
	type CallFrame,
	type Chain,
	type ChainConfig,
	type Receipt,
	type World
} from '#lib/sim/index.ts';
import type { ChainHead } from '#lib/model/frame.ts';

export type { CallFrame, Chain, ChainConfig, Receipt, World };
export { Random } from '#lib/sim/random.ts';

/**
 * A new world for one run or one probe.
 * @param seed the run's seed (same seed and sources give the same state hash)
 * @param chains chain ids and block times (seconds); default one chain id 1, 12 s blocks
 */
export function newWorld(seed: number, chains?: ChainConfig[]): World {
	return createWorld(chains ? { seed, chains } : { seed });
}

/** Free a world's sandbox (QuickJS) memory. */
export function disposeWorld(world: World): void {
	world.dispose();
}

/** Number and timestamp (unix seconds) of a chain's latest block. */
export function chainHead(chain: Chain): { number: number; timestamp: number } {
	return { number: chain.blockNumber, timestamp: chain.timestamp };
}

/** Every chain's latest block, in the world's chain order (the default chain first). */
export function chainHeads(world: World): ChainHead[] {
	return world.chains.map((chain) => ({
		chainId: chain.id,
		number: chain.blockNumber,
		timestamp: chain.timestamp
	}));
}

/** The receipt of the transaction a deploy just mined (deploys go in their own block). */
export function lastReceipt(chain: Chain): Receipt | undefined {
	return chain.head.receipts.at(-1);
}
