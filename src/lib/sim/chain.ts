/**
 * One chain of a world: accounts, blocks, mempool, transactions, views, deploys. Transactions
 * follow Ethereum's lifecycle: validate (nonce, gas limit, funds for gasLimit * gasPrice + value),
 * execute, charge gasUsed * gasPrice (burned) whatever the outcome, include in a block. An invalid
 * transaction is never included: no fee, no nonce change, a receipt with kind 'invalid-tx'.
 *
 * With autoMine (the default) send() mines a block per transaction. With `chain.autoMine = false`,
 * submit() queues transactions and mine() includes them, highest gasPrice first (ties in arrival
 * order), each sender's nonces in order.
 */
import { contractAddress } from './accounts.ts';
import { Block } from './block.ts';
import { ChainBase } from './chain-base.ts';
import { decodeValue, encodeArgs, EncodeError } from './codec.ts';
import { DeployError, ExecutionError } from './errors.ts';
import { type Env, type Outcome, Run } from './exec.ts';
import { DEFAULT_GAS_LIMIT, GAS_PRICE, VIEW_GAS_LIMIT } from './gas.ts';
import { GasMeter } from './meter.ts';
import { CompileError, compileContract, type Compiled } from './sandbox/transform.ts';
import { isIdentifier } from './text.ts';
import { mintDirect } from './token.ts';
import {
	intrinsicGasOf,
	invalidReason,
	invalidReceipt,
	makeReceipt,
	type PendingTx,
	selectForBlock,
	txHash,
	withLazyHash
} from './transactions.ts';
import type { ContractRecord, DeployOptions, Receipt, TokenOptions, TxRequest } from './types.ts';

export type { ChainSnapshot, WorldCore } from './chain-base.ts';
export type { PendingTx } from './transactions.ts';

/** One chain: send, submit and mine transactions, call views, deploy contracts and tokens. */
export class Chain extends ChainBase {
	/** mine a block per send() (default); set false to queue with submit() and include with mine() */
	autoMine = true;
	/**
	 * tokens (built-in, or contracts keeping a 'balances' StorageMap of bigint) whose balances the
	 * call trace records for each frame's callee at entry and exit (Receipt.calls[i].tokens); none by default
	 */
	traceTokens: readonly string[] = [];
	/**
	 * record the call trace of every transaction (Receipt.calls; on by default). Off, receipts carry
	 * an empty trace; gas and state are the same either way
	 */
	traceCalls = true;
	private readonly receipts = new Map<string, Receipt>();
	/** receipts not yet in `receipts`, in the order they were made (indexing needs their hashes) */
	private unindexed: Receipt[] = [];

	/** Remembers `r` for receipt(); its hash is only computed when a lookup needs the index. */
	private keep(r: Receipt): void {
		this.unindexed.push(r);
	}

	/** Receipt of a transaction by hash (included or rejected as invalid), if it exists in this timeline. */
	receipt(txHash: string): Receipt | undefined {
		if (this.unindexed.length > 0) {
			// in order, so a later receipt with the same hash replaces an earlier one as before
			for (const kept of this.unindexed) this.receipts.set(kept.txHash, kept);
			this.unindexed = [];
		}
		const r = this.receipts.get(txHash);
		if (r === undefined) return undefined;
		if (!r.included) return r.blockNumber <= this.headBlock.number ? r : undefined;
		return this.blocks.at(r.blockNumber)?.receipts.includes(r) ? r : undefined;
	}

	/** Transactions waiting to be mined, in arrival order. */
	pending(): readonly Readonly<PendingTx>[] {
		return this.mempool.slice();
	}

	// ---- transactions ----

	/**
	 * Sends a transaction and mines it in its own block (autoMine). Returns the receipt; never
	 * throws for failed or invalid transactions. Throws an Error when autoMine is off.
	 */
	send(tx: TxRequest): Receipt {
		if (!this.autoMine)
			throw new Error(
				'autoMine is off: queue the transaction with chain.submit(tx), then chain.mine()'
			);
		return this.includeNow(this.prepare(tx, false));
	}

	/** Queues a transaction in the mempool; returns its hash. mine() includes it. */
	submit(tx: TxRequest): string {
		const pending = this.prepare(tx, true);
		this.mempool.push(pending);
		return pending.hash;
	}

	/**
	 * Mines `count` blocks (default 1). Pending transactions go in by gasPrice (highest first),
	 * each sender's nonces in order, until a block is full (BLOCK_GAS_LIMIT, counted by gasLimit);
	 * transactions that turn out invalid are dropped with an 'invalid-tx' receipt. Returns the blocks.
	 */
	mine(count = 1): Block[] {
		if (!Number.isInteger(count) || count < 0)
			throw new RangeError(`mine(count): count must be a non-negative integer, got ${count}`);
		const mined: Block[] = [];
		for (let i = 0; i < count; i++) {
			const { chosen, rest } = selectForBlock(this.mempool, this.state);
			this.mempool = rest;
			mined.push(this.mineBlock(chosen));
		}
		return mined;
	}

	private nextEnv(): Env {
		return {
			number: this.headBlock.number + 1,
			timestamp: Math.max(this.headBlock.timestamp + this.blockTime, this.warpTo),
			chainId: this.id,
			seed: this.core.seed ?? 0
		};
	}

	private mineBlock(txs: PendingTx[], validated = false): Block {
		const env = this.nextEnv();
		const receipts: Receipt[] = [];
		for (const tx of txs) {
			const r = this.execute(tx, env, validated);
			this.keep(r);
			if (r.included) receipts.push(r);
		}
		const block = new Block(
			this.id,
			this.headBlock,
			env.timestamp,
			receipts,
			this.state.digestLanes()
		);
		this.blocks.push(block);
		this.headBlock = block;
		this.warpTo = 0;
		return block;
	}

	private includeNow(tx: PendingTx): Receipt {
		const problem = invalidReason(tx, this.state);
		if (problem !== undefined) {
			const r = invalidReceipt(this.id, tx, problem, this.headBlock.number);
			this.keep(r);
			return r;
		}
		const block = this.mineBlock([tx], true);
		return block.receipts[0];
	}

	private prepare(tx: TxRequest, queued: boolean, kind: PendingTx['kind'] = 'call'): PendingTx {
		if (tx === null || typeof tx !== 'object')
			throw new TypeError('send(tx): tx must be an object such as { from, to, method, args }');
		const from = this.resolve(tx.from, true);
		const to = this.resolve(tx.to, true);
		const method = tx.method ?? null;
		const args = tx.args ?? [];
		let argsText = '';
		let malformed: string | undefined;
		if (!Array.isArray(args)) malformed = 'args must be an array';
		else if (method !== null && (typeof method !== 'string' || !isIdentifier(method)))
			malformed = `"${String(method)}" is not a method name`;
		else if (kind === 'call' && method === null && args.length > 0)
			malformed = 'a plain transfer (no method) takes no args';
		else {
			try {
				argsText = encodeArgs(args, 'the transaction arguments');
			} catch (error) {
				if (!(error instanceof EncodeError)) throw error;
				malformed = error.message;
			}
		}
		const pendingCount = queued ? this.mempool.filter((p) => p.from === from).length : 0;
		const nonce =
			tx.nonce ?? ((this.state.get('n' + from) as number | undefined) ?? 0) + pendingCount;
		const pending = withLazyHash(this.id, {
			kind,
			from,
			to,
			method,
			args: Array.isArray(args) ? args.slice() : [],
			argsText,
			value: tx.value ?? 0n,
			gasLimit: tx.gasLimit ?? DEFAULT_GAS_LIMIT,
			gasPrice: tx.gasPrice ?? GAS_PRICE,
			nonce,
			seq: this.seq++,
			malformed
		});
		return pending;
	}

	/** Validates and executes one transaction at `env`; the caller includes it in the block. */
	private execute(tx: PendingTx, env: Env, validated: boolean): Receipt {
		const problem = validated ? undefined : invalidReason(tx, this.state);
		if (problem !== undefined) return invalidReceipt(this.id, tx, problem, this.headBlock.number);
		const mark = this.state.mark();
		const core = this.core;
		const previous = core.active;
		const meter = new GasMeter(tx.gasLimit);
		meter.charge(intrinsicGasOf(tx));
		this.state.set('n' + tx.from, tx.nonce + 1);
		const run = new Run(this.state, meter, env, false, () => core.sandbox());
		run.traceTokens = this.traceTokens;
		run.traceCalls = this.traceCalls;
		core.active = run;
		let out: Outcome;
		try {
			out = this.runTx(run, tx);
		} catch (error) {
			this.state.reset(mark);
			throw error;
		} finally {
			core.active = previous;
			const sandbox = core.existingSandbox();
			if (sandbox !== null && sandbox.fault !== null) sandbox.rebuild();
		}
		this.state.set('b' + tx.from, this.balanceOf(tx.from) - BigInt(meter.used) * tx.gasPrice);
		return makeReceipt(
			this.id,
			tx,
			out,
			meter.used,
			out.ok ? run.lazyLogs() : [],
			env.number,
			true,
			run.calls
		);
	}

	private runTx(run: Run, tx: PendingTx): Outcome {
		if (tx.kind === 'call') return run.call(tx.from, tx.to, tx.method, tx.argsText, tx.value);
		if (tx.kind === 'token' && tx.token !== undefined) {
			const { supply, ...record } = tx.token;
			return run.createToken(tx.to, record, tx.from, supply);
		}
		const d = tx.deploy;
		if (d === undefined) throw new Error('deploy transaction without code');
		const created = run.create(tx.from, tx.to, d.name, d.source, d.code, tx.argsText, tx.value);
		return 'record' in created ? { ok: true, value: 'u' } : created;
	}

	/**
	 * Calls a method without a transaction: no fee, no nonce, no block, state untouched (writes
	 * and events fail). Returns the decoded return value; throws an ExecutionError when the call
	 * fails. `from` (default the zero address) is msg.sender. Names are not created by views.
	 */
	view(to: string, method: string, args: unknown[] = [], options: { from?: string } = {}): unknown {
		const target = this.resolve(to, false);
		const from =
			options.from === undefined ? '0x' + '0'.repeat(40) : this.resolve(options.from, false);
		const argsText = encodeArgs(args, `the arguments of ${method}()`);
		const env: Env = {
			number: this.headBlock.number,
			timestamp: this.headBlock.timestamp,
			chainId: this.id,
			seed: this.core.seed ?? 0
		};
		const core = this.core;
		const run = new Run(this.state, new GasMeter(VIEW_GAS_LIMIT), env, true, () => core.sandbox());
		const mark = this.state.mark();
		const previous = core.active;
		core.active = run;
		let out: Outcome;
		try {
			out = run.call(from, target, method, argsText, 0n);
		} finally {
			this.state.reset(mark);
			core.active = previous;
			const sandbox = core.existingSandbox();
			if (sandbox !== null && sandbox.fault !== null) sandbox.rebuild();
		}
		if (!out.ok) throw new ExecutionError(out.failure);
		return decodeValue(out.value);
	}

	/**
	 * Deploys a contract from TypeScript source (default export: a class extending Contract) in
	 * its own block. Returns the new address (keccak of deployer and nonce, see accounts.ts).
	 * Throws a DeployError: kind 'syntax' (with line) when the source does not compile; otherwise
	 * the kind of the failed deploy transaction, with its receipt.
	 */
	deploy(source: string, options: DeployOptions): string {
		if (typeof source !== 'string')
			throw new TypeError("deploy(source, options): source must be the contract's TypeScript text");
		const name = options.name ?? 'Contract';
		if (!/^[A-Za-z_$][\w$]*$/.test(name))
			throw new TypeError(`deploy: name must be an identifier such as 'Vault', got "${name}"`);
		let code: Compiled;
		try {
			code = compileContract(source);
		} catch (error) {
			if (error instanceof CompileError)
				throw new DeployError({ kind: 'syntax', message: error.message, line: error.line });
			throw error;
		}
		const tx = this.prepare(
			{
				from: options.from,
				to: options.from,
				args: options.args ?? [],
				value: options.value,
				gasLimit: options.gasLimit
			},
			false,
			'deploy'
		);
		tx.deploy = { name, source, code };
		return this.deployTx(tx);
	}

	/**
	 * Deploys a built-in ERC-20 token (18 decimals, see token.ts) in its own block, minting
	 * `supply` to `from`. Returns its address; throws a DeployError like deploy().
	 */
	deployToken(options: TokenOptions): string {
		if (
			typeof options.name !== 'string' ||
			typeof options.symbol !== 'string' ||
			options.symbol === ''
		)
			throw new TypeError(
				'deployToken: give a name and a symbol, such as { name: "Wrapped Ether", symbol: "WETH", from }'
			);
		const supply = options.supply ?? 0n;
		if (typeof supply !== 'bigint' || supply < 0n)
			throw new RangeError(
				`deployToken: supply must be a non-negative bigint, got ${String(supply)}`
			);
		const tx = this.prepare({ from: options.from, to: options.from }, false, 'token');
		tx.token = {
			kind: 'token',
			name: options.name,
			symbol: options.symbol,
			decimals: 18,
			digest: `token:${options.name}:${options.symbol}`,
			supply
		};
		return this.deployTx(tx);
	}

	private deployTx(tx: PendingTx): string {
		tx.to = contractAddress(tx.from, tx.nonce);
		tx.hash = txHash(this.id, tx);
		const r = this.includeNow(tx);
		if (r.status !== 'success' && r.error !== undefined)
			throw new DeployError(r.error, r.included ? r : undefined);
		return tx.to;
	}

	/** Mints built-in `token` to `to` directly (scenario setup, like Foundry's deal): no transaction. */
	mint(token: string, to: string, amount: bigint): void {
		const address = this.resolve(token, false);
		const record = this.state.get('c' + address) as ContractRecord | undefined;
		if (record?.kind !== 'token')
			throw new TypeError(`mint: ${token} is not a built-in token (deployToken makes one)`);
		if (typeof amount !== 'bigint' || amount < 0n)
			throw new RangeError(`mint: amount must be a non-negative bigint, got ${String(amount)}`);
		mintDirect(this.state, address, this.resolve(to, true), amount);
	}
}
