/**
 * One list of error kinds: model/errors.ts. The learner-facing typings (sim/chainlab.d.ts, fed to
 * Monaco as text, so they cannot import it) must name the same kinds a call can fail with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, isErrorKind } from '#lib/model/errors.ts';
import { toSourceError } from '#lib/scenario/errors.ts';

describe('ErrorKind', () => {
	it('chainlab.d.ts lists every kind a contract call can fail with', () => {
		const dts = readFileSync('src/lib/sim/chainlab.d.ts', 'utf8');
		const union = /export type ErrorKind =([^;]*);/.exec(dts)?.[1] ?? '';
		const named = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
		// a call cannot be cancelled: only a whole run can, from the page
		expect(named).toEqual(ERROR_KINDS.filter((k) => k !== 'cancelled'));
	});

	it('isErrorKind accepts the listed kinds only', () => {
		for (const kind of ERROR_KINDS) expect(isErrorKind(kind)).toBe(true);
		expect(isErrorKind('timeout')).toBe(false);
		expect(isErrorKind(undefined)).toBe(false);
	});

	it('toSourceError keeps a known kind and turns an unknown one into runtime', () => {
		expect(toSourceError({ kind: 'out-of-gas', message: 'no gas' }).kind).toBe('out-of-gas');
		expect(toSourceError({ kind: 'weird', message: 'x' }).kind).toBe('runtime');
	});
});
