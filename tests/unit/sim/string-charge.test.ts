/**
 * The string length charges (sandbox/string-charge.ts): the byte patch finds its four functions in
 * the QuickJS release build or refuses to start, and comparing, hashing and converting a string
 * cost exactly the documented ticks, whatever else the contract does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, test } from 'vitest';
import { GAS } from '#lib/sim/gas.ts';
import type { Chain, World } from '#lib/sim/index.ts';
import { patchAllocationCounter } from '#lib/sim/sandbox/alloc-counter.ts';
import {
	COMPARE_SHIFT,
	HASH_SHIFT,
	NUMBER_SHIFT,
	patchStringCharges,
	STRING_CHARGE_EXPORT
} from '#lib/sim/sandbox/string-charge.ts';
import { fresh } from './helpers.ts';

const release = (): Uint8Array =>
	new Uint8Array(
		readFileSync(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))
	);

/** A copy of `bytes` with the first occurrence of `from` replaced by `to` (same length). */
function replaced(bytes: Uint8Array, from: number[], to: number[]): Uint8Array {
	const out = bytes.slice();
	outer: for (let i = 0; i + from.length <= out.length; i++) {
		for (let j = 0; j < from.length; j++) if (out[i + j] !== from[j]) continue outer;
		out.set(to, i);
		return out;
	}
	throw new Error('pattern not found');
}

describe('the byte patch', () => {
	test('adds its charge to the release build once, and the result is a valid module', () => {
		const patched = patchStringCharges(patchAllocationCounter(release()));
		expect(WebAssembly.validate(patched as Uint8Array<ArrayBuffer>)).toBe(true);
		const names = WebAssembly.Module.exports(
			new WebAssembly.Module(patched as Uint8Array<ArrayBuffer>)
		).map((e) => e.name);
		expect(names).toContain(STRING_CHARGE_EXPORT);
		// a patched module is left as it is (the wrappers are not wrapped again)
		expect(patchStringCharges(patched)).toBe(patched);
	});

	test('refuses a build without the allocation counter', () => {
		expect(() => patchStringCharges(release())).toThrow(/the allocation counter is missing/);
	});

	test('refuses a build where a function is not found exactly once', () => {
		const counted = patchAllocationCounter(release());
		const message = [...new TextEncoder().encode('cannot convert bigint to number')];
		const other = [...new TextEncoder().encode('cannot convert bigint to numbe?')];
		expect(() => patchStringCharges(replaced(counted, message, other))).toThrow(
			/JS_ToNumberHintFree/
		);
		// hash_string multiplies by 263 (i32.const 263; i32.mul): change every such constant
		let noHash = counted;
		for (let i = 0; i < 8; i++) {
			try {
				noHash = replaced(noHash, [0x41, 0x87, 0x02, 0x6c], [0x41, 0x88, 0x02, 0x6c]);
			} catch {
				break;
			}
		}
		expect(() => patchStringCharges(noHash)).toThrow(/hash_string found 0 times/);
	});
});

const STRINGS = `import { Contract } from 'chainlab';
export default class Strings extends Contract {
	compare(n: number, times: number): number {
		const a = 'x'.repeat(n);
		const b = 'x'.repeat(n);
		let k = 0;
		for (let i = 0; i < times; i++) if (a === b) k++;
		return k;
	}
	mapKey(n: number, times: number): number {
		const a = 'x'.repeat(n);
		const b = 'x'.repeat(n);
		const m = new Map<string, number>([[a, 1]]);
		let k = 0;
		for (let i = 0; i < times; i++) k += m.get(b) ?? 0;
		return k;
	}
	propertyName(n: number, times: number): number {
		const a = 'x'.repeat(n);
		const b = 'x'.repeat(n);
		const o: Record<string, number> = { [a]: 1 };
		let k = 0;
		for (let i = 0; i < times; i++) k += o[b];
		return k;
	}
	toNumber(n: number, times: number): number {
		const d = '1'.repeat(n);
		let k = 0;
		for (let i = 0; i < times; i++) k += +d > 0 ? 1 : 0;
		return k;
	}
}`;

let world: World;
let chain: Chain;
let strings: string;
afterEach(() => world?.dispose());

function setup(seed = 5): void {
	({ world, chain } = fresh(seed));
	strings = chain.deploy(STRINGS, { name: 'Strings', from: 'alice' });
}

/** Gas of one more operation on strings of n characters (10 more runs of the loop, divided). */
function perOperation(method: string, n: number): number {
	const gas = (times: number) => {
		const r = chain.send({ from: 'alice', to: strings, method, args: [n, times] });
		expect(r.status, r.error?.message).toBe('success');
		return r.gasUsed;
	};
	const d = gas(20) - gas(10);
	expect(d % 10).toBe(0);
	return d / 10;
}

describe('the charges', () => {
	test('a comparison costs one tick per 512 characters compared', () => {
		setup();
		const n = 100 << COMPARE_SHIFT;
		const extra = perOperation('compare', n) - perOperation('compare', 100);
		expect(extra).toBe((n >> COMPARE_SHIFT) * GAS.stringCompare);
		expect(GAS.stringCompare).toBe(GAS.compute);
		// the part under one tick is free
		expect(perOperation('compare', (1 << COMPARE_SHIFT) - 1)).toBe(perOperation('compare', 1));
	}, 20_000);

	test('a Map key or a property name costs its hash and one comparison', () => {
		setup();
		const n = 100 << COMPARE_SHIFT;
		const ticks = (n >> HASH_SHIFT) * GAS.stringHash + (n >> COMPARE_SHIFT) * GAS.stringCompare;
		expect(perOperation('mapKey', n) - perOperation('mapKey', 100)).toBe(ticks);
		expect(perOperation('propertyName', n) - perOperation('propertyName', 100)).toBe(ticks);
		expect(GAS.stringHash).toBe(GAS.compute);
	}, 20_000);

	test('a conversion to a number costs one tick per 32 characters', () => {
		setup();
		const n = 100 << NUMBER_SHIFT;
		expect(perOperation('toNumber', n) - perOperation('toNumber', 10)).toBe(
			(n >> NUMBER_SHIFT) * GAS.stringToNumber
		);
		expect(GAS.stringToNumber).toBe(GAS.compute);
	}, 20_000);

	test('the charges depend only on lengths: a second world pays the same gas', () => {
		const run = (seed: number) => {
			setup(seed);
			const used = ['compare', 'mapKey', 'propertyName', 'toNumber'].map(
				(method) => chain.send({ from: 'alice', to: strings, method, args: [70_000, 3] }).gasUsed
			);
			world.dispose();
			return used;
		};
		expect(run(5)).toEqual(run(5));
	}, 20_000);
});
