// Seven travellers insure LX 180 on seven days; the status oracle reports each arrival and the
// learner's contract pays the selected option from the pool. Mallory reports her own flight, and
// the oracle repeats one report.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { PayoutTable } from '#lib/model/insurance.ts';
import {
	calculatePayouts,
	flightStatusOutcome,
	payoutOption as referenceOption
} from '#lib/protocols/etherisc-flight-delay.ts';
import {
	OPTIONS,
	PREMIUM,
	XDAI,
	payoutTable,
	reasonOf,
	series,
	xdai,
	type Flight
} from '../flights.ts';

const FILE = 'contracts/FlightDelay.ts';
const ORACLE = 'oracle';
const POOL_FUNDS = 1_000n * XDAI;

/** LX 180's statistics, the sample data of the GIF v3 tests (not published flight data). */
const LX180: Flight = {
	name: 'LX 180 ZRH-BKK',
	statistics: [20n, 2n, 5n, 3n, 1n, 0n],
	source:
		'the sample statistics of the GIF v3 tests, etherisc/gif-next 495114db test/examples/flight/FlightPricing.t.sol 28-40 (not published flight data)',
	synthetic: true
};
/** Its 0.1.6 table for a 15 xDAI premium: what the ratings oracle underwrites every policy with. */
const TABLE = calculatePayouts(PREMIUM, LX180.statistics, '0.1.6').payouts;

/** One report of the run (illustrative arrivals, not flight data). */
type Report = { who: string; day: string; status: string; delay: number; from?: string };
const REPORTS: Report[] = [
	{ who: 'ana', day: '4 Nov', status: 'L', delay: 14 },
	{ who: 'ben', day: '5 Nov', status: 'L', delay: 15 },
	{ who: 'chen', day: '6 Nov', status: 'L', delay: 44 },
	{ who: 'dana', day: '7 Nov', status: 'L', delay: 45 },
	{ who: 'eli', day: '8 Nov', status: 'C', delay: 0 },
	{ who: 'fay', day: '9 Nov', status: 'A', delay: 0 },
	{ who: 'fay', day: '9 Nov', status: 'D', delay: 0 },
	{ who: 'mallory', day: '10 Nov', status: 'C', delay: 0, from: 'mallory' },
	{ who: 'dana', day: '7 Nov', status: 'L', delay: 45 }
];
const TRAVELLERS = ['ana', 'ben', 'chen', 'dana', 'eli', 'fay', 'mallory'];
const DAY: Record<string, string> = Object.fromEntries(REPORTS.map((r) => [r.who, r.day] as const));
const name = (who: string) => who[0].toUpperCase() + who.slice(1);
const STATUS: Record<string, string> = {
	C: 'C (cancelled)',
	D: 'D (diverted)',
	A: 'A (still in the air)'
};
/** A report as text: `L (landed), 45 min late`, `C (cancelled)`, `X (unknown status)`. */
const showReport = (status: string, delay: number) =>
	status === 'L'
		? `L (landed), ${delay < 0 ? `${-delay} min early` : `${delay} min late`}`
		: (STATUS[status] ?? `${status} (unknown status)`);

type Product = { address: string; ids: Record<string, number> };

/** Deploy the product, fund the pool, and sell `who` a policy each, underwritten with `table`. */
function open(s: ScenarioContext, who: string[], table: bigint[]): Product {
	const address = s.deploy(FILE, { from: 'deployer', args: [s.address(ORACLE)] });
	s.chain.setBalance(s.address('riskpool'), POOL_FUNDS + XDAI);
	const funded = s.send({ from: 'riskpool', to: address, value: POOL_FUNDS });
	if (funded.status !== 'success') throw new Error(`funding the pool failed: ${reasonOf(funded)}`);
	const ids: Record<string, number> = {};
	for (const traveller of who) {
		const r = s.send({
			from: traveller,
			to: address,
			method: 'applyForPolicy',
			args: [`LX 180 on ${DAY[traveller] ?? 'a day'}`],
			value: PREMIUM
		});
		if (r.status !== 'success') throw new Error(`applyForPolicy failed: ${reasonOf(r)}`);
		ids[traveller] = r.returnValue as number;
		const u = s.send({
			from: ORACLE,
			to: address,
			method: 'underwrite',
			args: [ids[traveller], table]
		});
		if (u.status !== 'success') throw new Error(`underwrite failed: ${reasonOf(u)}`);
	}
	return { address, ids };
}

/** What one report did: its receipt, what the insured received, and the policy's state after. */
function report(
	s: ScenarioContext,
	p: Product,
	who: string,
	status: string,
	delay: number,
	from = ORACLE
) {
	const before = s.balance(who);
	const receipt = s.send({
		from,
		to: p.address,
		method: 'flightStatusCallback',
		args: [p.ids[who], status, delay]
	});
	const fee = from === who ? receipt.fee : 0n;
	const paid = s.balance(who) + fee - before;
	const state = (s.view(p.address, 'policyOf', [p.ids[who]]) as { state: string }).state;
	return { receipt, paid, state };
}

/** The learner's payoutOption, or a note when it throws or returns something else. */
function optionOf(
	s: ScenarioContext,
	p: Product,
	status: string,
	delay: number
): number | null | string {
	const value = s.view(p.address, 'payoutOption', [status, delay]);
	return value === null || typeof value === 'number' ? value : `returned ${String(value)}`;
}

/** A test table with a different amount per option (1 to 5 xDAI), so the option paid shows. */
const TEST_TABLE = [1n, 2n, 3n, 4n, 5n].map((n) => n * XDAI);

/**
 * For each (status, delay): payoutOption equals the reference's, and a report on a fresh policy
 * pays that option of the test table (or nothing, leaving the policy as the rule says).
 */
function judge(c: CheckContext<Product>, cases: [string, number][], hint: string): string[] {
	const s = c.fresh();
	const who = cases.map((_, i) => `traveller${i + 1}`);
	const p = open(s, who, TEST_TABLE);
	const done: string[] = [];
	cases.forEach(([status, delay], i) => {
		const want = referenceOption(status, delay);
		const where = `A report of ${showReport(status, delay)}`;
		const got = optionOf(s, p, status, delay);
		const label = (o: number | null) => (o === null ? 'null (no option)' : `${o} (${OPTIONS[o]})`);
		c.assert(
			got === want,
			`${where}: payoutOption should be ${label(want)}, yours gives ${typeof got === 'string' ? got : label(got)}.${hint}`
		);
		const outcome = flightStatusOutcome(status, delay);
		const amount = outcome.kind === 'payout' ? TEST_TABLE[outcome.option] : 0n;
		const r = report(s, p, who[i], status, delay);
		c.assert(
			r.receipt.status === 'success',
			`${where} from the oracle reverted: ${reasonOf(r.receipt)}.`
		);
		c.assert(
			r.paid === amount,
			`${where}, with a test table paying 1 to 5 xDAI for options 0 to 4: the insured should receive ${xdai(amount)}, received ${xdai(r.paid)}.${hint}`
		);
		const state =
			outcome.kind === 'payout' ? 'paidOut' : outcome.kind === 'expire' ? 'expired' : 'active';
		c.assert(
			r.state === state,
			`${where}: the policy should be '${state}' afterwards, it is '${r.state}'.` +
				(state === 'active'
					? ' A status the contract cannot settle leaves the policy open for a later report.'
					: '')
		);
		done.push(`${status} ${delay}: ${label(want)}`);
	});
	return done;
}

export default defineScenario({
	*run(s) {
		s.total = REPORTS.length + 2;
		const p = open(s, TRAVELLERS, TABLE);
		s.trackBalances([...TRAVELLERS, 'FlightDelay'], [s.native('xDAI')]);
		const tables: PayoutTable[] = [];
		s.overview.insurance = { payoutTables: tables };
		const policyTable = () =>
			series('policy', 'Policy table (0.1.6)', 'xDAI', 18, {
				weight: calculatePayouts(PREMIUM, LX180.statistics, '0.1.6').weight,
				payouts: TABLE
			});
		tables.push(payoutTable(s.step, LX180, [policyTable()], undefined, '15 xDAI'));
		yield {
			label: `The pool holds 1,000 xDAI; ${TRAVELLERS.length} travellers buy a 15 xDAI policy on LX 180 each`,
			notes: [
				`The ratings oracle underwrites every policy with LX 180's 0.1.6 table: ${TABLE.map((t) => xdai(t)).join(', ')}.`
			]
		};

		let paidOut = 0n;
		const expected = new Map<string, bigint>();
		const received = new Map<string, bigint>();
		for (const [k, r] of REPORTS.entries()) {
			const from = r.from ?? ORACLE;
			const poolBefore = s.balance(p.address);
			const got = report(s, p, r.who, r.status, r.delay, from);
			const option = optionOf(s, p, r.status, r.delay);
			paidOut += poolBefore - s.balance(p.address);
			received.set(r.who, (received.get(r.who) ?? 0n) + got.paid);
			// the reference: the oracle's first report on an active policy settles it, nothing else pays
			const outcome = flightStatusOutcome(r.status, r.delay);
			const settledBefore = REPORTS.slice(0, k).some(
				(q) =>
					q.who === r.who &&
					(q.from ?? ORACLE) === ORACLE &&
					!['recheck', 'unprocessable'].includes(flightStatusOutcome(q.status, q.delay).kind)
			);
			const owed =
				from === ORACLE && !settledBefore && outcome.kind === 'payout' ? TABLE[outcome.option] : 0n;
			expected.set(r.who, (expected.get(r.who) ?? 0n) + owed);
			const by = from === ORACLE ? 'the oracle' : name(from);
			tables.push(
				payoutTable(
					s.step,
					{ ...LX180, name: `${name(r.who)}'s policy, LX 180 on ${r.day}` },
					[policyTable()],
					{
						report: `${showReport(r.status, r.delay)} (from ${by})`,
						// a report that reverted selected nothing, whatever payoutOption says
						option: got.receipt.status === 'success' && typeof option === 'number' ? option : null,
						paid:
							got.receipt.status === 'success'
								? xdai(got.paid)
								: `${xdai(got.paid)} (the report reverted: ${got.receipt.error?.message ?? 'no reason'})`
					},
					'15 xDAI'
				)
			);
			yield {
				label: `${from === ORACLE ? `The oracle reports ${name(r.who)}'s` : `${name(from)} reports her own`} flight: ${showReport(r.status, r.delay)}`,
				notes: [
					got.receipt.status === 'success'
						? `${name(r.who)} received ${xdai(got.paid)}; the policy is now ${got.state}.`
						: `The report reverted: ${reasonOf(got.receipt)}. The policy is ${got.state}.`,
					`Reference: ${owed > 0n ? `pays ${xdai(owed)}` : 'pays nothing'}.`
				]
			};
		}
		for (const who of TRAVELLERS) {
			const reports = REPORTS.filter((r) => r.who === who).map((r) =>
				showReport(r.status, r.delay)
			);
			s.summary(`${name(who)} received`, xdai(received.get(who) ?? 0n), {
				reference: xdai(expected.get(who) ?? 0n),
				note: `${reports.join(', then ')}${who === 'mallory' ? ', reported by Mallory herself' : ''}`
			});
		}
		s.summary('Paid out by the pool', xdai(paidOut), {
			reference: xdai([...expected.values()].reduce((a, b) => a + b, 0n))
		});
		s.summary('Premiums collected', xdai(BigInt(TRAVELLERS.length) * PREMIUM));
		return p;
	},
	checks: [
		{
			id: 'boundary-15',
			title: 'Landing 14 minutes late pays nothing; 15 minutes selects option 0 (15-29 min)',
			run(c) {
				const done = judge(
					c,
					[
						['L', -5],
						['L', 0],
						['L', 14],
						['L', 15]
					],
					" Option 0 is 'L' with delay >= 15 && delay < 30."
				);
				return c.pass(
					`Early, on time and 14 minutes expire the policy; 15 selects option 0: ${done.join('; ')}.`
				);
			}
		},
		{
			id: 'boundary-30',
			title: '29 minutes is still option 0; 30 minutes selects option 1 (30-44 min)',
			run(c) {
				const done = judge(
					c,
					[
						['L', 29],
						['L', 30]
					],
					" Option 1 is 'L' with delay >= 30 && delay < 45."
				);
				return c.pass(`The 30-minute boundary holds: ${done.join('; ')}.`);
			}
		},
		{
			id: 'boundary-45',
			title: '44 minutes is still option 1; 45 minutes or more selects option 2',
			run(c) {
				const done = judge(
					c,
					[
						['L', 44],
						['L', 45],
						['L', 201]
					],
					" Option 2 is 'L' with delay >= 45, however late."
				);
				return c.pass(`The 45-minute boundary holds: ${done.join('; ')}.`);
			}
		},
		{
			id: 'status-codes',
			title:
				"Cancelled and diverted pay options 3 and 4; 'A' and unknown statuses leave the policy open",
			run(c) {
				const done = judge(
					c,
					[
						['C', 0],
						['D', 90],
						['A', 50],
						['X', 60],
						['l', 60]
					],
					" 'C' is option 3 and 'D' option 4 whatever the delay; only 'L' looks at the delay; statuses compare exactly ('l' is not 'L')."
				);
				// a policy left open by 'A' is settled by the oracle's next report
				const s = c.fresh();
				const p = open(s, ['fay'], TEST_TABLE);
				report(s, p, 'fay', 'A', 0);
				const later = report(s, p, 'fay', 'L', 45);
				c.assert(
					later.paid === TEST_TABLE[2],
					`After an 'A' report (still in the air), the oracle reports L 45 min: the insured should receive ${xdai(TEST_TABLE[2])}, received ${xdai(later.paid)} (${later.receipt.status === 'success' ? `policy ${later.state}` : reasonOf(later.receipt)}).`
				);
				return c.pass(`${done.join('; ')}; after 'A', a later L 45 report pays option 2.`);
			}
		},
		{
			id: 'no-double-payout',
			title: 'A policy pays out once, however many reports follow',
			run(c) {
				const s = c.fresh();
				const p = open(s, ['dana', 'ben'], TABLE);
				const first = report(s, p, 'dana', 'L', 45);
				c.assert(
					first.paid === TABLE[2],
					`The oracle reports L 45 min for Dana: she should receive ${xdai(TABLE[2])}, received ${xdai(first.paid)}. Write the payout first.`
				);
				const again = report(s, p, 'dana', 'L', 45);
				const cancel = report(s, p, 'dana', 'C', 0);
				const extra = again.paid + cancel.paid;
				c.assert(
					extra === 0n,
					`After her payout the oracle reports Dana's flight again (L 45 min, then C): she received ${xdai(extra)} more. A settled policy must not pay again.`
				);
				const expired = report(s, p, 'ben', 'L', 10);
				const late = report(s, p, 'ben', 'C', 0);
				c.assert(
					expired.state === 'expired' && late.paid === 0n,
					`Ben's flight lands 10 minutes late, so his policy expires; a later report (C) paid him ${xdai(late.paid)} and left the policy '${late.state}'. An expired policy is settled too.`
				);
				return c.pass('Dana is paid once; reports after a payout or an expiry pay nothing.');
			}
		},
		{
			id: 'only-oracle',
			title: 'Only the oracle may report a flight status',
			run(c) {
				const s = c.fresh();
				const p = open(s, ['mallory'], TABLE);
				for (const from of ['mallory', 'stranger']) {
					const r = report(s, p, 'mallory', 'C', 0, from);
					c.assert(
						r.receipt.status === 'reverted' && r.paid === 0n,
						`${from === 'mallory' ? 'Mallory reports her own flight' : "A stranger reports Mallory's flight"} as cancelled: ` +
							`the report should revert, but it ${r.receipt.status === 'reverted' ? 'reverted' : 'succeeded'} and paid ${xdai(r.paid)}. Compare msg.sender with the oracle first.`
					);
				}
				const real = report(s, p, 'mallory', 'L', 50);
				c.assert(
					real.receipt.status === 'success' && real.paid === TABLE[2],
					`The oracle's own report (L 50 min) should pay ${xdai(TABLE[2])}: ${real.receipt.status === 'success' ? `it paid ${xdai(real.paid)}` : `it reverted (${reasonOf(real.receipt)})`}.`
				);
				return c.pass("Mallory's and a stranger's reports revert; the oracle's report pays.");
			}
		}
	]
});
