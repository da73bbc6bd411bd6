// file: Vault.ts
import { Contract, StorageMap, StorageValue, emit, msg, require, transfer } from 'chainlab';

// A vault governed through the timelock: depositors keep ETH here and may withdraw at any time,
// less an exit fee that only the timelock (that is, a passed and delayed proposal) can set. The
// fee is in basis points (10,000 = 100%); amounts are wei. Illustrative.
export default class Vault extends Contract {
	timelock = new StorageValue<string>('timelock', '');
	/** the exit fee, basis points */
	fee = new StorageValue<number>('exitFeeBps', 0);
	deposits = new StorageMap<string, bigint>('deposits');

	constructor(timelock: string) {
		super();
		this.timelock.set(timelock);
	}

	/** The exit fee, basis points (10,000 = 100%). */
	exitFeeBps(): number {
		return this.fee.get();
	}

	/** Deposit the ETH sent along. */
	deposit() {
		require(msg.value > 0n, 'Vault: send ETH to deposit');
		this.deposits.set(msg.sender, (this.deposits.get(msg.sender) ?? 0n) + msg.value);
		emit('Deposit', { user: msg.sender, amount: msg.value });
	}

	/** Withdraw your whole deposit, less the exit fee (which stays in the vault). */
	withdraw(): bigint {
		const amount = this.deposits.get(msg.sender) ?? 0n;
		require(amount > 0n, 'Vault: nothing to withdraw');
		const fee = (amount * BigInt(this.fee.get())) / 10_000n;
		this.deposits.set(msg.sender, 0n);
		transfer(msg.sender, amount - fee);
		emit('Withdraw', { user: msg.sender, amount: amount - fee, fee });
		return amount - fee;
	}

	/** Only the timelock may set the exit fee, in basis points. */
	setExitFee(bps: number) {
		require(msg.sender === this.timelock.get(), 'Vault: only the timelock');
		require(Number.isInteger(bps) && bps >= 0 && bps <= 10_000, 'Vault: fee out of range');
		this.fee.set(bps);
		emit('ExitFeeSet', { bps });
	}
}
