// file: Pool.ts
import { Contract, StorageValue, Token, emit, msg, require } from 'chainlab';

type Library = {
	getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint;
	getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint;
};

/**
 * A constant-product pool of token0 and token1 that prices every trade with your Library. (Read
 * only: lesson 02 writes the real pair's liquidity, lesson 03 its swap.) Approve the pool for
 * your tokens first; amounts are smallest units.
 */
export default class Pool extends Contract {
	token0 = new StorageValue<string>('token0', '');
	token1 = new StorageValue<string>('token1', '');
	library = new StorageValue<string>('library', '');
	reserve0 = new StorageValue<bigint>('reserve0', 0n);
	reserve1 = new StorageValue<bigint>('reserve1', 0n);

	constructor(token0: string, token1: string, library: string) {
		super();
		this.token0.set(token0);
		this.token1.set(token1);
		this.library.set(library);
	}

	getReserves(): { reserve0: bigint; reserve1: bigint } {
		return { reserve0: this.reserve0.get(), reserve1: this.reserve1.get() };
	}

	/** Put `amount0` of token0 and `amount1` of token1 into the pool. */
	addLiquidity(amount0: bigint, amount1: bigint) {
		Token.at(this.token0.get()).transferFrom(msg.sender, this.address, amount0);
		Token.at(this.token1.get()).transferFrom(msg.sender, this.address, amount1);
		this.update(this.reserve0.get() + amount0, this.reserve1.get() + amount1);
	}

	/** Sell exactly `amountIn` (token0 if `zeroForOne`, else token1); returns what `to` got. */
	swap(zeroForOne: boolean, amountIn: bigint, to: string): bigint {
		const [reserveIn, reserveOut] = this.sides(zeroForOne);
		const amountOut = Contract.at<Library>(this.library.get()).getAmountOut(
			amountIn,
			reserveIn,
			reserveOut
		);
		return this.settle(zeroForOne, amountIn, amountOut, to);
	}

	/** Buy exactly `amountOut` (token1 if `zeroForOne`, else token0); returns what you paid. */
	buy(zeroForOne: boolean, amountOut: bigint, to: string): bigint {
		const [reserveIn, reserveOut] = this.sides(zeroForOne);
		const amountIn = Contract.at<Library>(this.library.get()).getAmountIn(
			amountOut,
			reserveIn,
			reserveOut
		);
		this.settle(zeroForOne, amountIn, amountOut, to);
		return amountIn;
	}

	private sides(zeroForOne: boolean): [bigint, bigint] {
		const r0 = this.reserve0.get();
		const r1 = this.reserve1.get();
		return zeroForOne ? [r0, r1] : [r1, r0];
	}

	private settle(zeroForOne: boolean, amountIn: bigint, amountOut: bigint, to: string): bigint {
		const [reserveIn, reserveOut] = this.sides(zeroForOne);
		require(amountOut > 0n && amountOut < reserveOut, 'Pool: BAD_AMOUNT_OUT');
		const [tokenIn, tokenOut] = zeroForOne
			? [this.token0.get(), this.token1.get()]
			: [this.token1.get(), this.token0.get()];
		Token.at(tokenIn).transferFrom(msg.sender, this.address, amountIn);
		Token.at(tokenOut).transfer(to, amountOut);
		const [newIn, newOut] = [reserveIn + amountIn, reserveOut - amountOut];
		if (zeroForOne) this.update(newIn, newOut);
		else this.update(newOut, newIn);
		emit('Swap', {
			sender: msg.sender,
			amount0In: zeroForOne ? amountIn : 0n,
			amount1In: zeroForOne ? 0n : amountIn,
			amount0Out: zeroForOne ? 0n : amountOut,
			amount1Out: zeroForOne ? amountOut : 0n,
			to
		});
		return amountOut;
	}

	private update(reserve0: bigint, reserve1: bigint) {
		this.reserve0.set(reserve0);
		this.reserve1.set(reserve1);
		emit('Sync', { reserve0, reserve1 });
	}
}
