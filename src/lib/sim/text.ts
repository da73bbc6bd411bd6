/**
 * Character checks without regular expressions. They run inside deeply nested contract calls,
 * where V8 compiling (or tiering up) a regular expression near the end of the host stack can fail
 * fatally instead of throwing; plain loops cannot.
 */

function isHexDigit(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isIdentifierStart(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** A JavaScript identifier in ASCII: [A-Za-z_$][A-Za-z0-9_$]*. */
export function isIdentifier(text: string): boolean {
	if (text.length === 0 || !isIdentifierStart(text.charCodeAt(0))) return false;
	for (let i = 1; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (!isIdentifierStart(c) && !(c >= 48 && c <= 57)) return false;
	}
	return true;
}

/** 0x followed by exactly `digits` hex digits (any case); any even count when `digits` is -1. */
export function isHex(text: string, digits: number): boolean {
	if (text.length < 2 || text.charCodeAt(0) !== 48 || (text.charCodeAt(1) | 32) !== 120)
		return false;
	const count = text.length - 2;
	if (digits >= 0 ? count !== digits : count % 2 !== 0) return false;
	for (let i = 2; i < text.length; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
	return true;
}

/** The first `:<line>` after `marker` in a QuickJS stack text, or undefined. */
export function lineAfter(stack: string, marker: string): number | undefined {
	const at = stack.indexOf(marker);
	if (at < 0) return undefined;
	let i = at + marker.length;
	while (i < stack.length && stack.charCodeAt(i) !== 58) i++;
	let line = 0;
	for (i++; i < stack.length; i++) {
		const c = stack.charCodeAt(i);
		if (c < 48 || c > 57) break;
		line = line * 10 + (c - 48);
	}
	return line > 0 ? line : undefined;
}

/** True for the host's "Maximum call stack size exceeded" (V8) or "too much recursion" (SpiderMonkey). */
export function isHostStackOverflow(message: string): boolean {
	const m = message.toLowerCase();
	return m.includes('maximum call stack') || m.includes('too much recursion');
}

/** Longest revert reason or error message a receipt carries, in UTF-16 code units. */
export const MAX_MESSAGE_CHARS = 1_000;

const CUT_MARKER = /^… \[cut [\d,]+ characters\]$/;

/** `n` with a comma every three digits (12,345). */
export function groupDigits(n: number): string {
	const digits = String(n);
	let out = '';
	for (let i = 0; i < digits.length; i++) {
		if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
		out += digits[i];
	}
	return out;
}

/**
 * `text` cut to `max` characters with a marker saying how much was cut, such as
 * "xxxx… [cut 4,999,000 characters]"; shorter text is returned as it is. The prelude has a
 * twin (prelude.ts cutText) so a huge message is cut before it leaves the sandbox.
 */
export function cutText(text: string, max = MAX_MESSAGE_CHARS): string {
	if (text.length <= max) return text;
	// already cut (by the prelude's twin): max characters and the marker
	if (text.length <= max + 40 && CUT_MARKER.test(text.slice(max))) return text;
	return text.slice(0, max) + `… [cut ${groupDigits(text.length - max)} characters]`;
}
