import { Contract, StorageMap, StorageValue, msg, require, emit } from 'chainlab';

/** A minimal token: balances live in contract storage, keyed by address. 18 decimals. */
export default class Token extends Contract {
	balances = new StorageMap<string, bigint>('balances');
	supply = new StorageValue<bigint>('supply', 0n);

	/** The deployer receives the whole supply. */
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

	/** Move `amount` (smallest units) from the caller to `to`. */
	transfer(to: string, amount: bigint): boolean {
		const from = msg.sender;
		const balance = this.balanceOf(from);
		require(balance >= amount, 'insufficient balance');
		this.balances.set(from, balance - amount);
		this.balances.set(to, this.balanceOf(to) + amount);
		emit('Transfer', { from, to, amount });
		return true;
	}
}
