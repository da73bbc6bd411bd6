// The insurance track in the browser: the learner writes castVote (the solution), plays an
// assessor by writing their own vote in MyVote.ts, runs the claim's poll and steps the timeline;
// the poll-timeline view follows, its end moving with every late vote, theirs included.
import { expect, test } from '@playwright/test';
import { button, lessonFile, openLesson, replaceEditorText, run } from './helpers.ts';

const ASSESSMENT = '06-insurance/03-claim-assessment';

test('claim assessment: the learner votes as an assessor and the poll timeline follows the late votes', async ({
	page
}) => {
	await openLesson(page, ASSESSMENT);
	await replaceEditorText(page, lessonFile(ASSESSMENT, 'solution/Assessment.ts'));

	// the assessor's action: a deny vote at hour 100, from the learner's own account
	await page.getByRole('tab', { name: 'MyVote.ts' }).click();
	const starter = lessonFile(ASSESSMENT, 'contracts/MyVote.ts');
	expect(starter).toContain('return null;');
	await replaceEditorText(
		page,
		starter.replace('return null;', 'return { accept: false, hour: 100 };')
	);
	await run(page);

	const slider = page
		.getByRole('group', { name: 'Timeline' })
		.getByRole('slider', { name: 'Step' });
	const view = page.getByRole('figure', { name: 'Poll timeline' });
	const end = view.getByTestId('poll-end');
	await expect(slider).toHaveValue('0');
	await expect(end).toHaveText('72 h');

	// Ben's deny before any accept is refused; Ana's first accept restarts the 3 days (hour 6)
	await button(page, 'Step forward').click();
	await expect(view).toContainText(
		'This step: Ben deny, 1,000 NXM, at 2 h: refused (AcceptVoteRequired)'
	);
	await button(page, 'Step forward').click();
	await expect(end).toHaveText('78 h');
	// Ben and Carl vote more than a day before the end: it stays
	await button(page, 'Step forward').click();
	await button(page, 'Step forward').click();
	await expect(end).toHaveText('78 h');
	// Dora's 3,000 NXM deny 8 hours before the end extends the poll by 1 day × 3,000 / 3,500
	await button(page, 'Step forward').click();
	await expect(slider).toHaveValue('5');
	await expect(end).toHaveText('98.57 h');
	await expect(view).toContainText('extended by 20 h 34 min 17 s in this step');
	// Eve answers inside the new last day
	await button(page, 'Step forward').click();
	await expect(end).toHaveText('113.34 h');
	// the learner's own late vote moves the end again
	await button(page, 'Step forward').click();
	await expect(view).toContainText('This step: You deny, 1,500 NXM, at 100 h: counted.');
	await expect(end).toHaveText('116.77 h');
	await expect(view).toContainText('reference end the same');

	// stepping back takes the end back with the timeline
	await button(page, 'Step back').click();
	await expect(end).toHaveText('113.34 h');
	await button(page, 'Step forward').click();

	// the table alternative lists the votes so far, the current one marked
	await view.getByRole('button', { name: 'Table' }).click();
	await expect(view.locator('tbody tr')).toHaveCount(7);
	await expect(view.locator('tbody tr[aria-current="step"]')).toContainText('You');
	await expect(view.locator('tbody tr[aria-current="step"]')).toContainText('116.77 h');

	// every check passes, the learner's vote included
	const checks = page.getByRole('region', { name: 'Checks' });
	await button(page, 'Check').click();
	await expect(checks.getByText('6 of 6 passed')).toBeVisible({ timeout: 120_000 });
});
