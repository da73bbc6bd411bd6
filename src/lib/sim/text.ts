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
