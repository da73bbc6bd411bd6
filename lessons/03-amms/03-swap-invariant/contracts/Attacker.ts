import { CallError, Contract, StorageValue, Token, msg, require } from 'chainlab';

// The reference attacker: it trades with the pair, flash-borrows from it, and from inside the
// flash-swap callback tries to call the pair again. It never changes; the scenario picks the moves.

type Plan = { pair: string; token: string; repay: bigint; reenter: string };

export default class Attacker extends Contract {
	plan = new StorageValue<Plan | null>('plan', null);
	/** what the last re-entrant call did: 'went through', or the reason it was refused */
	reentry = new StorageValue<string>('reentry', '');

	/**
	 * An ordinary swap without a router: pays `amountIn` of `tokenIn` to the pair, then asks for
	 * `amount0Out` / `amount1Out` in the same transaction.
	 */
	trade(pair: string, tokenIn: string, amountIn: bigint, amount0Out: bigint, amount1Out: bigint) {
		Token.at(tokenIn).transfer(pair, amountIn);
		Contract.at(pair).swap(amount0Out, amount1Out, this.address, '');
	}

	/**
	 * A flash swap: borrows `amount0Out` / `amount1Out` with nothing paid in; in uniswapV2Call it
	 * first calls the pair's `reenter` method ('' for none), then pays back `repay` of `token`.
	 */
	flash(
		pair: string,
		amount0Out: bigint,
		amount1Out: bigint,
		token: string,
		repay: bigint,
		reenter: string
	) {
		this.plan.set({ pair, token, repay, reenter });
		Contract.at(pair).swap(amount0Out, amount1Out, this.address, 'flash');
		this.plan.set(null);
	}

	/** What the last re-entrant call did: 'went through', or the reason it was refused. */
	lastReentry(): string {
		return this.reentry.get();
	}

	/** The pair calls this after it paid out and before it checks K. */
	uniswapV2Call(sender: string, amount0: bigint, amount1: bigint, data: string) {
		const plan = this.plan.get();
		const mine = plan !== null && msg.sender === plan.pair && sender === this.address;
		require(mine && plan !== null, 'not my flash swap');
		if (plan.reenter !== '') {
			const pair = Contract.at(plan.pair);
			try {
				if (plan.reenter === 'swap')
					pair.swap(amount0 > 0n ? 1n : 0n, amount1 > 0n ? 1n : 0n, this.address, '');
				else if (plan.reenter === 'mint') pair.mint(this.address);
				else if (plan.reenter === 'burn') pair.burn(this.address);
				else pair.sync();
				this.reentry.set('went through');
			} catch (error) {
				this.reentry.set(error instanceof CallError ? error.reason : String(error));
			}
		}
		if (plan.repay > 0n) Token.at(plan.token).transfer(plan.pair, plan.repay);
	}
}
