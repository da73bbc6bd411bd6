// Delegated voting power over fixed token balances, as Comp.sol and Uniswap's Uni.sol count it: a
// balance votes only once its holder delegates it (to itself or to someone else), and
// delegate(to) moves the holder's whole balance of votes to `to`. Transfers are not followed here
// (nobody transfers in this lesson); Comp.sol moves votes on every transfer as well.
import { Contract, StorageMap, Token, emit, msg } from 'chainlab';

export default class Votes extends Contract {
	token: Token;
	delegates = new StorageMap<string, string>('delegates');
	votes = new StorageMap<string, bigint>('votes');

	constructor(token: string) {
		super();
		this.token = Token.at(token);
	}

	/** Give the caller's votes (its whole balance) to `to`. */
	delegate(to: string) {
		const from = this.delegates.get(msg.sender);
		const amount = this.token.balanceOf(msg.sender);
		this.delegates.set(msg.sender, to);
		if (from !== undefined) this.votes.set(from, (this.votes.get(from) ?? 0n) - amount);
		this.votes.set(to, (this.votes.get(to) ?? 0n) + amount);
		emit('DelegateChanged', { delegator: msg.sender, fromDelegate: from ?? null, toDelegate: to });
	}

	/** The votes delegated to `account` (Comp.sol getCurrentVotes). */
	getCurrentVotes(account: string): bigint {
		return this.votes.get(account) ?? 0n;
	}

	delegateOf(account: string): string | null {
		return this.delegates.get(account) ?? null;
	}
}
