/**
 * The worker protocol: every type that crosses the boundary between the page and the simulation
 * worker. Everything here is plain, structured-clone-safe data (no bigint: amounts travel as
 * decimal strings so views and IndexedDB never meet a bigint).
 */

/** Error kinds a transaction (or a load) can fail with; see ARCHITECTURE.md. */
export type ErrorKind =
	| 'revert'
	| 'out-of-gas'
	| 'runtime'
	| 'call-depth'
	| 'memory'
	| 'invalid-tx'
	| 'syntax'
	| 'cancelled';

/** A failure located in the learner's source: `file` is a lesson path such as `contracts/Pool.ts`. */
export type SourceError = {
	kind: ErrorKind;
	message: string;
	file?: string;
	/** 1-based line in the learner's own TypeScript. */
	line?: number;
	column?: number;
};

/** One event log, with its arguments formatted for display. */
export type LogView = {
	address: string;
	/** the contract's name, when known */
	contract?: string;
	event: string;
	args: Record<string, string>;
	/** the args that are token amounts, by key, for display (the raw integer stays in `args`) */
	amounts?: Record<string, AmountView>;
};

/**
 * A token amount for display, beside the raw integer it came from: `units` is the exact amount in
 * whole units as a decimal string ("6000", "0.000001"), `symbol` the token's ("DAI"), `note` a few
 * words for a special value (MAX_UINT256 in an approval: "unlimited approval").
 */
export type AmountView = { units: string; symbol: string; note?: string };

/** A transaction receipt as the console shows it. */
export type ReceiptView = {
	txHash: string;
	chainId: number;
	blockNumber: number;
	/** account name when known (`alice`), else the address */
	from: string;
	to: string;
	method: string;
	args: string[];
	value: string;
	status: 'success' | 'reverted';
	gasUsed: number;
	gasLimit: number;
	logs: LogView[];
	returnValue?: string;
	/** per arg, the token amount it is (null: not an amount), for display */
	argAmounts?: (AmountView | null)[];
	/** the return value as a token amount (a token's balanceOf), for display */
	returnAmount?: AmountView;
	error?: SourceError;
};

/** A point of a price series. `time` is unix seconds. Prices are USD as plain numbers. */
export type PricePoint = { step: number; time: number; price: number };

/** One liquidation, every amount a decimal string in the reserve's smallest unit or USD (8 decimals). */
export type LiquidationRecord = {
	id: string;
	step: number;
	time: number;
	txHash: string;
	borrower: string;
	liquidator: string;
	debtSymbol: string;
	collateralSymbol: string;
	/** token amounts in whole units as decimal strings (e.g. "1234.5678") */
	debtRepaid: string;
	collateralSeized: string;
	bonus: string;
	protocolFee: string;
	liquidatorReceives: string;
	/** USD values (plain numbers) for plotting */
	debtRepaidUsd: number;
	collateralSeizedUsd: number;
	bonusUsd: number;
	protocolFeeUsd: number;
	healthFactorBefore: number;
	healthFactorAfter: number;
};

/** Health factors of all borrowers at one step, bucketed for the distribution view. */
export type HealthBuckets = {
	step: number;
	time: number;
	/** bucket lower edges, ascending; the last bucket is open-ended */
	edges: number[];
	counts: number[];
	/** borrowers with no debt left (HF = max) */
	noDebt: number;
	/** median, 10th and 90th percentile of finite HFs */
	p10: number;
	median: number;
	p90: number;
};

/** Balances of named accounts, as a small table. */
export type BalanceRow = { account: string; asset: string; amount: string };

/**
 * One headline figure of a run: the learner's value and, where the lesson has one, the same figure
 * under a reference model or an expected value (e.g. Aave v3.0's rules on the same price path).
 * Values are formatted text with units ("1,234 USD").
 */
export type SummaryRow = {
	label: string;
	/** what the learner's code produced */
	value: string;
	/** the reference figure to compare with, when there is one */
	reference?: string;
	/** a short explanation shown under the row */
	note?: string;
};

/** Data the views need for the whole run (sent once after Run). */
export type RunOverview = {
	prices?: { symbol: string; synthetic: boolean; source: string; points: PricePoint[] };
	liquidations?: LiquidationRecord[];
	health?: HealthBuckets[];
	/** the run's headline figures, in the order the scenario set them ("yours vs reference") */
	summary?: SummaryRow[];
	/** interactive-proof data for the zero-knowledge views (viz/proof-types.ts) */
	proofs?: ProofOverview;
};

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

/** The latest block of one chain at a step: its number and timestamp (unix seconds). */
export type ChainHead = { chainId: number; number: number; timestamp: number };

/** What the page shows at one step of the timeline. */
export type Frame = {
	step: number;
	/** total steps in the run */
	total: number;
	label: string;
	/** unix seconds of the default (first) chain's latest block at this step */
	time: number;
	/** number of the default (first) chain's latest block at this step */
	blockNumber: number;
	/** every chain's latest block at this step, in the world's chain order (default chain first) */
	heads: ChainHead[];
	stateHash: string;
	/** receipts produced by this step */
	receipts: ReceiptView[];
	balances?: BalanceRow[];
	/** scenario notes to print in the console at this step */
	notes?: string[];
};

export type CheckResult = {
	id: string;
	title: string;
	passed: boolean;
	/** what was expected and what happened, in the learner's terms */
	message: string;
};

export type RunProgress = { step: number; total: number | null };

export type RunResult =
	| { ok: true; steps: number; overview: RunOverview; first: Frame; last: Frame }
	| {
			ok: false;
			error: SourceError;
			/** frames produced before the failure, if any */ steps: number;
	  };

export type LoadRequest = {
	/** `track/lesson`, e.g. `02-lending/03-liquidation-call` */
	lessonId: string;
	/** every contract file of the lesson by path, the learner's edits included */
	sources: Record<string, string>;
	seed: number;
};

export type LoadResult = { ok: true } | { ok: false; errors: SourceError[] };

/** The API the worker exposes with Comlink. */
export interface SessionApi {
	load(request: LoadRequest): Promise<LoadResult>;
	run(onProgress?: (progress: RunProgress) => void): Promise<RunResult>;
	/** jump to a step; returns the frame there (restores the snapshot, no re-execution) */
	goto(step: number): Promise<Frame>;
	frame(step: number): Promise<Frame>;
	/** receipts of steps `from..to` inclusive */
	trace(from: number, to: number): Promise<ReceiptView[]>;
	check(): Promise<CheckResult[]>;
}
