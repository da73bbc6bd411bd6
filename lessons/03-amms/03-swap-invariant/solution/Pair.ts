import { Contract, StorageMap, StorageValue, Token, emit, msg, require } from 'chainlab';

// Uniswap v2's pair (UniswapV2Pair.sol at v2-core ee547b17), without the price accumulators:
// reserves, LP shares, mint, burn, swap with the K check, sync, and the lock modifier.
const MINIMUM_LIQUIDITY = 1000n;
const UINT112_MAX = 2n ** 112n - 1n;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Babylonian square root, rounded down (libraries/Math.sol 11-22). */
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

export default class Pair extends Contract {
	token0: string;
	token1: string;
	reserve0 = new StorageValue<bigint>('reserve0', 0n);
	reserve1 = new StorageValue<bigint>('reserve1', 0n);
	totalSupply = new StorageValue<bigint>('totalSupply', 0n);
	balances = new StorageMap<string, bigint>('balances');
	unlocked = new StorageValue<boolean>('unlocked', true);

	constructor(token0: string, token1: string) {
		super();
		this.token0 = token0;
		this.token1 = token1;
	}

	/** The reserves as of the last update, in the tokens' smallest units. */
	getReserves(): [bigint, bigint] {
		return [this.reserve0.get(), this.reserve1.get()];
	}

	/** LP tokens held by `account`. */
	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	/** Moves LP tokens: send them to the pair itself before burn(). */
	transfer(to: string, value: bigint): boolean {
		const from = this.balanceOf(msg.sender);
		require(from >= value, 'ds-math-sub-underflow');
		this.balances.set(msg.sender, from - value);
		this.balances.set(to, this.balanceOf(to) + value);
		return true;
	}

	/** Mints LP tokens for what was sent to the pair since the last update (Pair.sol 110-131). */
	mint(to: string): bigint {
		this.lock();
		const reserve0 = this.reserve0.get();
		const reserve1 = this.reserve1.get();
		const balance0 = Token.at(this.token0).balanceOf(this.address);
		const balance1 = Token.at(this.token1).balanceOf(this.address);
		const amount0 = balance0 - reserve0;
		const amount1 = balance1 - reserve1;
		require(amount0 >= 0n && amount1 >= 0n, 'ds-math-sub-underflow');
		const supply = this.totalSupply.get();
		let liquidity: bigint;
		if (supply === 0n) {
			liquidity = sqrt(amount0 * amount1) - MINIMUM_LIQUIDITY;
			require(liquidity >= 0n, 'ds-math-sub-underflow');
			this.mintLp(ZERO_ADDRESS, MINIMUM_LIQUIDITY); // locked forever
		} else {
			const l0 = (amount0 * supply) / reserve0;
			const l1 = (amount1 * supply) / reserve1;
			liquidity = l0 < l1 ? l0 : l1;
		}
		require(liquidity > 0n, 'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED');
		this.mintLp(to, liquidity);
		this.update(balance0, balance1);
		emit('Mint', { sender: msg.sender, amount0, amount1 });
		this.unlock();
		return liquidity;
	}

	/** Burns the LP tokens sent to the pair and pays out their share of the balances (Pair.sol 134-156). */
	burn(to: string): [bigint, bigint] {
		this.lock();
		const t0 = Token.at(this.token0);
		const t1 = Token.at(this.token1);
		const liquidity = this.balanceOf(this.address);
		const supply = this.totalSupply.get();
		const amount0 = supply === 0n ? 0n : (liquidity * t0.balanceOf(this.address)) / supply;
		const amount1 = supply === 0n ? 0n : (liquidity * t1.balanceOf(this.address)) / supply;
		require(amount0 > 0n && amount1 > 0n, 'UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED');
		this.balances.set(this.address, 0n);
		this.totalSupply.set(supply - liquidity);
		t0.transfer(to, amount0);
		t1.transfer(to, amount1);
		this.update(t0.balanceOf(this.address), t1.balanceOf(this.address));
		emit('Burn', { sender: msg.sender, amount0, amount1, to });
		this.unlock();
		return [amount0, amount1];
	}

	/**
	 * Sends `amount0Out` / `amount1Out` to `to` first, calls `uniswapV2Call` on `to` when `data` is
	 * not empty (a flash swap), then checks that what came back pays for it (Pair.sol 159-187).
	 */
	swap(amount0Out: bigint, amount1Out: bigint, to: string, data: string): void {
		this.lock();
		require(amount0Out > 0n || amount1Out > 0n, 'UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT');
		const reserve0 = this.reserve0.get();
		const reserve1 = this.reserve1.get();
		require(amount0Out < reserve0 && amount1Out < reserve1, 'UniswapV2: INSUFFICIENT_LIQUIDITY');
		require(to !== this.token0 && to !== this.token1, 'UniswapV2: INVALID_TO');
		const token0 = Token.at(this.token0);
		const token1 = Token.at(this.token1);
		// optimistic transfers: pay out before anything came in
		if (amount0Out > 0n) token0.transfer(to, amount0Out);
		if (amount1Out > 0n) token1.transfer(to, amount1Out);
		if (data.length > 0) Contract.at(to).uniswapV2Call(msg.sender, amount0Out, amount1Out, data);
		const balance0 = token0.balanceOf(this.address);
		const balance1 = token1.balanceOf(this.address);
		const amount0In = balance0 > reserve0 - amount0Out ? balance0 - (reserve0 - amount0Out) : 0n;
		const amount1In = balance1 > reserve1 - amount1Out ? balance1 - (reserve1 - amount1Out) : 0n;
		require(amount0In > 0n || amount1In > 0n, 'UniswapV2: INSUFFICIENT_INPUT_AMOUNT');
		// the K check, with the 0.3% fee taken from what came in
		const balance0Adjusted = balance0 * 1000n - amount0In * 3n;
		const balance1Adjusted = balance1 * 1000n - amount1In * 3n;
		const k = reserve0 * reserve1 * 1000n ** 2n;
		require(balance0Adjusted * balance1Adjusted >= k, 'UniswapV2: K');
		this.update(balance0, balance1);
		emit('Swap', { sender: msg.sender, amount0In, amount1In, amount0Out, amount1Out, to });
		this.unlock();
	}

	/** Sets the reserves to the balances (Pair.sol 198-200). */
	sync(): void {
		this.lock();
		this.update(
			Token.at(this.token0).balanceOf(this.address),
			Token.at(this.token1).balanceOf(this.address)
		);
		this.unlock();
	}

	/** The lock modifier (Pair.sol 31-36): no method of the pair runs while another is open. */
	private lock(): void {
		require(this.unlocked.get(), 'UniswapV2: LOCKED');
		this.unlocked.set(false);
	}

	private unlock(): void {
		this.unlocked.set(true);
	}

	private update(balance0: bigint, balance1: bigint): void {
		require(balance0 <= UINT112_MAX && balance1 <= UINT112_MAX, 'UniswapV2: OVERFLOW');
		this.reserve0.set(balance0);
		this.reserve1.set(balance1);
		emit('Sync', { reserve0: balance0, reserve1: balance1 });
	}

	private mintLp(to: string, value: bigint): void {
		this.totalSupply.set(this.totalSupply.get() + value);
		this.balances.set(to, this.balanceOf(to) + value);
	}
}
