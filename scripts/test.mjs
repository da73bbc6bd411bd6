#!/usr/bin/env node
// The whole test suite, in the order a failure is cheapest to find: types and lint, unit tests,
// the production build, then the end-to-end story in a real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureRecentNode } from './node.mjs';

// on a Node older than 22.17 this re-runs the script under a Node 22 from the npm registry
ensureRecentNode();

const RESULTS = '.test-summary';
const VITEST_JSON = `${RESULTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${RESULTS}/e2e.json`;
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

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
	[
		'unit tests',
		'npx',
		['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]
	],
	['build', 'npx', ['vite', 'build']],
	['end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json']]
];

const browser = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
	// no system Chromium: use Playwright's own, downloading it once if needed
	steps.splice(steps.length - 1, 0, ['browser', 'npx', ['playwright', 'install', 'chromium']]);
}

for (const [name, cmd, args] of steps) {
	console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, {
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON }
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (r.status !== 0) {
		console.error(`\n=== ${name} failed after ${seconds} s`);
		process.exit(r.status ?? 1);
	}
	console.log(`=== ${name} ok (${seconds} s)`);
}

// one closing line for every test run: unit and end-to-end together
const unit = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
const e2e = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')).stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
console.log(`\nunit: ${unit.numPassedTests} passed; end-to-end: ${e2e.expected} passed`);
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
