// file: LendingPool.ts
import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

// WETH on Aave v3 Ethereum, as of 2024-2025: LTV 80.5%. 4 decimals: 10000 = 100%.
const LTV = 8050n;
const UNIT = 10n ** 18n; // one whole token: WETH and DAI both have 18 decimals

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
		// TODO: 1. add `amount` to the caller's debt (debtOf);
		// 2. require the new debt in USD (valueInUsd) to be at most the collateral in USD times LTV
		//    (percentMul), with a reason that says why;
		// 3. record the new debt, then transfer `amount` DAI from the pool to msg.sender.
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
