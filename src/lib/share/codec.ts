/**
 * The share-link codec: a lesson state <-> a short token for a URL fragment.
 *
 * Token: `1.` + base64url(deflate-raw(UTF-8 JSON payload)). The `1` is the link format; the payload
 * repeats its version (`v`) so a future format can still read old links. Decoding checks, in order:
 * shape of the token, encoded length, base64url, DEFLATE (truncation), decoded size (64 KB cap,
 * checked while inflating), UTF-8, JSON, forbidden keys, the valibot schema, then the caller's
 * lesson rules. Every failure is a ShareLinkError with a learner-facing message.
 */
import * as v from 'valibot';
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url, TrailingDataError } from './bytes.ts';
import { ShareLinkError, clip, quote } from './errors.ts';
import {
	MAX_SHARE_BYTES,
	SHARE_VERSION,
	fromPayload,
	payloadSchema,
	toPayload,
	type SharedState
} from './schema.ts';

/** Longest token accepted: the base64url of a 64 KB payload that did not compress, plus slack. */
export const MAX_TOKEN_CHARS = Math.ceil((MAX_SHARE_BYTES * 4) / 3) + 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** What the decoder may check besides the payload's own shape. */
export type DecodeOptions = {
	/** every lesson id this build has; a link for any other lesson is refused */
	lessonIds?: readonly string[];
	/** the lesson of the page the link was opened on; a link for another lesson is refused */
	lessonId?: string;
	/** the lesson's editable file paths; a link carrying any other file is refused */
	paths?: readonly string[];
};

/** A valibot issue in plain words (our own messages as they are, valibot's defaults rephrased). */
function describeIssue(issue: v.BaseIssue<unknown>): string {
	if (!issue.message.startsWith('Invalid ')) return clip(issue.message);
	if (issue.type === 'strict_object') return 'a field Chainlab does not know';
	if (issue.input === undefined) return 'a required field is missing';
	if (issue.kind === 'schema')
		return `a value of the wrong kind (expected ${clip(issue.expected ?? '?')})`;
	return 'a value out of range';
}

function validate(payload: unknown): SharedState {
	const result = v.safeParse(payloadSchema, payload);
	if (!result.success) {
		const issue = result.issues[0];
		const where = v.getDotPath(issue);
		throw new ShareLinkError(
			'invalid',
			`This share link does not describe a Chainlab lesson state (${describeIssue(issue)}${where ? ` at ${quote(where)}` : ''}).`
		);
	}
	return fromPayload(result.output);
}

/**
 * Encodes a lesson state as a link token (deterministic: files are ordered by path).
 * @param state lesson id, sources by path, seed (uint32), step (>= 0), optional state hash
 * @throws ShareLinkError 'too-large' when the JSON passes 64 KB, 'invalid' when the state is not
 *   one a link can carry (bad lesson id, file path, seed or step)
 */
export async function encodeShareToken(state: SharedState): Promise<string> {
	const sorted = Object.fromEntries(
		Object.entries(state.sources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	);
	const payload = toPayload({ ...state, sources: sorted });
	validate(payload);
	const bytes = new TextEncoder().encode(JSON.stringify(payload));
	if (bytes.length > MAX_SHARE_BYTES) {
		throw new ShareLinkError(
			'too-large',
			`Your files are too large to share as a link (${kb(bytes.length)}; the limit is ${kb(MAX_SHARE_BYTES)}). Use Export to share a backup file instead.`
		);
	}
	return `${SHARE_VERSION}.${toBase64Url(await deflateRaw(bytes))}`;
}

const truncated = () =>
	new ShareLinkError(
		'truncated',
		'This share link is incomplete or damaged; it was probably cut off when it was copied. Copy the whole link and open it again.'
	);

/**
 * Decodes a link token back into a validated lesson state.
 * @throws ShareLinkError with code 'empty' | 'format' | 'version' | 'truncated' | 'too-large' |
 *   'invalid' | 'unknown-lesson' | 'wrong-lesson' and a message for the learner
 */
export async function decodeShareToken(
	token: string,
	options: DecodeOptions = {}
): Promise<SharedState> {
	const text = token.trim();
	if (text === '') throw new ShareLinkError('empty', 'This share link has no shared code in it.');
	if (text.length > MAX_TOKEN_CHARS) {
		throw new ShareLinkError(
			'too-large',
			`This share link is too long (${text.length} characters; Chainlab accepts up to ${MAX_TOKEN_CHARS}).`
		);
	}
	const match = /^(\d{1,4})\.([\s\S]*)$/.exec(text);
	if (!match) {
		throw new ShareLinkError(
			'format',
			'This is not a Chainlab share link: its code part is garbled.'
		);
	}
	if (Number(match[1]) !== SHARE_VERSION) {
		throw new ShareLinkError(
			'version',
			Number(match[1]) > SHARE_VERSION
				? 'This share link was made by a newer version of Chainlab. Reload Chainlab to update it, then open the link again.'
				: 'This share link uses a format Chainlab no longer reads.'
		);
	}
	const packed = fromBase64Url(match[2]);
	if (!packed) {
		if (/[^A-Za-z0-9_-]/.test(match[2])) {
			throw new ShareLinkError(
				'format',
				'This is not a Chainlab share link: it contains characters a share link never has.'
			);
		}
		throw truncated();
	}
	if (packed.length === 0) throw truncated();

	let bytes: Uint8Array;
	try {
		bytes = await inflateRaw(packed, MAX_SHARE_BYTES);
	} catch (error) {
		if (error instanceof RangeError) {
			throw new ShareLinkError(
				'too-large',
				`This share link unpacks to more than ${kb(MAX_SHARE_BYTES)}, more than Chainlab accepts.`
			);
		}
		if (error instanceof TrailingDataError)
			throw new ShareLinkError(
				'invalid',
				'This share link has extra characters after its end, so it was altered or joined with other text. Copy the link again.'
			);
		throw truncated();
	}

	let payload: unknown;
	try {
		const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		payload = JSON.parse(json, (key, value) => {
			if (FORBIDDEN_KEYS.has(key)) {
				throw new ShareLinkError(
					'invalid',
					`This share link contains the name ${quote(key)}, which Chainlab refuses for safety.`
				);
			}
			return value;
		});
	} catch (error) {
		if (error instanceof ShareLinkError) throw error;
		throw new ShareLinkError(
			'invalid',
			'This share link is damaged: its contents are not readable Chainlab data.'
		);
	}
	if (
		payload &&
		typeof payload === 'object' &&
		'v' in payload &&
		typeof payload.v === 'number' &&
		payload.v !== SHARE_VERSION
	) {
		throw new ShareLinkError(
			'version',
			payload.v > SHARE_VERSION
				? 'This share link was made by a newer version of Chainlab. Reload Chainlab to update it, then open the link again.'
				: 'This share link uses a format Chainlab no longer reads.'
		);
	}
	const state = validate(payload);
	checkLesson(state, options);
	return state;
}

function checkLesson(state: SharedState, options: DecodeOptions): void {
	if (options.lessonIds && !options.lessonIds.includes(state.lessonId)) {
		throw new ShareLinkError(
			'unknown-lesson',
			`This share link is for a lesson this version of Chainlab does not have (${quote(state.lessonId)}).`
		);
	}
	if (options.lessonId !== undefined && options.lessonId !== state.lessonId) {
		throw new ShareLinkError(
			'wrong-lesson',
			`This share link belongs to lesson ${quote(state.lessonId)}, not to the one open here.`
		);
	}
	if (options.paths) {
		const extra = Object.keys(state.sources).find((p) => !options.paths?.includes(p));
		if (extra !== undefined) {
			throw new ShareLinkError(
				'invalid',
				`This share link has a file ${quote(extra)} that this lesson does not have.`
			);
		}
	}
}
