// The concentration lab: the learner's Nakamoto coefficient, Gini and HHI over UNI's genesis
// allocation (Uniswap, 16 September 2020) and over a synthetic community, checked against the
// reference; then 15 small holders delegate to three delegates and the votes' Nakamoto
// coefficient falls while no balance moves.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ConcentrationDistribution } from '#lib/model/concentration.ts';
import { distribution, measures, referenceMeasures } from '#lib/scenario/concentration.ts';
import {
	gini as refGini,
	hhi as refHhi,
	nakamotoCoefficient,
	type Threshold
} from '#lib/protocols/concentration.ts';
import { GovernanceClock, VotesToken } from '#lib/protocols/votes-token.ts';
import { COMMUNITY, HALF, THIRD, UNIT, UNI_BUCKETS, UNI_SOURCE } from './distributions.ts';

const FILE = 'contracts/Concentration.ts';
const VOTES = 'contracts/Votes.ts';
const COMMUNITY_SOURCE = 'Synthetic community of 20 holders, labelled as such';

type Raw = { nakamoto: number; gini: [bigint, bigint]; hhi: number };
type Lab = { calc: string; token: string; votes: string };

const uniStakes = () => UNI_BUCKETS.map((b) => b.uni * UNIT);
const balancesOf = () => COMMUNITY.map((m) => m.balance);

/** The learner's three measures of `stakes`, each call a transaction (so the receipts show them). */
function learnerRaw(s: ScenarioContext, calc: string, stakes: bigint[], t: Threshold): Raw {
	const call = (method: string, args: unknown[]) => {
		const r = s.send({ from: 'analyst', to: calc, method, args });
		if (r.status !== 'success')
			throw new Error(`${method} reverted: ${r.error?.message ?? r.status}`);
		return r.returnValue;
	};
	const g = call('gini', [stakes]) as bigint[];
	return {
		nakamoto: Number(call('nakamoto', [stakes, t.numerator, t.denominator])),
		gini: [g?.[0], g?.[1]] as [bigint, bigint],
		hhi: Number(call('hhi', [stakes]))
	};
}

const toMeasures = (r: Raw) =>
	measures(r.nakamoto, { numerator: r.gini[0] ?? 0n, denominator: r.gini[1] ?? 0n }, r.hhi);

/** The reference's raw figures, in the learner contract's conventions (-1 for unreachable). */
function referenceRaw(stakes: bigint[], t: Threshold): Raw {
	const k = nakamotoCoefficient(stakes, t);
	const g = refGini(stakes);
	return {
		nakamoto: Number.isFinite(k) ? k : -1,
		gini: [g.numerator, g.denominator],
		hhi: refHhi(stakes)
	};
}

function deployLab(s: ScenarioContext): Lab {
	const calc = s.deploy(FILE, { from: 'analyst' });
	const total = COMMUNITY.reduce((a, m) => a + m.balance, 0n);
	const token = s.deployToken({
		name: 'Governance',
		symbol: 'GOV',
		from: 'deployer',
		supply: total
	});
	for (const m of COMMUNITY)
		s.send({
			from: 'deployer',
			to: token,
			method: 'transfer',
			args: [s.address(m.who), m.balance]
		});
	const votes = s.deploy(VOTES, { from: 'deployer', args: [token] });
	return { calc, token, votes };
}

function votesOf(s: ScenarioContext, lab: Lab): bigint[] {
	return COMMUNITY.map((m) => s.view(lab.votes, 'getCurrentVotes', [s.address(m.who)]) as bigint);
}

function onChainBalances(s: ScenarioContext, lab: Lab): bigint[] {
	return COMMUNITY.map((m) => s.view(lab.token, 'balanceOf', [s.address(m.who)]) as bigint);
}

/**
 * The community's votes after the delegations by Comp.sol's rules (the votes-token model): every
 * holder delegates to itself, then the 15 small holders to their delegate.
 */
function referenceVotes(): bigint[] {
	const model = new VotesToken(new GovernanceClock());
	for (const m of COMMUNITY) model.mint(m.who, m.balance);
	for (const m of COMMUNITY) model.delegate(m.who, m.who);
	for (const m of COMMUNITY) if (m.delegateTo !== m.who) model.delegate(m.who, m.delegateTo);
	return COMMUNITY.map((m) => model.getCurrentVotes(m.who));
}

const fmtGini = (g: [bigint, bigint]) => `${g[0]}/${g[1]}`;
const fmtK = (k: number) => (k < 0 ? 'none' : String(k));
const text = (r: Raw) => `Nakamoto ${fmtK(r.nakamoto)}, Gini ${fmtGini(r.gini)}, HHI ${r.hhi}`;

/** Compare the learner's three figures with the reference on `stakes`; a failure names the list. */
function compare(
	s: ScenarioContext,
	calc: string,
	what: string,
	stakes: bigint[],
	t: Threshold,
	only: 'nakamoto' | 'gini' | 'hhi'
) {
	const mine = learnerRaw(s, calc, stakes, t);
	const ref = referenceRaw(stakes, t);
	if (only === 'nakamoto')
		ensure(
			mine.nakamoto === ref.nakamoto,
			`${what}, more than ${t.numerator}/${t.denominator}: your nakamoto returned ${mine.nakamoto}, expected ${ref.nakamoto}.`
		);
	if (only === 'gini')
		ensure(
			mine.gini[0] === ref.gini[0] && mine.gini[1] === ref.gini[1],
			`${what}: your gini returned [${mine.gini.join(', ')}], expected [${ref.gini.join(', ')}] (a fraction in lowest terms).`
		);
	if (only === 'hhi')
		ensure(mine.hhi === ref.hhi, `${what}: your hhi returned ${mine.hhi}, expected ${ref.hhi}.`);
	return ref;
}

/** The lists every measure check runs, each with a name the failure message uses. */
const CASES: { what: string; stakes: bigint[]; t: Threshold }[] = [
	{ what: "UNI's four buckets", stakes: uniStakes(), t: HALF },
	{ what: "UNI's four buckets, smallest first", stakes: uniStakes().reverse(), t: THIRD },
	{ what: "The community's balances", stakes: balancesOf(), t: HALF },
	{
		what: 'Four equal holders of 7 units (two hold exactly half)',
		stakes: [7n, 7n, 7n, 7n],
		t: HALF
	},
	{ what: 'Shares of 30, 30, 20 and 20% (the DOJ example)', stakes: [30n, 20n, 30n, 20n], t: HALF },
	{ what: 'Stakes 1 and 199 (an HHI of exactly 9,900.5)', stakes: [199n, 1n], t: HALF },
	{ what: 'One holder of everything among four', stakes: [0n, 10n, 0n, 0n], t: HALF },
	{ what: 'A single holder', stakes: [5n * UNIT], t: HALF },
	{
		what: 'Three holders and a line of 100%',
		stakes: [3n, 2n, 1n],
		t: { numerator: 1n, denominator: 1n }
	},
	{ what: 'Every stake 0', stakes: [0n, 0n, 0n], t: HALF }
];

function measureCheck(only: 'nakamoto' | 'gini' | 'hhi') {
	return (c: {
		fresh(): ScenarioContext;
		pass(m: string): { passed: boolean; message: string };
	}) => {
		const s = c.fresh();
		const calc = s.deploy(FILE, { from: 'analyst' });
		for (const k of CASES) compare(s, calc, k.what, k.stakes, k.t, only);
		return c.pass(`Equal to the reference on all ${CASES.length} lists, UNI's buckets among them.`);
	};
}

export default defineScenario<Lab>({
	chains: [{ id: 1, blockTime: 12, genesisTime: Date.UTC(2020, 8, 16, 12) / 1000 }],
	*run(s) {
		s.total = 4;
		const lab = deployLab(s);
		const distributions: ConcentrationDistribution[] = [];

		const uni = uniStakes();
		const uniMine = learnerRaw(s, lab.calc, uni, HALF);
		distributions.push(
			distribution({
				name: "UNI at genesis, by the post's four buckets",
				source: UNI_SOURCE,
				symbol: 'UNI',
				step: 0,
				threshold: HALF,
				holders: UNI_BUCKETS.map((b) => ({ label: b.label, balance: b.uni * UNIT })),
				learner: { balances: toMeasures(uniMine) },
				note: 'Each bucket counts as one holder, as the post groups them: the community bucket (spread over more than 250,000 addresses and a treasury) weighs as one, so these figures overstate its concentration and say nothing of how the team and investor buckets are split.'
			})
		);
		s.note(`Your measures of UNI's buckets: ${text(uniMine)}.`);
		yield "UNI's genesis allocation, by the post's four buckets (Uniswap, 16 September 2020)";

		for (const m of COMMUNITY)
			s.send({ from: m.who, to: lab.votes, method: 'delegate', args: [s.address(m.who)] });
		const before = onChainBalances(s, lab);
		const votesBefore = votesOf(s, lab);
		const mineBalances = learnerRaw(s, lab.calc, before, HALF);
		const mineVotesBefore = learnerRaw(s, lab.calc, votesBefore, HALF);
		distributions.push(
			distribution({
				name: 'the community, every holder delegating to itself',
				source: COMMUNITY_SOURCE,
				symbol: 'GOV',
				step: 1,
				threshold: HALF,
				holders: COMMUNITY.map((m, i) => ({
					label: m.name,
					balance: before[i],
					votes: votesBefore[i]
				})),
				learner: { balances: toMeasures(mineBalances), votes: toMeasures(mineVotesBefore) }
			})
		);
		s.note(`Balances: ${text(mineBalances)}. Votes: ${text(mineVotesBefore)}.`);
		yield 'A community of 20 holders (synthetic); each delegates to itself';

		for (const m of COMMUNITY)
			if (m.delegateTo !== m.who)
				s.send({ from: m.who, to: lab.votes, method: 'delegate', args: [s.address(m.delegateTo)] });
		const after = onChainBalances(s, lab);
		const votesAfter = votesOf(s, lab);
		const mineAfter = learnerRaw(s, lab.calc, votesAfter, HALF);
		const mineBalancesAfter = learnerRaw(s, lab.calc, after, HALF);
		distributions.push(
			distribution({
				name: 'the community after 15 small holders delegate to Ana, Ben and Cleo',
				source: COMMUNITY_SOURCE,
				symbol: 'GOV',
				step: 2,
				threshold: HALF,
				holders: COMMUNITY.map((m, i) => ({
					label: m.name,
					balance: after[i],
					votes: votesAfter[i]
				})),
				learner: { balances: toMeasures(mineBalancesAfter), votes: toMeasures(mineAfter) },
				note: 'No balance moved: only who votes with them.'
			})
		);
		s.note(`Balances: ${text(mineBalancesAfter)}. Votes: ${text(mineAfter)}.`);
		yield 'Fifteen small holders delegate to Ana, Ben and Cleo; no balance moves';

		s.overview.concentration = { distributions };
		const ref = referenceMeasures(uni, HALF);
		s.summary('UNI buckets: Nakamoto coefficient (more than 1/2)', fmtK(uniMine.nakamoto), {
			reference: String(ref.nakamoto)
		});
		s.summary('UNI buckets: Gini', fmtGini(uniMine.gini), {
			reference: `${ref.gini.numerator}/${ref.gini.denominator}`
		});
		s.summary('UNI buckets: HHI', String(uniMine.hhi), { reference: String(ref.hhi) });
		s.summary('Community votes after delegation: Nakamoto coefficient', fmtK(mineAfter.nakamoto), {
			reference: `${referenceMeasures(votesAfter, HALF).nakamoto} (balances: ${referenceMeasures(after, HALF).nakamoto})`
		});
		yield 'The measures, yours and the reference';
		return lab;
	},

	checks: [
		{
			id: 'nakamoto',
			title: 'nakamoto: the fewest largest holders over the line',
			run: measureCheck('nakamoto')
		},
		{
			id: 'gini',
			title: 'gini: the exact Gini coefficient in lowest terms',
			run: measureCheck('gini')
		},
		{
			id: 'hhi',
			title: 'hhi: squared shares times 10,000, rounded half up',
			run: measureCheck('hhi')
		},
		{
			id: 'delegation-shift',
			title: 'After delegation your Nakamoto coefficient of votes falls while balances stay put',
			run(c) {
				const s = c.fresh();
				const lab = deployLab(s);
				for (const m of COMMUNITY)
					s.send({ from: m.who, to: lab.votes, method: 'delegate', args: [s.address(m.who)] });
				const before = onChainBalances(s, lab);
				const kBalances = learnerRaw(s, lab.calc, before, HALF).nakamoto;
				for (const m of COMMUNITY)
					if (m.delegateTo !== m.who)
						s.send({
							from: m.who,
							to: lab.votes,
							method: 'delegate',
							args: [s.address(m.delegateTo)]
						});
				const after = onChainBalances(s, lab);
				ensure(
					after.every((b, i) => b === before[i]),
					'A balance moved during delegation; delegation must move votes only.'
				);
				const votes = votesOf(s, lab);
				const expected = referenceVotes();
				ensure(
					votes.every((v, i) => v === expected[i]),
					"The chain's delegated votes differ from Comp.sol's rule; the Votes contract is not the lesson's."
				);
				const kVotes = learnerRaw(s, lab.calc, votes, HALF).nakamoto;
				const refBalances = nakamotoCoefficient(before, HALF);
				const refVotes = nakamotoCoefficient(expected, HALF);
				ensure(
					kBalances === refBalances && kVotes === refVotes,
					`Over the same balances your nakamoto gave ${kBalances} before and ${kVotes} for the delegated votes after; ` +
						`the reference gives ${refBalances} and ${refVotes}.`
				);
				return c.pass(
					`More than half of the balances needs ${kBalances} holders; more than half of the votes, ${kVotes} delegates.`
				);
			}
		}
	]
});
