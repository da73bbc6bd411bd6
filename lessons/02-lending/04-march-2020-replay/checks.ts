/**
 * The replay's checks. They judge what the run did: every liquidation against Aave v3.0's
 * liquidationCall (reference model) for the same position and price, the bad debt left after
 * 31 March against the reference replay's, and the pool's books against its token balances.
 */
import {
	LiquidationError,
	MAX_UINT256,
	liquidationCall,
	type LiquidationResult
} from '#lib/protocols/aave-v3.ts';
import type { Check, CheckContext } from '#lib/scenario/index.ts';
import { readProtocolFees, referencePosition, showHf, showTokens, showUsd } from '../market.ts';
import type { Attempt } from './bot.ts';
import { grouped, shortfallOf, showHour, showUsd8 } from './book.ts';
import type { ReplayResult } from './scenario.ts';

const dai = (wei: bigint) => showTokens(wei, 'DAI', 18);
const weth = (wei: bigint) => showTokens(wei, 'WETH', 18);

/** Aave v3.0's liquidationCall for the attempt's position, asking for the whole debt. */
function expectedOf(a: Attempt): LiquidationResult | LiquidationError {
	try {
		return liquidationCall(referencePosition(a.collateral, a.debt, a.price), {
			collateral: 'WETH',
			debt: 'DAI',
			debtToCover: MAX_UINT256,
			rules: 'v3.0'
		});
	} catch (error) {
		if (error instanceof LiquidationError) return error;
		throw error;
	}
}

/** What differs between an attempt and Aave v3.0, in words; [] when it matches. */
function differences(a: Attempt, want: LiquidationResult | LiquidationError): string[] {
	if (want instanceof LiquidationError) return [`Aave v3.0 would revert (${want.message})`];
	if (a.status !== 'success') {
		return [`it reverted (${a.error}); Aave v3.0 repays ${dai(want.debtRepaid)} there`];
	}
	const rows = [
		['debt repaid by the bot', want.debtRepaid, a.debtRepaid, dai],
		["the borrower's debt lowered by", want.debtRepaid, a.debtLowered, dai],
		['collateral seized', want.collateralSeized, a.collateralSeized, weth],
		['protocol fee kept by the pool', want.protocolFee, a.protocolFee, weth],
		['WETH the bot received', want.liquidatorReceives, a.liquidatorReceives, weth]
	] as const;
	// at most three, so the message stays readable (debt lowered repeats debt repaid when both differ)
	return rows
		.filter(([, expected, actual]) => expected !== actual)
		.slice(0, 3)
		.map(
			([what, expected, actual, show]) => `${what}: expected ${show(expected)}, got ${show(actual)}`
		);
}

const closeFactorText = (r: LiquidationResult) =>
	` Aave v3.0's close factor at this health factor is ${r.closeFactor === 10_000n ? '100% (HF <= 0.95)' : '50% (HF above 0.95)'}.`;

export const checks: Check<ReplayResult>[] = [
	{
		id: 'replay-matches-aave',
		title: "Every liquidation in the replay matches Aave v3.0's liquidationCall",
		run(c: CheckContext<ReplayResult>) {
			const { attempts, people } = c.result;
			c.assert(
				attempts.length > 0,
				'The liquidator bot sent no liquidationCall in the whole replay; expected hundreds, since ETH fell 57% in twelve days.'
			);
			let wrong = 0;
			let first = '';
			for (const a of attempts) {
				const want = expectedOf(a);
				const diff = differences(a, want);
				if (diff.length === 0) continue;
				wrong++;
				if (first) continue;
				first =
					`${people[a.borrower].name} at ${showHour(a.time)}, ${showTokens(a.collateral, 'WETH', 4)} against ` +
					`${showTokens(a.debt, 'DAI', 2)} at ETH = ${showUsd(a.price)} ` +
					`(HF ${showHf(a.healthFactor)}), debtToCover = MAX_UINT256: ${diff.join('; ')}.` +
					(want instanceof LiquidationError ? '' : closeFactorText(want));
			}
			c.assert(
				wrong === 0,
				`${grouped(wrong)} of ${grouped(attempts.length)} liquidations differ from Aave v3.0. The first: ${first}`
			);
			return c.pass(
				`All ${grouped(attempts.length)} liquidations match Aave v3.0's liquidationCall to the wei.`
			);
		}
	},
	{
		id: 'bad-debt-within-aave',
		title: "Bad debt after the replay is at most what Aave v3.0's rules leave",
		run(c: CheckContext<ReplayResult>) {
			const { market, people, reference, finalPrice } = c.result;
			const pool = c.final.storage(market.pool);
			let badDebt = 0n;
			let underwater = 0;
			for (const p of people) {
				const gap = shortfallOf(
					BigInt((pool.get('collateral', p.address) as bigint | undefined) ?? 0n),
					BigInt((pool.get('debt', p.address) as bigint | undefined) ?? 0n),
					finalPrice
				);
				if (gap > 0n) underwater++;
				badDebt += gap;
			}
			const at = `at ETH = ${showUsd(finalPrice)} (31 March, 23:00 UTC)`;
			c.assert(
				badDebt <= reference.badDebt,
				`After the replay your pool holds ${showUsd8(badDebt)} of bad debt (${underwater} borrowers owe more ` +
					`than their collateral is worth ${at}); Aave v3.0's rules leave ${showUsd8(reference.badDebt)} ` +
					'over the same path. Loans that stay half-liquidated while the price keeps falling end underwater.'
			);
			return c.pass(
				`Bad debt ${showUsd8(badDebt)} ${at}; Aave v3.0's rules leave ${showUsd8(reference.badDebt)}.`
			);
		}
	},
	{
		id: 'books-balance',
		title: "The pool's books match its token balances",
		run(c: CheckContext<ReplayResult>) {
			const { market, people, liquidity } = c.result;
			const s = c.final;
			const pool = s.storage(market.pool);
			const balance = (token: string) =>
				BigInt((s.storage(token).get('balances', market.pool) as bigint | undefined) ?? 0n);
			let collateral = 0n;
			let debt = 0n;
			for (const p of people) {
				collateral += BigInt((pool.get('collateral', p.address) as bigint | undefined) ?? 0n);
				debt += BigInt((pool.get('debt', p.address) as bigint | undefined) ?? 0n);
			}
			const fees = readProtocolFees(s, market);
			const wethHeld = balance(market.weth);
			c.assert(
				wethHeld === collateral + fees,
				`The pool holds ${weth(wethHeld)}, but its books say ${weth(collateral)} of collateral plus ` +
					`${weth(fees)} of protocol fees = ${weth(collateral + fees)}. Every WETH a liquidation takes ` +
					"from a borrower's collateral goes either to the liquidator or to protocolFees."
			);
			const daiHeld = balance(market.dai);
			const expectedDai = liquidity - debt;
			c.assert(
				daiHeld === expectedDai,
				`The pool holds ${dai(daiHeld)}; with ${dai(liquidity)} supplied and ${dai(debt)} still owed it ` +
					`should hold ${dai(expectedDai)}. Lower the borrower's debt by exactly the DAI the liquidator pays.`
			);
			const short = (wei: bigint, symbol: string) => showTokens(wei, symbol, 4);
			return c.pass(
				`${short(wethHeld, 'WETH')} = collateral + protocol fees; ${short(daiHeld, 'DAI')} = ` +
					`${short(liquidity, 'DAI')} supplied minus ${short(debt, 'DAI')} still owed.`
			);
		}
	}
];
