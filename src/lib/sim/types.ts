/**
 * Public types of the engine. Amounts are bigint wei (1 ETH = 10^18 wei); gas is a number;
 * addresses are 0x-prefixed, 40 lowercase hex digits; times are unix seconds.
 */
import type { ErrorKind } from '#lib/model/errors.ts';
import type { LoopMap } from './sandbox/loops.ts';
import type { Signature } from './sandbox/signatures.ts';

/** Why a transaction, call or deploy failed: the app's one list, src/lib/model/errors.ts. */
export type { ErrorKind };

/** A failure, located in contract source when possible. */
export type ExecError = {
	kind: ErrorKind;
	/** learner-facing text: the revert reason, or what went wrong */
	message: string;
	/** 1-based line in the TypeScript of the contract at `address` */
	line?: number;
	/** the contract where the failure happened (the innermost frame), when known */
	address?: string;
};

/** One event a contract emitted. */
export type Log = {
	/** the emitting contract */
	address: string;
	event: string;
	/** decoded arguments; amounts are bigint */
	args: Record<string, unknown>;
};

/** The outcome of a transaction. */
export type Receipt = {
	status: 'success' | 'reverted';
	/** gas used, including the 21,000 every transaction pays; an out-of-gas failure uses all of gasLimit */
	gasUsed: number;
	/** events, in order; empty when the transaction reverted */
	logs: Log[];
	/** the called method's return value (undefined when it failed or returned nothing) */
	returnValue: unknown;
	error?: ExecError;
	/** keccak-256 of the transaction */
	txHash: string;
	/** block that included it; for an invalid transaction (never included), the chain's head */
	blockNumber: number;
	/** sender address */
	from: string;
	/** called contract or recipient; for a deploy, the new contract's address */
	to: string;
	/** called method: 'constructor' for a deploy, 'receive' for a plain transfer */
	method: string;
	args: unknown[];
	chainId: number;
	/** native coin sent along, wei */
	value: bigint;
	nonce: number;
	gasLimit: number;
	/** wei per gas */
	gasPrice: bigint;
	/** gasUsed * gasPrice, wei, burned */
	fee: bigint;
	/** false for an invalid transaction: no block, no fee, no nonce change */
	included: boolean;
	/**
	 * the call trace: every call frame the transaction ran, in the order they were entered (the
	 * transaction's own frame first, then nested and re-entrant ones depth-first); empty for an
	 * invalid transaction. The engine sets it on every receipt; optional for receipts made by hand
	 */
	calls?: CallFrame[];
};

/**
 * One call frame of a transaction's call trace: the transaction's own call, a cross-contract call
 * (Contract.at, Token.at), a native transfer (`transfer()`, which runs the callee's receive()) or
 * a deploy's constructor. Balances are native coin in wei, read without gas.
 */
export type CallFrame = {
	/** 0 for the transaction's own frame, +1 per nesting */
	depth: number;
	/** index in the trace of the frame that made this call; -1 for the transaction's own frame */
	parent: number;
	/** msg.sender of the frame */
	caller: string;
	/** the contract or account called */
	callee: string;
	/** the method, 'receive' for a plain native transfer, 'constructor' for a deploy */
	method: string;
	/** native coin sent with the call (msg.value), wei */
	value: bigint;
	/** the callee's native balance when the frame was entered, before `value` arrived */
	balanceIn: bigint;
	/** the callee's native balance when the frame returned (after a revert: as it was restored to) */
	balanceOut: bigint;
	/** 'ok', or 'reverted' when the frame failed and its writes, transfers and logs were undone */
	status: 'ok' | 'reverted';
	/** why the frame failed (its own revert, or one it let propagate from a nested call) */
	error?: ExecError;
	/** gas used inside the frame, nested frames included (not the 21,000 of the transaction) */
	gasUsed: number;
	/** the callee's token balances at entry and exit, for the tokens the chain traces (Chain.traceTokens) */
	tokens?: { token: string; balanceIn: bigint; balanceOut: bigint }[];
};

/** A transaction to send. Names ('alice') or addresses are accepted for `from` and `to`. */
export type TxRequest = {
	from: string;
	to: string;
	/** method to call; omit for a plain transfer of `value` (runs a contract's receive()) */
	method?: string;
	args?: unknown[];
	/** wei, default 0n */
	value?: bigint;
	/** default DEFAULT_GAS_LIMIT (10,000,000) */
	gasLimit?: number;
	/** wei per gas, default and minimum GAS_PRICE (1 gwei); mempool order is by gasPrice */
	gasPrice?: bigint;
	/** default: the sender's next nonce (counting its pending transactions) */
	nonce?: number;
};

/** Options of chain.deploy(). */
export type DeployOptions = {
	/** contract name, used in messages and as the file name in stack lines; default 'Contract' */
	name?: string;
	from: string;
	/** constructor arguments */
	args?: unknown[];
	/** wei sent to the constructor */
	value?: bigint;
	gasLimit?: number;
};

/** Options of chain.deployToken(). The token has 18 decimals. */
export type TokenOptions = {
	name: string;
	symbol: string;
	/** deployer; receives the supply */
	from: string;
	/** initial supply in the smallest unit (wei-like), default 0n */
	supply?: bigint;
};

/** A contract's code as stored in chain state. */
export type CodeRecord = {
	kind: 'code';
	name: string;
	/** file name used in stack lines: `${name}.ts` */
	file: string;
	/** the learner's TypeScript */
	source: string;
	/** compiled JavaScript (see sandbox/transform.ts) */
	js: string;
	privates: string[];
	/** parameter lists of the methods and constructor (sandbox/signatures.ts); older records lack it */
	signatures?: Record<string, Signature>;
	/** blocks and loops of the compiled code (sandbox/loops.ts) */
	loops: LoopMap;
	/** public methods */
	methods: string[];
	/** the fields captured after the constructor, as the sandbox encoded them */
	fields: string;
	/** text hashed into the state digest */
	digest: string;
	/**
	 * gas the file's top level (and class setup) used at deploy; reloading the contract after a
	 * sandbox rebuild runs it again under a meter of this much plus RELOAD_GAS_MARGIN (exec.ts)
	 */
	loadGas?: number;
};

/** The built-in ERC-20 token as stored in chain state. */
export type TokenRecord = {
	kind: 'token';
	name: string;
	symbol: string;
	decimals: 18;
	digest: string;
};

/** What lives at a contract address. */
export type ContractRecord = CodeRecord | TokenRecord;

/** Chain configuration for createWorld(). */
export type ChainConfig = {
	id: number;
	/** seconds between blocks, default 12 */
	blockTime?: number;
	/** unix seconds of block 0, default 1,700,000,000 (2023-11-14) */
	genesisTime?: number;
};

/** Options of createWorld(). */
export type WorldOptions = {
	/** seeds world.random(); same seed and same inputs give the same state hash */
	seed: number;
	/** default: one chain, id 1, block time 12 s */
	chains?: ChainConfig[];
	/**
	 * QuickJS allocation budget for all contracts of the world, default 64 MiB. Under Emscripten
	 * QuickJS counts 8 bytes per allocation, so this bounds the number of allocations; bytes are
	 * capped for the whole worker by the WebAssembly heap maximum (sandbox/quickjs.ts, 512 MiB).
	 */
	memoryLimit?: number;
	/**
	 * QuickJS stack in bytes, default 64 KiB (sandbox/sandbox.ts SandboxOptions.stackLimit). Tests
	 * raise it to make native recursion overflow the host stack and check that the engine recovers.
	 */
	stackLimit?: number;
};
