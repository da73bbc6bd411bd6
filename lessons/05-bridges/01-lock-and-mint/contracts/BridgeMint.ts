import { Contract, StorageMap, StorageValue, block, msg, require, emit } from 'chainlab';

/**
 * Chain B's half of the bridge: a wrapped token, wTOK. Chain B cannot read chain A, so it knows
 * about a lock only from the relayer's mint() call. burn() destroys wTOK and emits Burned, which
 * the relayer carries back to BridgeLock.release on chain A.
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

	/**
	 * Mint `amount` wTOK to `to` for lock number `nonce` on chain A, if it arrives before
	 * `timeout` (this chain's unix seconds); a late one is refused with TimedOut instead.
	 */
	mint(to: string, amount: bigint, nonce: bigint, timeout: bigint) {
		// TODO: who may tell this chain that a lock happened on chain A?
		require(!this.processed.has(nonce.toString()), 'this lock was already processed');
		this.processed.set(nonce.toString(), true);
		// TODO: a message at or after its timeout must not mint: emit TimedOut { to, amount, nonce }
		// instead, so the relayer can refund the lock on chain A
		this.balances.set(to, this.balanceOf(to) + amount);
		this.supply.set(this.supply.get() + amount);
		emit('Minted', { to, amount, nonce });
	}

	/** Burn `amount` of your wTOK, to be released to `to` on chain A. */
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
}
