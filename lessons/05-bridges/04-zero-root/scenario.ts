// Nomad, 1 August 2022: the Replica after the 21 June upgrade trusts the zero root, so a message
// nobody proved passes process(); copycats replay the first exploit with their own address.
import { defineScenario, ensure, type ScenarioContext } from '#lib/scenario/index.ts';
import {
	NOMAD_TREE_DEPTH,
	nomadLeaf,
	nomadTree,
	ZERO_HASHES
} from '#lib/protocols/nomad-merkle.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import type { ReplicaMessage } from '#lib/model/replica.ts';

const REPLICA = 'contracts/Replica.ts';
const ROUTER = 'contracts/BridgeRouter.ts';
/** Nomad domain ids: the ASCII of "eth" and "beam" as numbers */
const ETHEREUM = 6648936;
const MOONBEAM = 1650811245;
/** Nomad's optimistic timeout, 30 minutes on every chain (Nomad docs, Optimistic Timeout Period) */
const WINDOW = 1800;
const ZERO_ROOT = ZERO_HASHES[0];
const WBTC = 10n ** 18n;
/** 20:58 UTC on 1 August 2022; the first exploit transaction was at 21:32 UTC */
const GENESIS = Date.UTC(2022, 7, 1, 20, 58) / 1000;
const BLOCK = 12;
/** WBTC the router holds for earlier transfers (illustrative; built-in tokens have 18 decimals) */
const LOCKED = 402n * WBTC;

export type Bridge = { replica: string; router: string; wbtc: string };

const wbtc = (units: bigint) => {
	const whole = units / WBTC;
	const frac = units % WBTC;
	return `${whole.toLocaleString('en-US')}${frac ? '.' + String(frac).padStart(18, '0').replace(/0+$/, '') : ''} WBTC`;
};
const utc = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19) + ' UTC';
const why = (r: Receipt) => r.error?.message ?? r.status;

/** A Nomad message as the Replica reads it: origin|sender|nonce|destination|recipient|to|amount. */
export function message(router: string, nonce: number, to: string, amount: bigint): string {
	const sender = '0x' + '88'.repeat(20); // the BridgeRouter on Moonbeam
	return [MOONBEAM, sender, nonce, ETHEREUM, router, to, amount].join('|');
}

/**
 * The bridge as the upgrade of 21 June 2022 left it: a Replica initialised with committedRoot 0x00,
 * a BridgeRouter that holds `locked` WBTC for earlier transfers.
 */
export function openBridge(s: ScenarioContext, locked = LOCKED): Bridge {
	const token = s.deployToken({
		name: 'Wrapped BTC',
		symbol: 'WBTC',
		from: 'deployer',
		supply: locked
	});
	const replica = s.deploy(REPLICA, {
		from: 'deployer',
		args: [ETHEREUM, MOONBEAM, s.address('updater'), ZERO_ROOT, WINDOW]
	});
	const router = s.deploy(ROUTER, { from: 'deployer', args: [replica, MOONBEAM, token] });
	s.send({ from: 'deployer', to: token, method: 'transfer', args: [router, locked] });
	return { replica, router, wbtc: token };
}

function balanceOf(s: ScenarioContext, b: Bridge, who: string): bigint {
	return s.view(b.wbtc, 'balanceOf', [s.address(who)]) as bigint;
}

/** Mine until the next transaction lands at `at` (unix seconds) or just after. */
function mineUntil(s: ScenarioContext, at: number) {
	const blocks = Math.ceil((at - BLOCK - s.time()) / BLOCK);
	if (blocks > 0) s.mine(blocks);
}

/** Honest transfers dispatched on Moonbeam, their tree, and the updater's root on Ethereum. */
function dispatch(s: ScenarioContext, b: Bridge, transfers: [string, bigint][]) {
	const messages = transfers.map(([who, amount], nonce) =>
		message(b.router, nonce, s.address(who), amount)
	);
	const tree = nomadTree(messages.map(nomadLeaf));
	const r = s.send({
		from: 'updater',
		to: b.replica,
		method: 'update',
		args: [ZERO_ROOT, tree.root]
	});
	return { messages, tree, update: r, postedAt: s.time() };
}

function relay(s: ScenarioContext, b: Bridge, msg: string, proof: string[], index: number) {
	return s.send({
		from: 'relayer',
		to: b.replica,
		method: 'proveAndProcess',
		args: [msg, proof, index]
	});
}

const COPYCATS = ['exploiter', 'copycat-1', 'copycat-2', 'copycat-3'];

export default defineScenario<Bridge>({
	chains: [{ id: 1, blockTime: BLOCK, genesisTime: GENESIS }],
	*run(s) {
		s.total = 8;
		const b = openBridge(s);
		s.trackBalances([b.router, 'alice', 'bob', ...COPYCATS], [s.token(b.wbtc, 'WBTC')]);
		s.note(
			`Replica initialised with committedRoot 0x00...00 and confirmAt[0x00...00] = ${s.storage(b.replica).get('confirmAt', ZERO_ROOT) ?? 'unset'}.`
		);
		yield `The upgraded Replica and the BridgeRouter with ${wbtc(LOCKED)} locked (illustrative)`;

		const honest = dispatch(s, b, [
			['alice', 2n * WBTC],
			['bob', 1n * WBTC]
		]);
		const inbox = (label: string, dispatched: boolean): ReplicaMessage => ({
			label,
			dispatched,
			postedAt: dispatched ? honest.postedAt : null,
			acceptableFrom: dispatched ? honest.postedAt + WINDOW : null,
			attempts: []
		});
		const aliceRow = inbox('Alice: 2 WBTC', true);
		const bobRow = inbox('Bob: 1 WBTC', true);
		const attackRows = COPYCATS.map((who) => inbox(`${who}: 100 WBTC`, false));
		s.overview.replica = { windowSeconds: WINDOW, messages: [aliceRow, bobRow, ...attackRows] };
		const attempt = (row: ReplicaMessage, r: Receipt) =>
			row.attempts.push({
				step: s.step,
				time: s.time(),
				paid: r.status === 'success',
				reason: r.status === 'success' ? undefined : why(r)
			});
		s.note(
			`Root ${honest.tree.root.slice(0, 10)}... posted at ${utc(honest.postedAt)}: acceptable from ${utc(honest.postedAt + WINDOW)}.`
		);
		yield 'Moonbeam sends Alice 2 WBTC and Bob 1 WBTC; the updater posts the new root';

		const early = relay(s, b, honest.messages[0], honest.tree.branch(0), 0);
		attempt(aliceRow, early);
		s.note(`At ${utc(s.time())}, Alice's proof: ${early.status} (${why(early)}).`);
		yield 'The relayer proves Alice’s message at once';

		mineUntil(s, honest.postedAt + WINDOW);
		const alice = relay(s, b, honest.messages[0], honest.tree.branch(0), 0);
		attempt(aliceRow, alice);
		s.note(
			`At ${utc(s.time())}, Alice's proof: ${alice.status}${alice.status === 'success' ? '' : ` (${why(alice)})`}.`
		);
		yield 'The optimistic window (1,800 s) is over: Alice’s message is processed';

		mineUntil(s, Date.UTC(2022, 7, 1, 21, 32) / 1000);
		let processed = 0;
		for (const [i, who] of COPYCATS.entries()) {
			const fake = message(b.router, 1000 + i, s.address(who), 100n * WBTC);
			const r = s.send({ from: who, to: b.replica, method: 'process', args: [fake] });
			if (r.status === 'success') processed++;
			attempt(attackRows[i], r);
			s.note(
				`${who} at ${utc(s.time())}: process(100 WBTC to itself), never sent on Moonbeam: ${r.status}${r.status === 'success' ? '' : ` (${why(r)})`}.`
			);
			if (i === 0) yield 'The exploiter calls process() with a message nobody sent or proved';
		}
		yield 'Three copycats paste the same transaction with their own address';

		const bob = relay(s, b, honest.messages[1], honest.tree.branch(1), 1);
		attempt(bobRow, bob);
		s.note(`Bob's proof: ${bob.status}${bob.status === 'success' ? '' : ` (${why(bob)})`}.`);
		yield 'The relayer brings Bob’s honest message';

		const replay = relay(s, b, honest.messages[0], honest.tree.branch(0), 0);
		attempt(aliceRow, replay);
		s.note(
			`Alice's message again: ${replay.status}${replay.status === 'success' ? '' : ` (${why(replay)})`}.`
		);
		yield 'Someone replays Alice’s processed message';

		const delivered = [alice, bob].filter((r) => r.status === 'success').length;
		s.summary('Attack messages processed', `${processed} of ${COPYCATS.length}`, {
			reference: `0 of ${COPYCATS.length} once the zero root is refused (Nomad fix 0e02cc1f)`
		});
		s.summary('Honest messages delivered', `${delivered} of 2`, { reference: '2 of 2' });
		s.summary('WBTC left in the BridgeRouter', wbtc(balanceOf(s, b, b.router)), {
			reference: `${wbtc(LOCKED - 3n * WBTC)} (${wbtc(LOCKED)} less Alice's 2 and Bob's 1)`
		});
		return b;
	},

	checks: [
		{
			id: 'unproven-refused',
			title: 'process() refuses messages nobody proved, from any address',
			run(c) {
				const s = c.fresh();
				const b = openBridge(s, 300n * WBTC);
				for (const who of ['mallory', 'trudy', 'oscar']) {
					const fake = message(b.router, 7, s.address(who), 100n * WBTC);
					const r = s.send({ from: who, to: b.replica, method: 'process', args: [fake] });
					const held = balanceOf(s, b, who);
					ensure(
						r.status === 'reverted' && held === 0n,
						`${who} called process() with a message for 100 WBTC that was never sent from Moonbeam nor proven; ` +
							`it ${r.status === 'success' ? 'succeeded' : 'reverted'} and ${who} now holds ${wbtc(held)}. ` +
							'An unproven message has messages[hash] = 0x00...00: acceptableRoot must not accept that.'
					);
					const bogus = Array.from({ length: NOMAD_TREE_DEPTH }, () => ZERO_ROOT);
					const p = s.send({
						from: who,
						to: b.replica,
						method: 'proveAndProcess',
						args: [fake, bogus, 0]
					});
					ensure(
						p.status === 'reverted' && balanceOf(s, b, who) === 0n,
						`${who} called proveAndProcess() with a proof of 32 zero hashes for a message that is in no posted tree; it succeeded.`
					);
				}
				const left = balanceOf(s, b, b.router);
				ensure(
					left === 300n * WBTC,
					`The router should still hold 300 WBTC, it holds ${wbtc(left)}.`
				);
				return c.pass(
					'Three addresses pasted the attack transaction; every one reverted with nothing paid.'
				);
			}
		},
		{
			id: 'window-enforced',
			title: 'A proven message waits out the 1,800 s window, then is paid',
			run(c) {
				const s = c.fresh();
				const b = openBridge(s);
				const { messages, tree, update, postedAt } = dispatch(s, b, [['dana', 5n * WBTC]]);
				ensure(
					update.status === 'success',
					`The updater's update(0x00...00, root) reverted: ${why(update)}.`
				);
				const proof = tree.branch(0);
				mineUntil(s, postedAt + WINDOW - BLOCK);
				const early = relay(s, b, messages[0], proof, 0);
				ensure(
					early.status === 'reverted' && balanceOf(s, b, 'dana') === 0n,
					`The root was posted at ${utc(postedAt)} and is acceptable from ${utc(postedAt + WINDOW)}. ` +
						`Dana's proven message was processed at ${utc(s.time())}, ${postedAt + WINDOW - s.time()} s before the window ends.`
				);
				mineUntil(s, postedAt + WINDOW);
				const onTime = relay(s, b, messages[0], proof, 0);
				const held = balanceOf(s, b, 'dana');
				ensure(
					onTime.status === 'success' && held === 5n * WBTC,
					`At ${utc(s.time())}, exactly ${WINDOW} s after the root landed, Dana's message with a valid proof ` +
						`should pay her 5 WBTC; it ${onTime.status === 'success' ? 'succeeded' : `reverted (${why(onTime)})`} and she holds ${wbtc(held)}.`
				);
				return c.pass(
					`Refused 12 s before the window ended, paid at ${WINDOW} s (block.timestamp >= confirmAt).`
				);
			}
		},
		{
			id: 'processes-once',
			title: 'A message is processed only once',
			run(c) {
				const s = c.fresh();
				const b = openBridge(s);
				const { messages, tree, postedAt } = dispatch(s, b, [
					['erin', 3n * WBTC],
					['frank', 1n * WBTC]
				]);
				mineUntil(s, postedAt + WINDOW);
				const first = relay(s, b, messages[0], tree.branch(0), 0);
				ensure(
					first.status === 'success',
					`Erin's proven message, after the window, reverted: ${why(first)}.`
				);
				const again = relay(s, b, messages[0], tree.branch(0), 0);
				const direct = s.send({
					from: 'erin',
					to: b.replica,
					method: 'process',
					args: [messages[0]]
				});
				const held = balanceOf(s, b, 'erin');
				ensure(
					again.status === 'reverted' && direct.status === 'reverted' && held === 3n * WBTC,
					`Erin's message was processed, then sent again through proveAndProcess (${again.status}) and process (${direct.status}); ` +
						`she holds ${wbtc(held)}, expected 3 WBTC.`
				);
				const frank = relay(s, b, messages[1], tree.branch(1), 1);
				ensure(
					frank.status === 'success',
					`Frank's message, the second leaf of the same root, reverted: ${why(frank)}.`
				);
				return c.pass(
					'The second delivery of Erin’s message reverted; Frank’s, under the same root, went through.'
				);
			}
		}
	]
});
