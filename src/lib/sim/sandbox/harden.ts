/**
 * The hardening part of the prelude (prelude.ts inlines it, in the same scope): throwing stubs for
 * everything nondeterministic or outside the sandbox (Date, Math.random, fetch, postMessage,
 * indexedDB, importScripts, self, timers, Promise, WeakRef, ...), "override taming" of the few
 * built-in properties that plain code assigns on instances, then a deep freeze of every object
 * reachable from the global object and the hidden intrinsics, the global object included. After
 * it, prototype pollution throws, and nothing one contract does to the built-ins can reach
 * another (each has its own context anyway).
 */
export const HARDEN = String.raw`// ---- hardening: nothing outside the sandbox is reachable, nothing built in can change ----
const G = globalThis;
function unavailable(name, why) {
	const f = function () { throw new TypeError(name + ' is not available in contracts: ' + why); };
	return f;
}
const WHY_TIME = 'contract code must be deterministic; use block.timestamp (unix seconds) or block.number';
const WHY_NET = 'a contract runs sealed off from the network, the page and the worker';
const WHY_SYNC = 'contract calls are synchronous, so nothing can run later';
const stubs = {
	Date: WHY_TIME, fetch: WHY_NET, XMLHttpRequest: WHY_NET, WebSocket: WHY_NET, postMessage: WHY_NET,
	importScripts: WHY_NET, setTimeout: WHY_SYNC, setInterval: WHY_SYNC, clearTimeout: WHY_SYNC,
	clearInterval: WHY_SYNC, queueMicrotask: WHY_SYNC, Promise: WHY_SYNC,
	SharedArrayBuffer: 'a contract runs alone, with no memory to share',
	WeakRef: 'garbage collection timing is not deterministic',
	FinalizationRegistry: 'garbage collection timing is not deterministic'
};
for (const k of O.keys(stubs)) {
	const stub = unavailable(k, stubs[k]);
	if (k === 'Date') for (const m of ['now', 'parse', 'UTC']) defineProp(stub, m, { value: unavailable('Date.' + m, WHY_TIME) });
	if (k === 'Promise') for (const m of ['resolve', 'reject', 'all', 'race', 'any', 'allSettled']) defineProp(stub, m, { value: unavailable('Promise.' + m, WHY_SYNC) });
	defineProp(G, k, { value: stub, writable: false, enumerable: false, configurable: false });
}
for (const k of ['self', 'window', 'document', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage', 'crypto', 'performance', 'process', 'caches', 'location']) {
	defineProp(G, k, { get: unavailable(k, WHY_NET), enumerable: false, configurable: false });
}
defineProp(Math, 'random', { value: unavailable('Math.random', 'contract code must be deterministic; derive values from arguments or block data') });

// "override taming": a frozen prototype's data property would make plain assignments such as
// this.name = 'MyError' fail on instances; an accessor that defines an own property instead keeps them working
function tame(obj, key) {
	const d = getDesc(obj, key);
	if (d === undefined || !('value' in d)) return;
	const value = d.value;
	defineProp(obj, key, {
		get: function () { return value; },
		set: function (v) {
			if (this === obj) throw new TypeError('cannot change the built-in ' + key);
			defineProp(this, key, { value: v, writable: true, enumerable: true, configurable: true });
		},
		enumerable: d.enumerable, configurable: false
	});
}
for (const k of ['constructor', 'toString', 'valueOf', 'toLocaleString']) tame(ObjectProto, k);
for (const E of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, InternalError, AggregateError]) {
	for (const k of ['name', 'message', 'constructor', 'toString']) tame(E.prototype, k);
}
tame(Function.prototype, 'toString');

function harden(roots) {
	const todo = roots.slice(), seen = new Set();
	while (todo.length > 0) {
		const o = todo.pop();
		if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
		seen.add(o);
		freeze(o);
		todo.push(getProto(o));
		for (const k of ownKeys(o)) {
			const d = getDesc(o, k);
			if (d === undefined) continue;
			if ('value' in d) todo.push(d.value); else todo.push(d.get, d.set);
		}
	}
}
function* gen() {}
async function* agen() {}
harden([G, chainlab, Contract, CallError, StorageValue, StorageMap, fieldTrap,
	getProto(gen), getProto(gen()), getProto(agen), getProto(agen()), AsyncFunctionProto,
	getProto([][Symbol.iterator]()), getProto(new Map()[Symbol.iterator]()), getProto(new Set()[Symbol.iterator]()),
	getProto(''[Symbol.iterator]()), getProto(/a/g[Symbol.matchAll]('a')), getProto(Int8Array),
	getProto(Int8Array.prototype)]);
`;
