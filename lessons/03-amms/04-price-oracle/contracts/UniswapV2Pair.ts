// file: UniswapV2Pair.ts
// Uniswap v2's pair, line for line where Chainlab allows (Uniswap/v2-core ee547b17,
// contracts/UniswapV2Pair.sol): reserves, the K check with the 0.3% fee, the flash-swap callback
// `uniswapV2Call`, the `lock` guard and the price accumulators of `_update`. Read it; do not edit.
// Only what this lesson uses is here: mint, swap and sync (no burn, skim or protocol fee; lesson 2
// has them). No factory: the constructor sorts the two tokens as UniswapV2Factory.createPair
// does (UniswapV2Factory.sol line 25).
import { Contract, StorageMap, StorageValue, Token, block, emit, msg, require } from 'chainlab';

const MINIMUM_LIQUIDITY = 1000n; // line 15
const Q112 = 2n ** 112n; // UQ112x112.sol line 9
const UINT112_MAX = 2n ** 112n - 1n;
const UINT256 = 2n ** 256n; // uint arithmetic wraps modulo 2^256 where v2 says "overflow is desired"
const UINT32 = 2 ** 32;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** What a flash-swap borrower implements (IUniswapV2Callee). */
type Callee = {
	uniswapV2Call(sender: string, amount0Out: bigint, amount1Out: bigint, data: string): void;
};

/** Reserves and the time of their last update, as `getReserves()` returns them. */
export type Reserves = { reserve0: bigint; reserve1: bigint; blockTimestampLast: number };

export default class UniswapV2Pair extends Contract {
	address0 = new StorageValue<string>('token0', '');
	address1 = new StorageValue<string>('token1', '');
	reserve0 = new StorageValue<bigint>('reserve0', 0n); // uint112
	reserve1 = new StorageValue<bigint>('reserve1', 0n); // uint112
	lastUpdate = new StorageValue<number>('blockTimestampLast', 0); // uint32
	cumulative0 = new StorageValue<bigint>('price0CumulativeLast', 0n); // UQ112x112 * seconds
	cumulative1 = new StorageValue<bigint>('price1CumulativeLast', 0n);
	unlocked = new StorageValue<number>('unlocked', 1);
	supply = new StorageValue<bigint>('totalSupply', 0n); // LP tokens (UniswapV2ERC20)
	balances = new StorageMap<string, bigint>('balanceOf');

	constructor(tokenA: string, tokenB: string) {
		super();
		require(tokenA !== tokenB, 'UniswapV2: IDENTICAL_ADDRESSES');
		const [t0, t1] = tokenA < tokenB ? [tokenA, tokenB] : [tokenB, tokenA];
		this.address0.set(t0);
		this.address1.set(t1);
	}

	// lines 31-36: the re-entrancy guard, `lock`
	private enter() {
		require(this.unlocked.get() === 1, 'UniswapV2: LOCKED');
		this.unlocked.set(0);
	}
	private leave() {
		this.unlocked.set(1);
	}

	/** The token with the lower address. */
	token0(): string {
		return this.address0.get();
	}

	/** The token with the higher address. */
	token1(): string {
		return this.address1.get();
	}

	/** Lines 38-42. Reserves in the tokens' smallest units; the time is uint32 unix seconds. */
	getReserves(): Reserves {
		return {
			reserve0: this.reserve0.get(),
			reserve1: this.reserve1.get(),
			blockTimestampLast: this.lastUpdate.get()
		};
	}

	/** Sum of (reserve1 / reserve0 as UQ112x112) * seconds, wrapping modulo 2^256. */
	price0CumulativeLast(): bigint {
		return this.cumulative0.get();
	}

	/** Sum of (reserve0 / reserve1 as UQ112x112) * seconds, wrapping modulo 2^256. */
	price1CumulativeLast(): bigint {
		return this.cumulative1.get();
	}

	totalSupply(): bigint {
		return this.supply.get();
	}

	balanceOf(owner: string): bigint {
		return this.balances.get(owner) ?? 0n;
	}

	/** Moves LP tokens (UniswapV2ERC20.transfer); send them to the pair before `burn`. */
	transfer(to: string, value: bigint): boolean {
		const from = this.balanceOf(msg.sender);
		require(value >= 0n && from >= value, 'ds-math-sub-underflow');
		this.balances.set(msg.sender, from - value);
		this.balances.set(to, this.balanceOf(to) + value);
		emit('Transfer', { from: msg.sender, to, value });
		return true;
	}

	/**
	 * Lines 72-86: update reserves and, on the first call per block, the price accumulators, with
	 * the reserves from BEFORE this call (`_reserve0`, `_reserve1`), times the seconds since the
	 * last update.
	 */
	private update(balance0: bigint, balance1: bigint, _reserve0: bigint, _reserve1: bigint) {
		require(balance0 <= UINT112_MAX && balance1 <= UINT112_MAX, 'UniswapV2: OVERFLOW');
		const blockTimestamp = block.timestamp % UINT32;
		const timeElapsed = (blockTimestamp - this.lastUpdate.get() + UINT32) % UINT32; // overflow is desired
		if (timeElapsed > 0 && _reserve0 !== 0n && _reserve1 !== 0n) {
			const elapsed = BigInt(timeElapsed);
			// * never overflows, and + overflow is desired
			this.cumulative0.set(
				(this.cumulative0.get() + ((_reserve1 * Q112) / _reserve0) * elapsed) % UINT256
			);
			this.cumulative1.set(
				(this.cumulative1.get() + ((_reserve0 * Q112) / _reserve1) * elapsed) % UINT256
			);
		}
		this.reserve0.set(balance0);
		this.reserve1.set(balance1);
		this.lastUpdate.set(blockTimestamp);
		emit('Sync', { reserve0: balance0, reserve1: balance1 });
	}

	private balancesNow(): [bigint, bigint] {
		return [
			Token.at(this.address0.get()).balanceOf(this.address),
			Token.at(this.address1.get()).balanceOf(this.address)
		];
	}

	private mintLp(to: string, value: bigint) {
		this.supply.set(this.supply.get() + value);
		this.balances.set(to, this.balanceOf(to) + value);
		emit('Transfer', { from: ZERO_ADDRESS, to, value });
	}

	/** Lines 110-131 (no protocol fee: feeTo is off). Send both tokens to the pair first. */
	mint(to: string): bigint {
		this.enter();
		const _reserve0 = this.reserve0.get();
		const _reserve1 = this.reserve1.get();
		const [balance0, balance1] = this.balancesNow();
		const amount0 = balance0 - _reserve0;
		const amount1 = balance1 - _reserve1;
		const _totalSupply = this.supply.get();
		let liquidity: bigint;
		if (_totalSupply === 0n) {
			liquidity = sqrt(amount0 * amount1) - MINIMUM_LIQUIDITY;
			require(liquidity >= 0n, 'ds-math-sub-underflow');
			this.mintLp(ZERO_ADDRESS, MINIMUM_LIQUIDITY); // permanently lock the first MINIMUM_LIQUIDITY tokens
		} else {
			const a = (amount0 * _totalSupply) / _reserve0;
			const b = (amount1 * _totalSupply) / _reserve1;
			liquidity = a < b ? a : b;
		}
		require(liquidity > 0n, 'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED');
		this.mintLp(to, liquidity);
		this.update(balance0, balance1, _reserve0, _reserve1);
		emit('Mint', { sender: msg.sender, amount0, amount1 });
		this.leave();
		return liquidity;
	}

	/**
	 * Lines 159-187: send `amount0Out` / `amount1Out` to `to` first (optimistically); if `data` is
	 * not empty, call `to.uniswapV2Call(msg.sender, amount0Out, amount1Out, data)` (a flash swap);
	 * then whatever came in must satisfy the K check with the 0.3% fee, or everything reverts.
	 */
	swap(amount0Out: bigint, amount1Out: bigint, to: string, data: string) {
		this.enter();
		require(amount0Out > 0n || amount1Out > 0n, 'UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT');
		const _reserve0 = this.reserve0.get();
		const _reserve1 = this.reserve1.get();
		require(amount0Out < _reserve0 && amount1Out < _reserve1, 'UniswapV2: INSUFFICIENT_LIQUIDITY');
		const _token0 = this.address0.get();
		const _token1 = this.address1.get();
		require(to !== _token0 && to !== _token1, 'UniswapV2: INVALID_TO');
		if (amount0Out > 0n) Token.at(_token0).transfer(to, amount0Out); // optimistically transfer tokens
		if (amount1Out > 0n) Token.at(_token1).transfer(to, amount1Out); // optimistically transfer tokens
		if (data.length > 0)
			Contract.at<Callee>(to).uniswapV2Call(msg.sender, amount0Out, amount1Out, data);
		const [balance0, balance1] = this.balancesNow();
		const amount0In = balance0 > _reserve0 - amount0Out ? balance0 - (_reserve0 - amount0Out) : 0n;
		const amount1In = balance1 > _reserve1 - amount1Out ? balance1 - (_reserve1 - amount1Out) : 0n;
		require(amount0In > 0n || amount1In > 0n, 'UniswapV2: INSUFFICIENT_INPUT_AMOUNT');
		const balance0Adjusted = balance0 * 1000n - amount0In * 3n;
		const balance1Adjusted = balance1 * 1000n - amount1In * 3n;
		require(balance0Adjusted * balance1Adjusted >=
			_reserve0 * _reserve1 * 1000n ** 2n, 'UniswapV2: K');
		this.update(balance0, balance1, _reserve0, _reserve1);
		emit('Swap', { sender: msg.sender, amount0In, amount1In, amount0Out, amount1Out, to });
		this.leave();
	}

	/** Lines 197-200: force reserves to match balances. */
	sync() {
		this.enter();
		const [balance0, balance1] = this.balancesNow();
		this.update(balance0, balance1, this.reserve0.get(), this.reserve1.get());
		this.leave();
	}
}

/** Babylonian square root, rounded down (v2-core libraries/Math.sol 11-22). */
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
	return y !== 0n ? 1n : 0n;
}
