/**
 * A lean path across the QuickJS boundary for the hot calls (dispatch in, host functions out).
 * quickjs-emscripten's high-level API wraps every argument in a Lifetime object and every host
 * call in a generator-based Scope; that costs several microseconds per call, which is most of a
 * token transfer. This path calls the module's raw exports (the same QTS_* functions the library
 * calls) on plain pointers, and serves host functions by overriding the context's C-to-host
 * callback for functions marked `lean`, delegating every other function to the library.
 *
 * It leans on two internals of quickjs-emscripten 0.32 (context.cToHostCallbacks and
 * runtime.hostRefs); `attachLean` checks for them and returns false when they are missing, and
 * the sandbox then uses the public API.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { quickjs, wasmMemory } from './quickjs.ts';

type Raw = {
	_malloc(bytes: number): number;
	_free(pointer: number): void;
	_QTS_GetString(ctx: number, value: number): number;
	_QTS_FreeCString(ctx: number, chars: number): void;
	_QTS_NewString(ctx: number, chars: number): number;
	_QTS_ArgvGetJSValueConstPointer(argv: number, index: number): number;
	_QTS_Call(ctx: number, fn: number, self: number, argc: number, argv: number): number;
	_QTS_ResolveException(ctx: number, value: number): number;
	_QTS_FreeValuePointer(ctx: number, value: number): void;
	_QTS_Throw(ctx: number, error: number): number;
	UTF8ToString(pointer: number): string;
	stringToUTF8(text: string, pointer: number, maxBytes: number): number;
	lengthBytesUTF8(text: string): number;
};

const raw = (quickjs as unknown as { module?: Partial<Raw> }).module;
const RAW_NAMES: (keyof Raw)[] = [
	'_malloc',
	'_free',
	'_QTS_GetString',
	'_QTS_FreeCString',
	'_QTS_NewString',
	'_QTS_ArgvGetJSValueConstPointer',
	'_QTS_Call',
	'_QTS_ResolveException',
	'_QTS_FreeValuePointer',
	'_QTS_Throw',
	'UTF8ToString',
	'stringToUTF8',
	'lengthBytesUTF8'
];
/** True when the raw exports this path needs are present. */
export const leanAvailable =
	raw !== undefined && RAW_NAMES.every((name) => typeof raw[name] === 'function');
const m = raw as Raw;

let scratch = 0;
let scratchSize = 0;

/** A new QuickJS string (an owned JSValue pointer) holding `text`. */
export function newString(ctx: number, text: string): number {
	const bytes = text.length * 3 + 1;
	if (bytes > scratchSize) {
		if (scratch !== 0) m._free(scratch);
		scratchSize = Math.max(bytes, 4096);
		scratch = m._malloc(scratchSize);
	}
	m.stringToUTF8(text, scratch, scratchSize);
	return m._QTS_NewString(ctx, scratch);
}

/** The text of a QuickJS value (converted with ToString, as JS_ToCString does). */
export function readString(ctx: number, value: number): string {
	const chars = m._QTS_GetString(ctx, value);
	const text = m.UTF8ToString(chars);
	m._QTS_FreeCString(ctx, chars);
	return text;
}

/** Pointer of argument `index` of a host call. */
export function argument(argv: number, index: number): number {
	return m._QTS_ArgvGetJSValueConstPointer(argv, index);
}

/** Frees an owned JSValue pointer. */
export function free(ctx: number, value: number): void {
	m._QTS_FreeValuePointer(ctx, value);
}

/** Result of callOne: an owned value pointer, or an owned exception pointer. */
export type RawResult = { value: number; error: number };

const argv = leanAvailable ? m._malloc(4) : 0;
let words = new Uint32Array(wasmMemory.buffer);

/** Calls `fn(arg)` with `this` undefined; `arg` is borrowed. */
export function callOne(ctx: number, fn: number, self: number, arg: number): RawResult {
	if (words.buffer !== wasmMemory.buffer) words = new Uint32Array(wasmMemory.buffer);
	words[argv >> 2] = arg;
	const result = m._QTS_Call(ctx, fn, self, 1, argv);
	const error = m._QTS_ResolveException(ctx, result);
	if (error !== 0) {
		m._QTS_FreeValuePointer(ctx, result);
		return { value: 0, error };
	}
	return { value: result, error: 0 };
}

/** A host function served on the lean path: returns an owned JSValue pointer, or 0 for undefined. */
export type LeanFunction = (ctx: number, argc: number, argv: number) => number;

type Internals = {
	cToHostCallbacks?: {
		callFunction?: (ctx: number, self: number, argc: number, argv: number, id: number) => number;
	};
	runtime?: { hostRefs?: { get(id: number): unknown } };
	errorToHandle?: (error: unknown) => QuickJSHandle;
};

const LEAN = Symbol('lean');

/**
 * Routes calls of functions made by `leanFunction` in `context` through the lean path. Returns
 * false (and changes nothing) when the library internals it needs are missing.
 */
export function attachLean(context: QuickJSContext): boolean {
	const internals = context as unknown as Internals;
	const callbacks = internals.cToHostCallbacks;
	const refs = internals.runtime?.hostRefs;
	const original = callbacks?.callFunction;
	if (
		!leanAvailable ||
		!callbacks ||
		!refs ||
		typeof original !== 'function' ||
		typeof internals.errorToHandle !== 'function'
	)
		return false;
	const toHandle = internals.errorToHandle.bind(context);
	callbacks.callFunction = (ctx, self, argc, argvPointer, id) => {
		const fn = refs.get(id) as { [LEAN]?: LeanFunction } | undefined;
		const lean = fn?.[LEAN];
		if (lean === undefined) return original(ctx, self, argc, argvPointer, id);
		try {
			return lean(ctx, argc, argvPointer);
		} catch (error) {
			const handle = toHandle(error);
			const thrown = m._QTS_Throw(ctx, pointerOf(handle));
			handle.dispose();
			return thrown;
		}
	};
	return true;
}

/**
 * A QuickJS function whose calls take the lean path once `attachLean(context)` succeeded;
 * `fallback` serves them through the public API otherwise.
 */
export function leanFunction(
	context: QuickJSContext,
	name: string,
	lean: LeanFunction,
	fallback: (...args: QuickJSHandle[]) => QuickJSHandle | undefined
): QuickJSHandle {
	const fn = Object.assign((...args: QuickJSHandle[]) => fallback(...args), { [LEAN]: lean });
	return context.newFunction(name, fn);
}

/** Wraps an owned value pointer as a library handle (for the rare slow paths, like dumping errors). */
export function wrapHandle(context: QuickJSContext, pointer: number): QuickJSHandle {
	const memory = (
		context as unknown as { memory?: { heapValueHandle?: (p: number) => QuickJSHandle } }
	).memory;
	if (typeof memory?.heapValueHandle !== 'function')
		throw new Error('quickjs-emscripten internals changed');
	return memory.heapValueHandle(pointer);
}

/** The raw pointer behind a library handle. */
export function pointerOf(handle: QuickJSHandle): number {
	return (handle as unknown as { value: number }).value;
}
