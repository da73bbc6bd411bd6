/**
 * The QuickJS sandbox of one world: one runtime (memory and stack limits, the interrupt handler
 * that meters compute gas), one context per contract instance. It knows nothing of chains: the
 * engine hands it a HostBridge that serves storage, calls, events and transfers for whatever
 * frame is running, and a GasMeter to charge.
 *
 * Compute gas: before control enters a context the meter "arms" that context's interrupt counter
 * with the ticks the remaining gas can pay for (at most 9,999, so the counter never equals the
 * reset value 10,000 and a handler call caused by the counter is told apart from one caused by the
 * regex engine's own poll). Every transition (host call, return, handler call) settles the ticks
 * spent since the last arming. The handler returns true once gas is gone, which QuickJS turns into
 * an uncatchable "interrupted" error.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { GAS } from '../gas.ts';
import { cutText, isHostStackOverflow, lineAfter } from '../text.ts';
import { GasMeter } from '../meter.ts';
import type { ErrorKind } from '../types.ts';
import { pointerOf, wrapHandle } from './ffi.ts';
import { hostObject } from './host.ts';
import { type HostBridge, Instance, type ModuleCode, type SandboxFailure } from './instance.ts';
import { loopLine } from './loops.ts';
import { PRELUDE, PRELUDE_FILE } from './prelude.ts';
import {
	COUNTER_RESET,
	currentHeap,
	HEAP_MAX_BYTES,
	type QuickJSHeap,
	renewHeap
} from './quickjs.ts';

export { type HostBridge, Instance, type ModuleCode, type SandboxFailure } from './instance.ts';

/** Sandbox limits. */
export type SandboxOptions = {
	/** bytes of QuickJS heap for the whole world, default 64 MiB */
	memoryLimit?: number;
	/**
	 * bytes of interpreter stack, default 64 KiB (about 300 levels of a plain recursive function).
	 * QuickJS measures its stack in the wasm shadow stack, while native recursion (JSON.parse of
	 * deep text, JSON.stringify or String() of deeply nested arrays, bound-function chains) spends
	 * mostly the host's own stack: at 64 KiB QuickJS stops every such case with "stack overflow"
	 * before the host (V8, about 1 MB) overflows; at 80 KiB and more some reach the host first.
	 */
	stackLimit?: number;
};

const MAX_ARM = COUNTER_RESET - 1;

/**
 * A rebuild moves to a fresh heap when the current one has grown past this (a memory fault
 * filled it; a WebAssembly memory never shrinks, so only a new heap gives the memory back).
 */
const RENEW_FROM_BYTES = HEAP_MAX_BYTES / 2;

function failureText(failure: SandboxFailure): string {
	return 'E' + JSON.stringify(failure);
}

/** One world's QuickJS runtime, its contract contexts and the compute-gas meter. */
export class Sandbox {
	/** the meter charged for compute and host operations; the engine swaps it per transaction */
	meter = new GasMeter(Number.MAX_SAFE_INTEGER);
	/** a fault that makes the runtime unusable; the engine fails the transaction and calls rebuild() */
	fault: ErrorKind | null = null;
	/** times the runtime was rebuilt after a fault */
	rebuilds = 0;
	/** runtimes that could not be freed on rebuild (their memory stays allocated) */
	abandoned = 0;

	private readonly bridge: HostBridge;
	private readonly memoryLimit: number;
	private readonly stackLimit: number;
	/** the heap the runtime lives on (quickjs.ts); a rebuild may move to a fresh one */
	private heap: QuickJSHeap;
	private runtime: QuickJSRuntime;
	private instances: Instance[] = [];
	private current: Instance | null = null;
	private armed = 0;
	/** the heap's memory as Int32, renewed when it grows */
	private ints: Int32Array;
	private loading = false;
	private cache = new WeakMap<object, Instance>();
	/** nesting of host-to-sandbox entries (a contract calling another re-enters) */
	private depth = 0;
	/** the Emscripten stack pointer when the outermost entry began */
	private outerStack = 0;
	/** set when the host stack overflowed inside QuickJS since the outermost entry began */
	private overflowed = false;
	/** set by a host stack overflow until the next rebuild: the runtime cannot be freed */
	private tornByOverflow = false;
	/** the heap's failed growths when the outermost entry began */
	private growthFailures = 0;
	/** the stack size QuickJS enforces now (stackLimit, more inside nested calls) */
	private stackSize: number;

	constructor(bridge: HostBridge, options: SandboxOptions = {}) {
		this.bridge = bridge;
		this.memoryLimit = options.memoryLimit ?? 64 * 1024 * 1024;
		this.stackLimit = options.stackLimit ?? 64 * 1024;
		this.stackSize = this.stackLimit;
		this.heap = currentHeap();
		this.heap.users++;
		this.ints = new Int32Array(this.heap.memory.buffer);
		this.runtime = this.newRuntime();
	}

	private newRuntime(): QuickJSRuntime {
		const runtime = this.heap.module.newRuntime();
		runtime.setMemoryLimit(this.memoryLimit);
		runtime.setMaxStackSize(this.stackLimit);
		this.stackSize = this.stackLimit;
		runtime.setInterruptHandler(() => this.interrupted());
		return runtime;
	}

	private view(): Int32Array {
		const buffer = this.heap.memory.buffer;
		if (this.ints.buffer !== buffer) this.ints = new Int32Array(buffer);
		return this.ints;
	}

	/**
	 * Notes one more host-to-sandbox entry; the outermost one saves the stack pointer. A nested
	 * entry (a contract called by another) gets its own stackLimit below the point where it
	 * starts, so 64 nested calls fit while each frame's own recursion stays as bounded as the
	 * first. Returns the stack size to put back at end().
	 */
	private begin(): number {
		const before = this.stackSize;
		const stackPointer = this.heap.stackPointer;
		if (this.depth++ === 0) {
			this.overflowed = false;
			this.growthFailures = this.heap.growth.failures;
			if (stackPointer !== null) this.outerStack = stackPointer.get();
		} else if (stackPointer !== null) {
			const size = this.stackLimit + Math.max(0, this.outerStack - stackPointer.get());
			if (size !== this.stackSize) {
				this.stackSize = size;
				this.runtime.setMaxStackSize(size);
			}
		}
		return before;
	}

	/**
	 * Ends an entry. When the outermost one ends after a host stack overflow, every C frame of
	 * QuickJS has been left (normally or skipped by the unwinding), so the shadow stack pointer is
	 * put back where it was: the frames the overflow skipped would otherwise leak it for good.
	 */
	private end(size: number): void {
		if (size !== this.stackSize) {
			this.stackSize = size;
			this.runtime.setMaxStackSize(size);
		}
		// the heap could not grow: whatever QuickJS threw (maybe a bare null), this is a memory fault
		if (this.depth === 1 && this.heap.growth.failures !== this.growthFailures)
			this.fault ??= 'memory';
		if (--this.depth === 0 && this.overflowed) {
			this.overflowed = false;
			this.heap.stackPointer?.set(this.outerStack);
		}
	}

	/** Arms the running context's counter with the ticks the remaining gas pays for. */
	private arm(): void {
		const inst = this.current;
		if (inst === null || inst.counter < 0) return;
		let ticks =
			this.meter.exhausted || this.fault !== null
				? 1
				: Math.floor(this.meter.remaining / GAS.compute);
		if (ticks > MAX_ARM) ticks = MAX_ARM;
		else if (ticks < 1) ticks = 1;
		this.armed = ticks;
		this.view()[inst.counter] = ticks;
		this.heap.allocationCharge.counter.value = inst.counter << 2;
	}

	/**
	 * Charges the ticks of large allocations that did not fit in the counter (alloc-counter.ts:
	 * the rest were taken from the counter and are charged as spent ticks).
	 */
	private chargeAllocations(): void {
		const charge = this.heap.allocationCharge;
		const excess = charge.excess.value as number;
		if (excess !== 0) {
			charge.excess.value = 0;
			// the patch counts in ticks: GAS.allocChunk is GAS.compute per 512 bytes
			this.meter.charge((excess >>> 0) * GAS.compute);
		}
	}

	/** Charges the ticks spent (large allocations included) since the last arming. */
	private settle(): void {
		const inst = this.current;
		if (inst === null || inst.counter < 0) return;
		this.heap.allocationCharge.counter.value = 0;
		this.chargeAllocations();
		const left = this.view()[inst.counter];
		const spent = this.armed - left;
		this.armed = left;
		if (spent > 0) this.meter.charge(spent * GAS.compute);
	}

	private interrupted(): boolean {
		const inst = this.current;
		if (inst === null) return false;
		this.chargeAllocations();
		if (inst.counter < 0) {
			this.meter.charge(COUNTER_RESET * GAS.compute);
		} else if (this.view()[inst.counter] === COUNTER_RESET) {
			this.meter.charge(this.armed * GAS.compute);
			this.armed = 0;
			if (!this.meter.exhausted && this.fault === null) this.arm();
		} else {
			// the regex engine polls every 10,000 backtracking steps without touching the counter
			this.meter.charge(GAS.regexSteps);
		}
		return this.meter.exhausted || this.fault !== null;
	}

	/** Creates a context for `code`, runs its module, and returns the instance (not yet instantiated). */
	load(code: ModuleCode, address: string): Instance | SandboxFailure {
		this.leaveRetiredHeap();
		const context = this.runtime.newContext();
		const lean = this.heap.lean.attach(context);
		let api: QuickJSHandle | undefined;
		try {
			const host = this.hostObject(context);
			const preludeFn = context.evalCode(PRELUDE, PRELUDE_FILE);
			if (preludeFn.error)
				throw new Error(`prelude failed: ${JSON.stringify(context.dump(preludeFn.error))}`);
			const made = context.callFunction(preludeFn.value, context.undefined, host);
			preludeFn.value.dispose();
			host.dispose();
			if (made.error)
				throw new Error(`prelude failed: ${JSON.stringify(context.dump(made.error))}`);
			api = made.value;
		} catch (error) {
			api?.dispose();
			context.dispose();
			throw error;
		}
		const inst = new Instance(context, api, lean, code, address);
		api.dispose();
		this.instances.push(inst);
		const moduleFn = this.evaluate(inst, code);
		if ('kind' in moduleFn) return moduleFn;
		const out = this.enter(
			inst,
			inst.install,
			[moduleFn.handle],
			[address, code.file, JSON.stringify({ p: code.privates, s: code.signatures ?? {} })],
			true
		);
		moduleFn.handle.dispose();
		if (out.charCodeAt(0) !== 82) return JSON.parse(out.slice(1)) as SandboxFailure;
		inst.methods = JSON.parse(out.slice(1)) as string[];
		return inst;
	}

	private evaluate(inst: Instance, code: ModuleCode): { handle: QuickJSHandle } | SandboxFailure {
		const ctx = inst.context;
		const prev = this.current;
		this.current = inst;
		this.arm();
		const size = this.begin();
		let result;
		try {
			result = ctx.evalCode(code.js, code.file);
		} catch (thrown) {
			this.current = prev;
			return this.hostFailure(thrown);
		} finally {
			this.end(size);
		}
		this.settle();
		this.current = prev;
		if (result.error) {
			const failure = this.escaped(inst, result.error);
			result.error.dispose();
			if (failure.message.startsWith('SyntaxError')) failure.kind = 'syntax';
			return failure;
		}
		return { handle: result.value };
	}

	/** Builds the live instance from captured fields (no learner code runs). */
	instantiate(inst: Instance, fields: string): SandboxFailure | undefined {
		const out = this.enter(inst, inst.instantiate, [], [fields], true);
		if (out.charCodeAt(0) === 69) return JSON.parse(out.slice(1)) as SandboxFailure;
		return undefined;
	}

	/** Runs the dispatcher: returns `R<value>`, `F<fields>` or `E<failure json>`. */
	dispatch(inst: Instance, packed: string): string {
		if (!inst.lean) return this.enter(inst, inst.dispatch, [], [packed], false);
		const ctx = inst.pointer;
		const path = this.heap.lean;
		const prev = this.current;
		const prevLoading = this.loading;
		this.current = inst;
		this.loading = false;
		const arg = path.newString(ctx, packed);
		this.arm();
		let value: number;
		let error: number;
		const size = this.begin();
		try {
			({ value, error } = path.callOne(
				ctx,
				pointerOf(inst.dispatch),
				pointerOf(inst.context.undefined),
				arg
			));
		} catch (thrown) {
			this.current = prev;
			this.loading = prevLoading;
			return failureText(this.hostFailure(thrown));
		} finally {
			this.end(size);
		}
		this.settle();
		this.current = prev;
		this.loading = prevLoading;
		path.free(ctx, arg);
		if (error !== 0) {
			const handle = wrapHandle(inst.context, error);
			const failure = this.escaped(inst, handle);
			handle.dispose();
			return failureText(failure);
		}
		const out = path.readString(ctx, value);
		path.free(ctx, value);
		return this.checked(out);
	}

	/** Notes a memory failure the prelude caught (the runtime must be rebuilt) and sanity-checks the answer. */
	private checked(out: string): string {
		const tag = out.charCodeAt(0);
		if (tag === 69 && out.startsWith('E{"kind":"memory"')) this.fault = 'memory';
		return tag === 82 || tag === 69 || tag === 70 ? out : 'Ru';
	}

	private enter(
		inst: Instance,
		fn: QuickJSHandle,
		handles: QuickJSHandle[],
		strings: string[],
		setup: boolean
	): string {
		const ctx = inst.context;
		const prev = this.current;
		const prevLoading = this.loading;
		this.current = inst;
		this.loading = setup;
		const args = handles.slice();
		for (const s of strings) args.push(ctx.newString(s));
		this.arm();
		let result;
		const size = this.begin();
		try {
			result = ctx.callFunction(fn, ctx.undefined, args);
		} catch (error) {
			this.current = prev;
			this.loading = prevLoading;
			return failureText(this.hostFailure(error));
		} finally {
			this.end(size);
		}
		this.settle();
		this.current = prev;
		this.loading = prevLoading;
		for (let i = handles.length; i < args.length; i++) args[i].dispose();
		if (result.error) {
			const failure = this.escaped(inst, result.error);
			result.error.dispose();
			return failureText(failure);
		}
		const out = ctx.typeof(result.value) === 'string' ? ctx.getString(result.value) : 'Ru';
		result.value.dispose();
		return this.checked(out);
	}

	/**
	 * An exception that escaped the prelude's own handling (the uncatchable out-of-gas interrupt,
	 * or a fault), located at the learner's innermost line on the stack when there is one.
	 */
	private escaped(inst: Instance, error: QuickJSHandle): SandboxFailure {
		let name = 'Error';
		let message = '';
		let stack = '';
		let dumped = true;
		try {
			const value: unknown = inst.context.dump(error);
			if (value !== null && typeof value === 'object') {
				const d = value as { name?: unknown; message?: unknown; stack?: unknown };
				name = String(d.name ?? 'Error');
				message = String(d.message ?? '');
				stack = String(d.stack ?? '');
			} else message = String(value);
		} catch {
			// dumping allocates; failing to means the heap is exhausted
			dumped = false;
		}
		let line = lineAfter(stack, '(' + inst.file);
		const interrupted = this.meter.exhausted || message === 'interrupted';
		// stopped inside learner bytecode, the frame's saved line is the last call before the loop
		const inLearnerCode = stack.split('\n', 1)[0].includes('(' + inst.file + ':');
		if (interrupted && line !== undefined && inst.loops !== undefined && inLearnerCode)
			line = loopLine(inst.loops, line);
		const where = line === undefined ? {} : { line, address: inst.address };
		if (!dumped || message === 'out of memory') this.fault ??= 'memory';
		if (this.fault !== null) return { ...this.faultFailure(), ...where };
		if (interrupted) return { ...this.outOfGas(), ...where };
		if (message === 'stack overflow')
			return { kind: 'call-depth', message: 'stack overflow: the recursion is too deep', ...where };
		return { kind: 'runtime', message: cutText(`${name}: ${message}`), ...where };
	}

	/**
	 * An exception thrown by the host while QuickJS was running: a host stack overflow becomes a
	 * call-depth fault; anything else is an engine bug and is rethrown (the runtime is rebuilt).
	 */
	private hostFailure(error: unknown): SandboxFailure {
		const message = error instanceof Error ? error.message : String(error);
		if (isHostStackOverflow(message)) {
			this.fault = 'call-depth';
			this.overflowed = true;
			this.tornByOverflow = true;
			return this.faultFailure();
		}
		this.fault = 'runtime';
		throw error;
	}

	private faultFailure(): SandboxFailure {
		if (this.fault === 'memory')
			return {
				kind: 'memory',
				message: 'out of memory: the contracts tried to hold more than the sandbox allows'
			};
		if (this.fault === 'call-depth')
			return {
				kind: 'call-depth',
				message: 'the calls nest too deeply for the sandbox (host stack exhausted)'
			};
		return { kind: 'runtime', message: 'the sandbox failed and was restarted' };
	}

	private outOfGas(): SandboxFailure {
		return {
			kind: 'out-of-gas',
			message: `out of gas: the transaction used all of its ${this.meter.limit} gas`
		};
	}

	/** The host functions of one context, wrapped so each transition settles and re-arms the meter. */
	private hostObject(ctx: QuickJSContext): QuickJSHandle {
		return hostObject(ctx, this.bridge, this.heap.lean, {
			enter: (name) => {
				this.settle();
				if (this.fault !== null || this.meter.exhausted) throw new Error('out of gas');
				if (this.loading && name !== 'hash' && name !== 'crypto' && name !== 'gas')
					throw new Error(
						`${name === 'balance' ? 'this.balance' : 'contract state'} is only available while the contract is being called, not when its file loads`
					);
			},
			leave: () => this.arm(),
			hostStackOverflow: () => {
				this.fault = 'call-depth';
				this.overflowed = true;
				this.tornByOverflow = true;
			},
			loading: () => this.loading,
			charge: (gas) => {
				if (!this.meter.charge(gas)) throw new Error('out of gas');
			}
		});
	}

	/**
	 * Replaces a faulted runtime with a fresh one. Every instance is dropped; the engine reloads
	 * contracts from their stored records on their next call. The old runtime and its contexts are
	 * freed. After a host stack overflow the frames it skipped still hold references: freeing
	 * the runtime then runs its garbage collector, which frees every context and object those
	 * frames do not reach, and stops at QuickJS's leak assertion (an Emscripten abort, caught
	 * here, with the stack pointer put back); what the skipped frames reach stays allocated, and
	 * the runtime is counted in `abandoned`.
	 *
	 * So that this memory does not pile up, a rebuild after such a tear (or on a heap grown past
	 * half of HEAP_MAX_BYTES) asks for a fresh heap (quickjs.ts renewHeap) and builds the new
	 * runtime there; the old heap is dropped whole, without freeing anything in it, once no
	 * sandbox lives on it (the others move at their next transaction: leaveRetiredHeap).
	 */
	rebuild(): void {
		const torn = this.tornByOverflow;
		this.tornByOverflow = false;
		this.fault = null;
		this.rebuilds++;
		if (torn) this.heap.torn++;
		if (
			this.heap === currentHeap() &&
			(this.heap.torn > 0 || this.heap.memory.buffer.byteLength > RENEW_FROM_BYTES)
		)
			renewHeap();
		this.replaceRuntime(torn);
	}

	/**
	 * Moves to the current heap when this sandbox's heap was renewed by another world's rebuild,
	 * so the old heap's memory can go. Only between transactions (no frame runs, no fault
	 * pending): the instances are dropped as in a rebuild, and the engine reloads them, unmetered,
	 * at their next call, so gas does not depend on the move.
	 */
	private leaveRetiredHeap(): void {
		if (
			this.heap !== currentHeap() &&
			this.depth === 0 &&
			this.fault === null &&
			!this.tornByOverflow
		)
			this.replaceRuntime(false);
	}

	/** Drops every instance and the runtime, and makes a new runtime on the current heap. */
	private replaceRuntime(torn: boolean): void {
		const old = this.runtime;
		const oldHeap = this.heap;
		const instances = this.instances;
		this.instances = [];
		this.cache = new WeakMap();
		this.current = null;
		const heap = currentHeap();
		if (heap !== oldHeap) {
			oldHeap.users--;
			heap.users++;
			this.heap = heap;
			this.ints = new Int32Array(heap.memory.buffer);
		}
		this.runtime = this.newRuntime();
		// a heap no sandbox lives on any more is dropped whole: nothing in it needs freeing
		if (heap !== oldHeap && oldHeap.users === 0) return;
		const sp = oldHeap.stackPointer?.get();
		oldHeap.log.quiet = torn;
		try {
			for (const inst of instances) inst.dispose();
			old.dispose();
		} catch {
			this.abandoned++;
		} finally {
			oldHeap.log.quiet = false;
		}
		if (torn && sp !== undefined) oldHeap.stackPointer!.set(sp);
	}

	/** Remembers the live instance of a stored contract record (forgotten on rebuild). */
	remember(record: object, inst: Instance): void {
		this.cache.set(record, inst);
	}

	/**
	 * The live instance of a stored contract record, if this runtime has one (none after a move
	 * to a renewed heap, see leaveRetiredHeap).
	 */
	cached(record: object): Instance | undefined {
		this.leaveRetiredHeap();
		return this.cache.get(record);
	}

	/** Frees the runtime and every context. The sandbox cannot be used afterwards. */
	dispose(): void {
		const instances = this.instances;
		this.instances = [];
		this.cache = new WeakMap();
		this.current = null;
		// the last sandbox on a renewed heap leaves it to be dropped whole
		if (--this.heap.users === 0 && this.heap !== currentHeap()) return;
		for (const inst of instances) inst.dispose();
		this.runtime.dispose();
	}
}
