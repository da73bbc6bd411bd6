/**
 * Finds the files a built JS file loads by relative URL. Kit's `$app/manifest` lists the client
 * build but not what Vite emits for Web Workers (`_app/immutable/workers/**`: the simulator worker
 * and its chunks, the QuickJS wasm, Monaco's editor and TypeScript workers), so the service worker
 * follows these references from the precached files to precache the workers too.
 * Plain string work, no DOM: bundled into the service worker and tested in Node.
 */

/** A quoted relative path to a module or asset, as Vite writes them: "./x.js", `../assets/y.wasm`. */
const REFERENCE = /[`'"](\.{1,2}\/[\w@./-]+\.(?:m?js|wasm|json))[`'"]/g;

/**
 * Absolute URLs of the files `source` (the text of the file at `fileUrl`) references by relative
 * path, keeping only those under `within` (e.g. `https://host/_app/immutable/`), without repeats.
 */
export function relativeReferences(source: string, fileUrl: string, within: string): string[] {
	const found = new Set<string>();
	for (const match of source.matchAll(REFERENCE)) {
		const url = new URL(match[1], fileUrl).href;
		if (url.startsWith(within)) found.add(url);
	}
	return [...found];
}

/** Does this URL name a script whose own references should be followed? */
export const isScript = (url: string): boolean => /\.m?js$/.test(new URL(url).pathname);
