/** What the zero-knowledge views draw: interactive-proof rounds, survival curves, transcripts. */

/** One message exchange of an interactive proof, as text, for the proof-rounds view. */
export type ProofRound = {
	/** timeline step the round's last transaction belongs to */
	step: number;
	round: number;
	prover: string;
	commitment: string;
	challenge: string;
	response: string;
	/** null while the round is open */
	accepted: boolean | null;
	/** verifier's confidence after this round, in [0, 1], when the lesson defines one */
	confidence?: number;
	note?: string;
};

/** Fraction of cheating runs still accepted after `rounds` rounds, beside the bound. */
export type SurvivalPoint = { rounds: number; empirical: number; bound: number; wrong?: number };

/** Counts per bin of several distributions (real vs simulated transcripts). */
export type DistributionSet = {
	label: string;
	bins: string[];
	series: { name: string; counts: number[] }[];
};

/** A graph for the colouring view: vertices, edges, rounds played on chain and by hand. */
export type ProofGraph = {
	vertices: number;
	edges: [number, number][];
	/** rounds played on chain: the edge index opened at a step and its two colours (0, 1, 2) */
	openings: { step: number; edge: number; colors: [number, number]; accepted: boolean }[];
	/**
	 * prover rounds committed in advance for the learner to open by hand (one per round): the
	 * commitments (0x-hex per vertex) and their openings, which the view reveals edge by edge
	 */
	rounds?: { commitments: string[]; colors: number[]; salts: string[] }[];
	/**
	 * the same for a cheating prover who has no valid colouring: each round commits to a colouring
	 * with at least one edge whose two ends share a colour
	 */
	cheatRounds?: { commitments: string[]; colors: number[]; salts: string[] }[];
};

/** What the zero-knowledge views draw. Plain data (no bigint). */
export type ProofOverview = {
	rounds?: ProofRound[];
	survival?: { label: string; bound: string; wrong?: string; points: SurvivalPoint[] };
	distributions?: DistributionSet[];
	graph?: ProofGraph;
};
