/**
 * Execution of one transaction (or one view call): call frames with a checkpoint each, native
 * transfers, cross-contract calls, deploys, on top of the gas-charged state access of access.ts.
 * A Run is the HostBridge the sandbox calls back into while a contract of this transaction runs.
 *
 * Checkpoints are marks of the persistent state (state.ts): a failed frame resets the state to
 * its mark and drops its logs, so its writes, transfers and events vanish while the caller may
 * catch the CallError and go on. Running out of gas and sandbox faults are not catchable: they
 * fail the whole transaction.
 */
import { type Env, failed, OutOfGas, type Outcome, Access } from './access.ts';
import { GAS, hashGas, MAX_CALL_DEPTH } from './gas.ts';
import { cryptoGas, serveCrypto } from './crypto.ts';
import { keccak256, toBytes } from './hash.ts';
import { cutText, isIdentifier } from './text.ts';
import { GasMeter } from './meter.ts';
import type { Instance, Sandbox } from './sandbox/sandbox.ts';
import { hashInput } from './sandbox/host.ts';
import type { Compiled } from './sandbox/transform.ts';
import type { ChainState } from './state.ts';
import { balanceSlot, mintInRun, tokenCall } from './token.ts';
import type { CallFrame, CodeRecord, ContractRecord, ExecError, TokenRecord } from './types.ts';

export { type Env, failed, type Outcome } from './access.ts';

const SEP = '\u0001';

/**
 * Gas a reload may use beyond what the file's top level used at deploy (record.loadGas): room for
 * rebuilding the instance from its fields. Records saved before loadGas existed get this alone
 * plus 1,000,000.
 */
export const RELOAD_GAS_MARGIN = 1_000_000;

/** One transaction (or view) being executed: its call frames, and the bridge contracts call into. */
export class Run extends Access {
	private readonly sandbox: () => Sandbox;
	private readonly frames: string[] = [];
	/** set once this run touched the sandbox (runs without contracts never create it) */
	private sandboxMade = false;
	/** where the transaction died (gas or fault), innermost frame first */
	private deathSite: { line: number; address: string | undefined } | undefined;
	/** the call trace: every frame entered, in order (Receipt.calls) */
	readonly calls: CallFrame[] = [];
	/** index in `calls` of the frame running now, -1 outside any */
	private open = -1;
	/** false: record no call trace (Chain.traceCalls) */
	traceCalls = true;
	/** tokens whose balances each frame records at entry and exit (CallFrame.tokens) */
	traceTokens: readonly string[] = [];

	constructor(
		state: ChainState,
		meter: GasMeter,
		env: Env,
		readOnly: boolean,
		sandbox: () => Sandbox
	) {
		super(state, meter, env, readOnly);
		this.sandbox = sandbox;
	}

	/** True once the transaction cannot continue (gas gone, or the sandbox faulted). */
	get dead(): boolean {
		return this.meter.exhausted || (this.sandboxMade && this.sandbox().fault !== null);
	}

	private top(): string {
		const address = this.frames[this.frames.length - 1];
		if (address === undefined) throw new Error('no contract is running');
		return address;
	}

	// ---- frames ----

	/**
	 * Runs one call frame: moves `value`, then runs `method` (null: receive()) of `to`, or nothing
	 * for an account without code. On failure the frame's writes, transfers and logs are undone.
	 */
	call(from: string, to: string, method: string | null, args: string, value: bigint): Outcome {
		if (this.frames.length >= MAX_CALL_DEPTH)
			return failed(
				'call-depth',
				`call depth limit reached: more than ${MAX_CALL_DEPTH} nested calls`,
				this.frames[this.frames.length - 1]
			);
		const mark = this.state.mark();
		const logCount = this.logs.length;
		const frame = this.openFrame(from, to, method ?? 'receive', value);
		let out: Outcome;
		try {
			out = this.enter(from, to, method, args, value);
		} catch (error) {
			if (!(error instanceof OutOfGas)) throw error;
			out = this.deadOutcome();
		}
		// out of gas or a fault is not the frame's own failure: whatever it caught, the transaction is over
		if (this.dead) {
			if (!out.ok && out.failure.line !== undefined && this.deathSite === undefined)
				this.deathSite = { line: out.failure.line, address: out.failure.address };
			out = this.deadOutcome();
		}
		if (!out.ok) {
			this.state.reset(mark);
			this.logs.length = logCount;
			out.failure.message = cutText(out.failure.message);
		}
		this.closeFrame(frame, out);
		return out;
	}

	/** Starts a frame of the call trace; returns its index (-1 when not tracing). Reads state without gas. */
	private openFrame(caller: string, callee: string, method: string, value: bigint): number {
		if (!this.traceCalls) return -1;
		const index = this.calls.length;
		const frame: CallFrame = {
			depth: this.open < 0 ? 0 : this.calls[this.open].depth + 1,
			parent: this.open,
			caller,
			callee,
			method,
			value,
			balanceIn: this.balanceOf(callee),
			balanceOut: 0n,
			status: 'ok',
			gasUsed: this.meter.used
		};
		if (this.traceTokens.length > 0)
			frame.tokens = this.traceTokens.map((token) => {
				const b = this.tokenBalance(token, callee);
				return { token, balanceIn: b, balanceOut: b };
			});
		this.calls.push(frame);
		this.open = index;
		return index;
	}

	/** Ends frame `index` of the call trace with the outcome `out`. */
	private closeFrame(index: number, out: Outcome): void {
		if (index < 0) return;
		const frame = this.calls[index];
		frame.balanceOut = this.balanceOf(frame.callee);
		frame.gasUsed = this.meter.used - frame.gasUsed;
		if (!out.ok) {
			frame.status = 'reverted';
			frame.error = { ...out.failure };
		}
		if (frame.tokens !== undefined)
			for (const t of frame.tokens) t.balanceOut = this.tokenBalance(t.token, frame.callee);
		this.open = frame.parent;
	}

	/** `account`'s balance in the token at `token` (built-in, or a contract's 'balances' map), no gas. */
	private tokenBalance(token: string, account: string): bigint {
		const text = this.state.get('s' + token + balanceSlot(account)) as string | undefined;
		return text !== undefined && text.charCodeAt(0) === 110 ? BigInt(text.slice(1)) : 0n;
	}

	/** Remembers where a constructor or a file's top level died (gas or fault), as call() does for methods. */
	private noteDeathSite(failure: ExecError, address: string): void {
		if (failure.line !== undefined && this.deathSite === undefined)
			this.deathSite = { line: failure.line, address: failure.address ?? address };
	}

	private deadOutcome(): Outcome {
		const out = this.deadReason();
		if (!out.ok && this.deathSite !== undefined) Object.assign(out.failure, this.deathSite);
		return out;
	}

	private deadReason(): Outcome {
		const fault = this.sandboxMade ? this.sandbox().fault : null;
		if (fault === 'memory')
			return failed(
				'memory',
				'out of memory: the contracts tried to hold more than the sandbox allows'
			);
		if (fault === 'call-depth')
			return failed(
				'call-depth',
				'the calls nest too deeply for the sandbox (host stack exhausted)'
			);
		if (fault !== null) return failed('runtime', 'the sandbox failed and was restarted');
		return failed(
			'out-of-gas',
			`out of gas: the transaction used all of its ${this.meter.limit} gas`
		);
	}

	private enter(
		from: string,
		to: string,
		method: string | null,
		args: string,
		value: bigint
	): Outcome {
		if (method !== null && !isIdentifier(method))
			return failed('runtime', `"${method}" is not a method name`);
		if (value > 0n) {
			if (this.readOnly) return failed('runtime', 'a view call cannot send native coin');
			if (!this.move(from, to, value))
				return failed(
					'revert',
					`insufficient balance: ${from} holds ${this.balanceOf(from)} wei and tried to send ${value} wei`
				);
		}
		const record = this.state.get('c' + to) as ContractRecord | undefined;
		if (record === undefined) {
			if (method === null) return { ok: true, value: 'u' };
			return failed('runtime', `${to} is not a contract, so it has no method '${method}'`);
		}
		if (record.kind === 'token') return tokenCall(this, to, record, method, args, from, value);
		const inst = this.instance(record, to);
		if (!('context' in inst)) return inst;
		const packed = [
			method === null ? 'r' : 'c',
			method ?? '',
			from,
			value.toString(),
			this.env.number,
			this.env.timestamp,
			this.env.chainId,
			args
		].join(SEP);
		const sandbox = this.sandbox();
		sandbox.meter = this.meter;
		this.frames.push(to);
		const text = sandbox.dispatch(inst, packed);
		this.frames.pop();
		return parseOutcome(text);
	}

	/** The live sandbox instance of a stored contract, loading it (unmetered) if needed. */
	private instance(record: CodeRecord, address: string): Instance | Outcome {
		const sandbox = this.sandbox();
		this.sandboxMade = true;
		const cached = sandbox.cached(record);
		if (cached !== undefined) return cached;
		const meter = sandbox.meter;
		// reloading runs no learner logic but the module's top level, which the deploy paid for:
		// metered apart under a meter as large as the deploy's top level used, never charged
		sandbox.meter = new GasMeter((record.loadGas ?? 1_000_000) + RELOAD_GAS_MARGIN);
		try {
			const inst = sandbox.load(
				{
					js: record.js,
					file: record.file,
					privates: record.privates,
					loops: record.loops,
					signatures: record.signatures
				},
				address
			);
			if (!('context' in inst)) return { ok: false, failure: inst };
			const failure = sandbox.instantiate(inst, record.fields);
			if (failure !== undefined) return { ok: false, failure };
			sandbox.remember(record, inst);
			return inst;
		} finally {
			sandbox.meter = meter;
		}
	}

	/**
	 * Deploys compiled code at `address`: runs the module and the constructor in a frame, then
	 * stores the record. Returns the record, or the failure.
	 */
	create(
		from: string,
		address: string,
		name: string,
		source: string,
		code: Compiled,
		args: string,
		value: bigint
	): { record: CodeRecord } | Outcome {
		const frame = this.openFrame(from, address, 'constructor', value);
		const created = this.createIn(from, address, name, source, code, args, value);
		this.closeFrame(frame, 'record' in created ? { ok: true, value: 'u' } : created);
		return created;
	}

	private createIn(
		from: string,
		address: string,
		name: string,
		source: string,
		code: Compiled,
		args: string,
		value: bigint
	): { record: CodeRecord } | Outcome {
		const mark = this.state.mark();
		const logCount = this.logs.length;
		const undo = (out: Outcome) => {
			this.state.reset(mark);
			this.logs.length = logCount;
			if (!out.ok) out.failure.message = cutText(out.failure.message);
			return out;
		};
		try {
			if (value > 0n && !this.move(from, address, value))
				return undo(
					failed(
						'revert',
						`insufficient balance: ${from} holds ${this.balanceOf(from)} wei and tried to send ${value} wei`
					)
				);
			const sandbox = this.sandbox();
			this.sandboxMade = true;
			sandbox.meter = this.meter;
			const file = `${name}.ts`;
			const before = this.meter.used;
			const inst = sandbox.load(
				{
					js: code.js,
					file,
					privates: code.privates,
					loops: code.loops,
					signatures: code.signatures
				},
				address
			);
			if (!('context' in inst)) {
				if (!this.dead) return undo({ ok: false, failure: { ...inst, address } });
				this.noteDeathSite(inst, address);
				return undo(this.deadOutcome());
			}
			const loadGas = this.meter.used - before;
			const packed = [
				'k',
				'',
				from,
				value.toString(),
				this.env.number,
				this.env.timestamp,
				this.env.chainId,
				args
			].join(SEP);
			this.frames.push(address);
			const text = sandbox.dispatch(inst, packed);
			this.frames.pop();
			if (this.dead) {
				const out = parseOutcome(text);
				if (!out.ok) this.noteDeathSite(out.failure, address);
				return undo(this.deadOutcome());
			}
			if (text.charCodeAt(0) !== 70) return undo(parseOutcome(text));
			const fields = text.slice(1);
			const record: CodeRecord = {
				kind: 'code',
				name,
				file,
				source,
				js: code.js,
				privates: code.privates,
				signatures: code.signatures,
				loops: code.loops,
				methods: inst.methods,
				fields,
				digest: keccak256(`chainlab:code:${name}:${source}:${fields}`),
				loadGas
			};
			this.state.set('c' + address, record);
			sandbox.remember(record, inst);
			return { record };
		} catch (error) {
			if (!(error instanceof OutOfGas)) throw error;
			return undo(this.deadOutcome());
		}
	}

	/** Creates a built-in token at `address`, minting `supply` to `owner`. */
	createToken(address: string, record: TokenRecord, owner: string, supply: bigint): Outcome {
		const mark = this.state.mark();
		try {
			this.state.set('c' + address, record);
			if (supply > 0n) mintInRun(this, address, owner, supply);
			return { ok: true, value: 'u' };
		} catch (error) {
			if (!(error instanceof OutOfGas)) throw error;
			this.state.reset(mark);
			this.logs.length = 0;
			return this.deadOutcome();
		}
	}

	// ---- the HostBridge: what running contract code may do ----

	load(slot: string): string | undefined {
		return this.read(this.top(), slot);
	}

	store(slot: string, value: string): void {
		this.write(this.top(), slot, value);
	}

	erase(slot: string): boolean {
		const address = this.top();
		if (this.state.get('s' + address + slot) === undefined) {
			this.read(address, slot);
			return false;
		}
		this.write(address, slot, undefined);
		return true;
	}

	log(event: string, args: string): void {
		this.emit(this.top(), event, args);
	}

	callFromContract(to: string, method: string, args: string, value: string): string {
		const amount = BigInt(value);
		this.touch(to);
		if (amount > 0n) this.charge(GAS.valueTransfer);
		const out = this.call(this.top(), to, method, args, amount);
		return out.ok ? out.value : '!' + JSON.stringify(out.failure);
	}

	send(to: string, value: string): string | undefined {
		const amount = BigInt(value);
		this.refuseWrite('send native coin');
		this.touch(to);
		this.charge(GAS.valueTransfer);
		const out = this.call(this.top(), to, null, '', amount);
		return out.ok ? undefined : '!' + JSON.stringify(out.failure);
	}

	balance(address: string): string {
		this.touch(address);
		return this.balanceOf(address).toString();
	}

	/** keccak256 for contracts: `data` is `t<text or 0x-hex>` or `j<json string>` (text holding U+0000). */
	hash(data: string): string {
		const bytes = toBytes(hashInput(data));
		this.charge(hashGas(bytes.length));
		return keccak256(bytes);
	}

	/** sha256, modPow, modInverse, block randomness for contracts (crypto.ts): charged, then served. */
	crypto(op: string, payload: string): string {
		this.charge(cryptoGas(op, payload));
		const { seed = 0, chainId, number } = this.env;
		return serveCrypto(op, payload, { seed, chainId, number });
	}
}

/** Turns the sandbox's `R`/`E` text into an Outcome. */
export function parseOutcome(text: string): Outcome {
	if (text.charCodeAt(0) === 82) return { ok: true, value: text.slice(1) };
	if (text.charCodeAt(0) === 69)
		return { ok: false, failure: JSON.parse(text.slice(1)) as ExecError };
	return failed('runtime', 'unexpected answer from the sandbox');
}
