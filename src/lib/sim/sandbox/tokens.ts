/**
 * The one tokenizer of learner code: the tokens of sucrase's TypeScript parse, the same parse
 * that strips the types for the sandbox (sucrase.ts). Every scanner of a contract (the private
 * name check, the loop map, the method signatures) reads these instead of skipping quotes,
 * comments and brackets by hand, so template literals, regular expressions, comments and type
 * annotations mean to them what they mean to the compiler. Lines are the learner's own: sucrase
 * keeps every line where it was.
 */
import { parse } from 'sucrase/dist/esm/parser/index.js';
import type { Token } from 'sucrase/dist/esm/parser/tokenizer/index.js';
import { TokenType } from 'sucrase/dist/esm/parser/tokenizer/types.js';

export type { Token };
/** Token types (sucrase's `TokenType`: `tt.name`, `tt.braceL`, `tt._while`, ...). */
export const tt = TokenType;

/** A tokenized source. */
export type Tokens = {
	/** the source the tokens index into (`start` / `end` are UTF-16 offsets) */
	source: string;
	/** every token in order, types included (marked `isType`), without the final eof */
	list: readonly Token[];
	/** 1-based line of each token's start */
	lines: Int32Array;
	/**
	 * For each `(`, `[`, `{`, `${` and closing bracket outside type annotations, the index of the
	 * bracket that pairs with it; -1 for every other token.
	 */
	match: Int32Array;
};

const OPENERS = new Set<number>([tt.parenL, tt.bracketL, tt.braceL, tt.dollarBraceL]);
const CLOSERS = new Set<number>([tt.parenR, tt.bracketR, tt.braceR]);

/** Indexes the tokens of a parse of `source` (lines and bracket pairs). */
export function tokensOf(source: string, tokens: readonly Token[]): Tokens {
	const list =
		tokens.length > 0 && tokens[tokens.length - 1].type === tt.eof ? tokens.slice(0, -1) : tokens;
	const lines = new Int32Array(list.length);
	const match = new Int32Array(list.length).fill(-1);
	const open: number[] = [];
	let line = 1;
	let at = 0; // offset up to which newlines are counted
	for (let i = 0; i < list.length; i++) {
		const token = list[i];
		for (
			let nl = source.indexOf('\n', at);
			nl >= 0 && nl < token.start;
			nl = source.indexOf('\n', nl + 1)
		)
			line++;
		at = token.start;
		lines[i] = line;
		if (token.isType) continue;
		if (OPENERS.has(token.type)) open.push(i);
		else if (CLOSERS.has(token.type)) {
			const o = open.pop();
			if (o !== undefined) {
				match[o] = i;
				match[i] = o;
			}
		}
	}
	return { source, list, lines, match };
}

/**
 * Tokenizes a TypeScript (or JavaScript) module on its own, for scanners used outside a compile.
 * @throws sucrase's SyntaxError (with `loc.line`) when the source does not parse
 */
export function tokenize(source: string): Tokens {
	return tokensOf(source, parse(source, false, true, false).tokens);
}

/** The source text of token `i`. */
export function textOf(tokens: Tokens, i: number): string {
	const token = tokens.list[i];
	return tokens.source.slice(token.start, token.end);
}

/** Index of the first token after `i` outside type annotations (`list.length` past the end). */
export function nextCode(tokens: Tokens, i: number): number {
	let j = i + 1;
	while (j < tokens.list.length && tokens.list[j].isType) j++;
	return j;
}
