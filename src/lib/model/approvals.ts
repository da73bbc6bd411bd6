/**
 * Signatures against a threshold, one record per withdrawal a validator bridge was asked to pay:
 * what the signers view draws (viz/SignersView.svelte). Plain data, no bigint.
 */

/**
 * Why a signature counts or not under the rules the lesson teaches: `validator` (a member of the
 * current set), `delegate` (a key on a live allow-list entry, counting for its validator),
 * `stale-delegate` (an allow-list entry past its end), `repeat` (a validator already counted),
 * `outsider` (no member and no delegate: a removed validator, a stranger, a bad signature),
 * `forged` (claimed by an account the caller made, with no signature behind it).
 */
export type SignatureKind =
	'validator' | 'delegate' | 'stale-delegate' | 'repeat' | 'outsider' | 'forged';

/** One signature on a withdrawal. */
export type ApprovalSignature = {
	/** who signed, as the lesson names the key (`Sky Mavis 1`) */
	signer: string;
	kind: SignatureKind;
	/** true when it counts under the lesson's rules (validator, live delegate) */
	counts: boolean;
};

/** One withdrawal and the signatures sent with it. */
export type ApprovalRecord = {
	/** timeline step of the withdrawal transaction */
	step: number;
	/** the bridge asked (`Ronin`, `Harmony`) */
	bridge: string;
	/** what was asked (`#1: 173,600 WETH to the attacker`) */
	withdrawal: string;
	/** true for a withdrawal the attacker sent */
	attack: boolean;
	signatures: ApprovalSignature[];
	/** the contract's own count (its countSignatures), null when it failed */
	counted: number | null;
	/** the contract's requiredSignatures() at the time, null when it failed */
	required: number | null;
	/** size of the validator set at the time */
	setSize: number;
	/** whether the withdrawal was paid */
	paid: boolean;
	/** the revert reason when it was not */
	reason?: string;
};
