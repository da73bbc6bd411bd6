import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Who may import whom (docs/architecture.md, "Folders, and who may import whom"). Each row names
 * the app folders a folder may import (besides its own files and libraries) and single files of
 * otherwise closed folders it may import; every other folder of src/lib is an error. Paths match
 * `#lib/...`, `$lib/...` and relative imports (`../worker/...`, `../../src/lib/ui/...`).
 */
const APP_FOLDERS = [
	'data',
	'editor',
	'lesson',
	'lessons',
	'model',
	'playground',
	'protocols',
	'pwa',
	'scenario',
	'share',
	'sim',
	'storage',
	'ui',
	'viz',
	'workbench',
	'worker'
];

/**
 * One config block: files of `folder` may import only `allowed` folders and the `files` listed
 * per otherwise closed folder (`{ worker: ['client.ts'] }`).
 * @param {string} folder glob of the files, e.g. `src/lib/model/**`
 * @param {string} rule the row as learners of the code read it, shown in the error
 * @param {string[]} allowed app folders it may import
 * @param {Record<string, string[]>} [files] single files it may import from closed folders
 * @returns {import('eslint').Linter.Config}
 */
function boundary(folder, rule, allowed, files = {}) {
	const own = /^src\/lib\/([^/]+)\//.exec(folder)?.[1];
	const prefix = String.raw`^(?:[#$]lib/|(?:\.\./)+(?:src/lib/)?)`;
	const patterns = APP_FOLDERS.filter((f) => f !== own && !allowed.includes(f)).map((f) => {
		const except = (files[f] ?? []).map((name) => name.replace(/[.]/g, String.raw`\.`));
		const rest = except.length ? String.raw`(?:$|/(?!(?:${except.join('|')})$))` : '(?:/|$)';
		return {
			regex: `${prefix}${f}${rest}`,
			message: `${rule} (${f}/ is not allowed here; see docs/architecture.md).`
		};
	});
	return { files: [folder], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'.ci/',
			'.cache/',
			'test-results/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// contract sources are learner-facing TypeScript; a generic escape hatch is sometimes honest
			'@typescript-eslint/no-explicit-any': 'warn'
		}
	},
	// the folder table of docs/architecture.md, one block per folder
	boundary('src/lib/model/**', 'model/ imports nothing of the app', []),
	boundary('src/lib/protocols/**', 'protocols/ imports only model/', ['model']),
	boundary('src/lib/sim/**', 'sim/ imports only protocols/ and model/', ['protocols', 'model']),
	boundary('src/lib/data/**', 'data/ imports only protocols/ and model/', ['protocols', 'model']),
	boundary(
		'src/lib/scenario/**',
		'scenario/ imports only sim/, protocols/, model/, data/ and the lesson-file readers',
		['sim', 'protocols', 'model', 'data'],
		{ lessons: ['files.ts', 'raw.ts'] }
	),
	boundary(
		'src/lib/worker/**',
		'worker/ imports only scenario/, model/ and the playground session',
		['scenario', 'model', 'playground']
	),
	boundary('src/lib/lessons/**', 'lessons/ imports only model/', ['model']),
	boundary('src/lib/storage/**', 'storage/ imports only model/', ['model']),
	boundary('src/lib/share/**', 'share/ imports only model/', ['model']),
	boundary('src/lib/pwa/**', 'pwa/ imports only storage/ and model/', ['storage', 'model']),
	boundary(
		'src/lib/editor/**',
		'editor/ imports only model/ and the contract API typings',
		['model'],
		{ sim: ['contract-api.ts'] }
	),
	boundary('src/lib/viz/**', 'viz/ imports only model/ and protocols/ (pure math)', [
		'model',
		'protocols'
	]),
	boundary(
		'src/lib/ui/**',
		'ui/ holds generic widgets: it imports only model/, viz/, storage/, share/',
		['model', 'viz', 'storage', 'share']
	),
	boundary(
		'src/lib/workbench/**',
		'workbench/ (the layout and state lessons and the playground share) never imports a page feature (lesson/, playground/), sim/, scenario/ or the worker side',
		['model', 'share', 'storage', 'ui', 'viz', 'editor']
	),
	boundary(
		'src/lib/lesson/**',
		'lesson/ never imports sim/, scenario/, playground/ or the worker side (only the typed client)',
		['model', 'lessons', 'storage', 'share', 'viz', 'editor', 'ui', 'workbench'],
		{ worker: ['client.ts', 'protocol.ts'] }
	),
	boundary(
		'src/lib/playground/**',
		'playground/ never imports sim/ directly, lesson/, nor the worker side (only the typed client)',
		[
			'model',
			'scenario',
			'protocols',
			'data',
			'lessons',
			'storage',
			'share',
			'viz',
			'ui',
			'workbench',
			'editor'
		],
		{ worker: ['client.ts', 'protocol.ts'] }
	),
	boundary(
		'src/routes/**',
		'routes never import sim/ directly (only the published gas table)',
		APP_FOLDERS.filter((f) => f !== 'sim'),
		{ sim: ['gas.ts'] }
	),
	boundary('src/service-worker/**', 'the service worker imports only pwa/ and model/', [
		'pwa',
		'model'
	]),
	boundary(
		'lessons/**',
		'lesson content imports only scenario/, protocols/, data/, model/ and sim/ (hashing)',
		['scenario', 'protocols', 'data', 'model', 'sim']
	),
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		// starters leave the learner's part as a TODO, so some names are unused on purpose
		files: ['lessons/**/contracts/**'],
		rules: { '@typescript-eslint/no-unused-vars': 'off' }
	}
);
