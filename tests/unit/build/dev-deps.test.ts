// `npm run dev` must not reload the page under a learner's first Run: every package that a module
// of the worker side (or any plain .ts module) imports is pre-bundled by Vite up front, because the
// dependency scanner only follows the pages, not `new Worker(new URL(...))`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../vite.config.ts';

/** Built-ins, and packages Vite or Kit handle themselves or that only the scanned pages import. */
const HANDLED = [/^node:/, /^svelte(\/|$)/, /^@sveltejs\/kit/, /^\$app\//, /^monaco-editor\//, /^chainlab$/];

function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
		.map((e) => join(e.parentPath, e.name));
}

/** Bare package specifiers a module imports statically or dynamically (no `?url` assets). */
function bareImports(source: string): string[] {
	const found = new Set<string>();
	for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*)'([^'\n.#/$][^'\n]*)'/g)) {
		if (!m[1].includes('?')) found.add(m[1]);
	}
	return [...found];
}

describe('dev server pre-bundling', () => {
	const include = new Set(config.optimizeDeps?.include ?? []);
	const files = [...tsFiles('src'), ...tsFiles('lessons')];

	it('reads the modules it guards', () => {
		expect(files.some((f) => f.endsWith(join('worker', 'sim.worker.ts')))).toBe(true);
		expect(bareImports("import { x } from 'yaml';\nconst y = await import('sucrase');")).toEqual([
			'yaml',
			'sucrase'
		]);
	});

	it('pre-bundles every package a .ts module imports', () => {
		const missing = new Map<string, string>();
		for (const file of files) {
			for (const spec of bareImports(readFileSync(file, 'utf8'))) {
				if (HANDLED.some((re) => re.test(spec)) || include.has(spec)) continue;
				missing.set(spec, file);
			}
		}
		expect(Object.fromEntries(missing)).toEqual({});
	});
});
