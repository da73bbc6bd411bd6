// The bridges track in the browser: a lock-and-mint transfer stepped on the timeline, with the
// sequence view (chain A, relayer, chain B) and the supply view of both chains following it.
import { expect, test } from '@playwright/test';
import { button, openLesson, run } from './helpers.ts';

const LOCK_AND_MINT = '05-bridges/01-lock-and-mint';

test('lock and mint: both chains’ views follow the timeline step by step', async ({ page }) => {
	await openLesson(page, LOCK_AND_MINT);
	await run(page);
	const slider = page
		.getByRole('group', { name: 'Timeline' })
		.getByRole('slider', { name: 'Step' });
	const sequence = page.getByRole('figure', { name: 'Transfer sequence' });
	const supply = page.getByRole('figure', { name: 'Supply on both chains' });
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
