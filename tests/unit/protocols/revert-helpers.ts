import { expect } from 'vitest';
import { RevertError } from '#lib/protocols/revert.ts';

/** Asserts that `fn` throws a RevertError whose message is exactly `reason`, with an explanation. */
export function expectRevert(fn: () => unknown, reason: string): void {
	let thrown: unknown;
	try {
		fn();
	} catch (e) {
		thrown = e;
	}
	expect(thrown).toBeInstanceOf(RevertError);
	expect((thrown as RevertError).message).toBe(reason);
	expect((thrown as RevertError).explanation.length).toBeGreaterThan(10);
}
