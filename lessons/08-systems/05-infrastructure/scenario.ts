// Infrastructure that fails together: a validator set labelled by hosting provider and region,
// scaled to the shares the press cited for Solana in November 2022 (synthetic otherwise); the
// learner's code says how much stake is offline when providers switch off, whether the chain
// stays live (more than 2/3 online) and safe, and the Nakamoto coefficient by provider. Each step
// switches a provider off or back on.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { InfrastructureSnapshot } from '#lib/model/infrastructure.ts';
import { infrastructureOverview, infrastructureSnapshot } from '#lib/scenario/infrastructure.ts';
import {
	isLive as refIsLive,
	nakamotoByProvider as refNakamoto,
	offlineStake as refOffline,
	safetyVerdict,
	stakeBy,
	type HostedValidator
} from '#lib/protocols/infrastructure.ts';
import type { Threshold } from '#lib/protocols/concentration.ts';
import {
	EQUINIX_AWS,
	HETZNER,
	LAMPORTS_PER_SOL,
	OTHERS,
	SOURCE,
	TEN_EQUAL,
	TOTAL,
	VALIDATORS
} from './validators.ts';

const FILE = 'contracts/Infrastructure.ts';

/** The learner's contract, called by transactions so the receipts show each call. */
class Lab {
	constructor(
		private s: ScenarioContext,
		private calc: string
	) {}
	private call(method: string, args: unknown[]): unknown {
		const r = this.s.send({ from: 'analyst', to: this.calc, method, args });
		if (r.status !== 'success')
			throw new Error(`${method} reverted: ${r.error?.message ?? r.status}`);
		return r.returnValue;
	}
	offline(validators: HostedValidator[], providers: string[]): unknown {
		return this.call('offlineStake', [validators, providers]);
	}
	live(offline: bigint, total: bigint): unknown {
		return this.call('isLive', [offline, total]);
	}
	safety(byzantine: bigint, total: bigint): unknown {
		return this.call('safety', [byzantine, total]);
	}
	nakamoto(validators: HostedValidator[], t: Threshold): unknown {
		return this.call('nakamotoByProvider', [validators, t.numerator, t.denominator]);
	}
}

const deploy = (s: ScenarioContext) => new Lab(s, s.deploy(FILE, { from: 'analyst' }));

const THIRD: Threshold = { numerator: 1n, denominator: 3n };
const HALF: Threshold = { numerator: 1n, denominator: 2n };
const TWO_THIRDS: Threshold = { numerator: 2n, denominator: 3n };

/** SOL with up to 9 decimals, for messages. */
function sol(lamports: unknown): string {
	if (typeof lamports !== 'bigint') return String(lamports);
	const whole = lamports / LAMPORTS_PER_SOL;
	const frac = lamports % LAMPORTS_PER_SOL;
	const w = whole.toLocaleString('en-US');
	return frac === 0n ? `${w} SOL` : `${w}.${String(frac).padStart(9, '0').replace(/0+$/, '')} SOL`;
}
const pct = (part: bigint, total: bigint) =>
	`${(Number((part * 1_000_000n) / total) / 10_000).toLocaleString('en-US', { maximumFractionDigits: 4 })}%`;
const fmtK = (k: unknown) => (k === -1 ? 'none' : String(k));
const refK = (validators: HostedValidator[], t: Threshold) => {
	const k = refNakamoto(validators, t);
	return Number.isFinite(k) ? k : -1;
};

/** The steps of the run: the providers switched off at each, and what the step is. */
const STEPS: { label: string; removed: string[] }[] = [
	{ label: 'August 2022 shares: every provider online', removed: [] },
	{ label: 'Early November 2022: Hetzner cuts off Solana validators', removed: [HETZNER] },
	{ label: `${OTHERS[0]} fails as well`, removed: [HETZNER, OTHERS[0]] },
	{ label: `${OTHERS[1]} fails as well`, removed: [HETZNER, OTHERS[0], OTHERS[1]] },
	{ label: `${OTHERS[2]} fails as well`, removed: [HETZNER, OTHERS[0], OTHERS[1], OTHERS[2]] },
	{ label: 'Everyone is back; Equinix and AWS switch off', removed: [EQUINIX_AWS] },
	{ label: 'Hetzner, Equinix and AWS all switch off', removed: [EQUINIX_AWS, HETZNER] }
];

type Learner = NonNullable<InfrastructureSnapshot['learner']>;

function learnerStep(lab: Lab, removed: string[]): Learner {
	const offline = lab.offline(VALIDATORS, removed);
	const ok = typeof offline === 'bigint' && offline >= 0n && offline <= TOTAL;
	const live = ok ? lab.live(offline, TOTAL) : null;
	const safety = ok ? lab.safety(offline, TOTAL) : null;
	return {
		offline: typeof offline === 'bigint' ? String(offline) : null,
		live: typeof live === 'boolean' ? live : null,
		safety: typeof safety === 'string' ? safety : null
	};
}

export default defineScenario<{ steps: number }>({
	chains: [{ id: 1, blockTime: 1, genesisTime: Date.UTC(2022, 10, 2, 12) / 1000 }],
	*run(s) {
		s.total = STEPS.length + 1;
		const lab = deploy(s);
		const snapshots: InfrastructureSnapshot[] = [];
		const name = 'Solana by hosting provider, August 2022 shares';
		const meta = {
			name,
			source: SOURCE,
			symbol: 'SOL',
			decimals: 9,
			note: 'Synthetic validators: only the provider shares are cited. The press gives Equinix and AWS together, so they are one bucket here; the seven "Other host" providers and every region are made up.'
		};
		const learnerK = lab.nakamoto(VALIDATORS, THIRD);
		const kOrNull = typeof learnerK === 'number' ? learnerK : null;
		for (const [i, st] of STEPS.entries()) {
			const mine = learnerStep(lab, st.removed);
			snapshots.push(infrastructureSnapshot(VALIDATORS, i, st.label, st.removed, mine));
			s.overview.infrastructure = infrastructureOverview(VALIDATORS, meta, snapshots, kOrNull);
			const ref = snapshots[i].reference;
			s.note(
				`Switched off: ${st.removed.join(', ') || 'none'}. Your offline stake ${mine.offline === null ? 'none' : sol(BigInt(mine.offline))}; live: ${mine.live}; safety: ${mine.safety}. Reference: ${sol(BigInt(ref.offline))}, live: ${ref.live}, ${ref.safety}.`
			);
			yield st.label;
		}
		const hetzner = snapshots[1];
		const mineOff = hetzner.learner?.offline;
		s.summary(
			'Stake offline with Hetzner switched off',
			mineOff === null || mineOff === undefined ? 'no answer' : sol(BigInt(mineOff)),
			{ reference: sol(BigInt(hetzner.reference.offline)) }
		);
		const liveWord = (l: boolean | null | undefined) =>
			l === true ? 'live' : l === false ? 'halted' : 'no answer';
		s.summary(
			'Hetzner alone switched off: does the chain stay live?',
			liveWord(hetzner.learner?.live),
			{
				reference: liveWord(hetzner.reference.live)
			}
		);
		s.summary('Nakamoto coefficient by provider (more than 1/3)', fmtK(learnerK), {
			reference: String(refK(VALIDATORS, THIRD))
		});
		yield 'The figures, yours and the reference';
		return { steps: STEPS.length };
	},

	checks: [
		{
			id: 'offline-stake',
			title: 'offlineStake: the stake of the validators at the providers switched off',
			run(c) {
				const lab = deploy(c.fresh());
				const all = stakeBy(VALIDATORS).map((g) => g.name);
				const cases: { what: string; set: HostedValidator[]; removed: string[] }[] = [
					{ what: 'Hetzner switched off', set: VALIDATORS, removed: [HETZNER] },
					{ what: 'nothing switched off', set: VALIDATORS, removed: [] },
					{ what: 'Hetzner listed twice', set: VALIDATORS, removed: [HETZNER, HETZNER] },
					{ what: 'Equinix + AWS and Hetzner', set: VALIDATORS, removed: [EQUINIX_AWS, HETZNER] },
					{ what: 'every provider', set: VALIDATORS, removed: all },
					{ what: 'a provider that hosts nobody', set: VALIDATORS, removed: ['Linode'] },
					{ what: 'ten equal hosts, two off', set: TEN_EQUAL, removed: ['Host 1', 'Host 2'] }
				];
				for (const k of cases) {
					const mine = lab.offline(k.set, k.removed);
					const ref = refOffline(k.set, { providers: k.removed });
					ensure(
						mine === ref,
						`${k.what}: your offlineStake returned ${sol(mine)}, expected ${sol(ref)} (the stake of the validators hosted there).`
					);
				}
				return c.pass(
					`Equal to the reference on ${cases.length} outages; Hetzner alone is ${pct(refOffline(VALIDATORS, { providers: [HETZNER] }), TOTAL)} of the stake.`
				);
			}
		},
		{
			id: 'liveness-boundary',
			title: 'isLive: more than 2/3 of the stake online, exactly at the line',
			run(c) {
				const lab = deploy(c.fresh());
				const third = TOTAL / 3n;
				const cases: { what: string; offline: bigint; total: bigint }[] = [
					{ what: 'exactly 1/3 of 300,000,000 SOL offline', offline: third, total: TOTAL },
					{ what: 'one lamport less than 1/3 offline', offline: third - 1n, total: TOTAL },
					{ what: 'one lamport more than 1/3 offline', offline: third + 1n, total: TOTAL },
					{ what: 'nothing offline', offline: 0n, total: TOTAL },
					{ what: 'everything offline', offline: TOTAL, total: TOTAL },
					{ what: "Hetzner's 20% offline", offline: TOTAL / 5n, total: TOTAL },
					{ what: '3 of 10 lamports offline (7 vote)', offline: 3n, total: 10n },
					{ what: '4 of 10 lamports offline (6 vote)', offline: 4n, total: 10n },
					{ what: '33 of 100 offline', offline: 33n, total: 100n },
					{ what: '34 of 100 offline', offline: 34n, total: 100n }
				];
				for (const k of cases) {
					const mine = lab.live(k.offline, k.total);
					const ref = refIsLive(k.offline, k.total);
					ensure(
						mine === ref,
						`${k.what}: your isLive returned ${String(mine)}, expected ${ref} (${k.total - k.offline} of ${k.total} online ${ref ? 'is' : 'is not'} more than 2/3).`
					);
				}
				return c.pass(
					'Exactly 1/3 offline halts (2/3 online is not more than 2/3); one lamport less keeps the chain live.'
				);
			}
		},
		{
			id: 'safety-lines',
			title: 'safety: safe up to 1/3, forkable above 1/3, an own quorum above 2/3',
			run(c) {
				const lab = deploy(c.fresh());
				const third = TOTAL / 3n;
				const cases: { what: string; b: bigint }[] = [
					{ what: 'no adversary', b: 0n },
					{ what: "Hetzner's 20%", b: TOTAL / 5n },
					{ what: 'exactly 1/3', b: third },
					{ what: 'one lamport over 1/3', b: third + 1n },
					{ what: 'Hetzner, Equinix and AWS: 65%', b: (TOTAL * 65n) / 100n },
					{ what: 'exactly 2/3', b: 2n * third },
					{ what: 'one lamport over 2/3', b: 2n * third + 1n },
					{ what: 'everything', b: TOTAL }
				];
				for (const k of cases) {
					const mine = lab.safety(k.b, TOTAL);
					const ref = safetyVerdict(k.b, TOTAL);
					ensure(
						mine === ref,
						`An adversary holding ${k.what} (${sol(k.b)} of ${sol(TOTAL)}): your safety returned '${String(mine)}', expected '${ref}'.`
					);
				}
				return c.pass(
					'Safe at exactly 1/3, forkable one lamport over; an own quorum one lamport over 2/3.'
				);
			}
		},
		{
			id: 'nakamoto-by-provider',
			title: 'nakamotoByProvider: the fewest providers over the line',
			run(c) {
				const lab = deploy(c.fresh());
				const cases: { what: string; set: HostedValidator[]; t: Threshold }[] = [
					{ what: 'the Solana set, more than 1/3', set: VALIDATORS, t: THIRD },
					{ what: 'the Solana set, more than 1/2', set: VALIDATORS, t: HALF },
					{ what: 'the Solana set, more than 2/3', set: VALIDATORS, t: TWO_THIRDS },
					{
						what: 'the Solana set listed backwards, more than 1/3',
						set: [...VALIDATORS].reverse(),
						t: THIRD
					},
					{ what: 'ten equal hosts, more than 1/3', set: TEN_EQUAL, t: THIRD },
					{
						what: 'the Solana set, more than 100%',
						set: VALIDATORS,
						t: { numerator: 1n, denominator: 1n }
					},
					{ what: 'no validators', set: [], t: THIRD }
				];
				for (const k of cases) {
					const mine = lab.nakamoto(k.set, k.t);
					const ref = refK(k.set, k.t);
					ensure(
						mine === ref,
						`${k.what}: your nakamotoByProvider returned ${String(mine)}, expected ${ref} (count providers, not validators; -1 when none).`
					);
				}
				return c.pass(
					`By provider, more than 1/3 needs ${refK(VALIDATORS, THIRD)} (the Equinix + AWS bucket as the press groups it); ten equal hosts need ${refK(TEN_EQUAL, THIRD)}.`
				);
			}
		},
		{
			id: 'fail-one-by-one',
			title: 'Providers fail one by one: your functions find when the chain halts',
			run(c) {
				const lab = deploy(c.fresh());
				const paths: { what: string; set: HostedValidator[]; order: string[] }[] = [
					{
						what: 'Hetzner, then the other hosts one by one',
						set: VALIDATORS,
						order: [HETZNER, ...OTHERS]
					},
					{
						what: 'the largest providers first',
						set: VALIDATORS,
						order: stakeBy(VALIDATORS).map((g) => g.name)
					},
					{
						what: 'ten equal hosts, largest first',
						set: TEN_EQUAL,
						order: stakeBy(TEN_EQUAL).map((g) => g.name)
					}
				];
				const found: string[] = [];
				for (const p of paths) {
					const total = p.set.reduce((a, v) => a + v.stake, 0n);
					let mineAt = -1;
					let refAt = -1;
					for (let k = 1; k <= p.order.length; k++) {
						const removed = p.order.slice(0, k);
						const off = lab.offline(p.set, removed);
						const live = typeof off === 'bigint' ? lab.live(off, total) : null;
						if (mineAt < 0 && live !== true) mineAt = k;
						if (refAt < 0 && !refIsLive(refOffline(p.set, { providers: removed }), total))
							refAt = k;
					}
					ensure(
						mineAt === refAt,
						`${p.what}: with your functions the chain first halts after ${mineAt < 0 ? 'never' : `${mineAt} providers`} (${p.order.slice(0, Math.max(mineAt, 0)).join(', ')}); the reference halts after ${refAt} (${p.order.slice(0, refAt).join(', ')}).`
					);
					found.push(`${p.what}: ${refAt}`);
				}
				return c.pass(`The chain halts after: ${found.join('; ')}.`);
			}
		}
	]
});
