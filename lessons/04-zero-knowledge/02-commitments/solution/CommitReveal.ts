import { Contract, StorageMap, emit, keccak256, msg, require } from 'chainlab';

/** Sealed values: commit a hash now, reveal the value (and its salt) later. */
export default class CommitReveal extends Contract {
	commitments = new StorageMap<string, string>('commitments');
	revealed = new StorageMap<string, bigint>('revealed');

	/** Stores the sender's commitment: 0x and 64 hex digits. One per account. */
	commit(commitment: string) {
		require(/^0x[0-9a-f]{64}$/.test(commitment), 'commitment must be 0x and 64 hex digits');
		require(!this.commitments.has(msg.sender), 'already committed');
		this.commitments.set(msg.sender, commitment);
		emit('Committed', { who: msg.sender, commitment });
	}

	/** The bytes that get hashed: value as 32 bytes, then the 32-byte salt. */
	encode(value: bigint, salt: string): string {
		require(value >= 0n && value < 2n ** 256n, 'value must be a uint256');
		require(/^0x[0-9a-f]{64}$/.test(salt), 'salt must be 0x and 64 hex digits');
		return '0x' + value.toString(16).padStart(64, '0') + salt.slice(2);
	}

	/** Opens the sender's commitment: only the committed value with its salt is accepted. */
	reveal(value: bigint, salt: string) {
		const stored = this.commitments.get(msg.sender);
		require(stored !== undefined, 'nothing committed');
		require(!this.revealed.has(msg.sender), 'already revealed');
		require(keccak256(this.encode(value, salt)) ===
			stored, 'opening does not match the commitment');
		this.revealed.set(msg.sender, value);
		emit('Revealed', { who: msg.sender, value });
	}

	/** The value an account revealed, or -1 if it has not. */
	revealedOf(who: string): bigint {
		return this.revealed.get(who) ?? -1n;
	}
}
