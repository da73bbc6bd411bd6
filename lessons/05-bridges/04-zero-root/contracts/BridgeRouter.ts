import { Contract, Token, emit, msg, require } from 'chainlab';

/**
 * The destination side of Nomad's token bridge, reduced to one token: it holds the tokens locked
 * for earlier transfers and releases them when the Replica hands it a message.
 * Message body: `<recipient>|<amount>` (amount in the token's smallest unit).
 * Modelled on nomad-xyz/monorepo packages/contracts-bridge BridgeRouter.handle (2b80ba83).
 */
export default class BridgeRouter extends Contract {
	replica: string;
	remoteDomain: number;
	token: string;

	constructor(replica: string, remoteDomain: number, token: string) {
		super();
		this.replica = replica;
		this.remoteDomain = remoteDomain;
		this.token = token;
	}

	/** Called by the Replica for a message it accepted: releases `amount` to `recipient`. */
	handle(origin: number, nonce: number, sender: string, body: string): boolean {
		require(msg.sender === this.replica, '!replica');
		require(origin === this.remoteDomain, '!origin');
		const [recipient, amount] = body.split('|');
		Token.at(this.token).transfer(recipient, BigInt(amount));
		emit('Released', { origin, nonce, sender, recipient, amount: BigInt(amount) });
		return true;
	}
}
