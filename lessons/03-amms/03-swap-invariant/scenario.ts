// Uniswap v2's swap: optimistic transfers, the flash-swap callback, the K check with the 0.3% fee
// and the lock (UniswapV2Pair.sol 31-36 and 159-187 at v2-core ee547b17), against a reference
// attacker and the exact pair model of src/lib/protocols/uniswap-v2.ts.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { getAmountOut, UniswapV2Pair } from '#lib/protocols/uniswap-v2.ts';
import { traceAmm } from '#lib/scenario/amm-trace.ts';

const PAIR = 'contracts/Pair.ts';
const ATTACKER = 'contracts/Attacker.ts';
export const E = 10n ** 18n;
/** Alice's deposit: 1,000 WETH and 3,000,000 DAI (a price of 3,000 DAI per WETH, illustrative) */
export const WETH_IN = 1_000n * E;
export const DAI_IN = 3_000_000n * E;
/** the flash swap of the prediction: 100 WETH borrowed, paid back in WETH */
export const FLASH = 100n * E;
/** 2 December 2026, 12:00 UTC (any date would do: this pair keeps no price accumulators) */
const GENESIS = Date.UTC(2026, 11, 2, 12) / 1000;
/** the pair methods the attacker calls from inside its flash-swap callback */
export const REENTRY = ['swap', 'mint', 'burn', 'sync'] as const;
const LOCKED = 'UniswapV2: LOCKED';

/** The smallest repayment, in the borrowed token, of a flash swap of `x`: ceil(1000 x / 997). */
export const minRepay = (x: bigint) => (1000n * x + 996n) / 997n;

/**
 * The smallest repayment in the other token for `out` borrowed: ceil(1000 rIn out / (997 (rOut - out))),
 * from the K check. getAmountIn (floor + 1) is the same except when the division is exact.
 */
export const minRepayIn = (out: bigint, reserveIn: bigint, reserveOut: bigint) =>
	(1000n * reserveIn * out + 997n * (reserveOut - out) - 1n) / (997n * (reserveOut - out));

export type Pool = {
	weth: string;
	dai: string;
	pair: string;
	attacker: string;
	/** the reference pair, kept in step with every transaction that succeeded */
	ref: UniswapV2Pair;
};

/** Tokens, the learner's pair, the attacker, and Alice's first deposit (mirrored in the model). */
export function openPool(s: ScenarioContext): Pool {
	const weth = s.deployToken({ name: 'Wrapped Ether', symbol: 'WETH', from: 'deployer' });
	const dai = s.deployToken({ name: 'Dai Stablecoin', symbol: 'DAI', from: 'deployer' });
	const pair = s.deploy(PAIR, { from: 'deployer', name: 'Pair', args: [weth, dai] });
	const attacker = s.deploy(ATTACKER, { from: 'mallory', name: 'Attacker' });
	s.chain.traceTokens = [weth, dai];
	for (const [who, w, d] of [
		['alice', WETH_IN, DAI_IN],
		['bob', 100n * E, 300_000n * E],
		[attacker, 1_000n * E, 3_000_000n * E]
	] as const) {
		s.chain.mint(weth, s.address(who), w);
		s.chain.mint(dai, s.address(who), d);
	}
	const ref = new UniswapV2Pair();
	s.send({ from: 'alice', to: weth, method: 'transfer', args: [pair, WETH_IN] });
	s.send({ from: 'alice', to: dai, method: 'transfer', args: [pair, DAI_IN] });
	const r = s.send({ from: 'alice', to: pair, method: 'mint', args: [s.address('alice')] });
	if (r.status === 'success') ref.mint(s.address('alice'), WETH_IN, DAI_IN, s.time());
	return { weth, dai, pair, attacker, ref };
}

/** The learner pair's reserves. */
export function reserves(s: ScenarioContext, p: Pool): [bigint, bigint] {
	const [r0, r1] = s.view(p.pair, 'getReserves') as [bigint, bigint];
	return [r0, r1];
}

const weth = (x: bigint) => `${fmt(x)} WETH`;
const dai = (x: bigint) => `${fmt(x)} DAI`;
/** An amount of 18 decimals rounded down to 4 decimals, for the summary. */
function rounded(x: bigint): string {
	return fmt(x - (x % 10n ** 14n));
}

/** An amount of 18 decimals, exact, with thousands separators. */
export function fmt(x: bigint): string {
	const whole = (x / E).toLocaleString('en-US');
	const frac = (x % E).toString().padStart(18, '0').replace(/0+$/, '');
	return frac ? `${whole}.${frac}` : whole;
}
const reason = (r: Receipt) => r.error?.message ?? 'no reason';

/** Whether the learner's reserves equal the model's; else a sentence saying how they differ. */
function sameReserves(s: ScenarioContext, p: Pool, after: string): string | undefined {
	const [r0, r1] = reserves(s, p);
	if (r0 === p.ref.reserve0 && r1 === p.ref.reserve1) return undefined;
	return (
		`After ${after}, your pair's reserves are ${weth(r0)} and ${dai(r1)}; ` +
		`UniswapV2Pair has ${weth(p.ref.reserve0)} and ${dai(p.ref.reserve1)}.`
	);
}

/** The model's answer to a swap, or its revert reason (the model is left as it was on a revert). */
function refSwap(p: Pool, out0: bigint, out1: bigint, in0: bigint, in1: bigint, t: number) {
	try {
		p.ref.swap(out0, out1, in0, in1, t);
		return 'ok';
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** Bob sells `amountIn` of one token for the most of the other that getAmountOut allows. */
export function honestSwap(s: ScenarioContext, p: Pool, wethIn: boolean, amountIn: bigint) {
	const [r0, r1] = [p.ref.reserve0, p.ref.reserve1];
	const out = wethIn ? getAmountOut(amountIn, r0, r1) : getAmountOut(amountIn, r1, r0);
	s.send({
		from: 'bob',
		to: wethIn ? p.weth : p.dai,
		method: 'transfer',
		args: [p.pair, amountIn]
	});
	const r = s.send({
		from: 'bob',
		to: p.pair,
		method: 'swap',
		args: [wethIn ? 0n : out, wethIn ? out : 0n, s.address('bob'), '']
	});
	if (r.status === 'success')
		refSwap(
			p,
			wethIn ? 0n : out,
			wethIn ? out : 0n,
			wethIn ? amountIn : 0n,
			wethIn ? 0n : amountIn,
			s.time()
		);
	return { r, out };
}

/** The attacker pays `amountIn` and asks `extra` wei more than getAmountOut allows, in one transaction. */
export function greedySwap(
	s: ScenarioContext,
	p: Pool,
	wethIn: boolean,
	amountIn: bigint,
	extra: bigint
) {
	const [r0, r1] = [p.ref.reserve0, p.ref.reserve1];
	const out = (wethIn ? getAmountOut(amountIn, r0, r1) : getAmountOut(amountIn, r1, r0)) + extra;
	const r = s.send({
		from: 'mallory',
		to: p.attacker,
		method: 'trade',
		args: [p.pair, wethIn ? p.weth : p.dai, amountIn, wethIn ? 0n : out, wethIn ? out : 0n]
	});
	const model =
		r.status === 'success'
			? refSwap(
					p,
					wethIn ? 0n : out,
					wethIn ? out : 0n,
					wethIn ? amountIn : 0n,
					wethIn ? 0n : amountIn,
					s.time()
				)
			: refProbe(
					p,
					wethIn ? 0n : out,
					wethIn ? out : 0n,
					wethIn ? amountIn : 0n,
					wethIn ? 0n : amountIn,
					s.time()
				);
	return { r, out, model };
}

/** What the model says of a swap without keeping it (its revert reason, or 'ok'). */
function refProbe(p: Pool, out0: bigint, out1: bigint, in0: bigint, in1: bigint, t: number) {
	const copy = Object.assign(
		Object.create(Object.getPrototypeOf(p.ref) as object),
		p.ref
	) as UniswapV2Pair;
	return refSwap({ ...p, ref: copy }, out0, out1, in0, in1, t);
}

/**
 * A flash swap by the attacker: borrows `out0` WETH / `out1` DAI, pays back `repay` of WETH
 * (`repayWeth`) or DAI, after calling the pair's `reenter` method from its callback ('' for none).
 */
export function flashSwap(
	s: ScenarioContext,
	p: Pool,
	o: { out0: bigint; out1: bigint; repay: bigint; repayWeth: boolean; reenter?: string }
) {
	const r = s.send({
		from: 'mallory',
		to: p.attacker,
		method: 'flash',
		args: [p.pair, o.out0, o.out1, o.repayWeth ? p.weth : p.dai, o.repay, o.reenter ?? '']
	});
	const [in0, in1] = o.repayWeth ? [o.repay, 0n] : [0n, o.repay];
	const model =
		r.status === 'success'
			? refSwap(p, o.out0, o.out1, in0, in1, s.time())
			: refProbe(p, o.out0, o.out1, in0, in1, s.time());
	const reentry = o.reenter ? String(s.view(p.attacker, 'lastReentry')) : '';
	return { r, model, reentry };
}

/** The frame of the re-entrant call in a flash swap's call trace (depth 3: tx, swap, callback, it). */
export function reentrantFrame(r: Receipt, p: Pool, method: string) {
	return r.calls?.find((c) => c.depth === 3 && c.callee === p.pair && c.method === method);
}

export default defineScenario<Pool>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 9;
		const p = openPool(s);
		// reserves, k and LP supply at the end of every step; the pair's totalSupply is a stored
		// field, not a method, so it is read from storage
		traceAmm(s, {
			pair: p.pair,
			symbols: ['WETH', 'DAI'],
			read: (c) => {
				const [reserve0, reserve1] = reserves(c, p);
				const supply = c.storage(p.pair).value('totalSupply');
				return { reserve0, reserve1, totalSupply: typeof supply === 'bigint' ? supply : 0n };
			}
		});
		s.trackBalances(['alice', 'bob', p.attacker, p.pair], [s.token(p.weth), s.token(p.dai)]);
		s.note(
			`Alice deposits ${weth(WETH_IN)} and ${dai(DAI_IN)}; she holds the pair's first LP tokens.`
		);
		yield 'Alice adds 1,000 WETH and 3,000,000 DAI';

		const bob = honestSwap(s, p, true, 10n * E);
		s.note(`Bob pays 10 WETH and asks for getAmountOut = ${dai(bob.out)}: ${bob.r.status}.`);
		yield 'Bob sells 10 WETH at getAmountOut';

		const greedy = greedySwap(s, p, true, 10n * E, 1n);
		s.note(
			`The attacker pays 10 WETH and asks for ${dai(greedy.out)}, one wei more than getAmountOut: ` +
				`${greedy.r.status === 'success' ? 'paid' : `refused (${reason(greedy.r)})`}. UniswapV2Pair: ${greedy.model}.`
		);
		yield 'The attacker asks for one wei more than getAmountOut';

		const exact = flashSwap(s, p, {
			out0: FLASH,
			out1: 0n,
			repay: minRepay(FLASH),
			repayWeth: true
		});
		s.note(
			`Flash swap: borrow ${weth(FLASH)}, pay back ${weth(minRepay(FLASH))} in the callback: ` +
				`${exact.r.status === 'success' ? 'accepted' : `refused (${reason(exact.r)})`}.`
		);
		yield 'Flash swap of 100 WETH, repaid at the boundary';

		const short = flashSwap(s, p, {
			out0: FLASH,
			out1: 0n,
			repay: minRepay(FLASH) - 1n,
			repayWeth: true
		});
		s.note(
			`The same flash swap paid back one wei less: ${short.r.status === 'success' ? 'accepted' : `refused (${reason(short.r)})`}. ` +
				`UniswapV2Pair: ${short.model}.`
		);
		yield 'Flash swap repaid one wei short';

		let refused = 0;
		for (const method of REENTRY) {
			const f = flashSwap(s, p, {
				out0: FLASH,
				out1: 0n,
				repay: minRepay(FLASH),
				repayWeth: true,
				reenter: method
			});
			if (f.reentry === LOCKED) refused++;
			s.note(
				`From inside uniswapV2Call the attacker calls ${method}(): ${f.reentry || 'nothing recorded'}.`
			);
			yield `Re-entry from the flash-swap callback: ${method}()`;
		}

		const [r0, r1] = reserves(s, p);
		s.summary('Reserves after the run', `${rounded(r0)} WETH / ${rounded(r1)} DAI`, {
			reference: `${rounded(p.ref.reserve0)} WETH / ${rounded(p.ref.reserve1)} DAI (UniswapV2Pair)`,
			note: 'rounded down to 4 decimals'
		});
		s.summary(
			'One wei more than getAmountOut',
			greedy.r.status === 'success' ? 'paid' : reason(greedy.r),
			{ reference: 'UniswapV2: K' }
		);
		s.summary(
			'Flash swap repaid one wei short',
			short.r.status === 'success' ? 'accepted' : reason(short.r),
			{
				reference: 'UniswapV2: K'
			}
		);
		s.summary('Re-entrant calls refused with LOCKED', `${refused} of ${REENTRY.length}`, {
			reference: `${REENTRY.length} of ${REENTRY.length}`
		});
		return p;
	},

	checks: [
		{
			id: 'honest-swaps-match',
			title: 'Swaps at getAmountOut go through and leave the reserves UniswapV2Pair has',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				ensure(
					p.ref.totalSupply > 0n && reserves(s, p)[0] === WETH_IN,
					`Alice's first deposit did not mint: your pair holds reserves ${reserves(s, p).map(fmt).join(' / ')}.`
				);
				const trades: [boolean, bigint][] = [
					[true, 10n * E],
					[false, 25_000n * E],
					[true, 1n],
					[false, 7_777_777n * 10n ** 12n]
				];
				for (const [wethIn, amount] of trades) {
					const { r, out } = honestSwap(s, p, wethIn, amount);
					const what = wethIn
						? `${weth(amount)} for ${dai(out)}`
						: `${dai(amount)} for ${weth(out)}`;
					ensure(
						r.status === 'success',
						`Bob swapped ${what}, exactly what getAmountOut allows, and your pair refused: ${reason(r)}.`
					);
					const diff = sameReserves(s, p, `Bob's swap of ${what}`);
					ensure(diff === undefined, diff ?? '');
				}
				return c.pass(
					"Four swaps at getAmountOut, both ways: your reserves equal UniswapV2Pair's after each."
				);
			}
		},
		{
			id: 'one-wei-more-reverts',
			title: "Asking one wei more than getAmountOut reverts with 'UniswapV2: K'",
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				for (const [wethIn, amount] of [
					[true, 10n * E],
					[false, 30_000n * E]
				] as const) {
					const g = greedySwap(s, p, wethIn, amount, 1n);
					const paid = wethIn ? weth(amount) : dai(amount);
					const asked = wethIn ? dai(g.out) : weth(g.out);
					ensure(
						g.r.status === 'reverted' && reason(g.r).includes('UniswapV2: K'),
						`The attacker paid ${paid} and asked for ${asked}, one wei more than getAmountOut; ` +
							(g.r.status === 'success'
								? 'your pair paid it. '
								: `your pair refused with '${reason(g.r)}'. `) +
							`UniswapV2Pair refuses with '${g.model}'.`
					);
					const diff = sameReserves(s, p, 'the refused swap');
					ensure(diff === undefined, diff ?? '');
				}
				return c.pass(
					"One wei more than getAmountOut, either way: 'UniswapV2: K', reserves untouched."
				);
			}
		},
		{
			id: 'flash-boundary',
			title: 'A flash swap repaid at the boundary passes; one wei less reverts',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				const x = 37n * E + 123_456_789n;
				const cases = [
					// borrow WETH, pay back WETH: ceil(1000 x / 997)
					() => ({
						out0: x,
						out1: 0n,
						repay: minRepay(x),
						repayWeth: true,
						what: `${weth(x)} borrowed, paid back in WETH`
					}),
					// borrow DAI, pay back WETH: the least the K check allows at the reserves of then
					() => ({
						out0: 0n,
						out1: 50_000n * E,
						repay: minRepayIn(50_000n * E, p.ref.reserve0, p.ref.reserve1),
						repayWeth: true,
						what: `${dai(50_000n * E)} borrowed, paid back in WETH`
					})
				];
				for (const next of cases) {
					const k = next();
					const short = flashSwap(s, p, { ...k, repay: k.repay - 1n });
					ensure(
						short.r.status === 'reverted' && reason(short.r).includes('UniswapV2: K'),
						`Flash swap, ${k.what}: ${weth(k.repay - 1n)} is one wei below the least K allows, ` +
							(short.r.status === 'success'
								? 'and your pair accepted it.'
								: `and your pair refused with '${reason(short.r)}'.`) +
							` UniswapV2Pair: '${short.model}'.`
					);
					const exact = flashSwap(s, p, k);
					ensure(
						exact.r.status === 'success',
						`Flash swap, ${k.what}: ${weth(k.repay)} is exactly enough (UniswapV2Pair: ${exact.model}), and your pair refused: ${reason(exact.r)}.`
					);
					const diff = sameReserves(s, p, `the flash swap (${k.what})`);
					ensure(diff === undefined, diff ?? '');
				}
				return c.pass(
					'Both flash swaps: the boundary repayment passes, one wei less is refused with K.'
				);
			}
		},
		{
			id: 'reentry-locked',
			title:
				"Re-entering swap, mint, burn or sync from the callback reverts with 'UniswapV2: LOCKED'",
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				for (const method of REENTRY) {
					const f = flashSwap(s, p, {
						out0: FLASH,
						out1: 0n,
						repay: minRepay(FLASH),
						repayWeth: true,
						reenter: method
					});
					const frame = f.r.status === 'success' ? reentrantFrame(f.r, p, method) : undefined;
					ensure(
						f.reentry === LOCKED && frame?.status === 'reverted',
						`Inside uniswapV2Call, with your swap still open, the attacker called ${method}(): ` +
							(f.r.status !== 'success'
								? `the whole flash swap failed (${reason(f.r)}). `
								: f.reentry === 'went through'
									? 'it went through. '
									: `it was refused with '${f.reentry}'. `) +
							`Uniswap's lock refuses it with '${LOCKED}'.`
					);
					const diff = sameReserves(s, p, `the flash swap with a re-entrant ${method}()`);
					ensure(diff === undefined, diff ?? '');
				}
				const after = honestSwap(s, p, true, E);
				ensure(
					after.r.status === 'success',
					`After the attempts, Bob's ordinary swap of 1 WETH was refused (${reason(after.r)}): does every method unlock when it ends?`
				);
				return c.pass(
					"swap, mint, burn and sync were each refused with 'UniswapV2: LOCKED' mid-swap; the pair still trades."
				);
			}
		}
	]
});
