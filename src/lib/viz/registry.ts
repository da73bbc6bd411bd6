/**
 * The view registry: one table from a view id (model/views.ts, the ids lessons name in their
 * `views:` frontmatter) to the loader of the component that draws it, the run data it needs and
 * its table alternative. ViewPanel renders from this table; the lesson validator checks ids
 * against the same list, so a view is added in two places: its id in VIEW_IDS and its entry here.
 * Each component is its own chunk (with its D3 parts), loaded when a page first needs it
 * (view-loader.svelte.ts), so a lesson page ships only the code of the views it shows.
 */
import type { Component } from 'svelte';
import type { Frame } from '#lib/model/frame.ts';
import type { LiquidationRecord, RunOverview } from '#lib/model/overview.ts';
import type { ViewId } from '#lib/model/views.ts';

/** What every view is fed from: the run, the current frame and the one piece of shared state. */
export type ViewInput = {
	/** the run's overview (after Run), else null */
	overview: RunOverview | null;
	/** the frame at the timeline's current step, else null */
	frame: Frame | null;
	/** the timeline's current step (0 before a run) */
	step: number;
	/** the run's liquidations, ascending by step (empty when none) */
	liquidations: LiquidationRecord[];
	/** the liquidation the price and liquidation views highlight: the learner's pick, else the default */
	selected: LiquidationRecord | null;
	/** the id the learner picked, or null when the views follow the timeline */
	picked: string | null;
	/** pick a liquidation by id, or null to follow the timeline again */
	pick: (id: string | null) => void;
};

/**
 * How a view offers its data as a table: `switch` is a Chart / Table switch on the figure
 * (VizFigure's `table`), `own` a view that is a table already.
 */
export type TableAlternative = 'switch' | 'own';

/** One row of the registry. */
export type ViewEntry<P extends Record<string, unknown> = Record<string, unknown>> = {
	/**
	 * loads the Svelte component that draws the view: `() => import('./X.svelte')`, a chunk of its
	 * own (the service worker precaches it with the rest of the build)
	 */
	load: () => Promise<{ default: Component<P> }>;
	/** where its data comes from, for readers of the table (`overview.prices`, `frame.receipts`) */
	data: string;
	/** the component's props from the input, or null when this run carries none of the view's data */
	props: (input: ViewInput) => P | null;
	/** shown instead of the view when `props` gives null */
	missing: string;
	/** how the view offers a table alternative */
	table: TableAlternative;
	/**
	 * when the key changes, the view is mounted afresh (the graph view restarts its hand-played
	 * rounds on a new run's graph); undefined keeps the view mounted
	 */
	key?: (input: ViewInput) => unknown;
};

/** Type one row against its component's props, then store it in the untyped table. */
function view<P extends Record<string, unknown>>(entry: ViewEntry<P>): ViewEntry {
	return entry as unknown as ViewEntry;
}

/** Every view, by id. A missing or extra id is a type error. */
export const VIEWS: Record<ViewId, ViewEntry> = {
	price: view({
		load: () => import('./PriceView.svelte'),
		data: 'overview.prices, overview.liquidations',
		props: ({ overview, liquidations, step, selected, pick }) =>
			overview?.prices
				? {
						series: overview.prices,
						liquidations,
						step,
						selected: selected?.id,
						onpick: pick
					}
				: null,
		missing: 'This run has no price data.',
		table: 'switch'
	}),
	health: view({
		load: () => import('./HealthView.svelte'),
		data: 'overview.health',
		props: ({ overview, step }) =>
			overview?.health?.length ? { buckets: overview.health, step } : null,
		missing: 'This run has no health-factor data.',
		table: 'switch'
	}),
	liquidation: view({
		load: () => import('./LiquidationPicker.svelte'),
		data: 'overview.liquidations',
		props: ({ liquidations, selected, picked, pick }) => ({ liquidations, selected, picked, pick }),
		missing: '',
		table: 'switch'
	}),
	receipts: view({
		load: () => import('./ReceiptsView.svelte'),
		data: 'frame.receipts',
		props: ({ frame }) => ({ receipts: frame?.receipts ?? [] }),
		missing: '',
		table: 'own'
	}),
	balances: view({
		load: () => import('./BalancesView.svelte'),
		data: 'frame.balances',
		props: ({ frame }) => ({ rows: frame?.balances ?? [] }),
		missing: '',
		table: 'own'
	}),
	'proof-rounds': view({
		load: () => import('./ProofRoundsView.svelte'),
		data: 'overview.proofs.rounds',
		props: ({ overview, step }) => ({ rounds: overview?.proofs?.rounds ?? [], step }),
		missing: '',
		table: 'own'
	}),
	transcripts: view({
		load: () => import('./TranscriptsView.svelte'),
		data: 'overview.proofs.distributions',
		props: ({ overview }) =>
			overview?.proofs?.distributions?.length ? { sets: overview.proofs.distributions } : null,
		missing: 'This run has no transcript distributions.',
		table: 'switch'
	}),
	survival: view({
		load: () => import('./SurvivalView.svelte'),
		data: 'overview.proofs.survival',
		props: ({ overview }) => (overview?.proofs?.survival ? { ...overview.proofs.survival } : null),
		missing: 'This run has no survival data.',
		table: 'switch'
	}),
	graph: view({
		load: () => import('./GraphView.svelte'),
		data: 'overview.proofs.graph',
		props: ({ overview, step }) =>
			overview?.proofs?.graph ? { graph: overview.proofs.graph, step } : null,
		missing: 'This run has no graph.',
		table: 'switch',
		key: ({ overview }) => overview?.proofs?.graph
	}),
	signers: view({
		load: () => import('./SignersView.svelte'),
		data: 'overview.approvals',
		props: ({ overview, step }) =>
			overview?.approvals?.length ? { records: overview.approvals, step } : null,
		missing: 'This run has no withdrawals to sign.',
		table: 'switch'
	}),
	'optimistic-window': view({
		load: () => import('./OptimisticWindowView.svelte'),
		data: 'overview.replica',
		props: ({ overview, step }) =>
			overview?.replica?.messages.length ? { replica: overview.replica, step } : null,
		missing: 'This run has no optimistic bridge messages.',
		table: 'switch'
	}),
	'bridge-sequence': view({
		load: () => import('./BridgeSequenceView.svelte'),
		// messages from named events and relayer deliveries: see src/lib/lessons/README.md, "Bridge views"
		data: 'overview.bridge.messages',
		props: ({ overview, step }) =>
			overview?.bridge
				? {
						chains: overview.bridge.chains,
						messages: overview.bridge.messages,
						step,
						words: overview.bridge.stateWords
					}
				: null,
		missing: 'This run has no bridge messages.',
		table: 'switch'
	}),
	'bridge-supply': view({
		load: () => import('./BridgeSupplyView.svelte'),
		// sampled at the end of every step by traceBridge's `supply` series
		data: 'overview.bridge.supply',
		props: ({ overview, step }) =>
			overview?.bridge?.supply
				? { series: overview.bridge.supply.series, samples: overview.bridge.supply.samples, step }
				: null,
		missing: 'This run has no supply series.',
		table: 'switch'
	}),
	'merkle-tree': view({
		load: () => import('./MerkleTreeView.svelte'),
		data: 'overview.bridge.merkle',
		props: ({ overview, step }) =>
			overview?.bridge?.merkle?.length ? { trees: overview.bridge.merkle, step } : null,
		missing: 'This run has no Merkle tree.',
		table: 'switch'
	}),
	'bridge-risk': view({
		load: () => import('./RiskCardView.svelte'),
		data: 'overview.bridge.risk',
		props: ({ overview }) => (overview?.bridge?.risk ? { card: overview.bridge.risk } : null),
		missing: 'This run has no risk card.',
		table: 'own'
	}),
	'payout-table': view({
		load: () => import('./PayoutTableView.svelte'),
		data: 'overview.insurance.payoutTables',
		props: ({ overview, step }) =>
			overview?.insurance?.payoutTables.length
				? { tables: overview.insurance.payoutTables, step }
				: null,
		missing: 'This run has no payout table.',
		table: 'switch'
	}),
	'assessor-ledger': view({
		load: () => import('./AssessorLedgerView.svelte'),
		data: 'overview.assessorLedger',
		props: ({ overview, step }) =>
			overview?.assessorLedger?.snapshots.length ? { ledger: overview.assessorLedger, step } : null,
		missing: 'This run has no assessor ledger.',
		table: 'switch'
	}),
	'poll-timeline': view({
		load: () => import('./PollTimelineView.svelte'),
		// filled by tracePoll (scenario/poll-trace.ts): the votes, and the poll sampled every step
		data: 'overview.insurance.polls',
		props: ({ overview, step }) =>
			overview?.insurance?.polls?.length ? { polls: overview.insurance.polls, step } : null,
		missing: 'This run has no claim poll.',
		table: 'switch'
	}),
	'capital-mcr': view({
		load: () => import('./CapitalMcrView.svelte'),
		// built by scenario/solvency.ts from the learner's yearly capital, MCR and ratio
		data: 'overview.solvency',
		props: ({ overview, step }) =>
			overview?.solvency ? { solvency: overview.solvency, step } : null,
		missing: 'This run has no capital simulation.',
		table: 'switch'
	}),
	'amm-curve': view({
		load: () => import('./AmmCurveView.svelte'),
		// filled by traceAmm (scenario/amm-trace.ts) from the pair's Swap and Sync events
		data: 'overview.amm.trades',
		props: ({ overview, step }) =>
			overview?.amm?.trades.length ? { amm: overview.amm, step } : null,
		missing: 'This run has no trades through a pool.',
		table: 'switch'
	}),
	'amm-reserves': view({
		load: () => import('./AmmReservesView.svelte'),
		// sampled at the end of every step by traceAmm (scenario/amm-trace.ts)
		data: 'overview.amm.samples',
		props: ({ overview, step }) =>
			overview?.amm?.samples.length ? { amm: overview.amm, step } : null,
		missing: 'This run has no pool reserves.',
		table: 'switch'
	}),
	'call-tree': view({
		load: () => import('./CallTreeView.svelte'),
		// the engine's call trace of each receipt (Receipt.calls), named by receipt-view.ts
		data: 'frame.receipts[].calls',
		props: ({ frame }) => ({ receipts: frame?.receipts ?? [] }),
		missing: 'This step has no transactions.',
		table: 'switch'
	}),
	twap: view({
		load: () => import('./TwapView.svelte'),
		// filled by traceTwap (scenario/twap-trace.ts): spot, TWAP and the pool's price per step
		data: 'overview.twap',
		props: ({ overview, step }) =>
			overview?.twap?.points.length ? { twap: overview.twap, step } : null,
		missing: 'This run has no price samples.',
		table: 'switch'
	}),
	'proposal-timeline': view({
		load: () => import('./ProposalTimelineView.svelte'),
		// filled by traceProposal (scenario/governance-trace.ts): the proposal sampled every step
		data: 'overview.governance.proposals',
		props: ({ overview, step }) =>
			overview?.governance?.proposals?.length
				? { proposals: overview.governance.proposals, step }
				: null,
		missing: 'This run has no proposal.',
		table: 'switch'
	}),
	lorenz: view({
		load: () => import('./LorenzView.svelte'),
		// built by a lesson's scenario with scenario/concentration.ts
		data: 'overview.concentration',
		props: ({ overview, step }) =>
			overview?.concentration?.distributions.length
				? { concentration: overview.concentration, step }
				: null,
		missing: 'This run has no token distribution.',
		table: 'switch'
	}),
	holders: view({
		load: () => import('./HoldersView.svelte'),
		data: 'overview.concentration',
		props: ({ overview, step }) =>
			overview?.concentration?.distributions.length
				? { concentration: overview.concentration, step }
				: null,
		missing: 'This run has no token distribution.',
		table: 'switch'
	}),
	'dependency-graph': view({
		load: () => import('./DependencyGraphView.svelte'),
		// built by a lesson's scenario with scenario/parallel.ts
		data: 'overview.parallel',
		props: ({ overview, step }) =>
			overview?.parallel?.blocks.length ? { parallel: overview.parallel, step } : null,
		missing: 'This run has no block of transactions.',
		table: 'switch'
	}),
	'block-stm-gantt': view({
		load: () => import('./BlockStmGanttView.svelte'),
		// built by a lesson's scenario with scenario/block-stm.ts from the Block-STM model's run
		data: 'overview.blockStm',
		props: ({ overview, step }) =>
			overview?.blockStm?.runs.length ? { blockStm: overview.blockStm, step } : null,
		missing: 'This run has no Block-STM run.',
		table: 'switch'
	}),
	'slashing-ledger': view({
		load: () => import('./SlashingLedgerView.svelte'),
		// filled by traceSecurity (scenario/security-trace.ts): validators per step, evidence, restaking
		data: 'overview.security',
		props: ({ overview, step }) =>
			overview?.security?.steps.length ? { security: overview.security, step } : null,
		missing: 'This run has no slashing ledger.',
		table: 'switch'
	}),
	'stake-by-provider': view({
		load: () => import('./StakeByProviderView.svelte'),
		// built by a lesson's scenario with scenario/infrastructure.ts
		data: 'overview.infrastructure',
		props: ({ overview, step }) =>
			overview?.infrastructure?.snapshots.length
				? { infrastructure: overview.infrastructure, step }
				: null,
		missing: 'This run has no validator set.',
		table: 'switch'
	})
};
