// Walt, a whale, proposes a 50% exit fee on the vault and passes it alone. The proposal goes
// through the learner's Timelock: Walt tries to execute at once and one second before eta; Alice,
// who voted against, withdraws during the delay; Walt executes at eta; Bob withdraws after.
// The checks drive the Timelock directly from an admin account, against the reference model.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import { traceProposal } from '#lib/scenario/governance-trace.ts';
import {
	GRACE_PERIOD,
	GovernanceClock,
	MAXIMUM_DELAY,
	MINIMUM_DELAY,
	Timelock as RefTimelock,
	type TimelockCall
} from '#lib/protocols/governor.ts';
import { formatTokens } from '#lib/model/units.ts';
import {
	DAY,
	E18,
	GENESIS,
	GovernanceWorld,
	QUORUM_VOTES,
	TIMELOCK_DELAY,
	attempt,
	comp,
	reasonOf
} from '../bravo.ts';

const LOCK = 'contracts/Timelock.ts';
const VAULT = 'contracts/Vault.ts';
const ETH = E18;
const eth = (wei: bigint) => formatTokens(wei, 'ETH');
const K = (n: number) => BigInt(n) * 1_000n * E18;
const DESCRIPTION = 'Set the vault’s exit fee to 50%';
const FEE = '5000';
/** Illustrative holders: Walt alone is over the quorum. */
const HOLDERS = { walt: K(500), alice: K(30), bob: K(20) };
const DEPOSIT = 100n * ETH;

/** Move the clock so the next block is at `t` (unix seconds), never back. */
function nextAt(s: ScenarioContext, t: number) {
	if (t > s.time()) s.chain.warp(t - s.time());
}

/** A duration in seconds as `1 day 23:59:00`, `14 days`, `12 s`. */
function span(seconds: number): string {
	if (seconds < 60) return `${seconds} s`;
	const days = Math.floor(seconds / DAY);
	const rest = seconds - days * DAY;
	const hms = new Date(rest * 1000).toISOString().slice(11, 19);
	const d = days ? `${days} day${days === 1 ? '' : 's'}` : '';
	return rest ? `${d}${d ? ' ' : ''}${hms}` : d;
}

/** Time relative to eta, in words: `eta`, `eta - 12 s`, `eta + 14 days + 1 s`. */
function rel(t: number, eta: number): string {
	const d = t - eta;
	if (d === 0) return 'eta';
	const g = d - GRACE_PERIOD;
	if (g === 0) return 'eta + 14 days';
	if (Math.abs(g) < DAY) return `eta + 14 days ${g > 0 ? '+' : '-'} ${span(Math.abs(g))}`;
	return `eta ${d > 0 ? '+' : '-'} ${span(Math.abs(d))}`;
}
type Result = {
	aliceGot: bigint | null;
	bobGot: bigint | null;
	/** unix seconds of the first successful execute, or null */
	executedAt: number | null;
	eta: number;
};

/** A Timelock of the learner's with an account as admin, a vault behind it and the model beside. */
function lockWorld(c: CheckContext<unknown>, delay = TIMELOCK_DELAY) {
	const s = c.fresh();
	const lock = s.deploy(LOCK, { from: 'deployer', args: [s.address('admin'), delay] });
	const vault = s.deploy(VAULT, { from: 'deployer', args: [lock] });
	const clock = new GovernanceClock(s.blockNumber(), s.time(), s.chain.blockTime);
	const ref = new RefTimelock(clock, 'admin', delay);
	const call = (data: string): TimelockCall => ({
		target: vault,
		value: 0n,
		signature: 'setExitFee',
		data
	});
	/** `method` from `from` at unix time `t` on both; did each succeed? */
	function act(
		from: string,
		method: 'queueTransaction' | 'executeTransaction',
		data: string,
		eta: number,
		t: number
	) {
		nextAt(s, t);
		const receipt = s.send({ from, to: lock, method, args: [vault, 0n, 'setExitFee', data, eta] });
		clock.block = s.blockNumber();
		clock.timestamp = s.time();
		const r = attempt(() =>
			method === 'queueTransaction'
				? ref.queueTransaction(from, call(data), eta)
				: ref.executeTransaction(from, call(data), eta)
		);
		if (s.time() !== t) throw new Error(`the chain could not reach ${t} (at ${s.time()})`);
		return { receipt, ref: r, time: s.time() };
	}
	const fee = () => Number(s.view(vault, 'exitFeeBps'));
	return { s, lock, vault, act, fee };
}

/** The learner's call did what the reference did. */
function same(
	c: CheckContext<unknown>,
	what: string,
	r: ReturnType<ReturnType<typeof lockWorld>['act']>
) {
	const ok = r.receipt.status === 'success';
	if (r.ref.ok)
		c.assert(ok, `${what} should work, but your Timelock reverted: ${reasonOf(r.receipt)}.`);
	else c.assert(!ok, `${what} should revert (${r.ref.reason}), but your Timelock accepted it.`);
}

export default defineScenario<Result>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 10;
		const w = new GovernanceWorld(s, {
			file: 'contracts/Governor.ts',
			rules: 'bravo',
			holders: HOLDERS
		});
		const lock = s.deploy(LOCK, { from: 'deployer', args: [w.governor, TIMELOCK_DELAY] });
		const init = s.send({ from: 'deployer', to: w.governor, method: 'initialize', args: [lock] });
		if (init.status !== 'success') throw new Error(`initialize failed: ${reasonOf(init)}`);
		const vault = s.deploy(VAULT, { from: 'deployer', args: [lock] });
		for (const who of ['alice', 'bob']) {
			s.chain.setBalance(s.address(who), DEPOSIT + 10n * ETH);
			const r = s.send({ from: who, to: vault, method: 'deposit', value: DEPOSIT });
			if (r.status !== 'success') throw new Error(`deposit failed: ${reasonOf(r)}`);
		}
		w.sync();
		s.trackBalances(['alice', 'bob', vault], [s.native()]);
		yield {
			label: 'Walt, Alice and Bob hold COMP; Alice and Bob each keep 100 ETH in the vault',
			notes: [
				`Walt ${comp(HOLDERS.walt)}, Alice ${comp(HOLDERS.alice)}, Bob ${comp(HOLDERS.bob)}; quorum 400,000 COMP For.`,
				'The vault’s exit fee is 0; only the timelock can change it.'
			]
		};

		const action: TimelockCall = { target: vault, value: 0n, signature: 'setExitFee', data: FEE };
		const made = w.tx('walt', w.governor, 'propose', [DESCRIPTION, vault, 'setExitFee', FEE], () =>
			w.ref.propose('walt', [action])
		);
		if (made.receipt.status !== 'success' || !made.ref.ok)
			throw new Error(`propose failed: ${reasonOf(made.receipt)}`);
		const id = made.ref.value;
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
			label: 'Walt proposes a 50% exit fee',
			notes: [`startBlock ${w.ref.proposal(id)!.startBlock}.`]
		};

		const p = w.ref.proposal(id)!;
		w.mineTo(p.startBlock);
		for (const [who, support] of [
			['walt', 1],
			['alice', 0],
			['bob', 0]
		] as const) {
			const r = w.vote(who, id, support);
			trace.vote({
				voter: who[0].toUpperCase() + who.slice(1),
				support,
				weight: r.weight,
				receipt: r.receipt
			});
		}
		yield {
			label: 'Walt votes For; Alice and Bob vote Against',
			notes: ['500,000 For against 50,000: Walt passes it alone.']
		};

		w.mineTo(p.endBlock + 1);
		const q = w.queue('walt', id);
		if (q.receipt.status !== 'success') throw new Error(`queue failed: ${reasonOf(q.receipt)}`);
		const eta = w.ref.proposal(id)!.eta;
		yield {
			label: 'The vote is over; Walt queues the proposal in your Timelock',
			notes: [`eta ${eta}: 2 days after the queue. Until then anyone who disagrees can leave.`]
		};

		let executedAt: number | null = null;
		const tryExecute = () => {
			const r = w.execute('walt', id);
			if (r.receipt.status === 'success' && executedAt === null) executedAt = s.time();
			return `${r.receipt.status === 'success' ? 'Your Timelock executes it: the fee is now 50%.' : `Your Timelock refuses: ${reasonOf(r.receipt)}.`} Reference: ${r.ref.ok ? 'executes' : r.ref.reason}.`;
		};
		yield { label: 'Walt tries to execute at once', notes: [tryExecute()] };

		nextAt(s, eta - DAY);
		const alice = s.send({ from: 'alice', to: vault, method: 'withdraw' });
		const aliceGot = alice.status === 'success' ? (alice.returnValue as bigint) : null;
		yield {
			label: 'One day before eta, Alice, who voted against, withdraws',
			notes: [
				aliceGot === null
					? `Her withdraw reverts: ${reasonOf(alice)}.`
					: `She gets ${eth(aliceGot)} back of her 100 ETH.`
			]
		};

		nextAt(s, eta - 12);
		yield { label: 'One block (12 s) before eta, Walt tries again', notes: [tryExecute()] };

		nextAt(s, eta);
		yield { label: 'At eta, Walt executes', notes: [tryExecute()] };

		const bob = s.send({ from: 'bob', to: vault, method: 'withdraw' });
		const bobGot = bob.status === 'success' ? (bob.returnValue as bigint) : null;
		yield {
			label: 'Bob, who stayed, withdraws after the change',
			notes: [
				bobGot === null
					? `His withdraw reverts: ${reasonOf(bob)}.`
					: `He gets ${eth(bobGot)} back of his 100 ETH.`
			]
		};

		s.summary(
			'Alice’s withdrawal during the delay',
			aliceGot === null ? 'reverted' : eth(aliceGot),
			{ reference: eth(DEPOSIT) }
		);
		s.summary('Bob’s withdrawal after execution', bobGot === null ? 'reverted' : eth(bobGot), {
			reference: eth(DEPOSIT / 2n)
		});
		s.summary('Executed at', executedAt === null ? 'never' : rel(executedAt, eta), {
			reference: 'eta',
			note: `eta = queue time + ${TIMELOCK_DELAY / DAY} days`
		});
		return { aliceGot, bobGot, executedAt, eta };
	},
	checks: [
		{
			id: 'delay-bounds',
			title: 'The delay must lie within MINIMUM_DELAY (2 days) and MAXIMUM_DELAY (30 days)',
			run(c) {
				const s = c.fresh();
				const clock = new GovernanceClock();
				for (const [delay, what] of [
					[MINIMUM_DELAY - 1, '2 days less 1 s'],
					[MINIMUM_DELAY, 'exactly 2 days'],
					[MAXIMUM_DELAY, 'exactly 30 days'],
					[MAXIMUM_DELAY + 1, '30 days and 1 s']
				] as const) {
					let deployed = true;
					let why = '';
					try {
						s.deploy(LOCK, { from: 'deployer', args: [s.address('admin'), delay] });
					} catch (error) {
						deployed = false;
						why = error instanceof Error ? error.message : String(error);
					}
					const ref = attempt(() => new RefTimelock(clock, 'admin', delay));
					if (ref.ok)
						c.assert(
							deployed,
							`A delay of ${what} is allowed, but your constructor reverted: ${why}.`
						);
					else
						c.assert(
							!deployed,
							`A delay of ${what} must be refused (${ref.reason}), but your Timelock deployed.`
						);
				}
				return c.pass('2 days less 1 s and 30 days and 1 s are refused; 2 and 30 days deploy.');
			}
		},
		{
			id: 'queue-needs-delay',
			title: 'queueTransaction needs eta >= now + delay, from the admin only',
			run(c) {
				const t = lockWorld(c);
				const now = t.s.time() + 60;
				same(
					c,
					'Queueing with eta = now + delay - 1 s',
					t.act('admin', 'queueTransaction', FEE, now + TIMELOCK_DELAY - 1, now)
				);
				same(
					c,
					'Queueing with eta = now + delay',
					t.act('admin', 'queueTransaction', FEE, now + 60 + TIMELOCK_DELAY, now + 60)
				);
				same(
					c,
					'Queueing from an account that is not the admin',
					t.act('mallory', 'queueTransaction', '100', now + 120 + TIMELOCK_DELAY, now + 120)
				);
				return c.pass(
					'eta one second short of the delay is refused; eta = now + delay is queued; only the admin queues.'
				);
			}
		},
		{
			id: 'no-early-execute',
			title: 'A queued call cannot run before eta; at eta it runs',
			run(c) {
				const t = lockWorld(c);
				const now = t.s.time() + 60;
				const eta = now + TIMELOCK_DELAY;
				t.act('admin', 'queueTransaction', FEE, eta, now);
				// the same call queued a minute later for its own eta: blocks are 12 s apart, so eta - 1 s
				// and eta get a call each
				const eta2 = eta + 60;
				t.act('admin', 'queueTransaction', FEE, eta2, now + 60);
				for (const at of [now + 120, eta - 1]) {
					same(
						c,
						`Executing at ${rel(at, eta)}`,
						t.act('admin', 'executeTransaction', FEE, eta, at)
					);
					c.assert(
						t.fee() === 0,
						`At ${rel(at, eta)} the vault's fee must still be 0; it is ${t.fee()} bps: your Timelock ran the call early.`
					);
				}
				same(
					c,
					'Executing the second call at its eta',
					t.act('admin', 'executeTransaction', FEE, eta2, eta2)
				);
				c.assert(
					t.fee() === 5000,
					`After executing at eta the vault's fee should be 5,000 bps; it is ${t.fee()}.`
				);
				return c.pass('Refused a minute after the queue and at eta - 1 s; the fee changes at eta.');
			}
		},
		{
			id: 'stale-after-grace',
			title: 'Executable until eta + GRACE_PERIOD inclusive, stale after; only what was queued',
			run(c) {
				const t = lockWorld(c);
				const now = t.s.time() + 60;
				const eta = now + TIMELOCK_DELAY;
				t.act('admin', 'queueTransaction', FEE, eta, now);
				const eta2 = eta + 60;
				t.act('admin', 'queueTransaction', '6000', eta2, now + 60);
				same(
					c,
					'Executing a call never queued (another eta)',
					t.act('admin', 'executeTransaction', FEE, eta + 1, eta)
				);
				same(
					c,
					'Executing at exactly eta + 14 days',
					t.act('admin', 'executeTransaction', FEE, eta, eta + GRACE_PERIOD)
				);
				same(
					c,
					'Executing at eta + 14 days + 1 s',
					t.act('admin', 'executeTransaction', '6000', eta2, eta2 + GRACE_PERIOD + 1)
				);
				c.assert(
					t.fee() === 5000,
					`The stale call must not run: the fee should stay 5,000 bps, it is ${t.fee()}.`
				);
				return c.pass(
					'Runs at eta + 14 days; stale one second later; an unqueued call never runs.'
				);
			}
		},
		{
			id: 'exit-during-delay',
			title: 'In the run, the fee cannot change before eta, so Alice leaves with all 100 ETH',
			run(c) {
				const { aliceGot, executedAt, eta } = c.result;
				c.assert(
					executedAt === null || executedAt >= eta,
					`Walt executed the proposal at ${rel(executedAt ?? 0, eta)}, before eta: a timelock that runs a passed proposal early leaves no time to exit.`
				);
				c.assert(
					aliceGot === DEPOSIT,
					`Alice withdrew during the delay and should get ${eth(DEPOSIT)}; she got ${aliceGot === null ? 'nothing (reverted)' : eth(aliceGot)}.`
				);
				return c.pass(
					`Alice got ${eth(DEPOSIT)} back a day before eta; the fee changed at ${rel(executedAt ?? eta, eta)}.`
				);
			}
		}
	]
});
