import { Contract, StorageMap, StorageValue, msg, require, emit } from 'chainlab';

/** A minimal token: every balance lives in contract storage, keyed by address. */
export default class Token extends Contract {
	balances = new StorageMap<string, bigint>('balances');
	supply = new StorageValue<bigint>('supply', 0n);

	/** Runs once, at deploy: the deployer receives the whole supply. */
	constructor(initialSupply: bigint) {
		super();
		this.balances.set(msg.sender, initialSupply);
		this.supply.set(initialSupply);
	}

	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	totalSupply(): bigint {
		return this.supply.get();
	}

	/** Move `amount` (smallest units, 18 decimals) from the caller to `to`. */
	transfer(to: string, amount: bigint): boolean {
		const from = msg.sender;
		// TODO: revert with a clear reason when `from` holds less than `amount`.
		// TODO: take `amount` off the sender's balance.
		this.balances.set(to, this.balanceOf(to) + amount);
		// TODO: emit a Transfer event with from, to and amount.
		return true;
	}
}
