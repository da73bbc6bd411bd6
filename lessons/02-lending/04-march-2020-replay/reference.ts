/**
 * The replay's three figures (bad debt, liquidated volume, liquidator profit) and the same replay
 * run on Aave v3.0's rules with the reference model (`#lib/protocols/aave-v3.ts`) instead of the
 * learner's pool: same path, same book, same bot (one liquidationCall per liquidatable borrower
 * per hour, asking for the whole debt), same missed hours. The checks and the summary compare
 * against it. Two variants for the summary and the tests: without the congestion (the bot acts
 * every hour), and with the starter's fixed 50% close factor (Compound v2's rule).
 */
import {
	DEFAULT_LIQUIDATION_CLOSE_FACTOR,
	MAX_UINT256,
	liquidationCall,
	percentMul
} from '#lib/protocols/aave-v3.ts';
import { referencePosition } from '../market.ts';
import { Book, DAI_PRICE, openingBook, replayPath, usdOf } from './book.ts';

/** The day the prediction asks about. */
export const BLACK_THURSDAY = '2020-03-12';

/** What a replay did, USD with 8 decimals. */
export type ReplayFigures = {
	liquidations: number;
	borrowersLiquidated: number;
	/** borrowers liquidated at least once on 12 March 2020 (UTC) */
	liquidatedOn12March: number;
	/** debt repaid by liquidators */
	volume: bigint;
	/** WETH the liquidator received, valued at the hour's price, minus the DAI it paid */
	profit: bigint;
	protocolFees: bigint;
	/** debt the remaining collateral cannot cover, at the last price of 31 March */
	badDebt: bigint;
	/** hours the congestion kept the liquidator's transactions out */
	hoursMissed: number;
	/** the last price of 31 March, USD with 8 decimals */
	finalPrice: bigint;
};

/** Adds liquidations up into ReplayFigures. */
export class Tally {
	liquidations = 0;
	volume = 0n;
	profit = 0n;
	protocolFees = 0n;
	private readonly liquidated = new Set<number>();
	private readonly onBlackThursday = new Set<number>();
	hoursMissed = 0;

	/** An hour in which the liquidator's transactions did not get in. */
	miss(): void {
		this.hoursMissed++;
	}

	/** One liquidation of borrower `i` on `date` at `price` (USD, 8 decimals); amounts in wei. */
	add(i: number, date: string, price: bigint, debtRepaid: bigint, received: bigint, fee: bigint) {
		this.liquidations++;
		this.liquidated.add(i);
		if (date === BLACK_THURSDAY) this.onBlackThursday.add(i);
		const paid = usdOf(debtRepaid, DAI_PRICE);
		this.volume += paid;
		this.profit += usdOf(received, price) - paid;
		this.protocolFees += usdOf(fee, price);
	}

	/** The figures, with bad debt measured on `book` at `finalPrice`. */
	figures(book: Book, finalPrice: bigint): ReplayFigures {
		return {
			liquidations: this.liquidations,
			borrowersLiquidated: this.liquidated.size,
			liquidatedOn12March: this.onBlackThursday.size,
			volume: this.volume,
			profit: this.profit,
			protocolFees: this.protocolFees,
			badDebt: book.badDebt(finalPrice),
			finalPrice,
			hoursMissed: this.hoursMissed
		};
	}
}

/**
 * Which rules the reference replay follows: 'v3.0' is Aave v3.0's close factor (50%, 100% once
 * HF <= 0.95); 'fixed-50' repays at most 50% of the debt per call at any health factor (the
 * starter's rule, Compound v2's close factor on Ethereum), with the same bonus and fee.
 */
export type ReplayRules = 'v3.0' | 'fixed-50';

/** `rules` default 'v3.0'; `congestion` default true (false: the bot acts every hour). */
export type ReplayOptions = { rules?: ReplayRules; congestion?: boolean };

const memo = new Map<string, ReplayFigures>();

/**
 * The replay on the reference model, for a seed: Aave v3.0's rules under the seed's congestion
 * unless `options` say otherwise. Memoised: the path, the book and the missed hours depend only
 * on the seed.
 */
export function referenceReplay(seed: number, options: ReplayOptions = {}): ReplayFigures {
	const { rules = 'v3.0', congestion = true } = options;
	const key = `${seed}/${rules}/${congestion}`;
	const known = memo.get(key);
	if (known) return known;
	const path = replayPath(seed);
	const book = new Book(openingBook(seed));
	const tally = new Tally();
	for (const hour of path) {
		if (congestion && hour.missed) {
			tally.miss();
			continue;
		}
		for (const i of book.candidates(hour.price8)) {
			const position = referencePosition(book.collateral[i], book.debt[i], hour.price8);
			// v3.0 caps a whole-debt request itself; fixed-50 asks for half, which v3.0 always allows
			const debtToCover =
				rules === 'v3.0' ? MAX_UINT256 : percentMul(book.debt[i], DEFAULT_LIQUIDATION_CLOSE_FACTOR);
			if (debtToCover === 0n) continue; // half of 1 wei: the starter repays nothing either
			const r = liquidationCall(position, {
				collateral: 'WETH',
				debt: 'DAI',
				debtToCover,
				rules: 'v3.0'
			});
			book.set(i, r.position[0].collateral, r.position[1].debt);
			tally.add(i, hour.date, hour.price8, r.debtRepaid, r.liquidatorReceives, r.protocolFee);
		}
	}
	const figures = tally.figures(book, path[path.length - 1].price8);
	memo.set(key, figures);
	return figures;
}
