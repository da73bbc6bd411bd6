/**
 * An allocation charge added to the QuickJS release build's WebAssembly by a patch at load time
 * (like the BigInt limit, quickjs.ts). Joining strings with `+` and reading the result, `s += big`
 * in a loop, or a long string used as a property key cost one tick each but copy the whole string
 * natively (QuickJS flattens a rope when it is first read), so the meter must see the bytes.
 *
 * Every call of `malloc` and `realloc` of at least ALLOC_COUNT_FROM bytes costs size >> 11 ticks
 * (one tick, GAS.compute, per 512 bytes), taken from the running context's interrupt counter
 * (whose address the sandbox keeps in the global `cl_counter` while metered code runs; other
 * allocations are not counted) down to 1, so the next poll calls
 * the interrupt handler at once; what does not fit goes to the global `cl_excess`, which the
 * sandbox charges and clears (sandbox.ts settle()). realloc counts its new size whether it grows
 * in place or moves, and the malloc it makes when it moves is not counted again, so the charge
 * depends only on the sizes QuickJS asks for, never on where the allocator finds room: the same
 * in every browser.
 *
 * The patch: malloc's and realloc's bodies move to new functions, and their old indices get small
 * wrappers that count and then call the moved body, so every caller is counted without rewriting
 * a call site. malloc is found as the module's export `v` (the glue binds `_malloc` to it) and
 * free as `M`; realloc is the one function of type (i32, i32) -> i32 that calls both.
 */

/** Allocations smaller than this are not counted (objects, atoms, small strings). */
export const ALLOC_COUNT_FROM = 4096;
/** Bytes per tick of the charge: size >> ALLOC_TICK_SHIFT ticks (512 bytes). */
export const ALLOC_TICK_SHIFT = 9;
/** Export name of the global holding the ticks that did not fit in the counter. */
export const ALLOC_EXCESS_EXPORT = 'cl_excess';
/** Export name of the global holding the running context's counter address (0: none). */
export const ALLOC_COUNTER_EXPORT = 'cl_counter';

/** One section of a WebAssembly module: its id and its bytes. */
export type Section = { id: number; body: Uint8Array };

/** Unsigned LEB128 of a u32. */
export function leb(value: number): number[] {
	const out: number[] = [];
	let v = value >>> 0;
	do {
		let byte = v & 0x7f;
		v >>>= 7;
		if (v !== 0) byte |= 0x80;
		out.push(byte);
	} while (v !== 0);
	return out;
}

/** Reads LEB128 numbers and names from a module's bytes. */
export class Reader {
	pos: number;
	constructor(
		readonly bytes: Uint8Array,
		start = 0
	) {
		this.pos = start;
	}
	/** An unsigned LEB128 of at most 32 bits. */
	u32(): number {
		return this.leb128(false);
	}
	/** A signed LEB128 of at most 32 bits. */
	s32(): number {
		return this.leb128(true);
	}
	private leb128(signed: boolean): number {
		let result = 0;
		let shift = 0;
		let byte: number;
		do {
			byte = this.bytes[this.pos++];
			result |= (byte & 0x7f) << shift;
			shift += 7;
		} while (byte & 0x80);
		if (!signed) return result >>> 0;
		return shift < 32 && byte & 0x40 ? result | (-1 << shift) : result;
	}
	skipName(): void {
		const n = this.u32();
		this.pos += n;
	}
	skipLimits(): void {
		const flags = this.bytes[this.pos++];
		this.u32();
		if (flags & 1) this.u32();
	}
}

/** The sections of a module, in order. */
export function sections(bytes: Uint8Array): Section[] {
	const r = new Reader(bytes, 8);
	const out: Section[] = [];
	while (r.pos < bytes.length) {
		const id = bytes[r.pos++];
		const size = r.u32();
		out.push({ id, body: bytes.subarray(r.pos, r.pos + size) });
		r.pos += size;
	}
	return out;
}

/** A WebAssembly vector: its length, then the items. */
export function vector(items: number[][]): number[] {
	return [...leb(items.length), ...items.flat()];
}

/** Whether `bytes` holds `pattern` anywhere (a byte scan, not an instruction walk). */
export function contains(bytes: Uint8Array, pattern: number[]): boolean {
	outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
		for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
		return true;
	}
	return false;
}

/** Calls (opcode 0x10) in a function body, by a byte scan (a false match only makes it stricter). */
function calls(body: Uint8Array, target: number): boolean {
	return contains(body, [0x10, ...leb(target)]);
}

function fail(what: string): never {
	throw new Error(`QuickJS build changed: ${what}; update sandbox/alloc-counter.ts`);
}

/** What the patches read of a module: its sections and the index spaces they change. */
export type ModuleInfo = {
	secs: Section[];
	/** the section with this id; throws when the module has none */
	get(id: number): Section;
	/** imported functions and globals come first in their index spaces */
	importedFunctions: number;
	importedGlobals: number;
	/** each type as "params>results" of value type bytes, such as "127,127>127" */
	types: string[];
	/** the type index of each defined function */
	funcTypes: number[];
	/** export name to [kind, index] */
	exports: Map<string, [number, number]>;
	/** the code of each defined function (locals, then instructions) */
	bodies: Uint8Array[];
};

/**
 * Reads the sections of a module that the patches use.
 * @throws Error when a needed section is missing
 */
export function readModule(bytes: Uint8Array, fail: (what: string) => never): ModuleInfo {
	const secs = sections(bytes);
	const get = (id: number) => secs.find((s) => s.id === id) ?? fail(`section ${id} missing`);
	// imported functions and globals come first in their index spaces
	let importedFunctions = 0;
	let importedGlobals = 0;
	{
		const r = new Reader(get(2).body);
		for (let n = r.u32(); n > 0; n--) {
			r.skipName();
			r.skipName();
			const kind = r.bytes[r.pos++];
			if (kind === 0) {
				r.u32();
				importedFunctions++;
			} else if (kind === 1) {
				r.pos++;
				r.skipLimits();
			} else if (kind === 2) r.skipLimits();
			else {
				r.pos += 2;
				importedGlobals++;
			}
		}
	}
	const funcTypes: number[] = [];
	{
		const r = new Reader(get(3).body);
		for (let n = r.u32(); n > 0; n--) funcTypes.push(r.u32());
	}
	const types: string[] = [];
	{
		const r = new Reader(get(1).body);
		for (let n = r.u32(); n > 0; n--) {
			r.pos++;
			const np = r.u32();
			const params = [...r.bytes.subarray(r.pos, (r.pos += np))];
			const nr = r.u32();
			const results = [...r.bytes.subarray(r.pos, (r.pos += nr))];
			types.push(`${params.join(',')}>${results.join(',')}`);
		}
	}
	const exports = new Map<string, [number, number]>();
	{
		const r = new Reader(get(7).body);
		for (let n = r.u32(); n > 0; n--) {
			const len = r.u32();
			const name = new TextDecoder().decode(r.bytes.subarray(r.pos, (r.pos += len)));
			const kind = r.bytes[r.pos++];
			exports.set(name, [kind, r.u32()]);
		}
	}
	const bodies: Uint8Array[] = [];
	{
		const r = new Reader(get(10).body);
		for (let n = r.u32(); n > 0; n--) {
			const size = r.u32();
			bodies.push(r.bytes.subarray(r.pos, (r.pos += size)));
		}
	}
	return { secs, get, importedFunctions, importedGlobals, types, funcTypes, exports, bodies };
}

/**
 * Adds the allocation counter to the QuickJS release build's bytes (see the file comment).
 * @throws Error when malloc, free or realloc cannot be identified (a different QuickJS build):
 *   the sandbox refuses to start rather than run without the charge
 */
export function patchAllocationCounter(bytes: Uint8Array): Uint8Array {
	const { secs, get, importedFunctions, importedGlobals, types, funcTypes, exports, bodies } =
		readModule(bytes, fail);
	if (exports.has(ALLOC_EXCESS_EXPORT)) return bytes;
	const I32 = 0x7f;
	const typeOf = (f: number) => types[funcTypes[f - importedFunctions]];
	const malloc = exports.get('v')?.[1] ?? fail('no malloc export');
	const free = exports.get('M')?.[1] ?? fail('no free export');
	if (typeOf(malloc) !== `${I32}>${I32}` || typeOf(free) !== `${I32}>`)
		fail('malloc or free has an unexpected type');
	const pair = `${I32},${I32}>${I32}`;
	const reallocs = bodies
		.map((body, i) => i + importedFunctions)
		.filter(
			(f) =>
				typeOf(f) === pair &&
				calls(bodies[f - importedFunctions], malloc) &&
				calls(bodies[f - importedFunctions], free)
		);
	if (reallocs.length !== 1) fail(`realloc found ${reallocs.length} times`);
	const realloc = reallocs[0];

	const total = importedFunctions + bodies.length;
	const movedMalloc = total;
	const movedRealloc = total + 1;
	const counter = total + 2;
	let globalCount = 0;
	const globalSec = secs.find((s) => s.id === 6);
	if (globalSec) globalCount = new Reader(globalSec.body).u32();
	const excess = importedGlobals + globalCount;
	const address = excess + 1;
	const inRealloc = excess + 2;
	const g = (i: number) => leb(i);
	// count(size): locals 1 n (ticks), 2 a (counter address), 3 c (counter value)
	const countBody = [
		...[1, 3, I32],
		...[0x20, 0, 0x41, ...sleb(ALLOC_COUNT_FROM), 0x49, 0x04, 0x40, 0x0f, 0x0b], // size < from: return
		...[0x20, 0, 0x41, ALLOC_TICK_SHIFT, 0x76, 0x21, 1], // n = size >> shift
		...[0x23, ...g(address), 0x22, 2, 0x45, 0x04, 0x40, 0x0f, 0x0b], // no context runs: return
		...[0x20, 2, 0x28, 2, 0, 0x22, 3, 0x20, 1, 0x6b, 0x41, 1, 0x4e, 0x04, 0x40], // if (c - n >= 1)
		...[0x20, 2, 0x20, 3, 0x20, 1, 0x6b, 0x36, 2, 0, 0x0f, 0x0b], // *a = c - n; return
		...[0x20, 3, 0x41, 1, 0x4a, 0x04, 0x40], // if (c > 1)
		...[0x20, 1, 0x20, 3, 0x41, 1, 0x6b, 0x6b, 0x21, 1], // n -= c - 1
		...[0x20, 2, 0x41, 1, 0x36, 2, 0, 0x0b], // *a = 1
		...[0x23, ...g(excess), 0x20, 1, 0x6a, 0x24, ...g(excess), 0x0b] // excess += n
	];
	// malloc(size): count unless realloc is running, then call the moved body
	const mallocWrapper = [
		0,
		...[0x23, ...g(inRealloc), 0x45, 0x04, 0x40, 0x20, 0, 0x10, ...leb(counter), 0x0b],
		...[0x20, 0, 0x10, ...leb(movedMalloc), 0x0b]
	];
	// realloc(ptr, size): count size, mark realloc running, call the moved body, unmark
	const reallocWrapper = [
		0,
		...[0x20, 1, 0x10, ...leb(counter), 0x41, 1, 0x24, ...g(inRealloc)],
		...[0x20, 0, 0x20, 1, 0x10, ...leb(movedRealloc), 0x41, 0, 0x24, ...g(inRealloc), 0x0b]
	];
	const newBodies = bodies.map((b) => [...b]);
	newBodies.push(
		[...bodies[malloc - importedFunctions]],
		[...bodies[realloc - importedFunctions]],
		countBody
	);
	newBodies[malloc - importedFunctions] = mallocWrapper;
	newBodies[realloc - importedFunctions] = reallocWrapper;

	const replaced = new Map<number, number[]>();
	replaced.set(
		3,
		vector([
			...funcTypes.map((t) => leb(t)),
			leb(funcTypes[malloc - importedFunctions]),
			leb(funcTypes[realloc - importedFunctions]),
			leb(funcTypes[free - importedFunctions])
		])
	);
	replaced.set(10, vector(newBodies.map((b) => [...leb(b.length), ...b])));
	const mutI32Zero = [I32, 1, 0x41, 0, 0x0b];
	const oldGlobals = globalSec ? [...globalSec.body.subarray(leb(globalCount).length)] : [];
	replaced.set(6, [
		...leb(globalCount + 3),
		...oldGlobals,
		...mutI32Zero,
		...mutI32Zero,
		...mutI32Zero
	]);
	const exportSec = get(7).body;
	const exportOf = (name: string, index: number) => {
		const bytes = [...new TextEncoder().encode(name)];
		return [...leb(bytes.length), ...bytes, 3, ...leb(index)];
	};
	replaced.set(7, [
		...leb(exports.size + 2),
		...exportSec.subarray(leb(exports.size).length),
		...exportOf(ALLOC_EXCESS_EXPORT, excess),
		...exportOf(ALLOC_COUNTER_EXPORT, address)
	]);

	return rebuild(bytes, secs, replaced);
}

/**
 * The module's bytes with some sections replaced (by id); a module without a global section gets
 * the replaced one before its export section, as the section order requires.
 */
export function rebuild(
	bytes: Uint8Array,
	secs: Section[],
	replaced: Map<number, number[]>
): Uint8Array {
	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	const put = (id: number, body: Uint8Array | number[]) =>
		parts.push(new Uint8Array([id, ...leb(body.length)]), Uint8Array.from(body));
	let globalWritten = !replaced.has(6) || secs.some((s) => s.id === 6);
	for (const s of secs) {
		if (!globalWritten && s.id === 7) {
			put(6, replaced.get(6)!);
			globalWritten = true;
		}
		put(s.id, replaced.get(s.id) ?? s.body);
	}
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Signed LEB128 of an i32. */
export function sleb(value: number): number[] {
	const out: number[] = [];
	let v = value;
	for (;;) {
		const byte = v & 0x7f;
		v >>= 7;
		if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
			out.push(byte);
			return out;
		}
		out.push(byte | 0x80);
	}
}
