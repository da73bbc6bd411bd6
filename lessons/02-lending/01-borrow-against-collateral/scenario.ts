// Alice deposits 5 WETH at an illustrative 2,000 USD, borrows 6,000 DAI, then asks for 3,000 more.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import { maxBorrow } from '#lib/protocols/aave-v3.ts';
import {
	borrow,
	deposit,
	openMarket,
	readPosition,
	referencePosition,
	showTokens,
	showUsd,
	tokenBalance,
	tokens,
	usd,
	whyFailed,
	type Market
} from '../market.ts';

const ETH_PRICE = usd(2000);
const COLLATERAL = tokens(5);
const dai = (amount: bigint) => showTokens(amount, 'DAI', 18);

/** The most DAI a fresh deposit of `collateral` may borrow, by the reference model (DAI = 1 USD). */
function limitInDai(collateral: bigint, ethPrice: bigint): bigint {
	const base = maxBorrow(referencePosition(collateral, 0n, ethPrice));
	return base * 10n ** 10n; // USD with 8 decimals -> DAI wei at 1 USD
}

/** A fresh market where `user` has deposited 5 WETH at 2,000 USD. */
function freshPosition(s: ScenarioContext, user: string): Market {
	const m = openMarket(s, ETH_PRICE);
	const r = deposit(s, m, user, COLLATERAL);
	if (r.status !== 'success') throw new Error(`the deposit of 5 WETH failed: ${whyFailed(r)}`);
	return m;
}

export default defineScenario({
	*run(s) {
		const m = openMarket(s, ETH_PRICE);
		s.trackBalances(
			['alice'],
			[
				s.token(m.weth, 'WETH'),
				s.token(m.dai, 'DAI'),
				s.mapAsset(m.pool, 'collateral', 'WETH collateral'),
				s.mapAsset(m.pool, 'debt', 'DAI debt')
			]
		);
		s.note(`Oracle: 1 ETH = ${showUsd(ETH_PRICE)} (illustrative), 1 DAI = 1 USD.`);
		yield 'The market opens: WETH, DAI, the Oracle and your LendingPool, with 1,000,000 DAI to lend';

		deposit(s, m, 'alice', COLLATERAL);
		s.note(
			`Alice's collateral is worth ${showUsd(usd(10_000))}; at LTV 80.5% she may owe up to 8,050 DAI.`
		);
		yield 'Alice deposits 5 WETH';

		const first = borrow(s, m, 'alice', tokens(6000));
		s.note(`borrow(6,000 DAI): ${first.status}${first.error ? ` (${first.error.message})` : ''}`);
		yield 'Alice borrows 6,000 DAI';

		const second = borrow(s, m, 'alice', tokens(3000));
		s.note(
			`borrow(3,000 DAI): ${second.status}${second.error ? ` (${second.error.message})` : ''}`
		);
		const held = tokenBalance(s, m.dai, 'alice');
		s.note(`Alice holds ${dai(held)} and owes ${dai(readPosition(s, m, 'alice').debt)}.`);
		yield 'Alice asks for 3,000 DAI more';

		s.summary('Alice: DAI held', dai(held));
		s.summary('Borrow limit (LTV 80.5% of 10,000 USD)', '8,050 DAI');
		return m;
	},

	checks: [
		{
			id: 'borrow-within-ltv',
			title: 'Borrows within the LTV limit succeed and record the debt',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const m = freshPosition(s, 'dana');
				const limit = limitInDai(COLLATERAL, ETH_PRICE);
				const steps = [tokens(6000), limit - tokens(6000)];
				let owed = 0n;
				for (const amount of steps) {
					const r = borrow(s, m, 'dana', amount);
					owed += amount;
					c.assert(
						r.status === 'success',
						`Dana deposited 5 WETH (10,000 USD) and borrowed ${dai(amount)}, bringing her debt to ` +
							`${dai(owed)}. That is within LTV 80.5% (limit ${dai(limit)}), so it should succeed; ` +
							`it reverted (${whyFailed(r)}).`
					);
					const debt = readPosition(s, m, 'dana').debt;
					c.assert(
						debt === owed,
						`After borrowing ${dai(owed)} in total, the pool records Dana's debt as ${dai(debt)}; ` +
							`expected ${dai(owed)}. ` +
							(debt === 0n
								? 'Record the new debt in this.debt.'
								: 'Add each borrow to the debt already owed.')
					);
				}
				return c.pass(
					`Dana borrowed 6,000 DAI, then 2,050 DAI more: her debt is exactly the limit, ${dai(limit)}.`
				);
			}
		},
		{
			id: 'borrow-above-ltv-reverts',
			title: 'A borrow that would pass the LTV limit reverts with a reason',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const m = freshPosition(s, 'erin');
				const limit = limitInDai(COLLATERAL, ETH_PRICE);
				const over = limit + tokens('0.01');
				const tooMuch = borrow(s, m, 'erin', over);
				c.assert(
					tooMuch.status === 'reverted',
					`Erin has 5 WETH (10,000 USD) of collateral and borrowed ${dai(over)}, above the limit of ` +
						`${dai(limit)}. Expected a revert; the borrow succeeded.`
				);
				c.assert(
					tooMuch.error?.kind === 'revert' && tooMuch.error.message.trim() !== '',
					`The borrow above the limit failed with ${whyFailed(tooMuch)}; expected a revert from ` +
						'require(condition, reason) with a reason the borrower can read.'
				);
				const fine = borrow(s, m, 'erin', tokens(6000));
				c.assert(
					fine.status === 'success',
					`Erin then borrowed 6,000 DAI, within the limit; it reverted (${whyFailed(fine)}).`
				);
				const heldBefore = tokenBalance(s, m.dai, 'erin');
				const more = borrow(s, m, 'erin', tokens(3000));
				c.assert(
					more.status === 'reverted',
					'Erin owes 6,000 DAI and asked for 3,000 DAI more: 9,000 DAI passes the 8,050 DAI limit. ' +
						'Expected a revert; it succeeded. Compare the whole new debt, old debt plus amount, with the limit.'
				);
				const after = readPosition(s, m, 'erin').debt;
				const heldAfter = tokenBalance(s, m.dai, 'erin');
				c.assert(
					after === tokens(6000) && heldAfter === heldBefore,
					`After the reverted borrow Erin should still owe 6,000 DAI and hold ${dai(heldBefore)}; ` +
						`she owes ${dai(after)} and holds ${dai(heldAfter)}.`
				);
				return c.pass(`Both borrows past the limit reverted: "${more.error?.message}".`);
			}
		},
		{
			id: 'borrow-transfers-dai',
			title: 'A borrow sends exactly the amount of DAI from the pool to the borrower',
			run(c: CheckContext<Market>) {
				const s = c.fresh();
				const m = freshPosition(s, 'frank');
				const amount = tokens('1234.5');
				const userBefore = tokenBalance(s, m.dai, 'frank');
				const poolBefore = tokenBalance(s, m.dai, m.pool);
				const r = borrow(s, m, 'frank', amount);
				c.assert(
					r.status === 'success',
					`Frank borrowed ${dai(amount)} against 10,000 USD of WETH; it reverted (${whyFailed(r)}).`
				);
				const gained = tokenBalance(s, m.dai, 'frank') - userBefore;
				const paid = poolBefore - tokenBalance(s, m.dai, m.pool);
				c.assert(
					gained === amount && paid === amount,
					`Frank borrowed ${dai(amount)}: expected the pool to send him exactly that. ` +
						`He received ${dai(gained)}; the pool's DAI went down by ${dai(paid)}.`
				);
				return c.pass(`Frank received ${dai(amount)} and the pool holds that much less.`);
			}
		}
	]
});
