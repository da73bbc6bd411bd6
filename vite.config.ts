import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vitest/config';

// CHAINLAB_OUT lets a second build run beside the main one (e.g. a benchmark or a parallel check)
const out = process.env.CHAINLAB_OUT;

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ pages: out ? `${out}/build` : 'build', strict: true }),
			outDir: out ? `${out}/.svelte-kit` : '.svelte-kit',
			prerender: { entries: ['*'] },
			// each view's small stylesheet goes into the page, not a request of its own: Kit links the
			// CSS of every view the page could load, and the page waits for every link before it starts
			inlineStyleThreshold: 2500,
			// src/lib/pwa registers the worker itself, so an update waits for the learner
			serviceWorker: { register: false }
		})
	],
	worker: { format: 'es' },
	// the simulator worker's dependencies are found only when the worker first loads; listed here,
	// `npm run dev` bundles them up front instead of reloading the page under a learner's first Run
	optimizeDeps: {
		include: [
			'@jitl/quickjs-wasmfile-release-sync',
			'quickjs-emscripten-core',
			// the sandbox's compiler imports sucrase's modules by path (sim/sandbox/sucrase.ts)
			'sucrase/dist/esm/CJSImportProcessor.js',
			'sucrase/dist/esm/HelperManager.js',
			'sucrase/dist/esm/NameManager.js',
			'sucrase/dist/esm/TokenProcessor.js',
			'sucrase/dist/esm/identifyShadowedGlobals.js',
			'sucrase/dist/esm/parser/index.js',
			'sucrase/dist/esm/parser/tokenizer/index.js',
			'sucrase/dist/esm/parser/tokenizer/types.js',
			'sucrase/dist/esm/transformers/RootTransformer.js',
			'yaml',
			'comlink',
			'valibot',
			'd3',
			'd3-dsv',
			'dexie',
			'marked',
			'katex',
			'@noble/hashes/sha2.js',
			'@noble/hashes/sha3.js',
			'@noble/hashes/utils.js',
			'@noble/curves/secp256k1.js',
			'@noble/curves/ed25519.js',
			'@noble/curves/abstract/modular.js'
		]
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
