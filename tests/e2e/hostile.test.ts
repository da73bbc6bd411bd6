/**
 * Hostile contracts in the page: a contract that grows strings (paid by the allocation charge,
 * docs/gas.md allocChunk), emits and returns 90,000-character values and reverts with a long
 * reason, one that compares, hashes and converts long strings (the string charges), and one that
 * runs a long loop body without a call or a branch (the step charge, straightLine) or walks a
 * 2,000-deep prototype chain (each hop a step, sandbox/proto-charge.ts). The page
 * stays responsive (each value is drawn cut, with "show N more characters"), and the gas the
 * Chromium worker charges equals the gas Node charges for the same calls.
 */
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runnerImport } from 'vite';
import { expectStep, typeCode } from './support.ts';

const SOURCE = `import { Contract, emit, revert } from 'chainlab';

export default class Hostile extends Contract {
	grow(n: number): number {
		const big = 'g'.repeat(1 << 14);
		let s = '';
		let k = 0;
		for (let i = 0; i < n; i++) {
			s += big;
			k += s.charCodeAt(i);
		}
		return s.length + k;
	}
	big(): string {
		emit('Big', { data: 'e'.repeat(90_000) });
		return 'r'.repeat(90_000);
	}
	shout() {
		revert('x'.repeat(5_000));
	}
	strings(n: number): number {
		const a = 's'.repeat(n);
		const b = 's'.repeat(n);
		const d = '7'.repeat(n);
		const m = new Map<string, number>([[a, 1]]);
		const o: Record<string, number> = { [a]: 2 };
		let k = 0;
		for (let i = 0; i < 3; i++) k += (a === b ? 1 : 0) + (a < b ? 1 : 0) + (m.get(b) ?? 0) + o[b] + (+d > 0 ? 1 : 0);
		return k;
	}
	flat(n: number): number {
		let k = 0;
		let o: unknown = null;
		for (let i = 0; i < n; i++) {
			${'k = k + 1; '.repeat(300)}
			${'o = { k }; '.repeat(50)}
		}
		return k + (o === null ? 0 : 1);
	}
	deep(n: number): number {
		let p: object = {};
		for (let i = 0; i < n; i++) p = Object.create(p);
		let k = 0;
		for (let i = 0; i < 50; i++) if ('missing' in p) k++;
		return k;
	}
}
`;

/**
 * Gas of the same calls in Node: a fresh world, the contract deployed by carol. The engine is
 * loaded through Vite's module runner, which resolves it as the app's build does (the sandbox's
 * compiler imports sucrase's modules by path, which plain Node ESM cannot resolve).
 */
async function nodeGas(): Promise<Record<string, number>> {
	const { module: sim } = await runnerImport<typeof import('../../src/lib/sim/index.ts')>(
		resolve('src/lib/sim/index.ts'),
		{
			configFile: false,
			logLevel: 'silent',
			environments: { inline: { resolve: { noExternal: ['sucrase'] } } }
		}
	);
	const world = sim.createWorld({ seed: 1 });
	const chain = world.chain();
	const address = chain.deploy(SOURCE, { name: 'Hostile', from: 'carol' });
	const out: Record<string, number> = {};
	for (const [method, args] of [
		['grow', [40]],
		['big', []],
		['shout', []],
		['strings', [70_000]],
		['flat', [3]],
		['deep', [2_000]]
	] as const)
		out[method] = chain.send({ from: 'carol', to: address, method, args: [...args] }).gasUsed;
	world.dispose();
	return out;
}

/** Milliseconds until the page paints two more frames (a frozen page never answers). */
function frameDelay(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const t0 = performance.now();
				requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
			})
	);
}

async function send(page: Page, method: string, args: string[], step: number): Promise<number> {
	const form = page.getByRole('form', { name: 'Send a transaction' });
	await form.getByLabel('Contract', { exact: true }).selectOption('Hostile');
	await form.getByLabel('Method', { exact: true }).selectOption(method);
	for (const [i, text] of args.entries()) await form.locator(`#pg-tx-${i}`).fill(text);
	await form.getByLabel('From', { exact: true }).selectOption('carol');
	await form.getByRole('button', { name: 'Send transaction' }).click();
	await expectStep(page, step, step);
	const line = page
		.locator('.console .line', { hasText: `Hostile.${method}(` })
		.filter({ hasText: /gas [\d,]+/ })
		.first();
	await expect(line).toBeVisible();
	return Number(/gas ([\d,]+)/.exec(await line.innerText())?.[1].replaceAll(',', ''));
}

test('huge values leave the page responsive, and Chromium charges the gas Node charges', async ({
	page
}) => {
	test.setTimeout(180_000);
	const expected = await nodeGas();
	await page.goto('/playground');
	await expect(page.getByRole('button', { name: 'Send transaction' })).toBeEnabled({
		timeout: 60_000
	});
	await expectStep(page, 2, 2);
	await page.getByLabel('New contract name').fill('Hostile');
	await page.getByRole('button', { name: 'New file' }).click();
	await typeCode(page, SOURCE);
	const deploy = page.getByRole('form', { name: 'Deploy a contract' });
	await deploy.getByLabel('File', { exact: true }).selectOption('contracts/Hostile.ts');
	await deploy.getByLabel('From', { exact: true }).selectOption('carol');
	await deploy.getByRole('button', { name: 'Deploy' }).click();
	await expectStep(page, 3, 3);

	expect(await send(page, 'grow', ['40'], 4)).toBe(expected.grow);
	expect(await send(page, 'big', [], 5)).toBe(expected.big);
	const console = page.locator('.console');
	await expect(console.getByRole('button', { name: 'show 89,800 more characters' })).toHaveCount(2);
	expect(await frameDelay(page)).toBeLessThan(1_000);
	// a cut value opens on request
	await console.getByRole('button', { name: 'show 89,800 more characters' }).first().click();
	await expect(console).toContainText('r'.repeat(1_000));
	expect(await frameDelay(page)).toBeLessThan(1_000);
	expect(await send(page, 'shout', [], 6)).toBe(expected.shout);
	// the engine cut the reason to 1,000 characters and a marker; the console draws 300 of them
	await expect(console.getByRole('button', { name: 'show 724 more characters' })).toBeVisible();
	expect(await frameDelay(page)).toBeLessThan(1_000);
	// comparing, hashing and converting 70,000-character strings is charged by length
	// (docs/gas.md stringCompare, stringHash, stringToNumber), the same in Chromium as in Node
	expect(await send(page, 'strings', ['70000'], 7)).toBe(expected.strings);
	// straight-line code is charged by its instructions and allocations (docs/gas.md
	// straightLine), the same in Chromium as in Node
	expect(await send(page, 'flat', ['3'], 8)).toBe(expected.flat);
	// each step along a prototype chain counts as an instruction (docs/gas.md, prototype chains)
	expect(await send(page, 'deep', ['2000'], 9)).toBe(expected.deep);
});
