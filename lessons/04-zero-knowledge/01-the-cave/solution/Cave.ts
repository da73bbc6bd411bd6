import {
	Contract,
	StorageMap,
	block,
	blockRandomness,
	emit,
	keccak256,
	msg,
	require
} from 'chainlab';

/**
 * The cave: a ring-shaped tunnel with two entrances, A (0) and B (1), joined at the back by a door
 * that opens only to a magic word. A round: the prover walks in by one side (enter), the verifier
 * shouts a side drawn from the next block's randomness (challengeOf), the prover comes out (exit).
 */
export default class Cave extends Contract {
	/** keccak256 of the magic word: the contract can check the word without storing it */
	door: string;
	entered = new StorageMap<string, number>('entered');
	enteredAt = new StorageMap<string, number>('enteredAt');
	streak = new StorageMap<string, number>('streak');

	constructor(door: string) {
		super();
		this.door = door;
	}

	/** The prover walks in by `side` (0 = A, 1 = B); the verifier does not see which. */
	enter(side: number) {
		require(side === 0 || side === 1, 'side must be 0 (A) or 1 (B)');
		require(!this.entered.has(msg.sender), 'already inside: exit first');
		this.entered.set(msg.sender, side);
		this.enteredAt.set(msg.sender, block.number);
	}

	/** The side the verifier shouts: the randomness of the block after enter(), mod 2. */
	challengeOf(prover: string): number {
		const at = this.enteredAt.get(prover);
		require(at !== undefined, 'the prover is not in the cave');
		require(block.number > at, 'the verifier shouts in a later block than the prover entered');
		return Number(blockRandomness(at + 1) % 2n);
	}

	/** The prover comes out by `side`, saying `word` if it went through the door. */
	exit(side: number, word: string): boolean {
		const from = this.entered.get(msg.sender);
		require(from !== undefined, 'the prover is not in the cave');
		const shout = this.challengeOf(msg.sender);
		const ok = this.accepts(from, shout, side, word);
		this.entered.delete(msg.sender);
		this.enteredAt.delete(msg.sender);
		this.streak.set(msg.sender, ok ? (this.streak.get(msg.sender) ?? 0) + 1 : 0);
		emit('Round', { prover: msg.sender, entered: from, shout, exit: side, accepted: ok });
		return ok;
	}

	/** Rounds in a row this prover has passed. */
	streakOf(prover: string): number {
		return this.streak.get(prover) ?? 0;
	}

	/**
	 * The verifier's rule for one round. The prover entered by `entered`, the verifier shouted
	 * `shout`, the prover came out by `side` saying `word`.
	 */
	accepts(entered: number, shout: number, side: number, word: string): boolean {
		if (side !== shout) return false;
		// crossing to the other side needs the door, and the door needs the word
		if (side !== entered && keccak256(word) !== this.door) return false;
		return true;
	}
}
