/**
 * A charge for straight-line bytecode, added to the QuickJS release build's WebAssembly by a patch
 * at load time (after the allocation counter, alloc-counter.ts, and the string charges,
 * string-charge.ts, whose take function it calls). QuickJS moves its interrupt counter only at a
 * function call and at a jump (js_poll_interrupts), so code without either was nearly free: a loop
 * whose body is 1,000 statements `k = k + 1` cost one tick per iteration, about 260 ms of host
 * time per 100,000 gas; a method of 10,000 such statements, called in a loop, as much.
 *
 * The patch counts the bytecode instructions the interpreter runs between two ticks: every
 * instruction is one step and every allocation QuickJS makes (any size) is STEP_ALLOC more,
 * since an instruction that builds an object, an array, a closure or a string costs several times
 * a plain one. Each tick grants STEP_OPS steps, so ordinary code (a loop body or a branch of
 * fewer than STEP_OPS steps) costs what it did; every STEP_OPS steps more before the next tick
 * cost one tick more, taken from the running context's interrupt counter as the string charges
 * take theirs (down to 1, the rest in `cl_excess`; nothing when no metered code runs). The count
 * depends only on the instructions and allocations QuickJS makes, which are the same in every
 * browser for the same sources, so gas stays deterministic.
 *
 * The patch, on functions recognised by what they do (the release build has no name section):
 * - JS_CallInternal, the bytecode interpreter: the one function with a `br_table` of 200 or more
 *   targets (its opcode switch). Before that `br_table`, the step count drops by one and, when it
 *   reaches 0, a new function takes the ticks owed and grants STEP_OPS steps per tick.
 * - js_poll_interrupts(ctx): the callee of the interpreter of type (i32) -> i32 that resets the
 *   counter to 10,000 (JS_INTERRUPT_COUNTER_INIT) and calls the handler indirectly; it starts by
 *   granting STEP_OPS steps, so every tick pays for the steps up to the next one.
 * - the allocation counter's count(size) (alloc-counter.ts), the callee of type (i32) -> () of
 *   malloc's wrapper (export `v`), which realloc's wrapper calls too: it starts by taking
 *   STEP_ALLOC steps. So each malloc and each realloc counts once, whether a realloc grows in
 *   place or moves (which depends on where the allocator finds room, not on the contract).
 */
import {
	ALLOC_COUNTER_EXPORT,
	contains,
	leb,
	Reader,
	readModule,
	rebuild,
	sleb,
	vector
} from './alloc-counter.ts';
import { skipImmediates, STRING_CHARGE_EXPORT } from './string-charge.ts';

/** Steps one tick pays for: a run of more steps without a tick costs a tick per STEP_OPS more. */
export const STEP_OPS = 256;
/** Steps one allocation counts for (an instruction is one step). */
export const STEP_ALLOC = 16;
/** Export name of the global holding the steps left before the next charge. */
export const STEP_EXPORT = 'cl_steps';
/** Export name of the function that takes the ticks owed once the steps left reach 0. */
export const STEP_CHARGE_EXPORT = 'cl_step_charge';

const I32 = 0x7f;
/** An opcode switch has one target per QuickJS opcode (about 245); other switches have few. */
const SWITCH_TARGETS = 200;

function fail(what: string): never {
	throw new Error(`QuickJS build changed: ${what}; update sandbox/step-charge.ts`);
}

/** Byte offset of the first instruction of a function body (past its local declarations). */
function codeStart(body: Uint8Array): number {
	const r = new Reader(body);
	for (let n = r.u32(); n > 0; n--) {
		r.u32();
		r.pos++;
	}
	return r.pos;
}

/** Offsets of the `br_table`s of a body with at least `targets` targets, and its callees. */
function walk(body: Uint8Array, targets: number): { tables: number[]; callees: Set<number> } {
	const r = new Reader(body, codeStart(body));
	const tables: number[] = [];
	const callees = new Set<number>();
	while (r.pos < body.length) {
		const at = r.pos;
		const op = body[r.pos++];
		if (op === 0x0e) {
			const count = new Reader(body, r.pos).u32();
			if (count >= targets) tables.push(at);
		} else if (op === 0x10) {
			callees.add(new Reader(body, r.pos).u32());
		}
		skipImmediates(r, op);
	}
	return { tables, callees };
}

/** `body` with `code` inserted at byte offset `at` of it. */
function inserted(body: Uint8Array, at: number, code: number[]): number[] {
	return [...body.subarray(0, at), ...code, ...body.subarray(at)];
}

/**
 * Adds the step charge to the QuickJS release build's bytes, after patchAllocationCounter and
 * patchStringCharges (see the file comment).
 * @throws Error when the interpreter, js_poll_interrupts or malloc cannot be identified exactly
 *   once, or the earlier patches are missing (a different QuickJS build): the sandbox refuses to
 *   start rather than run without the charge
 */
export function patchStepCharge(bytes: Uint8Array): Uint8Array {
	const { secs, get, importedFunctions, importedGlobals, types, funcTypes, exports, bodies } =
		readModule(bytes, fail);
	if (exports.has(STEP_EXPORT)) return bytes;
	const take = exports.get(STRING_CHARGE_EXPORT);
	if (take?.[0] !== 0 || exports.get(ALLOC_COUNTER_EXPORT)?.[0] !== 3)
		fail('the allocation counter or the string charges are missing');
	const malloc = exports.get('v')?.[1] ?? fail('no malloc export');
	const typeOf = (f: number) =>
		f < importedFunctions ? '' : types[funcTypes[f - importedFunctions]];
	const body = (f: number) => bodies[f - importedFunctions];

	const interpreters = bodies
		.map((b, i) => ({ f: i + importedFunctions, ...walk(b, SWITCH_TARGETS) }))
		.filter((w) => w.tables.length > 0);
	if (interpreters.length !== 1 || interpreters[0].tables.length !== 1)
		fail(`the opcode switch found ${interpreters.length} times (expected once)`);
	const interpreter = interpreters[0];
	const reset = [0x41, ...sleb(10_000)];
	const polls = [...interpreter.callees].filter(
		(g) =>
			typeOf(g) === `${I32}>${I32}` &&
			contains(body(g).subarray(codeStart(body(g))), reset) &&
			contains(body(g).subarray(codeStart(body(g))), [0x11])
	);
	if (polls.length !== 1) fail(`js_poll_interrupts found ${polls.length} times (expected once)`);
	const poll = polls[0];
	// the allocation counter's count(size): what malloc calls outside realloc, and realloc calls
	// once, so a realloc that moves counts as one allocation, as one that grows in place does
	const counts = [...walk(body(malloc), SWITCH_TARGETS).callees].filter(
		(g) => typeOf(g) === `${I32}>`
	);
	if (counts.length !== 1) fail(`the allocation count found ${counts.length} times`);
	const count = counts[0];
	const voidType = types.indexOf('>');
	if (voidType < 0) fail('no () -> () type');

	let globalCount = 0;
	const globalSec = secs.find((s) => s.id === 6);
	if (globalSec) globalCount = new Reader(globalSec.body).u32();
	const steps = leb(importedGlobals + globalCount);
	const charge = importedFunctions + bodies.length;
	const K = sleb(STEP_OPS);
	// charge(): steps <= 0; locals 0 n (ticks owed): n = -steps / K + 1; steps += n * K; take(n)
	const chargeBody = [
		...[1, 1, I32],
		...[0x41, 0, 0x23, ...steps, 0x6b, 0x41, ...K, 0x6e, 0x41, 1, 0x6a, 0x21, 0],
		...[0x23, ...steps, 0x20, 0, 0x41, ...K, 0x6c, 0x6a, 0x24, ...steps],
		...[0x20, 0, 0x10, ...leb(take![1]), 0x0b]
	];
	// before the opcode switch: steps -= 1; if (steps <= 0) charge()
	const perInstruction = [
		...[0x23, ...steps, 0x41, 1, 0x6b, 0x24, ...steps],
		...[0x23, ...steps, 0x41, 0, 0x4c, 0x04, 0x40, 0x10, ...leb(charge), 0x0b]
	];
	const newBodies = bodies.map((b) => [...b]);
	const at = (f: number) => f - importedFunctions;
	newBodies[at(interpreter.f)] = inserted(
		body(interpreter.f),
		interpreter.tables[0],
		perInstruction
	);
	const grant = [0x41, ...K, 0x24, ...steps];
	newBodies[at(poll)] = inserted(body(poll), codeStart(body(poll)), grant);
	const perAllocation = [0x23, ...steps, 0x41, ...sleb(STEP_ALLOC), 0x6b, 0x24, ...steps];
	newBodies[at(count)] = inserted(body(count), codeStart(body(count)), perAllocation);
	newBodies.push(chargeBody);

	const replaced = new Map<number, number[]>();
	replaced.set(3, vector([...funcTypes.map((t) => leb(t)), leb(voidType)]));
	replaced.set(10, vector(newBodies.map((b) => [...leb(b.length), ...b])));
	const oldGlobals = globalSec ? [...globalSec.body.subarray(leb(globalCount).length)] : [];
	replaced.set(6, [...leb(globalCount + 1), ...oldGlobals, I32, 1, 0x41, ...K, 0x0b]);
	const name = [...new TextEncoder().encode(STEP_EXPORT)];
	const chargeName = [...new TextEncoder().encode(STEP_CHARGE_EXPORT)];
	const exportSec = get(7).body;
	replaced.set(7, [
		...leb(exports.size + 2),
		...exportSec.subarray(leb(exports.size).length),
		...[...leb(name.length), ...name, 3, ...steps],
		...[...leb(chargeName.length), ...chargeName, 0, ...leb(charge)]
	]);
	return rebuild(bytes, secs, replaced);
}
