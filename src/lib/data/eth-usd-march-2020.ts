/**
 * ETH/USD daily bars for March 2020 (31 days), carried in the project as data.
 * The rows are copied verbatim from Chainlab's shared `eth-usd-daily.csv` (volume is in USD).
 * These are published historical prices; anything finer than a day is synthetic (see
 * `synthetic-path.ts`). Parsed with d3-dsv's csvParse.
 */
import { csvParse } from 'd3-dsv';

/** Where the figures come from; show it next to any chart of them. */
export const SOURCE = 'Yahoo Finance ETH-USD daily, via KaushalParkar/dataset';

/** One day: `date` is YYYY-MM-DD (UTC), `time` is that day's 00:00 UTC in unix seconds, prices USD. */
export type DailyBar = {
	date: string;
	time: number;
	open: number;
	high: number;
	low: number;
	close: number;
	/** Traded volume in USD. */
	volume: number;
};

/** The CSV rows of 2020-03-01..2020-03-31, header included, exactly as in the source file. */
export const ETH_USD_MARCH_2020_CSV = `date,open,high,low,close,volume
2020-03-01,219.75,226.68,214.13,218.97,18179807469
2020-03-02,218.71,232.81,217.28,230.57,20305587789
2020-03-03,230.52,232.33,221.73,224.48,19853178572
2020-03-04,224.57,228.04,222.09,224.52,16567075208
2020-03-05,224.64,234.36,224.64,229.27,18201291785
2020-03-06,229.17,243.55,228.74,243.53,19374772256
2020-03-07,243.75,249.98,237.55,237.85,19431652027
2020-03-08,237.78,237.78,200.6,200.69,21381823651
2020-03-09,201.32,207.45,192.27,201.99,23645428606
2020-03-10,202.86,205.71,198.06,200.77,18344930072
2020-03-11,200.77,202.95,184.36,194.87,16984790291
2020-03-12,194.74,195.15,111.21,112.35,22134741655
2020-03-13,112.69,137.43,95.18,133.2,27864623061
2020-03-14,133.58,134.48,122.41,123.31,12740784545
2020-03-15,123.25,132.24,121.85,125.21,12719251813
2020-03-16,125.0,125.0,105.17,110.61,15984904590
2020-03-17,110.41,118.99,110.41,113.94,12087490572
2020-03-18,113.86,116.02,111.74,114.84,11617854009
2020-03-19,114.84,140.53,114.73,136.59,16396753275
2020-03-20,136.65,150.85,122.61,132.74,18960388062
2020-03-21,133.1,135.97,127.16,132.82,13684083308
2020-03-22,132.85,136.15,122.91,123.32,12497707224
2020-03-23,123.37,134.91,121.87,134.91,14149877968
2020-03-24,135.19,141.95,133.17,138.76,14609068673
2020-03-25,138.91,141.4,134.3,136.2,13433092920
2020-03-26,136.19,138.83,134.89,138.36,11367261176
2020-03-27,138.37,139.9,133.94,133.94,11396286629
2020-03-28,134.03,134.03,126.96,130.99,12162403960
2020-03-29,131.02,131.17,125.45,125.58,9938133669
2020-03-30,125.58,133.91,125.29,132.9,11841123306
2020-03-31,132.82,134.27,131.65,133.59,11065246317`;

function toNumber(text: string | undefined, column: string, date: string): number {
	const value = Number(text);
	if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
		throw new Error(`Bad ${column} "${text}" on ${date} in the March 2020 price data`);
	}
	return value;
}

/**
 * Parses daily OHLCV CSV text (columns date, open, high, low, close, volume) into bars.
 * Throws an Error naming the row when a date or a number is malformed.
 */
export function parseDailyBars(csv: string): DailyBar[] {
	return csvParse(csv).map((row) => {
		const date = row.date ?? '';
		const time = Date.parse(`${date}T00:00:00Z`) / 1000;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(time)) {
			throw new Error(`Bad date "${date}" in the March 2020 price data`);
		}
		return {
			date,
			time,
			open: toNumber(row.open, 'open', date),
			high: toNumber(row.high, 'high', date),
			low: toNumber(row.low, 'low', date),
			close: toNumber(row.close, 'close', date),
			volume: toNumber(row.volume, 'volume', date)
		};
	});
}

/** The 31 daily bars of March 2020, ascending; 12 March is "Black Thursday". */
export const ETH_USD_MARCH_2020: readonly Readonly<DailyBar>[] = Object.freeze(
	parseDailyBars(ETH_USD_MARCH_2020_CSV).map((bar) => Object.freeze(bar))
);
