/**
 * The one error a share link can fail with: a `code` for the UI to branch on and a message in the
 * learner's terms. Messages never echo the link's raw text beyond a short quoted excerpt.
 */

/** Why a link could not be used (or made). */
export type ShareErrorCode =
	| 'empty'
	| 'format'
	| 'version'
	| 'truncated'
	| 'too-large'
	| 'invalid'
	| 'unknown-lesson'
	| 'wrong-lesson';

export class ShareLinkError extends Error {
	override name = 'ShareLinkError';
	readonly code: ShareErrorCode;

	constructor(code: ShareErrorCode, message: string) {
		super(message);
		this.code = code;
	}
}

/** Control characters out, angle brackets swapped for look-alikes: no markup survives. */
const defang = (text: string) =>
	text
		.replace(/\p{Cc}/gu, ' ')
		.replaceAll('<', '‹')
		.replaceAll('>', '›');

/**
 * A short, quoted, single-line excerpt of untrusted text for an error message (at most `max`
 * characters, no control characters, no markup), so a hostile value can neither flood nor
 * reshape it, even if a page were to render the message as HTML.
 */
export function quote(value: unknown, max = 40): string {
	const text = defang(String(value));
	return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Untrusted text shortened to `max` characters on one line (for validator messages). */
export function clip(text: string, max = 120): string {
	const line = defang(text);
	return line.length > max ? `${line.slice(0, max)}…` : line;
}
