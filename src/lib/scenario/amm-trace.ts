/**
 * The AMM views' data (`amm-curve`, `amm-reserves`; model/amm.ts), built while a scenario runs:
 * a bot that, at the end of every step, reads a constant-product pair's reserves and LP supply
 * and its new `Swap` events, and writes them into `s.overview.amm`. What a pair contract must
 * offer to be traced is written down in src/lib/lessons/README.md, "AMM views".
 */
import type { AmmOverview, AmmTrade } from '#lib/model/amm.ts';
import type { ScenarioContext } from './context.ts';
import { formatUnits } from './format.ts';
import type { LogRecord } from './logs.ts';

/** Reserves and LP supply of the pair, smallest units. */
export type AmmReading = { reserve0: bigint; reserve1: bigint; totalSupply: bigint };

export type AmmTraceOptions = {
	/** the pair contract (address or run name) */
	pair: string;
	/** symbols of token0 and token1 */
	symbols: [string, string];
	chainId?: number;
	/** decimals of both tokens and the LP token (default 18) */
	decimals?: number;
	/**
	 * how to read the pair (default: the pair's `getReserves()`, an object with `reserve0` and
	 * `reserve1` or an array `[reserve0, reserve1, ...]`, and `totalSupply()` when it has one)
	 */
	read?: (s: ScenarioContext) => AmmReading;
};

const asBigint = (v: unknown): bigint => (typeof v === 'bigint' ? v : 0n);

/** The default reading: getReserves() and totalSupply() as read-only calls (no gas). */
export function readPair(s: ScenarioContext, pair: string, chainId?: number): AmmReading {
	const raw = s.view(pair, 'getReserves', [], chainId) as unknown;
	const [reserve0, reserve1] = Array.isArray(raw)
		? [asBigint(raw[0]), asBigint(raw[1])]
		: [
				asBigint((raw as Record<string, unknown>)?.reserve0),
				asBigint((raw as Record<string, unknown>)?.reserve1)
			];
	let totalSupply = 0n;
	try {
		totalSupply = asBigint(s.view(pair, 'totalSupply', [], chainId));
	} catch {
		// a pool without an LP token
	}
	return { reserve0, reserve1, totalSupply };
}

/**
 * Follow a pair for the AMM views. Creates `s.overview.amm` and registers the `amm-trace` bot,
 * which at the end of every step samples reserve0, reserve1, k and the LP supply, and turns each
 * new `Swap { amount0In, amount1In, amount0Out, amount1Out, to }` log of the pair into a trade.
 * A trade's reserves after are those of the last `Sync { reserve0, reserve1 }` of its
 * transaction, its reserves before are those minus what came in plus what went out; a pair that
 * emits no Sync gets the reserves read at the end of the step instead. Call it once, after the
 * pair is deployed (before the first yield that should be sampled).
 * @returns the overview the bot fills (the same object as `s.overview.amm`)
 */
export function traceAmm(s: ScenarioContext, options: AmmTraceOptions): AmmOverview {
	const decimals = options.decimals ?? 18;
	const pair = s.address(options.pair, options.chainId);
	const name = s.nameOf(pair, options.chainId) ?? options.pair;
	const read = options.read ?? ((c: ScenarioContext) => readPair(c, pair, options.chainId));
	const amm: AmmOverview = { pair: name, symbols: options.symbols, samples: [], trades: [] };
	s.overview.amm = amm;
	let since = s.blockNumber(options.chainId) + 1;
	const units = (v: bigint) => formatUnits(v, decimals);

	s.bot('amm-trace', () => {
		const now = read(s);
		const logs = s
			.logs({ chainId: options.chainId, address: pair, since })
			.filter((l) => l.event === 'Swap' || l.event === 'Sync');
		since = s.blockNumber(options.chainId) + 1;
		for (const log of logs) {
			if (log.event !== 'Swap') continue;
			const sync = logs.filter((l) => l.event === 'Sync' && l.txHash === log.txHash).at(-1);
			amm.trades.push(tradeOf(s, log, sync, now, units));
		}
		amm.samples.push({
			step: s.step,
			reserve0: units(now.reserve0),
			reserve1: units(now.reserve1),
			k: formatUnits(now.reserve0 * now.reserve1, decimals * 2),
			totalSupply: units(now.totalSupply)
		});
	});
	return amm;
}

function tradeOf(
	s: ScenarioContext,
	swap: LogRecord,
	sync: LogRecord | undefined,
	now: AmmReading,
	units: (v: bigint) => string
): AmmTrade {
	const a = swap.args;
	const in0 = asBigint(a.amount0In);
	const in1 = asBigint(a.amount1In);
	const out0 = asBigint(a.amount0Out);
	const out1 = asBigint(a.amount1Out);
	const r0After = sync ? asBigint(sync.args.reserve0) : now.reserve0;
	const r1After = sync ? asBigint(sync.args.reserve1) : now.reserve1;
	const r0Before = r0After - in0 + out0;
	const r1Before = r1After - in1 + out1;
	const tokenIn: 0 | 1 = in0 >= in1 ? 0 : 1;
	const [amountIn, amountOut] = tokenIn === 0 ? [in0, out1] : [in1, out0];
	const ratio = (x: bigint, y: bigint) => (y === 0n ? 0 : Number(units(x)) / Number(units(y)));
	const spotBefore = ratio(r1Before, r0Before);
	const spotAfter = ratio(r1After, r0After);
	// token1 per token0 either way
	const executionPrice = tokenIn === 0 ? ratio(amountOut, amountIn) : ratio(amountIn, amountOut);
	const priceImpact =
		spotBefore === 0 || executionPrice === 0
			? 0
			: tokenIn === 0
				? 1 - executionPrice / spotBefore
				: executionPrice / spotBefore - 1;
	const to = typeof a.to === 'string' ? a.to : '';
	return {
		step: s.step,
		txHash: swap.txHash,
		trader: s.nameOf(to) ?? to,
		tokenIn,
		amountIn: units(amountIn),
		amountOut: units(amountOut),
		reserve0Before: units(r0Before),
		reserve1Before: units(r1Before),
		reserve0After: units(r0After),
		reserve1After: units(r1After),
		spotBefore,
		executionPrice,
		spotAfter,
		priceImpact
	};
}
