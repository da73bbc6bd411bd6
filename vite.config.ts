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
			// src/lib/pwa registers the worker itself, so an update waits for the learner
			serviceWorker: { register: false }
		})
	],
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
