/**
 * The notice for drafts written against an older starter names the files (by file name), says
 * the draft is open as the learner left it, and offers both actions as buttons; it renders
 * nothing when no file is stale.
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import StarterChangedBanner from '#lib/lesson/StarterChangedBanner.svelte';

const text = (paths: string[]) => {
	const { body } = render(StarterChangedBanner, {
		props: { paths, onkeep: () => {}, onreplace: () => {} }
	});
	return {
		body,
		words: body
			.replace(/<!--[^>]*-->/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.replace(/ ([,.])/g, '$1')
			.trim()
	};
};

describe('StarterChangedBanner', () => {
	test('one file: the sentence of the notice and both buttons', () => {
		const { body, words } = text(['contracts/LendingPool.ts']);
		expect(words).toBe(
			"This lesson's starter for LendingPool.ts changed since you wrote your draft. Your draft is open as you left it. Keep my draft Start from the new starter"
		);
		expect(body).toContain('role="status"');
		expect(body.match(/<button type="button"/g)).toHaveLength(2);
	});

	test('several files are listed and the wording turns plural', () => {
		const { words } = text(['contracts/Cave.ts', 'contracts/Verifier.ts', 'contracts/Prover.ts']);
		expect(words).toMatch(
			/^This lesson's starter for Cave\.ts, Verifier\.ts and Prover\.ts changed since you wrote your drafts\. Your drafts are open as you left them\. Keep my drafts /
		);
	});

	test('no stale file: nothing is shown', () => {
		expect(text([]).words).toBe('');
	});
});
