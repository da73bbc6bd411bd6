// file: Pair.ts
import { Contract, StorageMap, StorageValue, Token, block, emit, msg, require } from 'chainlab';

// Uniswap v2's pair (v2-core UniswapV2Pair.sol), without the protocol fee, the oracle and the
// K check. Amounts are the tokens' smallest units (18 decimals); LP tokens have 18 decimals too.
const MINIMUM_LIQUIDITY = 1_000n;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Babylonian square root, rounded down (v2-core Math.sol 11-22). */
function sqrt(y: bigint): bigint {
	if (y > 3n) {
		let z = y;
		let x = y / 2n + 1n;
		while (x < z) {
			z = x;
			x = (y / x + x) / 2n;
		}
		return z;
	}
	return y === 0n ? 0n : 1n;
}

/** The most out for `amountIn` after the 0.3% fee, rounded down (lesson 01's getAmountOut). */
function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
	require(amountIn > 0n, 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT');
	require(reserveIn > 0n && reserveOut > 0n, 'UniswapV2Library: INSUFFICIENT_LIQUIDITY');
	const amountInWithFee = amountIn * 997n;
	return (amountInWithFee * reserveOut) / (reserveIn * 1000n + amountInWithFee);
}

/**
 * A constant-product pair of token0 and token1 that is also the ERC-20 of its LP tokens. As in
 * v2, you send tokens to the pair first, then call mint, burn or swap in the same transaction or
 * the next: the pair measures what arrived as its balance minus its reserve.
 */
export default class Pair extends Contract {
	token0 = new StorageValue<string>('token0', '');
	token1 = new StorageValue<string>('token1', '');
	reserve0 = new StorageValue<bigint>('reserve0', 0n);
	reserve1 = new StorageValue<bigint>('reserve1', 0n);
	blockTimestampLast = new StorageValue<number>('blockTimestampLast', 0);
	supply = new StorageValue<bigint>('totalSupply', 0n);
	balances = new StorageMap<string, bigint>('balanceOf');

	constructor(token0: string, token1: string) {
		super();
		this.token0.set(token0);
		this.token1.set(token1);
	}

	// ------------------------------------------------------------------- the LP token (ERC-20)

	totalSupply(): bigint {
		return this.supply.get();
	}

	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	/** Move `value` LP tokens from you to `to` (send them to the pair itself before burn). */
	transfer(to: string, value: bigint): boolean {
		const from = this.balanceOf(msg.sender);
		require(from >= value, 'ds-math-sub-underflow');
		this.balances.set(msg.sender, from - value);
		this.balances.set(to, this.balanceOf(to) + value);
		emit('Transfer', { from: msg.sender, to, value });
		return true;
	}

	private mintLp(to: string, value: bigint) {
		this.supply.set(this.supply.get() + value);
		this.balances.set(to, this.balanceOf(to) + value);
		emit('Transfer', { from: ZERO_ADDRESS, to, value });
	}

	private burnLp(from: string, value: bigint) {
		this.balances.set(from, this.balanceOf(from) - value);
		this.supply.set(this.supply.get() - value);
		emit('Transfer', { from, to: ZERO_ADDRESS, value });
	}

	// ------------------------------------------------------------------------------ the pair

	getReserves(): { reserve0: bigint; reserve1: bigint; blockTimestampLast: number } {
		return {
			reserve0: this.reserve0.get(),
			reserve1: this.reserve1.get(),
			blockTimestampLast: this.blockTimestampLast.get()
		};
	}

	private balance0(): bigint {
		return Token.at(this.token0.get()).balanceOf(this.address);
	}

	private balance1(): bigint {
		return Token.at(this.token1.get()).balanceOf(this.address);
	}

	/** Reserves := balances (UniswapV2Pair.sol 73-86, without the price accumulators). */
	private update(balance0: bigint, balance1: bigint) {
		require(balance0 < 2n ** 112n && balance1 < 2n ** 112n, 'UniswapV2: OVERFLOW');
		this.reserve0.set(balance0);
		this.reserve1.set(balance1);
		this.blockTimestampLast.set(block.timestamp);
		emit('Sync', { reserve0: balance0, reserve1: balance1 });
	}

	/**
	 * Mint LP tokens to `to` for the tokens sent to the pair since the last update
	 * (UniswapV2Pair.sol 110-131). Returns the LP tokens minted.
	 */
	mint(to: string): bigint {
		const reserve0 = this.reserve0.get();
		const reserve1 = this.reserve1.get();
		const balance0 = this.balance0();
		const balance1 = this.balance1();
		const amount0 = balance0 - reserve0;
		const amount1 = balance1 - reserve1;
		const totalSupply = this.supply.get();
		let liquidity: bigint;
		if (totalSupply === 0n) {
			// TODO the first deposit: lock MINIMUM_LIQUIDITY forever at ZERO_ADDRESS, the depositor gets the rest
			liquidity = sqrt(amount0 * amount1);
		} else {
			// TODO a later deposit: only what matches the pool's ratio counts (the other side is a gift)
			liquidity = (amount0 * totalSupply) / reserve0;
		}
		require(liquidity > 0n, 'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED');
		this.mintLp(to, liquidity);
		this.update(balance0, balance1);
		emit('Mint', { sender: msg.sender, amount0, amount1 });
		return liquidity;
	}

	/**
	 * Burn the LP tokens sent to the pair and pay `to` their share of the pair
	 * (UniswapV2Pair.sol 134-156). Returns what was paid.
	 */
	burn(to: string): { amount0: bigint; amount1: bigint } {
		const liquidity = this.balanceOf(this.address);
		const totalSupply = this.supply.get();
		// TODO pay a share of what the pair holds (its balances), not of its reserves
		const amount0 = (liquidity * this.reserve0.get()) / totalSupply;
		const amount1 = (liquidity * this.reserve1.get()) / totalSupply;
		require(amount0 > 0n && amount1 > 0n, 'UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED');
		this.burnLp(this.address, liquidity);
		Token.at(this.token0.get()).transfer(to, amount0);
		Token.at(this.token1.get()).transfer(to, amount1);
		this.update(this.balance0(), this.balance1());
		emit('Burn', { sender: msg.sender, amount0, amount1, to });
		return { amount0, amount1 };
	}

	/**
	 * Swap what was sent to the pair: if `zeroForOne`, token0 came in and token1 goes to `to`.
	 * The pair prices the trade itself with getAmountOut. (Lesson 03 replaces this with v2's
	 * optimistic swap and its K check.)
	 */
	swap(zeroForOne: boolean, to: string): bigint {
		const reserve0 = this.reserve0.get();
		const reserve1 = this.reserve1.get();
		const amount0In = this.balance0() - reserve0;
		const amount1In = this.balance1() - reserve1;
		const amountIn = zeroForOne ? amount0In : amount1In;
		const amountOut = zeroForOne
			? getAmountOut(amountIn, reserve0, reserve1)
			: getAmountOut(amountIn, reserve1, reserve0);
		Token.at(zeroForOne ? this.token1.get() : this.token0.get()).transfer(to, amountOut);
		this.update(this.balance0(), this.balance1());
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

	/** Reserves := balances, e.g. after a donation (UniswapV2Pair.sol 198-200). */
	sync() {
		this.update(this.balance0(), this.balance1());
	}
}
