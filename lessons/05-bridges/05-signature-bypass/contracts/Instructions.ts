import { Contract, StorageMap, ecrecover, emit, keccak256, msg, require } from 'chainlab';

/** The secp256k1 program's id, as instructions name the program they ran. */
const SECP256K1_PROGRAM = 'KeccakSecp256k11111111111111111111111111111';

/** One instruction as the sysvar reflects it. */
type Instruction = { programId: string; message: string; addresses: string[] };

/**
 * Solana's instructions sysvar and secp256k1 program, as one contract at a well-known address
 * (Solana: `Sysvar1nstructions1111111111111111111111111`). `secp256k1Verify` is the secp256k1
 * program's instruction: it checks every signature with ecrecover and fails the whole call if one
 * does not match, then records the instruction for its payer; `loadInstructionAt` is how a later
 * instruction reads it. On Solana the runtime fills the sysvar with the current transaction's
 * instructions; here the payer's last secp256k1 instruction stands for "the previous instruction".
 */
export default class Instructions extends Contract {
	recorded = new StorageMap<string, Instruction>('recorded');

	/**
	 * The secp256k1 program: each entry [ethAddress, v, r, s] must be a signature by that address
	 * of keccak256(message) (message: 0x hex, the VAA body's hash).
	 */
	secp256k1Verify(message: string, entries: [string, number, bigint, bigint][]) {
		const digest = keccak256(message);
		for (const [address, v, r, s] of entries)
			require(ecrecover(digest, v, r, s) === address, 'secp256k1: signature does not match');
		this.recorded.set(msg.sender, {
			programId: SECP256K1_PROGRAM,
			message,
			addresses: entries.map((e) => e[0])
		});
		emit('Secp256k1Verified', { payer: msg.sender, message, signatures: entries.length });
	}

	/** The instruction `payer` ran before the current one (index 0 is the only one kept). */
	loadInstructionAt(payer: string, index: number): Instruction {
		const ix = this.recorded.get(payer);
		require(index === 0 && ix !== undefined, 'no instruction at that index');
		return ix;
	}
}
