import { test } from 'vitest';
import { runLesson } from '#lib/scenario/run-lesson.ts';
test('debug', async () => {
	for (const which of ['starter', 'solution'] as const) {
		const { run, result, checks } = await runLesson('06-insurance/03-claim-assessment', which, 1);
		run.dispose();
		console.log(which, JSON.stringify(result.ok ? { summary: result.overview.summary } : result, null, 1).slice(0, 3000));
		if (result.ok) console.log(JSON.stringify(result.overview.insurance?.polls?.[0].votes), JSON.stringify(result.overview.insurance?.polls?.[0].samples.slice(-3)));
		for (const c of checks) console.log(c.id, c.passed, c.message);
	}
}, 120000);
