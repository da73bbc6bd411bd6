#!/usr/bin/env node
// Runs a command under Node 22.17 or newer, which SvelteKit 3 and Vitest 5 need. With such a Node
// it runs the command as it is; with an older one (Node 20 is common) it first brings Node 22 from
// the npm registry (the `node` package) into .cache/node, once, and puts it first on PATH, so the
// command and everything it starts (npx, vite, playwright's web server) run on Node 22.
//
//   node scripts/node.mjs vite build
//
// Written for the oldest Node that npm ci accepts here: node: built-ins only, no newer syntax.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = join(ROOT, '.cache', 'node');
const BIN = join(PREFIX, 'node_modules', '.bin');
const NODE = join(BIN, process.platform === 'win32' ? 'node.cmd' : 'node');

/** The oldest Node the project's tools accept: [major, minor]. */
export const MIN_NODE = [22, 17];

/**
 * Whether a version string (`22.23.3` or `v22.23.3`) is at least MIN_NODE.
 * @param {string} version
 */
export function isRecentNode(version) {
	const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
	return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function broughtNodeVersion() {
	if (!existsSync(NODE)) return null;
	const r = spawnSync(NODE, ['--version'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The environment to run the project's tools in: this process's own when its Node is recent
 * enough, else one whose PATH starts with a Node 22 in .cache/node (installed on first use).
 * Throws when that install fails (no npm registry, no disk).
 */
export function recentNodeEnv() {
	if (isRecentNode(process.versions.node)) return process.env;
	const have = broughtNodeVersion();
	if (!have || !isRecentNode(have)) {
		console.error(
			`chainlab: Node ${process.version} is older than ${MIN_NODE.join('.')}; ` +
				'bringing Node 22 from the npm registry into .cache/node (once, about 30 MB)'
		);
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const r = spawnSync(
			npm,
			[
				'install',
				'--prefix',
				PREFIX,
				'--no-save',
				'--no-package-lock',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				'node@22'
			],
			{ stdio: 'inherit', shell: process.platform === 'win32' }
		);
		const now = broughtNodeVersion();
		if (r.status !== 0 || !now || !isRecentNode(now)) {
			throw new Error(
				'could not install Node 22 from the npm registry into .cache/node; ' +
					'install Node 22.17 or newer yourself and run the command again'
			);
		}
		console.error(`chainlab: using Node ${now} from .cache/node`);
	}
	return { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
}

/**
 * Re-runs the current script under a recent Node when this one is too old, then exits with its
 * status; returns (doing nothing) when this Node is recent enough. Call it first in a script.
 */
export function ensureRecentNode() {
	if (isRecentNode(process.versions.node)) return;
	const env = recentNodeEnv();
	const r = spawnSync(NODE, process.argv.slice(1), { stdio: 'inherit', env });
	process.exit(r.status ?? 1);
}

// as a command: node scripts/node.mjs <command> [args...]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [command, ...args] = process.argv.slice(2);
	if (!command) {
		console.error('usage: node scripts/node.mjs <command> [args...]');
		process.exit(2);
	}
	let env;
	try {
		env = recentNodeEnv();
	} catch (error) {
		console.error(`chainlab: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	}
	const r = spawnSync(command, args, {
		stdio: 'inherit',
		env,
		shell: process.platform === 'win32'
	});
	if (r.error) {
		console.error(`chainlab: could not start ${command}: ${r.error.message}`);
		process.exit(1);
	}
	process.exit(r.status ?? (r.signal ? 1 : 0));
}
