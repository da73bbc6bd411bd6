/**
 * The workbench's keyboard shortcuts, one set for lessons and the playground: what each key does
 * (`shortcutOf`) and the list the About page shows (`SHORTCUTS`).
 */

/** What a shortcut asks the workbench to do. */
export type ShortcutAction = 'run' | 'check' | 'back' | 'forward';

/**
 * The action a page-wide keydown asks for, or null. Ctrl/Cmd+Enter runs, Ctrl/Cmd+Shift+Enter
 * checks (on a lesson), Alt+Left/Right step the timeline. Alt+arrows stay out of the editor and
 * of text fields, selects and contenteditable (word navigation there); a range slider is fine.
 */
export function shortcutOf(event: KeyboardEvent): ShortcutAction | null {
	const mod = event.ctrlKey || event.metaKey;
	if (mod && event.key === 'Enter' && !event.altKey) return event.shiftKey ? 'check' : 'run';
	if (!event.altKey || mod || event.shiftKey) return null;
	if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return null;
	const target = event.target as HTMLElement | null;
	if (target?.closest?.('.monaco-editor, textarea, select, [contenteditable="true"]')) return null;
	if (target?.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range') return null;
	return event.key === 'ArrowLeft' ? 'back' : 'forward';
}

/** The shortcuts as the About page lists them: alternative key chords, and what they do. */
export const SHORTCUTS: { keys: string[][]; action: string }[] = [
	{
		keys: [
			['Ctrl', 'Enter'],
			['⌘', 'Enter']
		],
		action: 'Run the scenario, or the playground’s steps (also inside the editor)'
	},
	{
		keys: [
			['Ctrl', 'Shift', 'Enter'],
			['⌘', 'Shift', 'Enter']
		],
		action: 'Check your code against the lesson’s checks (lessons only)'
	},
	{ keys: [['Alt', '←']], action: 'Step back one step of the timeline (outside the editor)' },
	{ keys: [['Alt', '→']], action: 'Step forward one step of the timeline (outside the editor)' },
	{
		keys: [
			['Ctrl', 'M'],
			['Ctrl', 'Shift', 'M']
		],
		action:
			'Inside the editor: toggle whether Tab moves focus out of the editor (Ctrl+Shift+M on a Mac). Press it, then Tab leaves the editor; press it again to indent with Tab.'
	},
	{ keys: [['←'], ['→']], action: 'On the file tabs: move between files' },
	{ keys: [['Tab']], action: 'Move between every button, tab, slider and link on the page' }
];
