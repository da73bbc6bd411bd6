// Five flights' statistics through the learner's 0.1.6 calculatePayouts, each table beside the
// reference model's 0.1.6, 0.1.3 and GIF v3 tables for the same statistics.
import { createPrng } from '#lib/data/prng.ts';
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { PayoutTable } from '#lib/model/insurance.ts';
import { formatTokenAmount } from '#lib/model/units.ts';
import { calculatePayouts } from '#lib/protocols/etherisc-flight-delay.ts';
import { RevertError } from '#lib/protocols/revert.ts';
import {
	OPTIONS,
	PREMIUM,
	payoutTable,
	reasonOf,
	referenceSeries,
	series,
	showStatistics,
	tableOf,
	xdai,
	type Flight
} from '../flights.ts';

const FILE = 'contracts/PayoutTable.ts';
const SAMPLE =
	'the sample statistics of the GIF v3 tests, etherisc/gif-next 495114db test/examples/flight/FlightPricing.t.sol 28-40 (not published flight data)';
const ILLUSTRATIVE = 'illustrative statistics (synthetic, not published flight data)';

/** The run's flights; statistics are [observations, late15, late30, late45, cancelled, diverted]. */
export const FLIGHTS: Flight[] = [
	{
		name: 'LX 180 ZRH-BKK',
		statistics: [20n, 2n, 5n, 3n, 1n, 0n],
		source: SAMPLE,
		synthetic: true
	},
	{
		name: 'Flight A (often late)',
		statistics: [180n, 40n, 25n, 30n, 6n, 2n],
		source: ILLUSTRATIVE,
		synthetic: true
	},
	{
		name: 'Flight B (rarely late)',
		statistics: [60n, 5n, 1n, 0n, 0n, 0n],
		source: ILLUSTRATIVE,
		synthetic: true
	},
	{
		name: 'Flight C (odd counts)',
		statistics: [37n, 3n, 2n, 2n, 1n, 1n],
		source: ILLUSTRATIVE,
		synthetic: true
	},
	{
		name: 'Flight D (new route)',
		statistics: [9n, 1n, 0n, 1n, 0n, 0n],
		source: ILLUSTRATIVE,
		synthetic: true
	}
];

type Table = { weight: bigint; payouts: bigint[] };
/** What the learner's contract gave for some statistics: a table, or a revert (with its reason). */
type Got = { table: Table } | { reverted: string } | { odd: string };

/** Call the learner's calculatePayouts as a transaction (so the receipts view shows it). */
function callContract(s: ScenarioContext, address: string, statistics: bigint[]): Got {
	const r = s.send({
		from: 'actuary',
		to: address,
		method: 'calculatePayouts',
		args: [PREMIUM, statistics]
	});
	if (r.status !== 'success') return { reverted: reasonOf(r) };
	const table = tableOf(r.returnValue);
	return table ? { table } : { odd: `it returned ${String(r.returnValue)}` };
}

/** The reference 0.1.6 table, or the revert reason of the contract. */
function expected(statistics: bigint[]): Table | { reverted: string } {
	try {
		return calculatePayouts(PREMIUM, statistics, '0.1.6');
	} catch (error) {
		if (error instanceof RevertError) return { reverted: error.reason };
		throw error;
	}
}

const showTable = (t: Table) =>
	`weight ${t.weight}, payouts [${t.payouts.map((p) => xdai(p, 18)).join(', ')}]`;

/**
 * Compare the learner's table with the reference for each statistics; fail at the first
 * difference with both tables in the message, `hint` at its end. Returns how many matched.
 */
function judge(c: CheckContext<string>, cases: bigint[][], hint: string): number {
	const s = c.fresh();
	const address = s.deploy(FILE, { from: 'deployer' });
	for (const statistics of cases) {
		const want = expected(statistics);
		const got = callContract(s, address, statistics);
		const where = `Statistics ${showStatistics(statistics)}, premium 15 xDAI`;
		if ('reverted' in want) {
			c.assert(
				'reverted' in got,
				`${where}: expected a revert (${want.reverted}), the call succeeded.${hint}`
			);
			continue;
		}
		c.assert(
			!('reverted' in got),
			`${where}: expected ${showTable(want)}; it reverted (${'reverted' in got ? got.reverted : ''}).`
		);
		c.assert(
			!('odd' in got),
			`${where}: expected { weight, payouts } with five payouts; ${'odd' in got ? got.odd : ''}.`
		);
		const table = (got as { table: Table }).table;
		const wrong = [
			table.weight !== want.weight ? `weight ${table.weight}, expected ${want.weight}` : '',
			...want.payouts.map((p, i) =>
				table.payouts[i] !== p
					? `${OPTIONS[i]} ${xdai(table.payouts[i], 18)}, expected ${xdai(p, 18)}`
					: ''
			)
		].filter(Boolean);
		c.assert(wrong.length === 0, `${where}: ${wrong.join('; ')}.${hint}`);
	}
	return cases.length;
}

/** `count` seeded random statistics: 10 to 2,000 observations, delays a random share of them. */
export function randomStatistics(seed: number, count: number): bigint[][] {
	const prng = createPrng(seed);
	const out: bigint[][] = [];
	for (let k = 0; k < count; k++) {
		const observations = 10 + prng.int(1991);
		const stats = [observations];
		let left = prng.int(observations + 1);
		for (let i = 1; i < 6; i++) {
			const n = prng.int(left + 1);
			stats.push(n);
			left -= n;
		}
		out.push(stats.map(BigInt));
	}
	return out;
}

export default defineScenario({
	*run(s) {
		s.total = FLIGHTS.length;
		const address = s.deploy(FILE, { from: 'deployer' });
		const tables: PayoutTable[] = [];
		s.overview.insurance = { payoutTables: tables };
		// the first step deploys the contract and prices the first flight, so a run opens on a table

		for (const flight of FLIGHTS) {
			const got = callContract(s, address, flight.statistics);
			const want = expected(flight.statistics);
			const yours = series(
				'yours',
				'Your contract (0.1.6)',
				'xDAI',
				18,
				'table' in got
					? got.table
					: { note: 'reverted' in got ? `reverts: ${got.reverted}` : got.odd }
			);
			tables.push(
				payoutTable(s.step, flight, [
					yours,
					referenceSeries(flight.statistics, '0.1.6'),
					referenceSeries(flight.statistics, '0.1.3'),
					referenceSeries(flight.statistics, 'gif-v3')
				])
			);
			const shown = (t: Table | { reverted: string } | Got): string => {
				if ('reverted' in t) return `reverts (${t.reverted})`;
				if ('odd' in t) return t.odd;
				const { payouts } = 'table' in t ? t.table : t;
				return `${payouts
					.slice(2)
					.map((p) => xdai(p).replace(' xDAI', ''))
					.join(' / ')} xDAI`;
			};
			s.summary(`${flight.name} (0.1.6)`, shown(got), {
				reference: shown(want),
				...(flight === FLIGHTS[0]
					? { note: 'payouts for >= 45 min / cancelled / diverted; 15-29 and 30-44 min weigh 0' }
					: {})
			});
			yield {
				label: `${flight.name}: statistics ${showStatistics(flight.statistics)}`,
				notes: [
					`Your contract: ${'table' in got ? showTable(got.table) : shown(got)}`,
					`Reference 0.1.6: ${'reverted' in want ? shown(want) : showTable(want)}`
				]
			};
		}
		const lx = tables[0].series;
		const cancelled = (id: string) =>
			formatTokenAmount(lx.find((x) => x.id === id)?.exact?.[3] ?? 'none', 4);
		s.summary(
			'LX 180 ZRH-BKK cancelled: 0.1.3 / GIF v3',
			`${cancelled('0.1.3')} xDAI / ${cancelled('gif-v3')} USD`,
			{
				note: 'the reference model; 0.1.3 has no margin, GIF v3 pays FlightUSD and caps each option at 200 USD'
			}
		);
		return address;
	},

	checks: [
		{
			id: 'lesson-flights',
			title: "The lesson's flights get the reference 0.1.6 table",
			run(c) {
				const n = judge(
					c,
					FLIGHTS.slice(0, 4).map((f) => f.statistics),
					' Follow the five steps of the TODO in order.'
				);
				return c.pass(`All ${n} flights match the reference to the wei, weight included.`);
			}
		},
		{
			id: 'per-term-truncation',
			title: 'Each term of the weight is truncated on its own',
			run(c) {
				const n = judge(
					c,
					[
						[37n, 3n, 2n, 2n, 1n, 1n],
						[7_000n, 0n, 0n, 1n, 1n, 1n],
						[33n, 0n, 0n, 1n, 1n, 1n]
					],
					' Divide each WEIGHT_PATTERN[i] * statistics[i] * 10000n by statistics[0] before adding it: the sum of the truncated terms is what the contract stores.'
				);
				return c.pass(
					`${n} sets of statistics whose terms each lose a fraction match the reference.`
				);
			}
		},
		{
			id: 'zero-weight-fallback',
			title:
				'No long delays, cancellations or diversions: the weight falls back to 100000 / observations',
			run(c) {
				const n = judge(
					c,
					[
						[60n, 5n, 1n, 0n, 0n, 0n],
						[10n, 0n, 0n, 0n, 0n, 0n],
						[1_000n, 400n, 300n, 0n, 0n, 0n]
					],
					' When the sum is 0, set the weight to 100000n / statistics[0] before the margin, or the payouts divide by zero.'
				);
				return c.pass(
					`${n} flights with nothing to weigh get the fallback weight, then the margin and the cap.`
				);
			}
		},
		{
			id: 'margin-and-cap',
			title: 'The weight carries the 30% margin, and no option pays more than 750 xDAI',
			run(c) {
				const n = judge(
					c,
					[
						[20n, 2n, 5n, 3n, 1n, 0n],
						[200n, 0n, 0n, 1n, 0n, 0n],
						[100n, 0n, 0n, 0n, 1n, 0n],
						[100n, 0n, 0n, 20n, 20n, 20n]
					],
					' weight = weight * (100n + MARGIN_PERCENT) / 100n before the payouts; then each payout is at most MAX_PAYOUT.'
				);
				return c.pass(
					`${n} flights match: the margin shrinks every payout, the cap holds the large ones at 750 xDAI.`
				);
			}
		},
		{
			id: 'too-few-observations',
			title: 'Fewer than 10 observations reverts; 10 is enough',
			run(c) {
				const s = c.fresh();
				const address = s.deploy(FILE, { from: 'deployer' });
				for (const statistics of [
					[9n, 1n, 0n, 1n, 0n, 0n],
					[0n, 0n, 0n, 0n, 0n, 0n]
				]) {
					const got = callContract(s, address, statistics);
					c.assert(
						'reverted' in got,
						`Statistics ${showStatistics(statistics)}: the call succeeded; expected a revert with 'ERROR:FDD-011:LOW_OBSERVATIONS': ${statistics[0]} past flights are too few to price a policy.`
					);
				}
				judge(
					c,
					[[10n, 0n, 0n, 1n, 0n, 0n]],
					' 10 observations are enough: the rule is observations >= 10.'
				);
				return c.pass('9 and 0 observations revert; 10 get a table.');
			}
		},
		{
			id: 'seeded-statistics',
			title: '300 seeded random statistics get the reference table',
			run(c) {
				const s = c.fresh();
				const address = s.deploy(FILE, { from: 'deployer' });
				for (const statistics of randomStatistics(2022, 300)) {
					const want = calculatePayouts(PREMIUM, statistics, '0.1.6');
					const got = tableOf(s.view(address, 'calculatePayouts', [PREMIUM, statistics]));
					const same =
						got !== null &&
						got.weight === want.weight &&
						got.payouts.every((p, i) => p === want.payouts[i]);
					c.assert(
						same,
						`Statistics ${showStatistics(statistics)}: expected ${showTable(want)}, got ${got ? showTable(got) : 'no table'}.`
					);
				}
				return c.pass('300 random statistics (seed 2022) match the reference to the wei.');
			}
		}
	]
});
