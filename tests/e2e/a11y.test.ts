/**
 * Accessibility: axe reports no serious or critical violations on the catalog, a lesson page
 * (before and after a run, when the views and the console are full), the playground and the
 * "Your work" page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLesson, run } from './helpers.ts';

/** Serious and critical violations on the page as it is now, in a readable form. */
async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.impact} ${v.id}: ${v.help} (${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')})`
		);
}

test('the catalog has no serious or critical violations', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('a lesson page has none, before and after a run', async ({ page }) => {
	await openLesson(page, '02-lending/03-liquidation-call');
	expect(await seriousViolations(page)).toEqual([]);
	await run(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.getByText(/\d of \d passed/)).toBeVisible({ timeout: 120_000 });
	await page.getByRole('button', { name: 'Hint', exact: true }).click();
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(page.getByRole('textbox', { name: 'Share link' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

for (const id of ['06-insurance/01-payout-table', '06-insurance/02-oracle-settlement']) {
	test(`${id} has none after a run, with the payout table as chart and as table`, async ({
		page
	}) => {
		await openLesson(page, id);
		await run(page);
		const figure = page.getByRole('figure', { name: 'Payout table' });
		await expect(figure.locator('svg')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await figure.getByRole('button', { name: 'Table', exact: true }).click();
		await expect(figure.locator('table')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
}

test('06-insurance/03-claim-assessment has none after a run, with the poll timeline as chart and as table', async ({
	page
}) => {
	await openLesson(page, '06-insurance/03-claim-assessment');
	await run(page);
	await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	const figure = page.getByRole('figure', { name: 'Poll timeline' });
	await expect(figure.locator('svg')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('06-insurance/05-pricing-solvency has none after a run, with the capital view as chart and as table', async ({
	page
}) => {
	await openLesson(page, '06-insurance/05-pricing-solvency');
	await run(page);
	const figure = page.getByRole('figure', { name: 'Capital, MCR and MCR ratio' });
	await expect(figure.getByTestId('ruin-probability')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('03-amms/04-price-oracle has none after a run, with the twap view as chart and as table', async ({
	page
}) => {
	await openLesson(page, '03-amms/04-price-oracle');
	await run(page);
	const figure = page.getByRole('figure', { name: 'Spot price against the TWAP' });
	await expect(figure.locator('svg')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the playground has none, with a transaction on its timeline', async ({ page }) => {
	await page.goto('/playground');
	const send = page.getByRole('form', { name: 'Send a transaction' });
	await expect(send.getByRole('button', { name: 'Send transaction' })).toBeEnabled({
		timeout: 60_000
	});
	await send.getByLabel('Contract', { exact: true }).selectOption('Vault');
	await send.getByLabel('Method', { exact: true }).selectOption('deposit');
	await send.getByLabel('Value (ETH)', { exact: true }).fill('1');
	await send.getByRole('button', { name: 'Send transaction' }).click();
	await expect(page.locator('.console')).toContainText('Vault.deposit()');
	expect(await seriousViolations(page)).toEqual([]);
});

test('the Your work page has none', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { name: 'Saved in this browser' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('a bridge lesson has none after a run, with its views as charts and as tables', async ({
	page
}) => {
	await openLesson(page, '05-bridges/01-lock-and-mint');
	await run(page);
	await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	expect(await seriousViolations(page)).toEqual([]);
	for (const name of ['Transfer sequence', 'Supply on both chains']) {
		await page.getByRole('figure', { name }).getByRole('button', { name: 'Table' }).click();
	}
	expect(await seriousViolations(page)).toEqual([]);
});

test('the fraud lesson has none after a run, with the assessor ledger as chart and as table', async ({
	page
}) => {
	await openLesson(page, '06-insurance/04-fraud');
	await run(page);
	const figure = page.getByRole('figure', { name: 'Assessor ledger' });
	await expect(figure.locator('svg').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

for (const id of ['03-amms/01-amounts', '03-amms/02-liquidity']) {
	test(`${id} has none after a run, with the AMM views as charts and as tables`, async ({
		page
	}) => {
		await openLesson(page, id);
		await run(page);
		await page.getByRole('button', { name: 'Step forward', exact: true }).click();
		const names = ['Trade on the x * y = k curve', 'Reserves, k and LP supply'];
		for (const name of names) {
			await expect(page.getByRole('figure', { name }).locator('svg').first()).toBeVisible();
		}
		expect(await seriousViolations(page)).toEqual([]);
		for (const name of names) {
			const figure = page.getByRole('figure', { name });
			await figure.getByRole('button', { name: 'Table', exact: true }).click();
			await expect(figure.locator('table').last()).toBeVisible();
		}
		expect(await seriousViolations(page)).toEqual([]);
	});
}

for (const id of ['03-amms/05-reentrancy', '03-amms/06-leverage-loop']) {
	test(`${id} has none after a run, stepped to the attack or the shock`, async ({ page }) => {
		await openLesson(page, id);
		await run(page);
		for (let i = 0; i < 2; i++) {
			await page.getByRole('button', { name: 'Step forward', exact: true }).click();
		}
		expect(await seriousViolations(page)).toEqual([]);
	});
}

test('03-amms/06-leverage-loop has none with the ETH price view as a table', async ({ page }) => {
	await openLesson(page, '03-amms/06-leverage-loop');
	await run(page);
	const figure = page.getByRole('figure', { name: 'ETH price' });
	await expect(figure.locator('svg').first()).toBeVisible();
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('03-amms/05-reentrancy has none at the attack, with the call tree as chart and as table', async ({
	page
}) => {
	await openLesson(page, '03-amms/05-reentrancy');
	await run(page);
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	}
	const figure = page.getByRole('figure', { name: 'Call tree' });
	await expect(figure.locator('svg').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the swap-invariant lesson has none after a run, with the call tree as chart and as table', async ({
	page
}) => {
	await openLesson(page, '03-amms/03-swap-invariant');
	await run(page);
	// step 7: the re-entrant mint, a reverted frame nested inside the flash-swap callback
	for (let i = 0; i < 6; i++)
		await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	const figure = page.getByRole('figure', { name: 'Call tree' });
	await expect(figure.getByText('Attacker.uniswapV2Call')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table')).toContainText('reverted: ds-math-sub-underflow');
	expect(await seriousViolations(page)).toEqual([]);
});

for (const id of [
	'07-governance/01-proposal-lifecycle',
	'07-governance/02-threshold-quorum',
	'07-governance/04-timelock'
]) {
	test(`${id} has none after a run, with the proposal timeline as chart and as table`, async ({
		page
	}) => {
		await openLesson(page, id);
		await run(page);
		// the last step: every proposal of the run is made by then
		await page.getByRole('slider', { name: 'Step' }).focus();
		await page.keyboard.press('End');
		const figure = page.getByRole('figure', { name: 'Proposal timeline' });
		await expect(figure.locator('svg').first()).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await figure.getByRole('button', { name: 'Table', exact: true }).click();
		await expect(figure.locator('table').first()).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
}
test('the concentration lab has none after a run, with the holders and Lorenz views as charts and as tables', async ({
	page
}) => {
	await openLesson(page, '07-governance/05-concentration');
	await run(page);
	await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	for (const name of ['Holders ranked by stake', 'Lorenz curve'])
		await expect(page.getByRole('figure', { name }).locator('svg')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	for (const name of ['Holders ranked by stake', 'Lorenz curve']) {
		const figure = page.getByRole('figure', { name });
		await figure.getByRole('button', { name: 'Table', exact: true }).click();
		await expect(figure.locator('table')).toBeVisible();
	}
	expect(await seriousViolations(page)).toEqual([]);
});

test('the infrastructure lesson has none after a run, with stake by provider as chart and as table', async ({
	page
}) => {
	await openLesson(page, '08-systems/05-infrastructure');
	await run(page);
	// step 2: Hetzner switched off
	await page.getByRole('button', { name: 'Step forward', exact: true }).click();
	const figure = page.getByRole('figure', { name: 'Stake by provider' });
	await expect(figure.locator('svg')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table').first()).toContainText('Hetzner');
	expect(await seriousViolations(page)).toEqual([]);
});

test('the flash-loan vote has none after a run', async ({ page }) => {
	await openLesson(page, '07-governance/03-flash-loan-vote');
	expect(await seriousViolations(page)).toEqual([]);
	await run(page);
	expect(await seriousViolations(page)).toEqual([]);
});

test('the Block-STM lesson has none after a run, with the Gantt view as chart and as table', async ({
	page
}) => {
	await openLesson(page, '08-systems/03-block-stm');
	await run(page);
	await page.getByRole('slider', { name: 'Step' }).focus();
	await page.keyboard.press('End');
	const figure = page.getByRole('figure', { name: 'Block-STM threads' });
	await expect(figure.locator('svg').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the shared-security lesson has none after a run, with the slashing ledger as chart and as table', async ({
	page
}) => {
	await openLesson(page, '08-systems/04-shared-security');
	expect(await seriousViolations(page)).toEqual([]);
	await run(page);
	// the last step: the ledger and the restaking slash
	await page.getByRole('slider', { name: 'Step' }).focus();
	await page.keyboard.press('End');
	const figure = page.getByRole('figure', { name: 'Slashing ledger' });
	await expect(figure.locator('svg').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await figure.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(figure.locator('table').first()).toContainText('Dave');
	expect(await seriousViolations(page)).toEqual([]);
});
for (const id of ['08-systems/01-sequential', '08-systems/02-dependencies']) {
	test(`${id} has none after a run, with the dependency graph as chart and as table`, async ({
		page
	}) => {
		await openLesson(page, id);
		await run(page);
		const figure = page.getByRole('figure', { name: 'Dependency graph and Sealevel batches' });
		await expect(figure.locator('svg').first()).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await figure.getByRole('button', { name: 'Table', exact: true }).click();
		await expect(figure.locator('table')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
}
