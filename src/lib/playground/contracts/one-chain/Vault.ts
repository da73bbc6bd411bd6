import { Contract, StorageMap, StorageValue, msg, require, emit, transfer } from 'chainlab';

/** Holds ETH for its depositors: send ETH with deposit() (or plainly), take it back with withdraw. */
export default class Vault extends Contract {
	deposits = new StorageMap<string, bigint>('deposits');
	total = new StorageValue<bigint>('total', 0n);

	/** Deposit the ETH sent with the call (msg.value, in wei). */
	deposit() {
		require(msg.value > 0n, 'send some ETH with the call');
		this.credit(msg.sender, msg.value);
	}

	/** A plain ETH transfer to the vault counts as a deposit. */
	receive() {
		this.credit(msg.sender, msg.value);
	}

	/** Send `amount` wei of the caller's deposit back to them. */
	withdraw(amount: bigint) {
		const balance = this.balanceOf(msg.sender);
		require(amount <= balance, 'withdraw exceeds your deposit');
		this.deposits.set(msg.sender, balance - amount);
		this.total.set(this.total.get() - amount);
		transfer(msg.sender, amount);
		emit('Withdraw', { user: msg.sender, amount });
	}

	balanceOf(user: string): bigint {
		return this.deposits.get(user) ?? 0n;
	}

	private credit(user: string, amount: bigint) {
		this.deposits.set(user, this.balanceOf(user) + amount);
		this.total.set(this.total.get() + amount);
		emit('Deposit', { user, amount });
	}
}
