/**
 * The ids of the views a lesson can ask for in its frontmatter (`views: [price, receipts]`). The
 * view registry (src/lib/viz/registry.ts) maps each id to its component; the lesson validator
 * (src/lib/lessons/frontmatter.ts) rejects any other id at build time.
 */

/** Every view id, in the order the registry lists them. */
export const VIEW_IDS = [
	'price',
	'health',
	'liquidation',
	'receipts',
	'balances',
	'proof-rounds',
	'transcripts',
	'survival',
	'graph',
	'signers',
	'optimistic-window',
	'bridge-sequence',
	'bridge-supply',
	'merkle-tree',
	'bridge-risk',
	'payout-table',
	'assessor-ledger',
	'poll-timeline',
	'capital-mcr',
	'amm-curve',
	'amm-reserves',
	'call-tree',
	'twap',
	'proposal-timeline',
	'lorenz',
	'holders',
	'dependency-graph',
	'block-stm-gantt',
	'slashing-ledger',
	'stake-by-provider'
] as const;

/** A view id a lesson can name. */
export type ViewId = (typeof VIEW_IDS)[number];

/** Whether `value` names a view of VIEW_IDS. */
export function isViewId(value: unknown): value is ViewId {
	return (VIEW_IDS as readonly unknown[]).includes(value);
}
