/**
 * Loads the QuickJS WebAssembly module (top-level await, so `createWorld` can stay synchronous),
 * keeps the heap every sandbox builds its runtime on (and a spare one to renew it with after host
 * stack faults), and finds where QuickJS keeps a context's interrupt counter, which the gas meter
 * reads and writes.
 *
 * Loading: the .wasm bytes are read (Node: from the package; browser: fetched from the URL Vite's
 * `?url` import gives, so the bundler emits it as an asset with a hashed name and the service
 * worker can precache it), one constant is patched (BIGINT_MAX_LIMBS), an allocation charge is
 * added (alloc-counter.ts), length charges for string comparison, hashing and conversion to
 * a number (string-charge.ts), a charge for straight-line bytecode (step-charge.ts) and one for
 * prototype hops (proto-charge.ts), and the module is instantiated through Emscripten's
 * `instantiateWasm` hook, which also hands over the exports that save and restore the stack
 * pointer (stackPointer). The bytes are patched and compiled once; every heap instantiates that
 * same compiled module, so every heap carries every patch.
 *
 * Heaps: a QuickJSHeap is one instance of the module with its own WebAssembly memory. A host
 * stack overflow tears the runtime it hits: freeing it stops at QuickJS's leak assertion, and what
 * the skipped C frames reach (about 0.3-1.8 MiB a fault) stays allocated for good, so after a few
 * hundred faults the heap would be full. The sandbox therefore moves to a fresh heap after a
 * fault tore its runtime (renewHeap): the old heap's memory is dropped whole once no sandbox lives
 * on it. The Emscripten glue starts a module asynchronously (it awaits its instantiation even when
 * the instance is made synchronously), while a rebuild is synchronous, so the fresh heap is a
 * spare prepared ahead: the first renewal request starts one, and each renewal starts the next.
 * When no spare is ready yet, the rebuild stays on the old heap and the next one moves.
 *
 * The counter: QuickJS decrements `JSContext.interrupt_counter` at every function call and loop
 * jump and calls the interrupt handler when it reaches zero (quickjs.c, js_poll_interrupts). Its
 * offset inside the JSContext struct is found once by running a known loop twice and looking for
 * the int32 that drops by the same amount both times. Writing it before each run makes compute
 * gas exact and independent of what ran before; if the offset cannot be found the meter falls
 * back to counting handler calls (coarse, 10,000 ticks each).
 */
import {
	newQuickJSWASMModuleFromVariant,
	newVariant,
	type QuickJSWASMModule
} from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import {
	ALLOC_COUNTER_EXPORT,
	ALLOC_EXCESS_EXPORT,
	patchAllocationCounter
} from './alloc-counter.ts';
import { LeanPath } from './ffi.ts';
import { patchProtoCharge } from './proto-charge.ts';
import { patchStepCharge } from './step-charge.ts';
import { patchStringCharges } from './string-charge.ts';

/** The value QuickJS resets the counter to after each handler call (JS_INTERRUPT_COUNTER_INIT). */
export const COUNTER_RESET = 10_000;

/**
 * Most bytes a WebAssembly heap may grow to: 512 MiB, for every world on it together (the
 * worker's worlds share the current heap, see QuickJSHeap). QuickJS's own limit
 * (runtime.setMemoryLimit) cannot count bytes under Emscripten (its malloc_usable_size is 0, so
 * it counts 8 bytes per allocation): this cap is what stops a string doubled thirty times. Memory
 * that a fault frees is reused, but a WebAssembly memory never shrinks: only a move to a fresh
 * heap (renewHeap) gives it back.
 */
export const HEAP_MAX_BYTES = 512 * 1024 * 1024;
const PAGE = 65_536;

/**
 * Most 32-bit limbs one BigInt may hold in the sandbox (QuickJS's JS_BIGINT_MAX_SIZE, 32,768 in the
 * release build, that is 1,048,576 bits). BigInt arithmetic is native work the interrupt counter
 * does not see, and schoolbook multiplication of two 500,000-bit numbers takes about a second, so
 * the sandbox runs the release build with this one constant lowered: a BigInt holds at most
 * 40 limbs in two's complement, which is every value of up to 1,279 bits (sign included). A
 * product needs as many limbs as its two operands together, so two 512-bit numbers (17 limbs each)
 * multiply, two 640-bit ones do not. An operation whose result would be larger throws RangeError "BigInt is too large to allocate".
 */
export const BIGINT_MAX_LIMBS = 40;
/** Largest bit length of a BigInt's magnitude the sandbox accepts (one limb bit is the sign). */
export const BIGINT_MAX_BITS = BIGINT_MAX_LIMBS * 32 - 1;

// quickjs.c js_bigint_new: `if (len > JS_BIGINT_MAX_SIZE)` compiles to
// local.get 1; i32.const 32769; i32.ge_s (the constant as 3-byte signed LEB128)
const BIGINT_CHECK = [0x20, 0x01, 0x41, 0x81, 0x80, 0x02, 0x4e];

/**
 * Lowers the BigInt size limit in the QuickJS release build's bytes (see BIGINT_MAX_LIMBS).
 * @throws Error when the pattern is not found exactly once (a different QuickJS build): the
 *   sandbox refuses to start rather than run without the limit
 */
export function patchBigIntLimit(bytes: Uint8Array): Uint8Array {
	let at = -1;
	let count = 0;
	for (let i = 0; i + BIGINT_CHECK.length <= bytes.length; i++) {
		let match = true;
		for (let j = 0; j < BIGINT_CHECK.length; j++)
			if (bytes[i + j] !== BIGINT_CHECK[j]) {
				match = false;
				break;
			}
		if (match) {
			at = i;
			count++;
		}
	}
	if (count !== 1)
		throw new Error(
			`QuickJS build changed: the BigInt size check was found ${count} times (expected once); update quickjs.ts`
		);
	const v = BIGINT_MAX_LIMBS + 1;
	bytes.set([0x41, (v & 0x7f) | 0x80, ((v >> 7) & 0x7f) | 0x80, (v >> 14) & 0x3f], at + 2);
	return bytes;
}

async function wasmBytes(isNode: boolean): Promise<Uint8Array> {
	if (isNode) {
		// variable specifiers keep the bundler from pulling Node built-ins into the browser build
		const fsName = 'node:fs';
		const moduleName = 'node:module';
		const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
		const mod = (await import(/* @vite-ignore */ moduleName)) as typeof import('node:module');
		const path = mod
			.createRequire(import.meta.url)
			.resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
		return new Uint8Array(fs.readFileSync(path));
	}
	const { default: wasmLocation } = await import('@jitl/quickjs-wasmfile-release-sync/wasm?url');
	return new Uint8Array(await (await fetch(wasmLocation)).arrayBuffer());
}

/**
 * Counts failed growths of the WebAssembly heap (Emscripten's emscripten_resize_heap, import `k`
 * of the glue, recognised by its call to memory.grow). When the heap is at HEAP_MAX_BYTES,
 * malloc returns NULL and QuickJS may fail to allocate even its "out of memory" error, throwing
 * a bare null instead; the sandbox uses this count to tell that apart from `throw null`.
 */
function watchHeapGrowth(imports: WebAssembly.Imports, growth: { failures: number }): void {
	const env = imports.a as Record<string, unknown> | undefined;
	const resize = env?.k;
	if (typeof resize !== 'function' || !String(resize).includes('.grow(')) return;
	env!.k = (bytes: number) => {
		const grown = (resize as (bytes: number) => unknown)(bytes);
		if (!grown) growth.failures++;
		return grown;
	};
}

/** The Emscripten stack pointer of the module, when its exports could be identified. */
export type StackPointer = { get(): number; set(pointer: number): void };

/** The release build with every patch applied (compiled once, see patchedModule). */
async function compile(): Promise<WebAssembly.Module> {
	const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
	const compiled = await WebAssembly.compile(
		patchProtoCharge(
			patchStepCharge(
				patchStringCharges(patchAllocationCounter(patchBigIntLimit(await wasmBytes(isNode))))
			)
		) as Uint8Array<ArrayBuffer>
	);
	return compiled;
}

let compiling: Promise<WebAssembly.Module> | null = null;

/** The release build with every patch applied, compiled once and shared by every heap. */
function patchedModule(): Promise<WebAssembly.Module> {
	compiling ??= compile();
	return compiling;
}

/**
 * Finds Emscripten's stack save/restore among the module's (minified) exports by what they do: a
 * getter of the current stack pointer, and a setter that moves it. A host stack overflow (V8's
 * RangeError thrown through wasm frames) skips the C code that would pop the shadow stack, so
 * the sandbox puts the pointer back after one; without that, about 25 such faults use the whole
 * shadow stack up and every later call fails.
 */
function findStackPointer(exports: WebAssembly.Exports): StackPointer | null {
	// the glue (emscripten-module.mjs) binds stackSave to export Oa and stackRestore to export Ma
	const get = exports.Oa;
	const set = exports.Ma;
	if (typeof get !== 'function' || typeof set !== 'function') return null;
	const read = get as () => number;
	const write = set as (pointer: number) => void;
	const sp = read();
	if (typeof sp !== 'number' || sp <= 0 || sp % 16 !== 0) return null;
	write(sp - 16);
	const moved = read() === sp - 16;
	write(sp);
	if (!moved || read() !== sp) return null;
	return { get: read, set: write };
}

/** The two globals of the allocation charge (alloc-counter.ts). */
export type AllocationCharge = {
	/** ticks allocations cost that did not fit in the counter */
	excess: WebAssembly.Global;
	/** byte address of the running context's interrupt counter, 0 when none runs */
	counter: WebAssembly.Global;
};

function findAllocationCharge(exports: WebAssembly.Exports): AllocationCharge {
	const excess = exports[ALLOC_EXCESS_EXPORT];
	const counter = exports[ALLOC_COUNTER_EXPORT];
	if (!(excess instanceof WebAssembly.Global) || !(counter instanceof WebAssembly.Global))
		throw new Error('QuickJS build changed: the allocation charge is missing');
	return { excess, counter };
}

/**
 * One instance of the QuickJS module with its own WebAssembly memory, and what the sandbox
 * reaches in it: the stack pointer, the allocation charge's globals and the lean path (ffi.ts).
 * Every world's runtime lives on a heap; worlds share the current one.
 */
export type QuickJSHeap = {
	readonly module: QuickJSWASMModule;
	/** the heap's memory (its buffer changes when the memory grows; it never shrinks) */
	readonly memory: WebAssembly.Memory;
	/** the stack pointer, or null when it could not be found (faults then leak shadow stack) */
	readonly stackPointer: StackPointer | null;
	readonly allocationCharge: AllocationCharge;
	readonly lean: LeanPath;
	/** failed growths of the memory, which was at HEAP_MAX_BYTES (see watchHeapGrowth) */
	readonly growth: { failures: number };
	/** set while a torn runtime is freed: the QuickJS assertion that stops it is not logged */
	readonly log: { quiet: boolean };
	/** 1 for the worker's first heap, then 2, 3, ... for each renewal */
	readonly serial: number;
	/** runtimes torn by a host stack overflow on this heap (what they reach stays allocated) */
	torn: number;
	/** sandboxes whose runtime lives on this heap */
	users: number;
};

let serials = 0;

async function loadHeap(): Promise<QuickJSHeap> {
	const wasmMemory = new WebAssembly.Memory({
		initial: (16 * 1024 * 1024) / PAGE,
		maximum: HEAP_MAX_BYTES / PAGE
	});
	const compiled = await patchedModule();
	const growth = { failures: 0 };
	const log = { quiet: false };
	const made: { exports?: WebAssembly.Exports } = {};
	const emscriptenModule = {
		// freeing a runtime torn by a host stack overflow stops at one of QuickJS's assertions
		// (its leak check, or the cycle collector meeting a half-built object) on purpose
		// (sandbox.ts rebuild()): that abort is expected, not worth a console line
		printErr(text: string) {
			if (!log.quiet && !text.includes('list_empty(&rt->gc_obj_list)')) console.error(text);
		},
		instantiateWasm(
			imports: WebAssembly.Imports,
			done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void
		) {
			watchHeapGrowth(imports, growth);
			void WebAssembly.instantiate(compiled, imports).then((instance) => {
				made.exports = instance.exports;
				done(instance, compiled);
			});
			return {};
		}
	};
	const module = await newQuickJSWASMModuleFromVariant(
		newVariant(releaseSync, { wasmMemory, emscriptenModule } as Parameters<typeof newVariant>[1])
	);
	const exports = made.exports ?? {};
	return {
		module,
		memory: module.getWasmMemory(),
		stackPointer: findStackPointer(exports),
		allocationCharge: findAllocationCharge(exports),
		lean: new LeanPath(module),
		growth,
		log,
		serial: ++serials,
		torn: 0,
		users: 0
	};
}

let current: QuickJSHeap = await loadHeap();
let spare: QuickJSHeap | null = null;
let preparing: Promise<QuickJSHeap> | null = null;
let renewal = true;

/** The heap new runtimes are made on. */
export function currentHeap(): QuickJSHeap {
	return current;
}

/**
 * A spare heap, prepared if none is ready or under way (for tests and for a page that wants the
 * next renewal to find one). Rejects when the module cannot be instantiated again (memory).
 */
export function spareHeap(): Promise<QuickJSHeap> {
	if (spare !== null) return Promise.resolve(spare);
	preparing ??= loadHeap().then(
		(heap) => {
			spare = heap;
			preparing = null;
			return heap;
		},
		(error: unknown) => {
			preparing = null;
			throw error;
		}
	);
	return preparing;
}

/**
 * Makes the spare heap the current one, so the runtimes made next start on fresh memory; the
 * old heap becomes garbage once the last sandbox on it moves (sandbox.ts rebuild and its move at
 * the next transaction). Starts preparing the next spare. Returns false, and only starts a spare,
 * when none is ready yet or renewal is off (setHeapRenewal).
 */
export function renewHeap(): boolean {
	if (!renewal) return false;
	const next = spare;
	// a spare that cannot be made leaves the current heap in use: the next renewal tries again
	const prepare = () => spareHeap().catch(() => undefined);
	if (next === null) {
		void prepare();
		return false;
	}
	spare = null;
	current = next;
	void prepare();
	return true;
}

/**
 * Turns heap renewal on (the default) or off; off, every runtime stays on the current heap, as
 * before renewal existed (tests compare both: gas and state do not depend on it).
 */
export function setHeapRenewal(on: boolean): void {
	renewal = on;
}

/** Pointer of a context's JSContext struct (quickjs-emscripten keeps it in a private lifetime). */
export function contextPointer(context: object): number {
	const lifetime = (context as { ctx?: { value?: unknown } }).ctx;
	return typeof lifetime?.value === 'number' ? lifetime.value : 0;
}

function calibrate(): number {
	const quickjs = current.module;
	const runtime = quickjs.newRuntime();
	const context = runtime.newContext();
	try {
		const pointer = contextPointer(context);
		if (pointer === 0 || pointer % 4 !== 0) return -1;
		const words = 128;
		const read = () => new Int32Array(quickjs.getWasmMemory().buffer, pointer, words).slice();
		const fn = context.unwrapResult(
			context.evalCode('(function () { for (let i = 0; i < 50; i++) {} })')
		);
		const run = () => context.unwrapResult(context.callFunction(fn, context.undefined)).dispose();
		const m0 = read();
		run();
		const m1 = read();
		run();
		const m2 = read();
		fn.dispose();
		let found = -1;
		for (let i = 0; i < words; i++) {
			const d1 = m0[i] - m1[i];
			const d2 = m1[i] - m2[i];
			if (d1 > 50 && d1 === d2 && m0[i] <= COUNTER_RESET) {
				if (found >= 0) return -1; // ambiguous: do not guess
				found = i * 4;
			}
		}
		if (found < 0) return -1;
		// verify: a counter of 5 must make the handler fire during a 50-step loop
		let fired = 0;
		runtime.setInterruptHandler(() => {
			fired++;
			return false;
		});
		new Int32Array(quickjs.getWasmMemory().buffer)[(pointer + found) >> 2] = 5;
		const probe = context.evalCode('(function () { for (let i = 0; i < 50; i++) {} })()');
		if (probe.error) probe.error.dispose();
		else probe.value.dispose();
		return fired === 1 ? found : -1;
	} catch {
		return -1;
	} finally {
		context.dispose();
		runtime.dispose();
	}
}

/**
 * Byte offset of interrupt_counter in JSContext, or -1 when metering must be coarse; found on the
 * first heap and the same on every heap (they all instantiate one compiled module).
 */
export const COUNTER_OFFSET: number = calibrate();
