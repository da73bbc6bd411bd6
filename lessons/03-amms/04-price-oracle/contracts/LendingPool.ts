// file: LendingPool.ts
// The lending track's pool (lessons/02-lending), priced by an on-chain oracle instead of a fed one:
// it asks `oracle.consult(weth, amount)` how many DAI the collateral is worth. Read it; do not edit.
import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

// WETH on Aave v3 Ethereum, as of 2024-2025: LTV 80.5%. Percentages have 4 decimals: 10000 = 100%.
const LTV = 8050n;
const UNIT = 10n ** 18n; // one whole WETH

/** The oracle the pool reads: `consult(token, amountIn)` is `amountIn` of `token` in the other token. */
type Oracle = { consult(token: string, amountIn: bigint): bigint };

/** Lends DAI against WETH collateral. Amounts in wei (18 decimals); DAI counts as 1 USD. */
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

	/** Borrow `amount` DAI, as long as the whole debt stays within LTV of the collateral's value. */
	borrow(amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		const newDebt = this.debtOf(msg.sender) + amount;
		const collateralValue = this.collateralValue(msg.sender);
		require(newDebt <=
			percentMul(collateralValue, LTV), 'borrow exceeds LTV: add collateral or borrow less');
		this.debt.set(msg.sender, newDebt);
		Token.at(this.dai.get()).transfer(msg.sender, amount);
		emit('Borrow', { user: msg.sender, amount, collateralValue, price: this.price() });
	}

	/** DAI that `user` may still borrow: LTV of the collateral's value, minus the debt (0 if none). */
	availableToBorrow(user: string): bigint {
		const limit = percentMul(this.collateralValue(user), LTV);
		const debt = this.debtOf(user);
		return limit > debt ? limit - debt : 0n;
	}

	/** The DAI value of `user`'s collateral, as the oracle prices it. */
	collateralValue(user: string): bigint {
		const amount = this.collateralOf(user);
		return amount === 0n
			? 0n
			: Contract.at<Oracle>(this.oracle.get()).consult(this.weth.get(), amount);
	}

	/** The price the pool uses now: DAI for one whole WETH. */
	price(): bigint {
		return Contract.at<Oracle>(this.oracle.get()).consult(this.weth.get(), UNIT);
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
