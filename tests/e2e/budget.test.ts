/**
 * Bundle budget: the catalog page loads at most 100 KB of gzipped JavaScript, and neither Monaco
 * nor QuickJS (they load only with a lesson page, and the simulator only in its worker). The
 * engine is bundled once: one simulator worker serves the lesson page and the playground, and
 * the service worker precaches it once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { buildDir } from './static-server.ts';

const BUDGET_BYTES = 100 * 1024;

test('the catalog loads at most 100 KB of gzipped JavaScript and no Monaco or QuickJS', async ({
	page
}) => {
	const scripts = new Map<string, Promise<Buffer>>();
	const other: string[] = [];
	page.on('response', (response) => {
		const url = response.url();
		if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(url)) {
			scripts.set(url, response.body());
		} else {
			other.push(url);
		}
	});
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// progress is read after mount (a lazy import): wait until the page has settled
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(/\d+ of \d+/).first()).toBeVisible();
	await page.waitForLoadState('networkidle');

	let total = 0;
	const sizes: string[] = [];
	for (const [url, body] of scripts) {
		const text = await body;
		const gzipped = gzipSync(text).length;
		total += gzipped;
		sizes.push(`${new URL(url).pathname} ${gzipped}`);
		const source = text.toString('utf8');
		expect(source, `${url} is not Monaco`).not.toMatch(/MonacoEnvironment|monaco-editor/);
		expect(source, `${url} is not QuickJS`).not.toMatch(/quickjs|emscripten/i);
	}
	console.log(
		`catalog JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.size} files`
	);
	expect(total, sizes.join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
	expect(scripts.size).toBeGreaterThan(0);
	for (const url of [...scripts.keys(), ...other]) {
		expect(url).not.toMatch(/\.wasm(\?|$)|editor\.worker|ts\.worker|sim\.worker/);
	}
});

/** Every .js file of the client build, by path relative to `build/`. */
function builtScripts(root: string): string[] {
	return readdirSync(join(root, '_app'), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.js'))
		.map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The modules `file` imports statically, resolved to paths relative to `build/`. */
function importsOf(root: string, file: string): string[] {
	const source = readFileSync(join(root, file), 'utf8');
	return [...source.matchAll(/from\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) =>
		relative(root, join(root, file, '..', m[1]))
	);
}

test('the engine is bundled once, in the one simulator worker, and precached once', () => {
	const root = buildDir();
	// a message only the engine (sim/world.ts) carries; it survives minification as a string
	const ENGINE = 'createWorld: give at least one chain';
	const scripts = builtScripts(root);
	const workers = scripts.filter((f) => /_app\/immutable\/workers\/[^/]+\.js$/.test(f));
	const simulators = workers.filter((f) => !/\/(editor|ts)\.worker-/.test(f));
	expect(simulators, workers.join('\n')).toHaveLength(1);
	expect(simulators[0]).toMatch(/\/sim\.worker-[\w-]+\.js$/);

	const withEngine = scripts.filter((f) => readFileSync(join(root, f), 'utf8').includes(ENGINE));
	expect(withEngine, 'files holding the engine').toHaveLength(1);
	// the engine file is the simulator worker or a chunk it imports
	const reachable = new Set<string>();
	const queue = [simulators[0]];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (reachable.has(file)) continue;
		reachable.add(file);
		queue.push(...importsOf(root, file));
	}
	expect(reachable.has(withEngine[0]), `${withEngine[0]} is loaded by ${simulators[0]}`).toBe(true);

	// the service worker's list names the worker entries (their chunks are crawled from them)
	const serviceWorker = readFileSync(join(root, 'service-worker.js'), 'utf8');
	const listed = [...serviceWorker.matchAll(/_app\/immutable\/workers\/([\w-]+)\.worker-/g)];
	expect(listed.map((m) => m[1]).sort()).toEqual(['editor', 'sim', 'ts']);
});
