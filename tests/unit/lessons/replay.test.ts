import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import type { ReplayResult } from '../../../lessons/02-lending/04-march-2020-replay/scenario.ts';
import {
	BORROWERS,
	Book,
	WAD,
	healthFactorOf,
	openingBook,
	replayPath
} from '../../../lessons/02-lending/04-march-2020-replay/book.ts';

const ID = '02-lending/04-march-2020-replay';
const POOL = 'contracts/LendingPool.ts';

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
