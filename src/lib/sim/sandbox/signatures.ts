/**
 * Parameter lists of a contract's methods, read from the learner's TypeScript, so a call with
 * too few or too many arguments is refused in the learner's terms ("borrow(amount) expects 1
 * argument, got 0") instead of failing later inside the method ("cannot convert bigint to
 * number"). The compiled JavaScript cannot tell `amount?: bigint` (optional) from `amount: bigint`,
 * so the TypeScript is read: a parameter is optional when it has `?` or a default, and a rest
 * parameter takes any number.
 *
 * A small scanner, not a parser: it finds `name(` at the start of a line of a class body (after
 * modifiers such as public or static) and splits the list at top-level commas, skipping strings,
 * comments and nested brackets (including generic type arguments). A method it cannot read gets
 * no signature and is not checked.
 */

/** A method's parameters as the learner wrote them. */
export type Signature = {
	/** parameter names (a destructured parameter is shown as written, a rest one with `...`) */
	params: string[];
	/** arguments required */
	min: number;
	/** most arguments accepted; -1 with a rest parameter */
	max: number;
};

const HEADER =
	/^[ \t]*(?:(?:public|protected|private|static|override|readonly|async)\s+)*(?:get\s+|set\s+)?\*?\s*([A-Za-z_$][\w$]*)\s*(?:<[^>(]*>)?\s*\(/gm;

/** Splits a parameter list at top-level commas; returns null when it cannot find its end. */
function splitParams(text: string, open: number): string[] | null {
	const parts: string[] = [];
	let depth = 0;
	let start = open + 1;
	for (let i = open + 1; i < text.length; i++) {
		const c = text[i];
		if (c === '"' || c === "'" || c === '`') {
			for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
		} else if (c === '/' && text[i + 1] === '/') {
			while (i < text.length && text[i] !== '\n') i++;
		} else if (c === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			if (end < 0) return null;
			i = end + 1;
		} else if (c === '=' && text[i + 1] === '>') {
			i++; // an arrow in a type: not a closing angle bracket
		} else if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
		else if (c === ')' || c === ']' || c === '}' || c === '>') {
			if (depth === 0) {
				if (c !== ')') return null;
				const last = text.slice(start, i).trim();
				if (last !== '' || parts.length > 0) parts.push(last);
				return parts.filter((p, k) => p !== '' || k < parts.length - 1);
			}
			depth--;
		} else if (c === ',' && depth === 0) {
			parts.push(text.slice(start, i).trim());
			start = i + 1;
		}
	}
	return null;
}

function describeParam(raw: string): { name: string; optional: boolean; rest: boolean } {
	const text = raw.replace(/\/\*[\s\S]*?\*\//g, '').trim();
	const rest = text.startsWith('...');
	const body = rest ? text.slice(3).trim() : text;
	const ident = /^(?:(?:public|private|protected|readonly)\s+)*([A-Za-z_$][\w$]*)\s*(\?)?/.exec(
		body
	);
	if (ident === null) {
		// destructured: show the pattern itself, without its type
		const pattern = body.replace(/\s*[:=][\s\S]*$/, '');
		return { name: (rest ? '...' : '') + pattern, optional: /=/.test(body), rest };
	}
	const after = body.slice(ident[0].length).trim();
	return {
		name: (rest ? '...' : '') + ident[1],
		optional: ident[2] === '?' || after.startsWith('=') || /^:[^=]*=(?!>)/.test(after),
		rest
	};
}

/** Signatures of the methods named in `methods`, from the TypeScript `source` (first match each). */
export function methodSignatures(
	source: string,
	methods?: readonly string[]
): Record<string, Signature> {
	const out: Record<string, Signature> = Object.create(null) as Record<string, Signature>;
	const wanted = methods === undefined ? undefined : new Set(methods);
	for (const match of source.matchAll(HEADER)) {
		const name = match[1];
		if (Object.hasOwn(out, name) || (wanted !== undefined && !wanted.has(name))) continue;
		if (['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'super'].includes(name))
			continue;
		const open = (match.index ?? 0) + match[0].length - 1;
		const parts = splitParams(source, open);
		if (parts === null) continue;
		// a method body must follow: `) {` or `): Type {`, not `);` (a call)
		const closeAt = findClose(source, open);
		if (closeAt < 0 || !/^\s*(?::[^;{]*)?\{/.test(source.slice(closeAt + 1, closeAt + 200)))
			continue;
		const params = parts.map(describeParam);
		let min = 0;
		for (const p of params) {
			if (p.optional || p.rest) break;
			min++;
		}
		out[name] = {
			params: params.map((p) => p.name),
			min,
			max: params.some((p) => p.rest) ? -1 : params.length
		};
	}
	return out;
}

function findClose(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (c === '"' || c === "'" || c === '`') {
			for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
		} else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return i;
	}
	return -1;
}
