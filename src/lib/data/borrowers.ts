/**
 * A seeded book of synthetic Aave v3 borrowers: WETH collateral, USDC debt.
 *
 * Debt asset: USDC (6 decimals, priced at $1.00). It is the most borrowed asset against WETH on
 * Aave v3, and its 6 decimals against WETH's 18 make every liquidation exercise the decimal
 * conversion in LiquidationLogic. The borrowers are made up (Aave v3 did not exist in March 2020):
 * they answer "what would today's Aave rules have done to such a book at March 2020 prices".
 *
 * Sizes: collateral is log-normal around `medianCollateralEth` (10 ETH), so some positions are
 * below the $2,000 that switches Aave v3.3 to a 100% close factor. Starting health factors lie in
 * [minHealthFactor, maxHealthFactor] = [1.05, 3.0], skewed towards the low end (borrowers lean on
 * their limit): `hf = min + (max - min) * u^skew` with u uniform and skew 1.5. With the defaults,
 * starting at the 1 March 2020 open ($219.75), about 12% of the book is liquidatable by the
 * 11 March close ($194.87), 60% at the 12 March close ($112.35) and 75% at the 13 March low
 * ($95.18): ETH lost 57% in twelve days. Start later (`ethPrice`) for a milder book.
 */
import { WETH_PARAMS, healthFactor, percentMul, type Reserve } from '#lib/protocols/aave-v3.ts';
import { parseUnits } from '#lib/protocols/wad.ts';
import { ETH_USD_MARCH_2020 } from './eth-usd-march-2020.ts';
import { createPrng } from './prng.ts';

/** USDC as a debt reserve. Its collateral parameters are not modelled (these borrowers only owe it). */
export const USDC_DEBT_PARAMS = {
	symbol: 'USDC',
	decimals: 6,
	price: 100_000_000n,
	ltv: 0,
	liquidationThreshold: 0,
	liquidationBonus: 0,
	liquidationProtocolFee: 0
} as const;

export type Borrower = {
	/** 'borrower-001', ... */
	id: string;
	/** [WETH reserve, USDC reserve], priced at the starting ETH price. */
	position: Reserve[];
	/** WAD, at the starting price. */
	healthFactor: bigint;
};

export type BorrowerOptions = {
	/** Starting ETH price in USD (default: 1 March 2020 open, 219.75). */
	ethPrice?: number;
	/** Default 1.05. */
	minHealthFactor?: number;
	/** Default 3. */
	maxHealthFactor?: number;
	/** Exponent of u in the health factor draw; > 1 crowds borrowers near the minimum. Default 1.5. */
	skew?: number;
	/** Median collateral in ETH (default 10); sizes are log-normal with sigma 1, within 0.1-2000 ETH. */
	medianCollateralEth?: number;
	/** WETH reserve parameters (default WETH_PARAMS, as of 2024-2025). */
	weth?: Omit<Reserve, 'price' | 'collateral' | 'debt'>;
};

const positive = (value: number, name: string) => {
	if (!Number.isFinite(value) || value <= 0) {
		throw new RangeError(`${name} must be a positive number, got ${value}`);
	}
	return value;
};

/**
 * `n` borrowers, deterministic per `seed`. Amounts are bigint (wei for WETH, 6 decimals for USDC).
 * Each debt is rounded down, so every health factor is at least `minHealthFactor`.
 * Throws a RangeError on a bad option (e.g. minHealthFactor <= 1 or above maxHealthFactor).
 */
export function generateBorrowers(n: number, seed: number, opts: BorrowerOptions = {}): Borrower[] {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number, got ${n}`);
	const ethPrice = positive(opts.ethPrice ?? ETH_USD_MARCH_2020[0].open, 'ethPrice');
	const minHf = positive(opts.minHealthFactor ?? 1.05, 'minHealthFactor');
	const maxHf = positive(opts.maxHealthFactor ?? 3, 'maxHealthFactor');
	const skew = positive(opts.skew ?? 1.5, 'skew');
	const median = positive(opts.medianCollateralEth ?? 10, 'medianCollateralEth');
	if (minHf <= 1 || maxHf < minHf) {
		throw new RangeError('Health factors need 1 < minHealthFactor <= maxHealthFactor');
	}
	const { asOf: _asOf, ...wethDefaults } = WETH_PARAMS;
	const wethParams = opts.weth ?? wethDefaults;
	const price = parseUnits(ethPrice, 8);
	const prng = createPrng(seed);
	const width = String(n).length;

	const borrowers: Borrower[] = [];
	for (let i = 0; i < n; i++) {
		const eth = Math.min(2000, Math.max(0.1, median * Math.exp(prng.normal())));
		const collateral = BigInt(Math.round(eth * 1e4)) * 10n ** 14n; // 4 decimals of ETH
		const targetHf = minHf + (maxHf - minHf) * prng.next() ** skew;
		const weth: Reserve = { ...wethParams, price, collateral, debt: 0n };

		// debt so that HF = weighted collateral / debt = targetHf, rounded down (HF never below it)
		const hfBps = BigInt(Math.ceil(targetHf * 1e4));
		const weighted = percentMul((collateral * price) / 10n ** 18n, weth.liquidationThreshold);
		const debtBase = (weighted * 10_000n) / hfBps;
		const debt = (debtBase * 10n ** BigInt(USDC_DEBT_PARAMS.decimals)) / USDC_DEBT_PARAMS.price;
		const position = [weth, { ...USDC_DEBT_PARAMS, collateral: 0n, debt }];
		borrowers.push({
			id: `borrower-${String(i + 1).padStart(Math.max(3, width), '0')}`,
			position,
			healthFactor: healthFactor(position)
		});
	}
	return borrowers;
}
