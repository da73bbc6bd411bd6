/**
 * Where an endless loop is. When gas runs out inside contract bytecode, QuickJS builds the error's
 * stack from the frame's last saved position, which is the last call before the loop (or the
 * method's first line), not the loop's jump. This scanner records every block and loop of the
 * module (lines are the learner's, see transform.ts) so the engine can name the loop
 * that was running instead.
 *
 * It reads the module's tokens (tokens.ts): strings, template literals, comments, regular
 * expressions and type annotations are the compiler's, not guessed.
 */
import { nextCode, type Tokens, tokenize, tt } from './tokens.ts';

/** Blocks and loops of a module, as 1-based lines. */
export type LoopMap = {
	/** [open line, close line] of every `{ ... }` */
	blocks: [number, number][];
	/** [keyword line, last line of the body] of every while / for / do loop */
	loops: [number, number][];
};

/**
 * Scans a contract module for its blocks and loops.
 * @param code the module's source (TypeScript or JavaScript), or its tokens
 * @throws sucrase's SyntaxError when `code` is a source that does not parse
 */
export function scanLoops(code: string | Tokens): LoopMap {
	const tokens = typeof code === 'string' ? tokenize(code) : code;
	const { list, lines, match } = tokens;
	const blocks: [number, number][] = [];
	const loops: [number, number][] = [];
	const tails = new Set<number>(); // the `while` of each `do ... while (...)`
	const next = (i: number): number => nextCode(tokens, i);
	/** [line, line] of the loop at `keyword`, its end moved to the close of a braced body. */
	const loop = (keyword: number, body: number): void => {
		const braced = list[body]?.type === tt.braceL && match[body] > body;
		loops.push([lines[keyword], braced ? lines[match[body]] : lines[keyword]]);
	};
	for (let i = 0; i < list.length; i++) {
		const token = list[i];
		if (token.isType) continue;
		if (token.type === tt.braceR && match[i] >= 0 && isBlock(tokens, match[i])) {
			blocks.push([lines[match[i]], lines[i]]); // in closing order, innermost first
		} else if ((token.type === tt._while || token.type === tt._for) && !tails.has(i)) {
			let header = next(i);
			if (list[header]?.type === tt.name) header = next(header); // for await (...)
			loop(i, match[header] > header ? next(match[header]) : -1);
		} else if (token.type === tt._do) {
			const body = next(i);
			loop(i, body);
			const tail = doTail(tokens, body);
			if (tail >= 0) tails.add(tail);
		}
	}
	return { blocks, loops };
}

/**
 * Whether the `{` at `open` stays in the JavaScript: not a template's `${` nor the braces of an
 * import or export list (`import { a, b } from`, `import X, { a } from`, `export { a }`), which
 * the compiled module does not have.
 */
function isBlock(tokens: Tokens, open: number): boolean {
	const { list } = tokens;
	if (list[open].type !== tt.braceL) return false;
	let before = open - 1;
	while (before >= 0 && list[before].isType) before--;
	const type = list[before]?.type;
	if (type === tt._import || type === tt._export) return false;
	return !(type === tt.comma && list[before - 2]?.type === tt._import);
}

/** The `while` that ends the `do` whose body starts at token `body`, or -1. */
function doTail(tokens: Tokens, body: number): number {
	const { list, match } = tokens;
	const next = (i: number): number => nextCode(tokens, i);
	if (list[body]?.type === tt.braceL && match[body] > body) {
		const tail = next(match[body]);
		return list[tail]?.type === tt._while ? tail : -1;
	}
	// a single statement: the first `while` after a `;` or `}` at its own nesting
	let prev = -1;
	for (let j = body; j < list.length; j = next(j)) {
		const type = list[j].type;
		if (type === tt.parenR || type === tt.bracketR || type === tt.braceR) {
			if (match[j] < body) return -1; // left the block around the loop
		} else if (match[j] > j) {
			j = match[j];
		} else if (type === tt._while && j > body && (prev === tt.semi || prev === tt.braceR)) {
			return j;
		}
		prev = list[j].type;
	}
	return -1;
}

/**
 * The line to report when gas ran out in learner bytecode whose last saved position is `line`:
 * the first loop at or after it within the innermost block around it (the whole file at the top
 * level), else the innermost loop around it, else `line` itself.
 */
export function loopLine(map: LoopMap, line: number): number {
	// the top level of a file starts on line 1 (the module wrapper's header, which also holds
	// the compiled imports): there the whole file is the block
	let block: [number, number] = [1, Number.MAX_SAFE_INTEGER];
	if (line > 1)
		for (const b of map.blocks) if (b[0] <= line && line <= b[1] && b[0] >= block[0]) block = b;
	{
		let first: number | undefined;
		for (const [start] of map.loops)
			if (start >= line && start <= block[1] && (first === undefined || start < first))
				first = start;
		if (first !== undefined) return first;
	}
	let around: number | undefined;
	for (const [start, end] of map.loops)
		if (start <= line && line <= end && (around === undefined || start > around)) around = start;
	return around ?? line;
}
