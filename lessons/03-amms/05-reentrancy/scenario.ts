// The DAO's bug in miniature: a vault pays before it updates its ledger, and Mallory's contract
// calls withdraw() again from receive() until the vault is empty.
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import {
	STAKE,
	attack,
	depositTo,
	eth,
	ledgerGap,
	ledgerOf,
	openVault,
	readAttacker,
	seededDepositors,
	showEth,
	whyFailed,
	withdrawFrom
} from './vault-world.ts';

type Result = { vault: string; attacker: string };

const DEPOSITORS = [
	{ name: 'alice', label: 'Alice', amount: eth(4) },
	{ name: 'bob', label: 'Bob', amount: eth('3.5') },
	{ name: 'carol', label: 'Carol', amount: eth('2.5') }
];

/**
 * A fresh world with seeded depositors in, then Mallory's attack; every transaction is followed
 * by the ledger invariant unless `invariant` is false. Returns what the checks need.
 */
function attackedVault(c: CheckContext<Result>, seed?: number) {
	const s = c.fresh(seed);
	const { vault, attacker } = openVault(s);
	const depositors = seededDepositors(s);
	const accounts = [...depositors.map((d) => d.name), attacker];
	const gaps: string[] = [];
	const watch = (what: string) => {
		const gap = ledgerGap(s, vault, accounts);
		if (gap) gaps.push(`after ${what}, ${gap}`);
	};
	for (const d of depositors) {
		const r = depositTo(s, vault, d.name, d.amount);
		c.assert(
			r.status === 'success',
			`${d.name} could not deposit ${showEth(d.amount)}: ${whyFailed(r)}.`
		);
		watch(`${d.name}'s deposit`);
	}
	const coinBefore = s.balance(vault);
	const receipt = attack(s, attacker);
	watch("Mallory's attack");
	return { s, vault, attacker, depositors, accounts, receipt, coinBefore, gaps, watch };
}

const total = (ds: { amount: bigint }[]) => ds.reduce((a, d) => a + d.amount, 0n);

export default defineScenario({
	*run(s: ScenarioContext) {
		const { vault, attacker } = openVault(s);
		s.trackBalances(
			['alice', 'bob', 'carol', attacker, vault],
			[s.native('ETH'), s.mapAsset(vault, 'balances', 'ETH owed by the vault')]
		);
		const accounts = [...DEPOSITORS.map((d) => d.name), attacker];
		const invariant = () => {
			const gap = ledgerGap(s, vault, accounts);
			return gap
				? `Ledger invariant broken: ${gap}.`
				: `Ledger invariant holds: the vault holds ${showEth(s.balance(vault))}, the sum of its ledger.`;
		};
		yield 'The vault is deployed; Mallory deploys her Attacker contract against it';

		for (const d of DEPOSITORS) depositTo(s, vault, d.name, d.amount);
		yield {
			label: 'Alice, Bob and Carol deposit 10 ETH in all',
			notes: [...DEPOSITORS.map((d) => `${d.label}: ${showEth(d.amount)}`), invariant()]
		};

		const r = attack(s, attacker);
		const got = readAttacker(s, attacker);
		const notes = [
			`Mallory's contract deposits ${showEth(STAKE)} and calls withdraw() once.`,
			r.status === 'success'
				? `The attack transaction succeeded (${r.gasUsed.toLocaleString('en-US')} gas).`
				: `The attack transaction reverted: ${whyFailed(r)}.`,
			`The vault paid the attacker ${got.payments} time${got.payments === 1 ? '' : 's'}, ${showEth(got.received)} in all.`,
			`receive() called withdraw() again ${got.reentries} time${got.reentries === 1 ? '' : 's'}; ${got.refused} of those failed.`,
			invariant()
		];
		yield { label: "Mallory's attack: deposit 1 ETH, withdraw, re-enter from receive()", notes };

		let honestPaid = 0n;
		const honestNotes: string[] = [];
		for (const d of DEPOSITORS) {
			const owed = ledgerOf(s, vault, d.name);
			const before = s.balance(vault);
			const w = withdrawFrom(s, vault, d.name);
			const paid = before - s.balance(vault);
			if (w.status === 'success') honestPaid += paid;
			honestNotes.push(
				w.status === 'success'
					? `${d.label} withdraws ${showEth(paid)} (the ledger owed ${showEth(owed)}).`
					: `${d.label}'s withdraw reverted: ${whyFailed(w)}. The ledger still says ${showEth(owed)}.`
			);
		}
		honestNotes.push(invariant());
		yield { label: 'Alice, Bob and Carol withdraw, one after another', notes: honestNotes };

		s.summary('ETH the attacker holds after the attack', showEth(s.balance(attacker)), {
			note: `it deposited ${showEth(STAKE)}`
		});
		s.summary('Payments to the attacker in the attack transaction', String(got.payments));
		s.summary('Honest ETH withdrawn', `${showEth(honestPaid)} of ${showEth(total(DEPOSITORS))}`);
		return { vault, attacker };
	},

	checks: [
		{
			id: 'attacker-gets-stake-only',
			title: 'The attacker gets back at most what it deposited',
			run(c: CheckContext<Result>) {
				const { s, attacker, receipt, depositors } = attackedVault(c);
				const got = readAttacker(s, attacker);
				const held = s.balance(attacker);
				c.assert(
					held <= got.deposited,
					`With ${depositors.length} depositors holding ${showEth(total(depositors))}, the attacker ` +
						`deposited ${showEth(got.deposited)} and now holds ${showEth(held)}: it took ` +
						`${showEth(held - got.deposited)} of other people's ETH in ${got.payments} payments.`
				);
				return c.pass(
					receipt.status === 'success'
						? `The attacker deposited ${showEth(got.deposited)} and got back ${showEth(held)}.`
						: `The attack transaction reverted (${whyFailed(receipt)}); the attacker kept its stake.`
				);
			}
		},
		{
			id: 'reentry-refused',
			title: "The attack transaction's re-entrant withdrawals fail or find a zero balance",
			run(c: CheckContext<Result>) {
				const { s, vault, attacker, receipt } = attackedVault(c);
				c.assert(
					receipt.status === 'success',
					`The attack transaction reverted (${whyFailed(receipt)}): the attacker's first, ` +
						`honest withdraw() of its own deposit should succeed; only the re-entrant ones should fail.`
				);
				const got = readAttacker(s, attacker);
				c.assert(
					got.reentries >= 1,
					'receive() never called withdraw() again: the vault paid the attacker without running its receive().'
				);
				c.assert(
					got.payments <= 1,
					`receive() called withdraw() again ${got.reentries} times and the vault paid ${got.payments} times ` +
						`(${showEth(got.received)}): each re-entrant call still read the old balance, because the ` +
						`ledger is updated only after transfer() returns.`
				);
				c.assert(
					ledgerOf(s, vault, attacker) === 0n,
					`After the attack the ledger still owes the attacker ${showEth(ledgerOf(s, vault, attacker))}, though it was paid.`
				);
				return c.pass(
					`receive() re-entered ${got.reentries} time${got.reentries === 1 ? '' : 's'}; ` +
						`${got.refused} refused, the vault paid once (${showEth(got.received)}, the stake).`
				);
			}
		},
		{
			id: 'honest-withdrawals',
			title: 'Every honest depositor keeps their balance and can withdraw it, one after another',
			run(c: CheckContext<Result>) {
				const { s, vault, depositors } = attackedVault(c);
				for (const d of depositors) {
					const owed = ledgerOf(s, vault, d.name);
					c.assert(
						owed === d.amount,
						`After the attack the ledger owes ${d.name} ${showEth(owed)}; ${d.name} deposited ${showEth(d.amount)}.`
					);
				}
				// two rounds: withdraw all, deposit again, withdraw again (a guard must be released)
				for (const round of [1, 2]) {
					for (const d of depositors) {
						if (round === 2) depositTo(s, vault, d.name, d.amount);
						const before = s.balance(vault);
						const r = withdrawFrom(s, vault, d.name);
						c.assert(
							r.status === 'success',
							`${d.name}'s withdraw of ${showEth(d.amount)}${round === 2 ? ' (after depositing again)' : ''} ` +
								`reverted: ${whyFailed(r)}.` +
								(/lock|reentr|guard/i.test(r.error?.message ?? '')
									? ' A guard must be released when withdraw() returns, or it blocks every honest withdrawal after the first.'
									: '')
						);
						const paid = before - s.balance(vault);
						c.assert(
							paid === d.amount,
							`${d.name} withdrew and the vault paid ${showEth(paid)}; the ledger owed ${showEth(d.amount)}.`
						);
						c.assert(
							ledgerOf(s, vault, d.name) === 0n,
							`After paying ${d.name}, the ledger still owes them ${showEth(ledgerOf(s, vault, d.name))}.`
						);
					}
				}
				return c.pass(
					`${depositors.length} depositors withdrew ${showEth(total(depositors))} after the attack, ` +
						'deposited again and withdrew again.'
				);
			}
		},
		{
			id: 'ledger-invariant',
			title: "The vault's ETH equals the sum of its ledger after every transaction",
			run(c: CheckContext<Result>) {
				const { s, vault, depositors, gaps, watch } = attackedVault(c, 7);
				for (const d of depositors) {
					withdrawFrom(s, vault, d.name);
					watch(`${d.name}'s withdraw`);
				}
				c.assert(gaps.length === 0, `Ledger invariant broken ${gaps[0]}.`);
				return c.pass(
					`After ${depositors.length} deposits, the attack and ${depositors.length} withdrawals the ` +
						'vault always held exactly what its ledger owed.'
				);
			}
		}
	]
});
