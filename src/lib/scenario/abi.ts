/**
 * The ABI of a contract file (model/abi.ts), read from the one tokenizer of learner code: the
 * tokens of sucrase's parse (sim/sandbox/tokens.ts) and the class members they give
 * (sim/sandbox/members.ts). Only the default-exported class counts. Its constructor's parameters
 * are the deploy's; its methods are the ones a transaction may call, so those declared
 * `private` or `protected`, `#names`, static methods, getters, setters and `receive` are left
 * out, as the engine leaves them out of transactions. Overload signatures are types: the
 * implementation's parameters are the ones read.
 */
import { classesOf, type Method } from '#lib/sim/sandbox/members.ts';
import { tokenize } from '#lib/sim/sandbox/tokens.ts';
import { paramType, type Abi, type AbiMethod, type Param } from '#lib/model/abi.ts';

/** The parameters of a method as the forms take them. */
function paramsOf(method: Method | undefined): Param[] {
	return (method?.params ?? []).map((p) => {
		const ts = p.type || 'unknown';
		return { name: p.name, ts, type: paramType(ts, p.name) };
	});
}

/**
 * The ABI of a contract source (its `export default class X ...`).
 * @returns null when the module has no default-exported class (`className` is '' for an
 *   anonymous one)
 * @throws sucrase's SyntaxError (with `loc.line`) when the source does not parse
 */
export function readAbi(source: string): Abi | null {
	const exported = classesOf(tokenize(source)).find((c) => c.exported);
	if (!exported) return null;
	const methods = new Map<string, AbiMethod>();
	for (const m of exported.methods) {
		if (m.kind !== 'method' || m.hidden || m.static || m.name === 'receive') continue;
		// a method written twice: the later one is the class's, as in JavaScript
		methods.set(m.name, { name: m.name, params: paramsOf(m), returns: m.returns || undefined });
	}
	return {
		className: exported.name,
		constructorParams: paramsOf(exported.methods.find((m) => m.kind === 'constructor')),
		methods: [...methods.values()]
	};
}

/**
 * The ABI of every file of a workspace that parses, by path: null for a file without a
 * default-exported class. A file that does not parse is left out, so the caller can keep the
 * last ABI it had (the editor shows the syntax error).
 * @param sources files by path; only `.ts` files are read
 */
export function readAbis(sources: Readonly<Record<string, string>>): Record<string, Abi | null> {
	const out: Record<string, Abi | null> = {};
	for (const [path, source] of Object.entries(sources)) {
		if (!path.endsWith('.ts')) continue;
		try {
			out[path] = readAbi(source);
		} catch (error) {
			if (!(error instanceof SyntaxError)) throw error;
		}
	}
	return out;
}
