/**
 * The leverage-loop lesson's world and its reference model. The market is the lending track's
 * (WETH collateral, DAI debt, the fixed Oracle in USD with 8 decimals) with LTV 80%; a SwapDesk
 * sells WETH at the oracle price; the learner's LoopStrategy holds a looped position; Bob holds a
 * plain one. `referenceLoop` runs the same integer math as the pool and the desk (Aave v3
 * PercentageMath percentMul and WadRayMath wadDiv, both rounding half up), loop by loop.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { MAX_UINT256, percentDiv, percentMul, wadDiv } from '#lib/protocols/wad.ts';
import { formatHealthFactor, formatTokens, formatUsd8, parseUnits } from '#lib/model/units.ts';

/** Pool parameters (LendingPool.ts): percentages with 10000 = 100%. */
export const LTV = 8000n;
export const LIQUIDATION_THRESHOLD = 8300n;
export const LIQUIDATION_BONUS = 10500n;
export const MAX_LOOPS = 25;
const UNIT = 10n ** 18n;

export const tokens = (amount: string | number): bigint => parseUnits(amount, 18);
export const usd = (price: string | number): bigint => parseUnits(price, 8);
export const wad = (value: string | number): bigint => parseUnits(value, 18);
export const weth = (wei: bigint) => formatTokens(wei, 'WETH', 4);
export const dai = (wei: bigint) => formatTokens(wei, 'DAI', 2);
export const showUsd = (price: bigint) => formatUsd8(price, { digits: 8, trim: true });
export const showHf = (hf: bigint) => (hf === MAX_UINT256 ? 'no debt' : formatHealthFactor(hf, 4));

export type Market = {
	oracle: string;
	weth: string;
	dai: string;
	pool: string;
	desk: string;
	strategy: string;
};

/** One loop of the reference: the position after it. */
export type LoopStep = { loop: number; collateral: bigint; debt: bigint; healthFactor: bigint };

/** The pool's health factor (WAD) of `collateral` WETH against `debt` DAI; MAX_UINT256 without debt. */
export function healthFactorOf(
	collateral: bigint,
	debt: bigint,
	ethPrice: bigint,
	daiPrice = usd(1)
): bigint {
	const debtUsd = (debt * daiPrice) / UNIT;
	if (debtUsd === 0n) return MAX_UINT256;
	return wadDiv(percentMul((collateral * ethPrice) / UNIT, LIQUIDATION_THRESHOLD), debtUsd);
}

/**
 * The loop as the pool and desk compute it: deposit `amount` WETH (wei); each loop borrows
 * percentMul(USD value of the last deposit, LTV) in DAI, buys WETH at the oracle price (rounded
 * down) and deposits it; stop before a loop whose health factor would be below `target` (WAD),
 * or after MAX_LOOPS. Returns every step, loop 0 (the deposit) first.
 */
export function referenceLoop(
	amount: bigint,
	target: bigint,
	ethPrice: bigint,
	daiPrice = usd(1)
): LoopStep[] {
	const steps: LoopStep[] = [{ loop: 0, collateral: amount, debt: 0n, healthFactor: MAX_UINT256 }];
	let last = amount;
	for (let loop = 1; loop <= MAX_LOOPS; loop++) {
		const prev = steps[steps.length - 1];
		const borrow = (percentMul((last * ethPrice) / UNIT, LTV) * UNIT) / daiPrice;
		const bought = (borrow * daiPrice) / ethPrice;
		const collateral = prev.collateral + bought;
		const debt = prev.debt + borrow;
		const healthFactor = healthFactorOf(collateral, debt, ethPrice, daiPrice);
		if (healthFactor < target) break;
		steps.push({ loop, collateral, debt, healthFactor });
		last = bought;
	}
	return steps;
}

/** The closed form of the collateral after n loops, in units of the first deposit: (1 - LTV^(n+1)) / (1 - LTV). */
export function closedFormLeverage(loops: number, ltv = Number(LTV) / 10_000): number {
	return (1 - ltv ** (loops + 1)) / (1 - ltv);
}

/** The limit of the health factor as loops go on: LT / LTV (1.0375 at 83% / 80%). */
export const LIMIT_HF = Number(LIQUIDATION_THRESHOLD) / Number(LTV);

/** Why a receipt failed, for messages. */
export function whyFailed(r: Receipt): string {
	if (!r.error) return 'no reason given';
	const line = r.error.line ? ` (line ${r.error.line})` : '';
	return `${r.error.kind}: ${r.error.message}${line}`;
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

/** The feeder sets an oracle price (USD, 8 decimals). */
export function setPrice(s: ScenarioContext, m: Market, asset: string, price: bigint): void {
	const r = s.send({ from: 'feeder', to: m.oracle, method: 'setAssetPrice', args: [asset, price] });
	if (r.status !== 'success') throw new Error(`the oracle rejected a price: ${r.error?.message}`);
}

/**
 * Deploy the market at `ethPrice`: tokens, Oracle, LendingPool with 1,000,000 DAI, a SwapDesk
 * with 10,000 WETH, and the learner's LoopStrategy owned by `you`.
 * @throws ScenarioError when a lesson contract does not compile or deploy
 */
export function openMarket(s: ScenarioContext, ethPrice: bigint): Market {
	const supply = tokens(1_000_000_000);
	const wethToken = s.deployToken({
		name: 'Wrapped Ether',
		symbol: 'WETH',
		from: 'deployer',
		supply
	});
	const daiToken = s.deployToken({
		name: 'Dai Stablecoin',
		symbol: 'DAI',
		from: 'deployer',
		supply
	});
	const oracle = s.deploy('contracts/Oracle.ts', { from: 'feeder' });
	const pool = s.deploy('contracts/LendingPool.ts', {
		from: 'deployer',
		args: [oracle, wethToken, daiToken]
	});
	const desk = s.deploy('contracts/SwapDesk.ts', {
		from: 'deployer',
		args: [oracle, wethToken, daiToken]
	});
	const strategy = s.deploy('contracts/LoopStrategy.ts', {
		from: 'you',
		args: [pool, oracle, wethToken, daiToken, desk]
	});
	const m = { oracle, weth: wethToken, dai: daiToken, pool, desk, strategy };
	setPrice(s, m, wethToken, ethPrice);
	setPrice(s, m, daiToken, usd(1));
	give(s, daiToken, pool, tokens(1_000_000));
	give(s, wethToken, desk, tokens(10_000));
	return m;
}

/** `you` send `amount` WETH to the strategy's open() with `target` (WAD). */
export function openLoop(s: ScenarioContext, m: Market, amount: bigint, target: bigint): Receipt {
	give(s, m.weth, 'you', amount);
	s.send({ from: 'you', to: m.weth, method: 'approve', args: [m.strategy, MAX_UINT256] });
	return s.send({ from: 'you', to: m.strategy, method: 'open', args: [amount, target] });
}

/** Bob deposits `collateral` WETH and borrows `debt` DAI once. */
export function openPlain(s: ScenarioContext, m: Market, collateral: bigint, debt: bigint): void {
	give(s, m.weth, 'bob', collateral);
	s.send({ from: 'bob', to: m.weth, method: 'approve', args: [m.pool, MAX_UINT256] });
	const d = s.send({ from: 'bob', to: m.pool, method: 'deposit', args: [collateral] });
	const b = s.send({ from: 'bob', to: m.pool, method: 'borrow', args: [debt] });
	if (d.status !== 'success' || b.status !== 'success') {
		throw new Error(
			`Bob could not open his position: ${whyFailed(d.status !== 'success' ? d : b)}`
		);
	}
}

/** The pool's record of a position (collateral WETH, debt DAI), through the indexer. */
export function readPosition(s: ScenarioContext, m: Market, user: string) {
	const store = s.storage(m.pool);
	const read = (map: string) => {
		const v = store.get(map, s.address(user));
		return v === undefined || v === null ? 0n : BigInt(v as bigint);
	};
	return { collateral: read('collateral'), debt: read('debt') };
}

/** The pool's healthFactor(user) (WAD). */
export function poolHealthFactor(s: ScenarioContext, m: Market, user: string): bigint {
	return s.view(m.pool, 'healthFactor', [s.address(user)]) as bigint;
}

/** The strategy's stored loop count. */
export function loopsOf(s: ScenarioContext, m: Market): number {
	return Number((s.storage(m.strategy).value('loops') as number | bigint | null) ?? 0);
}

/** Bonus part of `seized` collateral (Aave v3 LiquidationLogic): seized - percentDiv(seized, bonus). */
export const bonusOf = (seized: bigint) => seized - percentDiv(seized, LIQUIDATION_BONUS);
