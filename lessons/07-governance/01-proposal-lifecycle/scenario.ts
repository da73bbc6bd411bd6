// Alice proposes on a Governor Bravo with Compound's settings; Bob votes one block too early and
// then in time, four holders vote, Alice queues, tries to execute a second before eta, and nobody
// executes before the grace period ends. Every transaction runs on the learner's governor and on
// the reference model; the checks ask both for state(id) at the exact boundary blocks and times.
import { defineScenario, type CheckContext } from '#lib/scenario/index.ts';
import { traceProposal } from '#lib/scenario/governance-trace.ts';
import { GRACE_PERIOD } from '#lib/protocols/governor.ts';
import {
	E18,
	GENESIS,
	GovernanceWorld,
	QUORUM_VOTES,
	SUPPORT,
	TIMELOCK_DELAY,
	comp,
	displayName,
	reasonOf
} from '../bravo.ts';

const FILE = 'contracts/Governor.ts';
const K = (n: number) => BigInt(n) * 1_000n * E18;
/** Illustrative holders, COMP wei; each delegates to itself. */
const HOLDERS = { alice: K(30), bob: K(250), carol: K(180), dave: K(120), erin: K(40) };
const VOTES: [keyof typeof HOLDERS, number][] = [
	['carol', 1],
	['dave', 0],
	['erin', 2],
	['alice', 1]
];
const DESCRIPTION = 'Set the cDAI reserve factor to 15%';

const world = (c: CheckContext<unknown>, holders: Record<string, bigint> = HOLDERS) =>
	new GovernanceWorld(c.fresh(), { file: FILE, rules: 'bravo', holders });

/** The learner's state equals the reference's at the head; `where` names the block or time. */
function sameState(
	c: CheckContext<unknown>,
	w: GovernanceWorld,
	id: number,
	where: string,
	why: string
) {
	const want = w.refState(id);
	const got = w.state(id);
	c.assert(
		got === want,
		`At ${where}, state(${id}) should be '${want}'; yours gives '${got}'. ${why}`
	);
	return want;
}

/** A passed proposal of `who`'s in `w`: proposed, voted For by `voters`, its vote over. */
function passed(w: GovernanceWorld, who: string, voters: string[]) {
	const id = Number(w.propose(who, DESCRIPTION).receipt.returnValue);
	const p = w.ref.proposal(id)!;
	w.mineTo(p.startBlock);
	for (const v of voters) w.vote(v, id, 1);
	w.mineTo(p.endBlock + 1);
	return { id, p };
}

export default defineScenario<{ ok: true }>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 12;
		const w = new GovernanceWorld(s, { file: FILE, rules: 'bravo', holders: HOLDERS });
		yield {
			label: 'The treasury hands out COMP; every holder delegates to itself',
			notes: Object.entries(HOLDERS).map(
				([who, v]) => `${displayName(who)}: ${comp(v)}, self-delegated.`
			)
		};

		w.mineTo(w.s.blockNumber() + 1);
		const proposed = w.propose('alice', DESCRIPTION);
		if (proposed.receipt.status !== 'success' || !proposed.ref.ok)
			throw new Error(`propose failed: ${reasonOf(proposed.receipt)}`);
		const id = Number(proposed.receipt.returnValue);
		const p = w.ref.proposal(id)!;
		const trace = traceProposal(s, {
			title: `Proposal ${id}: ${DESCRIPTION}`,
			contract: w.governor,
			id,
			rules: 'bravo',
			reference: () => w.ref.proposal(id)!,
			quorum: QUORUM_VOTES,
			delaySeconds: TIMELOCK_DELAY
		});
		yield {
			label: `Alice proposes in block ${s.blockNumber()}: startBlock ${p.startBlock}, endBlock ${p.endBlock}`,
			notes: [`Your state(${id}): ${w.state(id)}; reference: ${w.refState(id)}.`]
		};

		w.mineTo(p.startBlock - 1);
		const early = w.vote('bob', id, 1);
		trace.vote({
			voter: 'Bob',
			support: 1,
			weight: early.weight,
			receipt: early.receipt,
			...(early.ref.ok ? {} : { referenceRevert: early.ref.reason })
		});
		yield {
			label: `Block ${s.blockNumber()} (startBlock): Bob votes For`,
			notes: [
				early.receipt.status === 'success'
					? `Your governor counts it (${comp(early.receipt.returnValue as bigint)}).`
					: `Your governor reverts: ${reasonOf(early.receipt)}.`,
				early.ref.ok ? 'Reference: counted.' : `Reference: reverts with ${early.ref.reason}.`
			]
		};

		const again = w.vote('bob', id, 1);
		trace.vote({
			voter: 'Bob',
			support: 1,
			weight: again.weight,
			receipt: again.receipt,
			...(again.ref.ok ? {} : { referenceRevert: again.ref.reason })
		});
		yield {
			label: `Block ${s.blockNumber()} (startBlock + 1): Bob votes For again`,
			notes: [
				again.receipt.status === 'success'
					? 'Your governor counts it.'
					: `Your governor reverts: ${reasonOf(again.receipt)}.`,
				again.ref.ok
					? `Reference: counted, ${comp(again.weight)}.`
					: `Reference: reverts with ${again.ref.reason}.`
			]
		};

		const notes: string[] = [];
		for (const [who, support] of VOTES) {
			const r = w.vote(who, id, support);
			trace.vote({
				voter: displayName(who),
				support,
				weight: r.weight,
				receipt: r.receipt,
				...(r.ref.ok ? {} : { referenceRevert: r.ref.reason })
			});
			notes.push(
				`${displayName(who)}: ${SUPPORT[support]} with ${comp(r.weight)}${r.receipt.status === 'success' ? '' : ` (your governor reverted: ${reasonOf(r.receipt)})`}.`
			);
		}
		yield { label: 'Carol, Dave, Erin and Alice vote', notes };

		w.mineTo(p.endBlock);
		yield {
			label: `Block ${p.endBlock} (endBlock): the vote's last block`,
			notes: [`Your state(${id}): ${w.state(id)}; reference: ${w.refState(id)}.`]
		};
		w.mineTo(p.endBlock + 1);
		yield {
			label: `Block ${p.endBlock + 1} (endBlock + 1): the vote is over`,
			notes: [`Your state(${id}): ${w.state(id)}; reference: ${w.refState(id)}.`]
		};

		const q = w.queue('alice', id);
		const eta = w.ref.proposal(id)!.eta;
		yield {
			label:
				q.receipt.status === 'success'
					? `Alice queues the proposal: eta is 2 days away`
					: 'Alice tries to queue the proposal',
			notes: [
				q.receipt.status === 'success'
					? `Your governor sets eta ${q.receipt.returnValue}.`
					: `Your governor reverts: ${reasonOf(q.receipt)}.`,
				q.ref.ok
					? `Reference: eta ${eta}, block time + ${TIMELOCK_DELAY} s.`
					: `Reference: ${q.ref.reason}.`
			]
		};

		w.s.chain.warp(eta - 1 - s.time());
		const soon = w.execute('alice', id);
		yield {
			label: 'One second before eta, Alice tries to execute',
			notes: [
				soon.receipt.status === 'success'
					? 'Your governor executes it.'
					: `Your governor reverts: ${reasonOf(soon.receipt)}.`,
				soon.ref.ok ? 'Reference: executed.' : `Reference: reverts with ${soon.ref.reason}.`
			]
		};

		{
			w.mineAt(eta + GRACE_PERIOD - 12);
			yield {
				label: 'Nobody executes; 14 days after eta less one block (12 s)',
				notes: [`Your state(${id}): ${w.state(id)}; reference: ${w.refState(id)}.`]
			};
			w.mineAt(eta + GRACE_PERIOD);
			yield {
				label: '14 days after eta: the grace period is over',
				notes: [`Your state(${id}): ${w.state(id)}; reference: ${w.refState(id)}.`]
			};
			const late = w.execute('alice', id);
			yield {
				label: 'Alice tries to execute now',
				notes: [
					late.receipt.status === 'success'
						? 'Your governor executes it.'
						: `Your governor reverts: ${reasonOf(late.receipt)}.`,
					late.ref.ok ? 'Reference: executed.' : `Reference: reverts with ${late.ref.reason}.`
				]
			};
		}

		const ref = w.ref.proposal(id)!;
		s.summary(
			'Proposal blocks',
			`proposed ${trace.timeline.proposedBlock}, startBlock ${ref.startBlock}, endBlock ${ref.endBlock}`
		);
		s.summary(
			'For / Against / Abstain',
			`${comp(ref.forVotes)} / ${comp(ref.againstVotes)} / ${comp(ref.abstainVotes)}`,
			{ note: 'reference tallies; quorum 400,000 COMP For' }
		);
		s.summary('Your state at the end', w.state(id), { reference: w.refState(id) });
		return { ok: true };
	},
	checks: [
		{
			id: 'pending-until-start',
			title: 'Pending through startBlock; voting opens at startBlock + 1',
			run(c) {
				const w = world(c);
				const id = Number(w.propose('alice', DESCRIPTION).receipt.returnValue);
				const p = w.ref.proposal(id)!;
				const why = 'A proposal is Pending while block.number <= startBlock.';
				sameState(c, w, id, `the proposal's own block (${w.s.blockNumber()})`, why);
				w.mineTo(p.startBlock);
				sameState(c, w, id, `startBlock (${p.startBlock})`, why);
				w.mineTo(p.startBlock + 1);
				sameState(
					c,
					w,
					id,
					`startBlock + 1 (${p.startBlock + 1})`,
					'Active begins the block after startBlock.'
				);
				return c.pass(`Pending through block ${p.startBlock}, Active at ${p.startBlock + 1}.`);
			}
		},
		{
			id: 'active-through-end',
			title: 'Active through endBlock; the outcome at endBlock + 1',
			run(c) {
				const w = world(c);
				const id = Number(w.propose('alice', DESCRIPTION).receipt.returnValue);
				const p = w.ref.proposal(id)!;
				w.mineTo(p.startBlock);
				w.vote('bob', id, 1);
				w.vote('carol', id, 1);
				w.mineTo(p.endBlock);
				sameState(
					c,
					w,
					id,
					`endBlock (${p.endBlock})`,
					'A proposal is Active while block.number <= endBlock.'
				);
				w.mineTo(p.endBlock + 1);
				sameState(
					c,
					w,
					id,
					`endBlock + 1 (${p.endBlock + 1}), with 430,000 COMP For and none Against`,
					'After endBlock, For > Against and For >= quorum succeeds.'
				);
				return c.pass(`Active through block ${p.endBlock}, Succeeded at ${p.endBlock + 1}.`);
			}
		},
		{
			id: 'defeated-outcomes',
			title: 'Defeated with no votes, with For under the quorum, and with a tie',
			run(c) {
				const cases: [string, Record<string, bigint>, [string, number][]][] = [
					['no votes', HOLDERS, []],
					[
						'300,000 COMP For, under the 400,000 quorum',
						{ alice: K(30), bob: K(300) },
						[['bob', 1]]
					],
					[
						'a tie, 450,000 For and 450,000 Against',
						{ alice: K(30), bob: K(450), dave: K(450) },
						[
							['bob', 1],
							['dave', 0]
						]
					],
					[
						'450,001 For against 450,000',
						{ alice: K(30), bob: K(450) + E18, dave: K(450) },
						[
							['bob', 1],
							['dave', 0]
						]
					]
				];
				const seen: string[] = [];
				for (const [what, holders, ballots] of cases) {
					const w = world(c, holders);
					const id = Number(w.propose('alice', DESCRIPTION).receipt.returnValue);
					const p = w.ref.proposal(id)!;
					w.mineTo(p.startBlock);
					for (const [v, support] of ballots) w.vote(v, id, support);
					w.mineTo(p.endBlock + 1);
					seen.push(
						`${what}: ${sameState(c, w, id, `endBlock + 1 with ${what}`, 'Defeated when forVotes <= againstVotes or forVotes < quorumVotes.')}`
					);
				}
				return c.pass(seen.join('; ') + '.');
			}
		},
		{
			id: 'queued-and-expired',
			title:
				'Queued until eta + GRACE_PERIOD - 1, Expired from eta + GRACE_PERIOD; Executed stays Executed',
			run(c) {
				// three passed proposals queued one block apart (etas 12 s apart), so each boundary time
				// gets a block of its own: blocks are 12 s apart, and eta - 1 s then eta would not be
				const w = world(c, { alice: K(30), bob: K(450), carol: K(30) });
				const a = passed(w, 'alice', ['bob']);
				const b = passed(w, 'bob', ['bob']);
				const e = passed(w, 'carol', ['bob']);
				sameState(
					c,
					w,
					a.id,
					'endBlock + 1, before queue()',
					'A passed proposal with eta = 0 is Succeeded.'
				);
				for (const [who, p] of [
					['alice', a],
					['bob', b],
					['carol', e]
				] as const) {
					const q = w.queue(who, p.id);
					c.assert(
						q.receipt.status === 'success',
						`queue(${p.id}) should work on a Succeeded proposal; yours reverted: ${reasonOf(q.receipt)}.`
					);
				}
				const eta = (id: number) => w.ref.proposal(id)!.eta;
				const at = (t: number, id: number, what: string, why: string) => {
					w.mineAt(t);
					c.assert(w.s.time() === t, `the chain could not reach ${t}`);
					return sameState(c, w, id, what, why);
				};
				const stays = 'A queued proposal stays Queued until eta + GRACE_PERIOD.';
				at(eta(a.id) - 1, a.id, 'eta - 1 s', stays);
				at(eta(b.id), b.id, 'eta', stays);
				w.s.chain.warp(eta(e.id) - w.s.time());
				const done = w.execute('carol', e.id);
				c.assert(
					done.receipt.status === 'success' && w.s.time() === eta(e.id),
					`At eta, execute(${e.id}) should work; yours reverted: ${reasonOf(done.receipt)}.`
				);
				sameState(c, w, e.id, 'eta, after execute()', 'Executed once executed.');
				const expires = 'Expired when block.timestamp >= eta + GRACE_PERIOD (Bravo line 224).';
				at(eta(a.id) + GRACE_PERIOD - 1, a.id, 'eta + 14 days - 1 s', expires);
				at(eta(b.id) + GRACE_PERIOD, b.id, 'eta + 14 days', expires);
				at(
					eta(e.id) + GRACE_PERIOD,
					e.id,
					'eta + 14 days, for the executed proposal',
					'An executed proposal never expires: check executed before the grace period.'
				);
				return c.pass(
					`Queued at eta - 1 s, eta and eta + 14 days - 1 s, Expired at eta + 14 days; the executed one stays Executed.`
				);
			}
		},
		{
			id: 'canceled',
			title: 'A canceled proposal is Canceled whatever the block',
			run(c) {
				const w = world(c);
				const id = Number(w.propose('alice', DESCRIPTION).receipt.returnValue);
				const p = w.ref.proposal(id)!;
				const r = w.cancel('alice', id);
				c.assert(
					r.receipt.status === 'success',
					`Alice may cancel her own proposal; your cancel reverted: ${reasonOf(r.receipt)}.`
				);
				sameState(c, w, id, 'the block after cancel()', 'Canceled comes first in state().');
				w.mineTo(p.endBlock + 1);
				sameState(
					c,
					w,
					id,
					`endBlock + 1 (${p.endBlock + 1})`,
					'Canceled is checked before any block number.'
				);
				return c.pass('Canceled right after cancel() and after the vote would have ended.');
			}
		}
	]
});
