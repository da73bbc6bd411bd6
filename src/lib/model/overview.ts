/**
 * Data the views need for the whole run, sent once after Run: price series, liquidations,
 * health-factor buckets, the run's summary and the proof data. Plain data (no bigint).
 */
import type { ApprovalRecord } from './approvals.ts';
import type { AssessorLedger } from './assessors.ts';
import type { BridgeOverview } from './bridge.ts';
import type { GovernanceOverview } from './governance.ts';
import type { ConcentrationOverview } from './concentration.ts';
import type { InsuranceOverview } from './insurance.ts';
import type { ProofOverview } from './proof.ts';
import type { ReplicaOverview } from './replica.ts';
import type { SolvencyOverview } from './solvency.ts';
import type { TwapOverview } from './twap.ts';

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
	/** withdrawals of a validator bridge: signatures against the threshold (signers view) */
	approvals?: ApprovalRecord[];
	/** an optimistic bridge's messages against its window (optimistic-window view) */
	replica?: ReplicaOverview;
	/** messages, supply, Merkle tree and risk card for the bridge views (model/bridge.ts) */
	bridge?: BridgeOverview;
	/** payout tables for the insurance views (model/insurance.ts) */
	insurance?: InsuranceOverview;
	/** claim assessors' stakes, votes, burns and rewards per step (model/assessors.ts) */
	assessorLedger?: AssessorLedger;
	/** a Monte Carlo of a pool's capital, MCR and MCR ratio for the capital-mcr view (model/solvency.ts) */
	solvency?: SolvencyOverview;
	/** a constant-product pair's reserves, k, LP supply and trades per step (model/amm.ts) */
	amm?: import('./amm.ts').AmmOverview;
	/** spot price against the TWAP and the pool's price through a manipulation (model/twap.ts) */
	twap?: TwapOverview;
	/** proposals on the timeline of blocks and time for the governance views (model/governance.ts) */
	governance?: GovernanceOverview;
	/** token distributions, their holders and concentration measures (model/concentration.ts) */
	concentration?: ConcentrationOverview;
	/** a block's read-from dependencies and Sealevel batches (model/parallel.ts) */
	parallel?: import('./parallel.ts').ParallelOverview;
	/** Block-STM runs: threads, tasks and incarnations for the block-stm-gantt view (model/block-stm.ts) */
	blockStm?: import('./block-stm.ts').BlockStmOverview;
	security?: import('./security.ts').SecurityOverview; // slashing-ledger view (model/security.ts)
	/** stake by hosting provider and region with providers switched off (model/infrastructure.ts) */
	infrastructure?: import('./infrastructure.ts').InfrastructureOverview;
};
