import { BLOCK_GAS_LIMIT, DEFAULT_GAS_LIMIT, GAS_PRICE, GAS_TABLE } from '#lib/sim/gas.ts';
import type { PageServerLoad } from './$types';

// read at build time, so the engine's code stays out of the page's bundle
export const load: PageServerLoad = () => ({
	gas: GAS_TABLE.map((row) => ({ ...row })),
	gasPriceGwei: Number(GAS_PRICE / 1_000_000_000n),
	defaultGasLimit: DEFAULT_GAS_LIMIT,
	blockGasLimit: BLOCK_GAS_LIMIT
});
