// file: Provider.ts
import { Contract, StorageMap, StorageValue, block, emit, msg, require } from 'chainlab';

// The provider chain of Cosmos Interchain Security (cryptographic equivocation line, ADR-005).
// Stakes are in uatom (1 ATOM = 1,000,000 uatom); times are unix seconds.
const BPS = 10_000n;
/** Cosmos SDK x/slashing DefaultSlashFractionDoubleSign = 1/20 (types/params.go 19). */
const SLASH_FRACTION_DOUBLE_SIGN_BPS = 500n;
/** x/slashing DefaultDowntimeJailDuration = 10 minutes (types/params.go 14). */
const DOWNTIME_JAIL_SECONDS = 600;
/** The Cosmos Hub's unbonding period: 21 days. */
const UNBONDING_PERIOD_SECONDS = 21 * 86_400;
/** x/evidence DoubleSignJailEndTime: jailed for good. */
const FOREVER = Number.MAX_SAFE_INTEGER;

export default class Provider extends Contract {
	admin = new StorageValue<string>('admin', '');
	/** consumer chains, by the address their CCV channel reports from */
	consumers = new StorageMap<string, boolean>('consumers');
	stake = new StorageMap<string, bigint>('stake');
	slashed = new StorageMap<string, bigint>('slashed');
	jailed = new StorageMap<string, boolean>('jailed');
	jailedUntil = new StorageMap<string, number>('jailedUntil');
	tombstoned = new StorageMap<string, boolean>('tombstoned');
	/** everything slashes have taken (burned), uatom */
	totalSlashed = new StorageValue<bigint>('totalSlashed', 0n);

	constructor() {
		super();
		this.admin.set(msg.sender);
	}

	addConsumer(consumer: string) {
		require(msg.sender === this.admin.get(), 'only admin');
		this.consumers.set(consumer, true);
	}

	bond(validator: string, amount: bigint) {
		require(msg.sender === this.admin.get(), 'only admin');
		this.stake.set(validator, (this.stake.get(validator) ?? 0n) + amount);
	}

	/** A validator's state: stake and slashed in uatom, jailedUntil in unix seconds. */
	validator(v: string) {
		return {
			stake: this.stake.get(v) ?? 0n,
			slashed: this.slashed.get(v) ?? 0n,
			jailed: this.jailed.get(v) ?? false,
			jailedUntil: this.jailedUntil.get(v) ?? 0,
			tombstoned: this.tombstoned.get(v) ?? false
		};
	}

	/** Everything slashes have taken so far (uatom). */
	slashedTotal(): bigint {
		return this.totalSlashed.get();
	}

	/** A consumer chain reports that `validator` missed too many of its blocks. */
	handleDowntime(validator: string) {
		require(this.consumers.get(msg.sender) === true, 'unknown consumer');
		require(this.stake.has(validator), 'unknown validator');
		// TODO downtime on a consumer chain only jails (for DOWNTIME_JAIL_SECONDS): ICS never slashes
		// for it. This starter treats it like the provider's own downtime, with a 1% slash.
		const stake = this.stake.get(validator) ?? 0n;
		const amount = stake / 100n;
		this.stake.set(validator, stake - amount);
		this.slashed.set(validator, (this.slashed.get(validator) ?? 0n) + amount);
		this.totalSlashed.set(this.totalSlashed.get() + amount);
		this.jailed.set(validator, true);
		this.jailedUntil.set(validator, block.timestamp + DOWNTIME_JAIL_SECONDS);
		emit('Jailed', { validator, until: block.timestamp + DOWNTIME_JAIL_SECONDS });
	}

	/** Evidence that `validator` double-signed on `consumer` at `infractionTime`. */
	handleDoubleSign(consumer: string, validator: string, infractionTime: number) {
		require(this.consumers.get(consumer) === true, 'unknown consumer');
		require(this.stake.has(validator), 'unknown validator');
		// TODO 1. refuse evidence older than UNBONDING_PERIOD_SECONDS ('evidence too old');
		// 2. slash once: refuse a tombstoned validator ('validator is tombstoned');
		// 3. after the slash, jail for good (FOREVER) and tombstone.
		const stake = this.stake.get(validator) ?? 0n;
		const amount = (stake * SLASH_FRACTION_DOUBLE_SIGN_BPS) / BPS;
		this.stake.set(validator, stake - amount);
		this.slashed.set(validator, (this.slashed.get(validator) ?? 0n) + amount);
		this.totalSlashed.set(this.totalSlashed.get() + amount);
		this.jailed.set(validator, true);
		emit('Slashed', { validator, consumer, amount, infractionTime });
	}

	/** The caller, a jailed validator, asks to be let back into the active set. */
	unjail() {
		const v = msg.sender;
		require(this.jailed.get(v) === true, 'validator not jailed');
		// TODO a tombstoned validator can never come back ('validator is tombstoned')
		require(block.timestamp >= (this.jailedUntil.get(v) ?? 0), 'validator still jailed');
		this.jailed.set(v, false);
		emit('Unjailed', { validator: v });
	}
}
