/**
 * The methods of the classes in a contract module, read from its tokens (tokens.ts): name,
 * modifiers, parameter list (with each parameter's TypeScript type as written) and return type of
 * every method, getter, setter and constructor with a body. Overload signatures and abstract
 * methods are types, so they are not methods here.
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
	/** its TypeScript type as written (`Map<string, bigint>`); '' when it has no annotation */
	type: string;
};

/** A method (or getter, setter, constructor) of a class. */
export type Method = {
	name: string;
	/** declared `private` or `protected`, or a private `#name` (its name keeps the `#`) */
	hidden: boolean;
	static: boolean;
	kind: 'method' | 'get' | 'set' | 'constructor';
	params: Param[];
	/** its declared return type as written; '' when it has none */
	returns: string;
	/** 1-based line of the name */
	line: number;
};

/** A class of the module and its methods in source order. */
export type ClassMembers = {
	/** '' for an anonymous class (`export default class extends Contract`) */
	name: string;
	/** the module's `export default` class */
	exported: boolean;
	methods: Method[];
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
	const classes = classesOf(tokens);
	return [...classes.filter((c) => c.exported), ...classes.filter((c) => !c.exported)].flatMap(
		(c) => c.methods
	);
}

/** Every class of the module with a body, in source order. */
export function classesOf(tokens: Tokens): ClassMembers[] {
	const { list } = tokens;
	const classes: ClassMembers[] = [];
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
		const named = list[i + 1]?.type === tt.name && !list[i + 1].isType;
		classes.push({
			name: named ? textOf(tokens, i + 1) : '',
			exported,
			methods: methodsOf(tokens, id, open, close)
		});
	}
	return classes;
}

/** The methods of the class body between the `{` at `open` and its `}` at `close`. */
function methodsOf(tokens: Tokens, id: number, open: number, close: number): Method[] {
	const { list } = tokens;
	const methods: Method[] = [];
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
		const hash = list[k - 1].type === tt.hash;
		const modifiers = new Set<number>();
		for (let m = k - (hash ? 2 : 1); m > open && MODIFIERS.has(list[m].type); m--)
			modifiers.add(list[m].type);
		const text = (hash ? '#' : '') + textOf(tokens, k);
		methods.push({
			name: text,
			hidden: hash || modifiers.has(tt._private) || modifiers.has(tt._protected),
			static: modifiers.has(tt._static),
			kind: modifiers.has(tt._get)
				? 'get'
				: modifiers.has(tt._set)
					? 'set'
					: text === 'constructor' && !modifiers.has(tt._static)
						? 'constructor'
						: 'method',
			params: paramsOf(tokens, paren),
			returns: typeAfter(tokens, tokens.match[paren] + 1, close),
			line: tokens.lines[k]
		});
		k = tokens.match[paren];
	}
	return methods;
}

/**
 * The type annotation starting at token `at` (its `:`) as written, up to `end` at most; '' when
 * `at` is not a type annotation's colon.
 */
function typeAfter(tokens: Tokens, at: number, end: number): string {
	const { list, source } = tokens;
	if (list[at]?.type !== tt.colon || !list[at].isType) return '';
	let last = at;
	while (last + 1 < end && list[last + 1].isType) last++;
	return last > at ? source.slice(list[at + 1].start, list[last].end) : '';
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
	const type = typeAfter(tokens, optional ? after + 1 : after, end);
	for (let j = after; j < end && !optional; j++) {
		if (list[j].isType) continue;
		if (list[j].type === tt.eq) optional = true;
		else if (match[j] > j) j = match[j];
	}
	return { name: (rest ? '...' : '') + name, optional, rest, type };
}
