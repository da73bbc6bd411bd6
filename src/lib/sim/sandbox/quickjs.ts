/**
 * Loads the QuickJS WebAssembly module once (top-level await, so `createWorld` can stay
 * synchronous) and finds where QuickJS keeps a context's interrupt counter, which the gas meter
 * reads and writes.
 *
 * Loading: in Node (Vitest, benchmarks) the variant's Node build reads its .wasm next to itself.
 * In the browser the .wasm is imported with Vite's `?url`, so the bundler emits it as an asset
 * with a hashed name and the service worker can precache it; the variant's own
 * `new URL('emscripten-module.wasm', import.meta.url)` does not survive dependency
 * pre-bundling in dev.
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

/** The value QuickJS resets the counter to after each handler call (JS_INTERRUPT_COUNTER_INIT). */
export const COUNTER_RESET = 10_000;

/**
 * Most bytes the WebAssembly heap may grow to: 512 MiB, for every world of the worker together.
 * QuickJS's own limit (runtime.setMemoryLimit) cannot count bytes under Emscripten (its
 * malloc_usable_size is 0, so it counts 8 bytes per allocation): this cap is what stops a string
 * doubled thirty times. Memory that a fault frees is reused, but a WebAssembly memory never shrinks.
 */
export const HEAP_MAX_BYTES = 512 * 1024 * 1024;
const PAGE = 65_536;

async function load(): Promise<QuickJSWASMModule> {
	const wasmMemory = new WebAssembly.Memory({
		initial: (16 * 1024 * 1024) / PAGE,
		maximum: HEAP_MAX_BYTES / PAGE
	});
	const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
	if (isNode) return newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmMemory }));
	const { default: wasmLocation } = await import('@jitl/quickjs-wasmfile-release-sync/wasm?url');
	return newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmLocation, wasmMemory }));
}

/** The shared QuickJS module (one WebAssembly instance; each world gets its own runtime in it). */
export const quickjs: QuickJSWASMModule = await load();

/** The module's WebAssembly memory (its buffer changes when the memory grows). */
export const wasmMemory: WebAssembly.Memory = quickjs.getWasmMemory();

/** Pointer of a context's JSContext struct (quickjs-emscripten keeps it in a private lifetime). */
export function contextPointer(context: object): number {
	const lifetime = (context as { ctx?: { value?: unknown } }).ctx;
	return typeof lifetime?.value === 'number' ? lifetime.value : 0;
}

function calibrate(): number {
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

/** Byte offset of interrupt_counter in JSContext, or -1 when metering must be coarse. */
export const COUNTER_OFFSET: number = calibrate();
