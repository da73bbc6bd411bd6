// Ronin (23 March 2022) and Harmony Horizon (23 June 2022) replayed against your gateway: the
// attackers' stolen keys, the allow-list nobody revoked, and honest withdrawals beside them.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import type { ApprovalRecord } from '#lib/model/approvals.ts';
import {
	ALLOW_LIST_END,
	AXIE_DAO,
	HARMONY_SET,
	PARTNERS,
	RONIN_SET,
	SKY_MAVIS,
	SKY_MAVIS_RPC,
	held,
	key,
	openGateway,
	removeValidators,
	attack,
	honest,
	withdraw,
	type Gateway,
	type Key
} from './bridge.ts';

/** 23 March 2022, 00:00 UTC: the day of Ronin's two withdrawals */
const GENESIS = Date.UTC(2022, 2, 23) / 1000;
const RONIN_FUNDS = { WETH: 180_000n, USDC: 26_000_000n };
const HARMONY_FUNDS = { USDC: 100_000_000n };

function ronin(s: ScenarioContext): Gateway {
	return openGateway(
		s,
		'Ronin',
		RONIN_SET,
		5,
		[[AXIE_DAO, SKY_MAVIS_RPC, ALLOW_LIST_END]],
		RONIN_FUNDS
	);
}
function harmony(s: ScenarioContext): Gateway {
	return openGateway(s, 'Harmony', HARMONY_SET, 2, [], HARMONY_FUNDS);
}
const units = (n: bigint, symbol: string) => `${n.toLocaleString('en-US')} ${symbol}`;
const why = (r: { status: string; error?: { message: string } }) =>
	r.status === 'success' ? 'paid' : `refused (${r.error?.message ?? 'reverted'})`;

export type Result = { ronin: Gateway; harmony: Gateway };

export default defineScenario<Result>({
	chains: [{ id: 1, blockTime: 12, genesisTime: GENESIS }],
	*run(s) {
		s.total = 7;
		const records: ApprovalRecord[] = [];
		s.overview.approvals = records;
		const r = ronin(s);
		const h = harmony(s);
		s.trackBalances(
			[r.address, h.address, 'ronin-attacker', 'harmony-attacker', 'alice', 'bob'],
			[
				s.token(r.tokens.WETH, 'WETH'),
				s.token(r.tokens.USDC, 'USDC'),
				s.token(h.tokens.USDC, 'USDC (Horizon)')
			]
		);
		s.note(
			`Ronin: 9 validators, ${String(s.view(r.address, 'requiredSignatures'))} signatures required by your gateway; ` +
				'allow-list: Axie DAO -> Sky Mavis gas-free RPC, meant to end in December 2021.'
		);
		s.note(
			`Harmony: 5 owners, ${String(s.view(h.address, 'requiredSignatures'))} signatures required by your gateway.`
		);
		yield 'Ronin’s gateway (9 validators) and Harmony’s (5 owners), funded (illustrative balances)';

		const alice = honest(s, r, 'alice', 'WETH', 10n, [
			...SKY_MAVIS.slice(0, 2),
			AXIE_DAO,
			...PARTNERS
		]);
		records.push(alice.record);
		s.note(`Alice's 10 WETH, signed by 7 of 9 validators: ${why(alice.receipt)}.`);
		yield 'An honest Ronin withdrawal: 10 WETH for Alice, 7 validators sign';

		const stolen = [...SKY_MAVIS, SKY_MAVIS_RPC];
		let roninTaken = 0;
		for (const [symbol, amount] of [
			['WETH', 173_600n],
			['USDC', 25_500_000n]
		] as const) {
			const w = withdraw(s, r, {
				from: 'ronin-attacker',
				to: 'ronin-attacker',
				symbol,
				amount,
				keys: stolen,
				attack: true
			});
			records.push(w.record);
			if (w.receipt.status === 'success') roninTaken++;
			s.note(
				`${units(amount, symbol)} signed by 4 Sky Mavis keys and the allow-listed RPC key: ${why(w.receipt)}.`
			);
			yield `23 March 2022: the attacker withdraws ${units(amount, symbol)} from Ronin`;
		}

		const bob = honest(s, h, 'bob', 'USDC', 5_000n, HARMONY_SET.slice(1, 5));
		records.push(bob.record);
		s.note(`Bob's 5,000 USDC, signed by 4 of 5 owners: ${why(bob.receipt)}.`);
		yield 'An honest Horizon withdrawal: 5,000 USDC for Bob, 4 owners sign';

		const harmonyKeys = HARMONY_SET.slice(0, 2);
		let harmonyTaken = 0n;
		for (const amount of [60_000_000n, 39_000_000n]) {
			const w = withdraw(s, h, {
				from: 'harmony-attacker',
				to: 'harmony-attacker',
				symbol: 'USDC',
				amount,
				keys: harmonyKeys,
				attack: true
			});
			records.push(w.record);
			if (w.receipt.status === 'success') harmonyTaken += amount;
			s.note(`${units(amount, 'USDC')} signed by the 2 decrypted owner keys: ${why(w.receipt)}.`);
		}
		yield '23-24 June 2022: with two owner keys, the attacker drains Horizon';

		s.summary('Ronin: attack withdrawals paid', `${roninTaken} of 2`, {
			reference: '0 of 2 with your rules; Ronin paid both (173,600 ETH and 25.5M USDC)'
		});
		s.summary('Harmony: USDC taken', units(harmonyTaken, 'USDC'), {
			reference: '0 USDC with your rules; Horizon lost about 100M USD (press figure)'
		});
		s.summary(
			'Honest withdrawals paid',
			`${[alice, bob].filter((w) => w.receipt.status === 'success').length} of 2`,
			{
				reference: '2 of 2'
			}
		);
		s.summary('Ronin: signatures required', String(s.view(r.address, 'requiredSignatures')), {
			reference: '7 (more than 2/3 of 9); 5 in March 2022, 8 after'
		});
		s.summary('Harmony: signatures required', String(s.view(h.address, 'requiredSignatures')), {
			reference: '4 (more than 2/3 of 5); 2 in June 2022'
		});
		return { ronin: r, harmony: h };
	},

	checks: [
		{
			id: 'ronin-compromise',
			title: 'Ronin’s compromise fails; an honest withdrawal still passes',
			run(c) {
				const s = c.fresh();
				const g = ronin(s);
				const stolen = [...SKY_MAVIS, SKY_MAVIS_RPC];
				for (const [symbol, amount] of [
					['WETH', 173_600n],
					['USDC', 25_500_000n]
				] as const) {
					const w = withdraw(s, g, {
						from: 'mallory',
						to: 'mallory',
						symbol,
						amount,
						keys: stolen,
						attack: true
					});
					ensure(
						w.receipt.status === 'reverted',
						`The attacker withdrew ${units(amount, symbol)} with the 4 Sky Mavis keys and the Sky Mavis RPC key ` +
							`that Axie DAO allow-listed until December 2021. Your gateway counted ${w.record.counted} of ` +
							`${w.record.required} required and paid. Four keys of one operator and a stale allow-list entry must not be enough.`
					);
				}
				const ok = honest(s, g, 'carol', 'WETH', 25n, [
					SKY_MAVIS[0],
					AXIE_DAO,
					...PARTNERS,
					SKY_MAVIS[1]
				]);
				ensure(
					ok.receipt.status === 'success' && held(s, g, 'WETH', 'carol') === 25n,
					`Carol's 25 WETH, signed by 7 distinct validators of 9, was refused: ${ok.receipt.error?.message}.`
				);
				return c.pass(
					'Both of the attacker’s withdrawals were refused; Carol’s 7-of-9 withdrawal was paid.'
				);
			}
		},
		{
			id: 'harmony-compromise',
			title: 'Harmony’s compromise fails; an honest withdrawal still passes',
			run(c) {
				const s = c.fresh();
				const g = harmony(s);
				const w = attack(s, g, 'mallory', 'USDC', 1_000_000n, HARMONY_SET.slice(0, 2));
				ensure(
					w.receipt.status === 'reverted',
					`With 2 of Horizon's 5 owner keys, the attacker withdrew 1,000,000 USDC: your gateway required ${w.record.required}. ` +
						'Two stolen keys of five must not move funds.'
				);
				const ok = honest(s, g, 'dave', 'USDC', 700n, [
					HARMONY_SET[0],
					HARMONY_SET[2],
					HARMONY_SET[3],
					HARMONY_SET[4]
				]);
				ensure(
					ok.receipt.status === 'success',
					`Dave's 700 USDC, signed by 4 of 5 owners, was refused: ${ok.receipt.error?.message}.`
				);
				return c.pass('Two keys of five were refused; four of five were paid.');
			}
		},
		{
			id: 'distinct-signers',
			title: 'Each validator counts once; strangers count for nothing',
			run(c) {
				const s = c.fresh();
				const g = ronin(s);
				const one = SKY_MAVIS[0];
				const repeated = attack(s, g, 'mallory', 'WETH', 100n, Array(9).fill(one) as Key[]);
				ensure(
					repeated.receipt.status === 'reverted',
					`One key (Sky Mavis 1) signed 9 times and your gateway counted ${repeated.record.counted}: it paid 100 WETH. A validator counts once.`
				);
				const strangers = [1, 2, 3, 4, 5, 6, 7].map((i) => key(`stranger ${i}`));
				const fake = attack(s, g, 'mallory', 'WETH', 100n, strangers);
				ensure(
					fake.receipt.status === 'reverted',
					`Seven keys that are not validators signed and your gateway counted ${fake.record.counted}: it paid.`
				);
				const ok = honest(s, g, 'erin', 'WETH', 3n, [
					...RONIN_SET.slice(2, 9),
					RONIN_SET[2],
					strangers[0]
				]);
				ensure(
					ok.receipt.status === 'success',
					`Erin's withdrawal had 7 distinct validators (plus one repeat and one stranger) and was refused: ${ok.receipt.error?.message}.`
				);
				return c.pass(
					'Nine copies of one signature counted as one; seven strangers as none; 7 distinct validators passed.'
				);
			}
		},
		{
			id: 'stale-allow-list',
			title: 'An allow-list entry counts only until it ends',
			run(c) {
				const s = c.fresh();
				const live = key('Partner 1 backup signer');
				const until = s.time() + 3600;
				const g = openGateway(
					s,
					'Ronin',
					RONIN_SET,
					5,
					[
						[AXIE_DAO, SKY_MAVIS_RPC, ALLOW_LIST_END],
						[PARTNERS[0], live, until]
					],
					RONIN_FUNDS
				);
				const six = [...SKY_MAVIS.slice(0, 3), ...PARTNERS.slice(1, 4)];
				const stale = attack(s, g, 'mallory', 'WETH', 50n, [...six, SKY_MAVIS_RPC]);
				ensure(
					stale.receipt.status === 'reverted',
					`Six validators and the Sky Mavis RPC key signed. Axie DAO's entry for that key ended on 1 January 2022; ` +
						`it is now ${new Date(s.time() * 1000).toISOString().slice(0, 10)}, and your gateway counted ${stale.record.counted} and paid.`
				);
				const fresh = honest(s, g, 'frank', 'WETH', 5n, [...six, live]);
				ensure(
					fresh.receipt.status === 'success',
					`Six validators and Ronin partner 1's backup signer (allow-listed for one more hour) signed; that is 7 validators, ` +
						`but your gateway refused: ${fresh.receipt.error?.message}.`
				);
				const both = attack(s, g, 'mallory', 'WETH', 5n, [...six.slice(0, 5), PARTNERS[0], live]);
				ensure(
					both.receipt.status === 'reverted',
					`Five validators, Ronin partner 1 and its backup signer signed: that is 6 validators, as partner 1 counts once. Your gateway paid.`
				);
				return c.pass(
					'The stale entry was refused, the live one counted, and a validator with its delegate counted once.'
				);
			}
		},
		{
			id: 'threshold-from-set',
			title: 'The threshold is more than 2/3 of the current set',
			run(c) {
				const s = c.fresh();
				const g = ronin(s);
				const six = attack(s, g, 'mallory', 'WETH', 9n, RONIN_SET.slice(0, 6));
				ensure(
					six.receipt.status === 'reverted',
					`Six of 9 validators is not more than two thirds; your gateway required ${six.record.required} and paid.`
				);
				removeValidators(s, g, SKY_MAVIS.slice(0, 3));
				const five = honest(s, g, 'gina', 'WETH', 2n, g.set.slice(0, 5));
				ensure(
					five.receipt.status === 'success',
					`After the operator removed 3 Sky Mavis validators, 6 remain and 5 of them signed (more than 2/3 of 6); ` +
						`your gateway required ${five.record.required} and refused.`
				);
				const four = attack(s, g, 'mallory', 'WETH', 2n, [
					...g.set.slice(0, 4),
					...SKY_MAVIS.slice(0, 3)
				]);
				ensure(
					four.receipt.status === 'reverted',
					`Four of the 6 current validators and the 3 removed ones signed; removed validators count for nothing and 4 of 6 ` +
						`is not more than 2/3. Your gateway counted ${four.record.counted} of ${four.record.required} and paid.`
				);
				return c.pass(
					'7 of 9 needed; after removing 3 validators, 5 of 6 passed and removed keys did not count.'
				);
			}
		}
	]
});
