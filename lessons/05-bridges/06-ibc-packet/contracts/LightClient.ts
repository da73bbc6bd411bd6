import {
	Contract,
	StorageMap,
	StorageValue,
	block,
	emit,
	ed25519Verify,
	require,
	sha256
} from 'chainlab';

/** A validator of the counterparty chain: its Ed25519 public key and its voting power. */
type Validator = { publicKey: string; power: number };
/** The header fields a light client reads (times in seconds, heights in revision 1). */
type Header = {
	chainId: string;
	height: number;
	time: number;
	validatorsHash: string;
	nextValidatorsHash: string;
	appHash: string;
};
type CommitSig = { validatorAddress: string; signature: string };
type SignedHeader = { header: Header; commit: { blockHash: string; signatures: CommitSig[] } };
/** MsgUpdateClient: a signed header, its validator set, and the trusted height it builds on. */
type HeaderUpdate = {
	signedHeader: SignedHeader;
	validatorSet: Validator[];
	trustedHeight: number;
	trustedValidators: Validator[];
};
type ConsensusState = { time: number; appHash: string; nextValidatorsHash: string };

/** The hex of a number as 8 bytes big-endian. */
const be8 = (n: number) => n.toString(16).padStart(16, '0');

/** CometBFT's Ed25519 address: the first 20 bytes of SHA-256(public key). */
function validatorAddress(publicKey: string): string {
	return sha256(publicKey.toLowerCase()).slice(0, 42);
}

/** SHA-256 of each validator's 32-byte key and 8-byte power, in order. */
function validatorSetHash(validators: Validator[]): string {
	require(validators.length > 0, 'a validator set needs at least one validator');
	let bytes = '0x';
	for (const v of validators) {
		require(v.publicKey.length === 66, 'a validator key must be 0x and 64 hex digits');
		require(Number.isSafeInteger(v.power) &&
			v.power > 0, 'a voting power must be a whole number > 0');
		bytes += v.publicKey.slice(2).toLowerCase() + be8(v.power);
	}
	return sha256(bytes);
}

/** The block hash: SHA-256 of the JSON array of the header's fields. */
function headerHash(h: Header): string {
	const hashes = [h.validatorsHash, h.nextValidatorsHash, h.appHash].map((x) => x.toLowerCase());
	return sha256(JSON.stringify([h.chainId, h.height, h.time, ...hashes]));
}

/** What a validator signs to vote for a block: ["precommit", chainId, height, blockHash]. */
function voteSignBytes(chainId: string, height: number, blockHash: string): string {
	return JSON.stringify(['precommit', chainId, height, blockHash.toLowerCase()]);
}

const totalPower = (validators: Validator[]) => validators.reduce((sum, v) => sum + v.power, 0);

/** CometBFT's rule: the power that signed must be more than floor(total * num / den). */
const enough = (power: number, total: number, num: number, den: number) =>
	power > Math.floor((total * num) / den);

/**
 * A Tendermint light client of the counterparty chain, as ibc-go's 07-tendermint client runs it
 * (read-only in this lesson). It keeps the consensus state (time, app hash, next validators) of
 * every header it accepted, and accepts a new header only when:
 * - adjacent (trusted height + 1): the header's validators are the next validators the trusted
 *   header named, and more than 2/3 of their voting power signed;
 * - skipping (any later height): more than the trust level (1/3) of the *trusted* set's power
 *   signed it, and more than 2/3 of its own set's;
 * and every counted signature is a real Ed25519 signature over the vote. Two accepted headers
 * that conflict (a different state at one height, or times out of order) freeze the client: it
 * then proves nothing. The app hash commits to the counterparty's IBC store; `verifyMembership`
 * and `verifyNonMembership` check a key of that store against it.
 * After ibc-go ee35255c modules/light-clients/07-tendermint (update.go, misbehaviour_handle.go)
 * and CometBFT light/verifier.go; the reference model is src/lib/protocols/light-client.ts.
 */
export default class LightClient extends Contract {
	chainId: string;
	trustingPeriod: number;
	maxClockDrift: number;
	states = new StorageMap<string, ConsensusState>('states');
	heights = new StorageValue<number[]>('heights', []);
	latest = new StorageValue<number>('latest', 0);
	frozen = new StorageValue<boolean>('frozen', false);

	constructor(chainId: string, trusted: Header, trustingPeriod: number, maxClockDrift: number) {
		super();
		require(trusted.chainId === chainId, `the trusted header is not from ${chainId}`);
		this.chainId = chainId;
		this.trustingPeriod = trustingPeriod;
		this.maxClockDrift = maxClockDrift;
		this.store(trusted);
	}

	/** 'frozen' after conflicting headers, 'expired' past the trusting period, else 'active'. */
	status(): string {
		if (this.frozen.get()) return 'frozen';
		const latest = this.states.get(String(this.latest.get()))!;
		return latest.time + this.trustingPeriod > block.timestamp ? 'active' : 'expired';
	}

	latestHeight(): number {
		return this.latest.get();
	}

	/** The consensus state at `height`, or null when the client has none. */
	consensusState(height: number): ConsensusState | null {
		return this.states.get(String(height)) ?? null;
	}

	/**
	 * MsgUpdateClient: verify `update` and store its consensus state, ignore the same state sent
	 * again, or freeze when it conflicts with a state the client already holds.
	 */
	updateClient(update: HeaderUpdate) {
		this.requireActive();
		const h = update.signedHeader.header;
		this.verifyHeader(update);
		const state: ConsensusState = {
			time: h.time,
			appHash: h.appHash.toLowerCase(),
			nextValidatorsHash: h.nextValidatorsHash.toLowerCase()
		};
		const existing = this.states.get(String(h.height));
		if (existing !== undefined) {
			const same =
				existing.time === state.time &&
				existing.appHash === state.appHash &&
				existing.nextValidatorsHash === state.nextValidatorsHash;
			if (!same) this.freeze(h.height, 'two different headers at one height');
			return;
		}
		const heights = this.heights.get();
		const below = heights.filter((x) => x < h.height);
		const above = heights.filter((x) => x > h.height);
		const prev = below.length ? this.states.get(String(Math.max(...below))) : undefined;
		const next = above.length ? this.states.get(String(Math.min(...above))) : undefined;
		if ((prev && prev.time >= h.time) || (next && next.time <= h.time)) {
			this.freeze(h.height, 'header times out of order with its neighbours');
			return;
		}
		this.store(h);
		emit('UpdateClient', { chainId: this.chainId, height: h.height, appHash: state.appHash });
	}

	/**
	 * Checks that `path` holds `value` in the counterparty's IBC store at `height`. The proof is
	 * that store, as [path, value] pairs: it must hash (SHA-256 of its JSON) to the app hash of the
	 * header the client accepted at `height`. Reverts with the reason when anything fails.
	 */
	verifyMembership(
		height: number,
		proof: [string, string][],
		path: string,
		value: string
	): boolean {
		const entry = this.provenStore(height, proof).find((e) => e[0] === path);
		require(entry !== undefined, `${path} is not in ${this.chainId}'s store at height ${height}`);
		require(entry![1] ===
			value, `${path} holds ${entry![1]} at height ${height} on ${this.chainId}, not ${value}`);
		return true;
	}

	/** Checks that `path` is absent from the counterparty's IBC store at `height` (see above). */
	verifyNonMembership(height: number, proof: [string, string][], path: string): boolean {
		const entry = this.provenStore(height, proof).find((e) => e[0] === path);
		require(entry === undefined, `${path} exists in ${this.chainId}'s store at height ${height}`);
		return true;
	}

	private provenStore(height: number, proof: [string, string][]): [string, string][] {
		this.requireActive();
		const state = this.states.get(String(height));
		require(state !==
			undefined, `the light client of ${this.chainId} has no header at height ${height}: update it first`);
		require(sha256(JSON.stringify(proof)) ===
			state!
				.appHash, `the proof is not ${this.chainId}'s store at height ${height}: it does not hash to that header's app hash`);
		return proof;
	}

	private requireActive() {
		const status = this.status();
		require(status !==
			'frozen', `the light client of ${this.chainId} is frozen: it proves nothing`);
		require(status !== 'expired', `the light client of ${this.chainId} expired`);
	}

	private store(h: Header) {
		this.states.set(String(h.height), {
			time: h.time,
			appHash: h.appHash.toLowerCase(),
			nextValidatorsHash: h.nextValidatorsHash.toLowerCase()
		});
		this.heights.set([...this.heights.get(), h.height]);
		if (h.height > this.latest.get()) this.latest.set(h.height);
	}

	private freeze(height: number, reason: string) {
		this.frozen.set(true);
		emit('ClientFrozen', { chainId: this.chainId, height, reason });
	}

	private verifyHeader(update: HeaderUpdate) {
		const { header: h, commit } = update.signedHeader;
		const trusted = this.states.get(String(update.trustedHeight));
		require(trusted !== undefined, `no consensus state at trusted height ${update.trustedHeight}`);
		require(validatorSetHash(update.trustedValidators) ===
			trusted!
				.nextValidatorsHash, 'the trusted validators are not the next validators stored at the trusted height');
		require(h.chainId === this.chainId, `the header is from ${h.chainId}, not ${this.chainId}`);
		require(Number.isSafeInteger(h.height) &&
			h.height > update.trustedHeight, 'the header must be above the trusted height');
		require(commit.blockHash.toLowerCase() === headerHash(h), 'the commit is for another block');
		require(validatorSetHash(update.validatorSet) ===
			h.validatorsHash.toLowerCase(), "the validator set does not hash to the header's validatorsHash");
		require(trusted!.time + this.trustingPeriod > block.timestamp, 'the trusted state expired');
		require(h.time > trusted!.time, 'the header time must be after the trusted header time');
		require(h.time < block.timestamp + this.maxClockDrift, 'the header time is in the future');
		const vote = voteSignBytes(this.chainId, h.height, commit.blockHash);
		if (h.height === update.trustedHeight + 1) {
			require(h.validatorsHash.toLowerCase() ===
				trusted!
					.nextValidatorsHash, 'an adjacent header must be signed by the next validators the trusted header named');
		} else {
			const power = this.tally(update.trustedValidators, commit.signatures, vote, true);
			const total = totalPower(update.trustedValidators);
			require(enough(
				power,
				total,
				1,
				3
			), `only ${power} of the trusted set's ${total} voting power signed: more than 1/3 is needed to skip`);
		}
		const power = this.tally(update.validatorSet, commit.signatures, vote, false);
		const total = totalPower(update.validatorSet);
		require(enough(
			power,
			total,
			2,
			3
		), `only ${power} of ${total} voting power signed: more than 2/3 is needed`);
	}

	/** Power of `validators` whose signatures over `vote` verify; strangers skipped or refused. */
	private tally(
		validators: Validator[],
		sigs: CommitSig[],
		vote: string,
		skipUnknown: boolean
	): number {
		const seen: string[] = [];
		let power = 0;
		for (const sig of sigs) {
			const address = sig.validatorAddress.toLowerCase();
			const v = validators.find((x) => validatorAddress(x.publicKey) === address);
			if (v === undefined) {
				require(skipUnknown, `${address} is not in the header's validator set`);
				continue;
			}
			require(!seen.includes(address), `validator ${address} signed twice (double vote)`);
			seen.push(address);
			require(ed25519Verify(
				v.publicKey,
				vote,
				sig.signature
			), `the signature of ${address} does not verify`);
			power += v.power;
		}
		return power;
	}
}
