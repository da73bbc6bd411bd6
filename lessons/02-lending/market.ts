/**
 * The lending track's market, shared by its scenarios: two built-in tokens (WETH and DAI, 18
 * decimals), the fixed Oracle (USD with 8 decimals), the learner's LendingPool, and helpers to
 * open positions, move prices and describe them against the Aave v3 reference model.
 *
 * Prices here are illustrative, not market data. Protocol parameters come from the reference
 * model's WETH_PARAMS (Aave v3 Ethereum WETH, 2024-2025 governance snapshots; see `WETH_PARAMS`).
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { WETH_PARAMS, MAX_UINT256, type Reserve } from '#lib/protocols/aave-v3.ts';
import { parseUnits } from '#lib/protocols/wad.ts';
import {
	formatHealthFactor,
	formatTokens,
	formatUsd8,
	healthFactorNumber
} from '#lib/model/units.ts';

/** Addresses of one market. */
export type Market = { oracle: string; weth: string; dai: string; pool: string };

/** Whole tokens (18 decimals) from decimal text: `tokens('1.5')` -> 1.5e18 wei. */
export const tokens = (amount: string | number): bigint => parseUnits(amount, 18);
/** An oracle price (USD, 8 decimals) from decimal text: `usd('2000')` -> 200000000000n. */
export const usd = (price: string | number): bigint => parseUnits(price, 8);

/** Token amount (wei) as text with at most `digits` decimals, e.g. `2.2392 WETH` (model/units.ts). */
export const showTokens = (amount: bigint, symbol: string, digits = 4): string =>
	formatTokens(amount, symbol, digits);

/** An oracle price (USD, 8 decimals) as `1,400 USD`. */
export const showUsd = (price: bigint): string => formatUsd8(price, { digits: 8, trim: true });

/** A WAD health factor as `0.9683 (968333333333333333 WAD)`, or `MAX_UINT256 (no debt)`. */
export function showHf(hf: bigint): string {
	if (hf === MAX_UINT256) return 'MAX_UINT256 (no debt)';
	return `${formatHealthFactor(hf, 4)} (${hf} WAD)`;
}

/** A WAD health factor as `0.9683`, or `MAX_UINT256` with no debt. */
export function shortHf(hf: bigint): string {
	return hf === MAX_UINT256 ? 'MAX_UINT256' : formatHealthFactor(hf, 4);
}

/** A health factor as a plain number for the views; no debt is Infinity. */
export const hfNumber = healthFactorNumber;

/**
 * Deploy the market: WETH and DAI, the Oracle (fed by `feeder`) with both prices, the learner's
 * LendingPool, and `liquidity` DAI supplied to the pool by `lender`.
 * @throws ScenarioError when a lesson contract does not compile or deploy
 */
export function openMarket(
	s: ScenarioContext,
	ethPrice: bigint,
	options: { daiPrice?: bigint; liquidity?: bigint } = {}
): Market {
	const supply = tokens(1_000_000_000);
	const weth = s.deployToken({ name: 'Wrapped Ether', symbol: 'WETH', from: 'deployer', supply });
	const dai = s.deployToken({ name: 'Dai Stablecoin', symbol: 'DAI', from: 'deployer', supply });
	const oracle = s.deploy('contracts/Oracle.ts', { from: 'feeder' });
	const pool = s.deploy('contracts/LendingPool.ts', {
		from: 'deployer',
		args: [oracle, weth, dai]
	});
	const market = { oracle, weth, dai, pool };
	setPrice(s, market, weth, ethPrice);
	setPrice(s, market, dai, options.daiPrice ?? usd(1));
	const liquidity = options.liquidity ?? tokens(1_000_000);
	give(s, dai, 'lender', liquidity);
	s.send({ from: 'lender', to: dai, method: 'transfer', args: [pool, liquidity] });
	return market;
}

/** The feeder sets an oracle price (USD, 8 decimals). Throws when the Oracle rejects it. */
export function setPrice(s: ScenarioContext, m: Market, asset: string, price: bigint): Receipt {
	const r = s.send({ from: 'feeder', to: m.oracle, method: 'setAssetPrice', args: [asset, price] });
	if (r.status !== 'success') throw new Error(`the oracle rejected a price: ${r.error?.message}`);
	return r;
}

/** The deployer hands `amount` of a built-in token to `to`. */
export function give(s: ScenarioContext, token: string, to: string, amount: bigint): void {
	const r = s.send({
		from: 'deployer',
		to: token,
		method: 'transfer',
		args: [s.address(to), amount]
	});
	if (r.status !== 'success') throw new Error(`could not fund ${to}: ${r.error?.message}`);
}

/** `user` approves the pool for `token`, without limit. */
export function approvePool(s: ScenarioContext, m: Market, user: string, token: string): void {
	s.send({ from: user, to: token, method: 'approve', args: [m.pool, MAX_UINT256] });
}

/**
 * `user` receives `collateral` WETH, approves the pool and deposits it.
 * @returns the deposit receipt
 */
export function deposit(s: ScenarioContext, m: Market, user: string, collateral: bigint): Receipt {
	give(s, m.weth, user, collateral);
	approvePool(s, m, user, m.weth);
	return s.send({ from: user, to: m.pool, method: 'deposit', args: [collateral] });
}

/** `user` calls the pool's borrow for `amount` DAI. */
export function borrow(s: ScenarioContext, m: Market, user: string, amount: bigint): Receipt {
	return s.send({ from: user, to: m.pool, method: 'borrow', args: [amount] });
}

/**
 * Open a position of `collateral` WETH and `debt` DAI whatever the current price: the ETH price is
 * raised for the borrow (so debts above today's LTV can exist) and then put back to `price`.
 * For checks; needs a working deposit and borrow (given in lessons 2 and 3).
 * @throws Error naming the step that failed
 */
export function forcePosition(
	s: ScenarioContext,
	m: Market,
	user: string,
	collateral: bigint,
	debt: bigint,
	price: bigint
): void {
	if (collateral > 0n) {
		const r = deposit(s, m, user, collateral);
		if (r.status !== 'success') throw new Error(`deposit failed for ${user}: ${r.error?.message}`);
	}
	if (debt > 0n) {
		setPrice(s, m, m.weth, usd(1_000_000_000));
		const r = borrow(s, m, user, debt);
		if (r.status !== 'success') {
			throw new Error(`the pool's borrow failed for ${user}: ${r.error?.message}`);
		}
	}
	setPrice(s, m, m.weth, price);
}

/** The pool's own record of a user's collateral and debt, read through the indexer (no gas). */
export function readPosition(s: ScenarioContext, m: Market, user: string) {
	const store = s.storage(m.pool);
	const read = (map: string) => toBigInt(store.get(map, s.address(user)));
	return { collateral: read('collateral'), debt: read('debt') };
}

/** The pool's `protocolFees` storage value (WETH wei), through the indexer. */
export function readProtocolFees(s: ScenarioContext, m: Market): bigint {
	return toBigInt(s.storage(m.pool).value('protocolFees'));
}

/** A built-in token balance (wei). */
export function tokenBalance(s: ScenarioContext, token: string, who: string): bigint {
	return toBigInt(s.view(token, 'balanceOf', [s.address(who)]));
}

/** The learner's `healthFactor(user)` (a WAD bigint). Throws a ScenarioError when it fails. */
export function poolHealthFactor(s: ScenarioContext, m: Market, user: string): bigint {
	const value = s.view(m.pool, 'healthFactor', [s.address(user)]);
	if (typeof value !== 'bigint') {
		throw new Error(`healthFactor returned ${String(value)}, not a bigint WAD`);
	}
	return value;
}

function toBigInt(value: unknown): bigint {
	if (value === undefined || value === null) return 0n;
	return typeof value === 'bigint' ? value : BigInt(value as number | string);
}

/**
 * A position as the reference model takes it: WETH collateral with Aave v3 Ethereum's WETH
 * parameters (2024-2025) and a DAI debt.
 */
export function referencePosition(
	collateral: bigint,
	debt: bigint,
	ethPrice: bigint,
	daiPrice = usd(1)
): Reserve[] {
	const { symbol, decimals, ltv, liquidationThreshold, liquidationBonus, liquidationProtocolFee } =
		WETH_PARAMS;
	return [
		{
			symbol,
			decimals,
			ltv,
			liquidationThreshold,
			liquidationBonus,
			liquidationProtocolFee,
			price: ethPrice,
			collateral,
			debt: 0n
		},
		{
			symbol: 'DAI',
			decimals: 18,
			price: daiPrice,
			collateral: 0n,
			debt,
			ltv: 0,
			liquidationThreshold: 0,
			liquidationBonus: 0,
			liquidationProtocolFee: 0
		}
	];
}

/** `5 WETH against 6,000 DAI at ETH = 1,400 USD`, for check messages. */
export function describePosition(collateral: bigint, debt: bigint, ethPrice: bigint): string {
	return `${showTokens(collateral, 'WETH', 18)} against ${showTokens(debt, 'DAI', 18)} at ETH = ${showUsd(ethPrice)}`;
}

/** Why a receipt failed, for check messages. */
export function whyFailed(r: Receipt): string {
	if (!r.error) return 'no reason given';
	const line = r.error.line ? ` (line ${r.error.line})` : '';
	return `${r.error.kind}: ${r.error.message}${line}`;
}
