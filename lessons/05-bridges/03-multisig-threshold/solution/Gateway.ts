import {
	Contract,
	StorageMap,
	StorageValue,
	Token,
	block,
	ecrecover,
	emit,
	keccak256,
	msg,
	require
} from 'chainlab';

/** One signature of a withdrawal: [v, r, s] as ecrecover takes them. */
type Signature = [number, bigint, bigint];
/** An allow-list entry: `delegate` may sign for `validator` until `until` (unix seconds). */
type Delegation = { validator: string; until: number };

/**
 * The Ethereum side of a validator bridge (Ronin's MainchainGateway, Harmony's Horizon wallet):
 * it holds the tokens locked for the other chain and pays a withdrawal when enough of its
 * validators have signed it. A validator may let another key sign on its behalf for a while
 * (an allow-list entry), as Axie DAO let Sky Mavis do in November 2021.
 */
export default class Gateway extends Contract {
	operator: string;
	/** the signatures a withdrawal needed when the gateway was deployed */
	threshold: number;
	validators = new StorageMap<string, boolean>('validators');
	validatorCount = new StorageValue<number>('validatorCount', 0);
	/** delegate key -> the validator it signs for, and until when */
	allowList = new StorageMap<string, Delegation>('allowList');
	withdrawn = new StorageMap<number, boolean>('withdrawn');

	constructor(
		validators: string[],
		threshold: number,
		allowList: [string, string, number][],
		operator: string
	) {
		super();
		this.operator = operator;
		this.threshold = threshold;
		for (const v of validators) this.validators.set(v, true);
		this.validatorCount.set(validators.length);
		for (const [validator, delegate, until] of allowList)
			this.allowList.set(delegate, { validator, until });
	}

	/** The operator adds a validator to the set. */
	addValidator(validator: string) {
		require(msg.sender === this.operator, 'only the operator');
		require(this.validators.get(validator) !== true, 'already a validator');
		this.validators.set(validator, true);
		this.validatorCount.set(this.validatorCount.get() + 1);
	}

	/** The operator removes a validator from the set. */
	removeValidator(validator: string) {
		require(msg.sender === this.operator, 'only the operator');
		require(this.validators.get(validator) === true, 'not a validator');
		this.validators.delete(validator);
		this.validatorCount.set(this.validatorCount.get() - 1);
	}

	/** What the validators sign for withdrawal `id`: keccak256 of its fields, this gateway first. */
	withdrawalDigest(id: number, token: string, to: string, amount: bigint): string {
		return keccak256([this.address, id, token, to, amount].join('|'));
	}

	/**
	 * How many distinct validators of the current set approve `digest`: each validator once,
	 * however many signatures name it; a delegate's signature counts for its validator only while
	 * the allow-list entry is live; anyone else counts for nothing.
	 */
	countSignatures(digest: string, signatures: Signature[]): number {
		const approved: string[] = [];
		for (const [v, r, s] of signatures) {
			const signer = ecrecover(digest, v, r, s);
			if (signer === null) continue;
			let validator: string | null = null;
			if (this.validators.get(signer) === true) validator = signer;
			else {
				const entry = this.allowList.get(signer);
				if (entry !== undefined && block.timestamp < entry.until) validator = entry.validator;
			}
			if (validator === null || this.validators.get(validator) !== true) continue;
			if (!approved.includes(validator)) approved.push(validator);
		}
		return approved.length;
	}

	/** More than two thirds of the current validator set: floor(2n / 3) + 1. */
	requiredSignatures(): number {
		return Math.floor((2 * this.validatorCount.get()) / 3) + 1;
	}

	/** Pays withdrawal `id` if enough validators signed it; each id is paid once. */
	withdraw(
		id: number,
		token: string,
		to: string,
		amount: bigint,
		signatures: Signature[]
	): boolean {
		require(this.withdrawn.get(id) !== true, 'withdrawal already paid');
		const digest = this.withdrawalDigest(id, token, to, amount);
		const count = this.countSignatures(digest, signatures);
		const required = this.requiredSignatures();
		require(count >= required, `${count} of ${required} signatures`);
		this.withdrawn.set(id, true);
		Token.at(token).transfer(to, amount);
		emit('Withdrawn', { id, to, amount, signatures: count, required, at: block.timestamp });
		return true;
	}
}
