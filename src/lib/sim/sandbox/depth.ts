/**
 * A scan of a contract's source before sucrase parses it. Sucrase's parser is recursive: every
 * bracket, every `=>` body and every operator of one expression holds a frame of the JavaScript
 * stack, so a 10,000-term sum or 1,000 nested parentheses overflowed it ("Maximum call stack size
 * exceeded"), at a depth that depends on the browser's stack. This scan refuses such sources at
 * fixed limits, the same on every platform, naming the line.
 *
 * It skips strings, template text, comments and regular expressions (a bracket or operator inside
 * them does not count). Nesting counts `(`, `[`, `{`, `${` and each `=>` (whose body ends at the
 * next `,` or `;` or closing bracket around it). Operators are counted along the nesting path: the
 * operators of every expression still open (since its last `,` or `;`, or a line break that ends a
 * statement) add up, since each holds a parser frame while the inner expression is read.
 */

/** Deepest nesting a source may have (brackets and `=>` bodies). */
export const MAX_NESTING = 256;
/** Most operators one expression may hold, counting those of the expressions it sits in. */
export const MAX_OPERATORS = 2_048;

/** Where a source passes a limit: the message in the learner's terms and the 1-based line. */
export type DepthProblem = { message: string; line: number };

const PUNCTUATORS = [
	'>>>=',
	'...',
	'===',
	'!==',
	'**=',
	'<<=',
	'>>=',
	'>>>',
	'&&=',
	'||=',
	'??=',
	'=>',
	'==',
	'!=',
	'<=',
	'>=',
	'&&',
	'||',
	'??',
	'?.',
	'++',
	'--',
	'+=',
	'-=',
	'*=',
	'/=',
	'%=',
	'&=',
	'|=',
	'^=',
	'**',
	'<<',
	'>>'
];
/** Punctuators that are not operators of an expression chain. */
const NOT_OPERATORS = new Set(['...', '?.', '++', '--', '.', ':', '@', '#']);
/** Keywords that act as operators (each holds a parser frame like `+` does). */
const KEYWORD_OPERATORS = new Set([
	'typeof',
	'void',
	'delete',
	'new',
	'await',
	'yield',
	'instanceof',
	'in',
	'else'
]);
/** Keywords after which a `/` starts a regular expression. */
const BEFORE_REGEX = new Set([
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

type Frame = { kind: 'bracket' | 'arrow' | 'template'; operators: number };

const isIdentifierChar = (c: string) => /[\w$\u0080-\uffff]/.test(c);

/**
 * Checks a source against MAX_NESTING and MAX_OPERATORS.
 * @returns the first place the source passes a limit, or undefined when it is within both
 */
export function nestingProblem(source: string): DepthProblem | undefined {
	const frames: Frame[] = [{ kind: 'bracket', operators: 0 }];
	let line = 1;
	let total = 0; // operators along the nesting path
	/** what the last significant token allows next: a `/` is division after a value */
	let afterValue = false;
	let i = 0;
	const n = source.length;

	const popArrows = () => {
		while (frames.length > 1 && frames[frames.length - 1].kind === 'arrow')
			total -= frames.pop()!.operators;
	};
	const endExpression = () => {
		popArrows();
		const top = frames[frames.length - 1];
		total -= top.operators;
		top.operators = 0;
	};
	const push = (kind: Frame['kind']): DepthProblem | undefined => {
		frames.push({ kind, operators: 0 });
		if (frames.length - 1 > MAX_NESTING)
			return {
				message: `expression nests deeper than ${MAX_NESTING} at line ${line}; split it`,
				line
			};
		return undefined;
	};
	const operator = (): DepthProblem | undefined => {
		frames[frames.length - 1].operators++;
		total++;
		if (total > MAX_OPERATORS)
			return {
				message: `expression holds more than ${MAX_OPERATORS.toLocaleString('en-US')} operators at line ${line}; split it`,
				line
			};
		return undefined;
	};
	/** Skips template text from i (just past a backtick or a closing `}`); true at `${`. */
	const templateText = (): boolean => {
		while (i < n) {
			const c = source[i];
			if (c === '\\') i += 2;
			else if (c === '`') {
				i++;
				return false;
			} else if (c === '$' && source[i + 1] === '{') {
				i += 2;
				return true;
			} else {
				if (c === '\n') line++;
				i++;
			}
		}
		return false;
	};

	while (i < n) {
		const c = source[i];
		if (c === '\n') {
			line++;
			i++;
			// a line break after a value ends the statement unless the next line continues it
			if (afterValue) {
				let j = i;
				while (j < n && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r')) j++;
				if (j < n && !/[-+*/%&|^<>=?.,:)\]}`[(!]/.test(source[j])) endExpression();
			}
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\r') {
			i++;
			continue;
		}
		if (c === '/' && source[i + 1] === '/') {
			while (i < n && source[i] !== '\n') i++;
			continue;
		}
		if (c === '/' && source[i + 1] === '*') {
			const end = source.indexOf('*/', i + 2);
			const stop = end < 0 ? n : end + 2;
			for (; i < stop; i++) if (source[i] === '\n') line++;
			continue;
		}
		if (c === '"' || c === "'") {
			i++;
			while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
			i++;
			afterValue = true;
			continue;
		}
		if (c === '`') {
			i++;
			if (templateText()) {
				const p = push('template');
				if (p) return p;
				afterValue = false;
			} else afterValue = true;
			continue;
		}
		if (c === '/' && !afterValue) {
			// a regular expression: to the closing `/` outside a class, then its flags
			let inClass = false;
			i++;
			while (i < n && source[i] !== '\n') {
				const d = source[i];
				if (d === '\\') i++;
				else if (d === '[') inClass = true;
				else if (d === ']') inClass = false;
				else if (d === '/' && !inClass) break;
				i++;
			}
			i++;
			while (i < n && isIdentifierChar(source[i])) i++;
			afterValue = true;
			continue;
		}
		if (isIdentifierChar(c)) {
			let j = i;
			while (j < n && isIdentifierChar(source[j])) j++;
			const word = source.slice(i, j);
			i = j;
			if (KEYWORD_OPERATORS.has(word)) {
				const p = operator();
				if (p) return p;
			}
			afterValue = !BEFORE_REGEX.has(word);
			continue;
		}
		if (c === '(' || c === '[' || c === '{') {
			i++;
			const p = push('bracket');
			if (p) return p;
			afterValue = false;
			continue;
		}
		if (c === ')' || c === ']' || c === '}') {
			i++;
			popArrows();
			if (frames.length > 1) {
				const top = frames.pop()!;
				total -= top.operators;
				if (top.kind === 'template' && templateText()) {
					const p = push('template');
					if (p) return p;
					afterValue = false;
					continue;
				}
			}
			afterValue = true;
			continue;
		}
		if (c === ';' || c === ',') {
			i++;
			endExpression();
			afterValue = false;
			continue;
		}
		const punctuator = PUNCTUATORS.find((p) => source.startsWith(p, i)) ?? c;
		i += punctuator.length;
		if (punctuator === '=>') {
			const p = push('arrow');
			if (p) return p;
		} else if (!NOT_OPERATORS.has(punctuator)) {
			const p = operator();
			if (p) return p;
		}
		afterValue = punctuator === '++' || punctuator === '--';
	}
	return undefined;
}
