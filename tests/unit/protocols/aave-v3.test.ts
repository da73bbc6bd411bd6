import { describe, expect, test } from 'vitest';
import {
	CLOSE_FACTOR_HF_THRESHOLD,
	DEFAULT_LIQUIDATION_CLOSE_FACTOR,
	LiquidationError,
	MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD,
	MIN_LEFTOVER_BASE,
	WAD,
	WETH_PARAMS,
	closeFactor,
	formatHealthFactor,
	healthFactor,
	liquidationCall,
	maxBorrow,
	percentDiv,
	percentMul,
	wadDiv,
	wadMul,
	type Reserve
} from '#lib/protocols/aave-v3.ts';

// every expected value below is worked out by hand in the comment next to it

const E18 = 10n ** 18n;
const USD = 10n ** 8n; // oracle base unit: $1 with 8 decimals

function weth(eth: bigint, usdPrice: bigint, over: Partial<Reserve> = {}): Reserve {
	return {
		symbol: 'WETH',
		decimals: 18,
		price: usdPrice * USD,
		collateral: eth,
		debt: 0n,
		ltv: 8050,
		liquidationThreshold: 8300,
		liquidationBonus: 10500,
		liquidationProtocolFee: 1000,
		...over
	};
}

function usdc(debtUnits: bigint): Reserve {
	return {
		symbol: 'USDC',
		decimals: 6,
		price: USD,
		collateral: 0n,
		debt: debtUnits,
		ltv: 0,
		liquidationThreshold: 0,
		liquidationBonus: 0,
		liquidationProtocolFee: 0
	};
}

function codeOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(LiquidationError);
		return (error as LiquidationError).code;
	}
	throw new Error('expected a LiquidationError, nothing was thrown');
}

describe('health factor (GenericLogic)', () => {
	// Aave docs: $10,000 of ETH at 80% LT against $6,000 of debt
	const docs = [
		weth(5n * E18, 2000n, { ltv: 7500, liquidationThreshold: 8000 }),
		usdc(6000n * 10n ** 6n)
	];

	test('docs worked example: HF 1.333', () => {
		// collateral base = 5e18 * 2000e8 / 1e18 = 1e12; debt base = 6000e6 * 1e8 / 1e6 = 6e11
		// percentMul(1e12, 8000) = (8e15 + 5000) / 1e4 = 8e11
		// wadDiv(8e11, 6e11) = (8e29 + 3e11) / 6e11 = floor(1333333333333333333.33 + 0.5)
		expect(healthFactor(docs)).toBe(1_333_333_333_333_333_333n);
		expect(formatHealthFactor(healthFactor(docs), 3)).toBe('1.333');
		expect(formatHealthFactor(healthFactor(docs))).toBe('1.33');
	});

	test('no debt gives 2^256 - 1', () => {
		expect(healthFactor([weth(E18, 2000n)])).toBe(
			115792089237316195423570985008687907853269984665640564039457584007913129639935n
		);
		expect(formatHealthFactor(healthFactor([weth(E18, 2000n)]))).toBe('∞');
	});

	test('formatHealthFactor rounds down, so 0.99999 never reads 1.00', () => {
		expect(formatHealthFactor(999_990_000_000_000_000n)).toBe('0.99');
		expect(formatHealthFactor(WAD, 0)).toBe('1');
	});

	test('maxBorrow from LTV', () => {
		// percentMul(1e12, 7500) = 7.5e11; minus debt 6e11 = 1.5e11 ($1,500)
		expect(maxBorrow(docs)).toBe(1500n * USD);
		// more debt than borrowing power: 0, never negative
		expect(maxBorrow([docs[0], usdc(8000n * 10n ** 6n)])).toBe(0n);
	});

	test('WETH parameters carry an as-of note', () => {
		expect(WETH_PARAMS.liquidationThreshold).toBe(8300);
		expect(WETH_PARAMS.liquidationBonus).toBe(10500);
		expect(WETH_PARAMS.asOf).toMatch(/2024-2025/);
	});
});

describe('PercentageMath and WadRayMath round half up', () => {
	test('percentMul', () => {
		expect(percentMul(1n, 5000)).toBe(1n); // (5000 + 5000) / 10000 = 1: 0.5 rounds up
		expect(percentMul(1n, 4999)).toBe(0n); // (4999 + 5000) / 10000 = 0.9999 -> 0
		expect(percentMul(3n, 5000)).toBe(2n); // 1.5 -> 2
		expect(percentMul(10_000n, 8300)).toBe(8300n);
	});

	test('percentDiv', () => {
		expect(percentDiv(1n, 20_000)).toBe(1n); // (10000 + 10000) / 20000 = 1: 0.5 rounds up
		expect(percentDiv(1n, 20_001)).toBe(0n); // (10000 + 10000) / 20001 < 1
		expect(percentDiv(105n, 10_500)).toBe(100n);
		expect(() => percentDiv(1n, 0)).toThrow(/0/);
	});

	test('wadMul and wadDiv', () => {
		expect(wadMul(1n, WAD / 2n)).toBe(1n); // (0.5e18 + 0.5e18) / 1e18 = 1
		expect(wadMul(1n, WAD / 2n - 1n)).toBe(0n);
		expect(wadDiv(1n, 3n)).toBe(333_333_333_333_333_333n); // (1e18 + 1) / 3, remainder dropped
		expect(wadDiv(2n, 3n)).toBe(666_666_666_666_666_667n); // (2e18 + 1) / 3 = ...666.67 -> ...667
		expect(() => percentMul(-1n, 5000)).toThrow(RangeError);
	});
});

describe('close factor', () => {
	test('v3.0: exactly 0.95 gets 100%, just above gets 50%', () => {
		expect(CLOSE_FACTOR_HF_THRESHOLD).toBe(950_000_000_000_000_000n);
		expect(closeFactor(950_000_000_000_000_000n)).toBe(10_000n);
		expect(closeFactor(950_000_000_000_000_001n)).toBe(5_000n);
		expect(closeFactor(950_000_000_000_000_001n, 'v3.0')).toBe(DEFAULT_LIQUIDATION_CLOSE_FACTOR);
	});

	test('v3.3: 50% only when both reserves are worth at least $2,000', () => {
		const hf = 960_000_000_000_000_000n;
		const big = { collateralBase: 2000n * USD, debtBase: 2000n * USD };
		expect(MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD).toBe(200_000_000_000n);
		expect(MIN_LEFTOVER_BASE).toBe(100_000_000_000n);
		expect(closeFactor(hf, 'v3.3', big)).toBe(5_000n);
		expect(closeFactor(hf, 'v3.3', { ...big, debtBase: 2000n * USD - 1n })).toBe(10_000n);
		expect(closeFactor(hf, 'v3.3', { ...big, collateralBase: 1999n * USD })).toBe(10_000n);
		expect(closeFactor(CLOSE_FACTOR_HF_THRESHOLD, 'v3.3', big)).toBe(10_000n);
	});
});

describe('liquidationCall v3.0', () => {
	// 1 ETH at $2,000 (LT 83%) against 1,700 USDC
	// HF = wadDiv(percentMul(2000e8, 8300) = 1660e8, 1700e8) = floor(0.976470588235294117647e18 + 0.5)
	const position = [weth(E18, 2000n), usdc(1700n * 10n ** 6n)];

	test('cuts debtToCover to the close factor, then seizes collateral with the bonus', () => {
		const r = liquidationCall(position, {
			collateral: 'WETH',
			debt: 'USDC',
			debtToCover: 1500n * 10n ** 6n,
			rules: 'v3.0'
		});
		expect(r.healthFactorBefore).toBe(976_470_588_235_294_118n);
		// HF > 0.95 -> 50%: percentMul(1700e6, 5000) = (8.5e12 + 5000) / 1e4 = 850000000 (850 USDC)
		expect(r.closeFactor).toBe(5_000n);
		expect(r.debtRepaid).toBe(850_000_000n);
		// baseCollateral = 1e8 * 850e6 * 1e18 / (2000e8 * 1e6) = 8.5e34 / 2e17 = 4.25e17 (0.425 ETH)
		// seized = percentMul(4.25e17, 10500) = 4.4625e17 (0.44625 ETH)
		expect(r.collateralSeized).toBe(446_250_000_000_000_000n);
		// percentDiv(4.4625e17, 10500) = (4.4625e21 + 5250) / 10500 = floor(4.25e17 + 0.5) = 4.25e17
		// bonus = 4.4625e17 - 4.25e17 = 2.125e16
		expect(r.bonus).toBe(21_250_000_000_000_000n);
		// protocolFee = percentMul(2.125e16, 1000) = (2.125e19 + 5000) / 1e4 = 2.125e15
		expect(r.protocolFee).toBe(2_125_000_000_000_000n);
		// liquidator: 4.4625e17 - 2.125e15 = 4.44125e17
		expect(r.liquidatorReceives).toBe(444_125_000_000_000_000n);
		expect(r.collateralLimited).toBe(false);
		// after: 0.55375 ETH ($1,107.50) and 850 USDC
		expect(r.position[0].collateral).toBe(553_750_000_000_000_000n);
		expect(r.position[1].debt).toBe(850_000_000n);
		// percentMul(1107.5e8, 8300) = 919.225e8; wadDiv(919.225e8, 850e8) = floor(1.08144117647058823529e18 + 0.5)
		expect(r.healthFactorAfter).toBe(1_081_441_176_470_588_235n);
		// the input position is untouched
		expect(position[0].collateral).toBe(E18);
		expect(position[1].debt).toBe(1_700_000_000n);
	});

	test('debtToCover below the cap is used as given', () => {
		const r = liquidationCall(position, {
			collateral: 'WETH',
			debt: 'USDC',
			debtToCover: 100n * 10n ** 6n,
			rules: 'v3.0'
		});
		// 100 USDC -> 0.05 ETH base -> 0.0525 ETH seized
		expect(r.debtRepaid).toBe(100_000_000n);
		expect(r.collateralSeized).toBe(52_500_000_000_000_000n);
	});

	test('collateral-limited: seize it all and recompute the debt repaid', () => {
		// 0.5 ETH at $2,000 ($1,000) against 1,000 USDC: HF = 830/1000 = 0.83 -> close factor 100%
		const small = [weth(E18 / 2n, 2000n), usdc(1000n * 10n ** 6n)];
		const r = liquidationCall(small, {
			collateral: 'WETH',
			debt: 'USDC',
			debtToCover: 1000n * 10n ** 6n,
			rules: 'v3.0'
		});
		expect(r.closeFactor).toBe(10_000n);
		// baseCollateral = 0.5 ETH; *1.05 = 0.525 ETH > 0.5 ETH held -> take all 0.5 ETH
		expect(r.collateralLimited).toBe(true);
		expect(r.collateralSeized).toBe(500_000_000_000_000_000n);
		// worth = 2000e8 * 5e17 * 1e6 / (1e8 * 1e18) = 1e9 (1,000 USDC)
		// debtRepaid = percentDiv(1e9, 10500) = (1e13 + 5250) / 10500 = floor(952380952.38 + 0.5)
		expect(r.debtRepaid).toBe(952_380_952n);
		// percentDiv(5e17, 10500) = floor(476190476190476190.476 + 0.5) = 476190476190476190
		// bonus = 5e17 - 476190476190476190 = 23809523809523810
		expect(r.bonus).toBe(23_809_523_809_523_810n);
		// fee = (23809523809523810 * 1000 + 5000) / 1e4 = floor(2380952380952381.5)
		expect(r.protocolFee).toBe(2_380_952_380_952_381n);
		expect(r.liquidatorReceives).toBe(497_619_047_619_047_619n);
		// v3.0 leaves the unbacked 47.619048 USDC as debt: HF after = 0
		expect(r.position[1].debt).toBe(47_619_048n);
		expect(r.healthFactorAfter).toBe(0n);
		expect(r.deficit).toEqual([]);
	});

	test('throws clear errors', () => {
		const call =
			(p: Reserve[], over: object = {}) =>
			() =>
				liquidationCall(p, {
					collateral: 'WETH',
					debt: 'USDC',
					debtToCover: 1n,
					rules: 'v3.0',
					...over
				});
		// healthy (HF 1.3333) and exactly 1.0 (percentMul(1000e8, 8000) = 800e8 vs 800e8)
		const healthy = [
			weth(5n * E18, 2000n, { ltv: 7500, liquidationThreshold: 8000 }),
			usdc(6000n * 10n ** 6n)
		];
		expect(call(healthy)).toThrow(/health factor 1\.3333/);
		expect(codeOf(call(healthy))).toBe('HEALTH_FACTOR_NOT_BELOW_THRESHOLD');
		const atOne = [
			weth(E18 / 2n, 2000n, { ltv: 7500, liquidationThreshold: 8000 }),
			usdc(800n * 10n ** 6n)
		];
		expect(call(atOne)).toThrow(/1\.0000/);
		expect(codeOf(call(position, { collateral: 'WBTC' }))).toBe('UNKNOWN_RESERVE');
		expect(call(position, { debt: 'DAI' })).toThrow(/DAI/);
		expect(codeOf(call(position, { debtToCover: 0n }))).toBe('INVALID_AMOUNT');
		expect(codeOf(call(position, { debtToCover: -5n }))).toBe('INVALID_AMOUNT');
		const noUsdcDebt = [weth(E18, 2000n, { debt: 10n ** 18n }), usdc(0n)];
		expect(codeOf(call(noUsdcDebt))).toBe('SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER');
	});
});

describe('liquidationCall v3.3', () => {
	test('small position: 100% close factor, but no dust below $1,000 may remain', () => {
		// 1 ETH ($2,000, not below the $2,000 threshold) but only $1,700 of debt -> 100% allowed
		const position = [weth(E18, 2000n), usdc(1700n * 10n ** 6n)];
		const partial = () =>
			liquidationCall(position, {
				collateral: 'WETH',
				debt: 'USDC',
				debtToCover: 1500n * 10n ** 6n,
				rules: 'v3.3'
			});
		// repaying 1,500 would leave $200 of debt (< $1,000) and neither side cleared: reverts
		expect(codeOf(partial)).toBe('MUST_NOT_LEAVE_DUST');
		expect(partial).toThrow(/200\.00 USD of USDC debt/);
		const full = liquidationCall(position, {
			collateral: 'WETH',
			debt: 'USDC',
			debtToCover: 1700n * 10n ** 6n,
			rules: 'v3.3'
		});
		expect(full.closeFactor).toBe(10_000n);
		expect(full.debtRepaid).toBe(1_700_000_000n);
		// 0.85 ETH base * 1.05 = 0.8925 ETH; leaves 0.1075 ETH ($215) but the debt is cleared
		expect(full.collateralSeized).toBe(892_500_000_000_000_000n);
		expect(full.position[1].debt).toBe(0n);
		expect(full.healthFactorAfter).toBe(2n ** 256n - 1n);
	});

	test('50% cap applies to the whole position, in the reserve being repaid', () => {
		// 10 ETH ($20,000) against 9,000 USDC + 8,000 DAI ($17,000): HF = 16600/17000 = 0.976
		const dai: Reserve = { ...usdc(0n), symbol: 'DAI', decimals: 18, debt: 8000n * E18 };
		const position = [weth(10n * E18, 2000n), usdc(9000n * 10n ** 6n), dai];
		const order = { collateral: 'WETH', debt: 'USDC', debtToCover: 8000n * 10n ** 6n };
		// v3.0: 50% of the USDC reserve = 4,500 USDC
		expect(liquidationCall(position, { ...order, rules: 'v3.0' }).debtRepaid).toBe(4_500_000_000n);
		// v3.3: half of all debt = percentMul(17000e8, 5000) = 8500e8 < 9000e8 USDC debt
		// -> cap 8500e8 * 1e6 / 1e8 = 8,500 USDC; 8,000 asked leaves exactly $1,000 (allowed)
		const r = liquidationCall(position, { ...order, rules: 'v3.3' });
		expect(r.closeFactor).toBe(5_000n);
		expect(r.maxLiquidatableDebt).toBe(8_500_000_000n);
		expect(r.debtRepaid).toBe(8_000_000_000n);
		// 8000 USDC = 4 ETH, * 1.05 = 4.2 ETH
		expect(r.collateralSeized).toBe(4_200_000_000_000_000_000n);
		// asking for everything hits the cap of 8,500, which would leave $500 of USDC debt: reverts
		const max = { ...order, debtToCover: 10n ** 30n, rules: 'v3.3' as const };
		expect(codeOf(() => liquidationCall(position, max))).toBe('MUST_NOT_LEAVE_DUST');
	});

	test('no collateral left: remaining debt is burned into a deficit', () => {
		const small = [weth(E18 / 2n, 2000n), usdc(1000n * 10n ** 6n)];
		const r = liquidationCall(small, {
			collateral: 'WETH',
			debt: 'USDC',
			debtToCover: 1000n * 10n ** 6n,
			rules: 'v3.3'
		});
		// same arithmetic as the v3.0 collateral-limited case: 952.380952 USDC repaid
		expect(r.debtRepaid).toBe(952_380_952n);
		// 1,000 - 952.380952 = 47.619048 USDC written off
		expect(r.deficit).toEqual([{ symbol: 'USDC', amount: 47_619_048n }]);
		expect(r.position[1].debt).toBe(0n);
		expect(r.healthFactorAfter).toBe(2n ** 256n - 1n);
	});
});
