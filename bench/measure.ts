import { writeFileSync } from 'node:fs';

/** Median of a list of numbers. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `fn` `runs` times (after one untimed warm-up) and returns each run's wall time in ms.
 * `fn` may return a value that is kept alive so the work cannot be optimised away.
 */
export function timeRuns(runs: number, fn: () => unknown): number[] {
	const sink: unknown[] = [fn()];
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		sink.push(fn());
		times.push(performance.now() - t0);
	}
	if (sink.length < 0) console.log(sink);
	return times;
}

/** Prints a figure line and records medians under `name` for scripts/bench.mjs to collect. */
export function report(name: string, figures: Record<string, number>, detail: string[] = []): void {
	for (const line of detail) console.log(`  ${line}`);
	for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v}`);
	const out = process.env.CHAINLAB_BENCH_OUT;
	if (out) writeFileSync(`${out}/${name}.json`, JSON.stringify(figures));
}
