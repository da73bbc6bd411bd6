import { Contract } from 'chainlab';

/**
 * The graph the cheater must "colour": the 12-vertex graph (a 12-cycle plus the chords
 * v -- v+4 for even v) with three more edges, 0-2, 2-4 and 2-8. With the triangle 0-4-8 they
 * make vertices 0, 2, 4, 8 a complete graph K4, which no 3-colouring can handle.
 */
export const EDGES: number[][] = [
	[0, 1],
	[1, 2],
	[2, 3],
	[3, 4],
	[4, 5],
	[5, 6],
	[6, 7],
	[7, 8],
	[8, 9],
	[9, 10],
	[10, 11],
	[11, 0],
	[0, 4],
	[2, 6],
	[4, 8],
	[6, 10],
	[8, 0],
	[10, 2],
	[0, 2],
	[2, 4],
	[2, 8]
];

/** A cheating prover's strategy: which colouring (0, 1, 2 per vertex) to commit each round. */
export default class Cheater extends Contract {
	/**
	 * The colouring to commit in round `round` (12 numbers, each 0, 1 or 2). The prover then
	 * permutes the colours at random and commits; the verifier opens one random edge.
	 * TODO: every colouring has a bad edge (same colour on both ends). Make as few as you can.
	 */
	coloring(round: number): number[] {
		return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
	}
}
