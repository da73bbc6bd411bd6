// The March 2020 replay: 1,000 synthetic borrowers ride ETH's hourly price of 1-31 March 2020
// (real daily bars, synthetic hours inside them); an oracle feeder and a liquidator bot act every
// hour on your LendingPool, except in the hours a synthetic congestion on 12-13 March keeps the
// bot's transactions out. Checks compare its liquidations and bad debt with Aave v3.0's rules.
import { CONGESTION_LABEL, MARCH_2020_CONGESTION as CONGESTED } from '#lib/data/congestion.ts';
import { ETH_USD_MARCH_2020, SOURCE } from '#lib/data/eth-usd-march-2020.ts';
import { defineScenario, pricePoint, type ScenarioContext } from '#lib/scenario/index.ts';
import type { HealthBuckets, PricePoint } from '#lib/model/overview.ts';
import {
	approvePool,
	give,
	openMarket,
	setPrice,
	tokens,
	whyFailed,
	type Market
} from '../market.ts';
import { BOT, Liquidator, type Attempt, type Person } from './bot.ts';
import {
	Book,
	PATH_SOURCE,
	grouped,
	openingBook,
	replayPath,
	showHour,
	showUsd8,
	type Hour
} from './book.ts';
import { checks } from './checks.ts';
import { referenceReplay, type ReplayFigures } from './reference.ts';

/** 29 February 2020 00:00 UTC: genesis, so the hourly blocks carry March 2020 timestamps. */
const GENESIS = Date.UTC(2020, 1, 29) / 1000;
/** DAI the lender supplies to the pool, and DAI the liquidator bot holds. */
const LIQUIDITY = tokens(100_000_000);
const BOT_DAI = tokens(100_000_000);
/** Borrowers opened per genesis step (so no step carries thousands of receipts). */
const BATCH = 100;

const GENESIS_NOTE =
	'Each borrower is given its WETH at genesis (minted, no transaction), then approves your pool, ' +
	'deposits and borrows in three transactions. The 1,000 positions are synthetic: health ' +
	'factors from 1.05 to 3.0 at the 1 March open, crowded towards the low end (a quarter below ' +
	'about 1.3, median about 1.75).';

/** What the run hands to the checks. */
export type ReplayResult = {
	market: Market;
	people: Person[];
	attempts: Attempt[];
	figures: ReplayFigures;
	reference: ReplayFigures;
	finalPrice: bigint;
	/** DAI the lender supplied, wei */
	liquidity: bigint;
};

/** Open a borrower's position: genesis WETH, approve, deposit, borrow. Throws naming what failed. */
function open(s: ScenarioContext, m: Market, p: Person, collateral: bigint, debt: bigint) {
	s.chain.mint(m.weth, p.address, collateral);
	approvePool(s, m, p.name, m.weth);
	const deposit = s.send({ from: p.name, to: m.pool, method: 'deposit', args: [collateral] });
	if (deposit.status !== 'success')
		throw new Error(`${p.name} could not deposit: ${whyFailed(deposit)}`);
	const borrow = s.send({ from: p.name, to: m.pool, method: 'borrow', args: [debt] });
	if (borrow.status !== 'success')
		throw new Error(`${p.name} could not borrow: ${whyFailed(borrow)}`);
}

/** A price as `150.21` (toFixed: Intl formatting is slow over 744 labels). */
const usdText = (price: number) => price.toFixed(2);

function dayNote(date: string): string | undefined {
	const bar = ETH_USD_MARCH_2020.find((b) => b.date === date);
	if (!bar) return undefined;
	return (
		`Daily bar ${date} (${SOURCE}): open ${bar.open}, high ${bar.high}, low ${bar.low}, ` +
		`close ${bar.close} USD. The hours in between are synthetic.`
	);
}

function summarise(
	s: ScenarioContext,
	f: ReplayFigures,
	ref: ReplayFigures,
	clear: ReplayFigures,
	congested: number
): void {
	// the reference column: Aave v3.0's rules on the same path (reference model)
	s.summary('Bad debt', showUsd8(f.badDebt), { reference: showUsd8(ref.badDebt) });
	s.summary('Liquidated volume', showUsd8(f.volume), { reference: showUsd8(ref.volume) });
	s.summary('Liquidator profit', showUsd8(f.profit), { reference: showUsd8(ref.profit) });
	s.summary('Protocol fees', showUsd8(f.protocolFees), { reference: showUsd8(ref.protocolFees) });
	s.summary('Liquidations', grouped(f.liquidations), { reference: grouped(ref.liquidations) });
	s.summary('Borrowers liquidated', `${f.borrowersLiquidated} of 1,000`, {
		reference: `${ref.borrowersLiquidated} of 1,000`
	});
	s.summary('Borrowers liquidated on 12 March (UTC)', String(f.liquidatedOn12March), {
		reference: String(ref.liquidatedOn12March)
	});
	s.summary('Hours the liquidator missed (congestion)', `${f.hoursMissed} of ${congested}`, {
		reference: `${ref.hoursMissed} of ${congested}`,
		note: `${CONGESTION_LABEL}. The reference replay misses the same hours.`
	});
	s.summary('Bad debt if the liquidator had missed no hour', '—', {
		reference: showUsd8(clear.badDebt),
		note:
			"Aave v3.0's rules over the same path and book with the bot acting every hour (your pool " +
			'runs only with the congestion, so its column is empty). The gap to ' +
			"Aave v3.0's bad debt above is what the congestion cost; change the seed and Run again " +
			'to see another path.'
	});
}

export default defineScenario<ReplayResult>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		const path = replayPath(s.seed);
		const opening = openingBook(s.seed);
		s.total = 1 + Math.ceil(opening.length / BATCH) + path.length;

		const m = openMarket(s, path[0].price8, { liquidity: LIQUIDITY });
		give(s, m.dai, BOT, BOT_DAI);
		approvePool(s, m, BOT, m.dai);
		const people = opening.map((o) => ({ name: o.name, address: s.address(o.name) }));
		const book = new Book(opening.map(() => ({ collateral: 0n, debt: 0n })));
		const bot = new Liquidator(m, book, people);

		const points: PricePoint[] = [];
		const health: HealthBuckets[] = [];
		s.overview.prices = { symbol: 'ETH', synthetic: true, source: PATH_SOURCE, points };
		s.overview.liquidations = bot.records;
		s.overview.health = health;

		let hour: Hour | null = null;
		s.bot('feeder', (b) => {
			if (!hour) return;
			const wait = hour.time - b.time();
			if (wait > 0) b.chain.warp(wait);
			setPrice(b, m, m.weth, hour.price8);
			points.push(pricePoint(b.step, hour.time, hour.price8));
		});
		s.bot(BOT, (b) => {
			if (!hour) return;
			bot.act(b, hour);
			health.push(book.buckets(b.step, hour.time, hour.price));
		});

		yield {
			label: `The market opens: ETH ${usdText(path[0].price)} USD (1 March 2020 open)`,
			notes: [
				'WETH and DAI, the Oracle, your LendingPool with 100,000,000 DAI to lend, and a ' +
					'liquidator bot holding 100,000,000 DAI.'
			]
		};

		for (let start = 0; start < opening.length; start += BATCH) {
			const end = Math.min(opening.length, start + BATCH);
			for (let i = start; i < end; i++) {
				open(s, m, people[i], opening[i].collateral, opening[i].debt);
				bot.sync(s, i);
			}
			const label = `Genesis: borrowers ${start + 1}-${end} deposit WETH and borrow DAI (synthetic book)`;
			yield start === 0 ? { label, notes: [GENESIS_NOTE] } : label;
		}

		for (const h of path) {
			hour = h;
			const note = h.hour === 0 ? dayNote(h.date) : undefined;
			const kind = h.hour === 0 ? 'daily open' : h.hour === 23 ? 'daily close' : 'synthetic hour';
			const missed = h.missed ? '; congestion: the liquidator misses it' : '';
			const label = `${showHour(h.time)}: ETH ${usdText(h.price)} USD (${kind}${missed})`;
			yield note ? { label, notes: [note] } : label;
		}
		hour = null;

		const finalPrice = path[path.length - 1].price8;
		const figures = bot.tally.figures(book, finalPrice);
		const reference = referenceReplay(s.seed);
		const clear = referenceReplay(s.seed, { congestion: false });
		const congested = path.filter((h) => h.time >= CONGESTED.from && h.time < CONGESTED.to).length;
		summarise(s, figures, reference, clear, congested);
		return {
			market: m,
			people,
			attempts: bot.attempts,
			figures,
			reference,
			finalPrice,
			liquidity: LIQUIDITY
		};
	},
	checks
});
