// Alice deploys a token, pays Bob, Bob pays Carol, Carol tries to spend more than she holds.
import {
	defineScenario,
	ensure,
	formatUnits,
	WAD,
	type ScenarioContext
} from '#lib/scenario/index.ts';

const TOKEN = 'contracts/Token.ts';
const SUPPLY = 1_000n * WAD;

const tok = (amount: bigint) => `${formatUnits(amount)} TOK`;

/** balanceOf through the learner's own method (what a wallet would call) */
const balanceOf = (s: ScenarioContext, token: string, who: string) =>
	s.view(token, 'balanceOf', [s.address(who)]) as bigint;

export default defineScenario({
	*run(s) {
		const token = s.deploy(TOKEN, { from: 'alice', args: [SUPPLY] });
		s.trackBalances(['alice', 'bob', 'carol'], [s.mapAsset(token, 'balances', 'TOK'), s.native()]);
		yield `Alice deploys Token with a supply of ${tok(SUPPLY)}`;

		s.send({ from: 'alice', to: token, method: 'transfer', args: [s.address('bob'), 250n * WAD] });
		yield 'Alice sends 250 TOK to Bob';

		s.send({ from: 'bob', to: token, method: 'transfer', args: [s.address('carol'), 100n * WAD] });
		yield 'Bob sends 100 TOK to Carol';

		const short = s.send({
			from: 'carol',
			to: token,
			method: 'transfer',
			args: [s.address('alice'), 500n * WAD]
		});
		s.note(`Carol's transfer: ${short.status}, gasUsed ${short.gasUsed}`);
		yield 'Carol tries to send 500 TOK to Alice';

		const total = ['alice', 'bob', 'carol'].reduce(
			(sum, who) => sum + balanceOf(s, token, who),
			0n
		);
		s.summary('TOK held by Alice, Bob and Carol', tok(total));
		s.summary('Total supply', tok(SUPPLY));
		return { token };
	},

	checks: [
		{
			id: 'transfer-moves-tokens',
			title: 'A transfer takes from the sender what it gives the receiver',
			run(c) {
				const s = c.fresh();
				const token = s.deploy(TOKEN, { from: 'alice', args: [SUPPLY] });
				const r = s.send({
					from: 'alice',
					to: token,
					method: 'transfer',
					args: [s.address('bob'), 250n * WAD]
				});
				ensure(
					r.status === 'success',
					`Alice's transfer of 250 TOK reverted: ${r.error?.message}.`
				);
				const alice = balanceOf(s, token, 'alice');
				const bob = balanceOf(s, token, 'bob');
				ensure(
					alice === 750n * WAD && bob === 250n * WAD,
					`After Alice sends 250 TOK to Bob, expected Alice 750 TOK and Bob 250 TOK; ` +
						`got Alice ${tok(alice)} and Bob ${tok(bob)}.` +
						(alice + bob > SUPPLY
							? ' Tokens appeared from nowhere: the sender was not debited.'
							: '')
				);
				const self = s.send({
					from: 'bob',
					to: token,
					method: 'transfer',
					args: [s.address('bob'), 50n * WAD]
				});
				const bobAfter = balanceOf(s, token, 'bob');
				ensure(
					self.status === 'success' && bobAfter === 250n * WAD,
					`A transfer of 50 TOK from Bob to himself should leave him with 250 TOK; he has ${tok(bobAfter)}.`
				);
				return c.pass('Balances move: 750 TOK + 250 TOK is still the 1,000 TOK supply.');
			}
		},
		{
			id: 'transfer-reverts-when-short',
			title: 'A transfer larger than the balance reverts with a reason',
			run(c) {
				const [carol] = c.receipts({ from: 'carol', method: 'transfer' });
				ensure(carol, 'The run has no transfer from Carol.');
				ensure(
					carol.receipt.status === 'reverted',
					'Carol holds 100 TOK and tried to send 500 TOK: expected a revert, but it succeeded.'
				);
				const reason = carol.receipt.error?.message ?? '';
				ensure(
					carol.receipt.error?.kind === 'revert' && /balance/i.test(reason),
					`Carol's transfer stopped with "${reason}" (${carol.receipt.error?.kind}); expected a ` +
						'revert whose reason mentions the balance, such as "insufficient balance".'
				);
				const s = c.fresh();
				const token = s.deploy(TOKEN, { from: 'alice', args: [SUPPLY] });
				const all = s.send({
					from: 'alice',
					to: token,
					method: 'transfer',
					args: [s.address('bob'), SUPPLY]
				});
				ensure(
					all.status === 'success',
					`Alice holds exactly 1000 TOK, so sending all 1000 TOK must succeed; it reverted with "${all.error?.message}".`
				);
				const none = s.send({
					from: 'alice',
					to: token,
					method: 'transfer',
					args: [s.address('bob'), 1n]
				});
				ensure(
					none.status === 'reverted',
					'With 0 TOK left, Alice sent 1 unit (1e-18 TOK) and it succeeded; expected a revert.'
				);
				return c.pass(`Carol's 500 TOK transfer reverted with "${reason}" and changed no balance.`);
			}
		},
		{
			id: 'transfer-emits-event',
			title: 'A transfer emits Transfer(from, to, amount)',
			run(c) {
				const [first] = c.receipts({ from: 'alice', method: 'transfer' });
				ensure(first, 'The run has no transfer from Alice.');
				const log = first.receipt.logs.find((l) => l.event === 'Transfer');
				ensure(
					log,
					"Alice's transfer emitted no Transfer event; expected Transfer { from, to, amount }."
				);
				const args = log.args as Record<string, unknown>;
				const alice = c.final.address('alice');
				const bob = c.final.address('bob');
				const same = (a: unknown, b: string) =>
					typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
				ensure(
					same(args.from, alice) && same(args.to, bob) && args.amount === 250n * WAD,
					`Expected Transfer { from: Alice, to: Bob, amount: 250 TOK }; got from ${String(args.from)}, ` +
						`to ${String(args.to)}, amount ${typeof args.amount === 'bigint' ? tok(args.amount) : String(args.amount)}.`
				);
				return c.pass('Transfer { from: Alice, to: Bob, amount: 250 TOK } is in the receipt.');
			}
		}
	]
});
