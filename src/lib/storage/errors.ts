/**
 * Turns IndexedDB and Dexie failures into one sentence a learner understands.
 */

/** Error names (DOMException or Dexie) mapped to what they mean for the learner. */
const MESSAGES: Record<string, string> = {
	QuotaExceededError:
		'The browser has no storage space left for Chainlab, so your edits are kept only in this tab.',
	MissingAPIError:
		'This browser does not offer IndexedDB (private mode?), so your edits are kept only in this tab.',
	InvalidStateError:
		'The browser refused access to its storage (private mode?), so your edits are kept only in this tab.',
	SecurityError:
		'The browser blocks storage for this site, so your edits are kept only in this tab.',
	DatabaseClosedError:
		'Chainlab lost its connection to browser storage, so your edits are kept only in this tab.',
	VersionError:
		'A newer Chainlab is open in another tab; reload this tab. Your edits are kept here meanwhile.'
};

/**
 * A learner-facing message for a storage failure.
 * @param error anything thrown by Dexie or IndexedDB (Dexie wraps DOMExceptions in `inner`)
 */
export function describeStorageError(error: unknown): string {
	for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
		const name = (e as { name?: string }).name;
		if (name && MESSAGES[name]) return MESSAGES[name];
		e = (e as { inner?: unknown }).inner;
	}
	const detail = error instanceof Error ? ` (${error.message})` : '';
	return `Saving to browser storage failed${detail}, so your edits are kept only in this tab.`;
}
