import { Contract, StorageValue, msg, require, emit } from 'chainlab';

/** The ETH price in USD with 8 decimals (2,000 USD is 200000000000). Only the feeder sets it. */
export default class Oracle extends Contract {
	feeder = new StorageValue<string>('feeder', '');
	ethUsd = new StorageValue<bigint>('ethUsd', 0n);

	constructor() {
		super();
		this.feeder.set(msg.sender);
	}

	setPrice(price: bigint) {
		require(msg.sender === this.feeder.get(), 'only the feeder sets the price');
		require(price > 0n, 'price must be positive');
		this.ethUsd.set(price);
		emit('PriceUpdated', { price });
	}

	price(): bigint {
		const price = this.ethUsd.get();
		require(price > 0n, 'no price yet');
		return price;
	}
}
