/**
 * Learner TypeScript to sandbox JavaScript. Sucrase strips the types and turns the imports from
 * 'chainlab' into a CommonJS `require`, keeping every line where it was (sucrase's documented
 * guarantee), and the module is wrapped in a function whose header sits on line 1, so a QuickJS
 * stack line is the learner's own line. Type errors are not checked here: types are only stripped,
 * and the editor shows type errors as the learner types.
 */
import { nestingProblem } from './depth.ts';
import { type LoopMap, scanLoops } from './loops.ts';
import { classMethods } from './members.ts';
import { methodSignatures, type Signature } from './signatures.ts';
import { stripTypes } from './sucrase.ts';
import { tokensOf, tt } from './tokens.ts';

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

/** Compiled sources by their exact text, oldest first (least recently used goes first). */
const cache = new Map<string, Readonly<Compiled> | CompileError>();
/** Distinct sources kept: a lesson has a handful of files, the playground a few templates. */
const CACHE_SIZE = 64;
let compiles = 0;

/**
 * Compiles a contract's TypeScript, once per distinct source text: the load-time syntax pass, the
 * deploy in the Run and every `fresh()` probe of the checks share one result (frozen: callers
 * must not change it). Throws CompileError (with the learner's line) for syntax errors and
 * private `#names`, and for sources nested or chained past the limits of depth.ts (MAX_NESTING,
 * MAX_OPERATORS); a failing source is remembered too and throws the same error again.
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
	// sucrase's parser recurses per bracket and per operator: refuse what would overflow its stack
	const deep = nestingProblem(source);
	if (deep) throw new CompileError(deep.message, deep.line);
	let stripped: ReturnType<typeof stripTypes>;
	try {
		stripped = stripTypes(source);
	} catch (error) {
		if (error instanceof RangeError)
			throw new CompileError('the source nests too deeply to compile; split its expressions');
		const e = error as Error & { loc?: { line: number; column: number } };
		const message = String(e.message).replace(/\s*\(\d+:\d+\)\s*$/, '');
		throw new CompileError(`SyntaxError: ${message}`, e.loc?.line);
	}
	// one parse: the scanners below read the tokens the JavaScript was made from
	const tokens = tokensOf(source, stripped.tokens);
	// private names are unsupported: the engine rebuilds instances from their fields, which it
	// cannot do for fields it cannot see
	const hash = tokens.list.findIndex((t) => t.type === tt.hash && !t.isType);
	if (hash >= 0)
		throw new CompileError(
			'private #names are not supported in contracts: use TypeScript\'s "private" keyword instead (private total = ...)',
			tokens.lines[hash]
		);
	return {
		js: `(function (exports, require, module) {'use strict';${stripped.js}\n})`,
		privates: [...new Set(classMethods(tokens).flatMap((m) => (m.hidden ? [m.name] : [])))],
		loops: scanLoops(tokens),
		signatures: methodSignatures(tokens)
	};
}
