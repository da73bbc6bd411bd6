/**
 * The metering part of the prelude (prelude.ts inlines it before the hardening, in the same
 * scope): the built-ins whose native work grows with the length of their input. The interrupt
 * counter that meters compute gas (sandbox.ts) moves once per call of a built-in, whatever the
 * built-in does inside, so `indexOf` over a sparse array of length 2^27 used to cost one tick and
 * take seconds. Each such built-in is replaced by a wrapper that first works out how many items
 * (array elements or characters) the call may visit, from its receiver's and arguments' lengths
 * only, and charges GAS.builtinItems per 4 items past the first BUILTIN_FREE_ITEMS through the
 * host function `gas`, before the native code runs. The charge depends only on values, so it is
 * the same on every platform.
 *
 * What it covers: Array.prototype and %TypedArray%.prototype methods that loop over `length`,
 * Array.from, String.prototype methods that scan or build strings, RegExp matching, JSON.parse
 * and JSON.stringify (which also refuses values nested more than 64 levels deep, prelude-codec.ts
 * checkDepth) and parseInt / parseFloat (global and on Number, which are the same functions). The
 * prelude captured its own JSON functions before this runs. Number(text), unary `+` and the other
 * conversions of a string to a number are charged inside QuickJS (string-charge.ts).
 */

/** Items a length-driven built-in may visit for free (no host call below this). */
export const BUILTIN_FREE_ITEMS = 256;

export const NATIVE_GAS = String.raw`// ---- native work the tick counter does not see: charged by size before it runs ----
const hGas = H.gas, applyFn = Reflect.apply, clz32 = Math.clz32, MAX_LEN = 9007199254740991;
const FREE_ITEMS = ${BUILTIN_FREE_ITEMS};
function sizeOf(n) {
	if (typeof n !== 'number') { if (typeof n === 'symbol' || typeof n === 'bigint') return 0; n = NumberFn(n); }
	return n > 0 ? (n < MAX_LEN ? n : MAX_LEN) : 0;
}
function lengthOf(o) { return o === null || o === undefined ? 0 : sizeOf(o.length); }
function textLength(s) { return typeof s === 'string' ? s.length : 0; }
function chargeItems(n) { if (n > FREE_ITEMS) hGas(StringFn(n - FREE_ITEMS)); }
function sortItems(n) { return n < 2 ? n : n * (32 - clz32(n)); }
function meter(obj, key, cost, after) {
	const d = getDesc(obj, key);
	if (d === undefined || typeof d.value !== 'function') return;
	const f = d.value;
	const w = after === undefined
		? { [key](...args) { chargeItems(cost(this, args)); return applyFn(f, this, args); } }[key]
		: { [key](...args) { chargeItems(cost(this, args)); const r = applyFn(f, this, args); chargeItems(after(r)); return r; } }[key];
	defineProp(w, 'length', { value: f.length, configurable: true });
	defineProp(obj, key, { value: w, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
}
const byLength = function (self) { return lengthOf(self); };
const bySort = function (self) { return sortItems(lengthOf(self)); };
const byConcat = function (self, args) {
	let n = lengthOf(self);
	for (let i = 0; i < args.length; i++) { const a = args[i]; n += isArray(a) ? lengthOf(a) : 1; }
	return n;
};
for (const k of ['every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'forEach', 'includes',
	'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'some', 'toLocaleString',
	'toString', 'toReversed', 'fill', 'copyWithin', 'slice', 'splice', 'toSpliced', 'with', 'flat', 'flatMap',
	'shift', 'unshift']) meter(Array.prototype, k, byLength);
meter(Array.prototype, 'concat', byConcat);
meter(Array.prototype, 'sort', bySort);
meter(Array.prototype, 'toSorted', bySort);
meter(Array, 'from', function (self, args) {
	const x = args[0];
	if (x === null || x === undefined) return 0;
	if (typeof x === 'string') return x.length;
	const n = x.length;
	return n !== undefined ? sizeOf(n) : typeof x.size === 'number' ? sizeOf(x.size) : 0;
});
const TypedProto = getProto(Int8Array.prototype);
for (const k of ['every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'forEach', 'includes',
	'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'some', 'toLocaleString',
	'toReversed', 'fill', 'copyWithin', 'slice', 'with']) meter(TypedProto, k, byLength);
meter(TypedProto, 'sort', bySort);
meter(TypedProto, 'toSorted', bySort);
meter(TypedProto, 'set', function (self, args) { return lengthOf(self) + lengthOf(args[0]); });
const byText = function (self, args) {
	const n = typeof self === 'string' ? self.length : self === null || self === undefined ? 0 : StringFn(self).length;
	return n + textLength(args[0]);
};
for (const k of ['endsWith', 'includes', 'indexOf', 'lastIndexOf', 'localeCompare', 'match', 'matchAll',
	'normalize', 'replace', 'replaceAll', 'search', 'slice', 'split', 'startsWith', 'substring', 'substr',
	'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd',
	'isWellFormed', 'toWellFormed']) meter(String.prototype, k, byText);
meter(String.prototype, 'concat', function (self, args) {
	let n = byText(self, []);
	for (let i = 0; i < args.length; i++) n += textLength(args[i]);
	return n;
});
meter(String.prototype, 'repeat', function (self, args) { return byText(self, []) * sizeOf(args[0]); });
const byPad = function (self, args) { return byText(self, []) + sizeOf(args[0]); };
meter(String.prototype, 'padStart', byPad);
meter(String.prototype, 'padEnd', byPad);
const byTarget = function (self, args) { return textLength(args[0]); };
for (const k of ['exec', 'test', Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.search, Symbol.split])
	meter(RegExp.prototype, k, byTarget);
meter(JSON, 'parse', byTarget);
// parseInt and parseFloat read their whole argument natively (Number.parseInt is the same function)
const byText0 = function (self, args) { return textLength(args[0]); };
for (const k of ['parseInt', 'parseFloat']) { meter(globalThis, k, byText0); defineProp(Number, k, { value: globalThis[k], writable: true, configurable: true }); }
meter(JSON, 'stringify', function (self, args) {
	checkDepth(args[0], 'JSON.stringify(value): value');
	return isArray(args[0]) ? lengthOf(args[0]) : 0;
},
	function (out) { return typeof out === 'string' ? out.length : 0; });
`;
