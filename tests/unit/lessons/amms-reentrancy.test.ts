/**
 * Lesson 03-amms/05 (re-entrancy): the starter vault is drained by the attacker through
 * receive(), the solution pays it its stake only, and each check catches the mistake it is named
 * after (a mutant of the solution per check, a guard that is never released among them).
 */
import { describe, expect, test } from 'vitest';
import { lessonSources, runLesson } from '#lib/scenario/run-lesson.ts';
import { callTree, reentrySummary } from '#lib/viz/call-tree.ts';

const ID = '03-amms/05-reentrancy';
const FILE = 'contracts/Vault.ts';

/** The solution with each `from` replaced by its `to` (each must occur once). */
function mutant(...edits: [from: string, to: string][]): Record<string, string> {
	let text = lessonSources(ID, 'solution')[FILE];
	for (const [from, to] of edits) {
		expect(text.split(from).length, `${from} occurs once`).toBe(2);
		text = text.replace(from, to);
	}
	return { [FILE]: text };
}

async function outcome(sources: 'starter' | 'solution' | Record<string, string>) {
	const { run, result, checks } = await runLesson(ID, sources, 1);
	const calls = run.steps.flatMap((s) => s.txs.map((t) => t.receipt));
	const attackView = run.steps
		.flatMap((s) => s.txs)
		.find((t) => t.receipt.method === 'attack')?.view;
	run.dispose();
	if (!result.ok) throw new Error(JSON.stringify(result));
	const summary = Object.fromEntries(
		(result.overview.summary ?? []).map((r) => [r.label, r.value])
	);
	const failed = checks.filter((c) => !c.passed).map((c) => c.id);
	return { calls, summary, checks, failed, attackView };
}

describe(`${ID}: the call-tree view of the attack`, () => {
	test('the starter: 11 paid withdraw frames nested under the attacker, the 12th reverted', async () => {
		const tree = callTree((await outcome('starter')).attackView!);
		const withdraws = tree.rows.filter((r) => r.label === 'Vault.withdraw');
		expect(withdraws).toHaveLength(12);
		expect(withdraws.filter((r) => r.reentry)).toHaveLength(11);
		// the payments into Attacker.receive are callbacks into the attacker, not re-entries
		expect(tree.rows.filter((r) => r.label === 'Attacker.receive').every((r) => r.callback)).toBe(
			true
		);
		expect(reentrySummary(tree)).toBe('11 re-entries into Vault');
		expect(withdraws.map((r) => r.frame.status)).toEqual([...Array(11).fill('ok'), 'reverted']);
		// each frame sits deeper than the one before it: calls inside calls, not one after another
		const depths = withdraws.map((r) => r.frame.depth);
		expect(depths).toEqual([...depths].sort((a, b) => a - b));
		expect(new Set(depths).size).toBe(12);
	});

	test('the solution: one paid withdraw, one re-entrant withdraw that reverts', async () => {
		const tree = callTree((await outcome('solution')).attackView!);
		const withdraws = tree.rows.filter((r) => r.label === 'Vault.withdraw');
		expect(withdraws.map((r) => [r.reentry, r.frame.status])).toEqual([
			[false, 'ok'],
			[true, 'reverted']
		]);
	});
});

describe(ID, () => {
	test('the starter is drained: 11 payments of 1 ETH, honest withdrawals revert', async () => {
		const { calls, summary, failed } = await outcome('starter');
		const attack = calls.find((r) => r.method === 'attack')!;
		expect(attack.status).toBe('success');
		expect(attack.logs.filter((l) => l.event === 'Withdraw')).toHaveLength(11);
		expect(summary['ETH the attacker holds after the attack']).toBe('11 ETH');
		expect(summary['Payments to the attacker in the attack transaction']).toBe('11');
		expect(summary['Honest ETH withdrawn']).toBe('0 ETH of 10 ETH');
		const honest = calls.filter((r) => r.method === 'withdraw');
		expect(honest.map((r) => r.status)).toEqual(['reverted', 'reverted', 'reverted']);
		expect(failed).toEqual([
			'attacker-gets-stake-only',
			'reentry-refused',
			'honest-withdrawals',
			'ledger-invariant'
		]);
	});

	test('the solution pays the attacker its stake once and every honest depositor in full', async () => {
		const { calls, summary, failed } = await outcome('solution');
		const attack = calls.find((r) => r.method === 'attack')!;
		expect(attack.logs.filter((l) => l.event === 'Withdraw')).toHaveLength(1);
		expect(attack.logs.filter((l) => l.event === 'ReentryRefused')).toHaveLength(1);
		expect(summary['ETH the attacker holds after the attack']).toBe('1 ETH');
		expect(summary['Honest ETH withdrawn']).toBe('10 ETH of 10 ETH');
		expect(failed).toEqual([]);
	});

	test('a mutex guard instead of reordering passes every check', async () => {
		const guarded = lessonSources(ID, 'starter')
			[FILE].replace(
				"balances = new StorageMap<string, bigint>('balances'); // depositor -> wei owed",
				"balances = new StorageMap<string, bigint>('balances'); // depositor -> wei owed\n\tlocked = new StorageValue<boolean>('locked', false);"
			)
			.replace('import { Contract, StorageMap,', 'import { Contract, StorageMap, StorageValue,')
			.replace(
				'const amount = this.balanceOf(msg.sender);',
				"require(!this.locked.get(), 'ReentrancyGuard: reentrant call');\n\t\tthis.locked.set(true);\n\t\tconst amount = this.balanceOf(msg.sender);"
			)
			.replace(
				"emit('Withdraw', { user: msg.sender, amount });",
				"emit('Withdraw', { user: msg.sender, amount });\n\t\tthis.locked.set(false);"
			);
		const { failed } = await outcome({ [FILE]: guarded });
		expect(failed).toEqual([]);
	});

	test.each([
		{
			check: 'honest-withdrawals',
			name: 'a guard that is never released',
			sources: () =>
				mutant(
					['import { Contract, StorageMap,', 'import { Contract, StorageMap, StorageValue,'],
					[
						"balances = new StorageMap<string, bigint>('balances');",
						"locked = new StorageValue<boolean>('locked', false);\n\tbalances = new StorageMap<string, bigint>('balances');"
					],
					[
						'// checks\n',
						"// checks\n\t\trequire(!this.locked.get(), 'ReentrancyGuard: reentrant call');\n\t\tthis.locked.set(true);\n"
					]
				)
		},
		{
			check: 'reentry-refused',
			name: 'the ledger zeroed only after the transfer (the starter order)',
			sources: () =>
				mutant([
					"this.balances.set(msg.sender, 0n);\n\t\temit('Withdraw', { user: msg.sender, amount });\n\t\t// interactions: a re-entrant withdraw() now finds a zero balance and reverts\n\t\ttransfer(msg.sender, amount);",
					'transfer(msg.sender, amount);\n\t\tthis.balances.set(msg.sender, 0n);'
				])
		},
		{
			check: 'attacker-gets-stake-only',
			name: 'a ledger that is lowered by half before paying in full',
			sources: () =>
				mutant([
					'this.balances.set(msg.sender, 0n);',
					'this.balances.set(msg.sender, amount / 2n);'
				])
		},
		{
			check: 'ledger-invariant',
			name: 'a withdraw that pays one wei short',
			sources: () => mutant(['transfer(msg.sender, amount);', 'transfer(msg.sender, amount - 1n);'])
		},
		{
			check: 'honest-withdrawals',
			name: 'a deposit that is not credited to the ledger',
			sources: () =>
				mutant([
					'this.balances.set(msg.sender, this.balanceOf(msg.sender) + msg.value);',
					'this.balances.set(msg.sender, this.balanceOf(msg.sender));'
				])
		}
	])('$name fails $check', async ({ sources, check }) => {
		const { failed } = await outcome(sources());
		expect(failed).toContain(check);
	});
});
