// The bridges track in the browser: a lock-and-mint transfer and IBC packets stepped on the
// timeline, with the sequence view (chain A, relayer, chain B) and the supply view of both chains
// following them.
import { expect, test, type Page } from '@playwright/test';
import { button, confirmDialog, openLesson, run } from './helpers.ts';

const LOCK_AND_MINT = '05-bridges/01-lock-and-mint';

/** The timeline's slider and the two bridge views the tests follow. */
const views = (page: Page) => ({
	slider: page.getByRole('group', { name: 'Timeline' }).getByRole('slider', { name: 'Step' }),
	sequence: page.getByRole('figure', { name: 'Transfer sequence' }),
	supply: page.getByRole('figure', { name: 'Supply on both chains' })
});

test('lock and mint: both chains’ views follow the timeline step by step', async ({ page }) => {
	await openLesson(page, LOCK_AND_MINT);
	await run(page);
	const { slider, sequence, supply } = views(page);
	const message = sequence.getByTestId('bridge-message');
	const value = (series: string) => supply.locator(`[data-series="${series}"] strong`);

	// step 0: the bridge is deployed, nothing has crossed
	await expect(slider).toHaveValue('0');
	await expect(sequence).toContainText('none yet');
	await expect(value('Locked on A')).toHaveText('0 TOK');

	// step 1: Alice's lock is sent on chain A and in flight; nothing is wrapped on chain B yet
	await button(page, 'Step forward').click();
	await expect(message).toHaveCount(1);
	await expect(message.first()).toHaveAttribute('data-state', 'sent');
	await expect(message.first()).toContainText('lock → mint #0 · 10 TOK · sent');
	await expect(value('Locked on A')).toHaveText('10 TOK');
	await expect(value('In flight')).toHaveText('10 TOK');
	await expect(value('Wrapped on B')).toHaveText('0 wTOK');

	// step 2: one confirmation later the relayer delivers it and chain B mints
	await button(page, 'Step forward').click();
	await expect(message.first()).toHaveAttribute('data-state', 'executed');
	await expect(value('Wrapped on B')).toHaveText('10 wTOK');
	await expect(value('In flight')).toHaveText('0 TOK');

	// step 3 (starter): Mallory mints 50 wTOK for a lock that never happened
	await button(page, 'Step forward').click();
	await expect(message).toHaveCount(2);
	await expect(sequence.locator('[data-key="lock → mint#77"]')).toContainText('never sent');
	await expect(value('Wrapped on B')).toHaveText('60 wTOK');
	await expect(value('Locked on A')).toHaveText('10 TOK');

	// stepping back takes both views back with the timeline
	await button(page, 'Step back').click();
	await expect(message).toHaveCount(1);
	await expect(value('Wrapped on B')).toHaveText('10 wTOK');

	// the risk card grades the starter's bridge: anyone may mint
	const risk = page.getByRole('figure', { name: 'Bridge risk card' });
	await expect(risk.getByTestId('risk-row').first()).toContainText('Nobody');
	await expect(risk.getByTestId('risk-row').first()).toHaveAttribute('data-level', 'bad');

	// the table alternative lists the same message and its steps
	await sequence.getByRole('button', { name: 'Table' }).click();
	await expect(sequence.locator('tbody tr')).toHaveCount(1);
	await expect(sequence.locator('tbody tr').first()).toContainText('executed');
});

const IBC = '05-bridges/06-ibc-packet';

test('IBC packets with the solution: received once, acknowledged, a late one timed out; all checks pass', async ({
	page
}) => {
	await openLesson(page, IBC);
	await button(page, 'Show solution').click();
	await confirmDialog(page, 'Load the solution');
	await run(page);
	const { slider, sequence, supply } = views(page);
	const packet = (n: number) => sequence.locator(`[data-key="transfer/channel-0#${n}"]`);
	const value = (series: string) => supply.locator(`[data-series="${series}"] strong`);

	await expect(slider).toHaveValue('0');
	await expect(sequence).toContainText('none yet');

	// step 1: packet 1 is delivered twice, received once, and its acknowledgement proven on A
	await button(page, 'Step forward').click();
	await expect(packet(1)).toHaveAttribute('data-state', 'executed');
	await expect(packet(1)).toContainText('transfer/channel-0 #1 · 10 TOK · acknowledged');
	await expect(value('Vouchers on B')).toHaveText('10 ibc/…TOK');
	await expect(value('Escrowed on A')).toHaveText('10 TOK');

	// step 2: two packets, delivered out of order; both received, one acknowledged so far
	await button(page, 'Step forward').click();
	await expect(packet(2)).toHaveAttribute('data-state', /proven|executed/);
	await expect(packet(3)).toHaveAttribute('data-state', /proven|executed/);
	await expect(value('Vouchers on B')).toHaveText('17 ibc/…TOK');

	// steps 4-5: with the relayer down, packet 4 is sent and stays in flight
	await button(page, 'Step forward').click();
	await button(page, 'Step forward').click();
	await expect(packet(4)).toHaveAttribute('data-state', 'sent');
	await expect(value('In flight')).toHaveText('5 TOK');
	await button(page, 'Step forward').click();
	await expect(packet(4)).toHaveAttribute('data-state', 'sent');

	// step 6: the late delivery is refused on B, and the timeout is proven on A: refunded
	await button(page, 'Step forward').click();
	await expect(packet(4)).toHaveAttribute('data-state', 'timed-out');
	await expect(packet(4)).toContainText('timed out');
	await expect(packet(4)).toContainText('(a delivery was refused)');
	await expect(value('In flight')).toHaveText('0 TOK');
	await expect(value('Escrowed on A')).toHaveText('17 TOK');

	// stepping back takes the views back with the timeline
	await button(page, 'Step back').click();
	await expect(packet(4)).toHaveAttribute('data-state', 'sent');
	await expect(value('In flight')).toHaveText('5 TOK');

	// the risk card: validated by a light client, compared with lesson 03's multisig
	const risk = page.getByRole('figure', { name: 'Bridge risk card' });
	await expect(risk.getByTestId('risk-row').first()).toContainText('Light client');
	await expect(risk.getByTestId('risk-row').first()).toHaveAttribute('data-level', 'good');
	await expect(risk.getByTestId('risk-row').nth(1)).toContainText('Multisig 5/9');

	// the table alternative names the IBC states
	await sequence.getByRole('button', { name: 'Table' }).click();
	await expect(sequence.locator('thead')).toContainText('received (step)');
	await expect(sequence.locator('thead')).toContainText('acknowledged (step)');

	const checks = page.getByRole('region', { name: 'Checks' });
	await button(page, 'Check').click();
	await expect(checks.getByText('5 of 5 passed')).toBeVisible({ timeout: 120_000 });
});
