/**
 * The value encoding shared by the host and the sandbox (the prelude has a JavaScript twin of
 * these functions; keep them in step). Every value that crosses the sandbox boundary or sits in
 * contract storage is one string, so a storage slot, an argument list, a return value or an event
 * costs one string copy and bigint survives the trip:
 *
 * - `n<decimal>` bigint, `s<text>` string (a string containing U+0000 is encoded as `j<json>`, since
 *   a C string ends at U+0000), `d<number>` number, `t` true, `f` false, `z` null,
 *   `u` undefined (return values only);
 * - `j<json>` arrays and plain objects, as JSON in which a bigint is the string `"\u0000n<decimal>"`,
 *   a non-finite number `"\u0000d<NaN|Infinity|-Infinity>"`, and a string that starts with U+0000 gets
 *   one more `"\u0000s"` prefix. `undefined` inside arrays becomes null and is dropped from objects,
 *   as JSON does.
 *
 * Argument lists are '' (none), `j<json array>`, or `*` followed by the encodings of primitive
 * arguments joined by U+0001 (no string in them contains U+0001), which QuickJS splits much faster
 * than it parses JSON. Event arguments that are a flat object of primitives travel as `o` followed
 * by key U+0001 value U+0001 pairs, for the same reason.
 *
 * Limits keep one value bounded: at most MAX_VALUES values in a structure and MAX_CHARS characters
 * in its encoding.
 */

/** Most values (array items, object entries, nested) one encoded value may hold. */
export const MAX_VALUES = 10_000;
/** Longest encoding of one value, in UTF-16 code units. */
export const MAX_CHARS = 100_000;
/** Longest StorageMap key, in characters. */
export const MAX_KEY_CHARS = 1_000;

/** Thrown when a host value cannot be encoded; the message names `label` and the offending part. */
export class EncodeError extends Error {
	override name = 'EncodeError';
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') {
		const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)
			?.constructor;
		return ctor?.name ? `a ${ctor.name}` : 'an object';
	}
	return `a ${typeof value}`;
}

/**
 * Encodes a host value (argument, storage value). Throws EncodeError for functions, symbols,
 * class instances other than plain objects and arrays, cycles and values over the size limits.
 */
export function encodeValue(value: unknown, label: string): string {
	switch (typeof value) {
		case 'bigint':
			return 'n' + value.toString();
		case 'string':
			if (value.length >= MAX_CHARS)
				throw new EncodeError(
					`${label} is too large (a string of ${value.length} characters; the limit is ${MAX_CHARS})`
				);
			// U+0000 would end the C string that carries the value into QuickJS: JSON escapes it
			return value.includes('\u0000') ? 'j' + encodeJson(value, label) : 's' + value;
		case 'number':
			return 'd' + value;
		case 'boolean':
			return value ? 't' : 'f';
		case 'undefined':
			return 'u';
		case 'object':
			if (value === null) return 'z';
			return 'j' + encodeJson(value, label);
		default:
			throw new EncodeError(
				`${label} cannot be ${describe(value)}: use bigint, number, string, boolean, null, arrays or plain objects`
			);
	}
}

function encodeJson(value: object | string, label: string): string {
	let count = 0;
	const replacer = function (this: unknown, _key: string, item: unknown): unknown {
		if (++count > MAX_VALUES)
			throw new EncodeError(`${label} is too large (more than ${MAX_VALUES} values)`);
		switch (typeof item) {
			case 'bigint':
				return '\u0000n' + item.toString();
			case 'string':
				return item.charCodeAt(0) === 0 ? '\u0000s' + item : item;
			case 'number':
				return Number.isFinite(item) ? item : '\u0000d' + item;
			case 'function':
			case 'symbol':
				throw new EncodeError(`${label} cannot contain ${describe(item)}`);
			case 'object':
				if (item !== null) {
					if (!Array.isArray(item)) {
						const proto = Object.getPrototypeOf(item);
						if (proto !== Object.prototype && proto !== null)
							throw new EncodeError(
								`${label} can only contain plain objects and arrays, not ${describe(item)}`
							);
					}
				}
				return item;
			default:
				return item;
		}
	};
	let text: string;
	try {
		text = JSON.stringify(value, replacer);
	} catch (error) {
		if (error instanceof EncodeError) throw error;
		if (error instanceof TypeError && /circular|cyclic/i.test(error.message))
			throw new EncodeError(`${label} is cyclic (it contains itself)`);
		throw new EncodeError(`${label} cannot be encoded: ${(error as Error).message}`);
	}
	if (text.length > MAX_CHARS)
		throw new EncodeError(
			`${label} is too large (${text.length} characters encoded; the limit is ${MAX_CHARS})`
		);
	return text;
}

function reviver(_key: string, item: unknown): unknown {
	if (typeof item !== 'string' || item.charCodeAt(0) !== 0) return item;
	const tag = item.charCodeAt(1);
	const rest = item.slice(2);
	if (tag === 110) return BigInt(rest);
	if (tag === 100) return Number(rest);
	return rest;
}

/** Decodes a string made by encodeValue (or by the sandbox's twin). */
export function decodeValue(text: string): unknown {
	switch (text.charCodeAt(0)) {
		case 110:
			return BigInt(text.slice(1));
		case 115:
			return text.slice(1);
		case 100:
			return Number(text.slice(1));
		case 116:
			return true;
		case 102:
			return false;
		case 122:
			return null;
		case 117:
			return undefined;
		case 106:
			return JSON.parse(text.slice(1), reviver);
		default:
			throw new Error(`corrupt encoded value: ${text.slice(0, 40)}`);
	}
}

/** Encodes a StorageMap key: string, number or bigint (each type is its own key space). */
export function encodeKey(key: unknown, label: string): string {
	switch (typeof key) {
		case 'string':
			if (key.length > MAX_KEY_CHARS)
				throw new EncodeError(
					`${label}: key is too long (${key.length} characters; the limit is ${MAX_KEY_CHARS})`
				);
			return key.includes('\u0000') ? 'j' + encodeJson(key, label) : 's' + key;
		case 'bigint':
			return 'n' + key.toString();
		case 'number':
			return 'd' + key;
		default:
			throw new EncodeError(
				`${label}: keys must be string, number or bigint, not ${describe(key)}`
			);
	}
}

const SEP = '\u0001';

/** Encodes an argument list (see above). */
export function encodeArgs(args: readonly unknown[], label: string): string {
	if (args.length === 0) return '';
	const parts: string[] = [];
	for (const arg of args) {
		const t = typeof arg;
		if (arg !== null && t !== 'bigint' && t !== 'number' && t !== 'boolean' && t !== 'string')
			return 'j' + encodeJson(args, label);
		if (t === 'string' && ((arg as string).includes(SEP) || (arg as string).includes('\u0000')))
			return 'j' + encodeJson(args, label);
		parts.push(arg === null ? 'z' : encodeValue(arg, label));
	}
	const text = '*' + parts.join(SEP);
	return text.length > MAX_CHARS ? 'j' + encodeJson(args, label) : text;
}

/** Decodes an argument list made by encodeArgs (or by the sandbox's twin). */
export function decodeArgs(text: string): unknown[] {
	if (text === '') return [];
	if (text.charCodeAt(0) === 106) return decodeValue(text) as unknown[];
	return text.slice(1).split(SEP).map(decodeValue);
}

/** Decodes event arguments (`o` flat form or any encoded value). */
export function decodeEvent(text: string): Record<string, unknown> {
	if (text.charCodeAt(0) !== 111) return decodeValue(text) as Record<string, unknown>;
	const parts = text.slice(1).split(SEP);
	const out: Record<string, unknown> = {};
	// a field named __proto__ is defined, not assigned, so it stays a field and the object keeps its
	// prototype; every other field is assigned (defineProperty costs about 8x as much in V8)
	for (let i = 0; i + 1 < parts.length; i += 2) {
		const key = parts[i];
		const value = decodeValue(parts[i + 1]);
		if (key === '__proto__')
			Object.defineProperty(out, key, {
				value,
				writable: true,
				enumerable: true,
				configurable: true
			});
		else out[key] = value;
	}
	return out;
}
