import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// benchmarks run through Vite's transforms (TypeScript, `?raw`, `import.meta.glob`) like the app
export default defineConfig({
	resolve: {
		alias: { '#lib': fileURLToPath(new URL('../src/lib', import.meta.url)) }
	},
	test: {
		include: ['bench/**/*.bench-run.ts'],
		environment: 'node',
		testTimeout: 600_000,
		fileParallelism: false
	}
});
