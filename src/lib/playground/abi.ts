/**
 * A contract file's ABI, read from its TypeScript source: the default-exported class, its
 * constructor parameters and its public methods with parameter types, so the playground can offer
 * a typed form for each. A small scanner, not a compiler: it strips comments and strings, then
 * reads the class body's top-level members. Methods marked private, protected or static, getters,
 * setters and `receive` are left out (as the engine leaves them out of transactions).
 */
import type { Abi, AbiMethod, Param, ParamType } from './types.ts';

/** Blanks comments and string contents (keeping lengths), so braces inside them do not count. */
function blank(source: string): string {
	return source.replace(
		/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g,
		(m) => (m.startsWith('/') ? m.replace(/[^\n]/g, ' ') : m[0] + ' '.repeat(m.length - 2) + m[0])
	);
}

/** Splits at top-level commas (not inside <>, (), [] or {}). */
function splitTop(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if ('<([{'.includes(c)) depth++;
		else if ('>)]}'.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
		else if (c === ',' && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** String parameters that hold text; every other string parameter of a contract is an address. */
const TEXT_NAME =
	/^(name|label|symbol|text|message|reason|note|title|description|memo|uri|url|data|hash|tag|kind|id|key)$|(Name|Text|Label|Message|Reason|Id|Key|Hash)$/;

/**
 * How a parameter is typed in the form, from its TypeScript type and its name. Contracts pass
 * addresses as strings, so a `string` parameter is an address unless its name says text.
 */
export function paramType(ts: string, name: string): ParamType {
	const t = ts.replace(/\s+/g, '');
	if (t === 'bigint') return 'bigint';
	if (t === 'number') return 'number';
	if (t === 'boolean') return 'boolean';
	if (t === 'string') return TEXT_NAME.test(name) ? 'string' : 'address';
	return 'json';
}

function params(list: string): Param[] {
	return splitTop(list).map((part) => {
		const m =
			/^(?:(?:public|private|protected|readonly)\s+)*([A-Za-z_$][\w$]*)\s*\??\s*(?::\s*([^=]+?))?\s*(?:=.*)?$/s.exec(
				part
			);
		const name = m?.[1] ?? part;
		const ts = (m?.[2] ?? 'unknown').trim();
		return { name, ts, type: paramType(ts, name) };
	});
}

/** The index just past the bracket that closes the one at `open`. */
function closing(text: string, open: number): number {
	const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
	const stack = [pairs[text[open]]];
	for (let i = open + 1; i < text.length; i++) {
		const c = text[i];
		if (pairs[c]) stack.push(pairs[c]);
		else if (c === stack[stack.length - 1]) {
			stack.pop();
			if (stack.length === 0) return i + 1;
		}
	}
	return text.length;
}

const MEMBER =
	/^\s*((?:(?:public|private|protected|static|readonly|override|async|get|set)\s+)*)(#?[A-Za-z_$][\w$]*)\s*(?:<[^>(]*>)?\s*\(/;

/**
 * The ABI of a contract source (its `export default class X ...`).
 * @returns null when the file has no default-exported class
 */
export function readAbi(source: string): Abi | null {
	const text = blank(source);
	const head = /export\s+default\s+class\s+([A-Za-z_$][\w$]*)[^{]*\{/.exec(text);
	if (!head) return null;
	const bodyStart = head.index + head[0].length;
	const bodyEnd = closing(text, bodyStart - 1) - 1;
	const methods: AbiMethod[] = [];
	let constructorParams: Param[] = [];
	let i = bodyStart;
	while (i < bodyEnd) {
		const rest = text.slice(i, bodyEnd);
		const member = MEMBER.exec(rest);
		if (member) {
			const open = i + member[0].length - 1;
			const close = closing(text, open);
			const list = params(text.slice(open + 1, close - 1));
			const after = /^\s*(?::\s*([^{;]+?))?\s*([{;])/.exec(text.slice(close, bodyEnd));
			const modifiers = member[1];
			const name = member[2];
			const next = after ? close + after[0].length : close;
			const end = after?.[2] === '{' ? closing(text, next - 1) : next;
			if (name === 'constructor') constructorParams = list;
			else if (
				!/\b(private|protected|static|get|set)\b/.test(modifiers) &&
				!name.startsWith('#') &&
				name !== 'receive'
			) {
				methods.push({ name, params: list, returns: after?.[1]?.trim() || undefined });
			}
			i = end;
			continue;
		}
		// anything else (a field): skip to the end of its statement, over nested brackets
		let j = i;
		while (j < bodyEnd && text[j] !== ';' && text[j] !== '\n') {
			j = '([{'.includes(text[j]) ? closing(text, j) : j + 1;
		}
		i = j + 1;
	}
	return { className: head[1], constructorParams, methods };
}

const p = (name: string, type: ParamType, ts: string): Param => ({ name, type, ts });

/** The built-in ERC-20's methods (18 decimals). */
export const TOKEN_ABI: Abi = {
	className: 'Token',
	constructorParams: [],
	methods: [
		{ name: 'balanceOf', params: [p('account', 'address', 'string')], returns: 'bigint' },
		{
			name: 'transfer',
			params: [p('to', 'address', 'string'), p('amount', 'bigint', 'bigint')],
			returns: 'boolean'
		},
		{
			name: 'approve',
			params: [p('spender', 'address', 'string'), p('amount', 'bigint', 'bigint')],
			returns: 'boolean'
		},
		{
			name: 'transferFrom',
			params: [
				p('from', 'address', 'string'),
				p('to', 'address', 'string'),
				p('amount', 'bigint', 'bigint')
			],
			returns: 'boolean'
		},
		{
			name: 'allowance',
			params: [p('owner', 'address', 'string'), p('spender', 'address', 'string')],
			returns: 'bigint'
		},
		{ name: 'totalSupply', params: [], returns: 'bigint' },
		{ name: 'name', params: [], returns: 'string' },
		{ name: 'symbol', params: [], returns: 'string' },
		{ name: 'decimals', params: [], returns: 'number' }
	]
};
