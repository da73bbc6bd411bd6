/**
 * A charge for prototype-chain walks, added to the QuickJS release build's WebAssembly by a patch
 * at load time, after the step charge (step-charge.ts), whose step count it uses. QuickJS looks a
 * property up along the prototype chain natively inside one bytecode instruction, so reading a
 * missing name on a chain of 20,000 objects (built with Object.create, `class extends`, a
 * `__proto__` literal or setPrototypeOf in a loop) walked all 20,000 for one step: about 877 ms
 * of host time per 100,000 gas. `in`, `instanceof`, isPrototypeOf, `for...in` and a write that
 * looks for a setter walk the same way.
 *
 * Every walk steps from an object to its prototype by reading `p->shape->proto` (JSObject.shape
 * at byte 20, JSShape.proto at byte 44 in this build). The patch finds each read of offset 44
 * from a shape (a value read from offset 20, directly or through a local set from such a read)
 * and makes it count one step (STEP_PER_HOP) against the step charge's `cl_steps`, calling the
 * step charge's `cl_step_charge` as soon as the steps left reach 0, so the ticks are taken during
 * the walk (a getter or method found at the end cannot grant fresh steps over the debt). In
 * quickjs.c these are the walks of JS_GetPropertyInternal, JS_GetOwnPropertyNames' for-in
 * enumeration, JS_HasProperty, JS_SetPropertyInternal (looking for setters), JS_OrdinaryIsInstanceOf
 * and isPrototypeOf, the cycle check of JS_SetPrototypeInternal and the `sh->proto` reads where
 * `sh = p->shape`, some inlined twice. The count depends only on the objects the contract built
 * (wasm runs the same in every browser), so gas stays deterministic; an ordinary method call or
 * property read walks one or two prototypes, a step or two of the 256 a tick pays. A built-in
 * that looks up the missing items of a sparse array walks array, Array.prototype and
 * Object.prototype for each (3 steps an item, on top of builtinItems).
 */
import { leb, Reader, readModule, rebuild, vector } from './alloc-counter.ts';
import { STEP_CHARGE_EXPORT, STEP_EXPORT } from './step-charge.ts';
import { skipImmediates } from './string-charge.ts';

/** Steps one prototype hop counts for. */
export const STEP_PER_HOP = 1;
/** Reads of `shape->proto` in the QuickJS 2025-09-13 release build (quickjs-emscripten 0.32). */
export const PROTO_READS = 14;

const SHAPE = '2,20'; // i32.load align=4 offset=20: JSObject.shape
const PROTO = '2,44'; // i32.load align=4 offset=44: JSShape.proto

function fail(what: string): never {
	throw new Error(`QuickJS build changed: ${what}; update sandbox/proto-charge.ts`);
}

/** Byte offsets just past each `shape->proto` read of a function body. */
function protoReads(body: Uint8Array): number[] {
	const r = new Reader(body);
	for (let n = r.u32(); n > 0; n--) {
		r.u32();
		r.pos++;
	}
	const shapeLocals = new Set<string>();
	const found: number[] = [];
	let last = { op: -1, imm: '' };
	while (r.pos < body.length) {
		const op = body[r.pos++];
		const start = r.pos;
		skipImmediates(r, op);
		const imm = body.subarray(start, r.pos).join();
		if ((op === 0x21 || op === 0x22) && last.op === 0x28 && last.imm === SHAPE)
			shapeLocals.add(imm);
		if (
			op === 0x28 &&
			imm === PROTO &&
			((last.op === 0x20 && shapeLocals.has(last.imm)) || (last.op === 0x28 && last.imm === SHAPE))
		)
			found.push(r.pos);
		last = { op, imm };
	}
	return found;
}

/**
 * Adds the prototype-hop charge to the QuickJS release build's bytes, after patchStepCharge.
 * @throws Error when the step charge is missing or the build does not have exactly PROTO_READS
 *   reads of `shape->proto` (a different QuickJS build): the sandbox refuses to start rather
 *   than run without the charge
 */
export function patchProtoCharge(bytes: Uint8Array): Uint8Array {
	const { secs, exports, bodies } = readModule(bytes, fail);
	const stepsExport = exports.get(STEP_EXPORT);
	const chargeExport = exports.get(STEP_CHARGE_EXPORT);
	if (stepsExport?.[0] !== 3 || chargeExport?.[0] !== 0) fail('the step charge is missing');
	const steps = leb(stepsExport[1]);
	// steps -= STEP_PER_HOP; if (steps <= 0) charge(): the ticks are taken during the walk, so a
	// call at its end (a getter, a method) cannot grant fresh steps over the debt
	const perHop = [
		...[0x23, ...steps, 0x41, STEP_PER_HOP, 0x6b, 0x24, ...steps],
		...[0x23, ...steps, 0x41, 0, 0x4c, 0x04, 0x40, 0x10, ...leb(chargeExport[1]), 0x0b]
	];
	let reads = 0;
	const newBodies = bodies.map((b) => {
		const at = protoReads(b);
		reads += at.length;
		if (at.length === 0) return [...b];
		const out: number[] = [];
		let from = 0;
		for (const end of at) {
			out.push(...b.subarray(from, end), ...perHop);
			from = end;
		}
		out.push(...b.subarray(from));
		return out;
	});
	if (reads !== PROTO_READS) fail(`${reads} reads of shape->proto found (expected ${PROTO_READS})`);
	const replaced = new Map<number, number[]>();
	replaced.set(10, vector(newBodies.map((b) => [...leb(b.length), ...b])));
	return rebuild(bytes, secs, replaced);
}
