/**
 * Length charges for the string work QuickJS does natively inside one tick, added to the QuickJS
 * release build's WebAssembly by a patch at load time (after the allocation counter,
 * alloc-counter.ts, whose globals it uses). Comparing two strings (`===`, `<`, `switch`, a Map or
 * Set key found in its bucket, `sort`), hashing one (a Map or Set key, a computed property name,
 * `in`) and converting one to a number (unary `+`, `text * 1`, `text == 5`, `Number(text)`, a
 * comparison with a BigInt) each loop over the characters without moving the interrupt counter,
 * so without a charge `a === b` on two 1,000,000-character strings took about 1 ms for 20 gas.
 *
 * Each of those operations now costs `length >> shift` ticks (one tick is GAS.compute), taken from
 * the running context's interrupt counter down to 1 (so the next poll calls the interrupt handler)
 * with the rest in `cl_excess`, exactly as alloc-counter.ts takes allocation ticks: nothing when no
 * metered code runs. The charge is paid before the native loop runs and depends only on the
 * lengths of the strings (the characters compared, the string hashed, the string converted),
 * never on where they sit in memory, so it is the same in every browser. The part of a length
 * below one tick is free (a 511-character comparison costs nothing), as the allocation charge
 * leaves allocations under 4 KiB free.
 *
 * The patch moves the bodies of four QuickJS functions to new indices and puts small wrappers at
 * their old indices (so every caller pays without a call site being rewritten), each recognised by
 * what it does rather than by name (the release build has no name section):
 * - js_string_memcmp(p1, pos1, p2, pos2, len): the one function of five i32 parameters that
 *   __JS_NewAtom calls; it compares `len` characters (quickjs.c).
 * - hash_string(str, h): the function of type (i32, i32) -> i32 whose loop multiplies by 263 and
 *   that calls the 8-bit loop hash_string8; __JS_NewAtom is the caller of it that takes an i32.
 * - JS_ToNumberHintFree(ctx, val, flag): the one function that refers to the message "cannot
 *   convert bigint to number"; it calls JS_ToCStringLen and js_atof.
 * - JS_StringToBigInt(ctx, val): the other function that calls both JS_ToCStringLen and js_atof.
 */
import {
	ALLOC_COUNTER_EXPORT,
	ALLOC_EXCESS_EXPORT,
	contains,
	leb,
	Reader,
	readModule,
	rebuild,
	vector
} from './alloc-counter.ts';

/** Characters compared per tick: a comparison of `len` characters costs len >> 9 ticks. */
export const COMPARE_SHIFT = 9;
/** Characters hashed per tick: hashing a string of `len` characters costs len >> 8 ticks. */
export const HASH_SHIFT = 8;
/**
 * Characters converted per tick: a string of `len` characters to a number costs len >> 5 ticks
 * (converting is the dearest of the three per character: js_atof of a 4,000-digit text takes
 * about 80 µs). Shorter texts are free, so the engine's own decoding of arguments and storage
 * values (a bigint of up to 31 digits) costs what it did.
 */
export const NUMBER_SHIFT = 5;
/** Export name of the patch's charge function (its presence marks a patched module). */
export const STRING_CHARGE_EXPORT = 'cl_string_charge';

const I32 = 0x7f;
const I64 = 0x7e;

function fail(what: string): never {
	throw new Error(`QuickJS build changed: ${what}; update sandbox/string-charge.ts`);
}

/**
 * Moves `r` past the immediates of an instruction whose opcode it just read.
 * @throws Error on a SIMD or atomic instruction, which this build does not use
 */
export function skipImmediates(r: Reader, op: number): void {
	if (op === 0x02 || op === 0x03 || op === 0x04) {
		const t = r.bytes[r.pos];
		if (
			t === 0x40 ||
			t === I32 ||
			t === I64 ||
			t === 0x7d ||
			t === 0x7c ||
			t === 0x70 ||
			t === 0x6f
		)
			r.pos++;
		else r.u32();
	} else if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x26) || op === 0xd2) r.u32();
	else if (op === 0x0e) {
		for (let n = r.u32() + 1; n > 0; n--) r.u32();
	} else if (op === 0x10 || op === 0x12) r.u32();
	else if (op === 0x11 || op === 0x13) {
		r.u32();
		r.u32();
	} else if (op === 0x1c) {
		for (let n = r.u32(); n > 0; n--) r.pos++;
	} else if (op >= 0x28 && op <= 0x3e) {
		r.u32();
		r.u32();
	} else if (op === 0x3f || op === 0x40 || op === 0xd0) r.pos++;
	else if (op === 0x41 || op === 0x42) {
		while (r.bytes[r.pos++] & 0x80);
	} else if (op === 0x43) r.pos += 4;
	else if (op === 0x44) r.pos += 8;
	else if (op === 0xfc) {
		const sub = r.u32();
		if (sub === 8 || sub === 12 || sub === 14) {
			r.u32();
			if (sub === 8) r.pos++;
			else r.u32();
		} else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
		else if (sub === 10) r.pos += 2;
		else if (sub === 11) r.pos++;
		else if (sub > 7) fail(`unknown instruction 0xfc ${sub}`);
	} else if (op === 0xfd || op === 0xfe) fail(`unexpected instruction prefix ${op}`);
}

type Instruction = { op: number; value: number };

/** The calls (op 0x10) and i32 constants (op 0x41) of a function body, in order. */
function scan(body: Uint8Array): Instruction[] {
	const r = new Reader(body);
	for (let n = r.u32(); n > 0; n--) {
		r.u32();
		r.pos++;
	}
	const out: Instruction[] = [];
	while (r.pos < body.length) {
		const op = body[r.pos++];
		if (op === 0x10) out.push({ op, value: r.u32() });
		else if (op === 0x41) out.push({ op, value: r.s32() });
		else skipImmediates(r, op);
	}
	return out;
}

/** Memory address of a NUL-terminated text in the module's active data segments, or -1. */
function dataAddress(data: Uint8Array, text: string): number {
	const needle = [...new TextEncoder().encode(text), 0];
	const r = new Reader(data);
	let found = -1;
	for (let n = r.u32(); n > 0; n--) {
		const flag = r.u32();
		let offset = -1;
		if (flag === 0 && data[r.pos] === 0x41) {
			r.pos++;
			offset = r.s32();
			if (data[r.pos++] !== 0x0b) fail('unexpected data segment offset');
		} else if (flag !== 1) fail(`data segment kind ${flag}`);
		const size = r.u32();
		const bytes = data.subarray(r.pos, r.pos + size);
		r.pos += size;
		if (offset < 0) continue;
		outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
			for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
			if (found >= 0) fail(`"${text}" found twice in the data`);
			found = offset + i;
		}
	}
	return found;
}

function only<T>(items: T[], what: string): T {
	if (items.length !== 1) fail(`${what} found ${items.length} times (expected once)`);
	return items[0];
}

/**
 * Adds the string length charges to the QuickJS release build's bytes, after
 * patchAllocationCounter (see the file comment).
 * @throws Error when a function cannot be identified exactly once or the allocation counter is
 *   missing (a different QuickJS build): the sandbox refuses to start rather than run without the
 *   charges
 */
export function patchStringCharges(bytes: Uint8Array): Uint8Array {
	const { secs, get, importedFunctions, importedGlobals, types, funcTypes, exports, bodies } =
		readModule(bytes, fail);
	if (exports.has(STRING_CHARGE_EXPORT)) return bytes;
	const counter = exports.get(ALLOC_COUNTER_EXPORT);
	const excess = exports.get(ALLOC_EXCESS_EXPORT);
	if (counter?.[0] !== 3 || excess?.[0] !== 3) fail('the allocation counter is missing');
	const defined = bodies.map((_, i) => i + importedFunctions);
	const body = (f: number) => bodies[f - importedFunctions];
	const typeOf = (f: number) =>
		f < importedFunctions ? '' : types[funcTypes[f - importedFunctions]];
	const scans = new Map<number, Instruction[]>();
	const instructions = (f: number) => {
		let s = scans.get(f);
		if (!s) scans.set(f, (s = scan(body(f))));
		return s;
	};
	const callees = (f: number) =>
		new Set(
			instructions(f)
				.filter((i) => i.op === 0x10)
				.map((i) => i.value)
		);
	const i32s = (n: number) => Array(n).fill(I32).join(',');

	// hash_string: h = h * 263 + c (i32.const 263; i32.mul), 16-bit loop inline, 8-bit one called
	const times263 = [0x41, 0x87, 0x02, 0x6c];
	const hashLoops = defined.filter((f) => contains(body(f), times263));
	const hashString = only(
		hashLoops.filter(
			(f) =>
				typeOf(f) === `${i32s(2)}>${I32}` &&
				[...callees(f)].some((g) => hashLoops.includes(g) && typeOf(g) === `${i32s(3)}>${I32}`)
		),
		'hash_string'
	);
	const newAtom = only(
		defined.filter((f) => typeOf(f).startsWith(`${I32},`) && callees(f).has(hashString)),
		'__JS_NewAtom'
	);
	const memcmp = only(
		[...callees(newAtom)].filter((g) => typeOf(g) === `${i32s(5)}>${I32}`),
		'js_string_memcmp'
	);
	const message = dataAddress(get(11).body, 'cannot convert bigint to number');
	if (message < 0) fail('the message of JS_ToNumberHintFree is missing');
	const toNumber = only(
		defined.filter((f) => instructions(f).some((i) => i.op === 0x41 && i.value === message)),
		'JS_ToNumberHintFree'
	);
	if (typeOf(toNumber) !== `${I32},${I64},${I32}>${I64}`)
		fail('JS_ToNumberHintFree has a new type');
	const toCString = only(
		[...callees(toNumber)].filter((g) => typeOf(g) === `${I32},${I32},${I64}>${I32}`),
		'JS_ToCStringLen'
	);
	const atof = only(
		[...callees(toNumber)].filter((g) => typeOf(g) === `${i32s(5)}>${I64}`),
		'js_atof'
	);
	const toBigInt = only(
		defined.filter((f) => f !== toNumber && callees(f).has(toCString) && callees(f).has(atof)),
		'JS_StringToBigInt'
	);
	if (typeOf(toBigInt) !== `${I32},${I64}>${I64}`) fail('JS_StringToBigInt has a new type');
	const takeType = types.indexOf(`${I32}>`);
	if (takeType < 0) fail('no (i32) -> () type');

	const total = importedFunctions + bodies.length;
	const wrapped = [memcmp, hashString, toNumber, toBigInt];
	const moved = (f: number) => total + wrapped.indexOf(f);
	const take = total + wrapped.length;
	const g = (i: number) => leb(i);
	const counterGlobal = g(counter![1]);
	const excessGlobal = g(excess![1]);
	if (importedGlobals > counter![1]) fail('the counter global is imported');
	// take(n): locals 1 a (counter address), 2 c (counter value)
	const takeBody = [
		...[1, 2, I32],
		...[0x20, 0, 0x45, 0x04, 0x40, 0x0f, 0x0b], // n == 0: return
		...[0x23, ...counterGlobal, 0x22, 1, 0x45, 0x04, 0x40, 0x0f, 0x0b], // no context runs: return
		...[0x20, 1, 0x28, 2, 0, 0x22, 2, 0x20, 0, 0x6b, 0x41, 1, 0x4e, 0x04, 0x40], // if (c - n >= 1)
		...[0x20, 1, 0x20, 2, 0x20, 0, 0x6b, 0x36, 2, 0, 0x0f, 0x0b], // *a = c - n; return
		...[0x20, 2, 0x41, 1, 0x4a, 0x04, 0x40], // if (c > 1)
		...[0x20, 0, 0x20, 2, 0x41, 1, 0x6b, 0x6b, 0x21, 0], // n -= c - 1
		...[0x20, 1, 0x41, 1, 0x36, 2, 0, 0x0b], // *a = 1
		...[0x23, ...excessGlobal, 0x20, 0, 0x6a, 0x24, ...excessGlobal, 0x0b] // excess += n
	];
	const lengthMask = [0x41, 0xff, 0xff, 0xff, 0xff, 0x07, 0x71]; // i32.const 0x7fffffff; i32.and
	const forward = (f: number, params: number) => [
		...Array.from({ length: params }, (_, i) => [0x20, i]).flat(),
		0x10,
		...leb(moved(f)),
		0x0b
	];
	// when the JSValue is a string (tag -7) or a rope (tag -6): take(len >> shift)
	const valueLength = (local: number, shift: number) => [
		...[0x20, local, 0x42, 32, 0x88, 0xa7, 0x41, 7, 0x6a, 0x41, 2, 0x49, 0x04, 0x40],
		...[0x20, local, 0xa7, 0x28, 2, 4, ...lengthMask],
		...[0x41, shift, 0x76, 0x10, ...leb(take), 0x0b]
	];
	const wrappers = new Map<number, number[]>([
		// js_string_memcmp: len is parameter 4
		[memcmp, [0, 0x20, 4, 0x41, COMPARE_SHIFT, 0x76, 0x10, ...leb(take), ...forward(memcmp, 5)]],
		// hash_string: the JSString's len is the low 31 bits of its second word
		[
			hashString,
			[
				...[0, 0x20, 0, 0x28, 2, 4, ...lengthMask, 0x41, HASH_SHIFT, 0x76, 0x10, ...leb(take)],
				...forward(hashString, 2)
			]
		],
		[toNumber, [0, ...valueLength(1, NUMBER_SHIFT), ...forward(toNumber, 3)]],
		[toBigInt, [0, ...valueLength(1, NUMBER_SHIFT), ...forward(toBigInt, 2)]]
	]);
	const newBodies = bodies.map((b, i) => wrappers.get(i + importedFunctions) ?? [...b]);
	for (const f of wrapped) newBodies.push([...body(f)]);
	newBodies.push(takeBody);

	const replaced = new Map<number, number[]>();
	replaced.set(
		3,
		vector([
			...funcTypes.map((t) => leb(t)),
			...wrapped.map((f) => leb(funcTypes[f - importedFunctions])),
			leb(takeType)
		])
	);
	replaced.set(10, vector(newBodies.map((b) => [...leb(b.length), ...b])));
	const name = [...new TextEncoder().encode(STRING_CHARGE_EXPORT)];
	const exportSec = get(7).body;
	replaced.set(7, [
		...leb(exports.size + 1),
		...exportSec.subarray(leb(exports.size).length),
		...[...leb(name.length), ...name, 0, ...leb(take)]
	]);
	return rebuild(bytes, secs, replaced);
}
