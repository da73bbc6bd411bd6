// One set of keyboard shortcuts for the lesson page and the playground (workbench/shortcuts.ts):
// what each chord asks for, where Alt+arrows stay out (editor, text fields, selects), and that
// the About page's list names every action the handler knows.
import { describe, expect, test } from 'vitest';
import { SHORTCUTS, shortcutOf } from '#lib/workbench/shortcuts.ts';

type Target = { tagName: string; type?: string; inEditor?: boolean };

/** A keydown as the page sees it, on a target element of the given kind. */
function key(
	key: string,
	mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>>,
	on?: Target
) {
	const target = on
		? {
				tagName: on.tagName,
				type: on.type,
				closest: (selector: string) =>
					on.inEditor || selector.split(',').some((s) => s.trim() === on.tagName.toLowerCase())
						? {}
						: null
			}
		: null;
	return {
		key,
		ctrlKey: !!mods.ctrl,
		metaKey: !!mods.meta,
		altKey: !!mods.alt,
		shiftKey: !!mods.shift,
		target
	} as unknown as KeyboardEvent;
}

describe('shortcutOf', () => {
	test('Ctrl/Cmd+Enter runs, with Shift checks, anywhere (the editor too)', () => {
		expect(shortcutOf(key('Enter', { ctrl: true }))).toBe('run');
		expect(shortcutOf(key('Enter', { meta: true }, { tagName: 'DIV', inEditor: true }))).toBe(
			'run'
		);
		expect(shortcutOf(key('Enter', { ctrl: true, shift: true }))).toBe('check');
		expect(shortcutOf(key('Enter', { ctrl: true, alt: true }))).toBeNull();
		expect(shortcutOf(key('Enter', {}))).toBeNull();
	});

	test('Alt+Left/Right step the timeline, but not inside the editor or a text field', () => {
		expect(shortcutOf(key('ArrowLeft', { alt: true }, { tagName: 'BUTTON' }))).toBe('back');
		expect(shortcutOf(key('ArrowRight', { alt: true }, { tagName: 'BODY' }))).toBe('forward');
		expect(shortcutOf(key('ArrowRight', { alt: true }, { tagName: 'INPUT', type: 'range' }))).toBe(
			'forward'
		);
		expect(
			shortcutOf(key('ArrowRight', { alt: true }, { tagName: 'DIV', inEditor: true }))
		).toBeNull();
		expect(
			shortcutOf(key('ArrowLeft', { alt: true }, { tagName: 'INPUT', type: 'text' }))
		).toBeNull();
		expect(shortcutOf(key('ArrowLeft', { alt: true }, { tagName: 'TEXTAREA' }))).toBeNull();
		expect(shortcutOf(key('ArrowLeft', { alt: true }, { tagName: 'SELECT' }))).toBeNull();
		expect(shortcutOf(key('ArrowLeft', { alt: true, shift: true }))).toBeNull();
		expect(shortcutOf(key('ArrowLeft', { alt: true, ctrl: true }))).toBeNull();
		expect(shortcutOf(key('ArrowUp', { alt: true }))).toBeNull();
	});

	test('the listed shortcuts cover run, check and both steps', () => {
		const listed = SHORTCUTS.map((s) => s.keys.map((k) => k.join('+')).join(' '));
		expect(listed).toEqual(
			expect.arrayContaining([
				'Ctrl+Enter ⌘+Enter',
				'Ctrl+Shift+Enter ⌘+Shift+Enter',
				'Alt+←',
				'Alt+→'
			])
		);
	});
});
