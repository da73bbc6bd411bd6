/* eslint-disable @typescript-eslint/no-explicit-any -- an untyped contract handle accepts any call */
/**
 * The 'chainlab' module: everything a Chainlab contract can import. Contracts are TypeScript
 * classes that run on the simulated chain, one call at a time, synchronously.
 */
declare module 'chainlab' {
	/**
	 * A value that can be kept in storage, passed as an argument, returned or put in an event:
	 * bigint, number, string, boolean, null, and arrays or plain objects of those.
	 * `undefined` inside arrays becomes null; functions, Maps, Sets and class instances cannot be stored.
	 */
	export type StorageData =
		bigint | number | string | boolean | null | StorageData[] | { [key: string]: StorageData };

	/** A StorageMap key. Each type is its own key space: 1, 1n and '1' are three different keys. */
	export type StorageKey = string | number | bigint;

	/** Why a call failed. */
	export type ErrorKind =
		'revert' | 'out-of-gas' | 'runtime' | 'call-depth' | 'memory' | 'invalid-tx' | 'syntax';

	/**
	 * The base class of every contract. Write `export default class MyContract extends Contract`.
	 *
	 * - The constructor runs once, at deploy; deploy arguments arrive as its parameters.
	 * - Public methods can be called by transactions and by other contracts. Methods marked
	 *   `private` or `protected` can only be called from inside the contract.
	 * - A method named `receive()` runs when someone sends native coin without calling a method.
	 * - Fields are fixed once the constructor has run: assigning `this.x = ...` later throws.
	 *   Keep state that changes in a StorageValue or StorageMap. A field may hold a StorageValue,
	 *   a StorageMap, a handle from Token.at / Contract.at, or a constant value.
	 * - Methods must be synchronous: `async` methods are refused at deploy.
	 * - Variables at the top of the file are scratch space, not state: they are not stored, not
	 *   undone by a revert, and may start over at any time. Use them for constants.
	 */
	export abstract class Contract {
		/** This contract's address: 0x followed by 40 lowercase hex digits. */
		readonly address: string;
		/** This contract's native coin balance, in wei (1 ETH = 10n ** 18n). Reading it costs gas. */
		readonly balance: bigint;
		/**
		 * A handle to the contract at `address`: calling one of its methods is a cross-contract call
		 * that runs right away, in a new call frame, with `msg.sender` = this contract. If the call
		 * fails it throws a CallError and everything the called contract did is undone; you may catch it.
		 *
		 * A callback is the same thing: calling back into `msg.sender` (a flash swap's
		 * `Contract.at(to).uniswapV2Call(...)`) runs the caller's method while your call is still
		 * open, so it can call you again (re-entrancy) unless you guard against it. Costs 2,600 gas for
		 * the first call to an address in a transaction (100 after), plus 9,000 when `value` is sent.
		 *
		 * @param address the contract to call
		 * @param options `value`: wei sent along with every call made through this handle (arrives as msg.value)
		 * @example Contract.at<Oracle>(oracleAddress).getAssetPrice(weth)
		 * @example Contract.at(to).uniswapV2Call(msg.sender, amount0Out, amount1Out, data) // flash-swap callback
		 */
		static at<T = { [method: string]: (...args: any[]) => any }>(
			address: string,
			options?: { value?: bigint }
		): T & { readonly address: string };
	}

	/**
	 * One value kept in contract storage, under `name`. Every get() and set() is a storage read or
	 * write: it costs gas (see the gas table) and is undone if the call reverts.
	 * @example total = new StorageValue<bigint>('total', 0n);
	 */
	export class StorageValue<T = StorageData> {
		/**
		 * @param name the storage name; unique within the contract
		 * @param initial what get() returns until the first set()
		 */
		constructor(name: string, initial: T);
		/** The stored value, or the initial value if it was never set. Objects and arrays come back as fresh copies. */
		get(): T;
		/** Stores `value` (a StorageData value; not undefined). */
		set(value: T): void;
	}

	/**
	 * A mapping kept in contract storage, under `name`, like Solidity's `mapping`. Keys are
	 * strings, numbers or bigints; there is no iteration over entries. Every call is a storage read
	 * or write: it costs gas and is undone if the call reverts.
	 * @example balances = new StorageMap<string, bigint>('balances');
	 */
	export class StorageMap<K extends StorageKey = string, V = StorageData> {
		/** @param name the storage name; unique within the contract */
		constructor(name: string);
		/** The value at `key`, or undefined if there is none. Objects and arrays come back as fresh copies: set() them back to keep changes. */
		get(key: K): V | undefined;
		/** Stores `value` at `key` (a StorageData value; not undefined: use delete()). */
		set(key: K, value: V): void;
		/** True when `key` has a value. Costs a storage read. */
		has(key: K): boolean;
		/** Removes `key`; returns true if it had a value. */
		delete(key: K): boolean;
	}

	/** The current call. */
	export const msg: {
		/** Who called: the account that sent the transaction, or the contract that made this call. */
		readonly sender: string;
		/** Native coin sent with this call, in wei. */
		readonly value: bigint;
	};

	/** The block the current transaction is in. */
	export const block: {
		/** Block number. */
		readonly number: number;
		/** Block time in unix seconds. The only clock a contract has. */
		readonly timestamp: number;
		/** The chain's id (1 unless the lesson sets up several chains). */
		readonly chainId: number;
	};

	/**
	 * Reverts the call with `reason` unless `condition` holds. A revert undoes everything the call
	 * did (storage writes, transfers, events); the transaction still pays for the gas it used.
	 * @example require(amount > 0n, 'amount must be positive');
	 */
	export function require(condition: unknown, reason?: string): asserts condition;

	/**
	 * Reverts the call with `reason`: everything it did is undone, and the receipt shows
	 * status 'reverted' with this reason and the line. Catching the error inside the same call does
	 * not save it: the call still fails.
	 */
	export function revert(reason?: string): never;

	/**
	 * Emits an event: a log in the transaction's receipt that the app and other programs can read.
	 * Costs gas per byte. Dropped if the call reverts.
	 * @param event the event's name, such as 'Transfer'
	 * @param args its fields, such as { from, to, amount }
	 */
	export function emit(event: string, args?: { [field: string]: StorageData }): void;

	/**
	 * Sends `amount` wei of native coin from this contract to `to`. If `to` is a contract, its
	 * receive() runs (and may call back into you: this is how re-entrancy happens). Throws a
	 * CallError if the balance is too low or the recipient reverts (or has no receive()).
	 * Costs 9,000 gas plus 2,600 for the first touch of `to` in a transaction (100 after), plus
	 * whatever the recipient's receive() uses.
	 */
	export function transfer(to: string, amount: bigint): void;

	/**
	 * keccak-256 hash, as 0x and 64 hex digits. A 0x-prefixed even-length hex string is hashed as the
	 * bytes it encodes; any other string as its UTF-8 text. Costs 30 gas plus 6 per 32 bytes.
	 * @example keccak256('hello') // '0x1c8aff95...'
	 */
	export function keccak256(data: string | Uint8Array): string;

	/**
	 * SHA-256 hash (FIPS 180-4), as 0x and 64 hex digits; data is read as keccak256 reads it.
	 * Costs 60 gas plus 12 per 32 bytes.
	 * @example sha256('abc') // '0xba7816bf...'
	 */
	export function sha256(data: string | Uint8Array): string;

	/**
	 * `base ** exponent % modulus`, computed fast (square-and-multiply); the result is in
	 * [0, modulus). Throws a RangeError when modulus < 1n or exponent < 0n (use modInverse).
	 * Operands up to 4,096 bits. Costs at least 200 gas, more for big operands (EIP-2565).
	 * @example modPow(4n, 3n, 23n) // 18n
	 */
	export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint;

	/**
	 * The inverse of `a` modulo `modulus`: the b in [0, modulus) with a * b % modulus == 1n.
	 * Throws a RangeError when there is none (a and modulus share a factor) or modulus < 2n.
	 * Costs as modPow(a, modulus, modulus).
	 * @example modInverse(3n, 11n) // 4n, since 3 * 4 = 12 = 1 mod 11
	 */
	export function modInverse(a: bigint, modulus: bigint): bigint;

	/**
	 * The chain's seeded randomness of block `blockNumber` (default: the current block), a 256-bit
	 * bigint. The same for every call in that block, and known to everyone once the block exists
	 * (like Ethereum's PREVRANDAO): use it as a challenge that is drawn in a later block than the
	 * commitment it tests. Throws a RangeError for a block after the current one. Costs 20 gas.
	 * @example const c = blockRandomness() % 2n; // a fair coin for this block
	 */
	export function blockRandomness(blockNumber?: number): bigint;

	/**
	 * The address that signed `digest` with secp256k1, as Ethereum's ecrecover precompile computes
	 * it: 0x and 40 lowercase hex digits, or null when no key made this signature (v not 27 or 28,
	 * r or s outside [1, n), or no curve point fits). A wrong digest or a forged signature does not
	 * fail: it recovers some other address, so compare the result with the signer you expect.
	 * Throws a TypeError when digest is not 0x and 64 hex digits. Costs 3,000 gas.
	 * @example ecrecover(keccak256('0x' + payload), 27, r, s) === expectedSigner
	 */
	export function ecrecover(digest: string, v: number, r: bigint, s: bigint): string | null;

	/**
	 * Whether `signature` is a valid Ed25519 signature (RFC 8032, the scheme of Tendermint and
	 * CometBFT validators) by `publicKey` over `message`. `publicKey` is 0x and 64 hex digits (32
	 * bytes); `signature` is 0x and 128 hex digits (64 bytes: R then S); `message` is read as sha256
	 * reads it (a 0x-hex string as the bytes it encodes, other text as UTF-8). A forged signature,
	 * another message or another key gives false, and so does a key that is not a point of the
	 * curve. Throws a TypeError when a key or signature is not 0x-hex of that length, or the message
	 * is neither a string nor a Uint8Array. Costs 2,700 gas plus 12 per 32 bytes of message.
	 * @example ed25519Verify(validator.publicKey, voteBytes, commitSig.signature) // true or false
	 */
	export function ed25519Verify(
		publicKey: string,
		message: string | Uint8Array,
		signature: string
	): boolean;

	/** An ERC-20 token (EIP-20; the built-in tokens have 18 decimals). Amounts are in the smallest unit. */
	export interface Token {
		/** The token's address. */
		readonly address: string;
		name(): string;
		symbol(): string;
		/** 18 for the built-in tokens: 1 whole token is 10n ** 18n units. */
		decimals(): number;
		totalSupply(): bigint;
		balanceOf(account: string): bigint;
		/** Moves `amount` from this contract to `to`. Reverts with 'ERC20: transfer amount exceeds balance'. */
		transfer(to: string, amount: bigint): boolean;
		/** Moves `amount` from `from` to `to`, spending the allowance `from` gave this contract. */
		transferFrom(from: string, to: string, amount: bigint): boolean;
		/** Lets `spender` move up to `amount` of this contract's tokens. */
		approve(spender: string, amount: bigint): boolean;
		/** How much `spender` may still move for `owner`. */
		allowance(owner: string, spender: string): bigint;
	}

	/** Handles to ERC-20 tokens. */
	export const Token: {
		/** The token at `address`; calls run right away, as cross-contract calls. */
		at(address: string): Token;
	};

	/**
	 * Thrown by a cross-contract call (Contract.at, Token.at, transfer) that failed. The called
	 * contract's changes are already undone; catch it to carry on, or let it propagate to fail too.
	 */
	export class CallError extends Error {
		private constructor();
		/** Why the call failed: 'revert' for require/revert, or another ErrorKind. */
		readonly kind: ErrorKind;
		/** The revert reason or error message. */
		readonly reason: string;
		/** The line in the called contract, when known. */
		readonly line?: number;
		/** The contract where the failure happened. */
		readonly address?: string;
	}
}
