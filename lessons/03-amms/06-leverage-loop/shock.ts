/**
 * The price shock: ETH falls step by step and a liquidator bot liquidates every position whose
 * health factor is below 1 (asking for the whole debt; the pool's close factor caps it). Shared
 * by the run and the `looped-liquidated-first` check.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { LiquidationRecord } from '#lib/model/overview.ts';
import { WAD, formatUnits, healthFactorNumber, usd8ToNumber } from '#lib/model/units.ts';
import { MAX_UINT256 } from '#lib/protocols/wad.ts';
import {
	bonusOf,
	dai,
	give,
	poolHealthFactor,
	readPosition,
	setPrice,
	showHf,
	showUsd,
	tokens,
	usd,
	weth,
	whyFailed,
	type Market
} from './loop-world.ts';

/** ETH prices of the shock, USD with 8 decimals (illustrative, not market data). */
export const SHOCK = [usd(1850), usd(1700), usd(1550), usd(1400)];
const BOT = 'liquidator';

/** A position the bot watches: a display label and the pool user (an account name or address). */
export type Watched = { label: string; user: string };

/** What the shock did: the first price each position was liquidated at (absent: never). */
export type ShockResult = { firstLiquidated: Map<string, bigint>; records: LiquidationRecord[] };

/** Fund the bot with DAI and approve the pool. */
export function hireLiquidator(s: ScenarioContext, m: Market): void {
	give(s, m.dai, BOT, tokens(1_000_000));
	s.send({ from: BOT, to: m.dai, method: 'approve', args: [m.pool, MAX_UINT256] });
}

/**
 * Walk the shock: at each price, set the oracle, then liquidate each watched position below 1.
 * Yields one step label and notes per price; fills `out`.
 */
export function* shockSteps(
	s: ScenarioContext,
	m: Market,
	watched: Watched[],
	out: ShockResult
): Generator<{ label: string; notes: string[] }, void, void> {
	for (const price of SHOCK) {
		setPrice(s, m, m.weth, price);
		const notes: string[] = [];
		for (const w of watched) {
			const before = readPosition(s, m, w.user);
			const hf = poolHealthFactor(s, m, w.user);
			if (before.debt === 0n || hf >= WAD) {
				notes.push(`${w.label}: healthFactor ${showHf(hf)}, safe.`);
				continue;
			}
			const daiBefore = tokenBalance(s, m.dai, BOT);
			const wethBefore = tokenBalance(s, m.weth, BOT);
			const r = s.send({
				from: BOT,
				to: m.pool,
				method: 'liquidationCall',
				args: [m.weth, m.dai, s.address(w.user), before.debt]
			});
			if (r.status !== 'success') {
				notes.push(
					`${w.label}: healthFactor ${showHf(hf)}; liquidationCall reverted: ${whyFailed(r)}`
				);
				continue;
			}
			const after = readPosition(s, m, w.user);
			const seized = before.collateral - after.collateral;
			const repaid = daiBefore - tokenBalance(s, m.dai, BOT);
			const received = tokenBalance(s, m.weth, BOT) - wethBefore;
			const hfAfter = poolHealthFactor(s, m, w.user);
			if (!out.firstLiquidated.has(w.label)) out.firstLiquidated.set(w.label, price);
			const bonus = bonusOf(seized);
			const toUsd = (amount: bigint, p: bigint) => usd8ToNumber((amount * p) / WAD);
			out.records.push({
				id: `liquidation-${out.records.length + 1}`,
				step: s.step,
				time: s.time(),
				txHash: r.txHash,
				borrower: w.label,
				liquidator: 'Liquidator bot',
				debtSymbol: 'DAI',
				collateralSymbol: 'WETH',
				debtRepaid: formatUnits(repaid, 18),
				collateralSeized: formatUnits(seized, 18),
				bonus: formatUnits(bonus, 18),
				protocolFee: formatUnits(seized - received, 18),
				liquidatorReceives: formatUnits(received, 18),
				debtRepaidUsd: toUsd(repaid, usd(1)),
				collateralSeizedUsd: toUsd(seized, price),
				bonusUsd: toUsd(bonus, price),
				protocolFeeUsd: toUsd(seized - received, price),
				healthFactorBefore: healthFactorNumber(hf),
				healthFactorAfter: healthFactorNumber(hfAfter)
			});
			notes.push(
				`${w.label}: healthFactor ${showHf(hf)}, liquidated: ${dai(repaid)} repaid, ` +
					`${weth(seized)} seized; ${weth(after.collateral)} left against ${dai(after.debt)}.`
			);
		}
		yield { label: `Oracle update: ETH at ${showUsd(price)}; the bot liquidates below 1`, notes };
	}
}

function tokenBalance(s: ScenarioContext, token: string, who: string): bigint {
	return s.view(token, 'balanceOf', [s.address(who)]) as bigint;
}
