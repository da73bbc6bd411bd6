// Alice bridges 10 TOK to Bob, Mallory calls mint herself, the relayer goes down while Alice
// bridges 5 TOK to Carol with a 60 s timeout, then Bob burns 4 wTOK back to Dave on chain A.
import type { RiskCard } from '#lib/model/bridge.ts';
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import {
	A,
	B,
	CHAINS,
	E,
	inFlight,
	lockFor,
	locked,
	openBridge,
	tok,
	tokOf,
	whyFailed,
	wrapped,
	wtokOf,
	type Bridge
} from './world.ts';

/** Supply at the end of one step, in TOK wei (wTOK has the same 18 decimals). */
type Sample = { step: number; label: string; locked: bigint; wrapped: bigint; inFlight: bigint };

/** What the run hands the checks: the bridge and the supply at the end of every step. */
type Run = { bridge: Bridge; samples: Sample[] };

const TIMEOUT_SECONDS = 60;
/** Blocks chain B mines while the relayer is down: 40 blocks of 2 s, 80 s on chain B's clock. */
const OUTAGE_BLOCKS = 40;
const FAR = 3600;

/** The relayer's call for lock `nonce`, as it would deliver it (for checks that probe mint). */
function deliver(
	s: ScenarioContext,
	b: Bridge,
	from: string,
	to: string,
	amount: bigint,
	nonce: bigint,
	timeout: number
) {
	return s.send({
		chainId: B,
		from,
		to: b.mint,
		method: 'mint',
		args: [s.address(to, B), amount, nonce, BigInt(timeout)]
	});
}

const sampleBroken = (x: Sample) => x.wrapped !== x.locked - x.inFlight;

/** Minted nonces on B with no Locked of that nonce on A, in the blocks up to these heads. */
function unlockedMints(s: ScenarioContext, b: Bridge, heads: { a: number; b: number }) {
	const lockedNonces = new Set(
		s
			.logs({ chainId: A, event: 'Locked', address: b.lock })
			.filter((l) => l.blockNumber <= heads.a)
			.map((l) => String(l.args.nonce))
	);
	return s
		.logs({ chainId: B, event: 'Minted', address: b.mint })
		.filter((l) => l.blockNumber <= heads.b && !lockedNonces.has(String(l.args.nonce)));
}

export default defineScenario<Run>({
	chains: CHAINS,
	*run(s) {
		const b = openBridge(s, true);
		const samples: Sample[] = [];
		const labels: string[] = [];
		s.bot('supply-sampler', () => {
			samples.push({
				step: s.step,
				label: labels[s.step] ?? '',
				locked: locked(s, b),
				wrapped: wrapped(s, b),
				inFlight: inFlight(s, b)
			});
		});
		const step = (label: string) => (labels[s.step] = label);
		s.trackBalances(
			['alice', 'bob', 'carol', 'dave', 'mallory'],
			[s.token(b.token, 'TOK', A), s.mapAsset(b.mint, 'balances', 'wTOK', 18, B)]
		);
		yield step('Chain A gets TOK and your BridgeLock, chain B your BridgeMint (wTOK)');

		lockFor(s, b, 'alice', 'bob', 10n * E, s.time(B) + FAR);
		yield step('Alice locks 10 TOK on chain A for Bob on chain B');

		s.mine(1, A);
		yield step('One more block on chain A confirms the lock: the relayer calls mint on chain B');

		const forged = deliver(s, b, 'mallory', 'mallory', 50n * E, 77n, s.time(B) + FAR);
		s.note(
			`Mallory calls mint(mallory, 50 wTOK, nonce 77) herself: ${forged.status}` +
				`${forged.error ? ` (${forged.error.message})` : ''}. Nothing was locked for it on chain A.`
		);
		yield step('Mallory calls mint on chain B herself, for a lock that never happened');

		b.out.bot.enabled = false;
		const timeout = s.time(B) + TIMEOUT_SECONDS;
		lockFor(s, b, 'alice', 'carol', 5n * E, timeout);
		s.note(
			`The relayer is down. Alice's lock for Carol times out at chain B's time ${timeout} ` +
				`(chain B reads ${s.time(B)} now).`
		);
		yield step('The relayer goes down; Alice locks 5 TOK for Carol with a 60 s timeout');

		s.mine(1, A);
		s.mine(OUTAGE_BLOCKS, B);
		s.note(`Chain B's clock reads ${s.time(B)}: past the timeout of Alice's lock for Carol.`);
		yield step('80 s pass on chain B with the relayer still down');

		b.out.bot.enabled = true;
		yield step('The relayer comes back and delivers the late message');

		s.send({
			chainId: B,
			from: 'bob',
			to: b.mint,
			method: 'burn',
			args: [s.address('dave', A), 4n * E]
		});
		yield step('Bob burns 4 wTOK on chain B; the relayer releases 4 TOK to Dave on chain A');

		const broken = samples.find(sampleBroken);
		s.summary('Locked on chain A', tok(locked(s, b)), { reference: tok(6n * E) });
		s.summary('Wrapped on chain B', tok(wrapped(s, b), 'wTOK'), { reference: tok(6n * E, 'wTOK') });
		s.summary(
			'Supply invariant (wrapped = locked - in flight)',
			broken ? `broken from step ${broken.step + 1}` : 'held at every step',
			{ reference: 'held at every step' }
		);
		s.summary('Alice: TOK back from the timed-out lock', tok(refundedTo(s, b, 'alice')), {
			reference: tok(5n * E)
		});
		s.overview.bridge!.risk = riskCard(forged.status === 'success', broken === undefined);
		return { bridge: b, samples };
	},

	checks: [
		{
			id: 'only-relayer-mints',
			title: 'Only the relayer can tell chain B that a lock happened',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const b = openBridge(s);
				const forged = deliver(s, b, 'mallory', 'mallory', 50n * E, 0n, s.time(B) + FAR);
				c.assert(
					forged.status === 'reverted',
					`Mallory called mint(mallory, 50 wTOK, nonce 0) on chain B with nothing locked on chain A, ` +
						`and it succeeded: she now holds ${tok(wtokOf(s, b, 'mallory'), 'wTOK')} backed by nothing. ` +
						'Chain B cannot read chain A; only the relayer watches it. Refuse any other caller.'
				);
				const lockTx = lockFor(s, b, 'alice', 'bob', 3n * E, s.time(B) + FAR);
				c.assert(
					lockTx.status === 'success',
					`Alice's lock of 3 TOK failed: ${whyFailed(lockTx)}.`
				);
				const real = deliver(s, b, 'relayer', 'bob', 3n * E, 0n, s.time(B) + FAR);
				c.assert(
					real.status === 'success' && wtokOf(s, b, 'bob') === 3n * E,
					`The relayer delivered Alice's lock #0 (3 TOK for Bob): expected Bob to get 3 wTOK; ` +
						`the mint ${whyFailed(real)} and Bob holds ${tok(wtokOf(s, b, 'bob'), 'wTOK')}.`
				);
				return c.pass(
					`Mallory's mint reverted ("${forged.error?.message}"); the relayer's minted 3 wTOK.`
				);
			}
		},
		{
			id: 'supply-invariant',
			title: 'At every step, wrapped on chain B = locked on chain A - in flight',
			run(c: CheckContext<Run>) {
				const { samples, bridge } = c.result;
				c.assert(samples.length === c.steps.length, 'The run stopped early; see the console.');
				for (const x of samples) {
					if (!sampleBroken(x)) continue;
					const head = c.steps[x.step].heads;
					const heads = { a: head[0].number, b: head[1].number };
					const orphans = unlockedMints(c.final, bridge, heads);
					const why = orphans.length
						? ` Chain B minted for nonce ${orphans.map((l) => String(l.args.nonce)).join(', ')}, which was never locked on chain A.`
						: ' More was minted or released than was locked, or a lock was refunded and minted both.';
					return c.fail(
						`Step ${x.step + 1} (${x.label}): wrapped on chain B is ${tok(x.wrapped, 'wTOK')}, but locked on ` +
							`chain A is ${tok(x.locked)} with ${tok(x.inFlight)} in flight, so it should be ` +
							`${tok(x.locked - x.inFlight, 'wTOK')}.${why}`
					);
				}
				return c.pass(`Wrapped = locked - in flight at all ${samples.length} steps.`);
			}
		},
		{
			id: 'late-message-not-minted',
			title: 'A message that reaches chain B at or after its timeout mints nothing',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const b = openBridge(s);
				const timeout = s.time(B) + TIMEOUT_SECONDS;
				lockFor(s, b, 'alice', 'carol', 5n * E, timeout);
				s.mine(TIMEOUT_SECONDS / 2 - 1, B); // the next block lands exactly at the timeout
				const late = deliver(s, b, 'relayer', 'carol', 5n * E, 0n, timeout);
				const at = s.time(B);
				c.assert(
					wtokOf(s, b, 'carol') === 0n,
					`Alice's lock for Carol timed out at ${timeout}; the relayer delivered it in chain B's block ` +
						`of time ${at} (at the timeout, which counts as too late: >=), and Carol got ` +
						`${tok(wtokOf(s, b, 'carol'), 'wTOK')}. Chain A may refund that lock now, so chain B must not mint it.`
				);
				const timedOut = s.logs({ chainId: B, event: 'TimedOut', address: b.mint });
				c.assert(
					late.status === 'success' &&
						timedOut.length === 1 &&
						String(timedOut[0].args.nonce) === '0',
					`The late message should succeed without minting and emit TimedOut { to, amount, nonce: 0 }, so ` +
						`the relayer can carry it to chain A; the call ${whyFailed(late)} and emitted ${timedOut.length} TimedOut.`
				);
				const again = deliver(s, b, 'relayer', 'carol', 5n * E, 0n, timeout);
				c.assert(
					again.status === 'reverted' && wtokOf(s, b, 'carol') === 0n,
					'The relayer delivered the timed-out lock #0 a second time: expected a revert (it was processed).'
				);
				const early = s.time(B) + TIMEOUT_SECONDS;
				lockFor(s, b, 'alice', 'carol', 2n * E, early);
				const onTime = deliver(s, b, 'relayer', 'carol', 2n * E, 1n, early);
				c.assert(
					onTime.status === 'success' && wtokOf(s, b, 'carol') === 2n * E,
					`A lock delivered before its timeout must still mint: Carol holds ${tok(wtokOf(s, b, 'carol'), 'wTOK')}, expected 2 wTOK (${whyFailed(onTime)}).`
				);
				return c.pass(
					'The message delivered at its timeout minted nothing and emitted TimedOut; one in time minted.'
				);
			}
		},
		{
			id: 'timed-out-refunded',
			title: 'A timed-out lock is refunded once, to whoever locked it',
			run(c: CheckContext<Run>) {
				const back = refundedTo(c.final, c.result.bridge, 'alice');
				c.assert(
					back === 5n * E,
					`In the run, Alice's 5 TOK lock for Carol timed out, but Alice got ${tok(back)} back (Refunded events ` +
						'on chain A). Expected 5 TOK: chain B refuses the late message with TimedOut, and the relayer calls refund.'
				);
				const s = c.fresh();
				const b = openBridge(s);
				lockFor(s, b, 'alice', 'carol', 5n * E, s.time(B) + FAR);
				// a second lock, so a double refund would have tokens to take
				lockFor(s, b, 'alice', 'bob', 7n * E, s.time(B) + FAR);
				const before = tokOf(s, b, 'alice');
				const stranger = s.send({
					chainId: A,
					from: 'mallory',
					to: b.lock,
					method: 'refund',
					args: [0n]
				});
				c.assert(
					stranger.status === 'reverted' && tokOf(s, b, 'alice') === before,
					'Mallory called refund(0) on chain A: only the relayer knows that chain B timed the lock out, so it must revert.'
				);
				const once = s.send({
					chainId: A,
					from: 'relayer',
					to: b.lock,
					method: 'refund',
					args: [0n]
				});
				const twice = s.send({
					chainId: A,
					from: 'relayer',
					to: b.lock,
					method: 'refund',
					args: [0n]
				});
				const gained = tokOf(s, b, 'alice') - before;
				c.assert(
					once.status === 'success' && twice.status === 'reverted' && gained === 5n * E,
					`The relayer called refund(0) twice for Alice's 5 TOK lock: expected the first to pay her 5 TOK and ` +
						`the second to revert; the first ${whyFailed(once)}, the second ${whyFailed(twice)}, and she got ${tok(gained)}.`
				);
				c.assert(
					locked(s, b) === 7n * E,
					`After refunding the 5 TOK lock, the BridgeLock holds ${tok(locked(s, b))}; expected the ` +
						"7 TOK of Alice's other lock, for Bob."
				);
				return c.pass("Alice got her 5 TOK back once; a second refund and a stranger's reverted.");
			}
		}
	]
});

/**
 * The bridge graded on L2BEAT's bridge fields (values and colours as l2beat/l2beat
 * packages/config/src/common/bridgeRiskView.ts gives them: Wrapped is bad): who validates a message (here one relayer key, or
 * nobody when anyone may mint) and what the destination token is (a wrapped IOU).
 */
function riskCard(anyoneMints: boolean, backed: boolean): RiskCard {
	return {
		name: 'your bridge',
		rows: [
			anyoneMints
				? {
						field: 'Validated by',
						value: 'Nobody',
						level: 'bad',
						because:
							"Anyone can call mint on chain B: Mallory's mint for a lock that never happened succeeded."
					}
				: {
						field: 'Validated by',
						value: 'Third party (one relayer key)',
						level: 'bad',
						because:
							"Chain B mints on the relayer's word alone: whoever holds that one key can mint wTOK with nothing locked."
					},
			{
				field: 'Destination token',
				value: 'Wrapped (wTOK)',
				level: 'bad',
				because:
					'wTOK is an IOU issued by your BridgeMint: it is worth TOK only while BridgeLock holds the TOK behind it.'
			},
			{
				field: 'Backing in this run',
				value: backed ? 'Held at every step' : 'Broken',
				level: backed ? 'good' : 'bad',
				because: backed
					? 'Wrapped on chain B equalled locked on chain A minus in flight at every step.'
					: 'At some step more wTOK circulated than TOK was locked for it (see the supply view).'
			}
		]
	};
}

/** TOK Refunded to `who` by the BridgeLock, over the whole run. */
function refundedTo(s: ScenarioContext, b: Bridge, who: string): bigint {
	const address = s.address(who, A).toLowerCase();
	return s
		.logs({ chainId: A, event: 'Refunded', address: b.lock })
		.filter((l) => String(l.args.to).toLowerCase() === address)
		.reduce((sum, l) => sum + (l.args.amount as bigint), 0n);
}
