// Three borrowers at an illustrative ETH price of 2,000 USD; the oracle then falls 10%, 20%, 30%.
import {
	bucketHealth,
	defineScenario,
	pricePoint,
	type CheckContext,
	type ScenarioContext
} from '#lib/scenario/index.ts';
import { healthFactor as referenceHealthFactor } from '#lib/protocols/aave-v3.ts';
import type { PricePoint, HealthBuckets } from '#lib/model/overview.ts';
import {
	borrow,
	deposit,
	describePosition,
	forcePosition,
	hfNumber,
	openMarket,
	poolHealthFactor,
	referencePosition,
	setPrice,
	showHf,
	showUsd,
	tokens,
	usd,
	type Market
} from '../market.ts';

const START = usd(2000);
/** ETH falls 10%, 20%, 30% from 2,000 USD (illustrative prices, not market data) */
const FALLS = [
	{ label: '10%', price: usd(1800) },
	{ label: '20%', price: usd(1600) },
	{ label: '30%', price: usd(1400) }
];
const BORROWERS = [
	{ name: 'alice', label: 'Alice', collateral: tokens(5), debt: tokens(6000) },
	{ name: 'bob', label: 'Bob', collateral: tokens(4), debt: tokens(6300) },
	{ name: 'carol', label: 'Carol', collateral: tokens(10), debt: tokens(5000) }
];

type Probe = { user: string; collateral: bigint; debt: bigint };
type Case = Probe & { price: bigint; daiPrice?: bigint };

/** Notes comparing each borrower's HF from the pool with the reference model at `price`. */
function healthNotes(
	s: ScenarioContext,
	m: Market,
	price: bigint
): { notes: string[]; hfs: number[] } {
	const notes: string[] = [];
	const hfs: number[] = [];
	for (const b of BORROWERS) {
		const yours = poolHealthFactor(s, m, b.name);
		const model = referenceHealthFactor(referencePosition(b.collateral, b.debt, price));
		hfs.push(hfNumber(yours));
		const check = yours === model ? '' : `; the reference model says ${showHf(model)}`;
		const warn = yours < 10n ** 18n ? ' (below 1: liquidatable)' : '';
		notes.push(`${b.label}: healthFactor = ${showHf(yours)}${warn}${check}`);
	}
	return { notes, hfs };
}

/**
 * Open every probe position in a fresh market, then compare the pool's healthFactor with the
 * reference model at each case's prices. Fails the check at the first difference.
 */
function compare(c: CheckContext<Market>, probes: Probe[], cases: Case[], hint: string): number {
	const s = c.fresh();
	const m = openMarket(s, START);
	for (const p of probes) forcePosition(s, m, p.user, p.collateral, p.debt, START);
	let compared = 0;
	for (const k of cases) {
		setPrice(s, m, m.weth, k.price);
		setPrice(s, m, m.dai, k.daiPrice ?? usd(1));
		const expected = referenceHealthFactor(
			referencePosition(k.collateral, k.debt, k.price, k.daiPrice ?? usd(1))
		);
		const got = poolHealthFactor(s, m, k.user);
		const dai = k.daiPrice ? ` and DAI = ${showUsd(k.daiPrice)}` : '';
		c.assert(
			got === expected,
			`${describePosition(k.collateral, k.debt, k.price)}${dai}: expected healthFactor ` +
				`${showHf(expected)}, your pool returned ${showHf(got)}.${hint}`
		);
		compared++;
	}
	return compared;
}

/** Every probe at every price. */
const grid = (probes: Probe[], prices: bigint[]): Case[] =>
	prices.flatMap((price) => probes.map((p) => ({ ...p, price })));

export default defineScenario({
	*run(s) {
		const m = openMarket(s, START);
		const points: PricePoint[] = [];
		const health: HealthBuckets[] = [];
		s.overview.prices = {
			symbol: 'ETH',
			synthetic: true,
			source: 'Illustrative prices (not market data): 2,000 USD, then falls of 10%, 20% and 30%',
			points
		};
		s.overview.health = health;
		s.trackBalances(
			BORROWERS.map((b) => b.name),
			[s.mapAsset(m.pool, 'collateral', 'WETH collateral'), s.mapAsset(m.pool, 'debt', 'DAI debt')]
		);
		points.push(pricePoint(s.step, s.time(), START));
		health.push(bucketHealth(s.step, s.time(), []));
		yield `The market opens at 1 ETH = ${showUsd(START)}`;

		for (const b of BORROWERS) {
			deposit(s, m, b.name, b.collateral);
			borrow(s, m, b.name, b.debt);
		}
		let view = healthNotes(s, m, START);
		points.push(pricePoint(s.step, s.time(), START));
		health.push(bucketHealth(s.step, s.time(), view.hfs));
		yield {
			label: 'Alice, Bob and Carol deposit WETH and borrow DAI',
			notes: [
				'Alice: 5 WETH, 6,000 DAI. Bob: 4 WETH, 6,300 DAI. Carol: 10 WETH, 5,000 DAI.',
				...view.notes
			]
		};

		for (const fall of FALLS) {
			setPrice(s, m, m.weth, fall.price);
			view = healthNotes(s, m, fall.price);
			points.push(pricePoint(s.step, s.time(), fall.price));
			health.push(bucketHealth(s.step, s.time(), view.hfs));
			yield {
				label: `Oracle update: ETH falls ${fall.label} to ${showUsd(fall.price)}`,
				notes: view.notes
			};
		}

		const alice = poolHealthFactor(s, m, 'alice');
		s.summary("Alice's health factor at 1,400 USD", showHf(alice));
		return m;
	},

	checks: [
		{
			id: 'hf-matches-model',
			title: 'healthFactor equals the reference model on several positions and prices',
			run(c: CheckContext<Market>) {
				const probes: Probe[] = [
					{ user: 'alice', collateral: tokens(5), debt: tokens(6000) },
					{ user: 'carol', collateral: tokens(10), debt: tokens(5000) },
					{ user: 'dave', collateral: tokens(1), debt: tokens(1660) }
				];
				const n = compare(
					c,
					probes,
					grid(probes, [usd(2000), usd(1800), usd(1400)]),
					' HF is collateral in USD × LIQUIDATION_THRESHOLD / debt in USD, as a WAD.'
				);
				return c.pass(`${n} positions match the reference model, from HF 3.32 down to 0.7.`);
			}
		},
		{
			id: 'hf-no-debt',
			title: 'A user with no debt has healthFactor MAX_UINT256',
			run(c: CheckContext<Market>) {
				const probes: Probe[] = [
					{ user: 'gina', collateral: tokens(2), debt: 0n },
					{ user: 'hank', collateral: 0n, debt: 0n },
					{ user: 'ivan', collateral: tokens(1), debt: 1n }
				];
				const n = compare(
					c,
					probes,
					grid(probes, [usd(2000)]),
					' With no debt in USD (1 wei of DAI rounds down to 0 USD), return MAX_UINT256 before dividing.'
				);
				return c.pass(`${n} positions without debt in USD get MAX_UINT256, 1 wei of DAI included.`);
			}
		},
		{
			id: 'hf-rounding',
			title: 'healthFactor rounds exactly as Aave does',
			run(c: CheckContext<Market>) {
				const probes: Probe[] = [
					{ user: 'alice', collateral: tokens(5), debt: tokens(6000) },
					{ user: 'bob', collateral: tokens(4), debt: tokens(6300) },
					{
						user: 'judy',
						collateral: 1_234_567_890_123_456_789n,
						debt: 777_123_456_789_012_345_678n
					},
					{ user: 'kim', collateral: tokens('0.07'), debt: 33_333_333_333_333_333_333n },
					{ user: 'leo', collateral: tokens('2.5'), debt: tokens(3210) }
				];
				const cases: Case[] = [
					{ ...probes[0], price: usd(1600) },
					{ ...probes[1], price: usd(1400) },
					{ ...probes[2], price: usd('2013.37') },
					{ ...probes[3], price: usd('3141.59265358'), daiPrice: usd('0.9995') },
					{ ...probes[4], price: usd('1765.43210987') }
				];
				const n = compare(
					c,
					probes,
					cases,
					' Round where Aave does: USD values down, percentMul half up, wadDiv half up.'
				);
				return c.pass(`${n} positions where rounding decides the last digits match to the wei.`);
			}
		}
	]
});
