/**
 * The cave itself, which is not on chain: a ring of rock with two mouths, A (0) and B (1), and a
 * door at the back that opens only to the magic word (Quisquater et al., CRYPTO '89). It lives
 * inside the prover bot, host-side: the chain never learns which side a prover went in by, nor the
 * word. The only thing a verifier sees is the mouth a prover comes out of.
 */
import { keccak256 } from '#lib/sim/index.ts';

export const SIDES = ['A', 'B'] as const;

/** Where one prover is inside the cave, and whether the door lets them cross. */
export class HiddenCave {
	private side: number | null = null;

	/** @param door keccak256 of the word that opens the door at the back */
	constructor(private readonly door: string) {}

	/** Walk in by `side` (0 = A, 1 = B). Throws a RangeError for another side. */
	walkIn(side: number): void {
		if (side !== 0 && side !== 1) throw new RangeError(`a side is 0 (A) or 1 (B), got ${side}`);
		this.side = side;
	}

	/**
	 * Walk out by `side`: by the mouth you stand at, or through the door with the right word.
	 * @returns the mouth actually reached: the wanted one, or the one you stand at when the door
	 *   stays shut
	 * @throws Error when nobody is inside
	 */
	walkOut(side: number, word: string | null): number {
		if (this.side === null) throw new Error('nobody is inside the cave');
		const from = this.side;
		this.side = null;
		if (side === from) return from;
		return word !== null && keccak256(word) === this.door ? side : from;
	}
}

/** A prover's private strategy: which side to walk in by, and the word it says at the door. */
export type ProverPlan = {
	/** the side to walk in by (0 or 1); `predicted` is the current block's shout under a verifier
	 * that draws it from the entry block (0 or 1) */
	enterBy(predicted: number): number;
	/** the word the prover says at the door, or null */
	word: string | null;
};

/** Peggy: a fair private coin for the side, and the word. */
export function knower(word: string, coin: () => number): ProverPlan {
	return { enterBy: () => (coin() < 0.5 ? 0 : 1), word };
}

/**
 * Mallory, without the word: she walks in by the side she expects to be shouted. Against a
 * verifier that shouts from the block she enters in, she knows it; otherwise it is a guess.
 */
export function bluffer(): ProverPlan {
	return { enterBy: (predicted) => predicted, word: 'please?' };
}
