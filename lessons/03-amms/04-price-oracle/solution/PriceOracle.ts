// file: PriceOracle.ts
import { Contract, StorageValue, block, require } from 'chainlab';

type Reserves = { reserve0: bigint; reserve1: bigint; blockTimestampLast: number };
type Pair = {
	token0(): string;
	token1(): string;
	getReserves(): Reserves;
	price0CumulativeLast(): bigint;
	price1CumulativeLast(): bigint;
};

const PERIOD = 24 * 60 * 60; // 24 hours, in seconds
const UINT32 = 2 ** 32;
const UINT224 = 2n ** 224n;
const UINT256 = 2n ** 256n;

/**
 * A fixed-window TWAP after Uniswap's ExampleOracleSimple (v2-periphery 0335e8f7,
 * contracts/examples/ExampleOracleSimple.sol): once every 24 hours, update() stores the average
 * prices over the window; consult() prices with that average, never with the spot reserves.
 */
export default class PriceOracle extends Contract {
	pair = new StorageValue<string>('pair', '');
	token0 = new StorageValue<string>('token0', '');
	token1 = new StorageValue<string>('token1', '');
	price0CumulativeLast = new StorageValue<bigint>('price0CumulativeLast', 0n);
	price1CumulativeLast = new StorageValue<bigint>('price1CumulativeLast', 0n);
	blockTimestampLast = new StorageValue<number>('blockTimestampLast', 0);
	price0Average = new StorageValue<bigint>('price0Average', 0n); // UQ112x112: token1 per token0
	price1Average = new StorageValue<bigint>('price1Average', 0n); // UQ112x112: token0 per token1

	constructor(pair: string) {
		super();
		const p = Contract.at<Pair>(pair);
		this.pair.set(pair);
		this.token0.set(p.token0());
		this.token1.set(p.token1());
		this.price0CumulativeLast.set(p.price0CumulativeLast());
		this.price1CumulativeLast.set(p.price1CumulativeLast());
		const r = p.getReserves();
		this.blockTimestampLast.set(r.blockTimestampLast);
		require(r.reserve0 !== 0n && r.reserve1 !== 0n, 'ExampleOracleSimple: NO_RESERVES');
	}

	update() {
		const { price0Cumulative, price1Cumulative, blockTimestamp } = this.currentCumulativePrices();
		const timeElapsed = (blockTimestamp - this.blockTimestampLast.get() + UINT32) % UINT32; // overflow is desired
		require(timeElapsed >= PERIOD, 'ExampleOracleSimple: PERIOD_NOT_ELAPSED');
		const elapsed = BigInt(timeElapsed);
		const d0 = (price0Cumulative - this.price0CumulativeLast.get() + UINT256) % UINT256;
		const d1 = (price1Cumulative - this.price1CumulativeLast.get() + UINT256) % UINT256;
		this.price0Average.set((d0 / elapsed) % UINT224);
		this.price1Average.set((d1 / elapsed) % UINT224);
		this.price0CumulativeLast.set(price0Cumulative);
		this.price1CumulativeLast.set(price1Cumulative);
		this.blockTimestampLast.set(blockTimestamp);
	}

	/** 0 until the first update() (as in ExampleOracleSimple). */
	consult(token: string, amountIn: bigint): bigint {
		if (token === this.token0.get()) return (this.price0Average.get() * amountIn) >> 112n;
		require(token === this.token1.get(), 'ExampleOracleSimple: INVALID_TOKEN');
		return (this.price1Average.get() * amountIn) >> 112n;
	}

	/**
	 * UniswapV2OracleLibrary.currentCumulativePrices (lines 16-34): the pair's accumulators, plus
	 * the seconds since its last update at the reserves it holds now (the counterfactual accrual
	 * a sync() would add).
	 */
	private currentCumulativePrices() {
		const p = Contract.at<Pair>(this.pair.get());
		const blockTimestamp = block.timestamp % UINT32;
		let price0Cumulative = p.price0CumulativeLast();
		let price1Cumulative = p.price1CumulativeLast();
		const r = p.getReserves();
		if (r.blockTimestampLast !== blockTimestamp) {
			const elapsed = BigInt((blockTimestamp - r.blockTimestampLast + UINT32) % UINT32);
			price0Cumulative =
				(price0Cumulative + ((r.reserve1 << 112n) / r.reserve0) * elapsed) % UINT256;
			price1Cumulative =
				(price1Cumulative + ((r.reserve0 << 112n) / r.reserve1) * elapsed) % UINT256;
		}
		return { price0Cumulative, price1Cumulative, blockTimestamp };
	}
}
