/**
 * What a share link carries, and the valibot schema that every decoded link must pass before any
 * of it reaches the page.
 */
import * as v from 'valibot';

/** Format version inside the payload; bump it (and keep decoding old ones) when the shape changes. */
export const SHARE_VERSION = 1;

/** Cap on the decoded JSON of a link, in bytes (also enforced when making a link). */
export const MAX_SHARE_BYTES = 64 * 1024;

/** Lesson ids look like `02-lending/03-liquidation-call`. */
export const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}$/;

/** Lesson file paths look like `contracts/LendingPool.ts`: plain segments, no `..`, no markup. */
export const FILE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){0,7}$/;

/** The state a link reproduces: the same sources and seed give the same state hash at `step`. */
export type SharedState = {
	/** `track/lesson`, e.g. `02-lending/03-liquidation-call` */
	lessonId: string;
	/** edited lesson files by path (the sender's editor contents) */
	sources: Record<string, string>;
	/** the world's seed, a 32-bit unsigned integer */
	seed: number;
	/** 0-based timeline step the sender was looking at */
	step: number;
	/** the sender's state hash at `step` (0x-hex), so the recipient can confirm the reproduction */
	stateHash?: string;
};

const sourcesSchema = v.pipe(
	v.custom<Record<string, unknown>>(
		(x) => typeof x === 'object' && x !== null && !Array.isArray(x),
		'the files are not a list of path and text'
	),
	v.record(
		v.pipe(v.string(), v.regex(FILE_PATH, 'a file path is not a plain lesson path')),
		v.pipe(v.string(), v.maxLength(MAX_SHARE_BYTES, 'a file is too long'))
	),
	v.check((r) => Object.keys(r).length <= 32, 'too many files')
);

/** The payload as it travels (short keys keep links short). */
export const payloadSchema = v.strictObject({
	v: v.literal(SHARE_VERSION),
	l: v.pipe(v.string(), v.regex(LESSON_ID, 'the lesson id is not a Chainlab lesson id')),
	f: sourcesSchema,
	s: v.pipe(
		v.number(),
		v.integer('the seed is not a whole number'),
		v.minValue(0, 'the seed is negative'),
		v.maxValue(0xffffffff, 'the seed is too large')
	),
	t: v.pipe(
		v.number(),
		v.integer('the step is not a whole number'),
		v.minValue(0, 'the step is negative'),
		v.maxValue(10_000_000, 'the step is too large')
	),
	h: v.optional(v.pipe(v.string(), v.regex(/^0x[0-9a-f]{1,128}$/, 'the state hash is not hex')))
});

export type SharePayload = v.InferOutput<typeof payloadSchema>;

/** The travelling payload of a state. */
export function toPayload(state: SharedState): SharePayload {
	const payload: SharePayload = {
		v: SHARE_VERSION,
		l: state.lessonId,
		f: state.sources,
		s: state.seed,
		t: state.step
	};
	if (state.stateHash !== undefined) payload.h = state.stateHash;
	return payload;
}

/** The state of a validated payload. */
export function fromPayload(payload: SharePayload): SharedState {
	const state: SharedState = {
		lessonId: payload.l,
		// fromEntries defines own properties, so no key can reach a prototype
		sources: Object.fromEntries(Object.entries(payload.f)),
		seed: payload.s,
		step: payload.t
	};
	if (payload.h !== undefined) state.stateHash = payload.h;
	return state;
}
