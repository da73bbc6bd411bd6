// file: LendingPool.ts
import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

// The lending track's pool (lesson 02-lending/03), with LTV rounded to 80%: Aave v3 Ethereum has
// set WETH's LTV between 80% and 80.5% (2024-2025 snapshots); liquidation threshold 83%,
// liquidation bonus 5%, protocol fee 10% of the bonus. Percentages: 10000 = 100%.
const LTV = 8000n;
const LIQUIDATION_THRESHOLD = 8300n;
const LIQUIDATION_BONUS = 10500n;
const LIQUIDATION_PROTOCOL_FEE = 1000n;
// close factor, Aave v3.0 LiquidationLogic: 50%, or 100% once HF <= 0.95
const DEFAULT_LIQUIDATION_CLOSE_FACTOR = 5000n;
const MAX_LIQUIDATION_CLOSE_FACTOR = 10000n;
const CLOSE_FACTOR_HF_THRESHOLD = 95n * 10n ** 16n; // 0.95 as a WAD
const UNIT = 10n ** 18n; // one whole token: WETH and DAI both have 18 decimals
const WAD = 10n ** 18n; // 1.0 as a WAD
const MAX_UINT256 = 2n ** 256n - 1n; // the health factor of a user with no debt

type Oracle = { getAssetPrice(asset: string): bigint };

/** Lends DAI against WETH collateral. Amounts in wei (18 decimals), values in USD (8 decimals). */
export default class LendingPool extends Contract {
	oracle = new StorageValue<string>('oracle', '');
	weth = new StorageValue<string>('weth', '');
	dai = new StorageValue<string>('dai', '');
	collateral = new StorageMap<string, bigint>('collateral'); // user -> WETH
	debt = new StorageMap<string, bigint>('debt'); // user -> DAI
	protocolFees = new StorageValue<bigint>('protocolFees', 0n); // WETH kept for the treasury

	constructor(oracle: string, weth: string, dai: string) {
		super();
		this.oracle.set(oracle);
		this.weth.set(weth);
		this.dai.set(dai);
	}

	/** Lock `amount` WETH as collateral (approve the pool first). */
	deposit(amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		Token.at(this.weth.get()).transferFrom(msg.sender, this.address, amount);
		this.collateral.set(msg.sender, this.collateralOf(msg.sender) + amount);
		emit('Supply', { user: msg.sender, amount });
	}

	/** Borrow `amount` DAI, as long as the whole debt stays within LTV of the collateral. */
	borrow(amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		const newDebt = this.debtOf(msg.sender) + amount;
		const debtUsd = this.valueInUsd(this.dai.get(), newDebt);
		const collateralUsd = this.valueInUsd(this.weth.get(), this.collateralOf(msg.sender));
		const limit = percentMul(collateralUsd, LTV);
		require(debtUsd <= limit, 'borrow exceeds LTV: add collateral or borrow less');
		this.debt.set(msg.sender, newDebt);
		Token.at(this.dai.get()).transfer(msg.sender, amount);
		emit('Borrow', { user: msg.sender, amount });
	}

	/**
	 * Health factor of `user` as a WAD (1e18 = 1.0): collateral in USD times the liquidation
	 * threshold, divided by the debt in USD (Aave v3 GenericLogic). No debt: MAX_UINT256.
	 */
	healthFactor(user: string): bigint {
		const debtUsd = this.valueInUsd(this.dai.get(), this.debtOf(user));
		if (debtUsd === 0n) return MAX_UINT256;
		const collateralUsd = this.valueInUsd(this.weth.get(), this.collateralOf(user));
		return wadDiv(percentMul(collateralUsd, LIQUIDATION_THRESHOLD), debtUsd);
	}

	/**
	 * Repay up to `debtToCover` DAI of `user`'s debt and receive WETH worth that plus the
	 * liquidation bonus, minus the protocol fee. Only when HF < 1 (Aave v3.0 LiquidationLogic).
	 */
	liquidationCall(collateralAsset: string, debtAsset: string, user: string, debtToCover: bigint) {
		require(collateralAsset === this.weth.get(), 'collateralAsset must be WETH');
		require(debtAsset === this.dai.get(), 'debtAsset must be DAI');
		const healthFactor = this.healthFactor(user);
		require(healthFactor < WAD, 'health factor not below 1: the position is healthy');

		const debt = this.debtOf(user);
		const closeFactor =
			healthFactor > CLOSE_FACTOR_HF_THRESHOLD
				? DEFAULT_LIQUIDATION_CLOSE_FACTOR
				: MAX_LIQUIDATION_CLOSE_FACTOR;
		const maxDebt = percentMul(debt, closeFactor);
		let debtRepaid = debtToCover < maxDebt ? debtToCover : maxDebt;

		// WETH and DAI have the same decimals, so their units cancel
		const collateralPrice = this.priceOf(collateralAsset);
		const debtPrice = this.priceOf(debtAsset);
		let seized = percentMul((debtPrice * debtRepaid) / collateralPrice, LIQUIDATION_BONUS);
		const available = this.collateralOf(user);
		if (seized > available) {
			seized = available;
			debtRepaid = percentDiv((collateralPrice * seized) / debtPrice, LIQUIDATION_BONUS);
		}
		const bonus = seized - percentDiv(seized, LIQUIDATION_BONUS);
		const protocolFee = percentMul(bonus, LIQUIDATION_PROTOCOL_FEE);

		Token.at(debtAsset).transferFrom(msg.sender, this.address, debtRepaid);
		this.debt.set(user, debt - debtRepaid);
		this.collateral.set(user, available - seized);
		this.protocolFees.set(this.protocolFees.get() + protocolFee);
		Token.at(collateralAsset).transfer(msg.sender, seized - protocolFee);
		emit('LiquidationCall', { user, debtRepaid, seized, protocolFee, liquidator: msg.sender });
	}

	/** USD value (8 decimals) of `amount` of `asset`, rounded down. */
	valueInUsd(asset: string, amount: bigint): bigint {
		return (amount * this.priceOf(asset)) / UNIT;
	}

	/** USD per whole token (8 decimals), from the oracle. */
	priceOf(asset: string): bigint {
		return Contract.at<Oracle>(this.oracle.get()).getAssetPrice(asset);
	}

	collateralOf(user: string): bigint {
		return this.collateral.get(user) ?? 0n;
	}

	debtOf(user: string): bigint {
		return this.debt.get(user) ?? 0n;
	}
}

/** value * percentage / 10000, rounded half up (Aave v3 PercentageMath). */
function percentMul(value: bigint, percentage: bigint): bigint {
	return (value * percentage + 5000n) / 10000n;
}

/** value * 10000 / percentage, rounded half up (Aave v3 PercentageMath). */
function percentDiv(value: bigint, percentage: bigint): bigint {
	return (value * 10000n + percentage / 2n) / percentage;
}

/** a * WAD / b, rounded half up (Aave v3 WadRayMath). */
function wadDiv(a: bigint, b: bigint): bigint {
	return (a * WAD + b / 2n) / b;
}
