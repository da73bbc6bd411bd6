#!/usr/bin/env node
// Runs the benchmarks (bench/*.bench-run.ts through Vitest, so TypeScript and Vite features work
// as in the app), each of which writes its medians to bench/.results/<name>.json, then prints every
// figure and, last, one JSON object of all medians so the figures can be tracked over time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureRecentNode } from './node.mjs';

ensureRecentNode();

const dir = 'bench/.results';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const r = spawnSync(
	'npx',
	['vitest', 'run', '--config', 'bench/vitest.config.ts', ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env: { ...process.env, CHAINLAB_BENCH_OUT: dir }
	}
);
if (r.status !== 0) process.exit(r.status ?? 1);

const all = {};
for (const file of readdirSync(dir).sort()) {
	Object.assign(all, JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
}
console.log(JSON.stringify(all));
