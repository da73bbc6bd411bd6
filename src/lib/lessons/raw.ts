/**
 * Contract files of every lesson bundled at build time with `import.meta.glob` (raw text). Light
 * (no markdown), so the worker imports this to fill in a lesson's fixed files.
 */
import type { RawFiles } from './files.ts';

/**
 * `contracts/**` and `solution/**` texts of every lesson, and every track's shared
 * `lessons/NN-track/contracts/**` files, keyed by project path.
 */
export const contractFiles = import.meta.glob(
	[
		'/lessons/*/contracts/**/*.ts',
		'/lessons/*/*/contracts/**/*.ts',
		'/lessons/*/*/solution/**/*.ts'
	],
	{ query: '?raw', import: 'default', eager: true }
) as RawFiles;
