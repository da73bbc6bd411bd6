/**
 * A lean path across the QuickJS boundary for the hot calls (dispatch in, host functions out).
 * quickjs-emscripten's high-level API wraps every argument in a Lifetime object and every host
 * call in a generator-based Scope; that costs several microseconds per call, which is most of a
 * token transfer. This path calls the module's raw exports (the same QTS_* functions the library
 * calls) on plain pointers, and serves host functions by overriding the context's C-to-host
 * callback for functions marked `lean`, delegating every other function to the library.
 *
 * Each QuickJS heap (quickjs.ts) has its own LeanPath, since the raw exports, the scratch buffer
 * and the argument slot belong to one module instance and its memory.
 *
 * It leans on two internals of quickjs-emscripten 0.32 (context.cToHostCallbacks and
 * runtime.hostRefs); `LeanPath.attach` checks for them and returns false when they are missing, and
 * the sandbox then uses the public API.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';

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

/** Result of callOne: an owned value pointer, or an owned exception pointer. */
export type RawResult = { value: number; error: number };

type Internals = {
	cToHostCallbacks?: {
		callFunction?: (ctx: number, self: number, argc: number, argv: number, id: number) => number;
	};
	runtime?: { hostRefs?: { get(id: number): unknown } };
	errorToHandle?: (error: unknown) => QuickJSHandle;
};

const LEAN = Symbol('lean');

/** The lean path of one QuickJS module instance (its raw exports and its memory). */
export class LeanPath {
	/** True when the raw exports this path needs are present. */
	readonly available: boolean;
	private readonly m: Raw;
	private readonly memory: WebAssembly.Memory;
	private argv = 0;
	private words: Uint32Array;
	private scratch = 0;
	private scratchSize = 0;

	constructor(module: QuickJSWASMModule) {
		const raw = (module as unknown as { module?: Partial<Raw> }).module;
		this.available =
			raw !== undefined && RAW_NAMES.every((name) => typeof raw[name] === 'function');
		this.m = raw as Raw;
		this.memory = module.getWasmMemory();
		this.words = new Uint32Array(this.memory.buffer);
	}

	/** A new QuickJS string (an owned JSValue pointer) holding `text`. */
	newString(ctx: number, text: string): number {
		const bytes = text.length * 3 + 1;
		if (bytes > this.scratchSize) {
			if (this.scratch !== 0) this.m._free(this.scratch);
			this.scratchSize = Math.max(bytes, 4096);
			this.scratch = this.m._malloc(this.scratchSize);
		}
		this.m.stringToUTF8(text, this.scratch, this.scratchSize);
		return this.m._QTS_NewString(ctx, this.scratch);
	}

	/** The text of a QuickJS value (converted with ToString, as JS_ToCString does). */
	readString(ctx: number, value: number): string {
		const chars = this.m._QTS_GetString(ctx, value);
		const text = this.m.UTF8ToString(chars);
		this.m._QTS_FreeCString(ctx, chars);
		return text;
	}

	/** Pointer of argument `index` of a host call. */
	argument(argv: number, index: number): number {
		return this.m._QTS_ArgvGetJSValueConstPointer(argv, index);
	}

	/** Frees an owned JSValue pointer. */
	free(ctx: number, value: number): void {
		this.m._QTS_FreeValuePointer(ctx, value);
	}

	/** Calls `fn(arg)` with `this` undefined; `arg` is borrowed. */
	callOne(ctx: number, fn: number, self: number, arg: number): RawResult {
		if (this.argv === 0) this.argv = this.m._malloc(4);
		if (this.words.buffer !== this.memory.buffer) this.words = new Uint32Array(this.memory.buffer);
		this.words[this.argv >> 2] = arg;
		const result = this.m._QTS_Call(ctx, fn, self, 1, this.argv);
		const error = this.m._QTS_ResolveException(ctx, result);
		if (error !== 0) {
			this.m._QTS_FreeValuePointer(ctx, result);
			return { value: 0, error };
		}
		return { value: result, error: 0 };
	}

	/**
	 * Routes calls of functions made by `leanFunction` in `context` (a context of this path's
	 * module) through the lean path. Returns false (and changes nothing) when the library
	 * internals it needs are missing.
	 */
	attach(context: QuickJSContext): boolean {
		const internals = context as unknown as Internals;
		const callbacks = internals.cToHostCallbacks;
		const refs = internals.runtime?.hostRefs;
		const original = callbacks?.callFunction;
		if (
			!this.available ||
			!callbacks ||
			!refs ||
			typeof original !== 'function' ||
			typeof internals.errorToHandle !== 'function'
		)
			return false;
		const toHandle = internals.errorToHandle.bind(context);
		const m = this.m;
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
}

/** A host function served on the lean path: returns an owned JSValue pointer, or 0 for undefined. */
export type LeanFunction = (ctx: number, argc: number, argv: number) => number;

/**
 * A QuickJS function whose calls take the lean path once `LeanPath.attach(context)` succeeded;
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
