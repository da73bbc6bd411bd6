/**
 * The re-entrancy lesson's world: the learner's Vault, honest depositors, and Mallory's read-only
 * Attacker contract, with helpers that read the vault's ledger and coin through the indexer (no
 * gas) and judge the ledger invariant: the ETH the vault holds equals the sum of what it owes.
 */
import type { ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import { formatTokens, parseUnits } from '#lib/model/units.ts';

export const VAULT = 'contracts/Vault.ts';
export const ATTACKER = 'contracts/Attacker.ts';
/** Mallory's stake: what her contract deposits before it withdraws (wei) */
export const STAKE = parseUnits('1', 18);

/** Whole ETH from decimal text: `eth('2.5')` -> 2.5e18 wei. */
export const eth = (amount: string | number): bigint => parseUnits(amount, 18);
/** Wei as `2.5 ETH` (at most 6 decimals), or `1 wei` below a millionth of an ETH. */
export const showEth = (wei: bigint): string =>
	wei !== 0n && wei < 10n ** 12n && wei > -(10n ** 12n)
		? `${wei} wei`
		: formatTokens(wei, 'ETH', 6);

/** What the attacker contract recorded (its own storage, read through the indexer). */
export type AttackRecord = {
	deposited: bigint;
	received: bigint;
	payments: number;
	reentries: number;
	refused: number;
};

export function readAttacker(s: ScenarioContext, attacker: string): AttackRecord {
	const st = s.storage(attacker);
	const big = (name: string) => BigInt((st.value(name) as bigint | number | null) ?? 0);
	const num = (name: string) => Number((st.value(name) as number | bigint | null) ?? 0);
	return {
		deposited: big('deposited'),
		received: big('received'),
		payments: num('payments'),
		reentries: num('reentries'),
		refused: num('refused')
	};
}

/** The vault's ledger entry for `who` (wei), from its `balances` map. */
export function ledgerOf(s: ScenarioContext, vault: string, who: string): bigint {
	const value = s.storage(vault).get('balances', s.address(who));
	return value === undefined || value === null ? 0n : BigInt(value as bigint);
}

/**
 * The ledger invariant: the vault's coin balance against the sum of its ledger over `accounts`
 * (every account that ever deposited). Returns null when they agree, else a sentence saying how.
 */
export function ledgerGap(s: ScenarioContext, vault: string, accounts: string[]): string | null {
	const coin = s.balance(vault);
	const owed = accounts.reduce((sum, who) => sum + ledgerOf(s, vault, who), 0n);
	if (coin === owed) return null;
	return (
		`the vault holds ${showEth(coin)} but its ledger owes ${showEth(owed)} ` +
		(coin < owed
			? `(${showEth(owed - coin)} of depositors' money is gone)`
			: `(${showEth(coin - owed)} is held for nobody)`)
	);
}

/** Why a receipt failed, for messages. */
export function whyFailed(r: Receipt): string {
	if (!r.error) return 'no reason given';
	const line = r.error.line ? ` (line ${r.error.line})` : '';
	return `${r.error.kind}: ${r.error.message}${line}`;
}

/** Deploy the learner's vault and Mallory's attacker contract. */
export function openVault(s: ScenarioContext): { vault: string; attacker: string } {
	const vault = s.deploy(VAULT, { from: 'deployer' });
	const attacker = s.deploy(ATTACKER, { from: 'mallory', args: [vault] });
	return { vault, attacker };
}

/** `who` deposits `amount` wei. */
export function depositTo(s: ScenarioContext, vault: string, who: string, amount: bigint): Receipt {
	return s.send({ from: who, to: vault, method: 'deposit', value: amount });
}

/** `who` withdraws everything the ledger owes them. */
export function withdrawFrom(s: ScenarioContext, vault: string, who: string): Receipt {
	return s.send({ from: who, to: vault, method: 'withdraw' });
}

/** Mallory's attack transaction: her contract deposits `stake` and withdraws. */
export function attack(s: ScenarioContext, attacker: string, stake = STAKE): Receipt {
	return s.send({ from: 'mallory', to: attacker, method: 'attack', value: stake });
}

/**
 * Seeded honest depositors for checks: 4 to 6 accounts with 0.5-6 ETH each (milli-ETH steps),
 * drawn from the world's seeded random source.
 */
export function seededDepositors(s: ScenarioContext): { name: string; amount: bigint }[] {
	const names = ['dora', 'erin', 'finn', 'gus', 'hana', 'ivan'];
	const count = 4 + Math.floor(s.random() * 3);
	return names.slice(0, count).map((name) => ({
		name,
		amount: eth((500 + Math.floor(s.random() * 5500)) / 1000)
	}));
}
