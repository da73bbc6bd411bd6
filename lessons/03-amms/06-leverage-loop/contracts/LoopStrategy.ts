// file: LoopStrategy.ts
import { Contract, StorageValue, Token, msg, require, emit } from 'chainlab';

// the pool's parameters (LendingPool.ts): percentages with 10000 = 100%
const LTV = 8000n;
const LIQUIDATION_THRESHOLD = 8300n;
const UNIT = 10n ** 18n; // one whole token: WETH and DAI both have 18 decimals
const WAD = 10n ** 18n; // 1.0 as a WAD
const MAX_UINT256 = 2n ** 256n - 1n;
const MAX_LOOPS = 25; // a bound on the work one transaction does

type Pool = {
	deposit(amount: bigint): void;
	borrow(amount: bigint): void;
	healthFactor(user: string): bigint;
};
type Oracle = { getAssetPrice(asset: string): bigint };
type Desk = { quoteDaiForWeth(daiIn: bigint): bigint; swapDaiForWeth(daiIn: bigint): bigint };

/**
 * A leveraged long ETH position in the lending pool: deposit WETH, borrow DAI, swap it for WETH
 * at the desk, deposit that too, and repeat. The position belongs to this contract.
 */
export default class LoopStrategy extends Contract {
	pool = new StorageValue<string>('pool', '');
	oracle = new StorageValue<string>('oracle', '');
	weth = new StorageValue<string>('weth', '');
	dai = new StorageValue<string>('dai', '');
	desk = new StorageValue<string>('desk', '');
	owner = new StorageValue<string>('owner', '');
	loops = new StorageValue<number>('loops', 0); // loops made by open()

	constructor(pool: string, oracle: string, weth: string, dai: string, desk: string) {
		super();
		this.pool.set(pool);
		this.oracle.set(oracle);
		this.weth.set(weth);
		this.dai.set(dai);
		this.desk.set(desk);
		this.owner.set(msg.sender);
	}

	/**
	 * Take `amount` WETH (wei) from the owner (approve this contract first) and deposit it. Then
	 * loop: borrow LTV of the last deposit in DAI, swap it for WETH, deposit that. Stop before a
	 * loop would leave the health factor below `targetHealthFactor` (a WAD: 1.1e18 is 1.10).
	 */
	open(amount: bigint, targetHealthFactor: bigint) {
		require(msg.sender === this.owner.get(), 'only the owner opens the position');
		require(amount > 0n, 'amount must be positive');
		const pool = Contract.at<Pool>(this.pool.get());
		const desk = Contract.at<Desk>(this.desk.get());
		Token.at(this.weth.get()).transferFrom(msg.sender, this.address, amount);
		Token.at(this.weth.get()).approve(this.pool.get(), MAX_UINT256);
		Token.at(this.dai.get()).approve(this.desk.get(), MAX_UINT256);
		pool.deposit(amount);

		let collateral = amount; // WETH deposited so far
		let debt = 0n; // DAI borrowed so far
		let lastDeposit = amount;
		let loops = 0;

		// TODO: make this one loop a loop. Before each loop, work out the collateral and debt it
		// would leave, and stop if healthFactorOf(those) < targetHealthFactor (or at MAX_LOOPS).
		const borrowAmount = this.borrowable(lastDeposit);
		pool.borrow(borrowAmount);
		const bought = desk.swapDaiForWeth(borrowAmount);
		pool.deposit(bought);
		collateral += bought;
		debt += borrowAmount;
		lastDeposit = bought;
		loops += 1;

		this.loops.set(loops);
		emit('Looped', { loops, collateral, debt, lastDeposit, targetHealthFactor });
	}

	/** DAI (wei) that LTV of `deposit` WETH (wei) is worth: percentMul(value in USD, LTV) in DAI. */
	borrowable(deposit: bigint): bigint {
		const valueUsd = (deposit * this.priceOf(this.weth.get())) / UNIT;
		return (percentMul(valueUsd, LTV) * UNIT) / this.priceOf(this.dai.get());
	}

	/** WETH (wei) the desk gives for `daiIn` DAI (wei). */
	quote(daiIn: bigint): bigint {
		return Contract.at<Desk>(this.desk.get()).quoteDaiForWeth(daiIn);
	}

	/**
	 * The health factor (WAD) a position of `collateral` WETH and `debt` DAI has at today's
	 * prices, as the pool computes it (Aave v3 GenericLogic): percentMul(collateral in USD,
	 * LIQUIDATION_THRESHOLD) wadDiv debt in USD; MAX_UINT256 with no debt.
	 */
	healthFactorOf(collateral: bigint, debt: bigint): bigint {
		const debtUsd = (debt * this.priceOf(this.dai.get())) / UNIT;
		if (debtUsd === 0n) return MAX_UINT256;
		const collateralUsd = (collateral * this.priceOf(this.weth.get())) / UNIT;
		return wadDiv(percentMul(collateralUsd, LIQUIDATION_THRESHOLD), debtUsd);
	}

	/** USD per whole token (8 decimals), from the oracle. */
	priceOf(asset: string): bigint {
		return Contract.at<Oracle>(this.oracle.get()).getAssetPrice(asset);
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
