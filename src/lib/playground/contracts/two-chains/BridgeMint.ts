import { Contract, StorageMap, StorageValue, msg, require, emit } from 'chainlab';

/**
 * Chain 2 side of the bridge: a wrapped token. mint() creates it for a lock on chain 1 (relayer
 * only, once per lock: each lock's nonce is remembered, so a replayed message reverts). burn()
 * destroys it and emits Burned, which the relayer carries back to BridgeLock.release on chain 1.
 */
export default class BridgeMint extends Contract {
	relayer = new StorageValue<string>('relayer', '');
	balances = new StorageMap<string, bigint>('balances');
	processed = new StorageMap<string, boolean>('processed');
	supply = new StorageValue<bigint>('supply', 0n);
	burns = new StorageValue<bigint>('burns', 0n);

	constructor(relayer: string) {
		super();
		this.relayer.set(relayer);
	}

	/** Mint `amount` to `to` for the lock with this `nonce` on chain 1 (relayer only). */
	mint(to: string, amount: bigint, nonce: bigint) {
		require(msg.sender === this.relayer.get(), 'only the relayer mints');
		require(!this.processed.has(nonce.toString()), 'this lock was already minted');
		this.processed.set(nonce.toString(), true);
		this.balances.set(to, this.balanceOf(to) + amount);
		this.supply.set(this.supply.get() + amount);
		emit('Minted', { to, amount, nonce });
	}

	/** Burn `amount` of your wrapped tokens, to be released to `to` on chain 1. */
	burn(to: string, amount: bigint) {
		require(amount > 0n, 'amount must be positive');
		const balance = this.balanceOf(msg.sender);
		require(balance >= amount, 'insufficient balance');
		this.balances.set(msg.sender, balance - amount);
		this.supply.set(this.supply.get() - amount);
		const nonce = this.burns.get();
		this.burns.set(nonce + 1n);
		emit('Burned', { from: msg.sender, to, amount, nonce });
	}

	balanceOf(account: string): bigint {
		return this.balances.get(account) ?? 0n;
	}

	totalSupply(): bigint {
		return this.supply.get();
	}

	transfer(to: string, amount: bigint): boolean {
		const balance = this.balanceOf(msg.sender);
		require(balance >= amount, 'insufficient balance');
		this.balances.set(msg.sender, balance - amount);
		this.balances.set(to, this.balanceOf(to) + amount);
		emit('Transfer', { from: msg.sender, to, amount });
		return true;
	}
}
