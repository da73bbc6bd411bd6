import { describe, expect, it } from 'vitest';
import { isScript, relativeReferences } from '#lib/pwa/crawl.ts';

const DIR = 'https://chainlab.example/_app/immutable/';

describe('relativeReferences', () => {
	it('finds worker entries, chunks and the wasm the way Vite writes them', () => {
		const page = `function X(){return new Worker(new URL(new URL(\`../workers/sim.worker-D2ZU.js\`,import.meta.url).href,""+import.meta.url),{type:"module"})}`;
		expect(relativeReferences(page, `${DIR}nodes/4.abc.js`, DIR)).toEqual([
			`${DIR}workers/sim.worker-D2ZU.js`
		]);
		const worker = `import{a as b}from"./chunks/D24X.js";const m=()=>import(\`./chunks/77iK.js\`);import('./chunks/D24X.js')`;
		expect(relativeReferences(worker, `${DIR}workers/sim.worker-D2ZU.js`, DIR)).toEqual([
			`${DIR}workers/chunks/D24X.js`,
			`${DIR}workers/chunks/77iK.js`
		]);
		const chunk =
			'e=new URL(`../assets/emscripten-module-uFzw.wasm`,import.meta.url).href;f="emscripten-module.wasm"';
		expect(relativeReferences(chunk, `${DIR}workers/chunks/oiZ.js`, DIR)).toEqual([
			`${DIR}workers/assets/emscripten-module-uFzw.wasm`
		]);
	});

	it('ignores bare names, other extensions and anything outside the build folder', () => {
		const text = `"x.js" "./style.css" "../../../../outside.js" 'https://cdn.example/a.js' "./ok.mjs"`;
		expect(relativeReferences(text, `${DIR}chunks/a.js`, DIR)).toEqual([`${DIR}chunks/ok.mjs`]);
	});

	it('tells scripts from other files', () => {
		expect(isScript(`${DIR}a.js`)).toBe(true);
		expect(isScript(`${DIR}a.mjs?v=1`)).toBe(true);
		expect(isScript(`${DIR}a.wasm`)).toBe(false);
	});
});
