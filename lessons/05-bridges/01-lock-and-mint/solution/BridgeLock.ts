import { Contract, StorageMap, StorageValue, Token, msg, require, emit } from 'chainlab';

/**
 * Chain A's half of a lock-and-mint bridge. lock() holds your tokens here and emits Locked; the
 * relayer carries it to chain B, where BridgeMint mints as much. On the way back, BridgeMint
 * burns and emits Burned, and the relayer calls release() here. When chain B refuses a message
 * that came too late, it emits TimedOut, and the relayer calls refund() here to give the tokens
 * back to whoever locked them. Approve this contract for the token before you lock.
 */
export default class BridgeLock extends Contract {
	token = new StorageValue<string>('token', '');
	relayer = new StorageValue<string>('relayer', '');
	nonce = new StorageValue<bigint>('nonce', 0n);
	locked = new StorageValue<bigint>('locked', 0n);
	/** each lock by nonce: who locked and how much */
	transfers = new StorageMap<string, { from: string; amount: bigint }>('transfers');
	released = new StorageMap<string, boolean>('released');
	refunded = new StorageMap<string, boolean>('refunded');

	constructor(token: string, relayer: string) {
		super();
		this.token.set(token);
		this.relayer.set(relayer);
	}

	/** Lock `amount` for `to` on chain B; chain B mints it if it arrives before `timeout` (chain B's unix seconds). */
	lock(to: string, amount: bigint, timeout: bigint) {
		require(amount > 0n, 'amount must be positive');
		Token.at(this.token.get()).transferFrom(msg.sender, this.address, amount);
		const nonce = this.nonce.get();
		this.nonce.set(nonce + 1n);
		this.transfers.set(nonce.toString(), { from: msg.sender, amount });
		this.locked.set(this.locked.get() + amount);
		emit('Locked', { from: msg.sender, to, amount, nonce, timeout });
	}

	/** Pay out `amount` to `to` for chain B's burn number `nonce` (relayer only, once per burn). */
	release(to: string, amount: bigint, nonce: bigint) {
		require(msg.sender === this.relayer.get(), 'only the relayer releases');
		require(!this.released.has(nonce.toString()), 'this burn was already released');
		require(amount <= this.locked.get(), 'more than is locked');
		this.released.set(nonce.toString(), true);
		this.locked.set(this.locked.get() - amount);
		Token.at(this.token.get()).transfer(to, amount);
		emit('Released', { to, amount, nonce });
	}

	/** Give lock number `nonce` back to whoever locked it: chain B timed it out (relayer only). */
	refund(nonce: bigint) {
		require(msg.sender === this.relayer.get(), 'only the relayer refunds');
		const transfer = this.transfers.get(nonce.toString());
		require(transfer !== undefined, 'no such lock');
		require(!this.refunded.has(nonce.toString()), 'this lock was already refunded');
		this.refunded.set(nonce.toString(), true);
		this.locked.set(this.locked.get() - transfer.amount);
		Token.at(this.token.get()).transfer(transfer.from, transfer.amount);
		emit('Refunded', { to: transfer.from, amount: transfer.amount, nonce });
	}

	totalLocked(): bigint {
		return this.locked.get();
	}
}
