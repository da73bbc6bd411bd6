/**
 * Gas-charged access to one chain's state for one transaction (or view): EIP-2929 cold and warm
 * storage and account access, EIP-2200 style storage writes, events, native coin moves. Contracts
 * reach it through a Run (exec.ts); the built-in token (token.ts) uses it directly.
 */
import { decodeEvent } from './codec.ts';
import { GAS, logGas, words } from './gas.ts';
import type { GasMeter } from './meter.ts';
import type { ChainState } from './state.ts';
import type { ExecError, Log } from './types.ts';

/** Block context the contracts see. */
export type Env = { number: number; timestamp: number; chainId: number; seed?: number };

/** What a frame returns: an encoded value, or a failure. */
export type Outcome = { ok: true; value: string } | { ok: false; failure: ExecError };

/** A log as recorded during execution (args still encoded). */
type RawLog = { address: string; event: string; data: string };

/** A failure outcome. */
export function failed(kind: ExecError['kind'], message: string, address?: string): Outcome {
	return {
		ok: false,
		failure: address === undefined ? { kind, message } : { kind, message, address }
	};
}

/** Thrown by host operations when the meter runs out; the sandbox turns it into out-of-gas. */
export class OutOfGas extends Error {
	override name = 'OutOfGas';
}

/** One transaction's (or view's) gas-charged view of a chain's state. */
export class Access {
	readonly state: ChainState;
	readonly meter: GasMeter;
	readonly env: Env;
	/** true for chain.view(): no writes, events or value transfers */
	readonly readOnly: boolean;
	protected readonly logs: RawLog[] = [];
	private readonly warm = new Set<string>();
	private readonly written = new Set<string>();

	constructor(state: ChainState, meter: GasMeter, env: Env, readOnly: boolean) {
		this.state = state;
		this.meter = meter;
		this.env = env;
		this.readOnly = readOnly;
	}

	/** Charges gas; throws OutOfGas when the meter runs out. */
	charge(gas: number): void {
		if (!this.meter.charge(gas)) throw new OutOfGas('out of gas');
	}

	protected refuseWrite(what: string): void {
		if (this.readOnly) throw new TypeError(`a view call cannot change state (it tried to ${what})`);
	}

	/** Charges the EIP-2929 account access for `address`. */
	touch(address: string): void {
		const key = 'a' + address;
		if (this.warm.has(key)) this.charge(GAS.accountWarm);
		else {
			this.warm.add(key);
			this.charge(GAS.accountCold);
		}
	}

	// ---- storage, used by contracts (through the bridge) and by the built-in token ----

	read(address: string, slot: string): string | undefined {
		const key = 's' + address + slot;
		if (this.warm.has(key)) this.charge(GAS.storageReadWarm);
		else {
			this.warm.add(key);
			this.charge(GAS.storageReadCold);
		}
		return this.state.get(key) as string | undefined;
	}

	write(address: string, slot: string, value: string | undefined): string | undefined {
		this.refuseWrite('write storage');
		const key = 's' + address + slot;
		let gas = 0;
		if (!this.warm.has(key)) {
			this.warm.add(key);
			gas += GAS.storageReadCold;
		}
		const old = this.state.set(key, value) as string | undefined;
		if (this.written.has(key)) gas += GAS.storageDirty;
		else {
			this.written.add(key);
			gas += (old === undefined ? GAS.storageSet : GAS.storageReset) * words(value?.length ?? 0);
		}
		this.charge(gas);
		return old;
	}

	emit(address: string, event: string, data: string): void {
		this.refuseWrite(`emit ${event}`);
		this.charge(logGas(data.length));
		this.logs.push({ address, event, data });
	}

	/** Native balance of `address`, wei. */
	balanceOf(address: string): bigint {
		return (this.state.get('b' + address) as bigint | undefined) ?? 0n;
	}

	/** Moves native coin; returns false when `from` holds too little. */
	move(from: string, to: string, value: bigint): boolean {
		const have = this.balanceOf(from);
		if (have < value) return false;
		this.state.set('b' + from, have - value === 0n ? undefined : have - value);
		this.state.set('b' + to, this.balanceOf(to) + value);
		return true;
	}

	/** Logs so far, decoded. */
	decodedLogs(): Log[] {
		return decodeLogs(this.logs);
	}

	/**
	 * A function giving the logs so far, decoded, when first called: it holds only a copy of the
	 * raw logs (not this Access), so a receipt can decode its events lazily without keeping the run.
	 */
	lazyLogs(): () => Log[] {
		const raw = this.logs.slice();
		return () => decodeLogs(raw);
	}
}

/** Raw (encoded) logs as the receipt's Log objects. */
function decodeLogs(raw: readonly RawLog[]): Log[] {
	return raw.map((l) => ({
		address: l.address,
		event: l.event,
		args: decodeEvent(l.data)
	}));
}
