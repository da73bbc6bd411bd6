import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { ETH_USD_MARCH_2020, SOURCE, parseDailyBars } from '#lib/data/eth-usd-march-2020.ts';

// the shared data folder sits next to the repository: <repo>/../shared/data
const sharedCsv = fileURLToPath(
	new URL('../../../../shared/data/eth-usd-daily.csv', import.meta.url)
);

const bar = (date: string) => {
	const found = ETH_USD_MARCH_2020.find((b) => b.date === date);
	if (!found) throw new Error(`no bar for ${date}`);
	return found;
};

describe('ETH/USD March 2020 daily bars', () => {
	test('31 consecutive days at 00:00 UTC, with the source named', () => {
		expect(ETH_USD_MARCH_2020).toHaveLength(31);
		expect(ETH_USD_MARCH_2020[0].date).toBe('2020-03-01');
		expect(ETH_USD_MARCH_2020[30].date).toBe('2020-03-31');
		// 2020-03-01T00:00:00Z = 18322 days * 86400 s since 1970-01-01
		expect(ETH_USD_MARCH_2020[0].time).toBe(1_583_020_800);
		ETH_USD_MARCH_2020.forEach((b, i) => expect(b.time).toBe(1_583_020_800 + i * 86_400));
		expect(SOURCE).toBe('Yahoo Finance ETH-USD daily, via KaushalParkar/dataset');
	});

	test('Black Thursday figures match the published daily bars', () => {
		expect(bar('2020-03-11').close).toBe(194.87);
		expect(bar('2020-03-12')).toMatchObject({
			open: 194.74,
			high: 195.15,
			low: 111.21,
			close: 112.35
		});
		expect(bar('2020-03-13')).toMatchObject({
			open: 112.69,
			high: 137.43,
			low: 95.18,
			close: 133.2
		});
	});

	// maintainers and CI have the team's shared folder beside the repository; a plain clone does
	// not, and then there is no source to compare against (CI always runs this)
	test.runIf(existsSync(sharedCsv) || process.env.CI)(
		'carried figures equal the shared source file',
		() => {
			expect(
				existsSync(sharedCsv),
				`Shared price file missing at ${sharedCsv}; this test needs ../shared/data/eth-usd-daily.csv next to the repository`
			).toBe(true);
			const march = csvParse(readFileSync(sharedCsv, 'utf8')).filter((row) =>
				(row.date ?? '').startsWith('2020-03-')
			);
			expect(march).toHaveLength(31);
			march.forEach((row, i) => {
				const b = ETH_USD_MARCH_2020[i];
				expect(b.date).toBe(row.date);
				expect([b.open, b.high, b.low, b.close, b.volume]).toEqual(
					[row.open, row.high, row.low, row.close, row.volume].map(Number)
				);
			});
		}
	);

	test('bad rows are reported by date', () => {
		expect(() => parseDailyBars('date,open,high,low,close,volume\n2020-03-01,x,1,1,1,1')).toThrow(
			/open "x" on 2020-03-01/
		);
	});
});
