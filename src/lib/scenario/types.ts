/**
 * Public shapes of the scenario runtime: what a lesson's `scenario.ts` passes to
 * `defineScenario`, what its steps yield, and what its checks receive and return.
 */
import type { SourceError } from '#lib/model/errors.ts';
import type { BalanceRow, ChainHead } from '#lib/model/frame.ts';
import type { RunOverview } from '#lib/model/overview.ts';
import type { ReceiptView } from '#lib/model/receipt.ts';
import type { ScenarioContext } from './context.ts';
import type { ChainConfig, Receipt } from './engine.ts';

/** What a `yield` gives: a step label, or a label with console notes for the step. */
export type StepYield = string | { label: string; notes?: string[] };

/** One transaction of a run: the engine's receipt (bigints intact) and its display form. */
export type TxRecord = { step: number; chainId: number; receipt: Receipt; view: ReceiptView };

/** One point of the timeline, as the runner recorded it. */
export type StepRecord = {
	index: number;
	label: string;
	/** the world snapshot id taken at this step (restored by goto) */
	snapshot: unknown;
	stateHash: string;
	/** unix seconds and number of the default (first) chain's latest block */
	time: number;
	blockNumber: number;
	/** every chain's latest block at this step, in the world's chain order */
	heads: ChainHead[];
	txs: TxRecord[];
	notes: string[];
	balances?: BalanceRow[];
};

/** A balance source for the balances view: `balanceOf(address)` in smallest units. */
export type Asset = { symbol: string; decimals: number; balanceOf(address: string): bigint };

/** A host-side actor that acts at the end of every step, before the step's snapshot. */
export type Bot = { name: string; enabled: boolean; act(s: ScenarioContext): void };

/** What a check returns. */
export type CheckOutcome = { passed: boolean; message: string };

/** Filter for `receipts()`: every given field must match (`from`/`to` take names or addresses). */
export type TxFilter = {
	/** only transactions of this chain */
	chainId?: number;
	method?: string;
	from?: string;
	to?: string;
	status?: 'success' | 'reverted';
	step?: number;
};

/** What a check's `run` receives; see checks.ts. */
export type CheckContext<R> = {
	/** the value the scenario's generator returned (addresses of what it deployed, say) */
	result: R;
	steps: readonly StepRecord[];
	/** transactions of the run, in order, filtered */
	receipts(filter?: TxFilter): TxRecord[];
	/** the world as the run left it; anything a check sends here is undone before the next check */
	final: ScenarioContext;
	/** a fresh world with the learner's sources (same seed unless given), to deploy and probe */
	fresh(seed?: number): ScenarioContext;
	/**
	 * Stop the check as failed with this learner-facing message unless `condition` holds. It does
	 * not narrow types (TypeScript cannot narrow through `c.`): import `ensure` for that.
	 */
	assert(condition: unknown, message: string): void;
	pass(message: string): CheckOutcome;
	fail(message: string): CheckOutcome;
};

/** An executable assertion tied to a `## id` section of hints.md. */
export type Check<R = unknown> = {
	/** kebab-case id, the key of its hints */
	id: string;
	/** what it checks, as the learner reads it ("Transfer moves tokens") */
	title: string;
	run(c: CheckContext<R>): CheckOutcome | Promise<CheckOutcome>;
};

/** The whole run, read-only, for `overview`. */
export type RunView<R> = { result: R; steps: readonly StepRecord[]; overview: RunOverview };

/** Everything a lesson's scenario defines. */
export type ScenarioDefinition<R = unknown> = {
	/** chains of the world; default one chain, id 1, 12 s blocks */
	chains?: ChainConfig[];
	/** the run stops with an error after this many steps (default 5000) */
	maxSteps?: number;
	/**
	 * The scenario body. Set up the world, deploy, send transactions; every `yield` closes a step
	 * of the timeline. The returned value reaches checks as `c.result`.
	 */
	run(s: ScenarioContext): Generator<StepYield, R, void>;
	/** extra overview data computed once after the run (merged over `s.overview`) */
	overview?(run: RunView<R>): RunOverview;
	checks: Check<R>[];
};

/** The finished (or failed) run as the runner hands it to the session. */
export type RunOutcome<R> = {
	steps: StepRecord[];
	overview: RunOverview;
	/** set when the run stopped early; `steps` then holds the steps before the failure */
	error?: SourceError;
	result?: R;
};
