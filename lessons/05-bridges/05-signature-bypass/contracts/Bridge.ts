import { Contract, StorageMap, StorageValue, emit, keccak256, msg, require } from 'chainlab';

const SECP256K1_PROGRAM = 'KeccakSecp256k11111111111111111111111111111';

/** What loadInstructionAt returns. */
type Instruction = { programId: string; message: string; addresses: string[] };

/**
 * Wormhole's core bridge and token bridge on Solana, reduced: guardians sign a VAA (a message
 * from another chain); `verifySignatures` reads the secp256k1 instruction that checked their
 * signatures and marks the guardians in the VAA's signature set; `postVaa` accepts the VAA when
 * a quorum of the guardian set signed; `completeWrapped` mints the wrapped tokens it carries.
 * Modelled on wormhole-foundation/wormhole solana/bridge/program/src/api/verify_signature.rs
 * and post_vaa.rs at 118bc13 (the version exploited on 2 February 2022).
 */
export default class Bridge extends Contract {
	guardians: string[];
	/** the instructions sysvar's well-known address */
	instructionsSysvar: string;
	/** VAA body hash -> guardian indices whose signatures were verified */
	signatureSets = new StorageMap<string, number[]>('signatureSets');
	posted = new StorageMap<string, boolean>('posted');
	completed = new StorageMap<string, boolean>('completed');
	/** wrapped ETH on Solana (wETH), by owner, in wei */
	wrapped = new StorageMap<string, bigint>('wrapped');
	wrappedSupply = new StorageValue<bigint>('wrappedSupply', 0n);

	constructor(guardians: string[], instructionsSysvar: string) {
		super();
		this.guardians = guardians;
		this.instructionsSysvar = instructionsSysvar;
	}

	/** Wormhole's quorum: more than two thirds of the guardian set, (n * 2) / 3 + 1 (13 of 19). */
	quorum(): number {
		return Math.floor((this.guardians.length * 2) / 3) + 1;
	}

	/**
	 * verify_signatures: reads the secp256k1 instruction through `instructionAcc` and, for each
	 * [guardianIndex, signatureIndex] in `signers`, checks that the instruction verified that
	 * guardian's address, then marks the guardian in the signature set of `hash`.
	 * TODO: `instructionAcc` comes from the caller. Which account is it supposed to be?
	 */
	verifySignatures(instructionAcc: string, hash: string, signers: [number, number][]) {
		const ix: Instruction = Contract.at(instructionAcc).loadInstructionAt(msg.sender, 0);
		require(ix.programId === SECP256K1_PROGRAM, 'InvalidSecpInstruction');
		require(ix.message === hash, 'InvalidHash');
		const set = this.signatureSets.get(hash) ?? [];
		for (const [guardian, sig] of signers) {
			require(guardian >= 0 && guardian < this.guardians.length, 'InvalidArgument');
			require(ix.addresses[sig] === this.guardians[guardian], 'InvalidArgument');
			if (!set.includes(guardian)) set.push(guardian);
		}
		this.signatureSets.set(hash, set);
	}

	/** How many guardians' signatures are verified for `hash`. */
	signaturesFor(hash: string): number {
		return (this.signatureSets.get(hash) ?? []).length;
	}

	/** post_vaa: the VAA is accepted when a quorum of guardians signed its body's hash. */
	postVaa(body: string) {
		const hash = keccak256(body);
		const signed = this.signaturesFor(hash);
		require(signed >=
			this.quorum(), `PostVAAConsensusFailed: ${signed} of ${this.quorum()} guardians`);
		this.posted.set(hash, true);
		emit('PostedVAA', { hash, guardians: signed });
	}

	/** complete_wrapped: mints the transfer a posted VAA carries (body `...|<to>|<amount>`), once. */
	completeWrapped(body: string) {
		const hash = keccak256(body);
		require(this.posted.get(hash) === true, 'VAA not posted');
		require(this.completed.get(hash) !== true, 'transfer already completed');
		const parts = body.split('|');
		const to = parts[parts.length - 2];
		const amount = BigInt(parts[parts.length - 1]);
		this.completed.set(hash, true);
		this.wrapped.set(to, (this.wrapped.get(to) ?? 0n) + amount);
		this.wrappedSupply.set(this.wrappedSupply.get() + amount);
		emit('Minted', { to, amount });
	}
}
