import { Contract, StorageMap, block, blockRandomness, emit, msg, require } from 'chainlab';

/**
 * The verifier of the cave. The cave is a ring with two mouths, A (0) and B (1), joined at the back
 * by a door that opens only to a magic word. A round: the prover goes in (enter; the side stays
 * with the prover), the verifier shouts a side (challengeOf), the prover comes out of a mouth
 * (exit). The contract never hears the word and never learns the side the prover went in by.
 */
export default class Cave extends Contract {
	enteredAt = new StorageMap<string, number>('enteredAt');
	streak = new StorageMap<string, number>('streak');

	/** The prover is inside; which side it took is not sent. */
	enter() {
		require(!this.enteredAt.has(msg.sender), 'already inside: exit first');
		this.enteredAt.set(msg.sender, block.number);
	}

	/**
	 * The side the verifier shouts (0 = A, 1 = B), from a block's seeded randomness.
	 * TODO: the randomness of the block the prover entered in is fixed before it sends enter(), so a
	 * prover can read the shout first. Shout from a block that did not exist yet when it went in.
	 */
	challengeOf(prover: string): number {
		const at = this.enteredAt.get(prover);
		require(at !== undefined, 'the prover is not in the cave');
		return Number(blockRandomness(at) % 2n);
	}

	/** The prover comes out of mouth `side`; the round is judged by accepts(). */
	exit(side: number): boolean {
		require(side === 0 || side === 1, 'side must be 0 (A) or 1 (B)');
		require(this.enteredAt.has(msg.sender), 'the prover is not in the cave');
		const shout = this.challengeOf(msg.sender);
		const ok = this.accepts(shout, side);
		this.enteredAt.delete(msg.sender);
		this.streak.set(msg.sender, ok ? (this.streak.get(msg.sender) ?? 0) + 1 : 0);
		emit('Round', { prover: msg.sender, shout, exit: side, accepted: ok });
		return ok;
	}

	/** Rounds in a row this prover has passed. */
	streakOf(prover: string): number {
		return this.streak.get(prover) ?? 0;
	}

	/**
	 * The verifier's rule for one round: it shouted `shout` and saw the prover come out of `side`.
	 * TODO: which exits prove anything?
	 */
	accepts(shout: number, side: number): boolean {
		return true;
	}
}
