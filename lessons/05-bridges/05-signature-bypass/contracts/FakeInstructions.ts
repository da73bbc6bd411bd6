import { Contract } from 'chainlab';

/**
 * The attacker's account, shaped like the instructions sysvar: it answers loadInstructionAt with
 * a secp256k1 instruction that "verified" whatever addresses and message it was built with. No
 * signature was ever checked. (On 2 February 2022 the attacker passed such an account to
 * verify_signatures; the account it copied from had run an unrelated instruction.)
 */
export default class FakeInstructions extends Contract {
	message: string;
	addresses: string[];

	constructor(message: string, addresses: string[]) {
		super();
		this.message = message;
		this.addresses = addresses;
	}

	loadInstructionAt(payer: string, index: number) {
		return {
			programId: 'KeccakSecp256k11111111111111111111111111111',
			message: this.message,
			addresses: this.addresses
		};
	}
}
