/**
 * Share links as URLs: the token travels in the fragment (`#share=1.…`), so it never reaches a
 * server and the prerendered lesson page opens it offline too.
 */
import { decodeShareToken, encodeShareToken, type DecodeOptions } from './codec.ts';
import { ShareLinkError } from './errors.ts';
import type { SharedState } from './schema.ts';

/** The fragment parameter that carries the token. */
export const SHARE_PARAM = 'share';

/**
 * A link to `page` (the lesson page's absolute URL) that reproduces `state`.
 * @throws ShareLinkError as encodeShareToken does
 */
export async function shareUrl(page: string | URL, state: SharedState): Promise<string> {
	const url = new URL(page);
	url.hash = `${SHARE_PARAM}=${await encodeShareToken(state)}`;
	return url.href;
}

/** The token in a URL's fragment, '' for an empty `share=`, or null when the URL carries none. */
export function shareTokenOf(url: string | URL): string | null {
	const hash = new URL(url).hash.replace(/^#/, '');
	if (hash === '') return null;
	return new URLSearchParams(hash).get(SHARE_PARAM);
}

/**
 * The shared state a URL carries, or null when it carries none.
 * @throws ShareLinkError (malformed, truncated, oversized, other lesson ...) as decodeShareToken
 */
export function readShareLink(
	url: string | URL,
	options: DecodeOptions = {}
): Promise<SharedState | null> {
	const token = shareTokenOf(url);
	return token === null ? Promise.resolve(null) : decodeShareToken(token, options);
}

/** The URL without its share fragment (for `history.replaceState` once the link is opened). */
export function withoutShare(url: string | URL): string {
	const out = new URL(url);
	out.hash = '';
	return out.href;
}

/**
 * Which of the learner's own drafts a shared copy differs from. The page must ask before a
 * shared copy replaces any of them; when `differs` is empty, nothing of theirs would change.
 * @param own the learner's saved drafts by path (DraftStore.load)
 */
export function sharedCopyConflicts(
	shared: SharedState,
	own: Record<string, string>
): { differs: string[] } {
	const differs = Object.keys(shared.sources)
		.filter((path) => own[path] !== undefined && own[path] !== shared.sources[path])
		.sort();
	return { differs };
}

/**
 * Copies a link to the clipboard.
 * @throws ShareLinkError 'invalid' with a learner message when the browser refuses (no clipboard
 *   permission, insecure context); the page can then show the link for manual copying
 */
export async function copyLink(
	link: string,
	clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard
): Promise<void> {
	if (!clipboard) {
		throw new ShareLinkError(
			'invalid',
			'This browser does not let Chainlab copy; select the link and copy it yourself.'
		);
	}
	try {
		await clipboard.writeText(link);
	} catch {
		throw new ShareLinkError(
			'invalid',
			'The browser refused to copy the link; select it and copy it yourself.'
		);
	}
}
