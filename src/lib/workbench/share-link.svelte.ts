/**
 * The `#share=` fragment of a workbench page's address: read once when the page opens (a link
 * that cannot be opened is explained, `error`, and dropped from the address), written back while
 * a shared copy is on screen, and cleared when the learner keeps or leaves it.
 */
import { replaceState } from '$app/navigation';
import {
	decodeShareToken,
	encodeShareToken,
	SHARE_PARAM,
	shareTokenOf,
	type SharedState
} from '#lib/share/index.ts';

/** What a link must be for this page (see decodeShareToken). */
export type LinkExpectation = Parameters<typeof decodeShareToken>[1];

export class ShareLink {
	/** why the link in the address could not be opened (shown until dismissed) */
	error = $state<string | null>(null);

	/**
	 * The shared copy the address asks for: undefined when there is no link, or when it cannot be
	 * opened (then `error` says why and the fragment is removed).
	 * @param check throws (with a learner-facing message) when the decoded state is unusable here
	 */
	async read(
		expected: LinkExpectation,
		check: (shared: SharedState) => void = () => {}
	): Promise<SharedState | undefined> {
		const token = shareTokenOf(location.href);
		if (token === null) return undefined;
		try {
			const shared = await decodeShareToken(token, expected);
			check(shared);
			return shared;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.clear();
			return undefined;
		}
	}

	/**
	 * Puts the state in the address (a state too large for a link leaves the last one), unless
	 * `still()` has turned false while it was being encoded (the learner left the shared copy).
	 */
	async write(state: SharedState, still: () => boolean = () => true): Promise<void> {
		try {
			const token = await encodeShareToken(state);
			if (still()) setFragment(`#${SHARE_PARAM}=${token}`);
		} catch {
			// too large for a link: the address keeps the last state that fitted
		}
	}

	/** Removes the link from the address. */
	clear(): void {
		setFragment('');
	}
}

/** True when the address holds a share link (a pasted one only changes the fragment). */
export const hasShareLink = (): boolean => shareTokenOf(location.href) !== null;

/** Rewrites this page's address fragment in place ('' removes it). */
function setFragment(fragment: string): void {
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page: only the fragment changes
	replaceState(`${location.pathname}${location.search}${fragment}`, {});
}
