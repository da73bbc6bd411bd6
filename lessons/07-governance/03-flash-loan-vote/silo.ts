/**
 * The flash-loan vote lesson's world: BEAN (the token deposited for votes), the treasury's USDC,
 * the learner's governor, a flash lender and the exploiter's contract, with the holders of the
 * story. Amounts are illustrative, scaled so the flash loan's share of the vote is about the 79%
 * press reports gave for 17 April 2022; the rules are GovernanceFacet.sol's.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatTokens } from '#lib/model/units.ts';

export const GOVERNOR = 'contracts/Governor.ts';
export const LENDER = 'contracts/FlashLender.ts';
export const ATTACKER = 'contracts/Attacker.ts';
export const UNIT = 10n ** 18n;
export const DAY = 86_400;

/** Real holders of the silo (illustrative): 32,000,000 BEAN deposited. */
export const HOLDERS: { who: string; name: string; bean: bigint }[] = [
	{ who: 'alice', name: 'Alice', bean: 12_000_000n * UNIT },
	{ who: 'bob', name: 'Bob', bean: 8_000_000n * UNIT },
	{ who: 'carol', name: 'Carol', bean: 6_000_000n * UNIT },
	{ who: 'dave', name: 'Dave', bean: 4_000_000n * UNIT },
	{ who: 'erin', name: 'Erin', bean: 2_000_000n * UNIT }
];
/** What the exploiter deposits of its own to be allowed to propose. */
export const EXPLOITER_STAKE = 50_000n * UNIT;
/** What the exploiter's contract flash-borrows. */
export const FLASH = 120_000_000n * UNIT;
/** The treasury (about the 182M USD the press reported lost, as USDC here). */
export const TREASURY = 182_000_000n * UNIT;
/** The honest proposal: a grant. */
export const GRANT = 100_000n * UNIT;
/** The lender's BEAN (it stands in for the Aave, Uniswap and SushiSwap pools). */
export const LIQUIDITY = 500_000_000n * UNIT;

export const bean = (x: bigint) => formatTokens(x, 'BEAN', 0);
export const usdc = (x: bigint) => formatTokens(x, 'USDC', 0);
export const reasonOf = (r: Receipt) => r.error?.message ?? r.status;
/** `part / whole` as a percentage with one decimal ("78.9%"). */
export const percent = (part: bigint, whole: bigint) =>
	whole === 0n ? '0%' : `${(Number((part * 10_000n) / whole) / 100).toFixed(1)}%`;

export type Silo = { gov: string; bean: string; usdc: string; lender: string; attacker: string };

export type ProposalView = {
	proposer: string;
	recipient: string;
	amount: bigint;
	start: number;
	snapshot: number;
	forVotes: bigint;
	executed: boolean;
};

export function send(
	s: ScenarioContext,
	from: string,
	to: string,
	method: string,
	args: unknown[]
) {
	const r = s.send({ from, to, method, args });
	if (r.status !== 'success') throw new Error(`${method} by ${from} failed: ${reasonOf(r)}`);
	return r;
}

/** Deploy the tokens, the governor holding the treasury, the lender and the exploiter's contract. */
export function openSilo(s: ScenarioContext, holders = HOLDERS): Silo {
	const beanToken = s.deployToken({
		name: 'Bean',
		symbol: 'BEAN',
		from: 'deployer',
		supply: LIQUIDITY + EXPLOITER_STAKE + 200_000_000n * UNIT
	});
	const usdcToken = s.deployToken({
		name: 'USD Coin',
		symbol: 'USDC',
		from: 'deployer',
		supply: TREASURY
	});
	const gov = s.deploy(GOVERNOR, { from: 'deployer', args: [beanToken, usdcToken] });
	const lender = s.deploy(LENDER, { from: 'deployer' });
	const attacker = s.deploy(ATTACKER, { from: 'exploiter' });
	send(s, 'deployer', usdcToken, 'transfer', [gov, TREASURY]);
	send(s, 'deployer', beanToken, 'transfer', [lender, LIQUIDITY]);
	send(s, 'deployer', beanToken, 'transfer', [s.address('exploiter'), EXPLOITER_STAKE]);
	for (const h of holders) send(s, 'deployer', beanToken, 'transfer', [s.address(h.who), h.bean]);
	return { gov, bean: beanToken, usdc: usdcToken, lender, attacker };
}

/** `who` approves and deposits `amount` BEAN into the governor's silo. */
export function deposit(s: ScenarioContext, w: Silo, who: string, amount: bigint) {
	send(s, who, w.bean, 'approve', [w.gov, amount]);
	return send(s, who, w.gov, 'deposit', [amount]);
}

export function proposal(s: ScenarioContext, w: Silo, id: number): ProposalView {
	return s.view(w.gov, 'proposal', [id]) as ProposalView;
}

export function balanceOf(s: ScenarioContext, token: string, who: string): bigint {
	return s.view(token, 'balanceOf', [s.address(who)]) as bigint;
}

/** Move the chain's clock to `t` (unix seconds) with one empty block, when `t` is ahead. */
export function at(s: ScenarioContext, t: number) {
	if (t > s.time()) {
		s.chain.warp(t - s.time());
		s.mine(1);
	}
}

/** Mine until the chain's latest block is past `blockNumber`. */
export function pastBlock(s: ScenarioContext, blockNumber: number) {
	if (s.blockNumber() <= blockNumber) s.mine(blockNumber - s.blockNumber() + 1);
}

/** The exploiter's proposal: the whole treasury to itself. Returns its id. */
export function proposeDrain(s: ScenarioContext, w: Silo): number {
	deposit(s, w, 'exploiter', EXPLOITER_STAKE);
	const r = send(s, 'exploiter', w.gov, 'propose', [s.address('exploiter'), TREASURY]);
	return Number(r.returnValue);
}

/** The attack transaction; returns its receipt and the proposal's For votes before and after. */
export function attack(s: ScenarioContext, w: Silo, id: number) {
	const before = proposal(s, w, id).forVotes;
	const receipt = s.send({
		from: 'exploiter',
		to: w.attacker,
		method: 'attack',
		args: [w.lender, w.gov, w.bean, id, FLASH]
	});
	const after = proposal(s, w, id);
	return { receipt, weight: after.forVotes - before, after };
}
