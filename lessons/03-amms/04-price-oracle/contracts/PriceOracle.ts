// file: PriceOracle.ts
import { Contract, StorageValue, require } from 'chainlab';

type Reserves = { reserve0: bigint; reserve1: bigint; blockTimestampLast: number };
type Pair = {
	token0(): string;
	token1(): string;
	getReserves(): Reserves;
	price0CumulativeLast(): bigint;
	price1CumulativeLast(): bigint;
};

/**
 * The lending pool's price feed, read from one Uniswap v2 pair.
 * consult(token, amountIn): how much of the pair's other token `amountIn` of `token` is worth.
 *
 * This starter reads the pair's SPOT reserves, right now, in the middle of whatever transaction is
 * calling. Make it a fixed-window TWAP after Uniswap's ExampleOracleSimple:
 * - update(): reverts 'ExampleOracleSimple: PERIOD_NOT_ELAPSED' until 24 hours have passed since
 *   the last observation, then stores the average prices over that window (UQ112x112);
 * - consult(token, amountIn): amountIn times the stored average, decoded from UQ112x112.
 */
export default class PriceOracle extends Contract {
	pair = new StorageValue<string>('pair', '');
	token0 = new StorageValue<string>('token0', '');
	token1 = new StorageValue<string>('token1', '');

	constructor(pair: string) {
		super();
		const p = Contract.at<Pair>(pair);
		this.pair.set(pair);
		this.token0.set(p.token0());
		this.token1.set(p.token1());
		const r = p.getReserves();
		require(r.reserve0 !== 0n && r.reserve1 !== 0n, 'ExampleOracleSimple: NO_RESERVES');
	}

	update() {
		// TODO: the 24-hour window, the cumulative prices, the averages
	}

	consult(token: string, amountIn: bigint): bigint {
		const r = Contract.at<Pair>(this.pair.get()).getReserves();
		if (token === this.token0.get()) return (amountIn * r.reserve1) / r.reserve0; // spot!
		require(token === this.token1.get(), 'ExampleOracleSimple: INVALID_TOKEN');
		return (amountIn * r.reserve0) / r.reserve1; // spot!
	}
}
