/**
 * Parameter lists of a contract's methods, read from the learner's TypeScript, so a call with
 * too few or too many arguments is refused in the learner's terms ("borrow(amount) expects 1
 * argument, got 0") instead of failing later inside the method ("cannot convert bigint to
 * number"). The compiled JavaScript cannot tell `amount?: bigint` (optional) from `amount: bigint`,
 * so the TypeScript's tokens are read (members.ts): a parameter is optional when it has `?` or a
 * default, and a rest parameter takes any number.
 */
import { classMethods } from './members.ts';
import { type Tokens, tokenize } from './tokens.ts';

/** A method's parameters as the learner wrote them. */
export type Signature = {
	/** parameter names (a destructured parameter is shown as written, a rest one with `...`) */
	params: string[];
	/** arguments required */
	min: number;
	/** most arguments accepted; -1 with a rest parameter */
	max: number;
};

/**
 * Signatures of the methods (and the constructor) of the classes in a module, by name: the
 * default-exported class's own first, then those of the other classes (first found wins).
 * @param code TypeScript source, or its tokens
 * @param methods only these names (all when absent)
 * @throws sucrase's SyntaxError when `code` is a source that does not parse
 */
export function methodSignatures(
	code: string | Tokens,
	methods?: readonly string[]
): Record<string, Signature> {
	const tokens = typeof code === 'string' ? tokenize(code) : code;
	const out: Record<string, Signature> = Object.create(null) as Record<string, Signature>;
	const wanted = methods === undefined ? undefined : new Set(methods);
	for (const method of classMethods(tokens)) {
		const name = method.name;
		if (Object.hasOwn(out, name) || (wanted !== undefined && !wanted.has(name))) continue;
		let min = 0;
		for (const p of method.params) {
			if (p.optional || p.rest) break;
			min++;
		}
		out[name] = {
			params: method.params.map((p) => p.name),
			min,
			max: method.params.some((p) => p.rest) ? -1 : method.params.length
		};
	}
	return out;
}
