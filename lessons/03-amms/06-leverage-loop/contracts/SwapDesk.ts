// file: SwapDesk.ts
import { Contract, StorageValue, Token, msg, require, emit } from 'chainlab';

type Oracle = { getAssetPrice(asset: string): bigint };

/**
 * Sells WETH for DAI at the oracle's price, from its own stock: no fee and no price impact. It
 * stands in for a swap on a pair so the loop's numbers follow the closed form exactly. A Uniswap
 * v2 pair would keep 0.3% of every swap (getAmountOut's 997/1000) and move its price.
 */
export default class SwapDesk extends Contract {
	oracle = new StorageValue<string>('oracle', '');
	weth = new StorageValue<string>('weth', '');
	dai = new StorageValue<string>('dai', '');

	constructor(oracle: string, weth: string, dai: string) {
		super();
		this.oracle.set(oracle);
		this.weth.set(weth);
		this.dai.set(dai);
	}

	/** WETH (wei) that `daiIn` DAI (wei) buys: daiIn * daiPrice / ethPrice, rounded down. */
	quoteDaiForWeth(daiIn: bigint): bigint {
		const oracle = Contract.at<Oracle>(this.oracle.get());
		return (daiIn * oracle.getAssetPrice(this.dai.get())) / oracle.getAssetPrice(this.weth.get());
	}

	/** Take `daiIn` DAI from the caller (approve the desk first), send back the quoted WETH. */
	swapDaiForWeth(daiIn: bigint): bigint {
		require(daiIn > 0n, 'SwapDesk: nothing to swap');
		const wethOut = this.quoteDaiForWeth(daiIn);
		Token.at(this.dai.get()).transferFrom(msg.sender, this.address, daiIn);
		Token.at(this.weth.get()).transfer(msg.sender, wethOut);
		emit('Swap', { user: msg.sender, daiIn, wethOut });
		return wethOut;
	}
}
