/**
 * The JavaScript that runs first in every contract's QuickJS context: the 'chainlab' module
 * (Contract, StorageValue, StorageMap, msg, block, require, revert, emit, transfer, Token,
 * keccak256, CallError), the value codec (twin of codec.ts), the dispatcher the host calls, and
 * the hardening that freezes every built-in before learner code runs.
 *
 * It is a string, not a TypeScript function, so bundlers cannot rewrite it. It evaluates to a
 * function taking the host functions; they are captured in this closure and never reachable from
 * contract code. Host protocol (all strings):
 * - dispatch(packed): packed = mode, method, sender, value, block number, timestamp, chain id and
 *   the encoded argument list (codec.ts encodeArgs) joined by U+0001; mode `c` call, `r` receive,
 *   `k` construct. Returns `R<value>`, `E<failure json>` or, for `k`, `F<fields json>`.
 * - install(moduleFn, address, file, privateNamesJson): runs the module, returns `R<methods json>`
 *   or `E<failure json>`.
 * - instantiate(fieldsJson): builds the live instance from captured fields (no learner code runs).
 */
import { CODEC } from './prelude-codec.ts';
import { HARDEN } from './harden.ts';
import { NATIVE_GAS } from './native-gas.ts';
import { MAX_MESSAGE_CHARS } from '../text.ts';

export const PRELUDE_FILE = '<chainlab>';

export const PRELUDE = String.raw`(function (H) {
'use strict';
const hLoad = H.load, hStore = H.store, hErase = H.erase, hLog = H.log, hCall = H.call;
const hSend = H.send, hBalance = H.balance, hHash = H.hash, hCrypto = H.crypto;
const O = Object, freeze = O.freeze, getProto = O.getPrototypeOf, getDesc = O.getOwnPropertyDescriptor;
const defineProp = O.defineProperty, ownKeys = Reflect.ownKeys, isArray = Array.isArray;
const stringify = JSON.stringify, parse = JSON.parse;
// the prelude's own string work calls the native methods directly, not their metered wrappers (native-gas.ts)
const sIndexOf = String.prototype.indexOf, sSlice = String.prototype.slice, sSplit = String.prototype.split;
const BigIntFn = BigInt, StringFn = String, NumberFn = Number, isFiniteNumber = Number.isFinite;
const ObjectProto = O.prototype, PromiseIntrinsic = Promise, ProxyFn = Proxy;
const AsyncFunctionProto = getProto(async function () {});
const AsyncGeneratorFunctionProto = getProto(async function* () {});
const MAX_VALUES = 10000, MAX_CHARS = 100000, MAX_KEY_CHARS = 1000, MAX_MESSAGE_CHARS = ${MAX_MESSAGE_CHARS};
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

let SELF = '', FILE = '', NAME = '', Cls = null, instance = null, privates = new Set(), signatures = O.create(null);
let frame = null;
const methodCache = new Map();

function describe(v) {
	if (v === null) return 'null';
	if (isArray(v)) return 'an array';
	const t = typeof v;
	if (t === 'object') {
		const p = getProto(v);
		if (p === ObjectProto || p === null) return 'an object';
		const c = p.constructor;
		return 'a ' + (typeof c === 'function' && typeof c.name === 'string' && c.name !== '' ? c.name : 'object');
	}
	return t === 'undefined' ? 'undefined' : 'a ' + t;
}

// twin of text.ts cutText: a revert reason or error message over MAX_MESSAGE_CHARS is cut, with a marker
function cutText(t) {
	if (t.length <= MAX_MESSAGE_CHARS) return t;
	let d = StringFn(t.length - MAX_MESSAGE_CHARS), g = '';
	for (let i = 0; i < d.length; i++) { if (i > 0 && (d.length - i) % 3 === 0) g += ','; g += d[i]; }
	return sSlice.call(t, 0, MAX_MESSAGE_CHARS) + '\u2026 [cut ' + g + ' characters]';
}

function show(v) {
	switch (typeof v) {
		case 'string': return stringify(v.length > 80 ? sSlice.call(v, 0, 80) + '...' : v);
		case 'bigint': return v + 'n';
		case 'number': case 'boolean': case 'undefined': return StringFn(v);
		case 'symbol': return 'a symbol';
		case 'function': return 'a function';
	}
	if (v === null) return 'null';
	try {
		const t = stringify(v, function (k, x) { return typeof x === 'bigint' ? x + 'n' : x; });
		if (typeof t === 'string') return t.length > 80 ? sSlice.call(t, 0, 80) + '...' : t;
	} catch (e) {}
	return describe(v);
}

${CODEC}
// ---- checks with learner-facing messages ----
function current(what) {
	if (frame === null) throw new Error(what + ' is only available while the contract is being called, not when its file loads');
	return frame;
}
function addressOf(a, what) {
	if (typeof a !== 'string' || !ADDRESS.test(a)) throw new TypeError(what + ' must be an address (0x and 40 hex digits), got ' + show(a));
	return a.toLowerCase();
}
function amountOf(v, what) {
	if (typeof v !== 'bigint') throw new TypeError(what + ' must be a bigint amount such as 10n ** 18n, got ' + show(v));
	if (v < 0n) throw new RangeError(what + ' cannot be negative, got ' + v + 'n');
	return v;
}
function storageName(name, what) {
	if (typeof name !== 'string' || name === '' || name.length > 100 || sIndexOf.call(name, '\u0000') >= 0 || sIndexOf.call(name, '\u0001') >= 0)
		throw new TypeError(what + ': the name must be a non-empty string (up to 100 characters, no control characters), got ' + show(name));
	return name;
}
function lineOf(stack) {
	if (typeof stack !== 'string') return undefined;
	const marker = '(' + FILE + ':';
	const at = sIndexOf.call(stack, marker);
	if (at < 0) return undefined;
	let i = at + marker.length, n = 0, c;
	while ((c = stack.charCodeAt(i)) >= 48 && c <= 57) { n = n * 10 + (c - 48); i++; }
	return n > 0 ? n : undefined;
}

// ---- failures ----
const TOKEN = freeze({});
class CallError extends Error {
	constructor(token, kind, reason, line, address) {
		if (token !== TOKEN) throw new TypeError('CallError is raised by the engine when a call to another contract fails; to fail yourself, call revert(reason)');
		super(reason);
		defineProp(this, 'name', { value: 'CallError', writable: true, configurable: true });
		this.kind = kind;
		this.reason = reason;
		this.line = line;
		this.address = address;
	}
}
function throwFailure(r) {
	const e = parse(sSlice.call(r, 1));
	// a failure without a source line (from the host, or the built-in token) is located at the call site
	if (e.line === undefined) { e.line = lineOf(new Error().stack); e.address = SELF; }
	throw new CallError(TOKEN, e.kind, e.message, e.line, e.address);
}
function failureOf(e) {
	if (e instanceof CallError) return { kind: e.kind, message: e.reason, line: e.line, address: e.address };
	if (e instanceof Error) {
		const name = StringFn(e.name), message = StringFn(e.message);
		let kind = 'runtime', text = cutText(name + ': ' + message);
		if (message === 'stack overflow') { kind = 'call-depth'; text = 'stack overflow: the recursion is too deep'; }
		else if (message === 'out of memory') { kind = 'memory'; text = 'out of memory: the contract tried to hold more than the sandbox allows'; }
		return { kind: kind, message: text, line: lineOf(e.stack), address: SELF };
	}
	return { kind: 'runtime', message: 'uncaught exception: ' + show(e) + ' (throw an Error, or call revert(reason))', address: SELF };
}

// ---- the contract API ----
function revert(reason) {
	const f = current('revert()');
	const message = reason === undefined ? 'reverted' : typeof reason === 'string' ? cutText(reason) : show(reason);
	const e = new Error(message);
	defineProp(e, 'name', { value: 'Revert', writable: true, configurable: true });
	if (f.failure === null) f.failure = { kind: 'revert', message: message, line: lineOf(e.stack), address: SELF };
	throw e;
}
function require(condition, reason) {
	if (!condition) revert(reason === undefined ? 'requirement failed' : reason);
}
function emit(name, args) {
	current('emit()');
	if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]{0,99}$/.test(name))
		throw new TypeError('emit(name, args): name must be an identifier such as Transfer, got ' + show(name));
	if (args === undefined) args = {};
	else if (args === null || typeof args !== 'object' || isArray(args))
		throw new TypeError("emit('" + name + "', args): args must be an object such as { from, to, amount }, got " + describe(args));
	hLog(name, encodeEvent(args, "the arguments of event '" + name + "'"));
}
function transfer(to, amount) {
	current('transfer()');
	const a = addressOf(to, 'transfer(to, amount): to');
	amountOf(amount, 'transfer(to, amount): amount');
	const r = hSend(a, StringFn(amount));
	if (r !== undefined) throwFailure(r);
}
function keccak256(data) {
	if (typeof data === 'string') return hHash(sIndexOf.call(data, '\u0000') >= 0 ? 'j' + stringify(data) : 't' + data);
	if (data instanceof Uint8Array) {
		let hex = '0x';
		for (let i = 0; i < data.length; i++) { const b = data[i]; hex += (b < 16 ? '0' : '') + b.toString(16); }
		return hHash('t' + hex);
	}
	throw new TypeError('keccak256(data): data must be a string or a Uint8Array, got ' + describe(data));
}
function hashText(data, what) {
	if (typeof data === 'string') return sIndexOf.call(data, '\u0000') >= 0 ? 'j' + stringify(data) : 't' + data;
	if (data instanceof Uint8Array) {
		let hex = '0x';
		for (let i = 0; i < data.length; i++) { const b = data[i]; hex += (b < 16 ? '0' : '') + b.toString(16); }
		return 't' + hex;
	}
	throw new TypeError(what + ': data must be a string or a Uint8Array, got ' + describe(data));
}
function cryptoAnswer(what, r) {
	if (r.charCodeAt(0) === 33) throw new RangeError(what + ': ' + sSlice.call(r, 1));
	return r;
}
function bigArg(v, what) {
	if (typeof v !== 'bigint') throw new TypeError(what + ' must be a bigint such as 7n, got ' + describe(v));
	return StringFn(v);
}
function sha256(data) { return hCrypto('sha256', hashText(data, 'sha256(data)')); }
function modPow(base, exponent, modulus) {
	const w = 'modPow(base, exponent, modulus)';
	const p = bigArg(base, w + ': base') + ',' + bigArg(exponent, w + ': exponent') + ',' + bigArg(modulus, w + ': modulus');
	return BigIntFn(cryptoAnswer(w, hCrypto('modPow', p)));
}
function modInverse(a, modulus) {
	const w = 'modInverse(a, modulus)';
	return BigIntFn(cryptoAnswer(w, hCrypto('modInverse', bigArg(a, w + ': a') + ',' + bigArg(modulus, w + ': modulus'))));
}
function ecrecover(digest, v, r, s) {
	const w = 'ecrecover(digest, v, r, s)';
	if (typeof digest !== 'string' || digest.length !== 66 || !/^0x[0-9a-fA-F]+$/.test(digest))
		throw new TypeError(w + ': digest must be a 32-byte hash, 0x and 64 hex digits (keccak256 gives one), got ' + describe(digest));
	if (typeof v !== 'number') throw new TypeError(w + ': v must be a number, 27 or 28, got ' + describe(v));
	const a = hCrypto('ecrecover', digest + ',' + (v === 27 || v === 28 ? StringFn(v) : '0') + ',' + bigArg(r, w + ': r') + ',' + bigArg(s, w + ': s'));
	if (a === '-') return null;
	return cryptoAnswer(w, a);
}
function ed25519Verify(publicKey, message, signature) {
	const w = 'ed25519Verify(publicKey, message, signature)';
	if (typeof publicKey !== 'string' || publicKey.length !== 66 || !/^0x[0-9a-fA-F]+$/.test(publicKey))
		throw new TypeError(w + ': publicKey must be a 32-byte Ed25519 public key, 0x and 64 hex digits, got ' + describe(publicKey));
	if (typeof signature !== 'string' || signature.length !== 130 || !/^0x[0-9a-fA-F]+$/.test(signature))
		throw new TypeError(w + ': signature must be 64 bytes (R then S), 0x and 128 hex digits, got ' + describe(signature));
	if (typeof message !== 'string' && !(message instanceof Uint8Array))
		throw new TypeError(w + ': message must be a string (0x-hex bytes or text) or a Uint8Array, got ' + describe(message));
	return cryptoAnswer(w, hCrypto('ed25519', publicKey + ',' + signature + ',' + hashText(message, w))) === '1';
}
function blockRandomness(number) {
	const w = 'blockRandomness(blockNumber)';
	if (number === undefined) number = (frame !== null ? frame : current(w)).number;
	if (typeof number !== 'number') throw new TypeError(w + ': blockNumber must be a number such as block.number, got ' + describe(number));
	return BigIntFn(cryptoAnswer(w, hCrypto('random', StringFn(number))));
}
const msg = freeze({
	get sender() { return (frame !== null ? frame : current('msg.sender')).sender; },
	get value() { return (frame !== null ? frame : current('msg.value')).value; }
});
const block = freeze({
	get number() { return (frame !== null ? frame : current('block.number')).number; },
	get timestamp() { return (frame !== null ? frame : current('block.timestamp')).timestamp; },
	get chainId() { return (frame !== null ? frame : current('block.chainId')).chainId; }
});

class StorageValue {
	constructor(name, initial) {
		storageName(name, 'new StorageValue(name, initial)');
		if (initial === undefined) throw new TypeError("new StorageValue('" + name + "', initial): give an initial value, such as 0n or ''");
		this.n = name;
		this.s = 'v' + name;
		this.i = encode(initial, "the initial value of StorageValue '" + name + "'");
		freeze(this);
	}
	get() { const s = hLoad(this.s); return decode(s === undefined ? this.i : s); }
	set(value) {
		if (value === undefined) throw new TypeError("StorageValue '" + this.n + "'.set(value): value is undefined; store null instead");
		hStore(this.s, encode(value, "the value of StorageValue '" + this.n + "'"));
	}
}
class StorageMap {
	constructor(name) {
		storageName(name, 'new StorageMap(name)');
		this.n = name;
		this.p = 'm' + name + '\u0001';
		freeze(this);
	}
	get(key) { const s = hLoad(this.p + keyOf(key, this.n)); return s === undefined ? undefined : decode(s); }
	has(key) { return hLoad(this.p + keyOf(key, this.n)) !== undefined; }
	set(key, value) {
		const k = keyOf(key, this.n);
		if (value === undefined) throw new TypeError("StorageMap '" + this.n + "'.set(key, value): value is undefined; use delete(key) to remove an entry");
		hStore(this.p + k, encode(value, "a value of StorageMap '" + this.n + "'"));
	}
	delete(key) { return hErase(this.p + keyOf(key, this.n)) !== undefined; }
}
function makeStorageValue(name, initial) {
	const v = O.create(StorageValue.prototype);
	v.n = name; v.s = 'v' + name; v.i = initial;
	return freeze(v);
}

const handles = new WeakMap();
function callOut(a, method, args, value) {
	current('a call to another contract');
	const r = hCall(a, method, encodeArgs(args, 'the arguments of ' + method + '()'), StringFn(value));
	if (r.charCodeAt(0) === 33) throwFailure(r);
	return decode(r);
}
function handle(address, options, what) {
	const a = addressOf(address, what + '(address)');
	let value = 0n;
	if (options !== undefined) {
		if (options === null || typeof options !== 'object') throw new TypeError(what + '(address, options): options must be an object such as { value: 10n ** 18n }');
		if (options.value !== undefined) value = amountOf(options.value, what + '(address, { value })');
	}
	const refuse = function (t, key) { throw new TypeError('a contract handle is read-only (tried to change ' + StringFn(key) + ')'); };
	// no per-handle cache: a method costs the same ticks on its first call and on every later one
	const h = new ProxyFn(freeze(O.create(null)), {
		get(t, key) {
			if (key === 'address') return a;
			if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
			return function (...args) { return callOut(a, key, args, value); };
		},
		set: refuse, defineProperty: refuse, deleteProperty: refuse, setPrototypeOf: refuse
	});
	handles.set(h, [a, StringFn(value)]);
	return h;
}

class Contract {
	constructor() {
		if (new.target === Contract) throw new TypeError('Contract is a base class: write export default class MyContract extends Contract');
	}
	get address() { return SELF; }
	get balance() { current('this.balance'); return BigIntFn(hBalance(SELF)); }
	static at(address, options) { return handle(address, options, 'Contract.at'); }
}
const Token = freeze({ at(address) { return handle(address, undefined, 'Token.at'); } });

const chainlab = freeze({
	Contract: Contract, StorageValue: StorageValue, StorageMap: StorageMap, msg: msg, block: block,
	require: require, revert: revert, emit: emit, transfer: transfer, Token: Token,
	keccak256: keccak256, CallError: CallError, sha256: sha256, modPow: modPow, modInverse: modInverse,
	blockRandomness: blockRandomness, ecrecover: ecrecover, ed25519Verify: ed25519Verify
});
function requireModule(name) {
	if (name === 'chainlab') return chainlab;
	if (typeof name === 'string') throw new Error("contracts can only import from 'chainlab' (this file imports '" + name + "')");
	throw new TypeError("require is not imported: add it to the import from 'chainlab'");
}

// ---- instances: fields are captured after the constructor and fixed from then on ----
function fieldMessage(key) {
	return 'cannot set this.' + StringFn(key) + ' after deploy: contract fields are fixed once the constructor has run. ' +
		'Keep state that changes in a StorageValue or StorageMap (for example this.count.set(this.count.get() + 1n)).';
}
const fieldTrap = freeze({
	set(t, key) { throw new TypeError(fieldMessage(key)); },
	defineProperty(t, key) { throw new TypeError(fieldMessage(key)); },
	deleteProperty(t, key) { throw new TypeError(fieldMessage(key)); },
	setPrototypeOf() { throw new TypeError('cannot change the prototype of a contract'); }
});
function capture(raw) {
	const fields = [], names = new Set();
	for (const key of ownKeys(raw)) {
		if (typeof key !== 'string') throw new TypeError('contract fields must have string names');
		const d = getDesc(raw, key);
		if (!('value' in d)) throw new TypeError("field '" + key + "' is a getter or setter: contract fields must hold values");
		const v = d.value;
		if (v instanceof StorageValue || v instanceof StorageMap) {
			if (names.has(v.n)) throw new TypeError("two storage fields use the name '" + v.n + "': give each StorageValue and StorageMap its own name");
			names.add(v.n);
			fields.push(v instanceof StorageMap ? ['m', key, v.n] : ['v', key, v.n, v.i]);
		} else if (handles.has(v)) {
			const h = handles.get(v);
			fields.push(['h', key, h[0], h[1]]);
		} else if (typeof v === 'function') {
			throw new TypeError("field '" + key + "' holds a function: define it as a method in the class body instead");
		} else {
			fields.push(['k', key, encode(v, "field '" + key + "' (fields are fixed after deploy; only StorageValue, StorageMap, Token.at/Contract.at handles and constant values can be fields)")]);
		}
	}
	return stringify(fields);
}
function instantiate(json) {
	const raw = O.create(Cls.prototype);
	for (const f of parse(json)) {
		let v;
		if (f[0] === 'm') v = new StorageMap(f[2]);
		else if (f[0] === 'v') v = makeStorageValue(f[2], f[3]);
		else if (f[0] === 'h') v = handle(f[2], f[3] === '0' ? undefined : { value: BigIntFn(f[3]) }, 'Contract.at');
		else v = deepFreeze(decode(f[2]));
		defineProp(raw, f[1], { value: v, enumerable: true, writable: false, configurable: false });
	}
	O.preventExtensions(raw);
	instance = new ProxyFn(raw, fieldTrap);
}
function methodFor(name) {
	let fn = methodCache.get(name);
	if (fn !== undefined) return fn;
	if (name === 'constructor') throw new TypeError('the constructor runs only once, at deploy');
	if (privates.has(name)) throw new TypeError(NAME + '.' + name + '() is private: it can only be called from inside ' + NAME);
	let p = Cls.prototype;
	while (p !== null && p !== Contract.prototype) {
		const d = getDesc(p, name);
		if (d !== undefined) { if (typeof d.value === 'function') fn = d.value; break; }
		p = getProto(p);
	}
	if (fn === undefined) {
		if (name === 'receive') throw new TypeError(NAME + ' has no receive() method, so it cannot accept plain transfers of native coin');
		throw new TypeError(NAME + " has no method '" + name + "'");
	}
	methodCache.set(name, fn);
	return fn;
}

function install(moduleFn, self, file, privateJson) {
	// privateJson: { p: private method names, s: signatures by method name (signatures.ts) }
	SELF = self; FILE = file; NAME = file.replace(/\.[jt]s$/, '');
	const meta = parse(privateJson);
	privates = new Set(meta.p);
	signatures = O.assign(O.create(null), meta.s);
	try {
		const exports = {}, module = { exports: exports };
		moduleFn(exports, requireModule, module);
		const C = module.exports && module.exports.default;
		if (typeof C !== 'function' || !(C.prototype instanceof Contract))
			return 'E' + stringify({ kind: 'syntax', message: 'the file must export a contract: export default class ' + NAME + ' extends Contract { ... }' });
		Cls = C;
		const methods = [];
		for (let p = C.prototype; p !== null && p !== Contract.prototype; p = getProto(p)) {
			freeze(p);
			freeze(p.constructor);
			for (const k of O.getOwnPropertyNames(p)) {
				const d = getDesc(p, k);
				if (k === 'constructor' || typeof d.value !== 'function') continue;
				const fp = getProto(d.value);
				if (fp === AsyncFunctionProto || fp === AsyncGeneratorFunctionProto)
					return 'E' + stringify({ kind: 'syntax', message: k + '() is async: contract calls are synchronous, so async code would never finish. Remove async and await.', method: k });
				if (!privates.has(k) && methods.indexOf(k) < 0) methods.push(k);
			}
		}
		// look every public method up now, so a first call costs the same gas as a later one
		for (const k of methods) methodFor(k);
		return 'R' + stringify(methods);
	} catch (e) {
		return 'E' + stringify(failureOf(e));
	}
}

// "borrow(amount) expects 1 argument, got 0": argument counts checked against the TypeScript parameter lists
function checkArity(name, got) {
	const sig = signatures[name];
	if (sig === undefined || (got >= sig.min && (sig.max < 0 || got <= sig.max))) return;
	const plural = function (n) { return n === 1 ? '1 argument' : n + ' arguments'; };
	const want = sig.max < 0 ? 'at least ' + plural(sig.min) : sig.min === sig.max ? plural(sig.min) : sig.min + ' to ' + plural(sig.max);
	const who = name === 'constructor' ? 'the constructor of ' + NAME + '(' : name + '(';
	throw new TypeError(who + sig.params.join(', ') + ') expects ' + want + ', got ' + got);
}

function dispatch(packed) {
	const p = sSplit.call(packed, '\u0001');
	const mode = p[0], name = mode === 'r' ? 'receive' : p[1];
	const prev = frame;
	const f = { sender: p[2], value: BigIntFn(p[3]), number: NumberFn(p[4]), timestamp: NumberFn(p[5]), chainId: NumberFn(p[6]), failure: null };
	frame = f;
	try {
		const args = decodeArgs(p, 7);
		checkArity(mode === 'k' ? 'constructor' : name, args.length);
		if (mode === 'k') {
			const raw = new Cls(...args);
			if (f.failure !== null) return 'E' + stringify(f.failure);
			const fields = capture(raw);
			instantiate(fields);
			return 'F' + fields;
		}
		const result = methodFor(name).apply(instance, args);
		if (f.failure !== null) return 'E' + stringify(f.failure);
		if (result instanceof PromiseIntrinsic)
			throw new TypeError(name + '() returned a Promise: contract calls are synchronous, so async code would never finish. Remove async and await.');
		return 'R' + encode(result, 'the return value of ' + name + '()');
	} catch (e) {
		if (f.failure !== null) return 'E' + stringify(f.failure);
		return 'E' + stringify(failureOf(e));
	} finally {
		frame = prev;
	}
}

${NATIVE_GAS}
${HARDEN}
return freeze({ install: install, instantiate: instantiate, dispatch: dispatch });
})`;
