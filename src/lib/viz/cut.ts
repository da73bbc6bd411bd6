/**
 * Cutting long text for display: a receipt value or message is drawn up to a few hundred
 * characters, the rest on request, so that many long values cannot make a frame slow to paint.
 */

/**
 * The first `max` characters of `text` and how many were left out (0 when nothing was). A cut
 * never splits a UTF-16 surrogate pair.
 * @throws RangeError when max is not a positive integer
 */
export function cutForDisplay(text: string, max: number): { head: string; hidden: number } {
	if (!Number.isInteger(max) || max < 1)
		throw new RangeError(`cutForDisplay(text, max): max must be a positive integer, got ${max}`);
	if (text.length <= max) return { head: text, hidden: 0 };
	let end = max;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return { head: text.slice(0, end), hidden: text.length - end };
}

/** A hover title for a long raw value: cut to `max` characters with a marker. */
export function cutTitle(text: string, max = 1_000): string {
	const { head, hidden } = cutForDisplay(text, max);
	return hidden === 0 ? head : `${head}… (${hidden.toLocaleString('en-US')} more characters)`;
}
