/**
 * The liquidator bot of the replay. Every hour, after the oracle update, it reads the price and
 * the pool's positions through the engine's indexer (no gas, no sandbox), finds the borrowers the
 * price pushed below HF 1 (Book.candidates), and sends each one liquidationCall asking for the
 * whole debt (debtToCover = MAX_UINT256): your pool's close factor decides how much is repaid.
 * One call per borrower per hour, lowest health factor first. In the hours the synthetic
 * congestion marks as missed (`Hour.missed`), none of its transactions gets in: it sends nothing
 * and tries again the next hour, at that hour's price.
 *
 * What each call moved is measured from balances and the pool's storage, never from its events.
 * A borrower whose call reverts or moves nothing is not tried again (a real bot would also give up
 * on a pool that refuses), which keeps a broken pool from stalling the run.
 */
import { MAX_UINT256 } from '#lib/protocols/aave-v3.ts';
import { formatUnits, healthFactorNumber, usd8ToNumber } from '#lib/model/units.ts';
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { LiquidationRecord } from '#lib/model/overview.ts';
import { whyFailed, type Market } from '../market.ts';
import { Book, DAI_PRICE, WAD, grouped, healthFactorOf, type Hour } from './book.ts';
import { Tally } from './reference.ts';

/** The bot's account name. */
export const BOT = 'liquidator';
/** Calls the bot may send in one run, whatever the pool does (a guard, far above any real run). */
export const MAX_CALLS = 10_000;

/** One liquidationCall the bot sent: the position and price before it, and what moved. */
export type Attempt = {
	step: number;
	/** unix seconds of the hour and its day (YYYY-MM-DD, UTC) */
	time: number;
	date: string;
	borrower: number;
	/** ETH price, USD with 8 decimals */
	price: bigint;
	/** the position before the call, wei */
	collateral: bigint;
	debt: bigint;
	healthFactor: bigint;
	status: 'success' | 'reverted';
	/** why it reverted, in the receipt's words */
	error?: string;
	/** DAI the bot paid, and how much the borrower's debt went down (wei) */
	debtRepaid: bigint;
	debtLowered: bigint;
	/** WETH the borrower lost, the bot received, and the difference (the pool's fee) */
	collateralSeized: bigint;
	liquidatorReceives: bigint;
	protocolFee: bigint;
};

/** A borrower of the book: its account name and address. */
export type Person = { name: string; address: string };

const toBig = (value: unknown): bigint =>
	value === undefined || value === null
		? 0n
		: typeof value === 'bigint'
			? value
			: BigInt(value as string);
const whole = (wei: bigint) => formatUnits(wei, 18);
const usd = (wei: bigint, price: bigint) => usd8ToNumber((wei * price) / WAD);

export class Liquidator {
	readonly attempts: Attempt[] = [];
	readonly records: LiquidationRecord[] = [];
	readonly tally = new Tally();
	private readonly givenUp = new Set<number>();

	constructor(
		private readonly m: Market,
		private readonly book: Book,
		private readonly people: Person[]
	) {}

	/** The oracle's ETH price (USD, 8 decimals), read through the indexer. */
	price(s: ScenarioContext): bigint {
		return toBig(s.storage(this.m.oracle).get('prices', this.m.weth));
	}

	/** Read borrower `i`'s position from the pool's storage into the book. */
	sync(s: ScenarioContext, i: number): void {
		const pool = s.storage(this.m.pool);
		const user = this.people[i].address;
		this.book.set(i, toBig(pool.get('collateral', user)), toBig(pool.get('debt', user)));
	}

	/** One turn: liquidate every borrower below HF 1 once. Returns the number of calls sent. */
	act(s: ScenarioContext, hour: Hour): number {
		if (hour.missed) {
			this.tally.miss();
			const waiting = this.book.candidates(this.price(s)).length;
			s.note(
				'Congestion (synthetic): gas prices spiked and the liquidator bot sent nothing that got ' +
					`into a block this hour` +
					(waiting ? `; ${grouped(waiting)} borrowers below HF 1 wait for the next hour.` : '.')
			);
			return 0;
		}
		if (this.attempts.length >= MAX_CALLS) return 0;
		const price = this.price(s);
		let sent = 0;
		let reverted = 0;
		let firstError = '';
		let repaid = 0n;
		for (const i of this.book.candidates(price)) {
			if (this.givenUp.has(i)) continue;
			if (this.attempts.length >= MAX_CALLS) {
				s.note(`The bot stops: it has sent ${MAX_CALLS} liquidationCalls, its limit for one run.`);
				break;
			}
			const a = this.liquidate(s, i, hour, price);
			sent++;
			if (a.status === 'reverted' && reverted++ === 0) firstError = a.error ?? '';
			repaid += a.debtRepaid;
		}
		if (sent > 0) {
			s.note(
				`The liquidator bot sent ${sent} liquidationCall${sent === 1 ? '' : 's'} and repaid ` +
					`${grouped(repaid / WAD)} DAI` +
					(reverted ? `; ${reverted} reverted (first: ${firstError}).` : '.')
			);
		}
		return sent;
	}

	private liquidate(s: ScenarioContext, i: number, hour: Hour, price: bigint): Attempt {
		const { m, book } = this;
		const person = this.people[i];
		const weth = s.storage(m.weth);
		const dai = s.storage(m.dai);
		const bot = s.address(BOT);
		const collateral = book.collateral[i];
		const debt = book.debt[i];
		const healthFactor = healthFactorOf(collateral, debt, price);
		const wethBefore = toBig(weth.get('balances', bot));
		const daiBefore = toBig(dai.get('balances', bot));
		const receipt = s.send({
			from: BOT,
			to: m.pool,
			method: 'liquidationCall',
			args: [m.weth, m.dai, person.address, MAX_UINT256]
		});
		this.sync(s, i);
		const received = toBig(weth.get('balances', bot)) - wethBefore;
		const seized = collateral - book.collateral[i];
		const attempt: Attempt = {
			step: s.step,
			time: hour.time,
			date: hour.date,
			borrower: i,
			price,
			collateral,
			debt,
			healthFactor,
			status: receipt.status,
			debtRepaid: daiBefore - toBig(dai.get('balances', bot)),
			debtLowered: debt - book.debt[i],
			collateralSeized: seized,
			liquidatorReceives: received,
			protocolFee: seized - received
		};
		if (receipt.status !== 'success') attempt.error = whyFailed(receipt);
		this.attempts.push(attempt);
		const moved = attempt.debtLowered !== 0n || seized !== 0n;
		if (receipt.status !== 'success' || !moved) {
			this.givenUp.add(i);
			return attempt;
		}
		this.tally.add(i, hour.date, price, attempt.debtRepaid, received, attempt.protocolFee);
		this.records.push(this.record(s, attempt, receipt.txHash));
		return attempt;
	}

	/** The liquidation as the views show it (USD at the hour's price). */
	private record(s: ScenarioContext, a: Attempt, txHash: string): LiquidationRecord {
		const worth = (a.debtRepaid * DAI_PRICE) / a.price; // the repaid debt in WETH
		const bonus = a.collateralSeized - worth;
		const after = healthFactorOf(
			this.book.collateral[a.borrower],
			this.book.debt[a.borrower],
			a.price
		);
		return {
			id: `liquidation-${this.records.length + 1}`,
			step: a.step,
			time: s.time(),
			txHash,
			borrower: this.people[a.borrower].name,
			liquidator: 'Liquidator bot',
			debtSymbol: 'DAI',
			collateralSymbol: 'WETH',
			debtRepaid: whole(a.debtRepaid),
			collateralSeized: whole(a.collateralSeized),
			bonus: whole(bonus),
			protocolFee: whole(a.protocolFee),
			liquidatorReceives: whole(a.liquidatorReceives),
			debtRepaidUsd: usd(a.debtRepaid, DAI_PRICE),
			collateralSeizedUsd: usd(a.collateralSeized, a.price),
			bonusUsd: usd(bonus, a.price),
			protocolFeeUsd: usd(a.protocolFee, a.price),
			healthFactorBefore: healthFactorNumber(a.healthFactor),
			healthFactorAfter: healthFactorNumber(after)
		};
	}
}
