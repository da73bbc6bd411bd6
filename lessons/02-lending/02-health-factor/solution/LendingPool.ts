// file: LendingPool.ts
import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

// WETH on Aave v3 Ethereum, as of 2024-2025: LTV 80.5%, liquidation threshold 83%.
// Percentages have 4 decimals: 10000 = 100%.
const LTV = 8050n;
const LIQUIDATION_THRESHOLD = 8300n;
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

	/** USD value (8 decimals) of `amount` of `asset`, rounded down. */
	valueInUsd(asset: string, amount: bigint): bigint {
		const price = Contract.at<Oracle>(this.oracle.get()).getAssetPrice(asset);
		return (amount * price) / UNIT;
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

/** a * WAD / b, rounded half up (Aave v3 WadRayMath). */
function wadDiv(a: bigint, b: bigint): bigint {
	return (a * WAD + b / 2n) / b;
}
