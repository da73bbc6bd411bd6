/**
 * The methods of the classes in a contract module, read from its tokens (tokens.ts): name,
 * modifiers and parameter list of every method, getter, setter and constructor with a body.
 * Overload signatures and abstract methods are types, so they are not methods here.
 */
import { IdentifierRole } from 'sucrase/dist/esm/parser/tokenizer/index.js';
import { nextCode as next, type Tokens, textOf, tt } from './tokens.ts';

/** One parameter as the learner wrote it. */
export type Param = {
	/** its name, or a destructuring pattern as written; `...name` for a rest parameter */
	name: string;
	/** has `?` or a default value */
	optional: boolean;
	rest: boolean;
};

/** A method (or getter, setter, constructor) of a class. */
export type Method = {
	name: string;
	/** declared `private` or `protected` */
	hidden: boolean;
	static: boolean;
	kind: 'method' | 'get' | 'set' | 'constructor';
	params: Param[];
	/** 1-based line of the name */
	line: number;
};

const MODIFIERS = new Set<number>([
	tt._public,
	tt._private,
	tt._protected,
	tt._static,
	tt._readonly,
	tt._override,
	tt._declare,
	tt._async,
	tt._get,
	tt._set,
	tt.star
]);

/**
 * The methods of every class in the module, the default-exported class's first, then the others
 * in source order (so a name found twice is the exported class's own).
 */
export function classMethods(tokens: Tokens): Method[] {
	const { list } = tokens;
	const first: Method[] = [];
	const rest: Method[] = [];
	for (let i = 0; i < list.length; i++) {
		const token = list[i];
		if (token.type !== tt._class || token.isType || token.contextId === null) continue;
		const id = token.contextId;
		let open = i + 1;
		while (open < list.length && !(list[open].type === tt.braceL && list[open].contextId === id))
			open++;
		const close = tokens.match[open] ?? -1;
		if (close < 0) continue;
		let before = i - 1;
		if (before >= 0 && list[before].type === tt._abstract) before--;
		const exported =
			before >= 1 && list[before].type === tt._default && list[before - 1].type === tt._export;
		const into = exported ? first : rest;
		for (let k = open + 1; k < close; k++) {
			const name = list[k];
			if (
				name.type !== tt.name ||
				name.isType ||
				name.contextId !== id ||
				name.identifierRole !== IdentifierRole.ObjectKey
			)
				continue;
			const paren = next(tokens, k);
			if (list[paren]?.type !== tt.parenL || tokens.match[paren] < 0) continue;
			const modifiers = new Set<number>();
			for (let m = k - 1; m > open && MODIFIERS.has(list[m].type); m--) modifiers.add(list[m].type);
			const text = textOf(tokens, k);
			into.push({
				name: text,
				hidden: modifiers.has(tt._private) || modifiers.has(tt._protected),
				static: modifiers.has(tt._static),
				kind: modifiers.has(tt._get)
					? 'get'
					: modifiers.has(tt._set)
						? 'set'
						: text === 'constructor' && !modifiers.has(tt._static)
							? 'constructor'
							: 'method',
				params: paramsOf(tokens, paren),
				line: tokens.lines[k]
			});
			k = tokens.match[paren];
		}
	}
	return [...first, ...rest];
}

const PARAM_MODIFIERS = new Set<number>([
	tt._public,
	tt._private,
	tt._protected,
	tt._readonly,
	tt._override
]);

/** The parameters between the `(` at `open` and its `)`, split at their top-level commas. */
function paramsOf(tokens: Tokens, open: number): Param[] {
	const { list, match } = tokens;
	const params: Param[] = [];
	let start = open + 1;
	for (let i = open + 1; i <= match[open]; i++) {
		const token = list[i];
		if (token.isType) continue;
		if (i < match[open] && token.type !== tt.comma) {
			if (match[i] > i) i = match[i];
			continue;
		}
		const param = paramOf(tokens, start, i);
		if (param !== null) params.push(param);
		start = i + 1;
	}
	return params;
}

/** One parameter from the tokens `[start, end)`; null when empty (a trailing comma, `this: T`). */
function paramOf(tokens: Tokens, start: number, end: number): Param | null {
	const { list, match, source } = tokens;
	let i = start;
	while (i < end && (list[i].isType || PARAM_MODIFIERS.has(list[i].type))) i++;
	if (i >= end) return null;
	const rest = list[i].type === tt.ellipsis;
	if (rest) i = next(tokens, i);
	const head = list[i];
	let name: string;
	let after: number;
	if ((head.type === tt.braceL || head.type === tt.bracketL) && match[i] > i) {
		name = source.slice(head.start, list[match[i]].end);
		after = match[i] + 1;
	} else {
		name = textOf(tokens, i);
		after = i + 1;
	}
	let optional = list[after]?.type === tt.question && list[after].isType;
	for (let j = after; j < end && !optional; j++) {
		if (list[j].isType) continue;
		if (list[j].type === tt.eq) optional = true;
		else if (match[j] > j) j = match[j];
	}
	return { name: (rest ? '...' : '') + name, optional, rest };
}
