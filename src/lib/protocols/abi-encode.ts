/**
 * Solidity ABI encoding, `abi.encode(types, values)`: the bytes a StandardMerkleTree leaf hashes.
 *
 * Follows the Solidity ABI specification ("Formal Specification of the Encoding", docs.soliditylang.org
 * `abi-spec.html`, Solidity 0.8): the values form a tuple; each static value is written in place
 * (32 bytes), each dynamic one (`bytes`, `string`, `T[]`, or `T[k]` of a dynamic `T`) as a uint256
 * offset in the head, its contents in the tail. Integers are 32-byte big-endian (two's complement for
 * `int<M>`), `address` and `bool` are left-padded, `bytes<M>` right-padded; `bytes` and `string`
 * are their length followed by their bytes right-padded to a multiple of 32.
 *
 * Supported types: `uint<M>` / `int<M>` (M = 8..256 by 8; `uint` and `int` mean 256), `address`,
 * `bool`, `bytes<M>` (M = 1..32), `bytes`, `string`, and arrays `T[]` / `T[k]` of any of them.
 * Tuples are not supported (a clear error says so).
 *
 * Values are taken as OpenZeppelin's merkle-tree takes them (through @metamask/abi-utils):
 * - integers: a bigint, a safe-integer number, a decimal string ('-5' for int) or 0x-hex string;
 * - `address`: 0x and 40 hex digits (any case; the checksum is not checked) or 20 bytes;
 * - `bool`: true or false;
 * - `bytes<M>`: 0x-hex of exactly M bytes or a Uint8Array of M bytes (stricter than abi-utils,
 *   which pads shorter values: a short bytes32 is almost always a mistake);
 * - `bytes`: 0x-hex (even number of digits) or a Uint8Array; `string`: any string (UTF-8);
 * - arrays: a JS array (of exactly k items for `T[k]`).
 * Bad types or values throw a TypeError / RangeError that names the position and the type.
 */
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

type AbiType =
	| { kind: 'uint' | 'int'; bits: number }
	| { kind: 'address' | 'bool' | 'bytes' | 'string' }
	| { kind: 'fixedBytes'; size: number }
	| { kind: 'array'; item: AbiType; length: number | null };

const WORD = 32;

/** Parses one ABI type string (see the module comment for the supported set). Throws a TypeError. */
function parseType(type: string): AbiType {
	const array = /^(.+)\[(\d*)\]$/.exec(type);
	if (array) {
		const length = array[2] === '' ? null : Number(array[2]);
		if (length !== null && (!Number.isSafeInteger(length) || length < 1)) {
			throw new TypeError(`'${type}': a fixed array needs a length of at least 1`);
		}
		return { kind: 'array', item: parseType(array[1]), length };
	}
	if (type.startsWith('(')) throw new TypeError(`'${type}': tuple types are not supported here`);
	const int = /^(u?int)(\d*)$/.exec(type);
	if (int) {
		const bits = int[2] === '' ? 256 : Number(int[2]);
		if (bits < 8 || bits > 256 || bits % 8 !== 0 || /^0/.test(int[2])) {
			throw new TypeError(`'${type}': integer sizes are 8 to 256 bits in steps of 8`);
		}
		return { kind: int[1] === 'uint' ? 'uint' : 'int', bits };
	}
	const fixed = /^bytes(\d+)$/.exec(type);
	if (fixed) {
		const size = Number(fixed[1]);
		if (size < 1 || size > 32 || /^0/.test(fixed[1])) {
			throw new TypeError(`'${type}': fixed byte arrays are bytes1 to bytes32`);
		}
		return { kind: 'fixedBytes', size };
	}
	if (type === 'address' || type === 'bool' || type === 'bytes' || type === 'string') {
		return { kind: type };
	}
	throw new TypeError(`unknown ABI type '${type}'`);
}

function isDynamic(t: AbiType): boolean {
	if (t.kind === 'bytes' || t.kind === 'string') return true;
	if (t.kind === 'array') return t.length === null || isDynamic(t.item);
	return false;
}

function word(value: bigint): Uint8Array {
	return hexToBytes(value.toString(16).padStart(WORD * 2, '0'));
}

function padRight(bytes: Uint8Array): Uint8Array {
	const out = new Uint8Array(Math.ceil(bytes.length / WORD) * WORD);
	out.set(bytes);
	return out;
}

function toInteger(value: unknown, where: string): bigint {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
	if (typeof value === 'string' && /^(-?\d+|0x[0-9a-fA-F]+)$/.test(value)) return BigInt(value);
	throw new TypeError(`${where}: expected an integer (bigint, decimal or 0x-hex string)`);
}

function toBytes(value: unknown, where: string, size?: number): Uint8Array {
	let bytes: Uint8Array;
	if (value instanceof Uint8Array) bytes = value;
	else if (typeof value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(value)) {
		bytes = hexToBytes(value.slice(2));
	} else throw new TypeError(`${where}: expected 0x-hex (an even number of digits) or bytes`);
	if (size !== undefined && bytes.length !== size) {
		throw new RangeError(`${where}: expected exactly ${size} bytes, got ${bytes.length}`);
	}
	return bytes;
}

function encodeInteger(t: { kind: 'uint' | 'int'; bits: number }, value: unknown, where: string) {
	const n = toInteger(value, where);
	const bits = BigInt(t.bits);
	const [min, max] =
		t.kind === 'uint' ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
	if (n < min || n > max) throw new RangeError(`${where}: ${n} does not fit in ${t.kind}${t.bits}`);
	return word(n < 0n ? 2n ** 256n + n : n);
}

function encodeOne(t: AbiType, value: unknown, where: string): Uint8Array {
	switch (t.kind) {
		case 'uint':
		case 'int':
			return encodeInteger(t, value, where);
		case 'address': {
			if (typeof value === 'string' && !/^0x[0-9a-fA-F]{40}$/.test(value)) {
				throw new TypeError(`${where}: an address is 0x followed by 40 hex digits`);
			}
			const bytes = toBytes(value, where, 20);
			return concatBytes(new Uint8Array(WORD - 20), bytes);
		}
		case 'bool':
			if (typeof value !== 'boolean') throw new TypeError(`${where}: expected true or false`);
			return word(value ? 1n : 0n);
		case 'fixedBytes':
			return padRight(toBytes(value, where, t.size));
		case 'bytes':
		case 'string': {
			if (t.kind === 'string' && typeof value !== 'string') {
				throw new TypeError(`${where}: expected a string`);
			}
			const bytes =
				typeof value === 'string' && t.kind === 'string'
					? utf8ToBytes(value)
					: toBytes(value, where);
			return concatBytes(word(BigInt(bytes.length)), padRight(bytes));
		}
		case 'array': {
			if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array`);
			if (t.length !== null && value.length !== t.length) {
				throw new RangeError(`${where}: expected ${t.length} items, got ${value.length}`);
			}
			const items = encodeTuple(
				value.map(() => t.item),
				value,
				where
			);
			return t.length === null ? concatBytes(word(BigInt(value.length)), items) : items;
		}
	}
}

function encodeTuple(types: AbiType[], values: readonly unknown[], where: string): Uint8Array {
	const heads: Uint8Array[] = [];
	const tails: Uint8Array[] = [];
	const headSize = types.reduce((sum, t) => sum + (isDynamic(t) ? WORD : staticSize(t)), 0);
	let offset = headSize;
	types.forEach((t, i) => {
		const encoded = encodeOne(t, values[i], `${where}[${i}]`);
		if (isDynamic(t)) {
			heads.push(word(BigInt(offset)));
			tails.push(encoded);
			offset += encoded.length;
		} else heads.push(encoded);
	});
	return concatBytes(...heads, ...tails);
}

function staticSize(t: AbiType): number {
	return t.kind === 'array' && t.length !== null ? t.length * staticSize(t.item) : WORD;
}

/**
 * `abi.encode(values...)` for the given ABI types: the tuple encoding described in the module
 * comment. Throws a TypeError when the counts differ, a type is unknown or a value has the wrong
 * shape; a RangeError when a value is out of range for its type.
 */
export function abiEncode(types: readonly string[], values: readonly unknown[]): Uint8Array {
	if (!Array.isArray(values)) throw new TypeError('values must be an array, one per type');
	if (types.length !== values.length) {
		throw new TypeError(`${types.length} types but ${values.length} values`);
	}
	return encodeTuple(
		types.map((t) => parseType(t)),
		values,
		'value'
	);
}
