// Alice sends TOK from chain A to chain B over IBC: a packet the relayer delivers twice, two it
// delivers out of order, one that times out while the relayer is down, and a forged header that
// freezes chain B's light client of chain A.
import type { RiskCard } from '#lib/model/bridge.ts';
import {
	ICS20_SUCCESS_ACK,
	ackCommitment,
	packetCommitment,
	timeoutElapsed,
	voucherDenom
} from '#lib/protocols/ibc.ts';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { signHeader } from '#lib/protocols/light-header.ts';
import { defineScenario, type CheckContext, type ScenarioContext } from '#lib/scenario/index.ts';
import type { Receipt } from '#lib/scenario/engine.ts';
import {
	A,
	B,
	BLOCK_TIME,
	CHAINS,
	E,
	NS,
	VALIDATORS,
	deliver,
	escrowed,
	follow,
	headerOf,
	inFlight,
	openIbc,
	packetOf,
	pathOf,
	proveTimeout,
	relayerUp,
	startRelayer,
	storeOf,
	tok,
	tokOf,
	transfer,
	updateArgs,
	updateClient,
	voucherOf,
	vouchers,
	wait,
	whyFailed,
	type Ibc,
	type Packet
} from './world.ts';

/** Supply at the end of one step (wei; vouchers have TOK's 18 decimals). */
type Sample = { step: number; label: string; escrowed: bigint; vouchers: bigint; inFlight: bigint };
type Run = { ibc: Ibc; samples: Sample[] };

const HOUR = 3600;
const TIMEOUT_SECONDS = 60;
/** seconds the relayer is down: 12 blocks of 6 s on each chain */
const OUTAGE_SECONDS = 72;
const VOUCHER = voucherDenom('transfer/channel-0/TOK');
const V = 'ibc/…TOK';

/** Seconds on chain B's clock as an IBC timeout timestamp (ns). */
const at = (s: ScenarioContext, seconds: number) => BigInt(s.time(B) + seconds) * NS;
const unbacked = (x: Sample) => x.vouchers - (x.escrowed - x.inFlight);

/** The relayer brings a packet over by hand: update B's client of A, then deliver. */
function relayNow(s: ScenarioContext, w: Ibc, seq: bigint, from = 'relayer'): Receipt {
	updateClient(s, w, B);
	return deliver(s, w, packetOf(s, w, seq), from);
}

/** Alice's transfers of the checks: each with a far timeout unless given. */
function send(
	s: ScenarioContext,
	w: Ibc,
	amount: bigint,
	timeout?: { height?: bigint; timestamp?: bigint }
) {
	const r = transfer(s, w, 'alice', 'bob', amount * E, timeout ?? { timestamp: at(s, HOUR) });
	if (r.status !== 'success') throw new Error(`Alice's transfer failed: ${whyFailed(r)}`);
	return BigInt(s.logs({ chainId: A, event: 'SendPacket', address: w.channel[A] }).length);
}

const count = (s: ScenarioContext, w: Ibc, chainId: number, event: string, seq: bigint) =>
	s.logs({ chainId, event, address: w.channel[chainId] }).filter((l) => l.args.nonce === seq)
		.length;

/** Mallory's forged store: a commitment for a packet of 1,000,000 TOK to her. */
function forgedPacket(s: ScenarioContext, w: Ibc): Packet {
	const real = packetOf(s, w, 1n);
	const data = JSON.stringify({
		denom: 'TOK',
		amount: String(1_000_000n * E),
		sender: s.address('mallory', A),
		receiver: s.address('mallory', B)
	});
	return { ...real, sequence: 99n, data };
}

export default defineScenario<Run>({
	chains: CHAINS,
	*run(s) {
		const w = openIbc(s);
		startRelayer(s, w, { replay: [0], reorder: true });
		follow(s, w);
		const samples: Sample[] = [];
		const labels: string[] = [];
		s.bot('supply-sampler', () => {
			samples.push({
				step: s.step,
				label: labels[s.step] ?? '',
				escrowed: escrowed(s, w),
				vouchers: vouchers(s, w),
				inFlight: inFlight(s, w)
			});
		});
		const step = (label: string) => (labels[s.step] = label);
		s.trackBalances(
			['alice', 'bob', 'carol', 'dave', 'mallory'],
			[s.token(w.token, 'TOK', A), s.mapAsset(w.channel[B], 'vouchers', V, 18, B)]
		);
		s.note(
			`Vouchers of TOK on chain B are denominated ${VOUCHER} (ICS-20: SHA-256 of transfer/channel-0/TOK).`
		);
		yield step(
			'Two chains, four validators each; a light client of the other chain and your TransferChannel on both'
		);

		transfer(s, w, 'alice', 'bob', 10n * E, { timestamp: at(s, HOUR) });
		yield step(
			'Alice sends 10 TOK to Bob; the relayer delivers the packet twice, and brings the acknowledgement back'
		);

		transfer(s, w, 'alice', 'carol', 3n * E, { timestamp: at(s, HOUR) });
		transfer(s, w, 'alice', 'carol', 4n * E, { timestamp: at(s, HOUR) });
		yield step('Alice sends 3 and 4 TOK to Carol; the relayer delivers them out of order');

		yield step('The last acknowledgement reaches chain A');

		relayerUp(w, false);
		const timeout = at(s, TIMEOUT_SECONDS);
		transfer(s, w, 'alice', 'dave', 5n * E, { timestamp: timeout });
		s.note(
			`The relayer is down. Alice's packet 4 to Dave times out at chain B's time ${timeout / NS} s (chain B reads ${s.time(B)} s), with no timeout height (0-0).`
		);
		yield step('The relayer goes down; Alice sends 5 TOK to Dave with a 60 s timeout');

		wait(s, OUTAGE_SECONDS);
		s.note(`Chain B's clock reads ${s.time(B)} s: past the timeout of packet 4.`);
		yield step('72 s pass on chain B with the relayer down');

		relayerUp(w, true);
		yield step('The relayer comes back: packet 4 is late on chain B, and times out on chain A');

		s.mine(1, A);
		const forged = forgedPacket(s, w);
		const commitment = packetCommitment({ ...forged, data: utf8ToBytes(forged.data) });
		const store = [...storeOf(s, w, A), [pathOf('commitments', forged), commitment]] as [
			string,
			string
		][];
		const lie = signHeader(headerOf(s, w, A, store), VALIDATORS[A]);
		const lieTx = s.send({
			chainId: B,
			from: 'mallory',
			to: w.client[B],
			method: 'updateClient',
			args: [updateArgs(s, w, lie, B)]
		});
		s.note(
			`Mallory submits a header of chain A at height ${lie.header.height} that all four validators of A signed twice (equivocation): ${whyFailed(lieTx)}. The relayer's true header at the same height follows.`
		);
		yield step(
			'Mallory submits a forged header signed by chain A’s validators; the true one at the same height freezes the client'
		);

		const theft = s.send({
			chainId: B,
			from: 'mallory',
			to: w.channel[B],
			method: 'recvPacket',
			args: [forged, lie.header.height, store]
		});
		s.note(
			`Mallory's recvPacket of a 1,000,000 TOK packet against her header: ${whyFailed(theft)}.`
		);
		yield step('Mallory tries to receive a packet chain A never sent');

		const status = s.view(w.client[B], 'status', [], B) as string;
		const worst = samples.reduce((m, x) => (unbacked(x) > m ? unbacked(x) : m), 0n);
		s.summary('Vouchers on chain B', tok(vouchers(s, w), V), { reference: tok(17n * E, V) });
		s.summary('TOK escrowed on chain A', tok(escrowed(s, w)), { reference: tok(17n * E) });
		s.summary('Vouchers backed by nothing (most at one step)', tok(worst, V), {
			reference: tok(0n, V)
		});
		s.summary('Alice: TOK refunded for the timed-out packet', tok(refundedTo(s, w, 'alice')), {
			reference: tok(5n * E)
		});
		s.summary('Chain B’s light client of chain A', status, {
			reference: 'frozen: two valid headers at one height'
		});
		s.overview.bridge!.risk = riskCard(
			worst === 0n,
			status === 'frozen',
			theft.status === 'success'
		);
		return { ibc: w, samples };
	},

	checks: [
		{
			id: 'receive-once',
			title: 'A packet delivered twice is received once; the second delivery is a no-op',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = openIbc(s);
				const seq = send(s, w, 10n);
				const first = relayNow(s, w, seq);
				c.assert(
					first.status === 'success' && voucherOf(s, w, 'bob') === 10n * E,
					`The relayer delivered packet ${seq} (10 TOK for Bob) with a valid proof: expected Bob to get 10 ${V}; the call ${whyFailed(first)} and Bob holds ${tok(voucherOf(s, w, 'bob'), V)}.`
				);
				const again = deliver(s, w, packetOf(s, w, seq));
				c.assert(
					voucherOf(s, w, 'bob') === 10n * E,
					`The relayer delivered packet ${seq} a second time and Bob now holds ${tok(voucherOf(s, w, 'bob'), V)}: a replayed packet minted again. Write a receipt when you receive a packet, and do nothing when it is already there.`
				);
				c.assert(
					again.status === 'success',
					`The second delivery of packet ${seq} reverted (${whyFailed(again)}). In IBC a packet already received is a no-op (ibc-go returns ErrNoOpMsg and the transaction succeeds), so a relayer's batch with a redundant packet does not fail: return without changes.`
				);
				const events = [
					count(s, w, B, 'RecvPacket', seq),
					count(s, w, B, 'WriteAcknowledgement', seq)
				];
				c.assert(
					events[0] === 1 && events[1] === 1,
					`Packet ${seq} gave ${events[0]} RecvPacket and ${events[1]} WriteAcknowledgement events on chain B; expected one of each.`
				);
				const store = new Map(storeOf(s, w, B));
				const p = packetOf(s, w, seq);
				c.assert(
					store.get(pathOf('receipts', p)) === '0x01',
					`After receiving packet ${seq}, chain B's store holds ${store.get(pathOf('receipts', p)) ?? 'nothing'} at ${pathOf('receipts', p)}; expected the receipt 0x01 there, which chain A's timeout proof looks for.`
				);
				const ack = ackCommitment(ICS20_SUCCESS_ACK);
				c.assert(
					store.get(pathOf('acks', p)) === ack,
					`Chain B's acknowledgement commitment is ${store.get(pathOf('acks', p))}; the reference (ibc.ts ackCommitment of {"result":"AQ=="}) is ${ack}.`
				);
				return c.pass(
					`Packet ${seq} minted 10 ${V} once; the replay succeeded and changed nothing; receipt and ack commitment match the reference.`
				);
			}
		},
		{
			id: 'proven-packets-only',
			title: 'Chain B receives only packets proven against a header its light client accepted',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = openIbc(s);
				const seq = send(s, w, 10n);
				updateClient(s, w, B);
				const real = packetOf(s, w, seq);
				const stored = new Map(storeOf(s, w, A)).get(pathOf('commitments', real));
				const reference = packetCommitment({ ...real, data: utf8ToBytes(real.data) });
				c.assert(
					stored === reference,
					`Chain A stored ${stored ?? 'nothing'} as the commitment of packet ${seq}; the reference (ibc.ts packetCommitment, ibc-go CommitPacket) is ${reference}. Keep commitPacket as given.`
				);
				const data = real.data.replace(
					'"amount":"10000000000000000000"',
					'"amount":"1000000000000000000000"'
				);
				const bigger = deliver(s, w, { ...real, data }, 'mallory');
				c.assert(
					bigger.status === 'reverted' && voucherOf(s, w, 'bob') === 0n,
					`Mallory delivered packet ${seq} with its amount changed from 10 to 1,000 TOK and the real proof: chain B accepted it (${tok(voucherOf(s, w, 'bob'), V)} for Bob). Its commitment (ibc.ts packetCommitment) is not the one chain A stored: verify the commitment against the light client.`
				);
				const seq2 = send(s, w, 2n);
				const unproven = deliver(s, w, packetOf(s, w, seq2), 'mallory');
				c.assert(
					unproven.status === 'reverted',
					`Packet ${seq2} was sent after the light client's latest header of chain A, so no header proves it yet; chain B received it anyway.`
				);
				const ok = deliver(s, w, real);
				c.assert(
					ok.status === 'success' && voucherOf(s, w, 'bob') === 10n * E,
					`The real packet ${seq} with a valid proof was refused: ${whyFailed(ok)}.`
				);
				return c.pass(
					'The commitment matches ibc.ts packetCommitment; an altered and an unproven packet were refused; the proven one minted 10 vouchers.'
				);
			}
		},
		{
			id: 'timeout-boundaries',
			title: 'Chain B refuses a packet at or after its timeout (>=); zero means unset',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = openIbc(s);
				const n0 = BigInt(s.blockNumber(B));
				const t0 = s.time(B);
				// every step below is one block of chain B: the client update, then one delivery each
				const landsAt = (k: number) => ({
					height: n0 + BigInt(k),
					time: BigInt(t0 + BLOCK_TIME * k) * NS
				});
				const cases = [
					{
						what: 'timeout timestamp exactly at the block time',
						timeout: { timestamp: landsAt(2).time },
						k: 2
					},
					{
						what: 'timeout height exactly at the block height',
						timeout: { height: landsAt(3).height },
						k: 3
					},
					{
						what: 'timeout height one block later, no timestamp (0)',
						timeout: { height: landsAt(4).height + 1n },
						k: 4
					},
					{
						what: 'timeout timestamp one block later, no height (0-0)',
						timeout: { timestamp: landsAt(5).time + BigInt(BLOCK_TIME) * NS },
						k: 5
					}
				];
				const seqs = cases.map((x) => send(s, w, 1n, x.timeout));
				updateClient(s, w, B);
				for (const [i, x] of cases.entries()) {
					const before = voucherOf(s, w, 'bob');
					const r = deliver(s, w, packetOf(s, w, seqs[i]));
					const block = landsAt(x.k);
					c.assert(
						r.blockNumber === Number(block.height),
						`The delivery landed in block ${r.blockNumber} of chain B, not ${block.height}: the check's timing is off (report this).`
					);
					const p = packetOf(s, w, seqs[i]);
					const elapsed = timeoutElapsed(
						{ height: p.timeoutHeight, timestamp: p.timeoutTimestamp },
						{ height: { revisionNumber: 1n, revisionHeight: block.height }, timestamp: block.time }
					);
					const minted = voucherOf(s, w, 'bob') > before;
					c.assert(
						minted === !elapsed,
						`Packet ${seqs[i]} (${x.what}) reached chain B at height ${block.height}, time ${block.time / NS} s. ` +
							(elapsed
								? `It has timed out (ibc.ts timeoutElapsed: >=), so chain B must refuse it, but it minted.`
								: `It has not timed out (an unset timeout, 0, never elapses), so chain B must receive it, but ${whyFailed(r)}.`)
					);
				}
				return c.pass(
					'Refused at the timeout timestamp and at the timeout height (>=); received one block earlier, with the other timeout unset.'
				);
			}
		},
		{
			id: 'timeout-proven',
			title: 'Chain A refunds a packet only when chain B proves it timed out without a receipt',
			run(c: CheckContext<Run>) {
				const s = c.fresh();
				const w = openIbc(s);
				const early = send(s, w, 5n, { timestamp: at(s, TIMEOUT_SECONDS) });
				const held = tokOf(s, w, 'alice');
				updateClient(s, w, A);
				const proofTime = s.time(B);
				const soon = proveTimeout(s, w, packetOf(s, w, early), 'mallory');
				c.assert(
					tokOf(s, w, 'alice') === held,
					`Mallory called timeoutPacket for packet ${early} with a header of chain B whose time is ${Number(packetOf(s, w, early).timeoutTimestamp / NS) - proofTime} s before the packet's timeout, and chain A refunded ${tok(tokOf(s, w, 'alice') - held)} (${whyFailed(soon)}). Check timeoutElapsed at the proof height's consensus state (its time in seconds, times 1_000_000_000n).`
				);
				const got = relayNow(s, w, early);
				c.assert(
					got.status === 'success',
					`Packet ${early} arrived in time and was refused: ${whyFailed(got)}.`
				);
				wait(s, TIMEOUT_SECONDS + BLOCK_TIME);
				updateClient(s, w, A);
				const late = proveTimeout(s, w, packetOf(s, w, early), 'mallory');
				c.assert(
					tokOf(s, w, 'alice') === held,
					`Packet ${early} was received on chain B (Bob holds ${tok(voucherOf(s, w, 'bob'), V)}), then B's time passed its timeout. Mallory proved a timeout on chain A and Alice was refunded: the TOK now exist twice. Prove that chain B holds no receipt for the packet (verifyNonMembership). The call ${whyFailed(late)}.`
				);
				const lost = send(s, w, 7n, { timestamp: at(s, TIMEOUT_SECONDS) });
				const before = tokOf(s, w, 'alice');
				wait(s, TIMEOUT_SECONDS + BLOCK_TIME);
				updateClient(s, w, A);
				const once = proveTimeout(s, w, packetOf(s, w, lost));
				const twice = proveTimeout(s, w, packetOf(s, w, lost));
				const gained = tokOf(s, w, 'alice') - before;
				c.assert(
					once.status === 'success' && gained === 7n * E,
					`Packet ${lost} (7 TOK) timed out with no receipt on chain B; the relayer proved it, and Alice got ${tok(gained)} back (${whyFailed(once)}). Expected 7 TOK.`
				);
				c.assert(
					twice.status === 'success',
					`A second timeout of packet ${lost} should be a no-op; it ${whyFailed(twice)}.`
				);
				return c.pass(
					'An early timeout and one for a received packet refunded nothing; a real timeout refunded 7 TOK once.'
				);
			}
		},
		{
			id: 'run-settles-once',
			title:
				'In the run, every packet ends once: vouchers on B = escrow on A - in flight at every step',
			run(c: CheckContext<Run>) {
				const { samples } = c.result;
				c.assert(samples.length === c.steps.length, 'The run stopped early; see the console.');
				for (const x of samples) {
					if (unbacked(x) === 0n) continue;
					return c.fail(
						`Step ${x.step + 1} (${x.label}): chain B has ${tok(x.vouchers, V)}, but chain A escrows ${tok(x.escrowed)} with ${tok(x.inFlight)} in flight, so ${tok(unbacked(x), V)} are backed by nothing. A packet was received twice, or received and refunded.`
					);
				}
				const back = refundedTo(c.final, c.result.ibc, 'alice');
				c.assert(
					back === 5n * E,
					`Alice's 5 TOK packet to Dave timed out; she got ${tok(back)} back. Expected 5 TOK.`
				);
				return c.pass(
					`Vouchers = escrow - in flight at all ${samples.length} steps; Alice got her 5 TOK back.`
				);
			}
		}
	]
});

/** TOK refunded to `who` by timeouts on chain A (TimeoutPacket events, amounts from SendPacket). */
function refundedTo(s: ScenarioContext, w: Ibc, who: string): bigint {
	const sender = s.address(who, A).toLowerCase();
	let total = 0n;
	for (const l of s.logs({ chainId: A, event: 'TimeoutPacket', address: w.channel[A] })) {
		const p = packetOf(s, w, l.args.nonce as bigint);
		const data = JSON.parse(p.data) as { sender: string; amount: string };
		if (data.sender.toLowerCase() === sender) total += BigInt(data.amount);
	}
	return total;
}

/**
 * The channel graded on L2BEAT's bridge fields, beside lesson 03's Ronin gateway: who validates
 * a message, and what the token on chain B is (L2BEAT's values and colours: l2beat/l2beat
 * packages/config/src/common/bridgeRiskView.ts, Canonical good, Wrapped bad).
 */
function riskCard(backed: boolean, frozen: boolean, stolen: boolean): RiskCard {
	return {
		name: 'your IBC channel',
		rows: [
			{
				field: 'Validated by',
				value: 'Light client',
				level: stolen ? 'bad' : 'good',
				because: stolen
					? 'A packet chain A never sent was received: the light client was bypassed.'
					: `Chain B received only packets proven against headers its light client accepted, each signed by more than 2/3 of chain A's voting power; ${frozen ? 'two conflicting headers froze it' : 'it is still active'}.`
			},
			{
				field: 'Lesson 03 (Ronin)',
				value: 'Multisig 5/9',
				level: 'bad',
				because:
					'Validated by a multisig: Ronin paid on 5 of 9 keys, four of them one company’s. Keys decided, not a chain’s consensus.'
			},
			{
				field: 'Destination token',
				value: 'Canonical (voucher)',
				level: 'good',
				because: `Chain B's transfer module mints it for transfer/channel-0/TOK, so on chain B it is TOK (lesson 01's wTOK was wrapped); backed while chain A's escrow holds the TOK.`
			},
			{
				field: 'Backing in this run',
				value: backed ? 'Held at every step' : 'Broken',
				level: backed ? 'good' : 'bad',
				because: backed
					? 'Vouchers on chain B equalled escrow on chain A minus in flight at every step.'
					: 'A packet was received twice, or received and refunded: some vouchers are backed by nothing (see the supply view).'
			}
		]
	};
}
