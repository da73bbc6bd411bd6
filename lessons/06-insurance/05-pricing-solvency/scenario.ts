// 1,000 seeded years of a mutual's cover pool: 100 paths of 10 years, each path a history of the
// same pool from its deploy. Every year is one
// call of the learner's runYear (24 cover requests priced and vetted by the capital rule, then
// the year's claims); the reference model runs the same draws beside it.
import { defineScenario, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatTokens, grouped } from '#lib/model/units.ts';
import { solvencyOverview } from '#lib/scenario/solvency.ts';
import {
	NXM_PER_ALLOCATION_UNIT,
	basePrice,
	calculatePremium,
	type ProductPrice
} from '#lib/protocols/nexus-pricing.ts';
import { desiredMCR, mcrRatio } from '#lib/protocols/nexus-capital.ts';
import {
	ETH,
	MIN_MCR_RATIO,
	ONE_YEAR,
	HACK_PROBABILITY,
	MAX_COVER,
	MAX_LOSS_BPS,
	MIN_COVER,
	MIN_LOSS_BPS,
	PATHS,
	PROTOCOLS,
	REQUESTS,
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
/** The set-up as the view's caption states it (every figure illustrative). */
const SETUP = (seed: number) =>
	`Illustrative, drawn from seed ${seed}: a pool of ${eth(START_CAPITAL)} with a ${Number(TARGET_PRICE) / 100}% target price and ${eth(TOTAL_CAPACITY)} of capacity; ${REQUESTS} requests a year of ${MIN_COVER} to ${grouped(MAX_COVER)} ETH on ${PROTOCOLS} protocols; each protocol hacked with probability ${HACK_PROBABILITY * 100}% a year, a hack losing ${MIN_LOSS_BPS / 100}% to ${MAX_LOSS_BPS / 100}% of its cover; the line at ${Number(MIN_MCR_RATIO) / 100}%; Nexus Mutual v2.12.4 pricing and capital rules`;
const DAY = 86_400n;

const eth = (wei: bigint) => formatTokens(wei, 'ETH', 0);
const pct = (bps: bigint) => `${(Number(bps) / 100).toFixed(2)}%`;
const share = (f: number) => `${(f * 100).toFixed(1)}%`;
const reasonOf = (r: Receipt) => r.error?.message ?? 'no reason given';
/** A year's MCR ratio as text, or why it has none. */
const ratioText = (y: YearResult | null | undefined) =>
	!y ? 'no ratio (runYear reverted)' : y.mcr === 0n ? 'no MCR (desiredMCR gave 0)' : pct(y.ratio);
/** A year that ended below 100% (or whose call failed). */
const ruined = (y: YearResult | null) => y === null || (y.mcr > 0n && y.ratio < RUIN_RATIO);
/** The median capital of the last year over the pools, wei. */
function medianCapital(paths: YearResult[][]): bigint {
	const ends = paths.map((p) => p.at(-1)!.capital).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const mid = ends.length >> 1;
	return ends.length % 2 ? ends[mid] : (ends[mid - 1] + ends[mid]) / 2n;
}

/** Deploy a pool with the lesson's set-up. */
function openPool(s: ScenarioContext): string {
	return s.deploy(FILE, { from: 'mutual', args: [START_CAPITAL, TARGET_PRICE, TOTAL_CAPACITY] });
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

/** A pool's price state as the contract takes it. */
const freshPrice = (bumpedPrice = TARGET_PRICE, at = 0n): ProductPrice => ({
	targetPrice: TARGET_PRICE,
	bumpedPrice,
	bumpedPriceUpdateTime: at
});
const bp = (v: unknown) => (typeof v === 'bigint' ? `${v} bp` : String(v));
const showEth = (v: unknown) => (typeof v === 'bigint' ? formatTokens(v, 'ETH', 4) : String(v));

/** A view of the learner's pool, or what went wrong as text (a revert, a wrong type). */
function ask(s: ScenarioContext, pool: string, method: string, args: unknown[]): unknown {
	try {
		return s.view(pool, method, args);
	} catch (error) {
		return `a revert (${error instanceof Error ? error.message : String(error)})`;
	}
}

/** The reference premium of `amount` wei at `now` from `price` (cover in 0.01 ETH units). */
function quote(price: ProductPrice, amount: bigint, period: bigint, now: bigint) {
	const r = calculatePremium(price, {
		coverAmount: amount / NXM_PER_ALLOCATION_UNIT,
		totalCapacity: TOTAL_CAPACITY / NXM_PER_ALLOCATION_UNIT,
		period,
		now
	});
	return { premium: r.premium, price: r.product };
}

/** The reference capital rule. */
const refAccepts = (capital: bigint, cover: bigint, amount: bigint, premium: bigint) =>
	mcrRatio(capital + premium, desiredMCR(cover + amount)) >= MIN_MCR_RATIO;

/** The largest whole-ETH first sale the reference accepts from a fresh pool. */
function largestSale(): bigint {
	let lo = 0n;
	let hi = 100_000n;
	while (hi - lo > 1n) {
		const mid = (lo + hi) / 2n;
		const q = quote(freshPrice(), mid * ETH, ONE_YEAR, DAY);
		if (refAccepts(START_CAPITAL, 0n, mid * ETH, q.premium)) lo = mid;
		else hi = mid;
	}
	return lo * ETH;
}

const sameYear = (a: YearResult | null, b: YearResult) =>
	a !== null &&
	a.capital === b.capital &&
	a.ratio === b.ratio &&
	a.mcr === b.mcr &&
	a.sold === b.sold &&
	a.premiums === b.premiums &&
	a.claimsPaid === b.claimsPaid;

export default defineScenario<Result>({
	maxSteps: PATHS + 2,
	*run(s) {
		s.total = PATHS;
		const draws = drawYears(s.seed);
		const reference = referenceRun(draws);
		const paths: (YearResult | null)[][] = [];
		const errors: string[] = [];
		// one pool, 100 histories: every history starts from the world as the deploy left it
		const pool = openPool(s);
		const opened = s.world.snapshot();
		for (let p = 0; p < PATHS; p++) {
			if (p > 0) s.world.restore(opened);
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
					errors.push(`path ${p + 1}, year ${y + 1}: ${reasonOf(r)}`);
				years.push(r.status === 'success' ? readYear(r.returnValue) : null);
				s.progress(p * YEARS + y + 1, PATHS * YEARS, 'years');
			}
			paths.push(years);
			const last = years.at(-1);
			const ref = reference[p].at(-1)!;
			yield {
				label: `Path ${p + 1} of ${PATHS}: the pool's ${YEARS} years end at ${ratioText(last)}`,
				notes: [
					last
						? `Capital ${eth(last.capital)} against an MCR of ${eth(last.mcr)} (${ratioText(last)}); reference ${eth(ref.capital)} against ${eth(ref.mcr)} (${ratioText(ref)}).`
						: `runYear reverted: ${errors.at(-1) ?? 'see the receipt'}.`,
					`Years below 100% on this path: ${years.filter(ruined).length} (reference ${reference[p].filter(ruined).length}).`
				]
			};
		}
		const noLine = referenceRun(draws, 0n);
		const overview = solvencyOverview(paths, {
			line: MIN_MCR_RATIO,
			ruin: RUIN_RATIO,
			reference: ruinProbability(reference),
			noLine: ruinProbability(noLine),
			note: SETUP(s.seed)
		});
		s.overview.solvency = overview;
		const all = PATHS * YEARS;
		const refRuined = reference.flat().filter(ruined).length;
		const noMcr = paths.flat().every((y) => !y || y.mcr === 0n);
		s.summary('Years ending below 100%', `${overview.ruinedYears} of ${grouped(all)}`, {
			reference: `${refRuined} of ${grouped(all)}`,
			note: noMcr
				? 'No year has an MCR: your desiredMCR returns 0, so the ratio is undefined.'
				: 'A year ends below 100% when its capital after the claims is less than the MCR of its cover.'
		});
		s.summary(
			'Ruin probability (per year)',
			noMcr ? 'none (no MCR)' : share(overview.ruinProbability),
			{
				reference: share(ruinProbability(reference)),
				note: `The reference with no line, selling every request: ${share(ruinProbability(noLine))}.`
			}
		);
		const sum = (ys: (YearResult | null)[][], pick: (y: YearResult) => bigint | number) =>
			ys.flat().reduce((acc, y) => acc + (y ? BigInt(pick(y)) : 0n), 0n);
		s.summary(
			'Cover requests refused',
			`${grouped(sum(paths, (y) => y.refused))} of ${grouped(all * REQUESTS)}`,
			{
				reference: `${grouped(sum(reference, (y) => y.refused))} of ${grouped(all * REQUESTS)}`
			}
		);
		s.summary('Premiums collected, all years', eth(sum(paths, (y) => y.premiums)), {
			reference: eth(sum(reference, (y) => y.premiums))
		});
		s.summary('Claims paid, all years', eth(sum(paths, (y) => y.claimsPaid)), {
			reference: eth(sum(reference, (y) => y.claimsPaid))
		});
		s.summary(
			'Median capital after 10 years',
			eth(BigInt(Math.round(overview.bands.at(-1)!.capital)) * ETH),
			{
				reference: eth(medianCapital(reference))
			}
		);
		return { paths, reference, errors };
	},
	checks: [
		{
			id: 'base-price-decay',
			title: 'The base price falls 2 points a day from the bumped price, never below the target',
			run(c) {
				const s = c.fresh();
				const pool = openPool(s);
				const bumped = freshPrice(700n, 10n * DAY);
				const cases: [string, bigint][] = [
					['at the bump', 10n * DAY],
					['12 hours later', 10n * DAY + DAY / 2n],
					['1 day later', 11n * DAY],
					['1 day and 1 second later', 11n * DAY + 1n],
					['36 hours later', 11n * DAY + DAY / 2n],
					['3 days later', 13n * DAY]
				];
				for (const [when, now] of cases) {
					const want = basePrice(bumped, now);
					const got = ask(s, pool, 'basePrice', [bumped, now]);
					c.assert(
						got === want,
						`A price bumped to 700 bp (target 250 bp), ${when}: basePrice should be ${want} bp, yours gives ${bp(got)}.` +
							(got === TARGET_PRICE ? ' Yours returns the target: start from bumpedPrice.' : '')
					);
				}
				return c.pass(
					'700 bp falls to 600 after 12 hours, 500 after a day (the drop is truncated to whole points), and stops at the 250 bp target.'
				);
			}
		},
		{
			id: 'premium-and-bump',
			title: 'A buyer pays the base price for the period, and the purchase bumps the price',
			run(c) {
				const s = c.fresh();
				const pool = openPool(s);
				const buys: [bigint, bigint, bigint][] = [
					[1_000n * ETH, ONE_YEAR, DAY],
					[3_000n * ETH, ONE_YEAR, DAY + 3_600n],
					[500n * ETH, 91n * DAY, 2n * DAY],
					[2_000n * ETH, ONE_YEAR, 9n * DAY]
				];
				let price = freshPrice();
				for (const [amount, period, now] of buys) {
					const want = quote(price, amount, period, now);
					const got = ask(s, pool, 'premium', [price, amount, period, now, TOTAL_CAPACITY]) as {
						premium?: unknown;
						price?: ProductPrice;
					};
					const what = `${formatTokens(amount, 'ETH', 0)} of cover for ${period / DAY} days at day ${Number(now) / 86_400}, price state ${price.bumpedPrice} bp bumped at day ${Number(price.bumpedPriceUpdateTime) / 86_400}`;
					c.assert(
						typeof got === 'object' && got !== null && got.premium === want.premium,
						`${what}: the premium should be ${showEth(want.premium)}, yours is ${showEth(typeof got === 'object' && got ? got.premium : got)}.`
					);
					const p = got.price;
					c.assert(
						p?.bumpedPrice === want.price.bumpedPrice &&
							p.bumpedPriceUpdateTime === want.price.bumpedPriceUpdateTime &&
							p.targetPrice === want.price.targetPrice,
						`${what}: the next price state should be bumped to ${want.price.bumpedPrice} bp at ${want.price.bumpedPriceUpdateTime} s, yours is ${p ? `${p.bumpedPrice} bp at ${p.bumpedPriceUpdateTime} s` : 'missing'}.`
					);
					price = want.price;
				}
				return c.pass(
					`Four purchases priced and bumped as StakingProducts.sol does; the last one leaves the price at ${price.bumpedPrice} bp.`
				);
			}
		},
		{
			id: 'mcr-and-ratio',
			title: 'The MCR is the active cover over the gearing factor; the ratio is capital over MCR',
			run(c) {
				const s = c.fresh();
				const pool = openPool(s);
				for (const cover of [48_000n * ETH, 42_000n * ETH, 1_000_001n]) {
					const want = desiredMCR(cover);
					const got = ask(s, pool, 'desiredMCR', [cover]);
					c.assert(
						got === want,
						`${showEth(cover)} of active cover: desiredMCR should be ${showEth(want)} (cover x 10000 / 48000), yours is ${showEth(got)}.`
					);
				}
				for (const [capital, mcr] of [
					[13_000n * ETH, 10_000n * ETH],
					[1n * ETH, 3n * ETH],
					[11_722n * ETH, 8_750n * ETH]
				]) {
					const want = mcrRatio(capital, mcr);
					const got = ask(s, pool, 'mcrRatio', [capital, mcr]);
					c.assert(
						got === want,
						`Capital ${showEth(capital)} against an MCR of ${showEth(mcr)}: mcrRatio should be ${want} (${pct(want)}), yours is ${String(got)}.`
					);
				}
				return c.pass(
					'48,000 ETH of cover needs an MCR of 10,000 ETH; 13,000 ETH of capital against it is 13000 (130%).'
				);
			}
		},
		{
			id: 'refuses-below-line',
			title: 'The pool refuses cover that would take the MCR ratio below 130%',
			run(c) {
				const s = c.fresh();
				const pool = openPool(s);
				const most = largestSale();
				const at = quote(freshPrice(), most, ONE_YEAR, DAY);
				const over = quote(freshPrice(), most + ETH, ONE_YEAR, DAY);
				const yesAt = ask(s, pool, 'accepts', [START_CAPITAL, 0n, most, at.premium]);
				const yesOver = ask(s, pool, 'accepts', [START_CAPITAL, 0n, most + ETH, over.premium]);
				c.assert(
					yesAt === true,
					`With ${eth(START_CAPITAL)} of capital and no cover, ${eth(most)} of cover (premium ${showEth(at.premium)}) keeps the ratio at ${pct(mcrRatio(START_CAPITAL + at.premium, desiredMCR(most)))}: accepts should be true, yours gives ${String(yesAt)}.`
				);
				c.assert(
					yesOver === false,
					`With ${eth(START_CAPITAL)} of capital and no cover, ${eth(most + ETH)} of cover would take the ratio to ${pct(mcrRatio(START_CAPITAL + over.premium, desiredMCR(most + ETH)))}, below 130%: accepts should be false, yours gives ${String(yesOver)}.`
				);
				const first = s.send({
					from: 'member',
					to: pool,
					method: 'buyCover',
					args: [most, ONE_YEAR, BigInt(DAY)]
				});
				c.assert(
					first.status === 'success',
					`Buying ${eth(most)} of cover reverted: ${reasonOf(first)}.`
				);
				const capital = (s.view(pool, 'state', []) as { capital: bigint }).capital;
				const more = s.send({
					from: 'member',
					to: pool,
					method: 'buyCover',
					args: [100n * ETH, ONE_YEAR, BigInt(DAY) + 3_600n]
				});
				c.assert(
					more.status === 'reverted',
					`After ${eth(most)} of cover, 100 ETH more would take the ratio below 130%: buyCover should revert, it ${more.status === 'success' ? 'sold the cover' : more.status}.`
				);
				c.assert(
					(s.view(pool, 'state', []) as { capital: bigint }).capital === capital,
					'A refused purchase must leave the capital as it was.'
				);
				return c.pass(
					`${eth(most)} of cover is the most a fresh pool sells at 130%; 1 ETH more is refused, and so is a later 100 ETH.`
				);
			}
		},
		{
			id: 'thousand-years',
			title: 'All 1,000 years match the reference year by year',
			run(c) {
				const { paths, reference, errors } = c.result;
				c.assert(errors.length === 0, `runYear reverted: ${errors.join('; ')}.`);
				let matched = 0;
				for (let p = 0; p < reference.length; p++) {
					for (let y = 0; y < reference[p].length; y++) {
						const mine = paths[p][y];
						const want = reference[p][y];
						c.assert(
							sameYear(mine, want),
							`${matched} years match; path ${p + 1}, year ${y + 1} does not: the reference sold ${want.sold} covers for ${showEth(want.premiums)}, paid ${showEth(want.claimsPaid)} of claims and ended with ${eth(want.capital)} against an MCR of ${eth(want.mcr)} (${pct(want.ratio)}); yours ${mine ? `sold ${mine.sold} for ${showEth(mine.premiums)}, paid ${showEth(mine.claimsPaid)}, ended with ${eth(mine.capital)} against ${eth(mine.mcr)} (${pct(mine.ratio)})` : 'reverted'}.`
						);
						matched++;
					}
				}
				return c.pass(
					`All ${matched} years match; ${share(ruinProbability(reference))} of them end below 100%.`
				);
			}
		}
	]
});
