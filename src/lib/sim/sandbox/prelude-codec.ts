/**
 * The value codec inside the sandbox, the JavaScript twin of codec.ts (keep the two in step):
 * encode/decode of single values, argument lists (flat `*` form or JSON) and event arguments
 * (flat `o` form or JSON), StorageMap keys, with the size and nesting limits. prelude.ts inlines it.
 */
export const CODEC = String.raw`// ---- values: the twin of codec.ts ----
let budget = 0, label = '';
function replacer(k, x) {
	if (++budget > MAX_VALUES) throw new RangeError(label + ' is too large (more than ' + MAX_VALUES + ' values)');
	switch (typeof x) {
		case 'bigint': return '\u0000n' + x;
		case 'string': return x.charCodeAt(0) === 0 ? '\u0000s' + x : x;
		case 'number': return isFiniteNumber(x) ? x : '\u0000d' + x;
		case 'function': case 'symbol': throw new TypeError(label + ' cannot contain ' + describe(x));
		case 'object':
			if (x !== null && !isArray(x)) {
				const p = getProto(x);
				if (p !== ObjectProto && p !== null) throw new TypeError(label + ' can only contain plain objects and arrays, not ' + describe(x));
			}
			return x;
	}
	return x;
}
// JSON.stringify's native cycle check makes deep nesting cost about depth^2 work that no tick sees:
// values nested deeper than MAX_DEPTH are refused by a walk that is itself metered (ticks)
const MAX_DEPTH = 64;
function checkDepth(v, what) {
	if (v === null || typeof v !== 'object') return;
	const todo = [v], depths = [1], seen = new Set();
	while (todo.length > 0) {
		const o = todo.pop(), d = depths.pop();
		// a value met again is shared or a cycle: stringify reports the cycle itself
		if (seen.has(o)) continue;
		seen.add(o);
		if (d > MAX_DEPTH) throw new RangeError(what + ' is nested more than ' + MAX_DEPTH + ' levels deep');
		if (seen.size > MAX_VALUES) return; // the size limit refuses it
		if (isArray(o)) {
			const n = o.length < MAX_VALUES ? o.length : MAX_VALUES;
			for (let i = 0; i < n; i++) { const x = o[i]; if (x !== null && typeof x === 'object') { todo.push(x); depths.push(d + 1); } }
		} else {
			const keys = O.keys(o);
			for (let i = 0; i < keys.length; i++) { const x = o[keys[i]]; if (x !== null && typeof x === 'object') { todo.push(x); depths.push(d + 1); } }
		}
	}
}
function encodeJson(v, what) {
	checkDepth(v, what);
	budget = 0; label = what;
	let text;
	try { text = stringify(v, replacer); }
	catch (e) {
		if (e instanceof TypeError && /circular/i.test(e.message)) throw new TypeError(what + ' is cyclic (it contains itself)');
		throw e;
	}
	if (typeof text !== 'string') throw new TypeError(what + ' cannot be encoded');
	if (text.length > MAX_CHARS) throw new RangeError(what + ' is too large (' + text.length + ' characters encoded; the limit is ' + MAX_CHARS + ')');
	return text;
}
function encode(v, what) {
	switch (typeof v) {
		case 'bigint': return 'n' + v;
		case 'string':
			if (v.length >= MAX_CHARS) throw new RangeError(what + ' is too large (a string of ' + v.length + ' characters; the limit is ' + MAX_CHARS + ')');
			// U+0000 would end the C string that carries it across the boundary: JSON escapes it
			return sIndexOf.call(v, '\u0000') >= 0 ? 'j' + encodeJson(v, what) : 's' + v;
		case 'number': return 'd' + v;
		case 'boolean': return v ? 't' : 'f';
		case 'undefined': return 'u';
		case 'object': if (v === null) return 'z'; return 'j' + encodeJson(v, what);
	}
	throw new TypeError(what + ' cannot be ' + describe(v) + ': use bigint, number, string, boolean, null, arrays or plain objects');
}
function reviver(k, x) {
	if (typeof x !== 'string' || x.charCodeAt(0) !== 0) return x;
	const tag = x.charCodeAt(1), rest = sSlice.call(x, 2);
	return tag === 110 ? BigIntFn(rest) : tag === 100 ? NumberFn(rest) : rest;
}
function decode(s) {
	switch (s.charCodeAt(0)) {
		case 110: return BigIntFn(sSlice.call(s, 1));
		case 115: return sSlice.call(s, 1);
		case 100: return NumberFn(sSlice.call(s, 1));
		case 116: return true;
		case 102: return false;
		case 122: return null;
		case 117: return undefined;
		case 106: return parse(sSlice.call(s, 1), reviver);
	}
	throw new Error('corrupt value from the host');
}
// argument lists: '' none, 'j[...]' JSON, or '*' + primitive encodings joined by U+0001 (no parsing needed)
function encodeArgs(args, what) {
	if (args.length === 0) return '';
	let s = '*';
	for (let i = 0; i < args.length; i++) {
		const v = args[i];
		let e;
		switch (typeof v) {
			case 'bigint': e = 'n' + v; break;
			case 'string': if (sIndexOf.call(v, '\u0001') >= 0 || sIndexOf.call(v, '\u0000') >= 0) return 'j' + encodeJson(args, what); e = 's' + v; break;
			case 'number': e = 'd' + v; break;
			case 'boolean': e = v ? 't' : 'f'; break;
			default: if (v === null) { e = 'z'; break; } return 'j' + encodeJson(args, what);
		}
		s += i === 0 ? e : '\u0001' + e;
	}
	if (s.length > MAX_CHARS) return 'j' + encodeJson(args, what);
	return s;
}
function decodeArgs(p, from) {
	if (p.length <= from || p[from] === '') return [];
	const first = p[from];
	if (first.charCodeAt(0) === 106) return decode(first);
	const out = [decode(sSlice.call(first, 1))];
	for (let i = from + 1; i < p.length; i++) out.push(decode(p[i]));
	return out;
}
// event arguments: 'o' + key U+0001 value U+0001 ... for flat objects of primitives, else JSON
function encodeEvent(args, what) {
	const proto = getProto(args);
	if (proto !== ObjectProto && proto !== null) return encode(args, what);
	let s = 'o', n = 0;
	for (const k in args) {
		const v = args[k];
		let e;
		switch (typeof v) {
			case 'bigint': e = 'n' + v; break;
			case 'string': if (sIndexOf.call(v, '\u0001') >= 0 || sIndexOf.call(v, '\u0000') >= 0) return encode(args, what); e = 's' + v; break;
			case 'number': e = 'd' + v; break;
			case 'boolean': e = v ? 't' : 'f'; break;
			default: if (v === null) { e = 'z'; break; } return encode(args, what);
		}
		if (sIndexOf.call(k, '\u0001') >= 0 || sIndexOf.call(k, '\u0000') >= 0 || ++n > MAX_VALUES) return encode(args, what);
		s += k + '\u0001' + e + '\u0001';
	}
	if (s.length > MAX_CHARS) return encode(args, what);
	return s;
}
function keyOf(k, name) {
	switch (typeof k) {
		case 'string':
			if (k.length > MAX_KEY_CHARS) throw new RangeError("StorageMap '" + name + "': key is too long (" + k.length + ' characters; the limit is ' + MAX_KEY_CHARS + ')');
			return sIndexOf.call(k, '\u0000') >= 0 ? 'j' + encodeJson(k, 'a key') : 's' + k;
		case 'bigint': return 'n' + k;
		case 'number': return 'd' + k;
	}
	throw new TypeError("StorageMap '" + name + "': keys must be string, number or bigint, not " + describe(k));
}
function deepFreeze(v) {
	if (v !== null && typeof v === 'object') { freeze(v); for (const k of O.keys(v)) deepFreeze(v[k]); }
	return v;
}
`;
