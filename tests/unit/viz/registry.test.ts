/**
 * The view registry: one entry per view id, each fed from the run data it names, each with the
 * table alternative it claims (rendered on the server with Svelte's `render`).
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { Frame } from '#lib/model/frame.ts';
import type { LiquidationRecord, RunOverview } from '#lib/model/overview.ts';
import { VIEW_IDS } from '#lib/model/views.ts';
import type { ViewId } from '#lib/model/views.ts';
import { VIEWS, type ViewInput } from '#lib/viz/registry.ts';
import { solvencyOverview } from '#lib/scenario/solvency.ts';
import { distribution } from '#lib/scenario/concentration.ts';
import { parallelBlock } from '#lib/scenario/parallel.ts';
import { blockStmRunView } from '#lib/scenario/block-stm.ts';
import { blockStm, executeSequential, type BlockTx } from '#lib/protocols/parallel-execution.ts';

/** Four increments of one counter on two simulated threads: some incarnations abort. */
const stmTxs: BlockTx[] = Array.from({ length: 4 }, () => ({ kind: 'increment', key: 'n' }));
const stmRun = blockStm({ n: 0 }, stmTxs, { threads: 2, seed: 3 });
import { infrastructureOverview, infrastructureSnapshot } from '#lib/scenario/infrastructure.ts';

/** Three validators at two providers (test figures): A holds 2 of 3 units, B 1. */
const hosted = [
	{ id: 'a1', stake: 1n, provider: 'A', region: 'DE' },
	{ id: 'a2', stake: 1n, provider: 'A', region: 'FI' },
	{ id: 'b1', stake: 1n, provider: 'B', region: 'DE' }
];

/** A year of a capital simulation: `capital` and `mcr` whole ETH, and their ratio. */
const capitalYear = (capital: bigint, mcr: bigint) => ({
	capital: capital * 10n ** 18n,
	mcr: mcr * 10n ** 18n,
	ratio: (capital * 10_000n) / mcr
});

/** The component of a view, loaded as a page loads it (its own chunk). */
const component = async (id: ViewId) => (await VIEWS[id].load()).default;

const T0 = Date.UTC(2020, 2, 12) / 1000;

const liquidation: LiquidationRecord = {
	id: 'l1',
	step: 1,
	time: T0 + 3600,
	txHash: '0x' + '1'.padStart(64, '0'),
	borrower: 'bob',
	liquidator: 'carol',
	debtSymbol: 'USDC',
	collateralSymbol: 'WETH',
	debtRepaid: '1000',
	collateralSeized: '9.45',
	bonus: '0.45',
	protocolFee: '0.045',
	liquidatorReceives: '9.405',
	debtRepaidUsd: 1000,
	collateralSeizedUsd: 1050,
	bonusUsd: 50,
	protocolFeeUsd: 5,
	healthFactorBefore: 0.97,
	healthFactorAfter: 1.08
};

const overview: RunOverview = {
	prices: {
		symbol: 'ETH',
		synthetic: false,
		source: 'test',
		points: [
			{ step: 0, time: T0, price: 194 },
			{ step: 1, time: T0 + 3600, price: 111 }
		]
	},
	liquidations: [liquidation],
	health: [
		{
			step: 0,
			time: T0,
			edges: [0, 1, 2],
			counts: [1, 2, 3],
			noDebt: 0,
			p10: 0.9,
			median: 1.2,
			p90: 1.9
		}
	],
	proofs: {
		rounds: [
			{
				step: 0,
				round: 1,
				prover: 'peggy',
				commitment: '0xabc',
				challenge: '1',
				response: '0xdef',
				accepted: true,
				confidence: 0.5
			}
		],
		survival: {
			label: 'Cheater',
			bound: '2^-k',
			points: [{ rounds: 1, empirical: 0.5, bound: 0.5 }]
		},
		distributions: [
			{
				label: 'Transcripts',
				bins: ['a', 'b'],
				series: [
					{ name: 'real', counts: [1, 2] },
					{ name: 'simulated', counts: [2, 1] }
				]
			}
		],
		graph: {
			vertices: 3,
			edges: [
				[0, 1],
				[1, 2]
			],
			openings: [{ step: 0, edge: 0, colors: [0, 1], accepted: true }]
		}
	},
	approvals: [
		{
			step: 1,
			bridge: 'Ronin',
			withdrawal: '#1: 10 WETH to alice',
			attack: false,
			signatures: [
				{ signer: 'Sky Mavis 1', kind: 'validator', counts: true },
				{ signer: 'Sky Mavis 1', kind: 'repeat', counts: false }
			],
			counted: 1,
			required: 7,
			setSize: 9,
			paid: false,
			reason: '1 of 7 signatures'
		}
	],
	replica: {
		windowSeconds: 1800,
		messages: [
			{
				label: 'Alice 2 WBTC',
				dispatched: true,
				postedAt: 1_659_387_540,
				acceptableFrom: 1_659_389_340,
				attempts: [{ step: 1, time: 1_659_387_552, paid: false, reason: '!prove' }]
			}
		]
	},
	bridge: {
		chains: [
			{ chainId: 1, name: 'Chain A' },
			{ chainId: 2, name: 'Chain B' }
		],
		messages: [
			{
				key: 'A → B#0',
				route: 'A → B',
				id: '0',
				from: 1,
				to: 2,
				amount: '10 TOK',
				marks: [
					{ step: 0, state: 'sent', chainId: 1, label: 'Locked', status: 'success' },
					{ step: 1, state: 'relayed', chainId: 2, label: 'delivered', status: 'success' },
					{ step: 1, state: 'executed', chainId: 2, label: 'Minted', status: 'success' }
				]
			}
		],
		supply: {
			series: [
				{ name: 'Locked on A', chainId: 1, symbol: 'TOK' },
				{ name: 'Wrapped on B', chainId: 2, symbol: 'wTOK' }
			],
			samples: [
				{ step: 0, values: ['10', '0'] },
				{ step: 1, values: ['10', '10'] }
			]
		},
		merkle: [
			{
				title: 'Four leaves',
				levels: [['0xa1', '0xa2', '0xa3', '0xa4'], ['0xb1', '0xb2'], ['0xc1']],
				leafLabels: ['alice', 'bob', 'carol', 'dave'],
				proofs: [{ step: 1, leaf: 2, label: 'carol withdraws', accepted: true, valid: true }]
			}
		],
		risk: {
			name: 'your bridge',
			rows: [
				{ field: 'Validated by', value: 'Third party', level: 'bad', because: 'one key' },
				{ field: 'Destination token', value: 'Wrapped', level: 'warning', because: 'IOU' }
			]
		}
	},
	insurance: {
		payoutTables: [
			{
				step: 1,
				title: 'LX 180',
				statistics: [20, 2, 5, 3, 1, 0],
				premium: '15 xDAI',
				options: ['15-29 min', '30-44 min', '>= 45 min', 'cancelled', 'diverted'],
				series: [
					{
						id: 'yours',
						label: 'Yours',
						unit: 'xDAI',
						weight: '91000',
						payouts: [0, 0, 49.45, 82.41, 82.41],
						exact: ['0', '0', '49.45', '82.41', '82.41']
					}
				],
				source: 'test',
				synthetic: true
			}
		],
		polls: [
			{
				title: 'Claim 1',
				unit: 'NXM',
				start: T0,
				cooldownSeconds: 86_400,
				silentEndingSeconds: 86_400,
				votes: [
					{ step: 0, time: T0 + 3600, voter: 'Ana', accept: true, stake: 2000, stakeText: '2000' },
					{
						step: 1,
						time: T0 + 70 * 3600,
						voter: 'Dora',
						accept: false,
						stake: 3000,
						stakeText: '3000'
					}
				],
				samples: [
					{
						step: 0,
						time: T0 + 3600,
						accepted: 2000,
						denied: 0,
						end: T0 + 73 * 3600,
						referenceAccepted: 2000,
						referenceDenied: 0,
						referenceEnd: T0 + 73 * 3600,
						status: 'pending'
					},
					{
						step: 1,
						time: T0 + 70 * 3600,
						accepted: 2000,
						denied: 3000,
						end: T0 + 97 * 3600,
						referenceAccepted: 2000,
						referenceDenied: 3000,
						referenceEnd: T0 + 97 * 3600,
						status: 'pending'
					}
				]
			}
		]
	},
	assessorLedger: {
		unit: 'NXM',
		claims: ['Claim 0: test'],
		source: 'test',
		snapshots: [
			{
				step: 1,
				phase: 'after',
				time: T0,
				fraudSubmitted: true,
				polls: [
					{ claim: 'Claim 0', accepted: '0', denied: '20', end: T0, status: 'denied', final: false }
				],
				assessors: [
					{
						name: 'Mallory',
						fraudulent: true,
						processed: true,
						stake: '0',
						burned: '12',
						votes: ['accept'],
						rewardOwed: '0',
						rewardPaid: '0'
					}
				]
			}
		]
	},
	solvency: solvencyOverview(
		[
			[capitalYear(130n, 100n), capitalYear(90n, 100n)],
			[capitalYear(200n, 100n), capitalYear(150n, 100n)]
		],
		{ line: 13_000n, ruin: 10_000n, reference: 0.25, noLine: 0.5, note: 'Illustrative' }
	),
	governance: {
		proposals: [
			{
				title: 'Proposal 1: Set the reserve factor',
				id: 1,
				rules: 'bravo',
				unit: 'COMP',
				proposedBlock: 10,
				proposedTime: 1_000_000,
				startBlock: 20,
				endBlock: 30,
				startTime: 1_000_120,
				endTime: 1_000_240,
				quorum: 400_000,
				quorumText: '400,000 COMP',
				quorumCounts: 'For',
				delaySeconds: 172_800,
				gracePeriodSeconds: 1_209_600,
				eta: null,
				bands: [
					{ state: 'Pending', from: 1_000_000, to: 1_000_120, note: 'until startBlock 20' },
					{ state: 'Active', from: 1_000_120, to: 1_000_240, note: 'blocks 21 to 30' }
				],
				votes: [
					{
						step: 1,
						block: 21,
						time: 1_000_132,
						voter: 'Bob',
						support: 1,
						weight: 250_000,
						weightText: '250,000 COMP'
					}
				],
				samples: [
					{
						step: 0,
						block: 20,
						time: 1_000_120,
						state: 'Active',
						referenceState: 'Pending',
						forVotes: 0,
						againstVotes: 0,
						abstainVotes: 0,
						referenceFor: 0,
						referenceAgainst: 0,
						referenceAbstain: 0
					},
					{
						step: 1,
						block: 21,
						time: 1_000_132,
						state: 'Active',
						referenceState: 'Active',
						forVotes: 250_000,
						againstVotes: 0,
						abstainVotes: 0,
						referenceFor: 250_000,
						referenceAgainst: 0,
						referenceAbstain: 0
					}
				]
			}
		]
	},
	parallel: {
		blocks: [
			parallelBlock({
				name: 'a three-transaction block',
				source: 'test',
				step: 0,
				state: { alice: 5, bob: 0 },
				txs: [
					{ kind: 'transfer', from: 'bob', to: 'alice', amount: 1 },
					{ kind: 'transfer', from: 'alice', to: 'bob', amount: 2 },
					{ kind: 'read', keys: ['bob'] }
				],
				learner: { batches: [1, 1, 1] }
			})
		]
	},
	blockStm: {
		runs: [
			blockStmRunView('four increments', stmTxs, stmRun, executeSequential({ n: 0 }, stmTxs), [
				{ step: 0, time: 0 },
				{ step: 1, time: stmRun.makespan / 2 },
				{ step: 2, time: stmRun.makespan }
			])
		]
	},
	concentration: {
		distributions: [
			distribution({
				name: 'two holders',
				source: 'test',
				symbol: 'GOV',
				step: 0,
				threshold: { numerator: 1n, denominator: 2n },
				holders: [
					{ label: 'Ana', balance: 3n * 10n ** 18n, votes: 4n * 10n ** 18n },
					{ label: 'Ben', balance: 1n * 10n ** 18n, votes: 0n }
				]
			})
		]
	},
	security: {
		symbol: 'ATOM',
		chains: ['Consumer A', 'Consumer B'],
		steps: [
			{
				step: 0,
				label: 'bonded',
				validators: [{ name: 'Dave', stake: 1000, slashed: 0, jailed: false, tombstoned: false }],
				reference: [{ name: 'Dave', stake: 1000, slashed: 0, jailed: false, tombstoned: false }],
				evidence: []
			},
			{
				step: 1,
				label: 'double sign',
				validators: [{ name: 'Dave', stake: 950, slashed: 50, jailed: true, tombstoned: true }],
				reference: [{ name: 'Dave', stake: 950, slashed: 50, jailed: true, tombstoned: true }],
				evidence: [
					{
						chain: 'Consumer A',
						validator: 'Dave',
						kind: 'double-sign',
						accepted: true,
						slashed: 50,
						reference: { accepted: true, slashed: 50 }
					},
					{
						chain: 'Consumer B',
						validator: 'Dave',
						kind: 'double-sign',
						accepted: false,
						slashed: 0,
						reference: { accepted: false, slashed: 0 },
						reason: 'validator is tombstoned'
					}
				]
			}
		],
		restaking: {
			step: 1,
			operator: 'Op',
			slashedBy: 'AVS 1',
			fraction: 0.5,
			symbol: 'ETH',
			stake: { before: 200, unique: 180, pooled: 100 },
			rows: [
				{ avs: 'AVS 1', before: 40, unique: 20, reference: 20, pooledBefore: 200, pooled: 100 },
				{ avs: 'AVS 2', before: 50, unique: 50, reference: 50, pooledBefore: 200, pooled: 100 }
			]
		}
	},
	infrastructure: infrastructureOverview(
		hosted,
		{ name: 'a test set', source: 'test', symbol: 'SOL', decimals: 0 },
		[
			infrastructureSnapshot(hosted, 0, 'all online', []),
			infrastructureSnapshot(hosted, 1, 'B off', ['B'], {
				offline: '1',
				live: true,
				safety: 'safe'
			})
		]
	),
	amm: {
		pair: 'Pair',
		symbols: ['TKA', 'TKB'],
		samples: [
			{ step: 0, reserve0: '5', reserve1: '10', k: '50', totalSupply: '7.071067811865475244' },
			{
				step: 1,
				reserve0: '6',
				reserve1: '8.337502084375521094',
				k: '50.025012506253126564',
				totalSupply: '7.071067811865475244'
			}
		],
		trades: [
			{
				step: 1,
				txHash: '0x' + '3'.padStart(64, '0'),
				trader: 'Bob',
				tokenIn: 0,
				amountIn: '1',
				amountOut: '1.662497915624478906',
				reserve0Before: '5',
				reserve1Before: '10',
				reserve0After: '6',
				reserve1After: '8.337502084375521094',
				spotBefore: 2,
				executionPrice: 1.6624979156,
				spotAfter: 1.3895836807,
				priceImpact: 0.1687510422
			}
		]
	},
	twap: {
		base: 'WETH',
		quote: 'DAI',
		windowSeconds: 86_400,
		points: [
			{ step: 0, time: T0, label: 'pair opens', spot: 2000, twap: null, poolPrice: null },
			{ step: 1, time: T0 + 86_400, label: 'the attack', spot: 8000, twap: 2036, poolPrice: 2036 }
		],
		attack: { step: 1, spot: 8000, poolPrice: 2036, profit: -6026, outcome: 'unwound' },
		note: 'Illustrative'
	}
};

const frame: Frame = {
	step: 1,
	total: 2,
	label: 'the crash hour',
	time: T0 + 3600,
	blockNumber: 2,
	heads: [{ chainId: 1, number: 2, timestamp: T0 + 3600 }],
	stateHash: '0x00',
	receipts: [
		{
			txHash: '0x' + '2'.padStart(64, '0'),
			chainId: 1,
			blockNumber: 2,
			from: 'alice',
			to: 'Pool',
			method: 'borrow',
			args: ['100'],
			value: '0',
			status: 'success',
			gasUsed: 21000,
			gasLimit: 100000,
			logs: []
		}
	],
	balances: [{ account: 'alice', asset: 'ETH', amount: '1' }]
};

function input(over: Partial<ViewInput> = {}): ViewInput {
	return {
		overview,
		frame,
		step: 1,
		liquidations: overview.liquidations ?? [],
		selected: liquidation,
		picked: null,
		pick: () => {},
		...over
	};
}

describe('view registry', () => {
	test('has exactly one entry per view id a lesson can name', () => {
		expect(Object.keys(VIEWS)).toEqual([...VIEW_IDS]);
	});

	test.each([...VIEW_IDS])('%s renders with its table alternative', async (id) => {
		const entry = VIEWS[id];
		const props = entry.props(input());
		expect(props).not.toBeNull();
		const { body } = render(await component(id), { props: props! });
		if (entry.table === 'switch') {
			// the Chart / Table switch of VizFigure
			expect(body).toMatch(/role="group" aria-label="Show [^"]+ as"/);
		} else {
			expect(body).toContain('<table');
		}
	});

	test('a run without a view’s data gets the view’s message, views of the frame still draw', () => {
		const empty = input({ overview: {}, liquidations: [], selected: null });
		const missing = VIEW_IDS.filter((id) => VIEWS[id].props(empty) === null);
		expect(missing).toEqual([
			'price',
			'health',
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
			'twap',
			'proposal-timeline',
			'lorenz',
			'holders',
			'dependency-graph',
			'block-stm-gantt',
			'slashing-ledger',
			'stake-by-provider'
		]);
		for (const id of missing) expect(VIEWS[id].missing).toMatch(/^This run has no .+\.$/);
	});

	test('the graph view is mounted afresh for a new run’s graph only', () => {
		const key = VIEWS.graph.key!;
		expect(key(input())).toBe(key(input({ frame: { ...frame, step: 0 } })));
		const next = {
			...overview,
			proofs: { ...overview.proofs, graph: { ...overview.proofs!.graph! } }
		};
		expect(key(input({ overview: next }))).not.toBe(key(input()));
	});
});

describe('poll timeline', () => {
	test('follows the timeline: the end and the highlighted vote are the current step’s', async () => {
		const view = await component('poll-timeline');
		const at = (step: number) =>
			render(view, {
				props: VIEWS['poll-timeline'].props(input({ step }))!
			}).body;
		expect(at(0)).toMatch(/data-testid="poll-end">73 h</);
		expect(at(0)).toContain('This step: <strong>Ana</strong> accept, 2,000 NXM, at 1 h: counted.');
		expect(at(0)).not.toContain('Dora');
		expect(at(1)).toMatch(/data-testid="poll-end">97 h</);
		expect(at(1)).toContain('extended by 24 h in this step');
		expect(at(1)).toContain('This step: <strong>Dora</strong> deny, 3,000 NXM, at 70 h: counted.');
	});
});

describe('proposal timeline', () => {
	test('follows the timeline: your state beside the reference’s, and the step’s vote', async () => {
		const view = await component('proposal-timeline');
		const at = (step: number) =>
			render(view, {
				props: VIEWS['proposal-timeline'].props(input({ step }))!
			}).body;
		expect(at(0)).toMatch(/data-testid="your-state">Active</);
		expect(at(0)).toMatch(/data-testid="reference-state">Pending</);
		expect(at(0)).not.toContain('Bob');
		expect(at(1)).toMatch(/data-testid="reference-state">Active</);
		expect(at(1)).toContain('This step: <strong>Bob</strong> votes For: counted, 250,000 COMP.');
	});
});

describe('capital view', () => {
	test('the ruin probability, the path at the step and the years as a table', async () => {
		const view = await component('capital-mcr');
		const at = (step: number) =>
			render(view, {
				props: VIEWS['capital-mcr'].props(input({ step }))!
			}).body;
		const body = at(1);
		// 1 of 4 years ends below 100% (path 1's 90%); the reference and no-line shares beside it
		expect(body).toContain('25%');
		expect(body).toMatch(
			/1 of 4 years end with capital\s+below the MCR; reference 25%, 50% with no line/
		);
		expect(body).toContain('path 2 (this step): ends at');
		expect(at(0)).toContain('path 1 (this step): ends at');
		expect(at(5)).not.toContain('(this step)');
	});
});

describe('concentration views', () => {
	test('the holders view draws the Nakamoto line, balances beside votes', async () => {
		const html = render(await component('holders'), { props: VIEWS.holders.props(input())! });
		const body = html.body.replace(/<!--.*?-->/g, '');
		// Ana holds 75% of the balances and all the votes: one holder is over half either way
		expect(body).toMatch(/Nakamoto coefficient by balance: <strong[^>]*>1<\/strong>/);
		expect(body).toContain('more than 1/2');
		expect(body).toMatch(/by delegated votes: <strong[^>]*>1<\/strong>/);
		expect(body).toContain('data-series="votes"');
	});

	test('the Lorenz view gives the Gini coefficient of balances and of votes', async () => {
		const html = render(await component('lorenz'), { props: VIEWS.lorenz.props(input())! });
		const body = html.body.replace(/<!--.*?-->/g, '');
		// balances 1 and 3: G = |3 - 1| · 2 / (2 · 2 · 4) = 1/4; votes 0 and 4: G = 1/2
		expect(body).toContain('Gini 0.2500 (1/4)');
		expect(body).toContain('0.5000 (1/2)');
	});
});

describe('dependency-graph view', () => {
	test('draws the batches, the read-from edges by key and a failed transaction dashed', async () => {
		const props = VIEWS['dependency-graph'].props(input())!;
		const body = render(await component('dependency-graph'), { props }).body.replace(
			/<!--.*?-->/g,
			''
		);
		// tx0 bob → alice fails (bob has 0) but locks bob and alice: batch 1; tx1 alice → bob
		// conflicts with it: batch 2; tx2 reads bob, written by tx1: batch 3, one edge keyed bob
		expect(body).toMatch(/Sealevel batches: <strong[^>]*>3<\/strong>/);
		expect(body).toMatch(/yours: <strong class="[^"]*\bwrong\b[^"]*">1<\/strong>/);
		expect(body).toContain('data-key="bob"');
		expect(body).toMatch(/class="node[^"]*\bfailed\b[^"]*" data-tx="0" data-batch="1"/);
		expect(body).toContain('data-tx="2" data-batch="3"');
	});
});

describe('Block-STM view', () => {
	test('the Gantt view follows the step: later tasks faint, the final state against sequential', async () => {
		const Gantt = await component('block-stm-gantt');
		const at = (step: number) =>
			render(Gantt, { props: VIEWS['block-stm-gantt'].props(input({ step }))! }).body;
		const start = at(0);
		const middle = at(1);
		const end = at(2);
		const count = (html: string, s: string) => html.split(s).length - 1;
		// at t = 0 every task is still to come; half-way some are; at the end none
		expect(count(start, 'class="task')).toBe(stmRun.tasks.length);
		expect(count(start, 'data-state="future"')).toBe(stmRun.tasks.length);
		expect(count(middle, 'data-state="future"')).toBeGreaterThan(0);
		expect(count(middle, 'data-state="future"')).toBeLessThan(stmRun.tasks.length);
		expect(count(end, 'data-state="future"')).toBe(0);
		expect(end).toMatch(/Final state\s+equals sequential/);
		expect(end).toContain(`${stmRun.aborts} aborts`);
		expect(end).toContain('thread 1');
		expect(end).toContain('sequential');
	});
});

describe('slashing ledger', () => {
	test('the ledger follows the timeline: a slash, the tombstone, a refused second report', async () => {
		const view = await component('slashing-ledger');
		const at = (step: number) =>
			render(view, { props: VIEWS['slashing-ledger'].props(input({ step }))! }).body.replace(
				/<!--.*?-->/g,
				''
			);
		expect(at(0)).toContain('data-status="active"');
		expect(at(0)).not.toContain('Restaking:');
		expect(at(1)).toContain('data-status="tombstoned"');
		expect(at(1)).toContain('Consumer B → Dave: double-sign, refused (validator is tombstoned)');
		// unique keeps AVS 2 at 50, pooled drops it to 100 of 200
		expect(at(1)).toMatch(/data-avs="AVS 2" data-series="unique"/);
		expect(at(1)).toContain('Restaking: AVS 1 slashes 50%');
	});
});

describe('stake-by-provider view', () => {
	test('follows the step: the provider switched off, the offline share and the verdicts', async () => {
		const view = await component('stake-by-provider');
		const at = (step: number) =>
			render(view, { props: VIEWS['stake-by-provider'].props(input({ step }))! }).body.replace(
				/<!--.*?-->/g,
				''
			);
		expect(at(0)).toContain('data-provider="B" data-off="false"');
		// B holds exactly 1/3: the chain halts (2/3 online is not more than 2/3), and the learner
		// said live
		expect(at(1)).toContain('data-provider="B" data-off="true"');
		expect(at(1)).toMatch(/chain <strong[^>]*>halted<\/strong>/);
		expect(at(1)).toContain('yours: 1 SOL, live, safe');
		expect(at(1)).toContain('1/3 halts');
		expect(at(1)).toMatch(
			/Nakamoto coefficient by provider \(more than 1\/3\): <strong[^>]*>1<\/strong>/
		);
	});
});

describe('bridge views', () => {
	test('the sequence view follows the timeline: a message is sent, then executed', async () => {
		const view = await component('bridge-sequence');
		const at = (step: number) =>
			render(view, {
				props: VIEWS['bridge-sequence'].props(input({ step }))!
			}).body;
		expect(at(0)).toContain('data-state="sent"');
		expect(at(0)).not.toContain('data-state="executed"');
		expect(at(1)).toContain('data-state="executed"');
		expect(at(1)).toContain('A → B #0 · 10 TOK · executed');
	});

	test('the supply view shows the values at the current step', async () => {
		const view = await component('bridge-supply');
		const at = (step: number) =>
			render(view, {
				props: VIEWS['bridge-supply'].props(input({ step }))!
			}).body;
		expect(at(0)).toMatch(/Wrapped on B: <strong>0 wTOK<\/strong>/);
		expect(at(1)).toMatch(/Wrapped on B: <strong>10 wTOK<\/strong>/);
	});
});

test('the Merkle view lights the proof checked by the step: path and siblings', async () => {
	const view = await component('merkle-tree');
	const at = (step: number) =>
		render(view, {
			props: VIEWS['merkle-tree'].props(input({ step }))!
		}).body;
	expect(at(0)).toContain('No proof checked yet');
	const body = at(1);
	expect(body).toContain('carol withdraws: your contract');
	// leaf 2 (carol), its parent b2 and the root are on the path; a4 and b1 are the siblings
	expect(body.match(/class="node [\w-]+ lit"/g)).toHaveLength(3);
	expect(body.match(/class="node [\w-]+ sibling"/g)).toHaveLength(2);
});
