import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (CI), else Playwright's own browser. */
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run'
			]
		}
	: {};

const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 120_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions,
		trace: 'retain-on-failure',
		viewport: { width: 1440, height: 900 }
	},
	webServer: {
		command: `npx vite preview --port ${port} --strictPort`,
		port,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
