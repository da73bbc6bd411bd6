// 1,000 seeded years of a mutual's cover pool: 100 pools run 10 years each. Every year is one
// call of the learner's runYear (24 cover requests priced and vetted by the capital rule, then
// the year's claims); the reference model runs the same draws beside it.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatTokens } from '#lib/model/units.ts';
import { solvencyOverview } from '#lib/scenario/solvency.ts';
import { basePrice, calculatePremium, type ProductPrice } from '#lib/protocols/nexus-pricing.ts';
import { desiredMCR, mcrRatio } from '#lib/protocols/nexus-capital.ts';
import {
	ETH,
	MIN_MCR_RATIO,
	ONE_YEAR,
	PATHS,
	RUIN_RATIO,
	START_CAPITAL,
	TARGET_PRICE,
	TOTAL_CAPACITY,
	YEARS,
	drawYears,
	referenceRun,
	ruinProbability,
	yearStart,
	type YearResult
} from './mutual.ts';

const FILE = 'contracts/CoverPool.ts';
const DAY = 86_400n;

const eth = (wei: bigint) => formatTokens(wei, 'ETH', 0);
const pct = (bps: bigint) => `${(Number(bps) / 100).toFixed(2)}%`;
const share = (f: number) => `${(f * 100).toFixed(1)}%`;
const reasonOf = (r: Receipt) => r.error?.message ?? 'no reason given';

/** Deploy a pool with the lesson's set-up. */
function openPool(s: ScenarioContext, name = 'CoverPool'): string {
	return s.deploy(FILE, {
		from: 'mutual',
		name,
		args: [START_CAPITAL, TARGET_PRICE, TOTAL_CAPACITY]
	});
}

/** The run's years from the learner's contract, path by path (null where runYear reverted). */
type Result = { paths: (YearResult | null)[][]; reference: YearResult[][]; errors: string[] };

/** A returned Year as the reference's shape (the sandbox gives numbers back as numbers). */
function readYear(value: unknown): YearResult | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	const big = (k: string) => (typeof v[k] === 'bigint' ? (v[k] as bigint) : null);
	const keys = ['premiums', 'claimsPaid', 'unpaid', 'capital', 'activeCover', 'mcr', 'ratio'];
	if (keys.some((k) => big(k) === null)) return null;
	return {
		sold: Number(v.sold),
		refused: Number(v.refused),
		premiums: big('premiums')!,
		claimsPaid: big('claimsPaid')!,
		unpaid: big('unpaid')!,
		capital: big('capital')!,
		activeCover: big('activeCover')!,
		mcr: big('mcr')!,
		ratio: big('ratio')!
	};
}

export default defineScenario<Result>({
	maxSteps: PATHS + 2,
	*run(s) {
		s.total = PATHS;
		const draws = drawYears(s.seed);
		const reference = referenceRun(draws);
		const paths: (YearResult | null)[][] = [];
		const errors: string[] = [];
		for (let p = 0; p < PATHS; p++) {
			const pool = openPool(s, `Pool${p + 1}`);
			const years: (YearResult | null)[] = [];
			for (let y = 0; y < YEARS; y++) {
				const d = draws[p][y];
				const r = s.send({
					from: 'mutual',
					to: pool,
					method: 'runYear',
					args: [d.requests, d.losses, yearStart(y)]
				});
				if (r.status !== 'success' && errors.length < 3)
					errors.push(`pool ${p + 1}, year ${y + 1}: ${reasonOf(r)}`);
				years.push(r.status === 'success' ? readYear(r.returnValue) : null);
				s.progress((p * YEARS + y + 1), PATHS * YEARS, 'years');
			}
			paths.push(years);
			const last = years.at(-1);
			yield {
				label: `Pool ${p + 1} of ${PATHS}: ${YEARS} years, ends at ${last ? pct(last.ratio) : 'no ratio (runYear reverted)'}`,
				notes: [
					last
						? `Capital ${eth(last.capital)} against an MCR of ${eth(last.mcr)}; reference ${pct(reference[p].at(-1)!.ratio)}.`
						: `runYear reverted: ${errors.at(-1) ?? 'see the receipt'}.`
				]
			};
		}
		const yours = paths.map((path) => path.map((y) => y ?? null));
		s.overview.solvency = solvencyOverview(yours, {
			line: MIN_MCR_RATIO,
			ruin: RUIN_RATIO,
			reference: ruinProbability(reference),
			noLine: ruinProbability(referenceRun(draws, 0n)),
			note: 'Illustrative: synthetic demand and hacks, seeded; Nexus Mutual v2.12.4 pricing and capital rules.'
		});
		const ok = yours.flat().filter((y): y is YearResult => y !== null);
		s.summary('Ruin probability (years ending below 100%)', share(ruinProbability([ok])), {
			reference: share(ruinProbability(reference))
		});
		return { paths, reference, errors };
	},
	checks: []
});
