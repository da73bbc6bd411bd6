/**
 * The host functions one contract context gets (handed to the prelude, never reachable from
 * contract code). Each takes and returns strings; both the lean path (ffi.ts) and the library's
 * public API serve them through the same `serve` function.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { cryptoGas, serveCrypto } from '../crypto.ts';
import { builtinGas, hashGas } from '../gas.ts';
import { keccak256, toBytes } from '../hash.ts';
import { isHostStackOverflow } from '../text.ts';
import { type LeanFunction, leanFunction, type LeanPath } from './ffi.ts';
import type { HostBridge } from './instance.ts';

/** What the sandbox does around every host call. */
export type HostHooks = {
	/** settle compute gas and refuse the call when it may not happen (throws) */
	enter(name: string): void;
	/** re-arm the gas meter */
	leave(): void;
	/** the host stack overflowed inside a host call */
	hostStackOverflow(): void;
	/** true while a module's top level runs */
	loading(): boolean;
	/** charges the sandbox's meter (the deploy's, or the bounded reload meter); throws when it runs out */
	charge(gas: number): void;
};

/**
 * Builds the host object: load, store, erase, log, call, send, balance, hash, crypto, gas.
 * `path` is the lean path of the heap `ctx` lives on.
 */
export function hostObject(
	ctx: QuickJSContext,
	bridge: HostBridge,
	path: LeanPath,
	hooks: HostHooks
): QuickJSHandle {
	const host = ctx.newObject();
	const wrap =
		<A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
		(...args: A): R => {
			try {
				hooks.enter(name);
				return fn(...args);
			} catch (error) {
				if (error instanceof Error && isHostStackOverflow(error.message)) hooks.hostStackOverflow();
				throw error;
			} finally {
				hooks.leave();
			}
		};
	// serve(text args) -> text result or undefined; both paths share it
	const add = (name: string, arity: number, serve: (args: string[]) => string | undefined) => {
		const lean: LeanFunction = wrap(name, (c: number, argc: number, argv: number) => {
			if (argc < arity) throw new TypeError(`host function ${name} needs ${arity} arguments`);
			const args: string[] = [];
			for (let i = 0; i < arity; i++) args.push(path.readString(c, path.argument(argv, i)));
			const out = serve(args);
			return out === undefined ? 0 : path.newString(c, out);
		});
		const fallback = wrap(name, (...handles: QuickJSHandle[]) => {
			if (handles.length < arity)
				throw new TypeError(`host function ${name} needs ${arity} arguments`);
			const out = serve(handles.slice(0, arity).map((h) => ctx.getString(h)));
			return out === undefined ? undefined : ctx.newString(out);
		});
		const handle = leanFunction(ctx, name, lean, fallback);
		ctx.setProp(host, name, handle);
		handle.dispose();
	};
	add('load', 1, (a) => bridge.load(a[0]));
	add('store', 2, (a) => {
		bridge.store(a[0], a[1]);
		return undefined;
	});
	add('erase', 1, (a) => (bridge.erase(a[0]) ? '1' : undefined));
	add('log', 2, (a) => {
		bridge.log(a[0], a[1]);
		return undefined;
	});
	add('call', 4, (a) => bridge.call(a[0], a[1], a[2], a[3]));
	add('send', 2, (a) => bridge.send(a[0], a[1]));
	add('balance', 1, (a) => bridge.balance(a[0]));
	// a module's top level may hash (constants): charged to the sandbox's meter like any compute
	add('hash', 1, (a) => {
		if (!hooks.loading()) return bridge.hash(a[0]);
		const bytes = toBytes(hashInput(a[0]));
		hooks.charge(hashGas(bytes.length));
		return keccak256(bytes);
	});
	// pure operations may run while a file loads (constants), charged the same; randomness may not
	add('crypto', 2, (a) => {
		if (!hooks.loading() && bridge.crypto !== undefined) return bridge.crypto(a[0], a[1]);
		hooks.charge(cryptoGas(a[0], a[1]));
		return serveCrypto(a[0], a[1], undefined);
	});
	// gas(items): a length-driven built-in is about to visit `items` items (native-gas.ts)
	add('gas', 1, (a) => {
		hooks.charge(builtinGas(Number(a[0])));
		return undefined;
	});
	return host;
}

/** The text keccak256 hashes: `t<text or 0x-hex>`, or `j<json string>` for text holding U+0000. */
export function hashInput(data: string): string {
	return data.charCodeAt(0) === 106 ? (JSON.parse(data.slice(1)) as string) : data.slice(1);
}
