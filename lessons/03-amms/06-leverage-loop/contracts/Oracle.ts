// file: Oracle.ts
import { Contract, StorageMap, StorageValue, msg, require, emit } from 'chainlab';

/**
 * A price feed. Prices are USD per whole token with 8 decimals, as Aave's oracle reports them:
 * 2,000 USD is 200_000_000_000n. Only the feeder (the deployer) may set them.
 */
export default class Oracle extends Contract {
	feeder = new StorageValue<string>('feeder', '');
	prices = new StorageMap<string, bigint>('prices');

	constructor() {
		super();
		this.feeder.set(msg.sender);
	}

	setAssetPrice(asset: string, price: bigint) {
		require(msg.sender === this.feeder.get(), 'Oracle: only the feeder sets prices');
		require(price > 0n, 'Oracle: price must be positive');
		this.prices.set(asset, price);
		emit('AssetPriceUpdated', { asset, price });
	}

	/** USD per whole token, 8 decimals. Reverts when the asset has no price. */
	getAssetPrice(asset: string): bigint {
		const price = this.prices.get(asset) ?? 0n;
		require(price > 0n, 'Oracle: no price for this asset');
		return price;
	}
}
