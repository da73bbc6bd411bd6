// file: Vault.ts
import { Contract, StorageMap, msg, require, emit, transfer } from 'chainlab';

/**
 * Holds native coin (ETH, in wei) for its depositors. `balances` is the vault's ledger: what it
 * owes each depositor. The coin it holds should always equal the sum of that ledger.
 */
export default class Vault extends Contract {
	balances = new StorageMap<string, bigint>('balances'); // depositor -> wei owed

	/** Deposit the ETH sent with the call (msg.value, wei). */
	deposit() {
		require(msg.value > 0n, 'send some ETH to deposit');
		this.balances.set(msg.sender, this.balanceOf(msg.sender) + msg.value);
		emit('Deposit', { user: msg.sender, amount: msg.value });
	}

	/** Send the caller everything the ledger owes them. */
	withdraw() {
		// checks
		const amount = this.balanceOf(msg.sender);
		require(amount > 0n, 'nothing to withdraw');
		// effects: the ledger is settled before any outside code runs
		this.balances.set(msg.sender, 0n);
		emit('Withdraw', { user: msg.sender, amount });
		// interactions: a re-entrant withdraw() now finds a zero balance and reverts
		transfer(msg.sender, amount);
	}

	/** What the ledger owes `user`, in wei. */
	balanceOf(user: string): bigint {
		return this.balances.get(user) ?? 0n;
	}
}
