import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

/**
 * Chain 1 side of a lock-and-mint bridge. lock() holds tokens here and emits Locked; a relayer
 * carries the event to chain 2, where BridgeMint mints as much. On the way back, BridgeMint burns
 * and emits Burned, and the relayer calls release() here to pay the locked tokens out, once per
 * burn (each burn's nonce is remembered, so a replayed message reverts). Approve this contract
 * before you lock.
 */
export default class BridgeLock extends Contract {
	token = new StorageValue<string>('token', '');
	relayer = new StorageValue<string>('relayer', '');
	nonce = new StorageValue<bigint>('nonce', 0n);
	locked = new StorageValue<bigint>('locked', 0n);
	released = new StorageMap<string, boolean>('released');

	/** `relayer` may call release(); without one, nothing can be released. */
	constructor(token: string, relayer?: string) {
		super();
		this.token.set(token);
		this.relayer.set(relayer ?? '');
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

	/** Pay out `amount` to `to` for the burn with this `nonce` on chain 2 (relayer only). */
	release(to: string, amount: bigint, nonce: bigint) {
		require(this.relayer.get() !==
			'', 'this BridgeLock has no relayer: deploy it with (token, relayer)');
		require(msg.sender === this.relayer.get(), 'only the relayer releases');
		require(!this.released.has(nonce.toString()), 'this burn was already released');
		require(amount <= this.locked.get(), 'more than is locked');
		this.released.set(nonce.toString(), true);
		this.locked.set(this.locked.get() - amount);
		Token.at(this.token.get()).transfer(to, amount);
		emit('Released', { to, amount, nonce });
	}

	totalLocked(): bigint {
		return this.locked.get();
	}
}
