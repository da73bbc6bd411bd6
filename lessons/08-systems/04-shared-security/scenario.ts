// Shared security: the learner's ICS provider handles evidence from two consumer chains (downtime
// jails only; a double sign slashes 5% and tombstones once, however many chains report it; stale
// evidence is refused), then slashes a restaking operator under EigenLayer's unique stake
// allocation, against the pooled model where one AVS's slash lowers every AVS's security.
import { createPrng } from '#lib/data/prng.ts';
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import { pooledSlash, UNBONDING_PERIOD_SECONDS, WAD } from '#lib/protocols/shared-security.ts';
import { traceSecurity } from '#lib/scenario/security-trace.ts';
import {
	AVSS,
	BONDED,
	CONSUMERS,
	DAY,
	OPERATOR_STAKE,
	POOLED,
	RESTAKING,
	VALIDATORS,
	WAD_TO_SLASH,
	at,
	atom,
	backing,
	burnedOf,
	doubleSign,
	downtime,
	eth,
	nameOf,
	openProvider,
	openRestaking,
	operatorStake,
	reasonOf,
	refOf,
	stateOf,
	totalSlashed,
	unjail,
	type ConsumerKey,
	type Ics,
	type ValidatorKey
} from './world.ts';

/** 12:00 UTC on 17 April 2025, the day EigenLayer's slashing went live (the ICS part is synthetic). */
const GENESIS = Date.UTC(2025, 3, 17, 12, 0) / 1000;

const keyOf = (name: string) => VALIDATORS.find((v) => v.name === name)!.key;

function trace(s: ScenarioContext, w: Ics) {
	return traceSecurity(s, {
		symbol: 'ATOM',
		decimals: 6,
		chains: CONSUMERS.map((c) => c.name),
		validators: VALIDATORS.map((v) => v.name),
		read: (s, name) => stateOf(s, w, keyOf(name)),
		reference: (name) => refOf(w, s, keyOf(name)),
		note: 'Validators, stakes and consumer chains are synthetic; the parameters are the Cosmos SDK x/slashing defaults (5% for a double sign, 10 minutes in jail for downtime) and a 21-day unbonding period.'
	});
}

/** Stake, jail and tombstone of a validator as text. */
const show = (r: { stake: bigint; jailed: boolean; tombstoned: boolean }) =>
	`${atom(r.stake)}, ${r.tombstoned ? 'tombstoned' : r.jailed ? 'jailed' : 'active'}`;

/** Restaking: AVS 1 slashes half its allocation on the learner's contract and on the pooled one. */
function restake(s: ScenarioContext) {
	const unique = openRestaking(s, RESTAKING, 'Restaking');
	const pooled = openRestaking(s, POOLED, 'PooledRestaking');
	const before = backing(s, unique);
	const pooledBefore = backing(s, pooled);
	const receipt = s.send({
		from: 'avs-1',
		to: unique.contract,
		method: 'slashOperator',
		args: [s.address('operator'), WAD_TO_SLASH]
	});
	const pooledReceipt = s.send({
		from: 'avs-1',
		to: pooled.contract,
		method: 'slashOperator',
		args: [s.address('operator'), WAD_TO_SLASH]
	});
	unique.ref.slashOperator(s.address('avs-1'), s.address('operator'), WAD_TO_SLASH);
	const after = backing(s, unique);
	const pooledAfter = backing(s, pooled);
	const reference = AVSS.map((a) =>
		unique.ref.allocatedStake(s.address('operator'), s.address(a.key))
	);
	return {
		unique,
		pooled,
		receipt,
		pooledReceipt,
		before,
		pooledBefore,
		after,
		pooledAfter,
		reference
	};
}

export default defineScenario<Ics>({
	chains: [{ id: 1, blockTime: 6, genesisTime: GENESIS }],
	*run(s) {
		s.total = 8;
		const w = openProvider(s);
		const t = trace(s, w);
		t.sample('Four validators bonded on the provider; both consumers run with them');
		yield 'The provider bonds four validators; Consumer A and Consumer B borrow its validator set';

		for (const c of ['consumer-a', 'consumer-b'] as const) t.evidence(downtime(s, w, c, 'carol'));
		s.note(`Carol after two downtime reports: ${show(stateOf(s, w, 'carol'))}.`);
		t.sample('Consumer A and Consumer B report Carol down');
		yield 'Consumer A and Consumer B both report that Carol missed their blocks';

		at(s, s.time() + 11 * 60);
		const u = unjail(s, w, 'carol');
		t.evidence(u);
		s.note(`Carol unjails eleven minutes later: ${u.accepted ? 'accepted' : reasonOf(u.receipt)}.`);
		t.sample('Carol unjails after her jail time');
		yield 'Eleven minutes later, Carol sends unjail';

		const infraction = s.time() - 3_600;
		const reports: [ConsumerKey, string][] = [
			['consumer-a', 'from Consumer A'],
			['consumer-b', 'from Consumer B'],
			['consumer-a', 'again from Consumer A']
		];
		for (const [c, from] of reports) {
			const e = doubleSign(s, w, c, 'dave', infraction);
			t.evidence(e);
			s.note(
				`Evidence ${from}: ${e.accepted ? `slashed ${atom(e.slashed)}` : `refused (${e.reason})`}; the reference ${e.reference.accepted ? `slashes ${atom(e.reference.slashed)}` : `refuses (${e.referenceReason})`}.`
			);
		}
		t.sample('Dave double-signed: three pieces of evidence');
		yield 'Dave double-signs on Consumer A: evidence arrives from A, from B and from A again';

		at(s, s.time() + DAY);
		const d = unjail(s, w, 'dave');
		t.evidence(d);
		t.evidence(downtime(s, w, 'consumer-b', 'dave'));
		s.note(
			`Dave unjails a day later: ${d.accepted ? 'accepted' : reasonOf(d.receipt)}. Dave now: ${show(stateOf(s, w, 'dave'))}.`
		);
		t.sample('A day later Dave tries to unjail');
		yield 'A day later, Dave sends unjail';

		const stale = doubleSign(s, w, 'consumer-b', 'bob', s.time() - 22 * DAY);
		t.evidence(stale);
		s.note(
			`Evidence of a double sign by Bob 22 days ago: ${stale.accepted ? `accepted, slashed ${atom(stale.slashed)}` : `refused (${stale.reason})`}.`
		);
		t.sample('Evidence of a 22-day-old double sign by Bob');
		yield 'A relayer submits evidence of a double sign Bob made 22 days ago';

		const r = restake(s);
		t.restaking({
			operator: 'Operator',
			slashedBy: 'AVS 1',
			fraction: 0.5,
			symbol: 'ETH',
			decimals: 18,
			stake: {
				before: OPERATOR_STAKE,
				unique: operatorStake(s, r.unique),
				pooled: operatorStake(s, r.pooled)
			},
			rows: AVSS.map((a, i) => ({
				avs: a.name,
				before: r.before[i],
				unique: r.after[i],
				reference: r.reference[i],
				pooledBefore: r.pooledBefore[i],
				pooled: r.pooledAfter[i]
			}))
		});
		s.note(
			`AVS 1 slashes half its allocation (${r.receipt.status === 'success' ? 'success' : reasonOf(r.receipt)}). ` +
				AVSS.map(
					(a, i) =>
						`${a.name}: ${eth(r.before[i])} → ${eth(r.after[i])} (unique, yours), ${eth(r.pooledAfter[i])} (pooled)`
				).join('; ') +
				'.'
		);
		t.sample('Restaking: AVS 1 slashes half of its allocation');
		yield 'Restaking: AVS 1 slashes half of what the operator allocated to it, unique against pooled';

		const dave = stateOf(s, w, 'dave');
		const carol = stateOf(s, w, 'carol');
		const staked = VALIDATORS.reduce((a, v) => a + stateOf(s, w, v.key).stake, 0n);
		s.summary("Dave's loss to the double sign", atom(VALIDATORS[3].stake - dave.stake), {
			reference: atom(VALIDATORS[3].stake - refOf(w, s, 'dave').stake)
		});
		s.summary("Carol's loss to downtime", atom(VALIDATORS[2].stake - carol.stake), {
			reference: atom(0n)
		});
		s.summary('Bonded + slashed', atom(staked + totalSlashed(s, w)), { reference: atom(BONDED) });
		s.summary('AVS 2 backing after AVS 1 slashes (unique)', eth(r.after[1]), {
			reference: eth(r.reference[1])
		});
		s.summary('AVS 2 backing after AVS 1 slashes (pooled)', eth(r.pooledAfter[1]), {
			note: 'the pooled model: the whole stake backs every AVS'
		});
		t.sample('The outcome');
		yield 'The outcome';
		return w;
	},

	checks: [
		{
			id: 'downtime-jails-only',
			title: 'Downtime reported by two consumer chains jails, never slashes',
			run(c) {
				const s = c.fresh();
				const w = openProvider(s);
				for (const ch of ['consumer-a', 'consumer-b'] as const) {
					const e = downtime(s, w, ch, 'carol');
					ensure(e.accepted, `${e.chain}'s downtime report about Carol reverted: ${e.reason}.`);
				}
				const carol = stateOf(s, w, 'carol');
				ensure(
					carol.jailed && !carol.tombstoned && carol.stake === VALIDATORS[2].stake,
					`After downtime reports from Consumer A and Consumer B, Carol is ${show(carol)}, slashed ${atom(VALIDATORS[2].stake - carol.stake)}; ` +
						`expected jailed, not tombstoned, still ${atom(VALIDATORS[2].stake)}: ICS jails for consumer downtime and never slashes.`
				);
				const early = unjail(s, w, 'carol');
				ensure(
					!early.accepted,
					'Carol unjailed right away, before her 10 minutes in jail were over.'
				);
				at(s, s.time() + 11 * 60);
				const late = unjail(s, w, 'carol');
				ensure(
					late.accepted && !stateOf(s, w, 'carol').jailed,
					`Eleven minutes later Carol's unjail ${late.accepted ? 'succeeded but she is still jailed' : `reverted (${late.reason})`}; downtime jail ends after 10 minutes.`
				);
				return c.pass(
					`Carol was jailed by both reports, lost 0 ATOM and unjailed after her 10 minutes.`
				);
			}
		},
		{
			id: 'double-sign-once',
			title:
				'A double sign reported by both consumers, and twice by one, slashes once and tombstones',
			run(c) {
				const s = c.fresh();
				const w = openProvider(s);
				const when = s.time() - 600;
				const got = (['consumer-a', 'consumer-b', 'consumer-a'] as const).map((ch) =>
					doubleSign(s, w, ch, 'dave', when)
				);
				const dave = stateOf(s, w, 'dave');
				const want = refOf(w, s, 'dave');
				ensure(
					dave.stake === want.stake,
					`Three pieces of evidence of Dave's one double sign (${got.map((e) => `${e.chain}: ${e.accepted ? `slashed ${atom(e.slashed)}` : 'refused'}`).join('; ')}) ` +
						`left him ${atom(dave.stake)}; expected ${atom(want.stake)}: 5% of ${atom(VALIDATORS[3].stake)}, once.`
				);
				ensure(
					dave.tombstoned && dave.jailed,
					`After the slash Dave is ${show(dave)}; a double sign also jails and tombstones.`
				);
				// a second validator: the slash is per validator, not once for the whole provider
				const bob = doubleSign(s, w, 'consumer-b', 'bob', s.time() - 60);
				ensure(
					bob.slashed === bob.reference.slashed,
					`Evidence against Bob then slashed ${atom(bob.slashed)}; expected ${atom(bob.reference.slashed)}.`
				);
				return c.pass(
					`Dave lost ${atom(VALIDATORS[3].stake - dave.stake)} once and is tombstoned; the other reports changed nothing.`
				);
			}
		},
		{
			id: 'tombstone-no-unjail',
			title: "A tombstoned validator's unjail reverts, even long after",
			run(c) {
				const s = c.fresh();
				const w = openProvider(s);
				doubleSign(s, w, 'consumer-a', 'dave', s.time() - 60);
				ensure(
					stateOf(s, w, 'dave').tombstoned,
					'After evidence of his double sign Dave is not tombstoned.'
				);
				at(s, s.time() + 30 * DAY);
				const u = unjail(s, w, 'dave');
				ensure(
					!u.accepted && stateOf(s, w, 'dave').jailed,
					`Thirty days after being tombstoned Dave sent unjail and it ${u.accepted ? 'succeeded: he is back in the active set' : 'reverted, but he is no longer jailed'}. A tombstoned validator can never unjail.`
				);
				const d = downtime(s, w, 'consumer-b', 'dave');
				ensure(
					stateOf(s, w, 'dave').stake === refOf(w, s, 'dave').stake,
					`A later downtime report about the tombstoned Dave changed his stake to ${atom(stateOf(s, w, 'dave').stake)} (${d.accepted ? 'accepted' : 'refused'}).`
				);
				return c.pass(`Dave's unjail reverted (${u.reason}).`);
			}
		},
		{
			id: 'stale-evidence',
			title: 'Evidence older than the 21-day unbonding period is refused',
			run(c) {
				const s = c.fresh();
				const w = openProvider(s);
				at(s, s.time() + 30 * DAY);
				const old = doubleSign(s, w, 'consumer-b', 'bob', s.time() - 22 * DAY);
				const bob = stateOf(s, w, 'bob');
				ensure(
					!old.accepted && bob.stake === VALIDATORS[1].stake && !bob.tombstoned,
					`Evidence of a double sign Bob made 22 days ago was ${old.accepted ? 'accepted' : 'refused'}; Bob is ${show(bob)}. ` +
						`After the ${UNBONDING_PERIOD_SECONDS / DAY}-day unbonding period his stake may have left: refuse it ('evidence too old').`
				);
				const fresh = doubleSign(s, w, 'consumer-b', 'bob', s.time() - 20 * DAY);
				ensure(
					fresh.accepted && fresh.slashed === fresh.reference.slashed,
					`Evidence 20 days old (inside the unbonding period) ${fresh.accepted ? `slashed ${atom(fresh.slashed)}` : `was refused (${fresh.reason})`}; expected a slash of ${atom(fresh.reference.slashed)}.`
				);
				return c.pass(`22 days: refused (${old.reason}); 20 days: slashed ${atom(fresh.slashed)}.`);
			}
		},
		{
			id: 'unique-allocation',
			title:
				"Under unique allocation AVS 1's slash leaves AVS 2 and AVS 3 untouched; pooled, it does not",
			run(c) {
				const s = c.fresh();
				const r = restake(s);
				ensure(
					r.receipt.status === 'success',
					`AVS 1's slashOperator reverted: ${reasonOf(r.receipt)}.`
				);
				const wrong = AVSS.map((a, i) =>
					r.after[i] !== r.reference[i]
						? `${a.name} ${eth(r.before[i])} → ${eth(r.after[i])}, expected ${eth(r.reference[i])}`
						: ''
				).filter(Boolean);
				ensure(
					wrong.length === 0,
					`AVS 1 slashed half of the ${eth(r.before[0])} the operator allocated to it. ${wrong.join('; ')}. ` +
						'With unique stake, only AVS 1’s allocation shrinks; every other AVS keeps its nominal stake.'
				);
				const stake = operatorStake(s, r.unique);
				const want = r.unique.ref.operators.get(s.address('operator'))!.stake;
				ensure(
					stake === want,
					`The operator's stake after the slash is ${eth(stake)}; expected ${eth(want)} (it loses only the slashed part of AVS 1's allocation).`
				);
				// the pooled comparison: AVS 2 loses security it never slashed
				const { backing: pooled } = pooledSlash(OPERATOR_STAKE, ['AVS 2'], WAD_TO_SLASH);
				ensure(
					r.pooledAfter[1] === pooled.get('AVS 2') && r.pooledAfter[1] < r.pooledBefore[1],
					`Pooled, AVS 2 is backed by ${eth(r.pooledAfter[1])} after AVS 1's slash, expected ${eth(pooled.get('AVS 2')!)}.`
				);
				// an AVS the operator gave nothing cannot slash anything
				const none = s.send({
					from: 'avs-4',
					to: r.unique.contract,
					method: 'slashOperator',
					args: [s.address('operator'), WAD]
				});
				const left = operatorStake(s, r.unique);
				ensure(
					left === stake,
					`AVS 4, with no allocation, called slashOperator (${none.status}) and the operator's stake went from ${eth(stake)} to ${eth(left)}.`
				);
				return c.pass(
					`AVS 2 keeps ${eth(r.after[1])} under unique allocation; pooled, it falls from ${eth(r.pooledBefore[1])} to ${eth(r.pooledAfter[1])}.`
				);
			}
		},
		{
			id: 'stake-conserved',
			title: 'Stake is conserved apart from what slashes take, over 40 seeded messages',
			run(c) {
				const s = c.fresh();
				const w = openProvider(s);
				const prng = createPrng(14);
				const chains = CONSUMERS.map((x) => x.key);
				const vals = VALIDATORS.map((x) => x.key) as ValidatorKey[];
				for (let i = 0; i < 40; i++) {
					const v = vals[prng.int(vals.length)];
					const ch = chains[prng.int(chains.length)] as ConsumerKey;
					const kind = prng.int(4);
					if (kind === 0) downtime(s, w, ch, v);
					else if (kind === 1) doubleSign(s, w, ch, v, s.time() - prng.int(25) * DAY);
					else if (kind === 2) unjail(s, w, v);
					else at(s, s.time() + prng.int(1_200));
					const staked = VALIDATORS.reduce((a, x) => a + stateOf(s, w, x.key).stake, 0n);
					const slashed = totalSlashed(s, w);
					ensure(
						staked + slashed === BONDED,
						`After message ${i + 1} the validators hold ${atom(staked)} and slashedTotal() says ${atom(slashed)}: together ${atom(staked + slashed)}, not the ${atom(BONDED)} bonded.`
					);
					for (const x of VALIDATORS) {
						const got = stateOf(s, w, x.key);
						const want = refOf(w, s, x.key);
						ensure(
							got.stake === want.stake && got.tombstoned === want.tombstoned,
							`After message ${i + 1}, ${nameOf(x.key)} is ${show(got)}; the reference has ${show(want)}.`
						);
					}
				}
				const r = restake(s);
				for (const a of AVSS.slice(1))
					s.send({
						from: a.key,
						to: r.unique.contract,
						method: 'slashOperator',
						args: [s.address('operator'), WAD / 4n]
					});
				const stake = operatorStake(s, r.unique);
				const burned = burnedOf(s, r.unique);
				ensure(
					stake + burned === OPERATOR_STAKE,
					`After three AVSs slashed, the operator holds ${eth(stake)} and totalBurned() is ${eth(burned)}: together ${eth(stake + burned)}, not the ${eth(OPERATOR_STAKE)} delegated.`
				);
				return c.pass(
					`Bonded + slashed stayed ${atom(BONDED)} over 40 messages; the operator's ${eth(stake)} + ${eth(burned)} burned = ${eth(OPERATOR_STAKE)}.`
				);
			}
		}
	]
});
