/**
 * A small static server for a built Chainlab (adapter-static output), as a plain host would
 * serve it: `/about` -> `about.html`, `/` -> `index.html`, long-lived caching for `_app/immutable`.
 * Tests use it where they must control the server (a new version appearing); the benchmark uses
 * it to measure page loads. `CHAINLAB_BUILD` names the build folder (default `build`).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ttf': 'font/ttf',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2'
};

export type StaticServer = {
	/** base URL without a trailing slash, e.g. `http://127.0.0.1:41234` */
	url: string;
	/** serve the service worker as if a new version (`<version>-next`) were deployed */
	deployNextVersion(): void;
	close(): Promise<void>;
};

/** The build folder the tests and the benchmark serve. */
export const buildDir = (): string => resolve(process.env.CHAINLAB_BUILD ?? 'build');

const isFile = (path: string) =>
	stat(path).then(
		(s) => s.isFile(),
		() => false
	);

/**
 * Serves `root` on a free local port.
 * @returns the server's URL and controls; close it when done
 */
export async function serveBuild(root = buildDir()): Promise<StaticServer> {
	let next = false;
	const version = JSON.parse(await readFile(join(root, '_app/version.json'), 'utf8'))
		.version as string;
	const server: Server = createServer(async (req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const candidates = [
			join(root, path),
			join(root, `${path.replace(/\/$/, '')}.html`),
			join(root, path, 'index.html')
		];
		for (const file of candidates) {
			if (!file.startsWith(root) || !(await isFile(file))) continue;
			let body: Buffer | string = await readFile(file);
			if (next && path === '/service-worker.js') {
				body = body.toString('utf8').replaceAll(version, `${version}-next`);
			}
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': path.startsWith('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache'
			});
			res.end(body);
			return;
		}
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		deployNextVersion: () => {
			next = true;
		},
		close: () =>
			new Promise((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
