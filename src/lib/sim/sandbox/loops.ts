/**
 * Where an endless loop is. When gas runs out inside contract bytecode, QuickJS builds the error's
 * stack from the frame's last saved position, which is the last call before the loop (or the
 * method's first line), not the loop's jump. This scanner records every block and loop of the
 * compiled module (lines are the learner's, see transform.ts) so the engine can name the loop
 * that was running instead.
 *
 * A small lexer, not a parser: it skips strings, template literals, comments and regular
 * expression literals (told from division by the token before them) and matches braces.
 */

/** Blocks and loops of a module, as 1-based lines. */
export type LoopMap = {
	/** [open line, close line] of every `{ ... }` */
	blocks: [number, number][];
	/** [keyword line, last line of the body] of every while / for / do loop */
	loops: [number, number][];
};

const REGEX_AFTER = new Set([
	'(',
	',',
	'=',
	':',
	'[',
	'!',
	'&',
	'|',
	'?',
	'{',
	'}',
	';',
	'+',
	'-',
	'*',
	'%',
	'<',
	'>',
	'~',
	'^',
	''
]);
const REGEX_KEYWORDS = new Set([
	'return',
	'typeof',
	'case',
	'do',
	'else',
	'in',
	'of',
	'new',
	'delete',
	'void',
	'throw',
	'instanceof',
	'yield',
	'await'
]);

function isWordChar(c: string): boolean {
	return (
		(c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') ||
		c === '_' ||
		c === '$'
	);
}

/** Scans compiled contract JavaScript for its blocks and loops. */
export function scanLoops(js: string): LoopMap {
	const blocks: [number, number][] = [];
	const loops: [number, number][] = [];
	const isDo: boolean[] = [];
	const open: { line: number; loop: number }[] = [];
	let pending = -1; // loop whose body has not opened yet
	let pendingDepth = -1; // paren depth its header returns to (-1: `do`, no header)
	let skipWhile = false; // the `while` that ends a `do { } while (...)`
	let depth = 0;
	let line = 1;
	let prev = ''; // previous significant token: a punctuator character or a word
	const templates: number[] = []; // block depth at each open `${`
	for (let i = 0; i < js.length; i++) {
		const c = js[i];
		if (c === '\n') {
			line++;
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\r') continue;
		if (c === '/' && js[i + 1] === '/') {
			while (i + 1 < js.length && js[i + 1] !== '\n') i++;
			continue;
		}
		if (c === '/' && js[i + 1] === '*') {
			const end = js.indexOf('*/', i + 2);
			const stop = end < 0 ? js.length : end + 2;
			for (let j = i; j < stop; j++) if (js[j] === '\n') line++;
			i = stop - 1;
			continue;
		}
		const resumesTemplate =
			c === '}' && templates.length > 0 && templates[templates.length - 1] === open.length;
		if (c === '"' || c === "'" || c === '`' || resumesTemplate) {
			const quote = resumesTemplate ? '`' : c;
			if (resumesTemplate) templates.pop();
			for (i++; i < js.length; i++) {
				const d = js[i];
				if (d === '\\') i++;
				else if (d === '\n') line++;
				else if (d === quote) break;
				else if (quote === '`' && d === '$' && js[i + 1] === '{') {
					templates.push(open.length);
					i++;
					break;
				}
			}
			prev = 'x';
			continue;
		}
		if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_KEYWORDS.has(prev))) {
			let inClass = false;
			for (i++; i < js.length && js[i] !== '\n'; i++) {
				const d = js[i];
				if (d === '\\') i++;
				else if (d === '[') inClass = true;
				else if (d === ']') inClass = false;
				else if (d === '/' && !inClass) break;
			}
			while (i + 1 < js.length && isWordChar(js[i + 1])) i++;
			prev = 'x';
			continue;
		}
		if (isWordChar(c)) {
			let j = i;
			while (j < js.length && isWordChar(js[j])) j++;
			const word = js.slice(i, j);
			i = j - 1;
			if (word === 'while' && skipWhile) skipWhile = false;
			else if ((word === 'while' || word === 'for' || word === 'do') && prev !== '.') {
				loops.push([line, line]);
				isDo.push(word === 'do');
				pending = loops.length - 1;
				pendingDepth = word === 'do' ? -1 : depth;
			}
			prev = word;
			continue;
		}
		skipWhile = false;
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === '{') {
			const owned = pending >= 0 && (pendingDepth === -1 || depth === pendingDepth);
			open.push({ line, loop: owned ? pending : -1 });
			if (owned) pending = -1;
		} else if (c === '}') {
			const block = open.pop();
			if (block !== undefined) {
				blocks.push([block.line, line]);
				if (block.loop >= 0) {
					loops[block.loop][1] = line;
					if (isDo[block.loop]) skipWhile = true;
				}
			}
		} else if (c === ';' && pending >= 0 && depth === pendingDepth) {
			pending = -1; // the body was a single statement
		}
		prev = c;
	}
	return { blocks, loops };
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
