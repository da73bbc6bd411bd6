// A flash lender: lends any amount it holds for the length of one call, and checks it is paid
// back before that call returns (the pattern of Aave v2's LendingPool.flashLoan). It stands in for
// the Aave, Uniswap and SushiSwap pools Beanstalk's exploiter borrowed from on 17 April 2022.
import { Contract, Token, emit, require, type StorageData } from 'chainlab';

/** Aave v2 charged 0.09% (FLASHLOAN_PREMIUM_TOTAL = 9 bps); this lender charges nothing, to keep the amounts round. */
const FEE_BPS = 0n;

export default class FlashLender extends Contract {
	/**
	 * Sends `amount` of `token` to `receiver`, calls `receiver.onFlashLoan(token, amount, fee, data)`
	 * and reverts unless the lender holds `amount + fee` more than it lent by the time it returns.
	 */
	flashLoan(token: string, amount: bigint, receiver: string, data: StorageData) {
		const t = Token.at(token);
		const before = t.balanceOf(this.address);
		require(amount > 0n && amount <= before, 'FlashLender: not enough liquidity');
		const fee = (amount * FEE_BPS) / 10_000n;
		t.transfer(receiver, amount);
		Contract.at(receiver).onFlashLoan(token, amount, fee, data);
		require(t.balanceOf(this.address) >= before + fee, 'FlashLender: not repaid');
		emit('FlashLoan', { receiver, token, amount, fee });
	}
}
