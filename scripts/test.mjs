#!/usr/bin/env node
// The whole test suite, in the order a failure is cheapest to find: types and lint, unit tests,
// the production build, then the end-to-end story in a real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 17)) {
	console.error(`Chainlab needs Node 22.17 or newer; this is ${process.version}.`);
	process.exit(1);
}

/** @type {[name: string, cmd: string, args: string[]][]} */
const steps = [
	['types', 'npx', ['svelte-kit', 'sync']],
	[
		'svelte-check',
		'npx',
		['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']
	],
	['eslint', 'npx', ['eslint', '.']],
	['prettier', 'npx', ['prettier', '--check', '.']],
	['unit tests', 'npx', ['vitest', 'run']],
	['build', 'npx', ['vite', 'build']],
	['end-to-end tests', 'npx', ['playwright', 'test']]
];

const browser = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
	// no system Chromium: use Playwright's own, downloading it once if needed
	steps.splice(steps.length - 1, 0, ['browser', 'npx', ['playwright', 'install', 'chromium']]);
}

for (const [name, cmd, args] of steps) {
	console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (r.status !== 0) {
		console.error(`\n=== ${name} failed after ${seconds} s`);
		process.exit(r.status ?? 1);
	}
	console.log(`=== ${name} ok (${seconds} s)`);
}
