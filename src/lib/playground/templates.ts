/**
 * The playground's scenario templates: one chain; two chains with a relayer; a lending market
 * with an oracle. Each gives chains, named accounts, starter contract files and the setup
 * actions that open its timeline. Plain data (shared by the page and the simulator worker).
 */
import type { Action, ArgInput } from './types.ts';
import type { TemplateId } from './workspaces.ts';

const raw = import.meta.glob<string>('./contracts/*/*.ts', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** The starter files of a template folder, as `contracts/<Name>.ts`. */
function filesOf(folder: string): { path: string; text: string }[] {
	return Object.entries(raw)
		.filter(([key]) => key.startsWith(`./contracts/${folder}/`))
		.map(([key, text]) => ({ path: `contracts/${key.split('/').at(-1)}`, text }))
		.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export type PlaygroundChain = { id: number; name: string; blockTime: number };

/** A relayer of a template, by contract names (resolved once the contracts are deployed). */
export type TemplateRelayer = {
	account: string;
	from: { chainId: number; contract: string; event: string };
	to: { chainId: number; contract: string; method: string };
	args: string[];
};

export type PlaygroundTemplate = {
	id: TemplateId;
	title: string;
	summary: string;
	chains: PlaygroundChain[];
	/** named accounts, each starting with 100 ETH on every chain */
	accounts: string[];
	files: { path: string; text: string }[];
	/** the first steps of a fresh workspace */
	setup: Action[];
	/**
	 * relayers (scenario/relayer.ts): each carries `from.event` logs of `from.contract` to
	 * `to.contract`.`to.method`, with the event fields `args` as the call's arguments
	 */
	relayers?: TemplateRelayer[];
	/** an oracle whose `price()` (USD, 8 decimals) is plotted as the price view */
	oracle?: { contract: string; symbol: string };
};

const addr = (text: string): ArgInput => ({ type: 'address', text });
const amount = (text: string): ArgInput => ({ type: 'bigint', text });
const send = (from: string, to: string, method: string, args: ArgInput[], chainId = 1): Action => ({
	kind: 'send',
	chainId,
	from,
	to,
	method,
	args,
	value: ''
});

export const TEMPLATES: Record<TemplateId, PlaygroundTemplate> = {
	'one-chain': {
		id: 'one-chain',
		title: 'One chain',
		summary:
			'A token and an ETH vault on one chain. Send transactions from alice, bob and carol, mine blocks, and watch balances and receipts.',
		chains: [{ id: 1, name: 'Chain 1', blockTime: 12 }],
		accounts: ['alice', 'bob', 'carol'],
		files: filesOf('one-chain'),
		setup: [
			{
				kind: 'deploy',
				chainId: 1,
				from: 'alice',
				file: 'contracts/Token.ts',
				args: [amount('1000 ether')]
			},
			{ kind: 'deploy', chainId: 1, from: 'alice', file: 'contracts/Vault.ts', args: [] }
		]
	},
	'two-chains': {
		id: 'two-chains',
		title: 'Two chains with a relayer',
		summary:
			'A lock-and-mint bridge: lock TOK on chain 1 and the relayer mints as much on chain 2; burn it there and the relayer releases it on chain 1. Try minting the same lock twice.',
		chains: [
			{ id: 1, name: 'Chain 1', blockTime: 12 },
			{ id: 2, name: 'Chain 2', blockTime: 2 }
		],
		accounts: ['alice', 'bob', 'relayer'],
		files: filesOf('two-chains'),
		setup: [
			{
				kind: 'token',
				chainId: 1,
				from: 'alice',
				name: 'Token',
				symbol: 'TOK',
				supply: '1000 ether'
			},
			{
				kind: 'deploy',
				chainId: 1,
				from: 'alice',
				file: 'contracts/BridgeLock.ts',
				args: [addr('TOK'), addr('relayer')]
			},
			{
				kind: 'deploy',
				chainId: 2,
				from: 'relayer',
				file: 'contracts/BridgeMint.ts',
				args: [addr('relayer')]
			},
			send('alice', 'TOK', 'approve', [addr('BridgeLock'), amount('1000 ether')])
		],
		relayers: [
			{
				account: 'relayer',
				from: { chainId: 1, contract: 'BridgeLock', event: 'Locked' },
				to: { chainId: 2, contract: 'BridgeMint', method: 'mint' },
				args: ['to', 'amount', 'nonce']
			},
			{
				account: 'relayer',
				from: { chainId: 2, contract: 'BridgeMint', event: 'Burned' },
				to: { chainId: 1, contract: 'BridgeLock', method: 'release' },
				args: ['to', 'amount', 'nonce']
			}
		]
	},
	lending: {
		id: 'lending',
		title: 'Lending market with an oracle',
		summary:
			'Borrow USDC against WETH, move the oracle price, and liquidate a position whose health factor falls below 1.',
		chains: [{ id: 1, name: 'Chain 1', blockTime: 12 }],
		accounts: ['alice', 'bob', 'carol', 'oracle'],
		files: filesOf('lending'),
		setup: [
			{
				kind: 'token',
				chainId: 1,
				from: 'alice',
				name: 'Wrapped Ether',
				symbol: 'WETH',
				supply: '100 ether'
			},
			{
				kind: 'token',
				chainId: 1,
				from: 'carol',
				name: 'USD Coin',
				symbol: 'USDC',
				supply: '1000000 ether'
			},
			{ kind: 'deploy', chainId: 1, from: 'oracle', file: 'contracts/Oracle.ts', args: [] },
			send('oracle', 'Oracle', 'setPrice', [amount('200000000000')]),
			{
				kind: 'deploy',
				chainId: 1,
				from: 'carol',
				file: 'contracts/LendingPool.ts',
				args: [addr('WETH'), addr('USDC'), addr('Oracle')]
			},
			send('carol', 'USDC', 'approve', [addr('LendingPool'), amount('500000 ether')]),
			send('carol', 'LendingPool', 'supply', [amount('500000 ether')])
		],
		oracle: { contract: 'Oracle', symbol: 'ETH' }
	}
};

/** A template by id. */
export const templateOf = (id: TemplateId): PlaygroundTemplate => TEMPLATES[id];
