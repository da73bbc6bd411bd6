/**
 * What the sandbox and the engine exchange: the HostBridge the engine serves to contract code, the
 * module code the sandbox loads, and a live contract context (Instance).
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import type { ExecError } from '../types.ts';
import type { LoopMap } from './loops.ts';
import type { Signature } from './signatures.ts';
import { COUNTER_OFFSET, contextPointer } from './quickjs.ts';

/** What the engine serves to contract code; every method runs for the frame on top. */
export interface HostBridge {
	load(slot: string): string | undefined;
	store(slot: string, value: string): void;
	erase(slot: string): boolean;
	log(event: string, args: string): void;
	/** returns the encoded value (codec.ts; never starts with '!') or `!<failure json>` */
	call(to: string, method: string, args: string, value: string): string;
	/** returns undefined or `!<failure json>` */
	send(to: string, value: string): string | undefined;
	/** decimal wei */
	balance(address: string): string;
	hash(data: string): string;
	/** sha256, modPow, modInverse, block randomness (crypto.ts); `!<reason>` when there is no answer */
	crypto?(op: string, payload: string): string;
}

/** Failure as the sandbox reports it. */
export type SandboxFailure = ExecError;

/** Module source as the sandbox loads it. */
export type ModuleCode = {
	js: string;
	file: string;
	privates: readonly string[];
	loops?: LoopMap;
	/** parameter lists to check argument counts against (signatures.ts); absent: not checked */
	signatures?: Record<string, Signature>;
};

/** A live contract context. */
export class Instance {
	readonly context: QuickJSContext;
	readonly dispatch: QuickJSHandle;
	readonly instantiate: QuickJSHandle;
	readonly install: QuickJSHandle;
	/** index of the context's interrupt counter in the wasm heap, as Int32 */
	readonly counter: number;
	/** JSContext pointer */
	readonly pointer: number;
	/** true when host calls and dispatch take the lean path (ffi.ts) */
	readonly lean: boolean;
	/** the learner's file name in stack lines, and the contract's address */
	readonly file: string;
	readonly address: string;
	/** blocks and loops of the module, to name the loop that ran out of gas */
	readonly loops: LoopMap | undefined;
	/** public methods, filled by install */
	methods: string[] = [];

	constructor(
		context: QuickJSContext,
		api: QuickJSHandle,
		lean: boolean,
		code: ModuleCode,
		address: string
	) {
		this.context = context;
		this.file = code.file;
		this.address = address;
		this.loops = code.loops;
		this.dispatch = context.getProp(api, 'dispatch');
		this.instantiate = context.getProp(api, 'instantiate');
		this.install = context.getProp(api, 'install');
		this.pointer = contextPointer(context);
		this.lean = lean && this.pointer !== 0;
		this.counter = COUNTER_OFFSET < 0 ? -1 : (this.pointer + COUNTER_OFFSET) >> 2;
	}

	dispose(): void {
		this.dispatch.dispose();
		this.instantiate.dispose();
		this.install.dispose();
		this.context.dispose();
	}
}
