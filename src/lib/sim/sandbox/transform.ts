/**
 * Learner TypeScript to sandbox JavaScript. Sucrase strips the types and turns the imports from
 * 'chainlab' into a CommonJS `require`, keeping every line where it was (sucrase's documented
 * guarantee), and the module is wrapped in a function whose header sits on line 1, so a QuickJS
 * stack line is the learner's own line. Type errors are not checked here: types are only stripped,
 * and the editor shows type errors as the learner types.
 */
import { transform } from 'sucrase';
import { type LoopMap, scanLoops } from './loops.ts';
import { methodSignatures, type Signature } from './signatures.ts';

/** A problem found before the contract runs, located in the learner's source (1-based line). */
export class CompileError extends Error {
	override name = 'CompileError';
	/** 1-based line in the learner's TypeScript, when known */
	readonly line: number | undefined;
	constructor(message: string, line?: number) {
		super(message);
		this.line = line;
	}
}

/** The compiled module and what the dispatcher must know about it. */
export type Compiled = {
	/** `(function (exports, require, module) {...})`, line-preserving */
	js: string;
	/** methods declared `private` or `protected`: not callable from outside */
	privates: string[];
	/** blocks and loops, to name the loop that ran out of gas (loops.ts) */
	loops: LoopMap;
	/** parameter lists of the methods and the constructor, from the TypeScript (signatures.ts) */
	signatures: Record<string, Signature>;
};

const HIDDEN_METHOD =
	/^\s*(?:(?:public|static|readonly|override|abstract)\s+)*(?:private|protected)\s+(?:(?:static|readonly|override|async)\s+)*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]/gm;

/** Names of methods marked private or protected in the TypeScript source. */
function hiddenMethods(source: string): string[] {
	const names = new Set<string>();
	for (const match of source.matchAll(HIDDEN_METHOD)) names.add(match[1]);
	return [...names];
}

const PRIVATE_BEFORE = new Set(['.', '{', '}', ';', '']);
const PRIVATE_KEYWORDS = /(?:^|[^\w$])(?:static|get|set|async|readonly)$/;

/**
 * Line of the first `#name` class member or access in `js` (outside strings and comments), or 0.
 * Private names are unsupported: the engine rebuilds instances from their fields, which it cannot
 * do for fields it cannot see.
 */
function privateNameLine(js: string): number {
	let line = 1;
	for (let i = 0; i < js.length; i++) {
		const c = js[i];
		if (c === '\n') line++;
		else if (c === '/' && js[i + 1] === '/') {
			while (i < js.length && js[i] !== '\n') i++;
			line++;
		} else if (c === '/' && js[i + 1] === '*') {
			const end = js.indexOf('*/', i + 2);
			const stop = end < 0 ? js.length : end + 2;
			for (let j = i; j < stop; j++) if (js[j] === '\n') line++;
			i = stop - 1;
		} else if (c === '"' || c === "'" || c === '`') {
			for (i++; i < js.length && js[i] !== c; i++) {
				if (js[i] === '\\') i++;
				else if (js[i] === '\n') line++;
			}
		} else if (c === '#' && /[A-Za-z_$]/.test(js[i + 1] ?? '')) {
			const before = js.slice(Math.max(0, i - 12), i).trimEnd();
			if (
				PRIVATE_BEFORE.has(before.slice(-1)) ||
				PRIVATE_KEYWORDS.test(before) ||
				/\n\s*$/.test(js.slice(Math.max(0, i - 40), i))
			)
				return line;
		}
	}
	return 0;
}

/** Compiled sources by their exact text, oldest first (least recently used goes first). */
const cache = new Map<string, Readonly<Compiled> | CompileError>();
/** Distinct sources kept: a lesson has a handful of files, the playground a few templates. */
const CACHE_SIZE = 64;
let compiles = 0;

/**
 * Compiles a contract's TypeScript, once per distinct source text: the load-time syntax pass, the
 * deploy in the Run and every `fresh()` probe of the checks share one result (frozen: callers
 * must not change it). Throws CompileError (with the learner's line) for syntax errors and
 * private `#names`; a failing source is remembered too and throws the same error again.
 */
export function compileContract(source: string): Readonly<Compiled> {
	const hit = cache.get(source);
	if (hit !== undefined) {
		cache.delete(source);
		cache.set(source, hit);
		if (hit instanceof CompileError) throw hit;
		return hit;
	}
	let result: Readonly<Compiled> | CompileError;
	try {
		result = Object.freeze(compileUncached(source));
	} catch (error) {
		if (!(error instanceof CompileError)) throw error;
		result = error;
	}
	compiles++;
	cache.set(source, result);
	for (const oldest of cache.keys()) {
		if (cache.size <= CACHE_SIZE) break;
		cache.delete(oldest);
	}
	if (result instanceof CompileError) throw result;
	return result;
}

/** How many sources this thread has actually compiled (cache misses), for tests and benches. */
export function compileCount(): number {
	return compiles;
}

function compileUncached(source: string): Compiled {
	let code: string;
	try {
		code = transform(source, {
			transforms: ['typescript', 'imports'],
			disableESTransforms: true,
			production: true
		}).code;
	} catch (error) {
		const e = error as Error & { loc?: { line: number; column: number } };
		const message = String(e.message).replace(/\s*\(\d+:\d+\)\s*$/, '');
		throw new CompileError(`SyntaxError: ${message}`, e.loc?.line);
	}
	const line = privateNameLine(code);
	if (line > 0)
		throw new CompileError(
			'private #names are not supported in contracts: use TypeScript\'s "private" keyword instead (private total = ...)',
			line
		);
	return {
		js: `(function (exports, require, module) {'use strict';${code}\n})`,
		privates: hiddenMethods(source),
		loops: scanLoops(code),
		signatures: methodSignatures(source)
	};
}
