// A leverage loop through the lending pool: deposit WETH, borrow 80% of the last deposit in DAI,
// swap it for WETH, deposit again, until the health factor would cross the target. Then ETH falls
// and the looped position is liquidated before Bob's plain loan on the same 10 WETH.
import { defineScenario, pricePoint, type CheckContext } from '#lib/scenario/index.ts';
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { LiquidationRecord, PricePoint } from '#lib/model/overview.ts';
import {
	LIMIT_HF,
	closedFormLeverage,
	dai,
	healthFactorOf,
	loopsOf,
	openLoop,
	openMarket,
	openPlain,
	poolHealthFactor,
	readPosition,
	referenceLoop,
	showHf,
	showUsd,
	tokens,
	usd,
	wad,
	weth,
	whyFailed,
	type Market
} from './loop-world.ts';
import { SHOCK, hireLiquidator, shockSteps, type ShockResult } from './shock.ts';

const START = usd(2000);
const CAPITAL = tokens(10);
const TARGET = wad('1.1');
const BOB_DEBT = tokens(12_000);
const LOOPED = 'Your loop';
const BOB = 'Bob';
/** rounding slack per loop: the pool's USD values have 8 decimals, so DAI moves in 1e10 wei steps */
const SLACK_PER_LOOP = 10n ** 10n;

const ratio = (collateral: bigint, capital: bigint) =>
	Number((collateral * 1_000_000n) / capital) / 1_000_000;
const times = (x: number) => `${x.toFixed(4)}x`;
const hfText = (target: bigint) => showHf(target);
const loopWord = (n: number) => `${n} loop${n === 1 ? '' : 's'}`;
const near = (a: bigint, b: bigint, slack: bigint) => (a > b ? a - b : b - a) <= slack;

type Case = { amount: bigint; price: bigint; target: bigint };

/** A fresh market at the case's price with the learner's loop opened. */
function openCase(c: CheckContext<Market>, k: Case) {
	const s = c.fresh();
	const m = openMarket(s, k.price);
	const receipt = openLoop(s, m, k.amount, k.target);
	const where = `open(${weth(k.amount)}, target ${hfText(k.target)}) at ETH = ${showUsd(k.price)}`;
	c.assert(receipt.status === 'success', `${where} reverted: ${whyFailed(receipt)}.`);
	const steps = referenceLoop(k.amount, k.target, k.price);
	const want = steps[steps.length - 1];
	const got = { ...readPosition(s, m, m.strategy), loops: loopsOf(s, m) };
	return { s, m, where, steps, want, got };
}

/** The shock run on a fresh market: Bob's plain loan, the learner's loop, the falling price. */
function shockRun(s: ScenarioContext) {
	const m = openMarket(s, START);
	hireLiquidator(s, m);
	openPlain(s, m, CAPITAL, BOB_DEBT);
	const open = openLoop(s, m, CAPITAL, TARGET);
	const out: ShockResult = { firstLiquidated: new Map(), records: [] };
	return { m, open, out };
}

export default defineScenario({
	*run(s) {
		const { m, open, out } = shockRun(s);
		s.trackBalances(
			[m.strategy, 'bob', 'liquidator'],
			[
				s.mapAsset(m.pool, 'collateral', 'WETH collateral'),
				s.mapAsset(m.pool, 'debt', 'DAI debt'),
				s.token(m.weth, 'WETH'),
				s.token(m.dai, 'DAI')
			]
		);
		const points: PricePoint[] = [];
		const liquidations: LiquidationRecord[] = out.records;
		s.overview.prices = {
			symbol: 'ETH',
			synthetic: true,
			source:
				'Illustrative prices (not market data): 2,000 USD, then 1,850, 1,700, 1,550 and 1,400 USD',
			points
		};
		s.overview.liquidations = liquidations;
		let price = START;
		const mark = () => points.push(pricePoint(s.step, s.time(), price));

		const opened = readPosition(s, m, m.strategy);
		mark();
		yield {
			label:
				'Bob deposits 10 WETH and borrows 12,000 DAI once; you open the loop with 10 WETH, target HF 1.10',
			notes: [
				`Bob: ${weth(CAPITAL)} against ${dai(BOB_DEBT)}, healthFactor ${showHf(poolHealthFactor(s, m, 'bob'))}.`,
				open.status === 'success'
					? `Your loop: ${loopWord(loopsOf(s, m))}, ${weth(readPosition(s, m, m.strategy).collateral)} ` +
						`against ${dai(readPosition(s, m, m.strategy).debt)}, healthFactor ${showHf(poolHealthFactor(s, m, m.strategy))}.`
					: `open() reverted: ${whyFailed(open)}.`
			]
		};

		for (const step of shockSteps(
			s,
			m,
			[
				{ label: LOOPED, user: m.strategy },
				{ label: BOB, user: 'bob' }
			],
			out
		)) {
			price = SHOCK[points.length - 1];
			mark();
			yield step;
		}

		const loops = loopsOf(s, m);
		const ref = referenceLoop(CAPITAL, TARGET, START);
		const first = (label: string) => {
			const p = out.firstLiquidated.get(label);
			return p === undefined ? 'not liquidated' : showUsd(p);
		};
		s.summary('Loops made', String(loops), { reference: String(ref.length - 1) });
		s.summary('Leverage after the loops', times(ratio(opened.collateral, CAPITAL)), {
			reference: times(ratio(ref[ref.length - 1].collateral, CAPITAL)),
			note: 'collateral over your 10 WETH, right after open()'
		});
		s.summary('Your loop first liquidated at', first(LOOPED));
		s.summary('Bob first liquidated at', first(BOB));
		return m;
	},

	checks: [
		{
			id: 'loop-closed-form',
			title: 'The loop count, collateral and debt match the reference loop and the closed form',
			run(c: CheckContext<Market>) {
				const cases: Case[] = [
					{ amount: CAPITAL, price: START, target: TARGET },
					{ amount: tokens('3.3'), price: usd('1555.55555555'), target: wad('1.25') },
					{ amount: tokens(7), price: START, target: wad('1.05') }
				];
				const done: string[] = [];
				for (const k of cases) {
					const { where, want, got } = openCase(c, k);
					const n = want.loop;
					const closed = closedFormLeverage(n);
					const expected =
						`expected ${loopWord(n)}, ${weth(want.collateral)} collateral ` +
						`(closed form ${weth(k.amount)} × (1 − 0.8^${n + 1}) / (1 − 0.8) = ${((closed * Number(k.amount)) / 1e18).toFixed(4)} WETH) ` +
						`and ${dai(want.debt)} debt`;
					c.assert(
						got.loops === n,
						`${where}: ${expected}; your strategy made ${loopWord(got.loops)} ` +
							`(${weth(got.collateral)} collateral, ${dai(got.debt)} debt).`
					);
					const slack = SLACK_PER_LOOP * BigInt(n + 1);
					c.assert(
						near(got.collateral, want.collateral, slack) && near(got.debt, want.debt, slack),
						`${where}: ${expected}; the pool holds ${weth(got.collateral)} collateral and ` +
							`${dai(got.debt)} debt. Each loop borrows percentMul(value of the last deposit, LTV) and deposits what it buys.`
					);
					const leverage = Number(got.collateral) / Number(k.amount);
					c.assert(
						Math.abs(leverage - closed) < 1e-9 * closed,
						`${where}: leverage ${times(leverage)}, the closed form gives ${times(closed)}.`
					);
					done.push(`${loopWord(n)} ${times(leverage)}, HF ${showHf(want.healthFactor)}`);
				}
				return c.pass(
					`${done.join('; ')}. The leverage climbs toward 1 / (1 − LTV) = 5x and the ` +
						`health factor falls toward LT / LTV = ${LIMIT_HF.toFixed(4)}.`
				);
			}
		},
		{
			id: 'stops-at-target',
			title: 'The loop never leaves HF below the target, and stops only when the next loop would',
			run(c: CheckContext<Market>) {
				// at the target exactly (6 loops allowed), one wei above it (5), and at a lower price
				const sixth = referenceLoop(CAPITAL, TARGET, START)[6].healthFactor;
				const cases: (Case & { name: string })[] = [
					{
						name: `the sixth loop's HF (${sixth} WAD)`,
						amount: CAPITAL,
						price: START,
						target: sixth
					},
					{
						name: `the sixth loop's HF + 1 wei (${sixth + 1n} WAD)`,
						amount: CAPITAL,
						price: START,
						target: sixth + 1n
					},
					{ name: '1.2', amount: tokens(5), price: usd(1300), target: wad('1.2') }
				];
				const done: string[] = [];
				for (const k of cases) {
					const { s, m, where, steps, want, got } = openCase(c, k);
					const hf = poolHealthFactor(s, m, m.strategy);
					c.assert(
						hf >= k.target,
						`${where}: after ${loopWord(got.loops)} the pool's healthFactor is ${showHf(hf)}, below the ` +
							`target ${hfText(k.target)}. Work out the HF the next loop would leave before you borrow, and stop if it is below.`
					);
					const next = got.loops < want.loop ? steps[got.loops + 1] : undefined;
					c.assert(
						got.loops >= want.loop,
						`${where}: you stopped after ${loopWord(got.loops)} (HF ${showHf(hf)}), but loop ` +
							`${got.loops + 1} leaves HF ${next ? showHf(next.healthFactor) : '?'}, still at or above the target: ` +
							'stop only when the next loop would go below it (equal is allowed).'
					);
					done.push(`target ${k.name}: ${loopWord(got.loops)}, HF ${showHf(hf)}`);
				}
				return c.pass(`${done.join('; ')}.`);
			}
		},
		{
			id: 'looped-liquidated-first',
			title: "A price shock liquidates the looped position before Bob's plain loan",
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const { m, open, out } = shockRun(s);
				c.assert(open.status === 'success', `open() reverted: ${whyFailed(open)}.`);
				for (const step of shockSteps(
					s,
					m,
					[
						{ label: LOOPED, user: m.strategy },
						{ label: BOB, user: 'bob' }
					],
					out
				))
					void step;
				const ref = referenceLoop(CAPITAL, TARGET, START);
				const last = ref[ref.length - 1];
				const expectedAt = SHOCK.find(
					(p) => healthFactorOf(last.collateral, last.debt, p) < 10n ** 18n
				);
				const loopAt = out.firstLiquidated.get(LOOPED);
				const bobAt = out.firstLiquidated.get(BOB);
				c.assert(
					loopAt !== undefined,
					`Your looped position was never liquidated as ETH fell to ${showUsd(SHOCK[SHOCK.length - 1])}: ` +
						`after ${loopWord(loopsOf(s, m))} it is not leveraged enough. The reference loop (${loopWord(last.loop)}, ` +
						`HF ${showHf(last.healthFactor)}) is liquidated at ${expectedAt ? showUsd(expectedAt) : '?'}.`
				);
				c.assert(
					loopAt === expectedAt,
					`Your looped position was first liquidated at ETH = ${showUsd(loopAt!)}; the reference loop ` +
						`(${loopWord(last.loop)}, HF ${showHf(last.healthFactor)} at 2,000 USD) is first liquidated at ${expectedAt ? showUsd(expectedAt) : '?'}.`
				);
				c.assert(
					bobAt === undefined || bobAt < loopAt!,
					`Bob was liquidated at ${showUsd(bobAt ?? 0n)}, no later than your loop (${showUsd(loopAt!)}).`
				);
				return c.pass(
					`Your loop was liquidated at ${showUsd(loopAt!)}, Bob ${bobAt === undefined ? 'never' : `at ${showUsd(bobAt)}`}: ` +
						`the same 10 WETH, ${times(ratio(last.collateral, CAPITAL))} the exposure.`
				);
			}
		}
	]
});
