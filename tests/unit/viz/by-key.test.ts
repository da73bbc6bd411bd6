/**
 * A view's props given key by key (viz/by-key.svelte.ts): a new props object at every step
 * re-runs only the readers of the keys whose values changed, so a chart does not redraw its
 * whole-run paths when only the step moved. Unit tests run Svelte's server build, where runes
 * are not reactive, so the module is compiled here for the client and driven with Svelte's
 * client runtime (no DOM needed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileModule } from 'svelte/compiler';
// the runtime the client-compiled module runs on: unit tests have no browser build of Svelte
// eslint-disable-next-line svelte/no-svelte-internal
import * as internal from 'svelte/internal/client';
import { transform } from 'sucrase';
import { afterAll, expect, test } from 'vitest';

/** The few calls of Svelte's (untyped) client runtime this test drives. */
type Runtime = {
	state<T>(value: T): { v: T };
	get<T>(source: { v: T }): T;
	set<T>(source: { v: T }, value: T): void;
	effect_root(fn: () => void): () => void;
	render_effect(fn: () => void): void;
	flush(): void;
};
const $ = internal as Runtime;

type ByKey = <P extends Record<string, unknown>>(read: () => P) => P;

// inside the tests, so Vitest loads the compiled module as it loads this file and both share
// one copy of Svelte's client runtime
const dir = mkdtempSync(join(import.meta.dirname, '.by-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function clientByKey(): Promise<ByKey> {
	const ts = await readFile('src/lib/viz/by-key.svelte.ts', 'utf8');
	const js = transform(ts, { transforms: ['typescript'], disableESTransforms: true }).code;
	const compiled = compileModule(js, { generate: 'client', filename: 'by-key.svelte.js' });
	const file = join(dir, 'by-key.mjs');
	writeFileSync(file, compiled.js.code);
	return ((await import(/* @vite-ignore */ file)) as { byKey: ByKey }).byKey;
}

/** Runs of a reader of `series` and of one of `step` over three steps, then a new series. */
function runs(
	spread: (read: () => { series: number[]; step: number }) => {
		series: number[];
		step: number;
	}
): number[][] {
	const series = [1, 2, 3];
	const current = $.state({ series, step: 0 });
	const counts = [0, 0];
	const seen: number[][] = [];
	const stop = $.effect_root(() => {
		const props = spread(() => $.get(current));
		$.render_effect(() => {
			void props.series;
			counts[0]++;
		});
		$.render_effect(() => {
			void props.step;
			counts[1]++;
		});
	});
	$.flush();
	seen.push([...counts]);
	for (let step = 1; step <= 3; step++) {
		$.set(current, { series, step }); // a new object, the same series
		$.flush();
	}
	seen.push([...counts]);
	$.set(current, { series: [4], step: 3 });
	$.flush();
	seen.push([...counts]);
	stop();
	return seen;
}

test('a reader of one prop re-runs only when that prop changes', async () => {
	const byKey = await clientByKey();
	expect(runs(byKey)).toEqual([
		[1, 1],
		[1, 4],
		[2, 4]
	]);
});

test('the whole props object, as a spread reads it, re-ran every reader at every step', () => {
	expect(
		runs((read) => ({
			get series() {
				return read().series;
			},
			get step() {
				return read().step;
			}
		}))
	).toEqual([
		[1, 1],
		[4, 4],
		[5, 5]
	]);
});
