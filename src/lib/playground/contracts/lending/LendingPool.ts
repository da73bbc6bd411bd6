import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

const LTV = 8000n; // borrow up to 80% of the collateral's value (10000 = 100%)
const LIQUIDATION_THRESHOLD = 8500n; // liquidatable once debt passes 85% of it
const LIQUIDATION_BONUS = 10500n; // the liquidator gets 5% extra collateral
const CLOSE_FACTOR = 5000n; // at most half the debt per liquidation
const WAD = 10n ** 18n; // 1.0 as a WAD (health factors)
const UNIT = 10n ** 18n; // one whole WETH or USDC (both 18 decimals)

type Oracle = { price(): bigint };

/** Lends USDC against WETH collateral, priced by the Oracle (USD, 8 decimals). */
export default class LendingPool extends Contract {
	weth = new StorageValue<string>('weth', '');
	usdc = new StorageValue<string>('usdc', '');
	oracle = new StorageValue<string>('oracle', '');
	collateral = new StorageMap<string, bigint>('collateral');
	debt = new StorageMap<string, bigint>('debt');

	constructor(weth: string, usdc: string, oracle: string) {
		super();
		this.weth.set(weth);
		this.usdc.set(usdc);
		this.oracle.set(oracle);
	}

	/** Add USDC the pool can lend (approve the pool first). */
	supply(amount: bigint) {
		Token.at(this.usdc.get()).transferFrom(msg.sender, this.address, amount);
		emit('Supply', { lender: msg.sender, amount });
	}

	/** Lock WETH as collateral (approve the pool first). */
	deposit(amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		Token.at(this.weth.get()).transferFrom(msg.sender, this.address, amount);
		this.collateral.set(msg.sender, this.collateralOf(msg.sender) + amount);
		emit('Deposit', { user: msg.sender, amount });
	}

	/** Borrow USDC while the debt stays within LTV of the collateral's value. */
	borrow(amount: bigint) {
		const debt = this.debtOf(msg.sender) + amount;
		const limit = (this.collateralUsd(msg.sender) * LTV) / 10000n;
		require(this.usd(debt, 100000000n) <= limit, 'borrow exceeds LTV');
		this.debt.set(msg.sender, debt);
		Token.at(this.usdc.get()).transfer(msg.sender, amount);
		emit('Borrow', { user: msg.sender, amount });
	}

	/** Pay back up to `amount` USDC of the caller's debt. */
	repay(amount: bigint) {
		const debt = this.debtOf(msg.sender);
		const paid = amount < debt ? amount : debt;
		Token.at(this.usdc.get()).transferFrom(msg.sender, this.address, paid);
		this.debt.set(msg.sender, debt - paid);
		emit('Repay', { user: msg.sender, amount: paid });
	}

	/** Repay part of `user`'s debt once their health factor is below 1; seize collateral + 5%. */
	liquidate(user: string, debtToCover: bigint) {
		require(this.healthFactor(user) < WAD, 'the position is healthy');
		const debt = this.debtOf(user);
		const maxCover = (debt * CLOSE_FACTOR) / 10000n;
		const covered = debtToCover < maxCover ? debtToCover : maxCover;
		let seized = (((covered * 100000000n) / this.ethPrice()) * LIQUIDATION_BONUS) / 10000n;
		const available = this.collateralOf(user);
		if (seized > available) seized = available;
		Token.at(this.usdc.get()).transferFrom(msg.sender, this.address, covered);
		this.debt.set(user, debt - covered);
		this.collateral.set(user, available - seized);
		Token.at(this.weth.get()).transfer(msg.sender, seized);
		emit('Liquidation', { user, liquidator: msg.sender, covered, seized });
	}

	/** Collateral value x liquidation threshold / debt value, as a WAD; no debt: 2^256 - 1. */
	healthFactor(user: string): bigint {
		const debtUsd = this.usd(this.debtOf(user), 100000000n);
		if (debtUsd === 0n) return 2n ** 256n - 1n;
		return (this.collateralUsd(user) * LIQUIDATION_THRESHOLD * WAD) / 10000n / debtUsd;
	}

	collateralOf(user: string): bigint {
		return this.collateral.get(user) ?? 0n;
	}

	debtOf(user: string): bigint {
		return this.debt.get(user) ?? 0n;
	}

	private collateralUsd(user: string): bigint {
		return this.usd(this.collateralOf(user), this.ethPrice());
	}

	private usd(amount: bigint, price: bigint): bigint {
		return (amount * price) / UNIT;
	}

	private ethPrice(): bigint {
		return Contract.at<Oracle>(this.oracle.get()).price();
	}
}
