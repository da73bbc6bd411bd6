import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getLesson, lessonIds } from '#lib/lessons/catalog.ts';
import {
	CLOSE_FACTOR_HF_THRESHOLD,
	LiquidationError,
	MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD,
	MIN_LEFTOVER_BASE,
	WETH_PARAMS,
	closeFactor,
	liquidationCall,
	type Reserve
} from '#lib/protocols/aave-v3.ts';

// What the foundations and lending lessons say about protocols must match the reference model,
// and their sources must be citable: protocol files at a tag and commit, papers, dated reports.

const prose = (id: string) => readFileSync(`lessons/${id}/index.md`, 'utf8').replace(/\s+/g, ' ');
const USD = 100_000_000n; // 1 USD in base currency (8 decimals)

describe('02-lending/03-liquidation-call: the Aave v3.3 note', () => {
	const text = prose('02-lending/03-liquidation-call');
	const note = text.slice(
		text.indexOf('Aave v3.3 changed rule 2'),
		text.indexOf('This lesson follows v3.0')
	);

	test('it says HF <= 0.95 still allows 100%, and the model agrees', () => {
		expect(note).toMatch(/At HF ≤ 0\.95 a call may still repay 100% of the debt/);
		const big = { collateralBase: 10_000n * USD, debtBase: 9_000n * USD };
		expect(closeFactor(CLOSE_FACTOR_HF_THRESHOLD, 'v3.3', big)).toBe(10_000n);
		expect(closeFactor(CLOSE_FACTOR_HF_THRESHOLD - 1n, 'v3.3', big)).toBe(10_000n);
		expect(closeFactor(CLOSE_FACTOR_HF_THRESHOLD + 1n, 'v3.3', big)).toBe(5_000n);
	});

	test('the 2,000 USD size rule and the 1,000 USD leftover rule are the model constants', () => {
		const [size] = note.match(/worth at least ([\d,]+) USD/)!.slice(1);
		const [leftover] = note.match(/leave at least ([\d,]+) USD of each/)!.slice(1);
		expect(BigInt(size.replace(/,/g, '')) * USD).toBe(MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD);
		expect(BigInt(leftover.replace(/,/g, '')) * USD).toBe(MIN_LEFTOVER_BASE);
		const small = { collateralBase: 1_999n * USD, debtBase: 1_900n * USD };
		expect(note).toMatch(/a smaller position may be closed whole at any HF below 1/);
		expect(closeFactor(CLOSE_FACTOR_HF_THRESHOLD + 1n, 'v3.3', small)).toBe(10_000n);
		// a partial call that would leave dust reverts with MUST_NOT_LEAVE_DUST
		const { asOf: _asOf, ...weth } = WETH_PARAMS;
		const position: Reserve[] = [
			{ ...weth, price: 2_000n * USD, collateral: 10n ** 18n, debt: 0n },
			{
				...weth,
				symbol: 'DAI',
				liquidationThreshold: 0,
				ltv: 0,
				price: USD,
				collateral: 0n,
				debt: 1_700n * 10n ** 18n
			}
		];
		const call = () =>
			liquidationCall(position, {
				collateral: 'WETH',
				debt: 'DAI',
				debtToCover: 900n * 10n ** 18n,
				rules: 'v3.3'
			});
		expect(call).toThrow(LiquidationError);
		expect(call).toThrow(/at least 1,000\.00 USD/);
	});
});

describe('foundations and lending: citable sources', () => {
	const ids = lessonIds.filter((id) => /^0[12]-/.test(id));

	test('no lesson cites an internal document of the project', () => {
		expect(ids.length).toBeGreaterThanOrEqual(5);
		for (const id of ids) {
			for (const source of getLesson(id)?.sources ?? [])
				expect(source, id).not.toMatch(/DEFI\.md|Chainlab/i);
		}
		for (const file of ['src/lib/protocols/aave-v3.ts', 'lessons/02-lending/market.ts']) {
			expect(readFileSync(file, 'utf8'), file).not.toMatch(/DEFI\.md/);
		}
	});

	test('every protocol source file is named at a tag and a commit', () => {
		let files = 0;
		for (const id of ids) {
			for (const source of getLesson(id)?.sources ?? []) {
				if (!/\.sol\b/.test(source)) continue;
				files++;
				expect(source, id).toMatch(/ v\d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}/);
			}
		}
		expect(files).toBeGreaterThanOrEqual(8);
	});
});
