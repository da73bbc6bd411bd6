/**
 * Uniswap v2 with the protocol's exact integer math: the periphery library (amounts, quote, paths)
 * and the core pair (mint, burn, swap with the K check, sync, the protocol fee, the TWAP
 * accumulators). The oracle helpers live in `uniswap-v2-oracle.ts` and are re-exported here.
 *
 * Sources (line numbers at these commits):
 * - Uniswap/v2-core ee547b17853e71ed4e0101ccfd52e70d5acded58:
 *   `contracts/UniswapV2Pair.sol` 15 (MINIMUM_LIQUIDITY), 31-36 (lock), 73-87 (_update),
 *   89-107 (_mintFee), 110-131 (mint), 134-156 (burn), 159-187 (swap), 190-200 (skim, sync);
 *   `contracts/libraries/Math.sol` 6-22 (min, Babylonian sqrt); `contracts/libraries/UQ112x112.sol`
 *   8-20; `contracts/libraries/SafeMath.sol` (the `ds-math-*` reasons);
 *   `contracts/UniswapV2ERC20.sol` 40-60 (_mint, _burn, _transfer).
 * - Uniswap/v2-periphery 0335e8f7e1bd1e8d8329fd300aea2ef2f36dd19f: `contracts/libraries/UniswapV2Library.sol` 36-81.
 *
 * Units: token amounts and LP amounts are the tokens' smallest units (wei for 18 decimals);
 * timestamps are seconds (stored as uint32, wrapping at 2^32 as the pair does); prices are
 * UQ112x112 (a price p is stored as floor(p * 2^112)); cumulative prices are UQ112x112 * seconds,
 * wrapping at 2^256.
 *
 * The pair here has no token contracts: it keeps its own token balances (`balance0`, `balance1`).
 * Every method takes what v2 expects to have been sent to the pair first as an argument (as a
 * router does in the same transaction), so a method that throws leaves the pair exactly as it was,
 * those amounts included, as a reverted transaction does. `donate` is a plain transfer to the pair.
 */
import { PANIC_DIVISION_BY_ZERO, RevertError, requireUint } from './revert.ts';

export { RevertError } from './revert.ts';
export {
	ExampleOracleSimple,
	PERIOD,
	consult,
	currentCumulativePrices,
	type CumulativePrices
} from './uniswap-v2-oracle.ts';

/** 10**3 LP tokens minted to the zero address on the first mint, forever locked (Pair.sol 15). */
export const MINIMUM_LIQUIDITY = 1_000n;
/** 2^112, the UQ112x112 resolution (UQ112x112.sol 9). */
export const Q112 = 2n ** 112n;
/** The largest reserve a pair can hold, uint112(-1) (Pair.sol 74). */
export const UINT112_MAX = 2n ** 112n - 1n;
/** 2^256: cumulative prices wrap modulo this, as Solidity 0.5 `+=` overflows (Pair.sol 78-80). */
export const UINT256_MODULUS = 2n ** 256n;
/** 2^32: the pair stores `uint32(block.timestamp % 2**32)` (Pair.sol 75). */
export const UINT32_MODULUS = 2 ** 32;
/** address(0), the holder of MINIMUM_LIQUIDITY. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

const FEE_DENOMINATOR = 1_000n;
const FEE_NUMERATOR = 997n; // 0.3% fee: 1000 - 3

function revert(reason: string, explanation: string): never {
	throw new RevertError(reason, explanation);
}

function sub(x: bigint, y: bigint): bigint {
	if (y > x) revert('ds-math-sub-underflow', `${x} - ${y} would go below zero`);
	return x - y;
}

/**
 * Babylonian square root rounded down, exactly Math.sol 11-22 (v2-core).
 * @param y any uint (bigint >= 0)
 * @returns floor(sqrt(y))
 */
export function sqrt(y: bigint): bigint {
	requireUint(y, 'y');
	if (y > 3n) {
		let z = y;
		let x = y / 2n + 1n;
		while (x < z) {
			z = x;
			x = (y / x + x) / 2n;
		}
		return z;
	}
	return y === 0n ? 0n : 1n;
}

/**
 * The UQ112x112 prices of a pair, as the v2-core test utility `encodePrice` and the pair's
 * accumulator step compute them: `[reserve1 * 2^112 / reserve0, reserve0 * 2^112 / reserve1]`
 * (UQ112x112.sol 12-19: `encode(y) = y * 2^112`, `uqdiv` integer division).
 * @throws RevertError `Panic(0x12)` if a reserve is 0.
 */
export function encodePrice(reserve0: bigint, reserve1: bigint): [bigint, bigint] {
	if (reserve0 === 0n || reserve1 === 0n) {
		revert(PANIC_DIVISION_BY_ZERO, 'a price needs both reserves above zero');
	}
	return [(reserve1 * Q112) / reserve0, (reserve0 * Q112) / reserve1];
}

// ---------------------------------------------------------------- periphery: UniswapV2Library.sol

/**
 * Given `amountA` of one asset and the pair's reserves, the equivalent amount of the other at the
 * current price, no fee: `amountA * reserveB / reserveA`, rounded down (UniswapV2Library.sol 36-40).
 * @throws RevertError 'UniswapV2Library: INSUFFICIENT_AMOUNT' (amountA = 0),
 *   'UniswapV2Library: INSUFFICIENT_LIQUIDITY' (a reserve is 0).
 */
export function quote(amountA: bigint, reserveA: bigint, reserveB: bigint): bigint {
	requireUint(amountA, 'amountA');
	requireUint(reserveA, 'reserveA');
	requireUint(reserveB, 'reserveB');
	if (amountA === 0n) revert('UniswapV2Library: INSUFFICIENT_AMOUNT', 'the amount is zero');
	if (reserveA === 0n || reserveB === 0n) {
		revert('UniswapV2Library: INSUFFICIENT_LIQUIDITY', 'a reserve is zero');
	}
	return (amountA * reserveB) / reserveA;
}

/**
 * The most a trader gets out for `amountIn`, after the 0.3% fee, rounded down (against the trader):
 * `amountIn*997*reserveOut / (reserveIn*1000 + amountIn*997)` (UniswapV2Library.sol 42-50).
 * Amounts in smallest units.
 * @throws RevertError 'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT' (amountIn = 0),
 *   'UniswapV2Library: INSUFFICIENT_LIQUIDITY' (a reserve is 0).
 */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
	requireUint(amountIn, 'amountIn');
	requireUint(reserveIn, 'reserveIn');
	requireUint(reserveOut, 'reserveOut');
	if (amountIn === 0n) revert('UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT', 'nothing goes in');
	if (reserveIn === 0n || reserveOut === 0n) {
		revert('UniswapV2Library: INSUFFICIENT_LIQUIDITY', 'a reserve is zero');
	}
	const amountInWithFee = amountIn * FEE_NUMERATOR;
	const numerator = amountInWithFee * reserveOut;
	const denominator = reserveIn * FEE_DENOMINATOR + amountInWithFee;
	return numerator / denominator;
}

/**
 * The least a trader must send to get `amountOut`: `reserveIn*amountOut*1000 /
 * ((reserveOut - amountOut)*997) + 1` (UniswapV2Library.sol 52-59). The `+ 1` rounds up (against
 * the trader), so `getAmountOut(getAmountIn(x)) >= x`. Amounts in smallest units.
 * @throws RevertError 'UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT' (amountOut = 0),
 *   'UniswapV2Library: INSUFFICIENT_LIQUIDITY' (a reserve is 0), 'ds-math-sub-underflow'
 *   (amountOut > reserveOut), `Panic(0x12)` (amountOut = reserveOut: Solidity 0.6 stops with an
 *   invalid opcode and no reason; the model names it as 0.8's division-by-zero panic).
 */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
	requireUint(amountOut, 'amountOut');
	requireUint(reserveIn, 'reserveIn');
	requireUint(reserveOut, 'reserveOut');
	if (amountOut === 0n) revert('UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT', 'nothing comes out');
	if (reserveIn === 0n || reserveOut === 0n) {
		revert('UniswapV2Library: INSUFFICIENT_LIQUIDITY', 'a reserve is zero');
	}
	const numerator = reserveIn * amountOut * FEE_DENOMINATOR;
	const denominator = sub(reserveOut, amountOut) * FEE_NUMERATOR;
	if (denominator === 0n) revert(PANIC_DIVISION_BY_ZERO, 'the whole reserve cannot be bought');
	return numerator / denominator + 1n;
}

/**
 * Chained getAmountOut over hops (UniswapV2Library.sol 62-70). `path[i]` is the `[reserveIn,
 * reserveOut]` of hop i; returns `[amountIn, out of hop 0, out of hop 1, ...]` (path.length + 1).
 * @throws RevertError 'UniswapV2Library: INVALID_PATH' (no hop), or getAmountOut's reasons.
 */
export function getAmountsOut(
	amountIn: bigint,
	path: [reserveIn: bigint, reserveOut: bigint][]
): bigint[] {
	if (path.length < 1) revert('UniswapV2Library: INVALID_PATH', 'a path needs at least one pair');
	const amounts = [amountIn];
	for (const [reserveIn, reserveOut] of path) {
		amounts.push(getAmountOut(amounts[amounts.length - 1], reserveIn, reserveOut));
	}
	return amounts;
}

/**
 * Chained getAmountIn backwards over hops (UniswapV2Library.sol 73-81). `path[i]` is the
 * `[reserveIn, reserveOut]` of hop i; returns `[amount in to hop 0, ..., amountOut]`.
 * @throws RevertError 'UniswapV2Library: INVALID_PATH' (no hop), or getAmountIn's reasons.
 */
export function getAmountsIn(
	amountOut: bigint,
	path: [reserveIn: bigint, reserveOut: bigint][]
): bigint[] {
	if (path.length < 1) revert('UniswapV2Library: INVALID_PATH', 'a path needs at least one pair');
	const amounts: bigint[] = new Array(path.length + 1);
	amounts[path.length] = amountOut;
	for (let i = path.length - 1; i >= 0; i--) {
		amounts[i] = getAmountIn(amounts[i + 1], path[i][0], path[i][1]);
	}
	return amounts;
}

// ---------------------------------------------------------------------- core: UniswapV2Pair.sol

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function account(address: string, name: string): string {
	if (typeof address !== 'string' || !ADDRESS.test(address)) {
		throw new TypeError(
			`${name} must be a 0x-prefixed 20-byte hex address, got ${String(address)}`
		);
	}
	return address.toLowerCase();
}

function timestamp32(blockTimestamp: number): number {
	if (!Number.isSafeInteger(blockTimestamp) || blockTimestamp < 0) {
		throw new RangeError(`blockTimestamp must be whole seconds >= 0, got ${blockTimestamp}`);
	}
	return blockTimestamp % UINT32_MODULUS;
}

/** The state a revert restores. */
type PairState = {
	reserve0: bigint;
	reserve1: bigint;
	balance0: bigint;
	balance1: bigint;
	totalSupply: bigint;
	kLast: bigint;
	price0CumulativeLast: bigint;
	price1CumulativeLast: bigint;
	blockTimestampLast: number;
	balances: Map<string, bigint>;
};

/**
 * One Uniswap v2 pair (UniswapV2Pair.sol at v2-core ee547b17), its LP token included.
 * `feeTo` set turns the protocol fee on (the factory's `feeTo` in v2).
 */
export class UniswapV2Pair {
	/** Reserves as of the last _update, smallest units (uint112). */
	reserve0 = 0n;
	reserve1 = 0n;
	/** The pair's token balances; above the reserves after a donation until sync or skim. */
	balance0 = 0n;
	balance1 = 0n;
	/** LP tokens in existence, MINIMUM_LIQUIDITY included. */
	totalSupply = 0n;
	/** reserve0 * reserve1 after the last liquidity event while the fee is on, else 0 (Pair.sol 28). */
	kLast = 0n;
	/** Sum of UQ112x112(reserve1/reserve0) * seconds, mod 2^256 (Pair.sol 26, 79). */
	price0CumulativeLast = 0n;
	/** Sum of UQ112x112(reserve0/reserve1) * seconds, mod 2^256 (Pair.sol 27, 80). */
	price1CumulativeLast = 0n;
	/** Timestamp of the last _update, mod 2^32 (Pair.sol 24, 75). */
	blockTimestampLast = 0;
	/** Receiver of the protocol fee, or undefined when the fee is off. */
	feeTo: string | undefined;
	private balances = new Map<string, bigint>();

	constructor(options: { feeTo?: string } = {}) {
		this.feeTo = options.feeTo === undefined ? undefined : account(options.feeTo, 'feeTo');
	}

	/** LP tokens held by `account` (the zero address holds MINIMUM_LIQUIDITY after the first mint). */
	balanceOf(address: string): bigint {
		return this.balances.get(account(address, 'account')) ?? 0n;
	}

	/** `{reserve0, reserve1, blockTimestampLast}` as getReserves (Pair.sol 38-42). */
	getReserves(): { reserve0: bigint; reserve1: bigint; blockTimestampLast: number } {
		return {
			reserve0: this.reserve0,
			reserve1: this.reserve1,
			blockTimestampLast: this.blockTimestampLast
		};
	}

	/** Turns the protocol fee on (an address) or off (undefined), as the factory's setFeeTo. */
	setFeeTo(feeTo: string | undefined): void {
		this.feeTo = feeTo === undefined ? undefined : account(feeTo, 'feeTo');
	}

	/**
	 * Mints LP tokens to `to` for `amount0` / `amount1` sent to the pair (Pair.sol 110-131): the
	 * first mint gives sqrt(a0*a1) - MINIMUM_LIQUIDITY and locks MINIMUM_LIQUIDITY at the zero
	 * address; later mints give min(a0*totalSupply/reserve0, a1*totalSupply/reserve1), so the
	 * surplus of an unbalanced deposit is donated to all LPs. `a_i` is balance_i - reserve_i, so an
	 * earlier donation counts. Mints the protocol fee first when on.
	 * @returns the LP tokens minted to `to`.
	 * @throws RevertError 'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED', 'ds-math-sub-underflow' (first
	 *   mint with sqrt(a0*a1) < 1000), 'UniswapV2: OVERFLOW' (a balance above uint112).
	 */
	mint(to: string, amount0: bigint, amount1: bigint, blockTimestamp: number): bigint {
		const receiver = account(to, 'to');
		requireUint(amount0, 'amount0');
		requireUint(amount1, 'amount1');
		return this.atomic(() => {
			const r0 = this.reserve0;
			const r1 = this.reserve1;
			this.balance0 += amount0;
			this.balance1 += amount1;
			const a0 = this.balance0 - r0;
			const a1 = this.balance1 - r1;
			const feeOn = this.mintFee(r0, r1);
			const supply = this.totalSupply;
			let liquidity: bigint;
			if (supply === 0n) {
				liquidity = sub(sqrt(a0 * a1), MINIMUM_LIQUIDITY);
				this.mintLp(ZERO_ADDRESS, MINIMUM_LIQUIDITY);
			} else {
				const l0 = (a0 * supply) / r0;
				const l1 = (a1 * supply) / r1;
				liquidity = l0 < l1 ? l0 : l1;
			}
			if (liquidity <= 0n) {
				revert(
					'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED',
					'the deposit is worth less than one LP token'
				);
			}
			this.mintLp(receiver, liquidity);
			this.update(this.balance0, this.balance1, r0, r1, blockTimestamp);
			if (feeOn) this.kLast = this.reserve0 * this.reserve1;
			return liquidity;
		});
	}

	/**
	 * `to` sends `liquidity` LP tokens to the pair and burns them for its share of the pair's
	 * balances (not reserves, so a donation is shared pro rata): amount_i = liquidity * balance_i /
	 * totalSupply, rounded down (Pair.sol 134-156). Mints the protocol fee first when on.
	 * @returns the token amounts paid to `to`.
	 * @throws RevertError 'ds-math-sub-underflow' (`to` holds fewer LP tokens),
	 *   'UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED' (an amount rounds to 0).
	 */
	burn(
		to: string,
		liquidity: bigint,
		blockTimestamp: number
	): { amount0: bigint; amount1: bigint } {
		const holder = account(to, 'to');
		requireUint(liquidity, 'liquidity');
		return this.atomic(() => {
			const r0 = this.reserve0;
			const r1 = this.reserve1;
			// pair.transfer(pair, liquidity): UniswapV2ERC20.sol 57-60
			this.balances.set(holder, sub(this.balanceOf(holder), liquidity));
			const feeOn = this.mintFee(r0, r1);
			const supply = this.totalSupply;
			if (supply === 0n) revert(PANIC_DIVISION_BY_ZERO, 'the pair has no liquidity');
			const amount0 = (liquidity * this.balance0) / supply;
			const amount1 = (liquidity * this.balance1) / supply;
			if (amount0 <= 0n || amount1 <= 0n) {
				revert('UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED', 'the burn pays out nothing of a token');
			}
			this.totalSupply = sub(this.totalSupply, liquidity);
			this.balance0 -= amount0;
			this.balance1 -= amount1;
			this.update(this.balance0, this.balance1, r0, r1, blockTimestamp);
			if (feeOn) this.kLast = this.reserve0 * this.reserve1;
			return { amount0, amount1 };
		});
	}

	/**
	 * Sends `amount0Out` / `amount1Out` out against `amount0In` / `amount1In` sent in, and enforces
	 * `(b0*1000 - in0*3) * (b1*1000 - in1*3) >= r0*r1*1000^2` on the balances after both
	 * (Pair.sol 159-187). The amounts in the K check are measured from balances
	 * (`in_i = b_i - (r_i - out_i)` if positive), so an earlier donation counts as input.
	 * @throws RevertError 'UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT' (both outs 0),
	 *   'UniswapV2: INSUFFICIENT_LIQUIDITY' (an out >= its reserve), 'UniswapV2:
	 *   INSUFFICIENT_INPUT_AMOUNT' (nothing came in), 'UniswapV2: K', 'UniswapV2: OVERFLOW'.
	 */
	swap(
		amount0Out: bigint,
		amount1Out: bigint,
		amount0In: bigint,
		amount1In: bigint,
		blockTimestamp: number
	): void {
		for (const [v, n] of [
			[amount0Out, 'amount0Out'],
			[amount1Out, 'amount1Out'],
			[amount0In, 'amount0In'],
			[amount1In, 'amount1In']
		] as const) {
			requireUint(v, n);
		}
		this.atomic(() => {
			if (amount0Out === 0n && amount1Out === 0n) {
				revert('UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT', 'the swap asks for nothing out');
			}
			const r0 = this.reserve0;
			const r1 = this.reserve1;
			if (amount0Out >= r0 || amount1Out >= r1) {
				revert('UniswapV2: INSUFFICIENT_LIQUIDITY', 'the swap asks for a whole reserve or more');
			}
			this.balance0 = this.balance0 - amount0Out + amount0In;
			this.balance1 = this.balance1 - amount1Out + amount1In;
			const b0 = this.balance0;
			const b1 = this.balance1;
			const in0 = b0 > r0 - amount0Out ? b0 - (r0 - amount0Out) : 0n;
			const in1 = b1 > r1 - amount1Out ? b1 - (r1 - amount1Out) : 0n;
			if (in0 === 0n && in1 === 0n) {
				revert('UniswapV2: INSUFFICIENT_INPUT_AMOUNT', 'nothing was paid into the pair');
			}
			const adjusted0 = b0 * 1000n - in0 * 3n;
			const adjusted1 = b1 * 1000n - in1 * 3n;
			if (adjusted0 * adjusted1 < r0 * r1 * 1_000_000n) {
				revert('UniswapV2: K', 'after the 0.3% fee, reserve0 * reserve1 would go down');
			}
			this.update(b0, b1, r0, r1, blockTimestamp);
		});
	}

	/** Forces reserves to match balances, accruing the price accumulators (Pair.sol 198-200). */
	sync(blockTimestamp: number): void {
		this.atomic(() =>
			this.update(this.balance0, this.balance1, this.reserve0, this.reserve1, blockTimestamp)
		);
	}

	/** Sends the balances above the reserves to `to` (Pair.sol 190-195); returns what was sent. */
	skim(to: string): { amount0: bigint; amount1: bigint } {
		account(to, 'to');
		const amount0 = this.balance0 - this.reserve0;
		const amount1 = this.balance1 - this.reserve1;
		this.balance0 = this.reserve0;
		this.balance1 = this.reserve1;
		return { amount0, amount1 };
	}

	/** A plain token transfer to the pair: balances grow, reserves wait for sync/mint/swap. */
	donate(amount0: bigint, amount1: bigint): void {
		this.balance0 += requireUint(amount0, 'amount0');
		this.balance1 += requireUint(amount1, 'amount1');
	}

	/** Moves LP tokens (UniswapV2ERC20.sol 57-60). @throws RevertError 'ds-math-sub-underflow'. */
	transfer(from: string, to: string, value: bigint): void {
		const a = account(from, 'from');
		const b = account(to, 'to');
		requireUint(value, 'value');
		this.atomic(() => {
			this.balances.set(a, sub(this.balanceOf(a), value));
			this.balances.set(b, this.balanceOf(b) + value);
		});
	}

	// _update, Pair.sol 73-87
	private update(b0: bigint, b1: bigint, r0: bigint, r1: bigint, blockTimestamp: number): void {
		if (b0 > UINT112_MAX || b1 > UINT112_MAX) {
			revert('UniswapV2: OVERFLOW', 'a reserve would not fit in uint112');
		}
		const ts = timestamp32(blockTimestamp);
		const timeElapsed = (ts - this.blockTimestampLast + UINT32_MODULUS) % UINT32_MODULUS;
		if (timeElapsed > 0 && r0 !== 0n && r1 !== 0n) {
			const [p0, p1] = encodePrice(r0, r1);
			const dt = BigInt(timeElapsed);
			this.price0CumulativeLast = (this.price0CumulativeLast + p0 * dt) % UINT256_MODULUS;
			this.price1CumulativeLast = (this.price1CumulativeLast + p1 * dt) % UINT256_MODULUS;
		}
		this.reserve0 = b0;
		this.reserve1 = b1;
		this.blockTimestampLast = ts;
	}

	// _mintFee, Pair.sol 89-107
	private mintFee(r0: bigint, r1: bigint): boolean {
		const feeOn = this.feeTo !== undefined;
		if (this.feeTo !== undefined) {
			if (this.kLast !== 0n) {
				const rootK = sqrt(r0 * r1);
				const rootKLast = sqrt(this.kLast);
				if (rootK > rootKLast) {
					const liquidity = (this.totalSupply * (rootK - rootKLast)) / (rootK * 5n + rootKLast);
					if (liquidity > 0n) this.mintLp(this.feeTo, liquidity);
				}
			}
		} else if (this.kLast !== 0n) {
			this.kLast = 0n;
		}
		return feeOn;
	}

	private mintLp(to: string, value: bigint): void {
		this.totalSupply += value;
		this.balances.set(to, (this.balances.get(to) ?? 0n) + value);
	}

	private save(): PairState {
		return {
			reserve0: this.reserve0,
			reserve1: this.reserve1,
			balance0: this.balance0,
			balance1: this.balance1,
			totalSupply: this.totalSupply,
			kLast: this.kLast,
			price0CumulativeLast: this.price0CumulativeLast,
			price1CumulativeLast: this.price1CumulativeLast,
			blockTimestampLast: this.blockTimestampLast,
			balances: new Map(this.balances)
		};
	}

	// revert semantics: a throw restores every field
	private atomic<T>(fn: () => T): T {
		const saved = this.save();
		try {
			return fn();
		} catch (e) {
			Object.assign(this, saved);
			throw e;
		}
	}
}
