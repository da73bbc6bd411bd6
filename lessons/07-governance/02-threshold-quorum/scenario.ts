// Two governors on one COMP token, one with Governor Bravo's rules and one with OpenZeppelin's:
// Carol, with exactly the threshold, proposes on both; Dave proposes on Bravo; Bob votes For with
// 399,990 COMP, Erin abstains with 10 and Frank votes Against. Every transaction runs on the
// learner's governors and on the reference model under the same rules.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import { traceProposal } from '#lib/scenario/governance-trace.ts';
import type { GovernorRules } from '#lib/protocols/governor.ts';
import {
	E18,
	GENESIS,
	GovernanceWorld,
	PROPOSAL_THRESHOLD,
	QUORUM_VOTES,
	SUPPORT,
	TIMELOCK_DELAY,
	comp,
	displayName,
	reasonOf
} from '../bravo.ts';

const FILE = 'contracts/Governor.ts';
const K = (n: number) => BigInt(n) * 1_000n * E18;
const DESCRIPTION = 'Add wstETH as collateral';
const RULES_NAME = { bravo: 'Governor Bravo', oz: 'OpenZeppelin Governor' } as const;
/** Illustrative holders, COMP wei, each self-delegated. */
const HOLDERS = {
	carol: PROPOSAL_THRESHOLD,
	dave: K(40),
	bob: 399_990n * E18,
	erin: 10n * E18,
	frank: K(100)
};
const BALLOTS: [string, number][] = [
	['bob', 1],
	['erin', 2],
	['frank', 0]
];

/** A Bravo governor and an OpenZeppelin one, on one token with `holders`. */
function pair(s: ScenarioContext, holders: Record<string, bigint>) {
	const bravo = new GovernanceWorld(s, {
		file: FILE,
		rules: 'bravo',
		holders,
		args: ['bravo'],
		name: 'Bravo'
	});
	const oz = new GovernanceWorld(
		s,
		{ file: FILE, rules: 'oz', holders, args: ['oz'], name: 'OZGovernor' },
		bravo
	);
	return { bravo, oz };
}

const rulesOf = (w: GovernanceWorld): GovernorRules => w.options.rules;

/** Propose as `who` on both the learner's and the reference governor: did each accept it? */
function tryPropose(c: CheckContext<unknown>, w: GovernanceWorld, who: string, what: string) {
	const r = w.propose(who, DESCRIPTION);
	const mine = r.receipt.status === 'success';
	const rules = RULES_NAME[rulesOf(w)];
	if (r.ref.ok)
		c.assert(
			mine,
			`Under ${rules}, ${what} may propose, but your propose() reverted: ${reasonOf(r.receipt)}.`
		);
	else
		c.assert(
			!mine,
			`Under ${rules}, ${what} may not propose (${r.ref.reason}), but your propose() accepted it.`
		);
	return r.ref.ok ? (r.ref.value as number) : null;
}

/**
 * A proposal by `proposer` voted by `ballots` [voter, support], then the learner's state after
 * endBlock against the reference's.
 */
function outcome(
	c: CheckContext<unknown>,
	w: GovernanceWorld,
	proposer: string,
	ballots: [string, number][],
	what: string
) {
	const made = w.propose(proposer, DESCRIPTION);
	c.assert(
		made.receipt.status === 'success' && made.ref.ok,
		`A proposer with 30,000 COMP should be able to propose; your propose() reverted: ${reasonOf(made.receipt)}.`
	);
	const id = made.ref.ok ? made.ref.value : 0;
	const p = w.ref.proposal(id)!;
	w.mineTo(p.startBlock);
	for (const [v, support] of ballots) w.vote(v, id, support);
	w.mineTo(p.endBlock + 1);
	const want = w.refState(id);
	const got = w.state(id);
	const counts = rulesOf(w) === 'bravo' ? 'For votes only' : 'For and Abstain votes';
	c.assert(
		got === want,
		`Under ${RULES_NAME[rulesOf(w)]}, with ${what}, the proposal should be ${want} after endBlock; yours is '${got}'. The quorum (400,000 COMP) counts ${counts}, and exactly the quorum reaches it.`
	);
	return `${what}: ${want}`;
}

export default defineScenario<{ ok: true }>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 7;
		const { bravo, oz } = pair(s, HOLDERS);
		yield {
			label: 'Two governors on one token: Bravo’s rules and OpenZeppelin’s',
			notes: Object.entries(HOLDERS).map(
				([who, v]) => `${displayName(who)}: ${comp(v)}, self-delegated.`
			)
		};

		bravo.mineTo(s.blockNumber() + 1);
		const notes: string[] = [];
		/** each governor's proposal: its id in your contract and in the reference */
		const ids = new Map<GovernanceWorld, { mine?: number; ref?: number }>();
		for (const w of [bravo, oz]) {
			const r = w.propose('carol', DESCRIPTION);
			notes.push(
				`${RULES_NAME[rulesOf(w)]}: ${r.receipt.status === 'success' ? `your governor accepts it (proposal ${r.receipt.returnValue})` : `your governor reverts (${reasonOf(r.receipt)})`}; reference: ${r.ref.ok ? 'accepts' : `reverts with ${r.ref.reason}`}.`
			);
			ids.set(w, {
				...(r.receipt.status === 'success' ? { mine: Number(r.receipt.returnValue) } : {}),
				...(r.ref.ok ? { ref: r.ref.value as number } : {})
			});
		}
		yield { label: 'Carol, with exactly 25,000 COMP, proposes on both', notes };

		// Dave proposes wherever Carol's proposal was refused (on your governor, the reference, or both)
		const traces = [];
		const dave: string[] = [];
		for (const w of [bravo, oz]) {
			const id = ids.get(w)!;
			if (id.mine === undefined) {
				const r = w.tx('dave', w.governor, 'propose', [DESCRIPTION], () => undefined);
				if (r.receipt.status === 'success') id.mine = Number(r.receipt.returnValue);
				dave.push(
					`${RULES_NAME[rulesOf(w)]}, your governor: ${r.receipt.status === 'success' ? `proposal ${id.mine}` : reasonOf(r.receipt)}.`
				);
			}
			if (id.ref === undefined) {
				w.sync();
				id.ref = w.ref.propose('dave');
				dave.push(`${RULES_NAME[rulesOf(w)]}, reference: proposal ${id.ref}.`);
			}
			if (id.mine === undefined)
				throw new Error(`your ${rulesOf(w)} governor refused every proposal`);
			const refId = id.ref;
			traces.push(
				traceProposal(s, {
					title: `${RULES_NAME[rulesOf(w)]}: ${DESCRIPTION}`,
					contract: w.governor,
					id: id.mine,
					rules: rulesOf(w),
					reference: () => w.ref.proposal(refId)!,
					quorum: QUORUM_VOTES,
					delaySeconds: TIMELOCK_DELAY
				})
			);
		}
		yield {
			label: 'Dave proposes the same where Carol could not',
			notes: dave.length ? dave : ['Carol’s proposals stand on both.']
		};

		const pick = (w: GovernanceWorld) => ids.get(w) as { mine: number; ref: number };
		/** the reference's proposals, and yours (its blocks can be one later, when Dave proposed) */
		const both = [bravo, oz].flatMap((w) => {
			const ref = w.ref.proposal(pick(w).ref)!;
			try {
				const mine = s.view(w.governor, 'proposals', [pick(w).mine]) as typeof ref;
				return [ref, { startBlock: Number(mine.startBlock), endBlock: Number(mine.endBlock) }];
			} catch {
				return [ref];
			}
		});
		bravo.mineTo(Math.max(...both.map((p) => p.startBlock)));
		const votes: string[] = [];
		for (const [who, support] of BALLOTS)
			for (const [k, w] of [bravo, oz].entries()) {
				const r = w.vote(who, pick(w).mine, support, pick(w).ref);
				traces[k].vote({
					voter: displayName(who),
					support,
					weight: r.weight,
					receipt: r.receipt,
					...(r.ref.ok ? {} : { referenceRevert: r.ref.reason })
				});
				if (k === 0) votes.push(`${displayName(who)}: ${SUPPORT[support]}, ${comp(r.weight)}.`);
			}
		yield { label: 'Bob votes For, Erin abstains, Frank votes Against, on both', notes: votes };

		bravo.mineTo(Math.max(...both.map((p) => p.endBlock)) + 1);
		const states = [bravo, oz].map((w) => ({
			rules: RULES_NAME[rulesOf(w)],
			mine: w.state(pick(w).mine),
			ref: w.refState(pick(w).ref)
		}));
		yield {
			label: 'The vote is over on both',
			notes: states.map((x) => `${x.rules}: yours ${x.mine}; reference ${x.ref}.`)
		};

		const queued = [bravo, oz].map((w) => {
			const r = w.queue('dave', pick(w).mine, pick(w).ref);
			return `${RULES_NAME[rulesOf(w)]}: ${r.receipt.status === 'success' ? 'queued' : `queue reverts (${reasonOf(r.receipt)})`}; reference: ${r.ref.ok ? 'queued' : r.ref.reason}.`;
		});
		yield { label: 'Queue both', notes: queued };
		for (const x of states) s.summary(`${x.rules}: the outcome`, x.mine, { reference: x.ref });
		s.summary(
			'For / Abstain / Against',
			`${comp(HOLDERS.bob)} / ${comp(HOLDERS.erin)} / ${comp(HOLDERS.frank)}`,
			{ note: 'quorum 400,000 COMP: For only under Bravo, For + Abstain under OpenZeppelin' }
		);
		return { ok: true };
	},
	checks: [
		{
			id: 'threshold-bravo',
			title: 'Bravo: exactly the threshold cannot propose; one wei more can',
			run(c) {
				const { bravo } = pair(c.fresh(), { p: PROPOSAL_THRESHOLD, q: PROPOSAL_THRESHOLD + 1n });
				bravo.mineTo(bravo.s.blockNumber() + 1);
				tryPropose(c, bravo, 'p', 'a proposer with exactly 25,000 COMP');
				tryPropose(c, bravo, 'q', 'a proposer with 25,000 COMP and 1 wei');
				return c.pass(
					'25,000 COMP is refused, 25,000 COMP + 1 wei proposes: votes > proposalThreshold.'
				);
			}
		},
		{
			id: 'threshold-oz',
			title: 'OpenZeppelin: exactly the threshold can propose; one wei less cannot',
			run(c) {
				const { oz } = pair(c.fresh(), { p: PROPOSAL_THRESHOLD, r: PROPOSAL_THRESHOLD - 1n });
				oz.mineTo(oz.s.blockNumber() + 1);
				tryPropose(c, oz, 'p', 'a proposer with exactly 25,000 COMP');
				tryPropose(c, oz, 'r', 'a proposer with 25,000 COMP less 1 wei');
				return c.pass('25,000 COMP proposes, 1 wei less is refused: votes >= proposalThreshold.');
			}
		},
		{
			id: 'quorum-bravo',
			title: 'Bravo: exactly 400,000 For passes, one wei less fails, and abstain does not help',
			run(c) {
				const holders = { p1: K(30), p2: K(30), p3: K(30), a: QUORUM_VOTES - 1n, w: 1n };
				const { bravo } = pair(c.fresh(), holders);
				const seen = [
					outcome(
						c,
						bravo,
						'p1',
						[
							['a', 1],
							['w', 1]
						],
						'exactly 400,000 COMP For'
					),
					outcome(c, bravo, 'p2', [['a', 1]], '400,000 COMP less 1 wei For'),
					outcome(
						c,
						bravo,
						'p3',
						[
							['a', 1],
							['w', 2]
						],
						'400,000 COMP less 1 wei For and 1 wei Abstain'
					)
				];
				return c.pass(seen.join('; ') + '.');
			}
		},
		{
			id: 'quorum-oz',
			title: 'OpenZeppelin: For + Abstain counts; exactly the quorum passes, one wei less fails',
			run(c) {
				const holders = {
					p1: K(30),
					p2: K(30),
					p3: K(30),
					a: QUORUM_VOTES - 1n,
					b: QUORUM_VOTES - 2n,
					w: 1n
				};
				const { oz } = pair(c.fresh(), holders);
				const seen = [
					outcome(
						c,
						oz,
						'p1',
						[
							['a', 1],
							['w', 2]
						],
						'400,000 COMP less 1 wei For and 1 wei Abstain'
					),
					outcome(
						c,
						oz,
						'p2',
						[
							['b', 1],
							['w', 2]
						],
						'400,000 COMP less 2 wei For and 1 wei Abstain'
					),
					outcome(c, oz, 'p3', [['a', 1]], '400,000 COMP less 1 wei For alone')
				];
				return c.pass(seen.join('; ') + '.');
			}
		}
	]
});
