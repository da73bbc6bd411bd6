// ETH falls from 2,000 to 1,400 USD (illustrative); a liquidator bot liquidates the loans below 1.
import {
	defineScenario,
	pricePoint,
	type CheckContext,
	type ScenarioContext
} from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import {
	liquidationCall as referenceLiquidationCall,
	MAX_UINT256,
	WETH_PARAMS,
	percentDiv,
	type LiquidationResult
} from '#lib/protocols/aave-v3.ts';
import { WAD, formatUnits, usd8ToNumber } from '#lib/model/units.ts';
import type { LiquidationRecord, PricePoint } from '#lib/model/overview.ts';
import {
	approvePool,
	borrow,
	deposit,
	describePosition,
	forcePosition,
	give,
	hfNumber,
	openMarket,
	poolHealthFactor,
	readPosition,
	referencePosition,
	setPrice,
	shortHf,
	showHf,
	showTokens,
	showUsd,
	tokenBalance,
	tokens,
	usd,
	whyFailed,
	type Market
} from '../market.ts';

const START = usd(2000);
const CRASH = usd(1400);
const BOT = 'liquidator';
const BORROWERS = [
	{ name: 'alice', label: 'Alice', collateral: tokens(5), debt: tokens(6000) },
	{ name: 'bob', label: 'Bob', collateral: tokens(4), debt: tokens(6300) },
	{ name: 'carol', label: 'Carol', collateral: tokens(10), debt: tokens(5000) }
];

const weth = (amount: bigint) => showTokens(amount, 'WETH', 18);
const dai = (amount: bigint) => showTokens(amount, 'DAI', 18);
const whole = (amount: bigint) => formatUnits(amount, 18);
const toUsd = (amount: bigint, price: bigint) => usd8ToNumber((amount * price) / WAD);

/** What one liquidationCall moved, measured from balances and the pool's storage. */
type Moved = {
	receipt: Receipt;
	debtRepaid: bigint;
	debtLowered: bigint;
	collateralSeized: bigint;
	liquidatorReceives: bigint;
	protocolFee: bigint;
};

/** `liquidator` calls liquidationCall on `user`; returns the receipt and what moved. */
function liquidate(
	s: ScenarioContext,
	m: Market,
	user: string,
	debtToCover: bigint,
	liquidator = BOT
): Moved {
	const before = readPosition(s, m, user);
	const daiBefore = tokenBalance(s, m.dai, liquidator);
	const wethBefore = tokenBalance(s, m.weth, liquidator);
	const receipt = s.send({
		from: liquidator,
		to: m.pool,
		method: 'liquidationCall',
		args: [m.weth, m.dai, s.address(user), debtToCover]
	});
	const after = readPosition(s, m, user);
	const received = tokenBalance(s, m.weth, liquidator) - wethBefore;
	const seized = before.collateral - after.collateral;
	return {
		receipt,
		debtRepaid: daiBefore - tokenBalance(s, m.dai, liquidator),
		debtLowered: before.debt - after.debt,
		collateralSeized: seized,
		liquidatorReceives: received,
		protocolFee: seized - received
	};
}

/** A fresh market with a funded liquidator and these positions opened at 2,000 USD. */
function freshMarket(
	c: CheckContext<Market>,
	positions: Probe[]
): { s: ScenarioContext; m: Market } {
	const s = c.fresh();
	const m = openMarket(s, START);
	give(s, m.dai, BOT, tokens(1_000_000));
	approvePool(s, m, BOT, m.dai);
	for (const p of positions) forcePosition(s, m, p.user, p.collateral, p.debt, START);
	return { s, m };
}

type Probe = { user: string; collateral: bigint; debt: bigint };
type Case = Probe & { price: bigint; debtToCover: bigint };

/** The reference model's liquidation of a case (throws LiquidationError when Aave would revert). */
function expectedOf(k: Case): LiquidationResult {
	return referenceLiquidationCall(referencePosition(k.collateral, k.debt, k.price), {
		collateral: 'WETH',
		debt: 'DAI',
		debtToCover: k.debtToCover,
		rules: 'v3.0'
	});
}

const covering = (k: Case) =>
	k.debtToCover === MAX_UINT256
		? 'debtToCover = MAX_UINT256'
		: `debtToCover = ${dai(k.debtToCover)}`;

/**
 * Liquidate every case in a fresh market and compare what moved with the reference model.
 * Fails the check at the first difference; `hint` ends the message.
 */
function judge(c: CheckContext<Market>, cases: Case[], hint: string): string[] {
	const { s, m } = freshMarket(c, cases);
	const done: string[] = [];
	for (const k of cases) {
		setPrice(s, m, m.weth, k.price);
		const want = expectedOf(k);
		const where = `${describePosition(k.collateral, k.debt, k.price)} (HF ${shortHf(want.healthFactorBefore)}), ${covering(k)}`;
		const got = liquidate(s, m, k.user, k.debtToCover);
		c.assert(
			got.receipt.status === 'success',
			`Liquidating ${where}: expected success, it reverted (${whyFailed(got.receipt)}).`
		);
		const rows = [
			['debt repaid by the liquidator', want.debtRepaid, got.debtRepaid, dai],
			["the borrower's debt lowered by", want.debtRepaid, got.debtLowered, dai],
			['collateral seized', want.collateralSeized, got.collateralSeized, weth],
			['protocol fee kept by the pool', want.protocolFee, got.protocolFee, weth],
			['WETH the liquidator received', want.liquidatorReceives, got.liquidatorReceives, weth]
		] as const;
		const wrong = rows.filter(([, expected, actual]) => expected !== actual);
		c.assert(
			rows.some(([, , actual]) => actual !== 0n),
			`Liquidating ${where}: the call succeeded but moved nothing. Expected ` +
				`${dai(want.debtRepaid)} repaid, ${weth(want.collateralSeized)} seized, ` +
				`${weth(want.protocolFee)} kept as protocol fee.`
		);
		c.assert(
			wrong.length === 0,
			`Liquidating ${where}: ` +
				wrong
					.map(
						([what, expected, actual, show]) =>
							`${what}: expected ${show(expected)}, got ${show(actual)}`
					)
					.join('; ') +
				`.${hint}`
		);
		done.push(`${k.user}: repaid ${dai(want.debtRepaid)}, seized ${weth(want.collateralSeized)}`);
	}
	return done;
}

export default defineScenario({
	*run(s) {
		const m = openMarket(s, START);
		give(s, m.dai, BOT, tokens(100_000));
		approvePool(s, m, BOT, m.dai);
		s.trackBalances(
			[...BORROWERS.map((b) => b.name), BOT],
			[
				s.mapAsset(m.pool, 'collateral', 'WETH collateral'),
				s.mapAsset(m.pool, 'debt', 'DAI debt'),
				s.token(m.weth, 'WETH'),
				s.token(m.dai, 'DAI')
			]
		);
		const points: PricePoint[] = [];
		const liquidations: LiquidationRecord[] = [];
		s.overview.prices = {
			symbol: 'ETH',
			synthetic: true,
			source: 'Illustrative prices (not market data): 2,000 USD, then a 30% fall to 1,400 USD',
			points
		};
		s.overview.liquidations = liquidations;
		let price = START;
		const mark = () => points.push(pricePoint(s.step, s.time(), price));

		mark();
		yield 'The market opens at 1 ETH = 2,000 USD; the liquidator bot holds 100,000 DAI';

		for (const b of BORROWERS) {
			deposit(s, m, b.name, b.collateral);
			borrow(s, m, b.name, b.debt);
		}
		mark();
		yield {
			label: 'Alice, Bob and Carol deposit WETH and borrow DAI',
			notes: BORROWERS.map(
				(b) =>
					`${b.label}: ${weth(b.collateral)}, ${dai(b.debt)}, healthFactor ${showHf(poolHealthFactor(s, m, b.name))}`
			)
		};

		price = CRASH;
		setPrice(s, m, m.weth, price);
		mark();
		yield 'Oracle update: ETH falls 30%, from 2,000 to 1,400 USD';

		const hfNotes = BORROWERS.map((b) => {
			const hf = poolHealthFactor(s, m, b.name);
			const state =
				hf >= 10n ** 18n
					? 'healthy'
					: hf > 95n * 10n ** 16n
						? 'below 1: liquidatable, close factor 50%'
						: 'below 0.95: liquidatable, close factor 100%';
			return `${b.label}: healthFactor ${showHf(hf)}, ${state}`;
		});
		mark();
		yield { label: 'Health factors after the update: who is below 1?', notes: hfNotes };

		// the bot: one liquidation per turn, the first borrower below 1 it has not tried yet
		const tried = new Set<string>();
		for (;;) {
			const target = BORROWERS.find((b) => {
				if (tried.has(b.name)) return false;
				const p = readPosition(s, m, b.name);
				return p.collateral > 0n && p.debt > 0n && poolHealthFactor(s, m, b.name) < 10n ** 18n;
			});
			if (!target) break;
			tried.add(target.name);
			const hfBefore = poolHealthFactor(s, m, target.name);
			const debt = readPosition(s, m, target.name).debt;
			const moved = liquidate(s, m, target.name, debt);
			const hfAfter = poolHealthFactor(s, m, target.name);
			const notes: string[] = [
				`The bot asks to repay all of ${target.label}'s debt: ${dai(debt)}.`
			];
			if (moved.receipt.status !== 'success') {
				notes.push(`liquidationCall reverted: ${whyFailed(moved.receipt)}`);
			} else if (moved.debtRepaid === 0n && moved.collateralSeized === 0n) {
				notes.push('liquidationCall succeeded but moved nothing: it is not written yet.');
			} else {
				const bonus =
					moved.collateralSeized - percentDiv(moved.collateralSeized, WETH_PARAMS.liquidationBonus);
				notes.push(
					`Repaid ${dai(moved.debtRepaid)}, seized ${weth(moved.collateralSeized)}: ` +
						`${weth(moved.liquidatorReceives)} to the bot, ${weth(moved.protocolFee)} protocol fee.`,
					`${target.label}'s healthFactor: ${showHf(hfBefore)} -> ${showHf(hfAfter)}.`
				);
				liquidations.push({
					id: `liquidation-${liquidations.length + 1}`,
					step: s.step,
					time: s.time(),
					txHash: moved.receipt.txHash,
					borrower: target.label,
					liquidator: 'Liquidator bot',
					debtSymbol: 'DAI',
					collateralSymbol: 'WETH',
					debtRepaid: whole(moved.debtRepaid),
					collateralSeized: whole(moved.collateralSeized),
					bonus: whole(bonus),
					protocolFee: whole(moved.protocolFee),
					liquidatorReceives: whole(moved.liquidatorReceives),
					debtRepaidUsd: toUsd(moved.debtRepaid, usd(1)),
					collateralSeizedUsd: toUsd(moved.collateralSeized, price),
					bonusUsd: toUsd(bonus, price),
					protocolFeeUsd: toUsd(moved.protocolFee, price),
					healthFactorBefore: hfNumber(hfBefore),
					healthFactorAfter: hfNumber(hfAfter)
				});
			}
			mark();
			yield { label: `The liquidator bot liquidates ${target.label}`, notes };
		}

		const left = BORROWERS.map((b) => {
			const p = readPosition(s, m, b.name);
			return `${b.label}: ${weth(p.collateral)} collateral, ${dai(p.debt)} debt, healthFactor ${showHf(poolHealthFactor(s, m, b.name))}`;
		});
		const bob = readPosition(s, m, 'bob');
		if (bob.collateral === 0n && bob.debt > 0n) {
			left.push(
				`Bob has no collateral left but still owes ${dai(bob.debt)}: bad debt for the pool.`
			);
		}
		mark();
		yield { label: 'After the liquidations', notes: left };

		s.summary('Liquidations', String(liquidations.length));
		s.summary('ETH price', `${showUsd(START)} -> ${showUsd(CRASH)} (illustrative)`);
		return m;
	},

	checks: [
		{
			id: 'healthy-reverts',
			title: 'Liquidating a position with HF of 1 or more reverts',
			run(c: CheckContext<Market>) {
				const cases = [
					{ user: 'carol', collateral: tokens(10), debt: tokens(5000), price: CRASH },
					{ user: 'dave', collateral: tokens(1), debt: tokens(1660), price: START }
				];
				const { s, m } = freshMarket(c, cases);
				for (const k of cases) {
					setPrice(s, m, m.weth, k.price);
					const hf = poolHealthFactor(s, m, k.user);
					const got = liquidate(s, m, k.user, k.debt);
					c.assert(
						got.receipt.status === 'reverted',
						`Liquidating ${describePosition(k.collateral, k.debt, k.price)} (HF ${shortHf(hf)}) ` +
							`succeeded; expected a revert: only a health factor below 1 allows a liquidation` +
							(got.debtRepaid || got.collateralSeized
								? `. It took ${weth(got.collateralSeized)} from a healthy borrower.`
								: '.')
					);
				}
				return c.pass(
					'Both healthy positions, HF 2.324 and exactly 1.0, refused to be liquidated.'
				);
			}
		},
		{
			id: 'liquidation-amounts',
			title: 'Debt repaid, collateral seized and protocol fee match the reference model',
			run(c: CheckContext<Market>) {
				const done = judge(
					c,
					[
						{
							user: 'alice',
							collateral: tokens(5),
							debt: tokens(6000),
							price: CRASH,
							debtToCover: tokens(1000)
						},
						{
							user: 'judy',
							collateral: tokens('3.3'),
							debt: tokens(4321),
							price: usd('1555.55555555'),
							debtToCover: 1_234_567_890_123_456_789_012n
						},
						{
							user: 'mia',
							collateral: tokens('2.5'),
							debt: tokens(3210),
							price: usd('1234.56789012'),
							debtToCover: tokens('1500.5')
						}
					],
					' seized = percentMul(debtPrice * debtRepaid / collateralPrice, LIQUIDATION_BONUS); the fee is ' +
						'percentMul(seized - percentDiv(seized, LIQUIDATION_BONUS), LIQUIDATION_PROTOCOL_FEE).'
				);
				return c.pass(`Partial liquidations match to the wei: ${done.join('; ')}.`);
			}
		},
		{
			id: 'close-factor',
			title: 'One call repays at most 50% of the debt above HF 0.95, up to 100% at or below it',
			run(c: CheckContext<Market>) {
				const done = judge(
					c,
					[
						{
							user: 'alice',
							collateral: tokens(5),
							debt: tokens(6000),
							price: CRASH,
							debtToCover: tokens(6000)
						},
						{
							user: 'dave',
							collateral: tokens(1),
							debt: tokens(1660),
							price: usd(1900),
							debtToCover: tokens(1660)
						},
						{
							user: 'eve',
							collateral: tokens(5),
							debt: tokens(6000),
							price: usd(1300),
							debtToCover: MAX_UINT256
						}
					],
					' The close factor is 50% while HF > 0.95 and 100% at HF <= 0.95 (exactly 0.95 included); ' +
						'repay the smaller of debtToCover and percentMul(debt, closeFactor).'
				);
				return c.pass(`Capped by the close factor: ${done.join('; ')}.`);
			}
		},
		{
			id: 'collateral-limited',
			title: 'When the collateral cannot cover debt plus bonus, all of it is seized',
			run(c: CheckContext<Market>) {
				const done = judge(
					c,
					[
						{
							user: 'bob',
							collateral: tokens(4),
							debt: tokens(6300),
							price: CRASH,
							debtToCover: tokens(6300)
						},
						{
							user: 'finn',
							collateral: tokens(2),
							debt: tokens(3000),
							price: usd(1000),
							debtToCover: tokens(3000)
						}
					],
					' If seized > the collateral, seize all of it and set ' +
						'debtRepaid = percentDiv(collateralPrice * seized / debtPrice, LIQUIDATION_BONUS).'
				);
				return c.pass(`All collateral seized, debt worked back from it: ${done.join('; ')}.`);
			}
		}
	]
});
