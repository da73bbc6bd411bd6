// The operator posts one root for eight withdrawals; Alice and Bob withdraw with their proofs,
// Mallory replays Alice's proof for herself, Alice tries twice; then Bitcoin block 100000's root
// and an SPV branch of its third transaction, checked by your contract.
import type { MerkleTreeView } from '#lib/model/bridge.ts';
import {
	bitcoinMerkleBranch,
	bitcoinMerkleRoot,
	standardLeafHash,
	verifyBitcoinBranch,
	verifyStandardProof
} from '#lib/protocols/merkle.ts';
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import { formatUnits } from '#lib/scenario/format.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import {
	BLOCK_100000,
	BLOCK_99997,
	TYPES,
	bitcoinLevels,
	withdrawalsTree,
	type Withdrawals
} from './trees.ts';

const E = 10n ** 18n;
const OWED: [string, bigint][] = [
	['alice', 100n * E],
	['bob', 250n * E],
	['carol', 75n * E],
	['dave', 40n * E],
	['erin', 500n * E],
	['frank', 12n * E],
	['grace', 300n * E],
	['heidi', 8n * E]
];
const tok = (amount: bigint) => `${formatUnits(amount, 18)} TOK`;

type Exit = { token: string; exit: string };
type Run = { exit: Exit };

/** TOK, the learner's Withdrawals (funded with `total`) and the operator's root. */
function openExit(s: ScenarioContext, w: Withdrawals, total: bigint): Exit {
	const token = s.deployToken({ name: 'Token', symbol: 'TOK', from: 'operator', supply: total });
	const exit = s.deploy('contracts/Withdrawals.ts', {
		from: 'operator',
		args: [token, s.address('operator')]
	});
	s.send({ from: 'operator', to: token, method: 'transfer', args: [exit, total] });
	s.send({ from: 'operator', to: exit, method: 'postRoot', args: [w.tree.root] });
	return { token, exit };
}

const owedTree = (s: ScenarioContext, owed = OWED) =>
	withdrawalsTree(owed.map(([who, amount]) => [s.address(who), amount]));
const total = (owed: [string, bigint][]) => owed.reduce((sum, [, v]) => sum + v, 0n);

const withdraw = (
	s: ScenarioContext,
	e: Exit,
	who: string,
	amount: bigint,
	proof: string[]
): Receipt => s.send({ from: who, to: e.exit, method: 'withdraw', args: [amount, proof] });

const why = (r: Receipt) =>
	r.status === 'success' ? 'it succeeded' : (r.error?.message ?? 'reverted');

/** The learner's verify(root, leafHash(account, amount), proof), safe against a throwing contract. */
function learnerVerifies(
	s: ScenarioContext,
	e: Exit,
	root: string,
	account: string,
	amount: bigint,
	proof: string[]
) {
	const leaf = s.view(e.exit, 'leafHash', [account, amount]) as string;
	return s.view(e.exit, 'verify', [root, leaf, proof]) === true;
}

export default defineScenario<Run>({
	*run(s) {
		const w = owedTree(s);
		const e = openExit(s, w, total(OWED));
		s.trackBalances(['alice', 'bob', 'mallory'], [s.token(e.token, 'TOK')]);
		const view: MerkleTreeView = {
			title: 'Withdrawals: StandardMerkleTree of (address, uint256)',
			levels: w.levels,
			leafLabels: [],
			proofs: []
		};
		view.leafLabels = w.levels[0].map((_, p) => {
			const i = OWED.findIndex((_, k) => w.leafPosition(k) === p);
			return `${OWED[i][0]} ${tok(OWED[i][1])}`;
		});
		const bitcoin: MerkleTreeView = {
			title: 'Bitcoin block 100000: SHA-256d over internal byte order',
			levels: bitcoinLevels(BLOCK_100000.txids),
			leafLabels: BLOCK_100000.txids.map((t, i) => `tx ${i}: ${t.slice(0, 8)}…`),
			proofs: []
		};
		s.overview.bridge = { chains: [], messages: [], merkle: [view, bitcoin] };
		s.note(`The operator posts the root ${w.tree.root} for 8 withdrawals (${tok(total(OWED))}).`);
		yield 'The operator funds your Withdrawals contract and posts the root of 8 withdrawals';

		const claim = (who: string, index: number, amount: bigint, label: string, valid: boolean) => {
			const r = withdraw(s, e, who, amount, w.tree.proof(index));
			view.proofs.push({
				step: s.step,
				leaf: w.leafPosition(index),
				label,
				accepted: r.status === 'success',
				valid
			});
			s.note(`${label}: ${r.status}${r.error ? ` (${r.error.message})` : ''}.`);
			return r;
		};
		claim('alice', 0, 100n * E, 'Alice withdraws 100 TOK with her proof', true);
		yield 'Alice withdraws 100 TOK with her proof';
		claim('bob', 1, 250n * E, 'Bob withdraws 250 TOK with his proof', true);
		yield 'Bob withdraws 250 TOK with his proof';
		claim('mallory', 0, 100n * E, "Mallory sends Alice's proof for herself", false);
		yield "Mallory withdraws 100 TOK with Alice's proof";
		claim('alice', 0, 100n * E, 'Alice withdraws a second time, with her valid proof', true);
		yield 'Alice tries to withdraw again';

		const root = String(s.view(e.exit, 'bitcoinRoot', [BLOCK_100000.txids]));
		const branch = bitcoinMerkleBranch(BLOCK_100000.txids, 2);
		const spv =
			s.view(e.exit, 'verifyTx', [branch.txid, branch.index, branch.hashes, BLOCK_100000.root]) ===
			true;
		bitcoin.proofs.push({
			step: s.step,
			leaf: 2,
			label: 'tx 2 of block 100000 (SPV branch)',
			accepted: spv,
			valid: true
		});
		s.note(`Your bitcoinRoot of block 100000: ${root}; published: ${BLOCK_100000.root}.`);
		s.note(`Your verifyTx of tx 2 against the published root: ${spv}.`);
		yield "Bitcoin block 100000: your root and tx 2's SPV branch";

		const paid = (who: string) => s.view(e.token, 'balanceOf', [s.address(who)]) as bigint;
		s.summary('Alice and Bob withdrew', tok(paid('alice') + paid('bob')), {
			reference: tok(350n * E)
		});
		s.summary('Mallory withdrew', tok(paid('mallory')), { reference: tok(0n) });
		s.summary('Block 100000 root', root.slice(0, 16) + '…', {
			reference: BLOCK_100000.root.slice(0, 16) + '…'
		});
		s.summary('SPV branch of tx 2', spv ? 'accepted' : 'rejected', { reference: 'accepted' });
		return { exit: e };
	},

	checks: [
		{
			id: 'leaf-matches-standard',
			title: 'leafHash(account, amount) is StandardMerkleTree’s leaf',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = owedTree(s);
				const e = openExit(s, w, total(OWED));
				for (const [who, amount] of [
					['alice', 100n * E],
					['erin', 1n],
					['dave', 0n]
				] as const) {
					const account = s.address(who);
					const mine = String(s.view(e.exit, 'leafHash', [account, amount]));
					const reference = standardLeafHash(TYPES, [account, amount.toString()]);
					c.assert(
						mine.toLowerCase() === reference,
						`leafHash(${who}, ${amount}) gave ${mine}; StandardMerkleTree's leaf is ${reference}: ` +
							'keccak256(keccak256(abi.encode(address, uint256))).'
					);
				}
				return c.pass('Your leaves equal StandardMerkleTree’s for three (address, amount) pairs.');
			}
		},
		{
			id: 'verifies-real-proofs',
			title: 'Every real proof of an 8- and a 5-leaf tree verifies, and withdraw pays it',
			run(c: CheckContext<Run>) {
				for (const owed of [OWED, OWED.slice(0, 5)]) {
					const s = c.fresh();
					const w = owedTree(s, owed);
					const e = openExit(s, w, total(owed));
					for (const [i, [who, amount]] of owed.entries()) {
						const proof = w.tree.proof(i);
						c.assert(
							learnerVerifies(s, e, w.tree.root, s.address(who), amount, proof),
							`In a tree of ${owed.length} withdrawals, ${who}'s proof (${proof.length} hashes, made by ` +
								`StandardMerkleTree) did not verify: verify(root, leafHash(${who}, ${tok(amount)}), proof) was false.`
						);
						const r = withdraw(s, e, who, amount, proof);
						c.assert(
							r.status === 'success',
							`${who} withdrew ${tok(amount)} with a real proof: ${why(r)}.`
						);
					}
				}
				return c.pass('All 13 real proofs verified and paid out.');
			}
		},
		{
			id: 'rejects-forged-proofs',
			title: 'Forged proofs and second withdrawals are refused, as StandardMerkleTree refuses them',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = owedTree(s);
				const e = openExit(s, w, total(OWED));
				const alice = s.address('alice');
				const proof = w.tree.proof(0);
				const flipped = proof.with(1, proof[1].slice(0, -1) + (proof[1].endsWith('0') ? '1' : '0'));
				const forged: [string, string, bigint, string[]][] = [
					['a larger amount', alice, 1000n * E, proof],
					["Bob's proof for Alice", alice, 100n * E, w.tree.proof(1)],
					['one sibling changed', alice, 100n * E, flipped],
					['a proof missing its last hash', alice, 100n * E, proof.slice(0, -1)],
					['an empty proof', alice, 100n * E, []]
				];
				for (const [what, account, amount, p] of forged) {
					const reference = verifyStandardProof(
						w.tree.root,
						TYPES,
						[account, amount.toString()],
						p
					);
					const mine = learnerVerifies(s, e, w.tree.root, account, amount, p);
					c.assert(
						mine === reference,
						`Alice's claim with ${what}: your verify says ${mine}, StandardMerkleTree says ${reference}.`
					);
				}
				const stolen = withdraw(s, e, 'mallory', 100n * E, proof);
				c.assert(
					stolen.status === 'reverted',
					"Mallory sent Alice's proof for herself and was paid: withdraw must hash msg.sender's own leaf."
				);
				const first = withdraw(s, e, 'alice', 100n * E, proof);
				c.assert(first.status === 'success', `Alice's real withdrawal failed: ${why(first)}.`);
				const second = withdraw(s, e, 'alice', 100n * E, proof);
				c.assert(
					second.status === 'reverted',
					'Alice withdrew twice with the same proof; the second must revert.'
				);
				return c.pass(
					'Five forged proofs refused as the reference refuses them; no theft, no double withdrawal.'
				);
			}
		},
		{
			id: 'bitcoin-root',
			title: 'bitcoinRoot gives the published roots of blocks 100000 and 99997',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const e = openExit(s, owedTree(s), total(OWED));
				const odd = BLOCK_100000.txids.slice(0, 3);
				for (const [what, txids, root] of [
					['block 100000 (4 transactions)', BLOCK_100000.txids, BLOCK_100000.root],
					['block 99997 (2 transactions)', BLOCK_99997.txids, BLOCK_99997.root],
					['the first 3 txids of block 100000 (an odd level)', odd, bitcoinMerkleRoot(odd)]
				] as const) {
					const mine = String(s.view(e.exit, 'bitcoinRoot', [txids]));
					c.assert(
						mine.toLowerCase() === root,
						`bitcoinRoot of ${what} gave ${mine}; expected ${root}. ` +
							(mine.toLowerCase() === reverseHex(root)
								? 'That is the root byte-reversed: show it in display order.'
								: 'Hash the internal byte order: reverse each txid, SHA-256d the pair, reverse the result.')
					);
				}
				return c.pass(`Block 100000's root is ${BLOCK_100000.root}, as published.`);
			}
		},
		{
			id: 'spv-branch',
			title: 'verifyTx accepts each transaction of block 100000 and refuses forged branches',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const e = openExit(s, owedTree(s), total(OWED));
				const ask = (txid: string, index: number, hashes: string[]) =>
					s.view(e.exit, 'verifyTx', [txid, index, hashes, BLOCK_100000.root]) === true;
				for (let i = 0; i < BLOCK_100000.txids.length; i++) {
					const b = bitcoinMerkleBranch(BLOCK_100000.txids, i);
					c.assert(
						ask(b.txid, b.index, b.hashes),
						`The SPV branch of tx ${i} of block 100000 did not verify.`
					);
				}
				const b = bitcoinMerkleBranch(BLOCK_100000.txids, 2);
				const cases: [string, string, number, string[]][] = [
					['the wrong position (index 3 for tx 2)', b.txid, 3, b.hashes],
					['another txid', BLOCK_100000.txids[0], 2, b.hashes],
					['an index beyond the branch (6)', b.txid, 6, b.hashes]
				];
				for (const [what, txid, index, hashes] of cases) {
					const reference = verifyBitcoinBranch({ txid, index, hashes }, BLOCK_100000.root);
					c.assert(
						ask(txid, index, hashes) === reference,
						`A branch with ${what}: your verifyTx says ${!reference}, the reference ${reference}.`
					);
				}
				return c.pass('All 4 branches verified; 3 forged ones refused.');
			}
		}
	]
});

function reverseHex(hex: string): string {
	return (hex.match(/../g) ?? []).reverse().join('');
}
