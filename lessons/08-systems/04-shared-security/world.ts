// The lesson's world: the learner's provider with four validators and two consumer chains, the
// reference ProviderChain fed the same messages at the same block times, and the restaking
// operator of ELIP-002's example on the learner's unique-stake contract and on the pooled one.
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import {
	AllocationManager,
	ProviderChain,
	WAD,
	type ValidatorState
} from '#lib/protocols/shared-security.ts';
import { RevertError } from '#lib/protocols/revert.ts';
import type { EvidenceRecord, ValidatorReading } from '#lib/scenario/security-trace.ts';
import { formatTokenAmount, formatUnits } from '#lib/model/units.ts';

export const PROVIDER = 'contracts/Provider.ts';
export const RESTAKING = 'contracts/Restaking.ts';
export const POOLED = 'contracts/PooledRestaking.ts';

/** 1 ATOM = 1,000,000 uatom. */
export const UATOM = 10n ** 6n;
export const ETH = 10n ** 18n;
export const DAY = 86_400;

/** Synthetic validators and stakes (ATOM), labelled as such in the lesson. */
export const VALIDATORS = [
	{ key: 'alice', name: 'Alice', stake: 1_200_000n * UATOM },
	{ key: 'bob', name: 'Bob', stake: 900_000n * UATOM },
	{ key: 'carol', name: 'Carol', stake: 400_000n * UATOM },
	{ key: 'dave', name: 'Dave', stake: 1_000_000n * UATOM }
] as const;
export const BONDED = VALIDATORS.reduce((a, v) => a + v.stake, 0n);
export const CONSUMERS = [
	{ key: 'consumer-a', name: 'Consumer A' },
	{ key: 'consumer-b', name: 'Consumer B' }
] as const;
export type ValidatorKey = (typeof VALIDATORS)[number]['key'];
export type ConsumerKey = (typeof CONSUMERS)[number]['key'];

export const nameOf = (key: string) =>
	VALIDATORS.find((v) => v.key === key)?.name ?? CONSUMERS.find((c) => c.key === key)?.name ?? key;
export const atom = (x: bigint) => `${formatTokenAmount(formatUnits(x, 6), 2)} ATOM`;
export const eth = (x: bigint) => `${formatTokenAmount(formatUnits(x, 18), 2)} ETH`;
export const reasonOf = (r: Receipt) => r.error?.message ?? r.status;

/** Warp the chain to unix time `t` (if later) and mine a block there. */
export function at(s: ScenarioContext, t: number) {
	if (t > s.time()) {
		s.chain.warp(t - s.time());
		s.mine(1);
	}
}

export type Ics = { provider: string; ref: ProviderChain };

/** Deploy the learner's provider, register both consumers and bond the four validators. */
export function openProvider(s: ScenarioContext): Ics {
	const provider = s.deploy(PROVIDER, { from: 'admin', name: 'Provider' });
	const ref = new ProviderChain();
	for (const c of CONSUMERS) {
		const r = s.send({
			from: 'admin',
			to: provider,
			method: 'addConsumer',
			args: [s.address(c.key)]
		});
		if (r.status !== 'success') throw new Error(`addConsumer failed: ${reasonOf(r)}`);
		ref.addConsumer(s.address(c.key));
	}
	for (const v of VALIDATORS) {
		const r = s.send({
			from: 'admin',
			to: provider,
			method: 'bond',
			args: [s.address(v.key), v.stake]
		});
		if (r.status !== 'success') throw new Error(`bond failed: ${reasonOf(r)}`);
		ref.bond(s.address(v.key), v.stake);
	}
	return { provider, ref };
}

/** The learner's contract's view of a validator. */
export function stateOf(s: ScenarioContext, w: Ics, key: string): ValidatorReading {
	const v = s.view(w.provider, 'validator', [s.address(key)]) as Record<string, unknown>;
	return {
		stake: BigInt((v?.stake as bigint) ?? 0n),
		slashed: BigInt((v?.slashed as bigint) ?? 0n),
		jailed: v?.jailed === true,
		tombstoned: v?.tombstoned === true
	};
}

export function refOf(w: Ics, s: ScenarioContext, key: string): ValidatorReading {
	const v = w.ref.validators.get(s.address(key)) as ValidatorState;
	return { stake: v.stake, slashed: v.slashed, jailed: v.jailed, tombstoned: v.tombstoned };
}

/** Run `f` on the model; false (and the reason) when it reverts. */
function model(f: () => unknown): { accepted: boolean; reason?: string } {
	try {
		f();
		return { accepted: true };
	} catch (e) {
		if (e instanceof RevertError) return { accepted: false, reason: e.reason };
		throw e;
	}
}

/** The total slashed of the learner's provider (uatom). */
export const totalSlashed = (s: ScenarioContext, w: Ics) =>
	BigInt(s.view(w.provider, 'slashedTotal', []) as bigint);

/** `consumer` reports `validator`'s downtime; both the contract and the model handle it. */
export function downtime(
	s: ScenarioContext,
	w: Ics,
	consumer: ConsumerKey,
	validator: ValidatorKey
): EvidenceRecord & { receipt: Receipt } {
	const before = stateOf(s, w, validator).stake;
	const refBefore = refOf(w, s, validator).stake;
	const receipt = s.send({
		from: consumer,
		to: w.provider,
		method: 'handleDowntime',
		args: [s.address(validator)]
	});
	const m = model(() => w.ref.handleDowntime(s.address(consumer), s.address(validator), s.time()));
	return {
		receipt,
		chain: nameOf(consumer),
		validator: nameOf(validator),
		kind: 'downtime',
		accepted: receipt.status === 'success',
		slashed: before - stateOf(s, w, validator).stake,
		reference: { accepted: m.accepted, slashed: refBefore - refOf(w, s, validator).stake },
		reason: receipt.status === 'success' ? undefined : reasonOf(receipt)
	};
}

/** A relayer submits evidence that `validator` double-signed on `consumer` at `infractionTime`. */
export function doubleSign(
	s: ScenarioContext,
	w: Ics,
	consumer: ConsumerKey,
	validator: ValidatorKey,
	infractionTime: number
): EvidenceRecord & { receipt: Receipt; referenceReason?: string } {
	const before = stateOf(s, w, validator).stake;
	const refBefore = refOf(w, s, validator).stake;
	const receipt = s.send({
		from: 'relayer',
		to: w.provider,
		method: 'handleDoubleSign',
		args: [s.address(consumer), s.address(validator), infractionTime]
	});
	const m = model(() =>
		w.ref.handleDoubleSign(s.address(consumer), s.address(validator), infractionTime, s.time())
	);
	return {
		receipt,
		chain: nameOf(consumer),
		validator: nameOf(validator),
		kind: 'double-sign',
		accepted: receipt.status === 'success',
		slashed: before - stateOf(s, w, validator).stake,
		reference: { accepted: m.accepted, slashed: refBefore - refOf(w, s, validator).stake },
		reason: receipt.status === 'success' ? undefined : reasonOf(receipt),
		referenceReason: m.reason
	};
}

/** `validator` asks to be unjailed. */
export function unjail(
	s: ScenarioContext,
	w: Ics,
	validator: ValidatorKey
): EvidenceRecord & { receipt: Receipt } {
	const receipt = s.send({ from: validator, to: w.provider, method: 'unjail', args: [] });
	const m = model(() => w.ref.unjail(s.address(validator), s.time()));
	return {
		receipt,
		chain: '',
		validator: nameOf(validator),
		kind: 'unjail',
		accepted: receipt.status === 'success',
		slashed: 0n,
		reference: { accepted: m.accepted, slashed: 0n },
		reason: receipt.status === 'success' ? undefined : reasonOf(receipt)
	};
}

// ---- restaking: ELIP-002's operator, 200 ETH, allocations in its example

/** The AVSs and the share of the operator's total magnitude each gets (ELIP-002 lines 518-526). */
export const AVSS = [
	{ key: 'avs-1', name: 'AVS 1', magnitude: (WAD * 2_000n) / 10_000n },
	{ key: 'avs-2', name: 'AVS 2', magnitude: (WAD * 2_500n) / 10_000n },
	{ key: 'avs-3', name: 'AVS 3', magnitude: (WAD * 2_000n) / 10_000n }
] as const;
export const OPERATOR_STAKE = 200n * ETH;
/** AVS 1 slashes half of what was allocated to it (ELIP-002's 5e17). */
export const WAD_TO_SLASH = WAD / 2n;

export type Restake = { contract: string; ref: AllocationManager };

/** Deploy a restaking contract (the learner's or the pooled one), delegate and allocate. */
export function openRestaking(s: ScenarioContext, file: string, name: string): Restake {
	const contract = s.deploy(file, { from: 'admin', name });
	const ref = new AllocationManager();
	const op = s.address('operator');
	const d = s.send({ from: 'admin', to: contract, method: 'delegate', args: [op, OPERATOR_STAKE] });
	if (d.status !== 'success') throw new Error(`delegate failed: ${reasonOf(d)}`);
	ref.delegate(op, OPERATOR_STAKE);
	for (const a of AVSS) {
		const r = s.send({
			from: 'operator',
			to: contract,
			method: 'allocate',
			args: [s.address(a.key), a.magnitude]
		});
		if (r.status !== 'success') throw new Error(`allocate failed: ${reasonOf(r)}`);
		ref.allocate(op, s.address(a.key), a.magnitude);
	}
	return { contract, ref };
}

/** The stake each AVS can slash, per the contract. */
export function backing(s: ScenarioContext, r: Restake): bigint[] {
	return AVSS.map((a) =>
		BigInt(
			s.view(r.contract, 'allocatedStake', [s.address('operator'), s.address(a.key)]) as bigint
		)
	);
}

/** The operator's stake and the contract's burned total (wei). */
export const operatorStake = (s: ScenarioContext, r: Restake) =>
	BigInt(s.view(r.contract, 'stakeOf', [s.address('operator')]) as bigint);
export const burnedOf = (s: ScenarioContext, r: Restake) =>
	BigInt(s.view(r.contract, 'totalBurned', []) as bigint);
