// Alice opens a TKA/TKB pair with 1 TKA and 4 TKB, Bob adds an unbalanced deposit, Carol swaps,
// Dave donates, then Alice and Bob burn everything: each figure beside Uniswap v2's.
import { createPrng } from '#lib/data/prng.ts';
import { MINIMUM_LIQUIDITY } from '#lib/protocols/uniswap-v2.ts';
import { defineScenario, type CheckContext } from '#lib/scenario/index.ts';
import { traceAmm } from '#lib/scenario/amm-trace.ts';
import {
	E,
	ZERO,
	deposit,
	differs,
	donate,
	lp,
	lpOf,
	openPool,
	stateOf,
	swap,
	units,
	why,
	withdraw,
	type Expected,
	type Pool
} from './world.ts';

const shown = <T>(e: Expected<T>, f: (v: T) => string) =>
	'reverted' in e ? `reverts (${e.reverted})` : f(e.value);
const paid = (v: { amount0: bigint; amount1: bigint } | undefined) =>
	v ? `${units(v.amount0, 'TKA')} + ${units(v.amount1, 'TKB')}` : 'nothing';

export default defineScenario<Pool>({
	*run(s) {
		const p = openPool(s);
		s.trackBalances(
			['alice', 'bob', 'carol', 'dave', 'Pair'],
			[s.token(p.token0, 'TKA'), s.token(p.token1, 'TKB'), s.mapAsset(p.pair, 'balanceOf', 'LP')]
		);
		traceAmm(s, { pair: p.pair, symbols: ['TKA', 'TKB'] });

		const alice = deposit(s, p, 'alice', 1n * E, 4n * E);
		s.summary(
			'Alice: LP tokens for 1 TKA + 4 TKB',
			alice.receipt.status === 'success' ? lp(alice.got) : why(alice.receipt),
			{
				reference: shown(alice.expected, lp)
			}
		);
		yield 'Alice opens the pair: 1 TKA and 4 TKB';

		const bob = deposit(s, p, 'bob', 1n * E, 8n * E);
		s.summary(
			'Bob: LP tokens for 1 TKA + 8 TKB',
			bob.receipt.status === 'success' ? lp(bob.got) : why(bob.receipt),
			{
				reference: shown(bob.expected, lp)
			}
		);
		yield 'Bob deposits 1 TKA and 8 TKB: twice the TKB the pool price asks for';

		const carol = swap(s, p, 'carol', true, 1n * E);
		s.note(
			`Carol's swap ${why(carol.receipt)}; Uniswap v2 pays ${shown(carol.expected, (v) => units(v, 'TKB'))}.`
		);
		yield 'Carol swaps 1 TKA for TKB (the 0.3% fee stays in the pool)';

		donate(s, p, 'dave', 1n * E, 0n);
		yield 'Dave sends 1 TKA straight to the pair: a donation, no LP tokens';

		const aliceOut = withdraw(
			s,
			p,
			'alice',
			lpOf(s, p, 'alice'),
			p.model.balanceOf(s.address('alice'))
		);
		s.summary(
			'Alice: paid for all her LP',
			aliceOut.receipt.status === 'success' ? paid(aliceOut.got) : why(aliceOut.receipt),
			{
				reference: shown(aliceOut.expected, paid)
			}
		);
		yield 'Alice burns all her LP tokens';

		const bobOut = withdraw(s, p, 'bob', lpOf(s, p, 'bob'), p.model.balanceOf(s.address('bob')));
		s.summary(
			'Bob: paid for all his LP',
			bobOut.receipt.status === 'success' ? paid(bobOut.got) : why(bobOut.receipt),
			{
				reference: shown(bobOut.expected, paid)
			}
		);
		const end = stateOf(s, p);
		s.summary(
			'LP tokens left (locked at the zero address)',
			`${lp(end.totalSupply)} (${lp(lpOf(s, p, ZERO))})`,
			{
				reference: `${lp(p.model.totalSupply)} (${lp(p.model.balanceOf(ZERO))})`
			}
		);
		yield 'Bob burns all his LP tokens';
		return p;
	},

	checks: [
		{
			id: 'first-deposit-locks-minimum',
			title:
				'The first deposit mints sqrt(amount0 * amount1) and locks 1,000 of it at the zero address',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				const r = deposit(s, p, 'alice', 1n * E, 4n * E);
				const got = lpOf(s, p, 'alice');
				const locked = lpOf(s, p, ZERO);
				const { totalSupply } = stateOf(s, p);
				c.assert(
					r.receipt.status === 'success' &&
						got === 2n * E - MINIMUM_LIQUIDITY &&
						locked === MINIMUM_LIQUIDITY &&
						totalSupply === 2n * E,
					`Alice opened the pair with 1 TKA and 4 TKB: sqrt(1e18 * 4e18) = 2e18, so Uniswap v2 mints 2 LP in all, ` +
						`1,000 wei of LP to the zero address (MINIMUM_LIQUIDITY, locked forever) and the rest, ${lp(2n * E - MINIMUM_LIQUIDITY)}, to Alice. ` +
						`Your mint ${why(r.receipt)}: Alice holds ${lp(got)}, the zero address ${lp(locked)}, total supply ${lp(totalSupply)}.`
				);
				const s2 = c.fresh();
				const p2 = openPool(s2);
				const tiny = deposit(s2, p2, 'alice', 1000n, 1000n);
				c.assert(
					tiny.receipt.status === 'reverted' &&
						/INSUFFICIENT_LIQUIDITY_MINTED/.test(tiny.receipt.error?.message ?? ''),
					`A first deposit of 1,000 wei of each token is worth sqrt(1000 * 1000) = 1,000 LP wei, all of it locked: ` +
						`Uniswap v2 reverts with 'UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED'. Your mint ${why(tiny.receipt)}.`
				);
				return c.pass(
					`Alice got ${lp(got)}; 1,000 wei of LP sit at the zero address; a 1,000 wei deposit reverts.`
				);
			}
		},
		{
			id: 'unbalanced-deposit',
			title:
				'A later deposit mints the smaller of its two shares: the surplus is a gift to the pool',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				deposit(s, p, 'alice', 1n * E, 4n * E);
				for (const [who, a0, a1] of [
					['bob', 2n * E, 4n * E],
					['carol', 1n * E, 8n * E],
					['dave', 3n * E, 12n * E]
				] as const) {
					const r = deposit(s, p, who, a0, a1);
					const want = 'value' in r.expected ? r.expected.value : -1n;
					const got = r.receipt.status === 'success' ? r.got : -1n;
					c.assert(
						got === want,
						`${who} deposited ${units(a0, 'TKA')} and ${units(a1, 'TKB')} into a pool of ${units(p.model.reserve0 - a0, 'TKA')} / ` +
							`${units(p.model.reserve1 - a1, 'TKB')}: Uniswap v2 mints min(amount0 * totalSupply / reserve0, amount1 * totalSupply / reserve1) = ${lp(want)}. ` +
							`Your mint ${r.receipt.status === 'success' ? `minted ${lp(got)}` : why(r.receipt)}.`
					);
				}
				const gap = differs(s, p);
				c.assert(gap === null, `After the deposits, ${gap}.`);
				return c.pass(
					'Each deposit minted the smaller share; the rest of the larger side stayed in the pool for all LPs.'
				);
			}
		},
		{
			id: 'burn-by-balances',
			title: 'A burn pays its share of the balances, so a donation is shared by the LPs pro rata',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				deposit(s, p, 'alice', 3n * E, 3n * E);
				deposit(s, p, 'bob', 3n * E, 3n * E);
				donate(s, p, 'dave', 3n * E, 0n);
				const r = withdraw(s, p, 'bob', lpOf(s, p, 'bob'), p.model.balanceOf(s.address('bob')));
				const want = 'value' in r.expected ? r.expected.value : undefined;
				c.assert(
					r.receipt.status === 'success' &&
						want !== undefined &&
						r.got?.amount0 === want.amount0 &&
						r.got?.amount1 === want.amount1,
					`Alice and Bob each put in 3 TKA + 3 TKB, then Dave sent 3 TKA to the pair without minting. Bob owns half the LP ` +
						`tokens, so Uniswap v2 pays him half of what the pair holds: ${paid(want)}. Your burn ${r.receipt.status === 'success' ? `paid ${paid(r.got)}` : why(r.receipt)}.`
				);
				const gap = differs(s, p);
				c.assert(gap === null, `After Bob's burn, ${gap}.`);
				return c.pass(`Bob got ${paid(r.got)}: half of Dave's donation came with his share.`);
			}
		},
		{
			id: 'minimum-stays-locked',
			title: 'When every LP has burned, 1,000 wei of LP and their reserves stay in the pair',
			run(c) {
				const s = c.fresh();
				const p = openPool(s);
				deposit(s, p, 'alice', 3n * E, 3n * E);
				const out = withdraw(
					s,
					p,
					'alice',
					lpOf(s, p, 'alice'),
					p.model.balanceOf(s.address('alice'))
				);
				const end = stateOf(s, p);
				c.assert(
					out.receipt.status === 'success' &&
						end.totalSupply === MINIMUM_LIQUIDITY &&
						end.reserve0 === 1000n &&
						end.reserve1 === 1000n,
					`Alice opened the pair with 3 TKA + 3 TKB and burned all her LP tokens. In Uniswap v2 the 1,000 locked LP wei stay, and ` +
						`so do 1,000 wei of each token: the pool is never empty again. Your burn ${why(out.receipt)}, ` +
						`and the pair is left with total supply ${lp(end.totalSupply)}, reserves ${end.reserve0} / ${end.reserve1} wei.`
				);
				const again = deposit(s, p, 'bob', 1n * E, 1n * E);
				const want = 'value' in again.expected ? again.expected.value : -1n;
				c.assert(
					again.receipt.status === 'success' && again.got === want,
					`Bob then deposited 1 TKA + 1 TKB into that pool of 1,000 / 1,000 wei: Uniswap v2 mints ${lp(want)} at its price; ` +
						`your mint ${again.receipt.status === 'success' ? `minted ${lp(again.got)}` : why(again.receipt)}.`
				);
				return c.pass(
					'1,000 wei of LP and 1,000 wei of each token stay locked; the next deposit mints at the old price.'
				);
			}
		},
		{
			id: 'seeded-model',
			title: '40 seeded deposits, burns, swaps and donations match Uniswap v2 to the wei',
			run(c: CheckContext<Pool>) {
				const s = c.fresh();
				const p = openPool(s);
				const rng = createPrng(2020);
				const amount = (max: number) =>
					(BigInt(1 + rng.int(max)) * E) / 10n + BigInt(rng.int(1000));
				deposit(s, p, 'alice', amount(40), amount(40));
				for (let i = 0; i < 40; i++) {
					const who = ['alice', 'bob', 'carol', 'dave'][rng.int(4)];
					const kind = rng.int(4);
					let what: string;
					if (kind === 0) {
						const [a0, a1] = [amount(30), amount(30)];
						const r = deposit(s, p, who, a0, a1);
						what = `${who} deposited ${units(a0, 'TKA')} + ${units(a1, 'TKB')} and ${why(r.receipt)}`;
					} else if (kind === 1 && lpOf(s, p, who) > 0n) {
						const share = (lpOf(s, p, who) * BigInt(1 + rng.int(100))) / 100n;
						const r = withdraw(s, p, who, share);
						what = `${who} burned ${lp(share)} and ${why(r.receipt)}`;
					} else if (kind === 2) {
						const zeroForOne = rng.int(2) === 0;
						const a = amount(10);
						const r = swap(s, p, who, zeroForOne, a);
						what = `${who} swapped ${units(a, zeroForOne ? 'TKA' : 'TKB')} and ${why(r.receipt)}`;
					} else {
						const [a0, a1] = [amount(5), rng.int(2) ? amount(5) : 0n];
						donate(s, p, who, a0, a1);
						what = `${who} donated ${units(a0, 'TKA')} + ${units(a1, 'TKB')}`;
					}
					const gap = differs(s, p);
					c.assert(gap === null, `Operation ${i + 1} (${what}): ${gap}.`);
					for (const name of ['alice', 'bob', 'carol', 'dave']) {
						const got = lpOf(s, p, name);
						const want = p.model.balanceOf(s.address(name));
						c.assert(
							got === want,
							`Operation ${i + 1} (${what}): ${name} holds ${lp(got)}, Uniswap v2 gives ${lp(want)}.`
						);
					}
				}
				return c.pass(
					"40 seeded operations (seed 2020): reserves, supply and every LP balance equal Uniswap v2's."
				);
			}
		}
	]
});
