/**
 * Share links: encode a lesson state (lesson id, edited sources, seed, timeline step) into a URL
 * fragment and decode it back, with a clear ShareLinkError for any bad link.
 */
export {
	decodeShareToken,
	encodeShareToken,
	MAX_TOKEN_CHARS,
	type DecodeOptions
} from './codec.ts';
export { ShareLinkError, type ShareErrorCode } from './errors.ts';
export {
	copyLink,
	readShareLink,
	SHARE_PARAM,
	shareTokenOf,
	shareUrl,
	sharedCopyConflicts,
	withoutShare
} from './link.ts';
export { MAX_SHARE_BYTES, type SharedState } from './schema.ts';
