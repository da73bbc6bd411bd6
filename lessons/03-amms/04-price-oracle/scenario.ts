// A lending pool priced by a Uniswap v2 pair's spot reserves, drained in one flash-swap-funded
// transaction; the learner's TWAP oracle (ExampleOracleSimple) makes the same attack cost money.
// Reserves and prices are illustrative (synthetic), not market data.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import { traceAmm } from '#lib/scenario/amm-trace.ts';
import { traceTwap } from '#lib/scenario/twap-trace.ts';
import {
	DAY,
	FLASH,
	attack,
	balanceOf,
	consult,
	dai,
	depositAndBorrow,
	openMarket,
	referenceConsult,
	spotPrice,
	tokens,
	trade,
	updateAt,
	warpTo,
	weth,
	wethIs0,
	whyFailed,
	type AttackResult,
	type Market
} from './market.ts';

const HOUR = 3_600;
const UNIT = tokens(1);

/** Day 1 on the thin pair: three honest trades at 6 h, 14 h and 20 h after its first mint. */
function dayOne(s: ScenarioContext, m: Market): string[] {
	const notes: string[] = [];
	const at = (t: number) => warpTo(s, m.t0 + t);
	at(6 * HOUR);
	const a = trade(s, m, 'tina', m.dai, tokens(20_000));
	notes.push(`6 h: Tina buys ${weth(a.amountOut)} for ${dai(a.amountIn)}.`);
	at(14 * HOUR);
	const b = trade(s, m, 'tom', m.weth, tokens(8));
	notes.push(`14 h: Tom sells ${weth(b.amountIn)} for ${dai(b.amountOut)}.`);
	at(20 * HOUR);
	const c = trade(s, m, 'tina', m.dai, tokens(5_000));
	notes.push(`20 h: Tina buys ${weth(c.amountOut)} for ${dai(c.amountIn)}.`);
	notes.push(`Spot price now: ${dai(spotPrice(s, m))} per WETH.`);
	return notes;
}

/** The price the learner's oracle gives the pool for 1 WETH, or null when consult fails. */
function poolPrice(s: ScenarioContext, m: Market): bigint | null {
	const v = consult(s, m, m.weth, UNIT);
	return typeof v === 'bigint' ? v : null;
}

/** The reference TWAP of 1 WETH, null before its first update. */
function referencePrice(m: Market): bigint | null {
	return m.ref.oracle.price0Average === 0n ? null : referenceConsult(m, m.weth, UNIT);
}

/** The whole story on a fresh market: day 1, the keeper's update, Alice, the attack. */
function story(s: ScenarioContext) {
	const m = openMarket(s);
	const trades = dayOne(s, m);
	const update = updateAt(s, m, m.t0 + DAY);
	const alice = depositAndBorrow(s, m, 'alice', tokens(10), tokens(15_000));
	warpTo(s, m.t0 + 30 * HOUR);
	const hit = attack(s, m);
	return { m, trades, update, alice, hit };
}

function describeAttack(hit: AttackResult): string[] {
	const notes: string[] = [];
	if (hit.spotInTx !== null && hit.poolPriceInTx !== null) {
		notes.push(
			`Inside the transaction, ${dai(FLASH)} dumped into the pair buys ${weth(hit.wethBought)}; spot ${dai(hit.spotInTx)} per WETH; the pool prices WETH at ${dai(hit.poolPriceInTx)}.`
		);
	}
	if (hit.outcome === 'borrowed')
		notes.push(`Mallory's contract borrowed ${dai(hit.borrowed)} against the WETH it just bought.`);
	if (hit.outcome === 'unwound')
		notes.push(
			'The loan would not cover the flash swap: the attacker sold the WETH back and paid the fees.'
		);
	if (hit.outcome === 'reverted') notes.push(`The attack reverted: ${whyFailed(hit.receipt)}.`);
	notes.push(`Attacker's profit: ${dai(hit.profit)}.`);
	return notes;
}

export default defineScenario({
	*run(s) {
		const m = openMarket(s);
		s.trackBalances(
			['alice', 'bob', 'mallory'],
			[
				s.token(m.weth, 'WETH'),
				s.token(m.dai, 'DAI'),
				s.mapAsset(m.pool, 'collateral', 'WETH collateral'),
				s.mapAsset(m.pool, 'debt', 'DAI debt')
			]
		);
		traceAmm(s, { pair: m.pair, symbols: wethIs0(m) ? ['WETH', 'DAI'] : ['DAI', 'WETH'] });
		const trace = traceTwap(s, {
			base: 'WETH',
			quote: 'DAI',
			windowSeconds: DAY,
			note: 'Synthetic reserves: a thin pair of 500 WETH and 1,000,000 DAI; the TWAP is the reference ExampleOracleSimple on the same pair',
			spot: (s) => spotPrice(s, m),
			twap: () => referencePrice(m),
			poolPrice: (s) => poolPrice(s, m)
		});
		trace.sample('The market opens');
		yield {
			label:
				'The market opens: a thin WETH/DAI pair at 2,000 DAI per WETH, a lending pool with 1,500,000 DAI',
			notes: [
				`The pool's oracle reads the WETH/DAI pair; its first observation is at second ${m.t0}.`
			]
		};

		const trades = dayOne(s, m);
		trace.sample('Day 1: traders swap');
		yield { label: 'Day 1: three honest trades move the price a little', notes: trades };

		const up = updateAt(s, m, m.t0 + DAY);
		trace.sample('Keeper: update() at 24 h');
		yield {
			label: "The keeper calls the oracle's update() exactly 24 hours after the first observation",
			notes: [
				up.receipt.status === 'success'
					? 'update() succeeded.'
					: `update() reverted: ${whyFailed(up.receipt)}.`,
				`The reference 24 h average: ${dai(referenceConsult(m, m.weth, UNIT))} per WETH.`
			]
		};

		const alice = depositAndBorrow(s, m, 'alice', tokens(10), tokens(15_000));
		const price = poolPrice(s, m);
		trace.sample('Alice borrows');
		yield {
			label: 'Alice deposits 10 WETH and borrows 15,000 DAI',
			notes: [
				alice.status === 'success'
					? 'Her borrow succeeded.'
					: `Her borrow reverted: ${whyFailed(alice)}.`,
				`The pool prices WETH at ${price === null ? 'nothing (consult failed)' : dai(price)}.`
			]
		};

		warpTo(s, m.t0 + 30 * HOUR);
		const hit = attack(s, m);
		if (hit.spotInTx !== null && hit.poolPriceInTx !== null) {
			trace.attack({
				spot: hit.spotInTx,
				poolPrice: hit.poolPriceInTx,
				profit: hit.profit,
				outcome: hit.outcome
			});
		} else {
			trace.attack({
				spot: spotPrice(s, m),
				poolPrice: price ?? 0n,
				profit: hit.profit,
				outcome: hit.outcome
			});
		}
		trace.sample('The attack');
		yield {
			label: "Mallory's one-transaction attack, funded by a flash swap",
			notes: describeAttack(hit)
		};

		const bob = depositAndBorrow(s, m, 'bob', tokens(5), tokens(7_000));
		const left = balanceOf(s, m.dai, m.pool);
		trace.sample('Bob borrows');
		yield {
			label: 'Bob deposits 5 WETH and borrows 7,000 DAI',
			notes: [
				bob.status === 'success'
					? 'His borrow succeeded.'
					: `His borrow reverted: ${whyFailed(bob)}.`,
				`DAI left in the pool: ${dai(left)}.`
			]
		};

		s.summary("Attacker's profit", dai(hit.profit), { reference: 'at most 0 DAI with a TWAP' });
		s.summary(
			'Price the pool used in the attack',
			hit.poolPriceInTx === null ? '-' : `${dai(hit.poolPriceInTx)} per WETH`,
			{
				reference: `${dai(referenceConsult(m, m.weth, UNIT))} per WETH (24 h TWAP)`
			}
		);
		s.summary('DAI left in the pool', dai(left));
		s.summary("Bob's borrow", bob.status === 'success' ? 'succeeded' : 'reverted');
		return m;
	},

	checks: [
		{
			id: 'twap-matches-model',
			title:
				'update() stores the 24 h average price and consult() prices with it, as ExampleOracleSimple does',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const m = openMarket(s);
				const seen: string[] = [];
				const compare = (when: string) => {
					for (const [token, amount, name] of [
						[m.weth, UNIT, 'WETH'],
						[m.weth, tokens('12.345678'), 'WETH'],
						[m.dai, tokens(1_000), 'DAI']
					] as const) {
						const got = consult(s, m, token, amount);
						const want = referenceConsult(m, token, amount);
						const show = name === 'WETH' ? dai : weth;
						const asked = `consult(${name}, ${name === 'WETH' ? weth(amount) : dai(amount)})`;
						c.assert(typeof got === 'bigint', `${when}, ${asked} failed: ${String(got)}.`);
						c.assert(
							got === want,
							`${when}, ${asked} returned ${show(got as bigint)} (${String(got)} wei); the 24 h average gives ${show(want)} (${want} wei). ` +
								`The spot price is ${dai(spotPrice(s, m))} per WETH.`
						);
					}
					seen.push(`${when}: ${dai(referenceConsult(m, m.weth, UNIT))} per WETH`);
				};
				const at = (t: number) => warpTo(s, m.t0 + t);
				at(HOUR);
				trade(s, m, 'tina', m.dai, tokens(10_000));
				at(40_000);
				trade(s, m, 'tom', m.weth, tokens(5));
				at(70_000);
				trade(s, m, 'tina', m.dai, tokens(100_000));
				const first = updateAt(s, m, m.t0 + DAY);
				c.assert(
					first.receipt.status === 'success',
					`update() exactly 24 h after the pair's first observation reverted: ${whyFailed(first.receipt)}.`
				);
				compare(
					'After update() at 24 h (the pair last traded hours before: the counterfactual accrual counts)'
				);
				at(DAY + 600);
				trade(s, m, 'tom', m.weth, tokens(30));
				const second = updateAt(s, m, m.t0 + 2 * DAY + 5_000);
				c.assert(
					second.receipt.status === 'success',
					`update() 24 h 5,000 s after the first update reverted: ${whyFailed(second.receipt)}.`
				);
				compare('After the second update() (a window of 91,400 s)');
				return c.pass(`Your TWAP equals the reference to the wei: ${seen.join('; ')}.`);
			}
		},
		{
			id: 'period-not-elapsed',
			title:
				"update() reverts 'PERIOD_NOT_ELAPSED' until 24 hours have passed, and succeeds at exactly 24 hours",
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const m = openMarket(s);
				for (const [start, name] of [
					[m.t0, "the pair's first observation"],
					[m.t0 + DAY, 'the first update']
				] as const) {
					const early = updateAt(s, m, start + DAY - 1);
					c.assert(
						early.receipt.status === 'reverted',
						`update() 23 h 59 min 59 s after ${name} succeeded; it must revert 'ExampleOracleSimple: PERIOD_NOT_ELAPSED'.`
					);
					c.assert(
						whyFailed(early.receipt).includes('PERIOD_NOT_ELAPSED'),
						`update() 1 s before the 24 h were up reverted, but with '${whyFailed(early.receipt)}' instead of 'ExampleOracleSimple: PERIOD_NOT_ELAPSED'.`
					);
					const onTime = updateAt(s, m, start + DAY);
					c.assert(
						onTime.receipt.status === 'success',
						`update() exactly 24 h after ${name} reverted (${whyFailed(onTime.receipt)}); 86,400 s is a full period.`
					);
				}
				return c.pass(
					'update() refused at 86,399 s and accepted at exactly 86,400 s, twice in a row.'
				);
			}
		},
		{
			id: 'attack-stops-paying',
			title: 'The flash-swap attack no longer pays: the attacker ends with no profit',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const { m, hit } = story(s);
				c.assert(
					hit.profit <= 0n,
					`The attacker netted ${dai(hit.profit)} in one transaction: inside it the pool priced WETH at ${hit.poolPriceInTx === null ? '?' : dai(hit.poolPriceInTx)}, ` +
						`the spot price after the dump, while the 24 h average was ${dai(referenceConsult(m, m.weth, UNIT))}.`
				);
				return c.pass(
					hit.outcome === 'reverted'
						? `The attack reverted (${whyFailed(hit.receipt)}): no profit.`
						: `The pool priced WETH at ${hit.poolPriceInTx === null ? '?' : dai(hit.poolPriceInTx)} inside the attack; the attacker ${hit.outcome === 'unwound' ? 'unwound' : 'borrowed'} and ended with ${dai(hit.profit)}.`
				);
			}
		},
		{
			id: 'honest-borrowers',
			title: 'Honest borrowers still borrow at a fair price, before and after the attack',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const { m, alice } = story(s);
				const fair = referenceConsult(m, m.weth, tokens(10));
				c.assert(
					alice.status === 'success',
					`Alice's 15,000 DAI against 10 WETH (worth ${dai(fair)} at the 24 h average) reverted: ${whyFailed(alice)}.`
				);
				const greedy = depositAndBorrow(
					s,
					m,
					'carol',
					tokens(10),
					(fair * 8050n) / 10000n + tokens(100)
				);
				c.assert(
					greedy.status === 'reverted',
					`Carol borrowed 100 DAI more than 80.5% of her 10 WETH at the 24 h average (${dai(fair)}); the pool should refuse it.`
				);
				const bob = depositAndBorrow(s, m, 'bob', tokens(5), tokens(7_000));
				c.assert(
					bob.status === 'success',
					`After the attack, Bob's 7,000 DAI against 5 WETH reverted (${whyFailed(bob)}); the pool has ${dai(balanceOf(s, m.dai, m.pool))} left.`
				);
				return c.pass(
					`Alice borrowed 15,000 DAI and Bob 7,000 DAI at the 24 h average of ${dai(referenceConsult(m, m.weth, UNIT))} per WETH; Carol's over-limit borrow was refused.`
				);
			}
		}
	]
});
