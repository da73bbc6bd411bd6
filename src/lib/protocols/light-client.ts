/**
 * A Tendermint light client, as an IBC chain runs one for its counterparty: it stores the
 * consensus states (time, app hash, next validators) of headers it has verified, accepts a new
 * header only when enough of a validator set it trusts signed it, and freezes when shown two
 * conflicting headers. Pure functions: each returns a new client state.
 *
 * Sources (file, function; cosmos/ibc-go ee35255c, cometbft/cometbft 5bba72c1):
 * - the update path, ibc-go `modules/core/02-client/keeper/keeper.go` `UpdateClient`: the client
 *   must be Active, then `VerifyClientMessage`, then `CheckForMisbehaviour` (freeze) or
 *   `UpdateState`;
 * - header checks, ibc-go `modules/light-clients/07-tendermint/update.go` `verifyHeader` (trusted
 *   consensus state at `trustedHeight`, `checkTrustedHeader`: the trusted validators hash to its
 *   `NextValidatorsHash`) and `header.go` `ValidateBasic`; then CometBFT `light/verifier.go`
 *   `Verify`: `VerifyAdjacent` (height = trusted + 1: `ValidatorsHash` must equal the trusted
 *   `NextValidatorsHash`, and more than 2/3 of the new set's power signed) or
 *   `VerifyNonAdjacent` (skipping: more than `trustLevel` of the *trusted* set's power signed,
 *   and more than 2/3 of the new set's), both after `HeaderExpired` and
 *   `verifyNewHeaderAndVals` (newer height and time, not beyond now + maxClockDrift);
 * - thresholds, CometBFT `types/validation.go`: needed = floor(total * numerator / denominator)
 *   and the tally must be strictly greater (`got <= needed` fails). So exactly 2/3 fails and,
 *   for skipping, exactly 1/3 fails too: the spec asks for "more than 1/3"
 *   (`spec/light-client/verification/verification_002_draft.md` [CMBC-VAL-CONTAINS-CORR.1]);
 * - trust level default 1/3, allowed [1/3, 1] (`light/verifier.go` `DefaultTrustLevel`,
 *   `ValidateTrustLevel`; ibc-go `07-tendermint/fraction.go`); trusting period > 0 and below the
 *   unbonding period (`07-tendermint/client_state.go` `Validate`); expired when
 *   latest time + trusting period <= now (`IsExpired`);
 * - misbehaviour, ibc-go `07-tendermint/misbehaviour_handle.go` `CheckForMisbehaviour` (a
 *   header whose consensus state differs from the one stored at its height, or breaks time order
 *   with its neighbours; a Misbehaviour of two headers at one height with different block
 *   hashes, or where the higher header is not later) and `verifyMisbehaviour` (each header valid
 *   against its own trusted state); `update.go` `UpdateStateOnMisbehaviour` freezes.
 * Commit tally (CometBFT `verifyCommitSingle`): a signature from a validator outside the trusted
 * set is skipped when counting trust and is an error for the header's own set; the same
 * validator twice is an error ("double vote"); a bad signature is an error. Unlike CometBFT,
 * which stops checking once enough power is counted, every signature is checked, so a forged
 * one is always reported. Not modelled: revisions (one revision, plain heights), pruning of
 * expired consensus states, upgrades, absent/nil votes (a commit lists only signers).
 * Header, validator-set and vote encodings: see `light-header.ts`. Times are whole seconds.
 */
import {
	headerHash,
	validatorAddress,
	validatorSetHash,
	verifyEd25519,
	voteSignBytes,
	type Header,
	type SignedHeader,
	type Validator
} from './light-header.ts';

/** A fraction of voting power, e.g. the trust level 1/3. */
export interface Fraction {
	numerator: number;
	denominator: number;
}

/** Tendermint's default trust level: 1/3 (so at least one honest validator signed). */
export const DEFAULT_TRUST_LEVEL: Fraction = { numerator: 1, denominator: 3 };

/** What the client keeps per verified height (ibc-go 07-tendermint `ConsensusState`). */
export interface ConsensusState {
	time: number;
	appHash: string;
	nextValidatorsHash: string;
}

/** The light client's state (ibc-go 07-tendermint `ClientState` plus its consensus states). */
export interface LightClient {
	readonly chainId: string;
	readonly trustLevel: Fraction;
	/** Seconds a consensus state stays usable for verification. */
	readonly trustingPeriod: number;
	/** The chain's unbonding period, seconds: the trusting period must be shorter. */
	readonly unbondingPeriod: number;
	/** Seconds a header's time may be ahead of the client's clock. */
	readonly maxClockDrift: number;
	readonly latestHeight: number;
	/** Set on misbehaviour; a frozen client accepts nothing (ibc-go `FrozenHeight` non-zero). */
	readonly frozen: boolean;
	readonly consensusStates: Readonly<Record<number, ConsensusState>>;
}

/**
 * A header submitted to update the client (ibc-go 07-tendermint `Header`): the signed header, the
 * validator set that signed it, and the trusted height and validator set it is verified from.
 */
export interface HeaderUpdate {
	signedHeader: SignedHeader;
	validatorSet: Validator[];
	trustedHeight: number;
	trustedValidators: Validator[];
}

/** Why the client refused a message. */
export type LightClientErrorCode =
	| 'frozen'
	| 'expired'
	| 'invalid-header'
	| 'unknown-trusted-height'
	| 'trusted-validators-mismatch'
	| 'validators-mismatch'
	| 'unknown-validator'
	| 'double-vote'
	| 'bad-signature'
	| 'not-enough-trust'
	| 'not-enough-power'
	| 'invalid-misbehaviour';

/** A refused update or misbehaviour: the client state is unchanged (the transaction fails). */
export class LightClientError extends Error {
	constructor(
		readonly code: LightClientErrorCode,
		message: string
	) {
		super(message);
		this.name = 'LightClientError';
	}
}

const fail = (code: LightClientErrorCode, message: string): never => {
	throw new LightClientError(code, message);
};

function checkSeconds(value: number, what: string): void {
	if (!Number.isSafeInteger(value) || value <= 0) {
		throw new RangeError(`${what} must be a whole number of seconds > 0, got ${value}`);
	}
}

/**
 * A client trusting `trustedHeader`, taken out of band (the social-consensus start of any light
 * client). Throws a RangeError for a trust level outside [1/3, 1], a trusting period that is not
 * below the unbonding period, or non-positive durations.
 */
export function createLightClient(params: {
	chainId: string;
	trustedHeader: Header;
	trustingPeriod: number;
	unbondingPeriod: number;
	maxClockDrift: number;
	trustLevel?: Fraction;
}): LightClient {
	const { chainId, trustedHeader, trustingPeriod, unbondingPeriod, maxClockDrift } = params;
	const trustLevel = params.trustLevel ?? DEFAULT_TRUST_LEVEL;
	const { numerator: n, denominator: d } = trustLevel;
	if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0 || n * 3 < d || n > d) {
		throw new RangeError(`trust level must be within [1/3, 1], got ${n}/${d}`);
	}
	checkSeconds(trustingPeriod, 'the trusting period');
	checkSeconds(unbondingPeriod, 'the unbonding period');
	checkSeconds(maxClockDrift, 'the max clock drift');
	if (trustingPeriod >= unbondingPeriod) {
		throw new RangeError(
			`the trusting period (${trustingPeriod} s) must be shorter than the unbonding period (${unbondingPeriod} s)`
		);
	}
	if (trustedHeader.chainId !== chainId) {
		throw new RangeError(`the trusted header is not from ${chainId}`);
	}
	return {
		chainId,
		trustLevel,
		trustingPeriod,
		unbondingPeriod,
		maxClockDrift,
		latestHeight: trustedHeader.height,
		frozen: false,
		consensusStates: { [trustedHeader.height]: consensusStateOf(trustedHeader) }
	};
}

function consensusStateOf(header: Header): ConsensusState {
	return {
		time: header.time,
		appHash: header.appHash.toLowerCase(),
		nextValidatorsHash: header.nextValidatorsHash.toLowerCase()
	};
}

const sameState = (a: ConsensusState, b: ConsensusState): boolean =>
	a.time === b.time && a.appHash === b.appHash && a.nextValidatorsHash === b.nextValidatorsHash;

/**
 * ibc-go `status`: 'frozen' after misbehaviour, else 'expired' once the latest consensus state's
 * time + trusting period <= `now` (seconds), else 'active'.
 */
export function clientStatus(client: LightClient, now: number): 'active' | 'expired' | 'frozen' {
	if (client.frozen) return 'frozen';
	const latest = client.consensusStates[client.latestHeight];
	return latest.time + client.trustingPeriod > now ? 'active' : 'expired';
}

function requireActive(client: LightClient, now: number): void {
	const status = clientStatus(client, now);
	if (status === 'frozen') {
		fail('frozen', 'the client is frozen after misbehaviour: it accepts no more headers');
	}
	if (status === 'expired') {
		fail('expired', 'the client expired: no header was verified within the trusting period');
	}
}

/** Total voting power of a set. */
function totalPower(validators: readonly Validator[]): bigint {
	return validators.reduce((sum, v) => sum + BigInt(v.power), 0n);
}

/**
 * Sums the power of `validators` that signed `signed`'s commit, checking each counted signature.
 * `skipUnknown`: signatures from outside the set are skipped (trusting a past set) instead of
 * rejected (the header's own set).
 */
function tally(
	chainId: string,
	validators: readonly Validator[],
	signed: SignedHeader,
	skipUnknown: boolean
): bigint {
	const byAddress = new Map(validators.map((v) => [validatorAddress(v.publicKey), v]));
	const message = voteSignBytes(chainId, signed.header.height, signed.commit.blockHash);
	const seen = new Set<string>();
	let power = 0n;
	for (const [i, sig] of signed.commit.signatures.entries()) {
		const address = String(sig.validatorAddress).toLowerCase();
		const validator = byAddress.get(address);
		if (!validator) {
			if (skipUnknown) continue;
			fail(
				'unknown-validator',
				`signature ${i} is from ${address}, who is not in the header's validator set`
			);
		} else {
			if (seen.has(address)) fail('double-vote', `validator ${address} signed twice (double vote)`);
			seen.add(address);
			if (!verifyEd25519(validator.publicKey, message, sig.signature)) {
				fail(
					'bad-signature',
					`signature ${i} (validator ${address}) does not verify: forged or for another block`
				);
			}
			power += BigInt(validator.power);
		}
	}
	return power;
}

/** CometBFT's threshold: tally > floor(total * numerator / denominator). */
function enough(power: bigint, total: bigint, fraction: Fraction): boolean {
	return power > (total * BigInt(fraction.numerator)) / BigInt(fraction.denominator);
}

const TWO_THIRDS: Fraction = { numerator: 2, denominator: 3 };

/** 07-tendermint `Header.ValidateBasic`: chain, height, block hash, validator set, trusted height. */
function checkHeaderBasics(client: LightClient, update: HeaderUpdate): void {
	const { header, commit } = update.signedHeader;
	if (header.chainId !== client.chainId) {
		fail('invalid-header', `the header is from chain '${header.chainId}', not '${client.chainId}'`);
	}
	if (!Number.isSafeInteger(header.height) || header.height <= 0) {
		fail('invalid-header', `header height must be a whole number > 0, got ${header.height}`);
	}
	if (commit.blockHash.toLowerCase() !== headerHash(header)) {
		fail(
			'invalid-header',
			'the commit is for another block: its block hash is not the header hash'
		);
	}
	if (validatorSetHash(update.validatorSet) !== header.validatorsHash.toLowerCase()) {
		fail(
			'validators-mismatch',
			"the validator set given does not hash to the header's validatorsHash"
		);
	}
	if (update.trustedHeight >= header.height) {
		fail(
			'invalid-header',
			`the trusted height ${update.trustedHeight} must be below the header height ${header.height}`
		);
	}
}

/** CometBFT `VerifyCommitLight`: more than 2/3 of the header's own validator set signed. */
function checkOwnPower(client: LightClient, update: HeaderUpdate): void {
	const power = tally(client.chainId, update.validatorSet, update.signedHeader, false);
	const total = totalPower(update.validatorSet);
	if (!enough(power, total, TWO_THIRDS)) {
		fail(
			'not-enough-power',
			`only ${power} of ${total} voting power signed: more than 2/3 is needed`
		);
	}
}

/** The trusted consensus state of an update, after `checkTrustedHeader`. */
function trustedState(client: LightClient, update: HeaderUpdate): ConsensusState {
	const trusted = client.consensusStates[update.trustedHeight];
	if (!trusted) {
		fail(
			'unknown-trusted-height',
			`the client has no consensus state at height ${update.trustedHeight}`
		);
	}
	if (validatorSetHash(update.trustedValidators) !== trusted.nextValidatorsHash) {
		fail(
			'trusted-validators-mismatch',
			`the trusted validators are not the next validators stored at height ${update.trustedHeight}`
		);
	}
	return trusted;
}

function checkTrust(client: LightClient, update: HeaderUpdate): void {
	const power = tally(client.chainId, update.trustedValidators, update.signedHeader, true);
	const total = totalPower(update.trustedValidators);
	if (!enough(power, total, client.trustLevel)) {
		const { numerator, denominator } = client.trustLevel;
		fail(
			'not-enough-trust',
			`only ${power} of the trusted set's ${total} voting power signed: more than ${numerator}/${denominator} is needed to skip`
		);
	}
}

/** `verifyHeader` + CometBFT `light.Verify`, in their order. Throws LightClientError. */
function verifyHeader(client: LightClient, update: HeaderUpdate, now: number): void {
	const trusted = trustedState(client, update);
	checkHeaderBasics(client, update);
	const { header } = update.signedHeader;
	if (trusted.time + client.trustingPeriod <= now) {
		fail(
			'expired',
			`the trusted state at height ${update.trustedHeight} is older than the trusting period`
		);
	}
	if (header.time <= trusted.time) {
		fail('invalid-header', 'the header time must be after the trusted header time');
	}
	if (header.time >= now + client.maxClockDrift) {
		fail(
			'invalid-header',
			`the header time ${header.time} is in the future (now ${now}, drift ${client.maxClockDrift} s)`
		);
	}
	if (header.height === update.trustedHeight + 1) {
		if (header.validatorsHash.toLowerCase() !== trusted.nextValidatorsHash) {
			fail(
				'validators-mismatch',
				'an adjacent header must be signed by the next validators the trusted header named'
			);
		}
	} else checkTrust(client, update);
	checkOwnPower(client, update);
}

/** Consensus states just below and just above `height`. */
function neighbours(client: LightClient, height: number): [ConsensusState?, ConsensusState?] {
	const heights = Object.keys(client.consensusStates).map(Number);
	const below = Math.max(...heights.filter((h) => h < height));
	const above = Math.min(...heights.filter((h) => h > height));
	return [client.consensusStates[below], client.consensusStates[above]];
}

/** The result of a message the client accepted. */
export interface LightClientResult {
	client: LightClient;
	outcome: 'updated' | 'duplicate' | 'frozen' | 'no-misbehaviour';
}

const freeze = (client: LightClient): LightClientResult => ({
	client: { ...client, frozen: true },
	outcome: 'frozen'
});

/**
 * `MsgUpdateClient` with a header, at client time `now` (seconds): verifies it (see the module
 * comment), then stores its consensus state ('updated'), ignores a resubmission of the same state
 * ('duplicate'), or freezes the client when the header conflicts with a stored state at its
 * height or breaks time order with its neighbours ('frozen'). Throws LightClientError when the
 * header is refused (the client is unchanged).
 */
export function updateClient(
	client: LightClient,
	update: HeaderUpdate,
	now: number
): LightClientResult {
	requireActive(client, now);
	verifyHeader(client, update, now);
	const { header } = update.signedHeader;
	const state = consensusStateOf(header);
	const existing = client.consensusStates[header.height];
	if (existing) {
		return sameState(existing, state) ? { client, outcome: 'duplicate' } : freeze(client);
	}
	const [previous, next] = neighbours(client, header.height);
	if ((previous && previous.time >= state.time) || (next && next.time <= state.time)) {
		return freeze(client);
	}
	return {
		client: {
			...client,
			latestHeight: Math.max(client.latestHeight, header.height),
			consensusStates: { ...client.consensusStates, [header.height]: state }
		},
		outcome: 'updated'
	};
}

/**
 * `MsgSubmitMisbehaviour` (ibc-go `Misbehaviour`): two headers, `header1` at a height >=
 * `header2`'s, each valid on its own (its set's > 2/3 signed; more than the trust level of its
 * trusted set signed; its trusted state within the trusting period). Freezes the client when they
 * are at the same height with different block hashes, or `header1` is higher but not later;
 * otherwise nothing happens ('no-misbehaviour'). Throws LightClientError when either header is
 * invalid or the client is not active.
 */
export function submitMisbehaviour(
	client: LightClient,
	evidence: { header1: HeaderUpdate; header2: HeaderUpdate },
	now: number
): LightClientResult {
	requireActive(client, now);
	const { header1, header2 } = evidence;
	const [h1, h2] = [header1.signedHeader.header, header2.signedHeader.header];
	if (h1.height < h2.height) {
		fail('invalid-misbehaviour', 'header1 must be at least as high as header2');
	}
	for (const update of [header1, header2]) {
		checkHeaderBasics(client, update);
		checkOwnPower(client, update);
		const trusted = trustedState(client, update);
		if (now - trusted.time >= client.trustingPeriod) {
			fail(
				'expired',
				`the trusted state at height ${update.trustedHeight} is older than the trusting period`
			);
		}
		checkTrust(client, update);
	}
	const conflict =
		h1.height === h2.height
			? header1.signedHeader.commit.blockHash.toLowerCase() !==
				header2.signedHeader.commit.blockHash.toLowerCase()
			: h1.time <= h2.time;
	return conflict ? freeze(client) : { client, outcome: 'no-misbehaviour' };
}
