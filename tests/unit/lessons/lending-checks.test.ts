import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';

// The lending lessons' checks must tell common mistakes apart: each mutant of a solution below
// is a plausible learner bug, and exactly the checks named for it should fail.

const POOL = 'contracts/LendingPool.ts';

/** The solution's LendingPool with one exact snippet replaced (fails loudly if it is not there). */
function mutate(lessonId: string, from: string, to: string): Record<string, string> {
	const sources = lessonSources(lessonId, 'solution');
	expect(sources[POOL], `${lessonId} solution contains the snippet to mutate`).toContain(from);
	return { ...sources, [POOL]: sources[POOL].replace(from, to) };
}

/** Ids of the checks that fail for these sources; the run itself must succeed. */
async function failing(lessonId: string, sources: Record<string, string>): Promise<string[]> {
	const { run, result, checks } = await runLesson(lessonId, sources, 1);
	run.dispose();
	expect(result.ok, JSON.stringify(result)).toBe(true);
	return checks.filter((c) => !c.passed).map((c) => c.id);
}

describe('02-lending/01-borrow-against-collateral', () => {
	const id = '02-lending/01-borrow-against-collateral';

	test('a borrow that ignores the debt already owed fails only the above-LTV check', async () => {
		const sources = mutate(
			id,
			'const debtUsd = this.valueInUsd(this.dai.get(), newDebt);',
			'const debtUsd = this.valueInUsd(this.dai.get(), amount);'
		);
		expect(await failing(id, sources)).toEqual(['borrow-above-ltv-reverts']);
	});

	test('a strict limit (< instead of <=) fails the within-LTV check', async () => {
		const sources = mutate(id, 'require(debtUsd <= limit', 'require(debtUsd < limit');
		expect(await failing(id, sources)).toEqual(['borrow-within-ltv']);
	});

	test('a borrow that records the debt but sends no DAI fails the transfer check', async () => {
		const sources = mutate(id, 'Token.at(this.dai.get()).transfer(msg.sender, amount);', '');
		expect(await failing(id, sources)).toEqual(['borrow-transfers-dai']);
	});
});

describe('02-lending/02-health-factor', () => {
	const id = '02-lending/02-health-factor';
	const exact = 'return wadDiv(percentMul(collateralUsd, LIQUIDATION_THRESHOLD), debtUsd);';

	test('one-step division without Aave rounding fails only the rounding check', async () => {
		const sources = mutate(
			id,
			exact,
			'return (collateralUsd * LIQUIDATION_THRESHOLD * WAD) / (10000n * debtUsd);'
		);
		expect(await failing(id, sources)).toEqual(['hf-rounding']);
	});

	test('percentMul rounded down fails only the rounding check', async () => {
		const sources = mutate(
			id,
			exact,
			'return wadDiv((collateralUsd * LIQUIDATION_THRESHOLD) / 10000n, debtUsd);'
		);
		expect(await failing(id, sources)).toEqual(['hf-rounding']);
	});

	test('testing the raw debt instead of the debt in USD fails the no-debt check', async () => {
		const sources = mutate(
			id,
			'if (debtUsd === 0n) return MAX_UINT256;',
			'if (this.debtOf(user) === 0n) return MAX_UINT256;'
		);
		expect(await failing(id, sources)).toEqual(['hf-no-debt']);
	});

	test('using LTV instead of the liquidation threshold fails the model check', async () => {
		const sources = mutate(id, exact, 'return wadDiv(percentMul(collateralUsd, LTV), debtUsd);');
		expect(await failing(id, sources)).toContain('hf-matches-model');
	});
});

describe('02-lending/03-liquidation-call', () => {
	const id = '02-lending/03-liquidation-call';

	test('no health-factor guard fails only the healthy-position check', async () => {
		const sources = mutate(
			id,
			"require(healthFactor < WAD, 'health factor not below 1: the position is healthy');",
			''
		);
		expect(await failing(id, sources)).toEqual(['healthy-reverts']);
	});

	test('a guard of HF <= 1 lets exactly 1.0 through and fails the healthy-position check', async () => {
		const sources = mutate(id, 'require(healthFactor < WAD', 'require(healthFactor <= WAD');
		expect(await failing(id, sources)).toEqual(['healthy-reverts']);
	});

	test('a close factor of 50% everywhere fails only the close-factor check', async () => {
		const sources = mutate(id, 'healthFactor > CLOSE_FACTOR_HF_THRESHOLD', 'healthFactor >= 0n');
		const failed = await failing(id, sources);
		expect(failed).toContain('close-factor');
		expect(failed).not.toContain('liquidation-amounts');
		expect(failed).not.toContain('healthy-reverts');
	});

	test('a protocol fee on the whole seizure fails the amounts check', async () => {
		const sources = mutate(
			id,
			'const protocolFee = percentMul(bonus, LIQUIDATION_PROTOCOL_FEE);',
			'const protocolFee = percentMul(seized, LIQUIDATION_PROTOCOL_FEE);'
		);
		expect(await failing(id, sources)).toContain('liquidation-amounts');
	});

	test('no collateral-limited branch fails only the collateral-limited check', async () => {
		const sources = mutate(id, 'if (seized > available) {', 'if (false) {');
		expect(await failing(id, sources)).toEqual(['collateral-limited']);
	});
});
