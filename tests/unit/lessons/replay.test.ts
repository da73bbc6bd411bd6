import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MARCH_2020_CONGESTION } from '#lib/data/congestion.ts';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import type { ReplayResult } from '../../../lessons/02-lending/04-march-2020-replay/scenario.ts';
import {
	BORROWERS,
	Book,
	WAD,
	healthFactorOf,
	openingBook,
	replayPath,
	showUsd8
} from '../../../lessons/02-lending/04-march-2020-replay/book.ts';
import {
	referenceReplay,
	type ReplayFigures
} from '../../../lessons/02-lending/04-march-2020-replay/reference.ts';

const ID = '02-lending/04-march-2020-replay';
const POOL = 'contracts/LendingPool.ts';
const PROSE = readFileSync(`lessons/${ID}/index.md`, 'utf8').replace(/\s+/g, ' ');

/** The numbers a sentence of the lesson's prose states, found by `pattern`; fails if it is gone. */
function stated(pattern: RegExp): number[] {
	const match = PROSE.match(pattern);
	expect(match, `the prose no longer says ${pattern}`).not.toBeNull();
	return match!.slice(1).map((n) => Number(n.replace(/,/g, '')));
}

/** Bad debt (USD with 8 decimals) as whole dollars. */
const dollars = (usd8: bigint) => Number(usd8 / 100_000_000n);

/** Run the replay; returns the step hashes, overview, result and check outcomes. */
async function replay(sources: 'starter' | 'solution' | Record<string, string>, seed: number) {
	const { run, result, checks } = await runLesson(ID, sources, seed);
	run.dispose();
	expect(result.ok, JSON.stringify(result)).toBe(true);
	return {
		hashes: run.steps.map((s) => s.stateHash),
		overview: run.overview,
		result: run.result as ReplayResult,
		failing: checks.filter((c) => !c.passed).map((c) => c.id)
	};
}

describe('March 2020 replay: the liquidation queue', () => {
	test('candidates are exactly the borrowers below HF 1, lowest first, at every tenth hour', () => {
		const book = new Book(openingBook(3));
		const path = replayPath(3);
		let seen = 0;
		for (const hour of path.filter((_, i) => i % 10 === 0)) {
			const got = book.candidates(hour.price8);
			const hfs = book.debt.map((d, i) => healthFactorOf(book.collateral[i], d, hour.price8));
			const want = hfs.map((hf, i) => i).filter((i) => book.collateral[i] > 0n && hfs[i] < WAD);
			expect([...got].sort((a, b) => a - b)).toEqual(want);
			for (let k = 1; k < got.length; k++) expect(hfs[got[k - 1]] <= hfs[got[k]]).toBe(true);
			// liquidate half of each (any change will do) so later hours see moved positions
			for (const i of got) book.set(i, book.collateral[i] / 2n, book.debt[i] / 3n);
			seen += got.length;
		}
		expect(seen).toBeGreaterThan(100);
	});
});

describe('March 2020 replay: runs', () => {
	test('same seed, same states at every step; another seed, another run', async () => {
		const a = await replay('solution', 7);
		const b = await replay('solution', 7);
		const c = await replay('solution', 8);
		const middle = a.hashes.length >> 1;
		expect(a.hashes.length).toBe(b.hashes.length);
		expect(b.hashes[middle]).toBe(a.hashes[middle]);
		expect(b.hashes.at(-1)).toBe(a.hashes.at(-1));
		expect(b.hashes).toEqual(a.hashes);
		expect(c.hashes[middle]).not.toBe(a.hashes[middle]);
		expect(c.hashes.at(-1)).not.toBe(a.hashes.at(-1));

		// the overview the views read
		const { prices, health, liquidations, summary } = a.overview;
		expect(prices?.points).toHaveLength(744);
		expect(prices?.synthetic).toBe(true);
		expect(prices?.source).toMatch(/Yahoo Finance ETH-USD daily, via KaushalParkar\/dataset/);
		expect(prices?.source).toMatch(/[Ss]ynthetic/);
		expect(health).toHaveLength(744);
		for (const h of health ?? []) {
			expect(h.counts.reduce((x, y) => x + y, 0) + h.noDebt).toBe(BORROWERS);
		}
		expect(liquidations?.length).toBe(a.result.figures.liquidations);
		const badDebt = summary?.find((r) => r.label === 'Bad debt');
		expect(badDebt?.value).toMatch(/USD$/);
		expect(badDebt?.reference).toMatch(/USD$/);

		// congestion: 18 of the 36 hours of 12-13 March missed, by the bot and by the reference
		const path = replayPath(7);
		const missed = new Set(path.filter((h) => h.missed).map((h) => h.time));
		expect(missed.size).toBe(18);
		expect(a.result.figures.hoursMissed).toBe(18);
		expect(a.result.reference.hoursMissed).toBe(18);
		expect(a.result.attempts.filter((t) => missed.has(t.time))).toEqual([]);
		const onThursday = a.result.attempts.filter((t) => t.date === '2020-03-12').length;
		expect(onThursday).toBeGreaterThan(0);
		expect(summary?.find((r) => r.label === 'Hours the liquidator missed (congestion)')).toEqual(
			expect.objectContaining({ value: '18 of 36', reference: '18 of 36' })
		);
		const clear = summary?.find((r) => r.label === 'Bad debt if the liquidator had missed no hour');
		expect(clear?.reference).toBe(showUsd8(referenceReplay(7, { congestion: false }).badDebt));
		expect(clear?.note).toMatch(/change the seed and Run again/);

		// the on-chain replay of the solution is the reference model's replay, to the wei
		const { figures, reference } = a.result;
		expect(figures.liquidations).toBeGreaterThan(500);
		expect(figures.liquidations).toBe(reference.liquidations);
		expect(figures.volume).toBe(reference.volume);
		expect(figures.profit).toBe(reference.profit);
		expect(figures.protocolFees).toBe(reference.protocolFees);
		expect(figures.badDebt).toBe(reference.badDebt);
		expect(a.failing).toEqual([]);
	});

	test('the starter fails on the close factor and the bad debt, not on its books', async () => {
		const starter = await replay('starter', 1);
		expect(starter.failing).toEqual(['replay-matches-aave', 'bad-debt-within-aave']);
		expect(starter.result.figures.badDebt).toBeGreaterThan(starter.result.reference.badDebt);
		// the reference model's 'fixed-50' rules are the starter's pool, to the wei
		const { finalPrice: _price, ...model } = referenceReplay(1, { rules: 'fixed-50' });
		const { finalPrice: _final, ...ran } = starter.result.figures;
		expect(ran).toEqual(model);
	});

	test('a close factor of 100% always fails only the match with Aave v3.0', async () => {
		const sources = lessonSources(ID, 'solution');
		const from = `		const closeFactor =
			healthFactor > CLOSE_FACTOR_HF_THRESHOLD
				? DEFAULT_LIQUIDATION_CLOSE_FACTOR
				: MAX_LIQUIDATION_CLOSE_FACTOR;`;
		expect(sources[POOL]).toContain(from);
		const always = {
			...sources,
			[POOL]: sources[POOL].replace(from, 'const closeFactor = 10000n;')
		};
		const run = await replay(always, 1);
		expect(run.failing).toEqual(['replay-matches-aave']);
		expect(run.result.figures.liquidations).toBeLessThan(run.result.reference.liquidations);
	});
});

describe('March 2020 replay: what the prose says is what the run does', () => {
	test('the opening health factors: from 1.05 to 3.0, a quarter below about 1.3, median about 1.75', () => {
		const [low, high] = stated(/health factor between (\d\.\d+) and (\d\.\d+) at the 1 March open/);
		const [quarter, median] = stated(
			/a quarter of them below about (\d\.\d+), the median about (\d\.\d+)/
		);
		for (const seed of [1, 7, 42]) {
			const open = replayPath(seed)[0].price8;
			const hfs = openingBook(seed)
				.map((b) => Number(healthFactorOf(b.collateral, b.debt, open)) / 1e18)
				.sort((x, y) => x - y);
			expect(hfs).toHaveLength(BORROWERS);
			expect(hfs[0]).toBeGreaterThanOrEqual(low);
			expect(hfs.at(-1)).toBeLessThanOrEqual(high + 1e-4);
			expect(Math.abs(hfs[BORROWERS / 4] - quarter)).toBeLessThan(0.05);
			expect(Math.abs((hfs[499] + hfs[500]) / 2 - median)).toBeLessThan(0.05);
		}
	});

	test('the timeline: set-up steps, then one step per hour', async () => {
		const [setup, hourly, all] = stated(
			/(\d+) set-up steps .*?(\d+) hourly steps; the timeline shows (\d+) steps in all/
		);
		const { run } = await runLesson(ID, 'solution', 1);
		const labels = run.steps.map((s) => s.label);
		run.dispose();
		expect(labels).toHaveLength(all);
		expect(setup + hourly).toBe(all);
		const hours = labels.filter((l) => /^\d+ Mar \d\d:00 UTC: ETH/.test(l));
		expect(hours).toHaveLength(hourly);
		expect(labels.slice(0, setup).some((l) => hours.includes(l))).toBe(false);
		const [windowHours, , congested] = stated(
			/In the (\d+) hours from 12 March (\d\d):00 UTC .*?misses (\d+) hours/
		);
		expect((MARCH_2020_CONGESTION.to - MARCH_2020_CONGESTION.from) / 3600).toBe(windowHours);
		expect(labels.filter((l) => l.includes('congestion: the liquidator misses it'))).toHaveLength(
			congested
		);
	});

	test('on most seeds a fixed 50% leaves more bad debt than Aave v3.0, and congestion adds to it', () => {
		const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
		const runs = seeds.map((seed) => ({
			v30: referenceReplay(seed),
			fixed: referenceReplay(seed, { rules: 'fixed-50' }),
			clear: referenceReplay(seed, { congestion: false })
		}));
		const count = (pick: (r: (typeof runs)[number]) => boolean) => runs.filter(pick).length;
		const [lower, of] = stated(/more bad debt than Aave v3\.0 leaves: on (\d+) of the (\d+) seeds/);
		expect(of).toBe(seeds.length);
		expect(count((r) => r.fixed.badDebt > r.v30.badDebt)).toBe(lower);
		const [twice] = stated(/at least twice as much on (\d+) of them/);
		expect(count((r) => r.fixed.badDebt > 0n && r.fixed.badDebt >= 2n * r.v30.badDebt)).toBe(twice);
		// "more than twice as many calls"
		expect(count((r) => r.fixed.liquidations > 2 * r.v30.liquidations)).toBe(seeds.length);

		const [raised] = stated(/On (\d+) of the 20 seeds from 1 to 20 the congestion raises/);
		expect(count((r) => r.v30.badDebt > r.clear.badDebt)).toBe(raised);
		expect(PROSE).toMatch(/and on none does it lower it/);
		expect(count((r) => r.v30.badDebt < r.clear.badDebt)).toBe(0);

		const [before, after] = stated(
			/On seed 1 it takes it from about ([\d,]+) to about ([\d,]+) USD/
		);
		const one: ReplayFigures = runs[0].v30;
		expect(Math.abs(dollars(runs[0].clear.badDebt) - before)).toBeLessThan(100);
		expect(Math.abs(dollars(one.badDebt) - after)).toBeLessThan(100);
		expect(PROSE).toMatch(/on the default seed, 42, the missed hours happen to cost nothing/);
		expect(referenceReplay(42).badDebt).toBe(referenceReplay(42, { congestion: false }).badDebt);
	});
});
