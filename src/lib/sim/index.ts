/**
 * Chainlab's chain simulator: worlds of chains, accounts, blocks and transactions, with contracts
 * written in TypeScript running in a QuickJS sandbox. Plain TypeScript, no DOM: it runs in the
 * simulation worker, in Node tests and in benchmarks.
 */
export { createWorld, World } from './world.ts';
export { Chain, type PendingTx } from './chain.ts';
export { Block, type BlockHeader, ZERO_HASH } from './block.ts';
export { DeployError, ExecutionError } from './errors.ts';
export type { StorageReader } from './storage-reader.ts';
export {
	BLOCK_GAS_LIMIT,
	DEFAULT_GAS_LIMIT,
	GAS,
	GAS_PRICE,
	GAS_TABLE,
	MAX_CALL_DEPTH,
	VIEW_GAS_LIMIT,
	type GasOperation,
	type GasRow
} from './gas.ts';
export {
	accountAddress,
	contractAddress,
	isAddress,
	STARTING_BALANCE,
	ZERO_ADDRESS
} from './accounts.ts';
export { keccak256, merkleRoot } from './hash.ts';
export { ETHER, formatUnits, GWEI, parseUnits } from './units.ts';
export { MAX_UINT256 } from './token.ts';
export { decodeValue, encodeValue, MAX_CHARS, MAX_VALUES } from './codec.ts';
export type {
	CallFrame,
	ChainConfig,
	DeployOptions,
	ErrorKind,
	ExecError,
	Log,
	Receipt,
	TokenOptions,
	TxRequest,
	WorldOptions
} from './types.ts';
