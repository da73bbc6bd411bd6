/**
 * ScenarioContext: what a scenario's `run(s)` (and a check's `final` / `fresh()`) works with.
 * It wraps one engine World: deploys lesson files by path, sends transactions and records their
 * receipts for the current step, keeps names for display, runs bots and reads tracked balances.
 */
import type { BalanceRow } from '#lib/model/frame.ts';
import type { RunOverview, SummaryRow } from '#lib/model/overview.ts';
import type { RunWork } from '#lib/model/run.ts';
import type { Asset, Bot, TxRecord } from './types.ts';
import {
	chainHead,
	lastReceipt,
	newWorld,
	type Chain,
	type ChainConfig,
	type Receipt,
	type World
} from './engine.ts';
import { ScenarioError, toSourceError } from './errors.ts';
import type { NameBook } from './format.ts';
import { balanceRows, mapAsset, nativeAsset, tokenAsset } from './assets.ts';
import { type ReceiptNames, toReceiptView, type TokenInfo } from './receipt-view.ts';
import { readLogs, type LogQuery, type LogRecord } from './logs.ts';

/** Options every chain-touching call accepts: which chain (default: the first). */
export type OnChain = { chainId?: number };

/** A transaction as a scenario sends it; `to` may be an account or contract name. */
export type SendRequest = OnChain & {
	from: string;
	to: string;
	method?: string;
	args?: unknown[];
	value?: bigint;
	gasLimit?: number;
};

const DEFAULT_GAS_LIMIT = 10_000_000;
const isAddress = (text: string) => /^0x[0-9a-fA-F]+$/.test(text);

/**
 * Values by address, per chain: `get(address, chainId)` answers for that chain, and without a
 * chain (or when that chain has none) gives the value set last on any chain. Addresses are
 * compared lowercase.
 */
class AddressBook<T> {
	private readonly onChain = new Map<string, T>();
	private readonly latest = new Map<string, T>();

	set(chainId: number, address: string, value: T): void {
		const key = address.toLowerCase();
		this.onChain.set(`${chainId}:${key}`, value);
		this.latest.set(key, value);
	}

	get(address: string, chainId?: number): T | undefined {
		const key = address.toLowerCase();
		return (
			(chainId === undefined ? undefined : this.onChain.get(`${chainId}:${key}`)) ??
			this.latest.get(key)
		);
	}
}

export class ScenarioContext implements NameBook {
	/** overview data for the whole run; fill `prices`, `liquidations`, `health`, `summary` */
	readonly overview: RunOverview = {};
	/** index of the step being built (the index the next `yield` gets) */
	step = 0;
	/** expected number of steps, for progress bars; null when unknown */
	total: number | null = null;
	/** the work reported with `progress()`, latest first; undefined until the scenario reports any */
	work: RunWork | undefined;
	/** called by `progress()`; the runner forwards it to the run's progress callback */
	onWork: ((work: RunWork) => void) | undefined;
	readonly bots: Bot[] = [];

	/** display names of addresses (accounts, contracts, tokens) */
	private readonly names = new AddressBook<string>();
	/** token addresses -> symbol and decimals, so receipts can show amounts in units */
	private readonly tokens = new AddressBook<TokenInfo>();
	/** contract addresses -> the lesson file each was deployed from */
	private readonly files = new AddressBook<string>();
	private tracked: { accounts: string[]; assets: Asset[] } | undefined;
	private pendingTxs: TxRecord[] = [];
	private pendingNotes: string[] = [];

	/**
	 * @param world the engine world to drive
	 * @param sources lesson files by path (`contracts/Token.ts`), the learner's edits included
	 * @param seed the run's seed, for reference
	 */
	constructor(
		readonly world: World,
		readonly sources: Readonly<Record<string, string>>,
		readonly seed: number
	) {}

	/** A context on a brand-new world (for checks that probe the learner's contracts). */
	static fresh(sources: Readonly<Record<string, string>>, seed: number, chains?: ChainConfig[]) {
		return new ScenarioContext(newWorld(seed, chains), sources, seed);
	}

	/** The default chain (the first one). */
	get chain(): Chain {
		return this.world.chain();
	}

	/** A chain by id; the default chain when `chainId` is undefined. */
	chainOf(chainId?: number): Chain {
		return chainId === undefined ? this.world.chain() : this.world.chain(chainId);
	}

	/** The address of a named account (`alice`), created on first use with 100 ETH. */
	address(name: string, chainId?: number): string {
		if (isAddress(name)) return name;
		const chain = this.chainOf(chainId);
		const address = chain.address(name);
		this.names.set(chain.id, address, name);
		return address;
	}

	/**
	 * The account or contract name of an address, if this run gave it one: on chain `chainId` when
	 * given (two chains can hold different contracts at one address, as a deployer's nonce repeats
	 * on each), else the name given last on any chain.
	 */
	nameOf(address: string, chainId?: number): string | undefined {
		return this.names.get(address, chainId) ?? this.chainOf(chainId).nameOf(address);
	}

	/** The lesson file a contract was deployed from (`contracts/Token.ts`), as nameOf. */
	fileOf(address: string, chainId?: number): string | undefined {
		return this.files.get(address, chainId);
	}

	/** The token at an address (a built-in token, or a contract shown as an asset), as nameOf. */
	assetOf(address: string, chainId?: number): TokenInfo | undefined {
		return this.tokens.get(address, chainId);
	}

	/** The names, files and tokens of one chain, for that chain's receipts. */
	private namesOn(chainId: number): ReceiptNames {
		return {
			nameOf: (address) => this.nameOf(address, chainId),
			fileOf: (address) => this.fileOf(address, chainId),
			assetOf: (address) => this.assetOf(address, chainId)
		};
	}

	/**
	 * Deploy a lesson file (learner-editable or fixed) by path.
	 * @param path e.g. `contracts/Token.ts`
	 * @param options `from` (account name), constructor `args`, display `name` (default: file name)
	 * @returns the contract address
	 * @throws ScenarioError with `file` and `line` when the file is missing, does not compile, or
	 *   its constructor fails; a run stops there and reports it
	 */
	deploy(
		path: string,
		options: OnChain & { from: string; args?: unknown[]; name?: string }
	): string {
		const source = this.sources[path];
		if (source === undefined) {
			throw new ScenarioError({ kind: 'runtime', message: `the lesson has no file ${path}` });
		}
		const name = options.name ?? path.split('/').at(-1)!.replace(/\.ts$/, '');
		const chain = this.chainOf(options.chainId);
		const args = options.args ?? [];
		this.address(options.from, options.chainId);
		let address: string;
		try {
			address = chain.deploy(source, { name, from: options.from, args });
		} catch (error) {
			throw new ScenarioError(toSourceError(error, path));
		}
		this.names.set(chain.id, address, name);
		this.files.set(chain.id, address, path);
		this.recordDeploy(chain, { from: options.from, to: address, args });
		return address;
	}

	/** Record the receipt a deploy mined, so the console shows its gas. */
	private recordDeploy(chain: Chain, tx: { from: string; to: string; args: unknown[] }) {
		const receipt = lastReceipt(chain);
		if (!receipt || receipt.to.toLowerCase() !== tx.to.toLowerCase()) return;
		const view = toReceiptView(receipt, this.namesOn(chain.id));
		this.pendingTxs.push({ step: this.step, chainId: chain.id, receipt, view });
	}

	/** Deploy a built-in ERC-20 (18 decimals); it is shown by its symbol. */
	deployToken(options: OnChain & { name: string; symbol: string; from: string; supply?: bigint }) {
		const { chainId, ...token } = options;
		const chain = this.chainOf(chainId);
		this.address(options.from, chainId);
		const address = chain.deployToken(token);
		this.names.set(chain.id, address, options.symbol);
		this.tokens.set(chain.id, address, { symbol: options.symbol, decimals: 18 });
		this.recordDeploy(chain, { from: options.from, to: address, args: [] });
		return address;
	}

	/**
	 * Send a transaction and record its receipt in the current step. Reverts and out-of-gas are
	 * ordinary receipts here (status 'reverted'), not exceptions.
	 * @returns the engine receipt (bigints intact)
	 */
	send(request: SendRequest): Receipt {
		const { chainId, ...tx } = request;
		const chain = this.chainOf(chainId);
		this.address(tx.from, chainId);
		const to = this.address(tx.to, chainId);
		const full = { ...tx, to, args: tx.args ?? [], gasLimit: tx.gasLimit ?? DEFAULT_GAS_LIMIT };
		const receipt = chain.send(full);
		const id = chain.id;
		const view = toReceiptView(receipt, this.namesOn(id));
		this.pendingTxs.push({ step: this.step, chainId: id, receipt, view });
		return receipt;
	}

	/**
	 * A read-only call (no state change, no fee).
	 * @throws ScenarioError naming the contract's file when the call fails
	 */
	view(to: string, method: string, args: unknown[] = [], chainId?: number): unknown {
		const address = this.address(to, chainId);
		const chain = this.chainOf(chainId);
		try {
			return chain.view(address, method, args);
		} catch (error) {
			throw new ScenarioError(toSourceError(error, this.fileOf(address, chain.id)));
		}
	}

	/** Native balance in wei of an account name or address. */
	balance(account: string, chainId?: number): bigint {
		return this.chainOf(chainId).balance(this.address(account, chainId));
	}

	/** The engine's fast indexer over a contract's storage (no gas, read-only). */
	storage(contract: string, chainId?: number) {
		return this.chainOf(chainId).storage(this.address(contract, chainId));
	}

	/**
	 * Event logs of one chain's mined blocks, oldest first: what a bot reads to follow another
	 * chain (a relayer watching `Locked` on chain 1, say). `since` is a block number, inclusive;
	 * see LogQuery. Read-only: no gas, no transaction.
	 * @throws RangeError for a bad `since`; Error for an unknown chain id
	 */
	logs(query: LogQuery = {}): LogRecord[] {
		const chain = this.chainOf(query.chainId);
		return readLogs(chain, query, (address) => this.nameOf(address, chain.id));
	}

	/** Mine `blocks` empty blocks (time moves by the chain's block time each). */
	mine(blocks = 1, chainId?: number): void {
		this.chainOf(chainId).mine(blocks);
	}

	/** Unix seconds of the chain's latest block. */
	time(chainId?: number): number {
		return chainHead(this.chainOf(chainId)).timestamp;
	}

	/** Number of the chain's latest block. */
	blockNumber(chainId?: number): number {
		return chainHead(this.chainOf(chainId)).number;
	}

	/** The world's seeded random number in [0, 1) (deterministic for a seed). */
	random(): number {
		return this.world.random();
	}

	/**
	 * Report work done inside the current step, for the progress bar: `progress(370, 1000,
	 * 'years')` reads "370 of 1,000 years". Use it when a step runs many units of work (a Monte
	 * Carlo's years); the page shows steps otherwise. Cheap: the session throttles what it sends.
	 * @throws RangeError unless 0 <= done <= total and total > 0 (whole numbers)
	 */
	progress(done: number, total: number, unit: string): void {
		if (
			!Number.isInteger(done) ||
			!Number.isInteger(total) ||
			total <= 0 ||
			done < 0 ||
			done > total
		)
			throw new RangeError(
				`progress(${done}, ${total}): need whole numbers with 0 <= done <= total, total > 0`
			);
		this.work = { done, total, unit };
		this.onWork?.(this.work);
	}

	/** Print a line in the console at the current step. */
	note(text: string): void {
		this.pendingNotes.push(text);
	}

	/**
	 * Set a headline figure of the run overview (`'Liquidations'`, `'12'`), optionally with the
	 * reference figure it should be compared with (`{ reference: '10' }`). Setting a label again
	 * replaces its row in place.
	 */
	summary(label: string, value: string, extra: { reference?: string; note?: string } = {}): void {
		const row: SummaryRow = { label, value, ...extra };
		const rows = this.overview.summary ?? [];
		const at = rows.findIndex((r) => r.label === label);
		this.overview.summary = at < 0 ? [...rows, row] : rows.with(at, row);
	}

	/**
	 * Register a bot: `act` runs at the end of every step, in registration order, before the
	 * snapshot. Set `enabled = false` on the returned bot to pause it.
	 */
	bot(name: string, act: (s: ScenarioContext) => void): Bot {
		const bot: Bot = { name, enabled: true, act };
		this.bots.push(bot);
		this.address(name);
		return bot;
	}

	/** Run every enabled bot once, now. */
	runBots(): void {
		for (const bot of this.bots) if (bot.enabled) bot.act(this);
	}

	/**
	 * Show these accounts' balances of these assets in the balances view at every step. An account is
	 * a name (`alice`) or an address (a contract's, shown by its name).
	 */
	trackBalances(accounts: string[], assets: Asset[]): void {
		for (const account of accounts) this.address(account);
		this.tracked = { accounts, assets };
	}

	/** The native coin as an asset (`ETH`, 18 decimals). */
	native(symbol = 'ETH', chainId?: number): Asset {
		return nativeAsset(this.chainOf(chainId), symbol);
	}

	/** A built-in ERC-20 as an asset; shown by `symbol` (default: its deployed symbol). */
	token(address: string, symbol?: string, chainId?: number): Asset {
		const chain = this.chainOf(chainId);
		const shown = symbol ?? this.nameOf(address, chain.id) ?? 'TOKEN';
		this.tokens.set(chain.id, address, { symbol: shown, decimals: 18 });
		return tokenAsset(chain, address, shown);
	}

	/** A learner contract's `StorageMap<address, bigint>` named `map` as an asset. */
	mapAsset(contract: string, map: string, symbol: string, decimals = 18, chainId?: number): Asset {
		// a contract whose `balances` are shown is a token: its receipts show amounts in units
		if (map === 'balances')
			this.tokens.set(this.chainOf(chainId).id, contract, { symbol, decimals });
		return mapAsset(this.chainOf(chainId), contract, map, symbol, decimals);
	}

	/** Balance rows of the tracked accounts and assets now (amounts in whole units). */
	readBalances(): BalanceRow[] | undefined {
		if (!this.tracked) return undefined;
		// an account given by address (a contract, say) is shown by the name this run gave it
		const accounts = this.tracked.accounts.map((name): [string, string] => [
			isAddress(name) ? (this.nameOf(name) ?? name) : name,
			this.address(name)
		]);
		return balanceRows(accounts, this.tracked.assets);
	}

	/** True when transactions or notes wait for the next step. */
	hasPending(): boolean {
		return this.pendingTxs.length > 0 || this.pendingNotes.length > 0;
	}

	/** Hand over what the current step produced and start the next one (runner use). */
	takePending(): { txs: TxRecord[]; notes: string[] } {
		const taken = { txs: this.pendingTxs, notes: this.pendingNotes };
		this.pendingTxs = [];
		this.pendingNotes = [];
		return taken;
	}
}
