/**
 * The step charge (sandbox/step-charge.ts): the byte patch finds the interpreter's opcode switch,
 * js_poll_interrupts and the allocation count in the QuickJS release build or refuses to start.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { patchAllocationCounter } from '#lib/sim/sandbox/alloc-counter.ts';
import { patchStepCharge, STEP_EXPORT } from '#lib/sim/sandbox/step-charge.ts';
import { patchStringCharges } from '#lib/sim/sandbox/string-charge.ts';

const release = (): Uint8Array =>
	new Uint8Array(
		readFileSync(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'))
	);

describe('the byte patch', () => {
	test('adds its charge to the release build once, and the result is a valid module', () => {
		const patched = patchStepCharge(patchStringCharges(patchAllocationCounter(release())));
		expect(WebAssembly.validate(patched as Uint8Array<ArrayBuffer>)).toBe(true);
		const names = WebAssembly.Module.exports(
			new WebAssembly.Module(patched as Uint8Array<ArrayBuffer>)
		).map((e) => e.name);
		expect(names).toContain(STEP_EXPORT);
		// a patched module is left as it is (the switch is not counted twice)
		expect(patchStepCharge(patched)).toBe(patched);
	});

	test('refuses a build without the string charges', () => {
		expect(() => patchStepCharge(patchAllocationCounter(release()))).toThrow(
			/the allocation counter or the string charges are missing/
		);
	});

	test('refuses a build whose poll does not reset the counter to 10,000', () => {
		const charged = patchStringCharges(patchAllocationCounter(release()));
		// i32.const 10000 (the counter's reset value) appears in the poll and elsewhere
		const out = charged.slice();
		const from = [0x41, 0x90, 0xce, 0x00];
		for (let i = 0; i + from.length <= out.length; i++)
			if (from.every((b, j) => out[i + j] === b)) out[i + 1] = 0x91;
		expect(() => patchStepCharge(out)).toThrow(/js_poll_interrupts found 0 times/);
	});
});
