/**
 * Aave v3 health factor and liquidationCall with the protocol's exact integer math.
 *
 * Sources (line numbers at these tags):
 * - Aave v3.0: aave/aave-v3-core v1.19.4 (commit b74526a7bc67a3a117a1963fc871b3eb8cea8435),
 *   `contracts/protocol/libraries/logic/GenericLogic.sol` 144-176 (calculateUserAccountData:
 *   base-currency sums, weighted liquidation threshold, health factor) and
 *   `contracts/protocol/libraries/logic/LiquidationLogic.sol` 54-68 (close factor constants),
 *   375-379 (close factor by health factor), 497-521 (collateral seized, bonus, fee). v3.1 and
 *   v3.2 (aave-dao/aave-v3-origin v3.2.0) keep these rules.
 * - Aave v3.3: aave-dao/aave-v3-origin v3.3.0 (commit 5431379f8beb4d7128c84a81ced3917d856efa84),
 *   `src/contracts/protocol/libraries/logic/LiquidationLogic.sol` 58-82 (constants), 279-302
 *   (close factor: 100% at HF <= 0.95 or below 2,000 USD, else 50% of the whole position's debt),
 *   320-343 (MUST_NOT_LEAVE_DUST), 356-366 and 411 (bad debt burn), and
 *   `docs/3.3/Aave-v3.3-features.md` sections 2.1-2.3.
 *
 * Units: prices are USD with 8 decimals (the oracle's base currency); amounts are the smallest
 * units of each reserve; percentages have 4 decimals (8300 = 83%); health factors are WADs.
 * Interest accrual, e-mode, isolation mode and aTokens are not modelled: a reserve's `collateral`
 * and `debt` are the balances at the moment of the call.
 */
import { formatHealthFactor, formatUsd8 } from '../model/units.ts';
import { MAX_UINT256, WAD, percentDiv, percentMul, wadDiv } from './wad.ts';

export { WAD, MAX_UINT256, percentMul, percentDiv, wadMul, wadDiv } from './wad.ts';

/** One reserve of a user's position: what they supplied and what they owe in it. */
export type Reserve = {
	symbol: string;
	decimals: number;
	/** USD with 8 decimals. */
	price: bigint;
	/** Supplied amount, smallest units. Counts as collateral when liquidationThreshold > 0. */
	collateral: bigint;
	/** Borrowed amount, smallest units. */
	debt: bigint;
	/** 4 decimals: 8000 = 80%. */
	ltv: number;
	liquidationThreshold: number;
	/** 10500 = the liquidator gets 5% more collateral than the debt repaid is worth. */
	liquidationBonus: number;
	/** Share of the bonus kept by the protocol, 1000 = 10%. */
	liquidationProtocolFee: number;
};

/** 'v3.0' = close factor as in v3.0-v3.2; 'v3.3' = the v3.3 liquidation rules. */
export type LiquidationRules = 'v3.0' | 'v3.3';

/** 50%, LiquidationLogic.sol (v3.0 line 54, v3.3 line 61). */
export const DEFAULT_LIQUIDATION_CLOSE_FACTOR = 5_000n;
/** 100%, LiquidationLogic.sol line 61 (v3.0-v3.2; v3.3 drops the constant but keeps 100%). */
export const MAX_LIQUIDATION_CLOSE_FACTOR = 10_000n;
/** 0.95 as a WAD: at or below it the whole debt may be repaid (v3.0 line 68, v3.3 line 67). */
export const CLOSE_FACTOR_HF_THRESHOLD = 950_000_000_000_000_000n;
/** 1.0 as a WAD: a position is liquidatable below it (ValidationLogic.sol). */
export const HEALTH_FACTOR_LIQUIDATION_THRESHOLD = WAD;
/** $2,000 in base currency (8 decimals), v3.3 LiquidationLogic.sol line 74. */
export const MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2_000n * 10n ** 8n;
/** $1,000 in base currency (8 decimals), v3.3 line 82: MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2. */
export const MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2n;

/**
 * WETH on Aave v3 Ethereum, as of 2024-2025 governance snapshots (the 83% liquidation threshold is
 * the target of the Aave governance forum's "[ARFC] Chaos Labs Risk Parameter Updates - LTV and LT
 * Alignment", governance.aave.com/t/18997, 2024). Governance changes these; a lesson must say
 * "as of".
 */
export const WETH_PARAMS = {
	symbol: 'WETH',
	decimals: 18,
	ltv: 8050,
	liquidationThreshold: 8300,
	liquidationBonus: 10500,
	liquidationProtocolFee: 1000,
	asOf: 'Aave v3 Ethereum WETH, 2024-2025 snapshots: LTV 80.5%, LT 83%, bonus 5%, fee 10% of bonus'
} as const;

/** A liquidationCall that Aave would revert; `code` is the name of Aave's error. */
export class LiquidationError extends Error {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.name = 'LiquidationError';
		this.code = code;
	}
}

/** Pool.getUserAccountData: base amounts are USD with 8 decimals, percentages 4 decimals. */
export type UserAccountData = {
	totalCollateralBase: bigint;
	totalDebtBase: bigint;
	availableBorrowsBase: bigint;
	currentLiquidationThreshold: bigint;
	ltv: bigint;
	healthFactor: bigint;
};

const unit = (r: Reserve) => 10n ** BigInt(r.decimals);

/**
 * An amount of a reserve in base currency (USD, 8 decimals): amount * price / 10^decimals, rounded
 * down. Source: GenericLogic.sol `_getUserBalanceInBaseCurrency` / `_getUserDebtInBaseCurrency`.
 */
export function toBase(amount: bigint, r: Pick<Reserve, 'price' | 'decimals'>): bigint {
	return (amount * r.price) / 10n ** BigInt(r.decimals);
}

function checkPosition(position: Reserve[]): void {
	if (!Array.isArray(position)) throw new TypeError('A position is a list of reserves');
	const seen = new Set<string>();
	for (const r of position) {
		if (typeof r !== 'object' || r === null || typeof r.symbol !== 'string') {
			throw new TypeError('Each reserve needs a symbol, decimals, price, collateral and debt');
		}
		const name = `Reserve ${r.symbol}`;
		if (seen.has(r.symbol)) throw new RangeError(`${name} appears twice in the position`);
		seen.add(r.symbol);
		if (!Number.isInteger(r.decimals) || r.decimals < 0 || r.decimals > 77) {
			throw new RangeError(`${name}: decimals must be a whole number from 0 to 77`);
		}
		if (typeof r.price !== 'bigint' || r.price <= 0n) {
			throw new RangeError(`${name}: price must be a positive bigint (USD, 8 decimals)`);
		}
		for (const key of ['collateral', 'debt'] as const) {
			if (typeof r[key] !== 'bigint' || r[key] < 0n) {
				throw new RangeError(`${name}: ${key} must be a bigint of at least 0`);
			}
		}
		for (const key of ['ltv', 'liquidationThreshold', 'liquidationBonus'] as const) {
			if (!Number.isInteger(r[key]) || r[key] < 0 || r[key] > 65_535) {
				throw new RangeError(`${name}: ${key} must be a whole number of basis points (8300 = 83%)`);
			}
		}
		const fee = r.liquidationProtocolFee;
		if (!Number.isInteger(fee) || fee < 0 || fee > 10_000) {
			throw new RangeError(`${name}: liquidationProtocolFee must be 0 to 10000 (1000 = 10%)`);
		}
	}
}

/**
 * Totals, weighted LTV and liquidation threshold, and health factor of a position.
 * A reserve counts as collateral when it has a supply and liquidationThreshold > 0. Averages round
 * down; `healthFactor = wadDiv(percentMul(totalCollateralBase, avgLT), totalDebtBase)`, or
 * MAX_UINT256 with no debt. Throws a RangeError on a malformed reserve.
 * Source: GenericLogic.sol 144-176 (calculateUserAccountData) and calculateAvailableBorrows.
 */
export function getUserAccountData(position: Reserve[]): UserAccountData {
	checkPosition(position);
	let totalCollateralBase = 0n;
	let totalDebtBase = 0n;
	let ltvSum = 0n;
	let thresholdSum = 0n;
	for (const r of position) {
		if (r.liquidationThreshold !== 0 && r.collateral > 0n) {
			const base = toBase(r.collateral, r);
			totalCollateralBase += base;
			ltvSum += base * BigInt(r.ltv);
			thresholdSum += base * BigInt(r.liquidationThreshold);
		}
		if (r.debt > 0n) totalDebtBase += toBase(r.debt, r);
	}
	const ltv = totalCollateralBase === 0n ? 0n : ltvSum / totalCollateralBase;
	const currentLiquidationThreshold =
		totalCollateralBase === 0n ? 0n : thresholdSum / totalCollateralBase;
	const healthFactor =
		totalDebtBase === 0n
			? MAX_UINT256
			: wadDiv(percentMul(totalCollateralBase, currentLiquidationThreshold), totalDebtBase);
	const power = percentMul(totalCollateralBase, ltv);
	const availableBorrowsBase = power > totalDebtBase ? power - totalDebtBase : 0n;
	return {
		totalCollateralBase,
		totalDebtBase,
		availableBorrowsBase,
		currentLiquidationThreshold,
		ltv,
		healthFactor
	};
}

/**
 * Health factor as a WAD (1e18 = 1.0): collateral in USD weighted by liquidationThreshold over
 * debt in USD. 2^256 - 1 when there is no debt. Throws a RangeError on a malformed reserve.
 * Source: GenericLogic.sol 144-176.
 */
export function healthFactor(position: Reserve[]): bigint {
	return getUserAccountData(position).healthFactor;
}

/**
 * How much more the position may borrow, in USD with 8 decimals: percentMul(collateral, avg LTV)
 * minus debt, never below 0. Source: GenericLogic.sol calculateAvailableBorrows.
 */
export function maxBorrow(position: Reserve[]): bigint {
	return getUserAccountData(position).availableBorrowsBase;
}

/**
 * Close factor in basis points (5000n = 50%, 10000n = 100%).
 * - 'v3.0': 50% if healthFactor > 0.95e18, else 100% (exactly 0.95 gets 100%); applied to the debt
 *   reserve being repaid (LiquidationLogic.sol 54-68, 375-379).
 * - 'v3.3': 100% whenever healthFactor <= 0.95e18, as in v3.0; above it, 50% only if the
 *   collateral reserve and the debt reserve are each worth at least
 *   MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD ($2,000, 8 decimals), else 100%; the 50% then caps the
 *   whole position's debt (v3.3.0 LiquidationLogic.sol 279-302, Aave-v3.3-features.md 2.1-2.2).
 *   Needs `sizes`; throws a TypeError without them.
 */
export function closeFactor(
	healthFactor: bigint,
	rules: LiquidationRules = 'v3.0',
	sizes?: { collateralBase: bigint; debtBase: bigint }
): bigint {
	const aboveThreshold = healthFactor > CLOSE_FACTOR_HF_THRESHOLD;
	if (rules === 'v3.0') {
		return aboveThreshold ? DEFAULT_LIQUIDATION_CLOSE_FACTOR : MAX_LIQUIDATION_CLOSE_FACTOR;
	}
	if (!sizes) throw new TypeError("closeFactor with rules 'v3.3' needs the reserves' base sizes");
	const large =
		sizes.collateralBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD &&
		sizes.debtBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD;
	return aboveThreshold && large ? DEFAULT_LIQUIDATION_CLOSE_FACTOR : MAX_LIQUIDATION_CLOSE_FACTOR;
}

/** A WAD health factor as text, rounded down; '∞' for no debt (model/units.ts). */
export { formatHealthFactor };

export type LiquidationCallOptions = {
	collateral: string;
	debt: string;
	debtToCover: bigint;
	rules: LiquidationRules;
};

/** Amounts in the smallest units of the debt reserve (debt*) or the collateral reserve (rest). */
export type LiquidationResult = {
	debtRepaid: bigint;
	/** All collateral taken from the borrower: liquidatorReceives + protocolFee. */
	collateralSeized: bigint;
	/** Part of collateralSeized above the value of debtRepaid. */
	bonus: bigint;
	protocolFee: bigint;
	liquidatorReceives: bigint;
	healthFactorBefore: bigint;
	healthFactorAfter: bigint;
	/** The position after the liquidation (a new array; the input is untouched). */
	position: Reserve[];
	/** Close factor applied, basis points. */
	closeFactor: bigint;
	/** The most debtToCover could have been, debt-reserve units. */
	maxLiquidatableDebt: bigint;
	/** True when the borrower had less collateral than debtToCover called for. */
	collateralLimited: boolean;
	/** v3.3 only: debt burned into reserve deficits because no collateral was left. */
	deficit: { symbol: string; amount: bigint }[];
};

function findReserve(position: Reserve[], symbol: string, role: string): number {
	const index = position.findIndex((r) => r.symbol === symbol);
	if (index < 0) {
		const known = position.map((r) => r.symbol).join(', ') || 'none';
		throw new LiquidationError(
			'UNKNOWN_RESERVE',
			`Unknown ${role} reserve "${symbol}": this position has ${known}`
		);
	}
	return index;
}

/**
 * Liquidates part of a position as Pool.liquidationCall does (receiveAToken = false).
 * `debtToCover` (debt-reserve units) above what the close factor allows is cut to the allowed
 * amount. Then `baseCollateral = debtPrice * debtToCover * 10^collDecimals / (collPrice *
 * 10^debtDecimals)`, `collateralSeized = percentMul(baseCollateral, liquidationBonus)`,
 * `bonus = seized - percentDiv(seized, liquidationBonus)`, `protocolFee = percentMul(bonus,
 * liquidationProtocolFee)`, `liquidatorReceives = seized - protocolFee`. If the borrower holds less
 * collateral than that, all of it is seized and `debtRepaid = percentDiv(its value in debt units,
 * liquidationBonus)` (LiquidationLogic.sol 497-521).
 *
 * rules 'v3.3' adds (aave-v3-origin v3.3.0 LiquidationLogic.sol 279-366, Aave-v3.3-features.md
 * 2.1-2.3):
 * - the close factor of `closeFactor(hf, 'v3.3', sizes)`; 50% caps the whole position's debt;
 * - MIN_LEFTOVER_BASE: unless the call repays all of this reserve's debt or takes all of this
 *   collateral, both must keep at least $1,000. Like Aave, Chainlab does not stretch the call:
 *   it throws MUST_NOT_LEAVE_DUST and the liquidator must choose a full or a smaller liquidation;
 * - bad debt: if the seized collateral was all the position's collateral, every remaining debt is
 *   burned and reported in `deficit`.
 *
 * Throws LiquidationError with `code`: UNKNOWN_RESERVE, INVALID_AMOUNT (debtToCover <= 0),
 * SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER (no debt in that reserve), COLLATERAL_CANNOT_BE_LIQUIDATED,
 * HEALTH_FACTOR_NOT_BELOW_THRESHOLD (HF >= 1, message gives the HF), MUST_NOT_LEAVE_DUST (v3.3).
 * Throws a RangeError on a malformed reserve.
 */
export function liquidationCall(position: Reserve[], o: LiquidationCallOptions): LiquidationResult {
	checkPosition(position);
	if (o.rules !== 'v3.0' && o.rules !== 'v3.3') {
		throw new TypeError(`rules must be 'v3.0' or 'v3.3', got ${String(o.rules)}`);
	}
	const ci = findReserve(position, o.collateral, 'collateral');
	const di = findReserve(position, o.debt, 'debt');
	const coll = position[ci];
	const debt = position[di];
	if (typeof o.debtToCover !== 'bigint' || o.debtToCover <= 0n) {
		throw new LiquidationError(
			'INVALID_AMOUNT',
			`debtToCover must be a positive bigint in ${debt.symbol} units, got ${String(o.debtToCover)}`
		);
	}
	if (debt.debt === 0n) {
		throw new LiquidationError(
			'SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER',
			`This position has no ${debt.symbol} debt to repay`
		);
	}
	if (coll.collateral === 0n || coll.liquidationThreshold === 0) {
		throw new LiquidationError(
			'COLLATERAL_CANNOT_BE_LIQUIDATED',
			`${coll.symbol} is not collateral in this position (no supply or liquidationThreshold 0)`
		);
	}
	const account = getUserAccountData(position);
	const hf = account.healthFactor;
	if (hf >= HEALTH_FACTOR_LIQUIDATION_THRESHOLD) {
		throw new LiquidationError(
			'HEALTH_FACTOR_NOT_BELOW_THRESHOLD',
			`Position is not liquidatable: health factor ${formatHealthFactor(hf, 4)} (${hf} WAD) is not below 1`
		);
	}
	if (coll.liquidationBonus < 10_000) {
		throw new RangeError(`${coll.symbol}: liquidationBonus must be at least 10000 (100%)`);
	}
	const collUnit = unit(coll);
	const debtUnit = unit(debt);

	// how much of this debt may be repaid (close factor)
	let factor: bigint;
	let maxLiquidatableDebt: bigint;
	if (o.rules === 'v3.0') {
		factor = closeFactor(hf, 'v3.0');
		maxLiquidatableDebt = percentMul(debt.debt, factor);
	} else {
		const debtBase = toBase(debt.debt, debt);
		factor = closeFactor(hf, 'v3.3', { collateralBase: toBase(coll.collateral, coll), debtBase });
		maxLiquidatableDebt = debt.debt;
		if (factor === DEFAULT_LIQUIDATION_CLOSE_FACTOR) {
			const halfOfAllDebt = percentMul(account.totalDebtBase, DEFAULT_LIQUIDATION_CLOSE_FACTOR);
			if (debtBase > halfOfAllDebt) maxLiquidatableDebt = (halfOfAllDebt * debtUnit) / debt.price;
		}
	}
	let debtRepaid = o.debtToCover > maxLiquidatableDebt ? maxLiquidatableDebt : o.debtToCover;

	// collateral for that debt, plus the bonus (_calculateAvailableCollateralToLiquidate)
	const baseCollateral = (debt.price * debtRepaid * collUnit) / (coll.price * debtUnit);
	let collateralSeized = percentMul(baseCollateral, coll.liquidationBonus);
	const collateralLimited = collateralSeized > coll.collateral;
	if (collateralLimited) {
		collateralSeized = coll.collateral;
		const worth = (coll.price * collateralSeized * debtUnit) / (debt.price * collUnit);
		debtRepaid = percentDiv(worth, coll.liquidationBonus);
	}
	const bonus = collateralSeized - percentDiv(collateralSeized, coll.liquidationBonus);
	const protocolFee = percentMul(bonus, coll.liquidationProtocolFee);
	const liquidatorReceives = collateralSeized - protocolFee;

	if (o.rules === 'v3.3' && debtRepaid < debt.debt && collateralSeized < coll.collateral) {
		const debtLeft = toBase(debt.debt - debtRepaid, debt);
		const collLeft = toBase(coll.collateral - collateralSeized, coll);
		if (debtLeft < MIN_LEFTOVER_BASE || collLeft < MIN_LEFTOVER_BASE) {
			throw new LiquidationError(
				'MUST_NOT_LEAVE_DUST',
				`This liquidation would leave ${formatUsd8(debtLeft)} of ${debt.symbol} debt and ` +
					`${formatUsd8(collLeft)} of ${coll.symbol} collateral; Aave v3.3 requires at least ` +
					`${formatUsd8(MIN_LEFTOVER_BASE)} of each unless the debt or the collateral is cleared in full`
			);
		}
	}

	const after = position.map((r) => ({ ...r }));
	after[ci].collateral -= collateralSeized;
	after[di].debt -= debtRepaid;
	const deficit: LiquidationResult['deficit'] = [];
	if (o.rules === 'v3.3' && account.totalCollateralBase === toBase(collateralSeized, coll)) {
		for (const r of after) {
			if (r.debt > 0n) deficit.push({ symbol: r.symbol, amount: r.debt });
			r.debt = 0n;
		}
	}
	return {
		debtRepaid,
		collateralSeized,
		bonus,
		protocolFee,
		liquidatorReceives,
		healthFactorBefore: hf,
		healthFactorAfter: healthFactor(after),
		position: after,
		closeFactor: factor,
		maxLiquidatableDebt,
		collateralLimited,
		deficit
	};
}
