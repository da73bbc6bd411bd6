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

/** keccak256(colour as 32 bytes || 32-byte salt): the commitment to one vertex's colour. */
function commitmentOf(color: number, salt: string): string {
	require(/^0x[0-9a-f]{64}$/.test(salt), 'salt must be 0x and 64 hex digits');
	return keccak256('0x' + color.toString(16).padStart(64, '0') + salt.slice(2));
}

/**
 * GMW graph 3-colouring, verifier side. A round: the prover commits to a colour for every vertex
 * (commit), the challenge edge comes from the next block's randomness (challengeOf), the prover
 * opens that edge's two ends (open), and checkOpening judges them.
 */
export default class GraphVerifier extends Contract {
	edges: number[][];
	commitments = new StorageMap<string, string[]>('commitments');
	committedAt = new StorageMap<string, number>('committedAt');
	accepted = new StorageMap<string, number>('accepted');

	constructor(edges: number[][]) {
		super();
		this.edges = edges;
	}

	/** Step 1: one commitment (0x-hex) per vertex. */
	commit(commitments: string[]) {
		require(!this.commitments.has(msg.sender), 'finish the open round first');
		this.commitments.set(msg.sender, commitments);
		this.committedAt.set(msg.sender, block.number);
	}

	/** Step 2: the challenged edge's index, from the randomness of the block after commit. */
	challengeOf(prover: string): number {
		const at = this.committedAt.get(prover);
		require(at !== undefined, 'no open round');
		require(block.number > at, 'the challenge comes in a later block than the commitment');
		return Number(blockRandomness(at + 1) % BigInt(this.edges.length));
	}

	/** Step 3: the prover opens both ends of the challenged edge. */
	open(colorA: number, saltA: string, colorB: number, saltB: string): boolean {
		const all = this.commitments.get(msg.sender);
		require(all !== undefined, 'no open round');
		const edge = this.challengeOf(msg.sender);
		const [a, b] = this.edges[edge];
		const ok = this.checkOpening(all[a], all[b], colorA, saltA, colorB, saltB);
		this.commitments.delete(msg.sender);
		this.committedAt.delete(msg.sender);
		if (ok) this.accepted.set(msg.sender, (this.accepted.get(msg.sender) ?? 0) + 1);
		emit('Round', { prover: msg.sender, edge, colorA, colorB, accepted: ok });
		return ok;
	}

	/**
	 * The verifier's decision for one opened edge: commitA and commitB are what the prover
	 * committed for the edge's two ends; (colorA, saltA) and (colorB, saltB) are its openings.
	 * TODO: the starter only compares the colours. What stops a prover from opening colours it
	 * never committed to?
	 */
	checkOpening(
		commitA: string,
		commitB: string,
		colorA: number,
		saltA: string,
		colorB: number,
		saltB: string
	): boolean {
		return colorA !== colorB;
	}
}
