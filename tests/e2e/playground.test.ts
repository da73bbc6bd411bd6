/**
 * The playground: deploy contracts, send transactions from named accounts through the typed
 * form, read, mine blocks and step the timeline, with the lesson's views, console and storage;
 * the three templates; share links.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectStep, freshGoto, shownStateHash, typeCode } from './support.ts';

const timelineLabel = (page: Page) =>
	page.getByRole('group', { name: 'Timeline' }).locator('p.label');
const sendForm = (page: Page) => page.getByRole('form', { name: 'Send a transaction' });
const deployForm = (page: Page) => page.getByRole('form', { name: 'Deploy a contract' });

async function openPlayground(page: Page, url = '/playground'): Promise<void> {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Send transaction' })).toBeEnabled({
		timeout: 60_000
	});
	await expect(page.locator('.console .line.step')).toBeVisible({ timeout: 60_000 });
}

/** Picks contract, method and sender, fills the arguments in order, and sends. */
async function sendTx(
	page: Page,
	tx: { contract: string; method: string; from: string; args?: string[]; value?: string },
	steps: number
): Promise<void> {
	const form = sendForm(page);
	await form.getByLabel('Contract', { exact: true }).selectOption(tx.contract);
	await form.getByLabel('Method', { exact: true }).selectOption(tx.method);
	const fields = form.locator('input[id^="pg-tx-"]');
	await expect(fields).toHaveCount(tx.args?.length ?? 0);
	for (const [i, text] of (tx.args ?? []).entries()) await fields.nth(i).fill(text);
	await form.getByLabel('From', { exact: true }).selectOption(tx.from);
	await form.getByLabel('Value (ETH)', { exact: true }).fill(tx.value ?? '');
	await form.getByRole('button', { name: 'Send transaction' }).click();
	await expectStep(page, steps, steps);
}

test('deploy, transact, read, mine and step; the workspace survives a reload', async ({ page }) => {
	await openPlayground(page);
	await expect(page.getByLabel('Template', { exact: true })).toHaveValue('one-chain');
	await expectStep(page, 2, 2);

	// a deposit with ETH attached, from bob
	await sendTx(page, { contract: 'Vault', method: 'deposit', from: 'bob', value: '2' }, 3);
	await expect(page.locator('.console')).toContainText('bob → Vault.deposit()');
	await expect(page.locator('.console')).toContainText('Deposit');
	const balances = page.getByRole('table', { name: /Balances at this step/ });
	await expect(balances.getByRole('row', { name: /bob ETH 97\.99/ })).toBeVisible();

	// a read: no transaction, no new step
	const form = sendForm(page);
	await form.getByLabel('Method', { exact: true }).selectOption('balanceOf');
	await form.locator('#pg-tx-0').fill('bob');
	await form.getByRole('button', { name: 'Read' }).click();
	await expect(form.getByRole('status')).toHaveText('balanceOf returned 2000000000000000000');
	await expect(timelineLabel(page)).toContainText('Step 3 of 3');

	// a typo in a typed argument is caught before it becomes a step
	await form.getByLabel('Contract', { exact: true }).selectOption('Token');
	await form.getByLabel('Method', { exact: true }).selectOption('transfer');
	await form.locator('#pg-tx-0').fill('carol');
	await form.locator('#pg-tx-1').fill('ten');
	await form.getByRole('button', { name: 'Send transaction' }).click();
	await expect(form.getByRole('alert')).toContainText('amount: "ten" is not an amount');
	await expect(timelineLabel(page)).toContainText('Step 3 of 3');
	await sendTx(
		page,
		{ contract: 'Token', method: 'transfer', from: 'alice', args: ['carol', '25 ether'] },
		4
	);
	await expect(balances.getByRole('row', { name: /carol Token 25/ })).toBeVisible();

	// a new contract file, deployed from carol and called
	await page.getByLabel('New contract name').fill('Greeter');
	await page.getByRole('button', { name: 'New file' }).click();
	await expect(page.getByRole('tab', { name: 'Greeter.ts' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await deployForm(page).getByLabel('File', { exact: true }).selectOption('contracts/Greeter.ts');
	await deployForm(page).getByLabel('From', { exact: true }).selectOption('carol');
	await deployForm(page).getByRole('button', { name: 'Deploy' }).click();
	await expectStep(page, 5, 5);
	await expect(page.getByRole('region', { name: 'On chain' })).toContainText('Greeter');
	await sendTx(page, { contract: 'Greeter', method: 'hello', from: 'carol' }, 6);
	await expect(page.locator('.console')).toContainText('Hello');

	// mining moves the block number
	const blockOf = async () =>
		Number(/block (\d+)/.exec(await page.locator('.console .line.step').innerText())?.[1]);
	const before = await blockOf();
	await page
		.getByRole('form', { name: 'Mine blocks' })
		.getByLabel('Blocks', { exact: true })
		.fill('3');
	await page.getByRole('button', { name: 'Mine blocks' }).click();
	await expectStep(page, 7, 7);
	expect(await blockOf()).toBe(before + 3);

	// the timeline steps back through what happened
	await page.getByRole('button', { name: 'Step back' }).click();
	await expectStep(page, 6, 7);
	await expect(page.locator('.console')).toContainText('Greeter.hello()');
	const hashAt6 = await shownStateHash(page);

	// everything is stored: a reload brings back the files, the steps and the same state
	await page.reload();
	await expect(timelineLabel(page)).toContainText('Step 7 of 7', { timeout: 60_000 });
	await expect(page.getByRole('tab', { name: 'Greeter.ts' })).toBeVisible();
	await page.getByRole('button', { name: 'Step back' }).click();
	await expectStep(page, 6, 7);
	expect(await shownStateHash(page)).toBe(hashAt6);

	// undo removes the last step
	await page.getByRole('button', { name: 'Undo last step' }).click();
	await expect(timelineLabel(page)).toContainText('Step 6 of 6');
});

const COUNTER = `import { Contract, StorageValue } from 'chainlab';

export default class Counter extends Contract {
	count = new StorageValue<bigint>('count', 0n);

	constructor(start: bigint, label: string) {
		super();
		this.count.set(start);
	}

	add(by: bigint): void {
		this.count.set(this.count.get() + by);
	}

	value(): bigint {
		return this.count.get();
	}
}
`;

test('the forms follow the contract as it is edited; a syntax error keeps the last form', async ({
	page
}) => {
	await openPlayground(page);
	await page.getByLabel('New contract name').fill('Counter');
	await page.getByRole('button', { name: 'New file' }).click();
	const deploy = deployForm(page);
	await deploy.getByLabel('File', { exact: true }).selectOption('contracts/Counter.ts');
	const fields = deploy.locator('input[id^="pg-deploy-"]');
	await expect(fields).toHaveCount(0);

	await typeCode(page, COUNTER.replace(', label: string', ''));
	await expect(deploy.getByLabel('start bigint')).toBeVisible();
	await expect(fields).toHaveCount(1);
	// a half-typed constructor does not parse: the editor marks it and the form stays as it was
	await typeCode(
		page,
		COUNTER.replace('constructor(start: bigint, label: string)', 'constructor(start: bigint,')
	);
	await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
	await expect(fields).toHaveCount(1);
	await expect(deploy.getByLabel('start bigint')).toBeVisible();

	await typeCode(page, COUNTER);
	await expect(fields).toHaveCount(2);
	await deploy.getByLabel('start bigint').fill('5');
	await deploy.getByLabel('label string').fill('clicks');
	await deploy.getByRole('button', { name: 'Deploy' }).click();
	await expectStep(page, 3, 3);
	await sendTx(page, { contract: 'Counter', method: 'add', from: 'alice', args: ['2'] }, 4);
	const form = sendForm(page);
	await form.getByLabel('Method', { exact: true }).selectOption('value');
	await form.getByRole('button', { name: 'Read' }).click();
	await expect(form.getByRole('status')).toHaveText('value returned 7');
});

test('two chains: the relayer carries a lock to chain 2', async ({ page }) => {
	await openPlayground(page);
	await page.getByLabel('Template', { exact: true }).selectOption('two-chains');
	await expectStep(page, 4, 4);
	await sendTx(
		page,
		{ contract: 'BridgeLock', method: 'lock', from: 'alice', args: ['bob', '10 ether'] },
		5
	);
	const console = page.locator('.console');
	await expect(console).toContainText('The relayer saw Locked #0 on chain 1');
	// amounts read in units of the token minted, the nonce stays a number; the raw integer is the title
	await expect(console).toContainText('relayer → BridgeMint.mint(bob, 10 BridgeMint, 0)');
	await expect(console.getByTitle('10000000000000000000').first()).toBeVisible();
	await expect(
		page
			.getByRole('table', { name: /Balances at this step/ })
			.getByRole('row', { name: /bob BridgeMint 10/ })
	).toBeVisible();
});

test('lending: the oracle price is plotted; a price drop makes a position liquidatable', async ({
	page
}) => {
	await openPlayground(page);
	await page.getByLabel('Template', { exact: true }).selectOption('lending');
	await expectStep(page, 7, 7);
	const price = page.getByRole('figure', { name: 'ETH price' });
	await expect(price).toBeVisible();
	await sendTx(
		page,
		{ contract: 'WETH', method: 'approve', from: 'alice', args: ['LendingPool', '10 ether'] },
		8
	);
	await sendTx(
		page,
		{ contract: 'LendingPool', method: 'deposit', from: 'alice', args: ['10 ether'] },
		9
	);
	await sendTx(
		page,
		{ contract: 'LendingPool', method: 'borrow', from: 'alice', args: ['15000 ether'] },
		10
	);
	await sendTx(
		page,
		{ contract: 'LendingPool', method: 'liquidate', from: 'carol', args: ['alice', '1000 ether'] },
		11
	);
	await expect(page.locator('.console')).toContainText('the position is healthy');
	await sendTx(
		page,
		{ contract: 'Oracle', method: 'setPrice', from: 'oracle', args: ['150000000000'] },
		12
	);
	await sendTx(
		page,
		{ contract: 'USDC', method: 'approve', from: 'carol', args: ['LendingPool', '100000 ether'] },
		13
	);
	await sendTx(
		page,
		{ contract: 'LendingPool', method: 'liquidate', from: 'carol', args: ['alice', '1000 ether'] },
		14
	);
	await expect(page.locator('.console')).toContainText('Liquidation');
	await price.getByRole('button', { name: 'Table', exact: true }).click();
	await expect(price.getByRole('table')).toContainText('1,500');
	await expect(price.getByRole('table')).toContainText('2,000');
});

test('a playground share link opens as a separate copy at the same state', async ({
	browser,
	baseURL
}) => {
	const sender = await (await browser.newContext({ baseURL })).newPage();
	await openPlayground(sender);
	await sendTx(sender, { contract: 'Vault', method: 'deposit', from: 'carol', value: '1.5' }, 3);
	await sender.getByRole('button', { name: 'Step back' }).click();
	await expectStep(sender, 2, 3);
	const hash = await shownStateHash(sender);
	await sender.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await sender.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(link).toMatch(/\/playground#share=1\./);

	const recipient = await browser.newContext({ baseURL });
	const page = await recipient.newPage();
	await openPlayground(page);
	await sendTx(
		page,
		{ contract: 'Token', method: 'transfer', from: 'alice', args: ['bob', '1'] },
		3
	);
	await freshGoto(page, link);
	const banner = page.getByRole('region', { name: 'Shared copy' });
	await expect(banner).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('share-match')).toContainText('Same state as the sender');
	await expectStep(page, 2, 3);
	expect(await shownStateHash(page)).toBe(hash);
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expect(page.locator('.console')).toContainText('carol → Vault.deposit()');

	// the recipient's own workspace is untouched
	await banner.getByRole('button', { name: 'Back to my code' }).click();
	await expect(banner).toHaveCount(0);
	await expect(timelineLabel(page)).toContainText('of 3');
	// 1 is one smallest unit of an 18-decimal token: less than 0.0001 Token, never "0"
	await expect(page.locator('.console')).toContainText(
		'alice → Token.transfer(bob, < 0.0001 Token)'
	);
	await recipient.close();
});
