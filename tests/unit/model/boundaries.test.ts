/**
 * The folder table of docs/architecture.md is enforced by ESLint (eslint.config.js,
 * `no-restricted-imports` per folder): an upward import fails `npm run lint`, an allowed one
 * passes. Runs ESLint's Node API on snippets placed (by filePath) inside each folder.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the import rule for `code` linted as if it were the file `filePath`. */
async function importErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => `${m.severity === 2 ? 'error' : 'warning'}: ${m.message}`);
}

describe('folder boundaries', () => {
	it('model/ may not import the worker', async () => {
		const errors = await importErrors(
			'src/lib/model/probe.ts',
			"import type { SessionApi } from '#lib/worker/protocol.ts';\nexport type P = SessionApi;\n"
		);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			/^error: .* model\/ imports nothing of the app \(worker\/ is not allowed/
		);
	});

	it('model/ may import its own files', async () => {
		const errors = await importErrors(
			'src/lib/model/probe.ts',
			"import type { Frame } from './frame.ts';\nexport type P = Frame;\n"
		);
		expect(errors).toEqual([]);
	});

	it('sim/ may not import lesson/ nor scenario/, by alias or relative path', async () => {
		const errors = await importErrors(
			'src/lib/sim/sandbox/probe.ts',
			[
				"import { chooseHint } from '#lib/lesson/hints.ts';",
				"import { toSourceError } from '../../scenario/errors.ts';",
				'export const p = [chooseHint, toSourceError];',
				''
			].join('\n')
		);
		expect(errors).toHaveLength(2);
		expect(errors[0]).toContain('lesson/ is not allowed');
		expect(errors[1]).toContain('scenario/ is not allowed');
	});

	it('sim/ may import protocols/, model/ and its own files', async () => {
		const errors = await importErrors(
			'src/lib/sim/probe.ts',
			[
				"import { wadMul } from '#lib/protocols/wad.ts';",
				"import type { ErrorKind } from '#lib/model/errors.ts';",
				"import { GAS_TABLE } from './gas.ts';",
				'export const p: [unknown, ErrorKind, unknown] = [wadMul, "revert", GAS_TABLE];',
				''
			].join('\n')
		);
		expect(errors).toEqual([]);
	});

	it('lesson/ may use the typed client but not the worker-side session', async () => {
		const ok = await importErrors(
			'src/lib/lesson/probe.ts',
			"import { SimClient } from '#lib/worker/client.ts';\nexport const p = SimClient;\n"
		);
		expect(ok).toEqual([]);
		const bad = await importErrors(
			'src/lib/lesson/probe.ts',
			"import { Session } from '#lib/worker/session.ts';\nexport const p = Session;\n"
		);
		expect(bad).toHaveLength(1);
		expect(bad[0]).toContain('worker/ is not allowed');
	});

	it('ui/ holds generic widgets: no lesson/, workbench/ or worker/ in it', async () => {
		const errors = await importErrors(
			'src/lib/ui/probe.ts',
			[
				"import { LessonState } from '#lib/lesson/lesson-state.svelte.ts';",
				"import { ShareLink } from '../workbench/share-link.svelte.ts';",
				"import { SimClient } from '#lib/worker/client.ts';",
				'export const p = [LessonState, ShareLink, SimClient];',
				''
			].join('\n')
		);
		expect(errors).toHaveLength(3);
		expect(errors[0]).toContain('lesson/ is not allowed');
		expect(errors[1]).toContain('workbench/ is not allowed');
		expect(errors[2]).toContain('worker/ is not allowed');
	});

	it('the workbench serves both pages and imports neither; the playground never imports lesson/', async () => {
		const bench = await importErrors(
			'src/lib/workbench/probe.ts',
			[
				"import { LessonState } from '#lib/lesson/lesson-state.svelte.ts';",
				"import { PlaygroundState } from '#lib/playground/state.svelte.ts';",
				"import { Timeline } from '#lib/ui/timeline.svelte.ts';",
				'export const p = [LessonState, PlaygroundState, Timeline];',
				''
			].join('\n')
		);
		expect(bench).toHaveLength(2);
		expect(bench[0]).toContain('lesson/ is not allowed');
		expect(bench[1]).toContain('playground/ is not allowed');
		const playground = await importErrors(
			'src/lib/playground/probe.ts',
			[
				"import { chooseHint } from '#lib/lesson/hints.ts';",
				"import { Workspace } from '#lib/workbench/workspace.svelte.ts';",
				'export const p = [chooseHint, Workspace];',
				''
			].join('\n')
		);
		expect(playground).toHaveLength(1);
		expect(playground[0]).toContain('lesson/ is not allowed');
	});

	it('routes may read the gas table but not the engine', async () => {
		const ok = await importErrors(
			'src/routes/probe.ts',
			"import { GAS_TABLE } from '#lib/sim/gas.ts';\nexport const p = GAS_TABLE;\n"
		);
		expect(ok).toEqual([]);
		const bad = await importErrors(
			'src/routes/probe.ts',
			"import { World } from '#lib/sim/index.ts';\nexport const p = World;\n"
		);
		expect(bad).toHaveLength(1);
		expect(bad[0]).toContain('sim/ is not allowed');
	});
});
