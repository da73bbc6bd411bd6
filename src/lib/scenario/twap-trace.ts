/**
 * Fills `overview.twap` (model/twap.ts) for the twap view: at the end of each step the scenario
 * calls `sample(label)`, which reads the pair's spot price, the reference TWAP and the price the
 * lesson's oracle gives; `attack(...)` records the prices inside the manipulating transaction.
 */
import type { ScenarioContext } from './context.ts';
import type { TwapAttack, TwapOverview } from '#lib/model/twap.ts';

/** What the trace reads; every reader returns quote-token wei per whole base token (18 decimals), or null. */
export type TwapTraceOptions = {
	base: string;
	quote: string;
	windowSeconds: number;
	note: string;
	/** the pair's spot price now */
	spot: (s: ScenarioContext) => bigint;
	/** the reference TWAP now, null before its first update */
	twap: (s: ScenarioContext) => bigint | null;
	/** the price the pool's oracle gives now; null when the oracle fails */
	poolPrice: (s: ScenarioContext) => bigint | null;
	/** decimals of the quote token (default 18) */
	decimals?: number;
};

/** The handle `traceTwap` returns. */
export type TwapTrace = {
	/** sample the three prices at the end of the current step, before its `yield` */
	sample(label: string): void;
	/** record the manipulation inside its transaction (prices in quote wei per whole base token) */
	attack(a: {
		spot: bigint;
		poolPrice: bigint;
		profit: bigint;
		outcome: TwapAttack['outcome'];
	}): void;
};

/**
 * Start the twap overview on `s.overview.twap` and return the handle that fills it.
 * @param s the scenario context of the run
 * @param options token symbols, the TWAP window (seconds) and the three price readers
 */
export function traceTwap(s: ScenarioContext, options: TwapTraceOptions): TwapTrace {
	const scale = 10 ** (options.decimals ?? 18);
	const num = (v: bigint) => Number(v) / scale;
	const overview: TwapOverview = {
		base: options.base,
		quote: options.quote,
		windowSeconds: options.windowSeconds,
		points: [],
		attack: null,
		note: options.note
	};
	s.overview.twap = overview;
	const safe = (read: (s: ScenarioContext) => bigint | null): number | null => {
		try {
			const v = read(s);
			return v === null ? null : num(v);
		} catch {
			return null;
		}
	};
	return {
		sample(label) {
			overview.points.push({
				step: s.step,
				time: s.time(),
				label,
				spot: num(options.spot(s)),
				twap: safe(options.twap),
				poolPrice: safe(options.poolPrice)
			});
		},
		attack({ spot, poolPrice, profit, outcome }) {
			overview.attack = {
				step: s.step,
				spot: num(spot),
				poolPrice: num(poolPrice),
				profit: num(profit),
				outcome
			};
		}
	};
}
