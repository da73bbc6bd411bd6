import { Contract, StorageValue, Token, msg, require, emit } from 'chainlab';

/**
 * Chain 1 side of a lock-and-mint bridge: locks tokens here and emits Locked. The relayer reads
 * the event and asks the chain 2 side to release as much there. Approve this contract first.
 */
export default class BridgeLock extends Contract {
	token = new StorageValue<string>('token', '');
	nonce = new StorageValue<bigint>('nonce', 0n);
	locked = new StorageValue<bigint>('locked', 0n);

	constructor(token: string) {
		super();
		this.token.set(token);
	}

	/** Lock `amount` of the token for `to` on chain 2. */
	lock(to: string, amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		Token.at(this.token.get()).transferFrom(msg.sender, this.address, amount);
		const nonce = this.nonce.get();
		this.nonce.set(nonce + 1n);
		this.locked.set(this.locked.get() + amount);
		emit('Locked', { from: msg.sender, to, amount, nonce });
	}

	totalLocked(): bigint {
		return this.locked.get();
	}
}
