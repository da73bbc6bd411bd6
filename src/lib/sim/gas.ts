/**
 * The gas schedule: what every host operation and every step of contract code costs. One table,
 * exported as data so the UI can show it; docs/gas.md is the same table in prose. The figures
 * follow the Ethereum Yellow Paper's fee schedule after EIP-2929 (cold/warm access) and EIP-2200
 * (storage writes), simplified: no refunds, no 63/64 rule, no memory expansion. Compute gas comes
 * from the sandbox's interrupt counter: one tick is one function call or one jump of a loop or
 * branch in QuickJS's bytecode interpreter, and one more per 256 instructions run between two
 * ticks (straightLine, sandbox/step-charge.ts).
 */

/** Gas per operation. */
export const GAS = {
	/** every transaction (Yellow Paper G_transaction) */
	txBase: 21_000,
	/** per byte of the encoded method name and arguments (G_txdatanonzero, EIP-2028) */
	txDataByte: 16,
	/** deploying a contract (G_txcreate) */
	create: 32_000,
	/** per byte of contract source stored at deploy (G_codedeposit) */
	createByte: 200,
	/** per sandbox tick: a function call or a loop/branch jump in contract code */
	compute: 10,
	/** per 256 bytecode instructions run without a call or a jump, past the first 256, as ticks */
	straightLine: 10,
	/** per 10,000 steps of regular-expression backtracking */
	regexSteps: 20_000,
	/** per 4 items (array elements or characters) a length-driven built-in may visit, past the first 256 */
	builtinItems: 1,
	/** per 512 bytes of one allocation of 4 KiB or more (a long string joined, copied or grown), as ticks */
	allocChunk: 10,
	/** per 512 characters two strings are compared over (===, <, a Map key found), as ticks */
	stringCompare: 10,
	/** per 256 characters of a string hashed (a Map or Set key, a property name), as ticks */
	stringHash: 10,
	/** per 32 characters of a string converted to a number (+text, Number(text)), as ticks */
	stringToNumber: 10,
	/** first read of a storage slot in a transaction (G_coldsload, EIP-2929) */
	storageReadCold: 2_100,
	/** later reads of the same slot (G_warmaccess) */
	storageReadWarm: 100,
	/** writing a slot that was empty, per 32 bytes of the encoded value (G_sset) */
	storageSet: 20_000,
	/** writing or clearing a slot that held a value, per 32 bytes (G_sreset, EIP-2929) */
	storageReset: 2_900,
	/** writing a slot already written in this transaction (EIP-2200 dirty slot) */
	storageDirty: 100,
	/** first touch of an account in a transaction: call, balance read (G_coldaccountaccess) */
	accountCold: 2_600,
	/** later touches of the same account (G_warmaccess) */
	accountWarm: 100,
	/** moving native coin from a contract, or sending value with a call (G_callvalue) */
	valueTransfer: 9_000,
	/** every event (G_log) */
	logBase: 375,
	/** per topic; an event's name is its one topic (G_logtopic) */
	logTopic: 375,
	/** per byte of the encoded event arguments (G_logdata) */
	logByte: 8,
	/** keccak256 (G_keccak256) */
	hashBase: 30,
	/** keccak256, per 32-byte word hashed (G_keccak256word) */
	hashWord: 6,
	/** sha256, base (the SHA256 precompile, 60) */
	sha256Base: 60,
	/** sha256, per 32-byte word hashed (the SHA256 precompile, 12) */
	sha256Word: 12,
	/** modPow / modInverse at least; larger operands follow EIP-2565 (crypto.ts modExpGas) */
	modExp: 200,
	/** blockRandomness(n): the randomness of a block (like BLOCKHASH, G_blockhash) */
	blockRandomness: 20,
	/** ecrecover(digest, v, r, s): recover a secp256k1 signer (the ECRECOVER precompile, G_ecrec) */
	ecrecover: 3_000,
	/**
	 * ed25519Verify(publicKey, message, signature): verify an Ed25519 signature, plus sha256Word per
	 * 32-byte word of the message; priced by host time against ecrecover (docs/gas.md)
	 */
	ed25519Verify: 2_700
} as const;

/** Names of the operations in GAS. */
export type GasOperation = keyof typeof GAS;

/** One row of the schedule as the UI shows it. */
export type GasRow = { operation: GasOperation; gas: number; what: string; ethereum: string };

/** The schedule as rows, with a learner-facing description and the Ethereum figure it follows. */
export const GAS_TABLE: readonly GasRow[] = [
	['txBase', 'every transaction', 'G_transaction 21,000'],
	['txDataByte', 'per byte of the method name and encoded arguments', 'G_txdatanonzero 16'],
	['create', 'deploying a contract', 'G_txcreate 32,000'],
	['createByte', 'per byte of contract source stored at deploy', 'G_codedeposit 200'],
	[
		'compute',
		'per step of contract code (a function call or a loop jump)',
		'about 3-10 per opcode'
	],
	[
		'straightLine',
		'per 256 instructions run without a call or a jump, past the first 256 (allocation 16, prototype hop 1)',
		'none (the EVM charges every opcode, 3 for an ADD)'
	],
	['regexSteps', 'per 10,000 steps of regular-expression matching', 'none (no regex on Ethereum)'],
	[
		'builtinItems',
		'per 4 array elements or characters a built-in such as indexOf, join or sort may visit, past the first 256',
		'none (like memory expansion, paid before the work)'
	],
	[
		'allocChunk',
		'per 512 bytes of one allocation of 4 KiB or more, such as a long string joined with + and read',
		'none (like memory expansion, but per copy)'
	],
	[
		'stringCompare',
		'per 512 characters two strings are compared over, with ===, <, switch or sort, or as a Map key',
		'none (like memory expansion, paid before the work)'
	],
	[
		'stringHash',
		'per 256 characters of a string used as a Map or Set key or a property name',
		'none (like memory expansion, paid before the work)'
	],
	[
		'stringToNumber',
		'per 32 characters of a string converted to a number, with +text, text * 1 or Number(text)',
		'none (like memory expansion, paid before the work)'
	],
	['storageReadCold', 'first read of a storage slot in a transaction', 'G_coldsload 2,100'],
	['storageReadWarm', 'later reads of the same slot', 'G_warmaccess 100'],
	['storageSet', 'writing an empty slot, per 32 bytes of value', 'G_sset 20,000'],
	['storageReset', 'writing or clearing a slot that held a value, per 32 bytes', 'G_sreset 2,900'],
	['storageDirty', 'writing a slot already written in this transaction', 'warm SSTORE 100'],
	[
		'accountCold',
		'first call to (or balance read of) an account in a transaction',
		'G_coldaccountaccess 2,600'
	],
	['accountWarm', 'later calls to the same account', 'G_warmaccess 100'],
	['valueTransfer', 'sending native coin from a contract or with a call', 'G_callvalue 9,000'],
	['logBase', 'every event', 'G_log 375'],
	['logTopic', 'per topic (the event name is one topic)', 'G_logtopic 375'],
	['logByte', 'per byte of encoded event arguments', 'G_logdata 8'],
	['hashBase', 'keccak256', 'G_keccak256 30'],
	['hashWord', 'keccak256, per 32-byte word', 'G_keccak256word 6'],
	['sha256Base', 'sha256', 'SHA256 precompile 60'],
	['sha256Word', 'sha256, per 32-byte word', 'SHA256 precompile 12 per word'],
	[
		'modExp',
		'modPow or modInverse, at least (more for big operands)',
		'MODEXP minimum 200 (EIP-2565)'
	],
	['blockRandomness', "blockRandomness(n): a block's seeded randomness", 'BLOCKHASH 20'],
	[
		'ecrecover',
		'ecrecover(digest, v, r, s): the address that signed a digest',
		'ECRECOVER precompile 3,000'
	],
	[
		'ed25519Verify',
		'ed25519Verify(key, message, signature): check an Ed25519 signature, plus 12 per 32-byte word',
		'none; priced by host time against ecrecover'
	]
].map(([operation, what, ethereum]) => ({
	operation: operation as GasOperation,
	gas: GAS[operation as GasOperation],
	what,
	ethereum
}));

/** Wei per unit of gas: a fixed 1 gwei base fee, burned (as EIP-1559 burns the base fee). */
export const GAS_PRICE = 1_000_000_000n;

/** Gas limit of a transaction that does not give one. */
export const DEFAULT_GAS_LIMIT = 10_000_000;

/** Most gas one block may use; a transaction asking for more is invalid (Ethereum: 30M). */
export const BLOCK_GAS_LIMIT = 30_000_000;

/** Gas limit of chain.view() calls (they cost nothing, this only stops endless loops). */
export const VIEW_GAS_LIMIT = 50_000_000;

/** Most nested call frames in one transaction, the outermost included. */
export const MAX_CALL_DEPTH = 64;

/** Number of 32-byte words in `bytes` bytes, at least one. */
export function words(bytes: number): number {
	return bytes <= 32 ? 1 : Math.ceil(bytes / 32);
}

/** Intrinsic gas of a call: txBase plus txDataByte per byte of method name and arguments. */
export function intrinsicGas(dataBytes: number): number {
	return GAS.txBase + GAS.txDataByte * dataBytes;
}

/** Gas of one event with `dataBytes` bytes of encoded arguments. */
export function logGas(dataBytes: number): number {
	return GAS.logBase + GAS.logTopic + GAS.logByte * dataBytes;
}

/**
 * Gas of a length-driven built-in (Array, TypedArray, String, RegExp and JSON methods, see
 * sandbox/native-gas.ts) that may visit `items` items past the free ones: GAS.builtinItems per 4,
 * rounded up. A huge count (a sparse array of length 2^32 - 1) simply exceeds any gas limit.
 */
export function builtinGas(items: number): number {
	if (!(items > 0)) return 0;
	return Math.ceil(Math.min(items, Number.MAX_SAFE_INTEGER) / 4) * GAS.builtinItems;
}

/** Gas of keccak256 over `bytes` bytes. */
export function hashGas(bytes: number): number {
	return GAS.hashBase + GAS.hashWord * Math.ceil(bytes / 32);
}
